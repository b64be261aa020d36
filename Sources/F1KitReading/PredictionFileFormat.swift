import F1Kit

/// The layout of a prediction file.
public enum PredictionFileFormat: String, Hashable, Sendable, CaseIterable {
  /// Comma-separated values as in [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180):
  /// a header row, fields optionally in double quotes with `""` for a quote,
  /// LF or CRLF line endings.
  case csv
  /// Tab-separated values, with the same quoting rules as CSV.
  case tsv
  /// [JSON Lines](https://jsonlines.org): one JSON object per line.
  case jsonLines

  /// The format that a file name's extension implies, if any.
  ///
  /// `.csv` is CSV, `.tsv` and `.tab` are TSV, `.jsonl` and `.ndjson` are
  /// JSON Lines; the comparison ignores case.
  ///
  /// - Parameter path: A file path.
  /// - Returns: The format, or `nil` for any other extension.
  public static func inferred(fromPath path: String) -> PredictionFileFormat? {
    guard let dot = path.lastIndex(of: "."),
      !path[dot...].contains("/")
    else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "csv": return .csv
    case "tsv", "tab": return .tsv
    case "jsonl", "ndjson": return .jsonLines
    default: return nil
    }
  }

  /// The format that the start of a file suggests.
  ///
  /// The first byte other than a space, tab, CR or LF being `{` means JSON
  /// Lines; otherwise a tab in the first line means TSV, and anything else
  /// CSV.
  ///
  /// - Parameter bytes: The start of the file, including at least its first
  ///   line when the file has one.
  /// - Returns: The sniffed format.
  /// - Complexity: O(*n*), where *n* is the length of the first line.
  public static func sniffed(from bytes: some Sequence<UInt8>) -> PredictionFileFormat {
    var isLeadingSpace = true
    var hasLeadingTab = false
    for byte in bytes {
      if isLeadingSpace {
        if byte == .space || byte == .carriageReturn { continue }
        if byte == .tab {
          hasLeadingTab = true
          continue
        }
        if byte == .lineFeed {
          hasLeadingTab = false
          continue
        }
        if byte == .openingBrace { return .jsonLines }
        if hasLeadingTab { return .tsv }
        isLeadingSpace = false
      }
      if byte == .tab { return .tsv }
      if byte == .lineFeed { return .csv }
    }
    return .csv
  }
}

extension UInt8 {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22
  static let comma: UInt8 = 0x2C
  static let semicolon: UInt8 = 0x3B
  static let openingBrace: UInt8 = 0x7B
}
