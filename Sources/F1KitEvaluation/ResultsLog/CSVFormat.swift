/// The little RFC 4180 the results log needs: quoting a field, joining a
/// record, and reading back the header.
enum CSVFormat {
  /// Quotes a field when it holds a comma, a quote or a line break.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// One record with its line ending. RFC 4180 ends records with CRLF;
  /// the log uses LF, which every CSV reader accepts, to stay diffable.
  static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\n"
  }

  /// The fields of the first record of a CSV text.
  ///
  /// - Parameter text: CSV text; quoted fields may hold commas, quotes
  ///   (doubled) and line breaks.
  /// - Returns: The fields, unquoted; empty for empty text.
  static func firstRecord(of text: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var isQuoted = false
    var iterator = text.unicodeScalars.makeIterator()
    var pending = iterator.next()
    guard pending != nil else { return [] }
    while let scalar = pending {
      pending = iterator.next()
      if isQuoted {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = iterator.next()
          } else {
            isQuoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty: isQuoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\n", "\r":
        fields.append(field)
        return fields
      default: field.unicodeScalars.append(scalar)
      }
    }
    fields.append(field)
    return fields
  }
}
