import Foundation

extension ClassificationMetrics {
  /// The metrics as a tidy CSV table with columns `metric,label,value`.
  ///
  /// Headline metrics have an empty label, except the binary ones, whose
  /// label is the positive label they score; per-class rows repeat the
  /// metric names `precision`, `recall`, `f1` and `support` with the class
  /// label, so the table loads straight into a data frame. Undefined values
  /// are empty.
  ///
  /// - Returns: RFC 4180 text with a header row and CRLF line ends.
  public func csvTable() -> String {
    var rows = [["metric", "label", "value"]]
    for metric in reportedMetrics {
      let label = metric.isBinaryOnly ? positiveLabel ?? "" : ""
      rows.append([metric.rawValue, label, CSVText.number(value(of: metric))])
    }
    for row in perClass() {
      rows.append(["precision", row.label, CSVText.number(row.precision)])
      rows.append(["recall", row.label, CSVText.number(row.recall)])
      rows.append(["f1", row.label, CSVText.number(row.fScore)])
      rows.append(["support", row.label, String(row.support)])
    }
    return rows.map(CSVText.record).joined()
  }
}

/// Writing and reading small CSV texts the way RFC 4180 and Python's `csv`
/// module do.
///
/// Prediction files go through ``PredictionReader``, which streams bytes;
/// this is for the small tables around them: results logs, data splits,
/// reports.
public enum CSVText {
  /// One record: fields joined by commas, quoted where needed, ended by
  /// CRLF.
  ///
  /// - Parameter fields: The record's fields.
  /// - Returns: The encoded record.
  public static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, quoted when it holds a comma, quote, CR or LF.
  ///
  /// - Parameter text: The field's value.
  /// - Returns: The encoded field.
  public static func field(_ text: String) -> String {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Splits CSV text into records of unquoted fields.
  ///
  /// Quoted fields may hold commas, doubled quotes and line breaks; CR is
  /// dropped outside quotes, so CRLF and LF line ends both work. A final
  /// line break is optional.
  ///
  /// - Parameters:
  ///   - text: The CSV text.
  ///   - limit: The most records to read; `nil` reads them all.
  /// - Returns: The records, each a list of fields.
  /// - Complexity: O(*n*) for *n* characters.
  public static func records(in text: String, limit: Int? = nil) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var isQuoted = false
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if isQuoted {
        if scalar != "\"" {
          field.unicodeScalars.append(scalar)
        } else if scalars.first == "\"" {
          field.unicodeScalars.append(scalars.removeFirst())
        } else {
          isQuoted = false
        }
        continue
      }
      switch scalar {
      case "\"": isQuoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r": continue
      case "\n":
        record.append(field)
        records.append(record)
        (record, field) = ([], "")
        if let limit, records.count >= limit { return records }
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }

  /// A number with round-trip precision; undefined values are empty.
  ///
  /// - Parameter value: The number.
  /// - Returns: Its shortest exact decimal, or an empty string for NaN.
  public static func number(_ value: Double) -> String {
    value.isFinite ? JSONValue.format(value) : ""
  }
}
