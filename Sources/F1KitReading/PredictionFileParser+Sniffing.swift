import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PredictionFileParser {
  /// The delimiter of a CSV file: a comma, unless the first line with
  /// content has no comma outside quotes but has a semicolon or a tab (as
  /// spreadsheets write in some locales) or a vertical bar (as `psql -A`,
  /// Hive and `df.to_csv(sep="|")` write), which is then used and noted.
  func sniffDelimiter() throws(PredictionFileError) -> UInt8 {
    try fillFirstLine()
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var pipes = 0
    var isQuoted = false
    var offset = source.start
    while offset < source.end, Self.isWhitespace(source.storage[offset]) { offset += 1 }
    scan: while offset < source.end {
      switch source.storage[offset] {
      case .quote: isQuoted.toggle()
      case .comma where !isQuoted: commas += 1
      case .semicolon where !isQuoted: semicolons += 1
      case .tab where !isQuoted: tabs += 1
      case UInt8(ascii: "|") where !isQuoted: pipes += 1
      case .lineFeed where !isQuoted: break scan
      default: break
      }
      offset += 1
    }
    guard commas == 0, semicolons + tabs + pipes > 0 else { return .comma }
    // The most frequent wins; ties go to ';', then a tab, then '|'.
    let (delimiter, name) =
      semicolons >= Swift.max(tabs, pipes)
      ? (UInt8.semicolon, "';'") : tabs >= pipes ? (UInt8.tab, "a tab") : (UInt8(ascii: "|"), "'|'")
    notes.append(
      "\(path): the header has no comma but has \(name), so fields are read as separated by \(name) (--delimiter chooses)"
    )
    return delimiter
  }

  /// Fills the buffer until it holds the first line with content, or the
  /// whole file.
  func fillFirstLine() throws(PredictionFileError) {
    var consumed = 0
    while true {
      var offset = source.start + consumed
      while offset < source.end, Self.isWhitespace(source.storage[offset]) { offset += 1 }
      consumed = offset - source.start
      if offset < source.end, source.firstIndex(of: .lineFeed, from: offset) != nil { break }
      guard try source.fill() else { break }
    }
  }

  /// Sniffs the format from the first line with content.
  func sniffFormat() throws(PredictionFileError) -> PredictionFileFormat {
    try fillFirstLine()
    return PredictionFileFormat.sniffed(
      from: UnsafeBufferPointer(start: source.storage + source.start, count: source.availableCount))
  }

  /// Refuses a file that opens a JSON array of objects (`[{`, spaces and
  /// line breaks aside) or of arrays (`[[`, pandas' `orient="values"`):
  /// read as CSV it would fail on its first quote or take the brackets for
  /// column names, and as JSON Lines fail on its bracket, neither saying
  /// what the file is.
  func refuseJSONArray() throws(PredictionFileError) {
    // The first two bytes that are not whitespace, read as far as needed
    // (a pretty-printed array puts `{` on the second line).
    var found: [UInt8] = []
    var offset = 0
    while found.count < 2 {
      if source.start + offset >= source.end {
        guard try source.fill() else { break }
        continue
      }
      let byte = source.storage[source.start + offset]
      if !Self.isWhitespace(byte) {
        found.append(byte)
        if found[0] != UInt8(ascii: "[") { return }
      }
      offset += 1
    }
    if found == [UInt8(ascii: "["), UInt8(ascii: "[")] {
      throw error(.pandasJSON(orient: .values), line: 1, column: 1, unit: .byte)
    }
    guard found == [UInt8(ascii: "["), .openingBrace] else { return }
    throw error(.jsonArray, line: 1, column: 1, unit: .byte)
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == .space || byte == .tab || byte == .carriageReturn || byte == .lineFeed
  }
}

extension PredictionFileParser {
  /// Reads a JSON Lines file, and when it fails, names the pandas layout
  /// its first bytes begin, if any: such a file fails on its first line
  /// with a message about a label or a column that would not say it is
  /// one JSON document.
  func parseJSONLinesNamingPandasLayouts<Sink: RecordSink>(
    into sink: inout Sink, readsIDs: Bool
  ) throws(PredictionFileError) -> Int {
    let opening = Array(
      UnsafeBufferPointer(
        start: source.storage + source.start, count: Swift.min(source.availableCount, 512)))
    do {
      return try parseJSONLines(into: &sink, readsIDs: readsIDs)
    } catch {
      // A small chunk may hold less than the layout's first keys: the
      // file is read again from its start, which only a failure pays for.
      guard (error.location?.line ?? 1) <= 2,
        let orient = PandasJSONOrient(opening: Self.openingBytes(of: path) ?? opening)
      else {
        throw error
      }
      throw self.error(.pandasJSON(orient: orient), line: 1, column: 1, unit: .byte)
    }
  }

  /// Up to the first 512 bytes of the file at `path`, or `nil` for
  /// standard input or a file that cannot be read again.
  static func openingBytes(of path: String) -> [UInt8]? {
    guard path != "-" else { return nil }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 512)
    let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    return Array(bytes[..<count])
  }
}
