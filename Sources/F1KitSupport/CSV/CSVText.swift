/// Writing and reading small CSV texts under RFC 4180: the one CSV codec for
/// results logs, training curves, data splits and tidy tables.
///
/// Prediction files go through F1KitReading's streaming reader, which is
/// built for gigabytes; this is for the small tables around them. Both read
/// quotes the same way: a `"` opens a quoted field only at the start of a
/// field, `""` inside one stands for a quote, and anything else (a quote in
/// the middle of an unquoted field, text after a closing quote, a quote left
/// open) is an error naming its line and column rather than a guess.
package enum CSVText {
  /// One record: fields joined by commas, quoted where needed, and ended.
  ///
  /// - Parameters:
  ///   - fields: The record's fields.
  ///   - lineEnding: The record's end; RFC 4180's CRLF unless a file keeps
  ///     LF to stay diffable.
  /// - Returns: The encoded record.
  package static func record(_ fields: [String], lineEnding: String = "\r\n") -> String {
    fields.map(field).joined(separator: ",") + lineEnding
  }

  /// One field, quoted when it holds a comma, quote, CR or LF.
  ///
  /// - Parameter text: The field's value.
  /// - Returns: The encoded field.
  package static func field(_ text: String) -> String {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else { return text }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted += "\"" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  /// Splits CSV text into records of unquoted fields.
  ///
  /// - Parameters:
  ///   - text: The CSV text; LF or CRLF line ends, an optional final line
  ///     end and an optional byte-order mark.
  ///   - limit: The most records to read; `nil` reads them all.
  /// - Returns: The records' fields.
  /// - Throws: ``CSVSyntaxError`` at the first misplaced quote.
  /// - Complexity: O(*n*) for *n* characters.
  package static func records(in text: String, limit: Int? = nil) throws(CSVSyntaxError)
    -> [[String]]
  {
    try numberedRecords(in: text, limit: limit).map(\.fields)
  }

  /// Splits CSV text into records, each with the line it starts on.
  ///
  /// A blank line is a record with one empty field (``CSVRecord/isBlank``);
  /// a CR outside quotes is dropped, so CRLF and LF both end records.
  ///
  /// - Parameters:
  ///   - text: The CSV text.
  ///   - limit: The most records to read; `nil` reads them all.
  /// - Returns: The records in order.
  /// - Throws: ``CSVSyntaxError`` at the first misplaced quote.
  /// - Complexity: O(*n*) for *n* characters.
  package static func numberedRecords(in text: String, limit: Int? = nil) throws(CSVSyntaxError)
    -> [CSVRecord]
  {
    var scanner = Scanner(text)
    var records: [CSVRecord] = []
    while limit.map({ records.count < $0 }) ?? true, let record = try scanner.next() {
      records.append(record)
    }
    return records
  }

  /// A number with round-trip precision; undefined values are empty.
  ///
  /// - Parameter value: The number.
  /// - Returns: Its shortest exact decimal (`0.1`, `1.0`), or an empty
  ///   string for NaN and infinities.
  package static func number(_ value: Double) -> String {
    value.isFinite ? NumberText.shortest(value) : ""
  }

  /// Reads records one at a time, counting lines.
  private struct Scanner {
    var scalars: String.UnicodeScalarView.SubSequence
    var line = 1
    var column = 1

    init(_ text: String) {
      scalars = text.unicodeScalars[...]
      if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    }

    mutating func pop() -> Unicode.Scalar? {
      guard let scalar = scalars.popFirst() else { return nil }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      return scalar
    }

    func error(_ reason: CSVSyntaxError.Reason, back: Int = 1) -> CSVSyntaxError {
      CSVSyntaxError(line: line, column: column - back, reason: reason)
    }

    mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
      guard !scalars.isEmpty else { return nil }
      let recordLine = line
      var fields: [String] = []
      var field = ""
      while true {
        // At the start of a field.
        if scalars.first == "\"" {
          _ = pop()
          let openLine = line
          let openColumn = column - 1
          while true {
            guard let scalar = pop() else {
              throw CSVSyntaxError(line: openLine, column: openColumn, reason: .unterminatedQuote)
            }
            if scalar != "\"" {
              field.unicodeScalars.append(scalar)
            } else if scalars.first == "\"" {
              field.unicodeScalars.append(pop()!)
            } else {
              break
            }
          }
          if scalars.first == "\r" { _ = pop() }
          switch scalars.first {
          case nil:
            fields.append(field)
            return CSVRecord(line: recordLine, fields: fields)
          case ",":
            _ = pop()
            fields.append(field)
            field = ""
            continue
          case "\n":
            _ = pop()
            fields.append(field)
            return CSVRecord(line: recordLine, fields: fields)
          default:
            _ = pop()
            throw error(.characterAfterQuote)
          }
        }
        // An unquoted field runs to a comma or a line end.
        while true {
          guard let scalar = pop() else {
            fields.append(field)
            return CSVRecord(line: recordLine, fields: fields)
          }
          switch scalar {
          case ",":
            fields.append(field)
            field = ""
          case "\n":
            fields.append(field)
            return CSVRecord(line: recordLine, fields: fields)
          case "\r":
            continue
          case "\"":
            throw error(.strayQuote)
          default:
            field.unicodeScalars.append(scalar)
            continue
          }
          break
        }
      }
    }
  }
}
