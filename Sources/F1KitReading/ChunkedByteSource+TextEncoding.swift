extension ChunkedByteSource {
  /// Why the file's first bytes are not UTF-8 text with LF or CRLF line
  /// ends, or `nil` when they may be.
  ///
  /// Read as UTF-8, a UTF-16 file or a compressed one stops at its first
  /// odd byte with a message about invalid UTF-8, and a file whose lines
  /// end in a lone CR is one long header line whose columns are all wrong;
  /// each is what some export writes, and each deserves its fix by name.
  /// Only the bytes already read are searched for line ends, so a big file
  /// is not read whole to find them.
  ///
  /// - Returns: The reason to refuse the file, if any.
  /// - Throws: ``PredictionFileError`` when the file cannot be read.
  func foreignTextProblem() throws(PredictionFileError) -> PredictionFileError.Reason? {
    try fill(atLeast: 4)
    let bytes = UnsafeBufferPointer(start: storage + start, count: availableCount)
    if let kind = Self.binaryKind(of: bytes) { return .notText(kind: kind) }
    if let encoding = Self.utf16Encoding(of: bytes) { return .notUTF8(encoding: encoding) }
    let lineFeed = bytes.firstIndex(of: .lineFeed) ?? bytes.endIndex
    guard let carriageReturn = bytes[..<lineFeed].firstIndex(of: .carriageReturn),
      carriageReturn + 1 < lineFeed
    else { return nil }
    return .carriageReturnLineEnds
  }

  /// The kind of a compressed or columnar file, from its magic number.
  private static func binaryKind(of bytes: UnsafeBufferPointer<UInt8>) -> PredictionFileError
    .BinaryKind?
  {
    if bytes.starts(with: [0x1F, 0x8B]) { return .gzip }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
    if bytes.starts(with: Array("PAR1".utf8)) { return .parquet }
    return nil
  }

  /// The UTF-16 byte order of text that has a UTF-16 byte order mark or,
  /// without one, a NUL byte beside each of its first two ASCII bytes.
  private static func utf16Encoding(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 little-endian" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 big-endian" }
    guard bytes.count >= 4 else { return nil }
    if bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 { return "UTF-16 little-endian" }
    if bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 { return "UTF-16 big-endian" }
    return nil
  }
}
