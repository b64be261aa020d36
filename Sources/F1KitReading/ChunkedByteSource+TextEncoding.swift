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
    // One chunk (1 MiB by default) holds a tar header's magic, 257 bytes
    // in; filling further could pass a record limit below it.
    try fill(atLeast: 4)
    let base = storage + start
    let count = availableCount
    if let kind = Self.binaryKind(of: base, count: count) { return .notText(kind: kind) }
    if let encoding = Self.utf16Encoding(of: base, count: count) {
      return .notUTF8(encoding: encoding)
    }
    // Past UTF-16, a NUL byte is in no text file.
    if UnsafeBufferPointer(start: base, count: Swift.min(count, 512)).contains(0) {
      return .notText(kind: .binary)
    }
    let lineEnd = firstIndex(of: .lineFeed, from: start).map { $0 - start } ?? count
    var offset = 0
    while offset < lineEnd, base[offset] != .carriageReturn { offset += 1 }
    return offset + 1 < lineEnd ? .carriageReturnLineEnds : nil
  }

  /// Whether the `count` bytes at `base` start with `prefix`.
  private static func bytes(
    _ base: UnsafePointer<UInt8>, count: Int, startWith prefix: [UInt8]
  ) -> Bool {
    guard count >= prefix.count else { return false }
    for index in prefix.indices where base[index] != prefix[index] { return false }
    return true
  }

  /// The kind of a compressed or columnar file, from its magic number.
  private static func binaryKind(of base: UnsafePointer<UInt8>, count: Int)
    -> PredictionFileError.BinaryKind?
  {
    if bytes(base, count: count, startWith: [0x1F, 0x8B]) { return .gzip }
    if bytes(base, count: count, startWith: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
    if bytes(base, count: count, startWith: [0x50, 0x41, 0x52, 0x31]) { return .parquet }
    if bytes(base, count: count, startWith: [0x42, 0x5A, 0x68]) { return .bzip2 }
    if bytes(base, count: count, startWith: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
    if bytes(base, count: count, startWith: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
    // Pickle protocols 2 to 5 begin with PROTO (0x80) and the protocol.
    if count >= 2, base[0] == 0x80, (2...5).contains(base[1]) { return .pickle }
    if count >= 262, bytes(base + 257, count: 5, startWith: Array("ustar".utf8)) { return .tar }
    return nil
  }

  /// The UTF-16 byte order of text that has a UTF-16 byte order mark or,
  /// without one, a NUL byte beside each of its first two ASCII bytes.
  private static func utf16Encoding(of base: UnsafePointer<UInt8>, count: Int) -> String? {
    if bytes(base, count: count, startWith: [0xFF, 0xFE]) { return "UTF-16 little-endian" }
    if bytes(base, count: count, startWith: [0xFE, 0xFF]) { return "UTF-16 big-endian" }
    guard count >= 4 else { return nil }
    if base[0] != 0, base[1] == 0, base[2] != 0, base[3] == 0 { return "UTF-16 little-endian" }
    if base[0] == 0, base[1] != 0, base[2] == 0, base[3] != 0 { return "UTF-16 big-endian" }
    return nil
  }
}
