import F1Kit

/// The little RFC 4180 the results log needs: joining a record, and reading
/// back the header.
enum CSVFormat {
  /// One record with its line ending. RFC 4180 ends records with CRLF;
  /// the log uses LF, which every CSV reader accepts, to stay diffable.
  static func line(_ fields: [String]) -> String {
    fields.map(CSVText.field).joined(separator: ",") + "\n"
  }

  /// The fields of the first record of a CSV text; empty for empty text.
  static func firstRecord(of text: String) -> [String] {
    CSVText.records(in: text, limit: 1).first ?? []
  }
}
