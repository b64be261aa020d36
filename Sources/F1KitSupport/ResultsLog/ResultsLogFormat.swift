/// The results log's file format, written by F1KitEvaluation's `ResultsLog`
/// and read by F1KitReport's `TrainingCurve`: the one definition of both.
///
/// A header `epoch,steps,<metric>,…` and one row per evaluation, RFC 4180
/// with LF line ends (every CSV reader accepts them, and they keep the file
/// diffable). Every record, the header included, ends with LF, so a last
/// line without one is a write cut short. Numbers are the shortest decimal
/// that reads back to the same `Double`, whole numbers bare (`1`, `0.5`,
/// `nan`); a reader also accepts an empty field for NaN.
package enum ResultsLogFormat {
  /// The columns before the metrics.
  package static let leadingColumns = ["epoch", "steps"]

  /// The header record for a set of metrics, with its line end.
  ///
  /// - Parameter metricNames: The metric columns, in order.
  /// - Returns: `epoch,steps,<metrics>\n`.
  package static func header(metricNames: [String]) -> String {
    CSVText.record(headerFields(metricNames: metricNames), lineEnding: "\n")
  }

  /// The header's fields for a set of metrics.
  ///
  /// - Parameter metricNames: The metric columns, in order.
  /// - Returns: `["epoch", "steps"] + metricNames`.
  package static func headerFields(metricNames: [String]) -> [String] {
    leadingColumns + metricNames
  }

  /// One row, with its line end.
  ///
  /// - Parameters:
  ///   - epoch: The epoch, fractional within an epoch.
  ///   - step: The global training step.
  ///   - values: The metric values, in the header's order.
  /// - Returns: The encoded row.
  package static func row(epoch: Double, step: Int, values: [Double]) -> String {
    CSVText.record(
      [number(epoch), String(step)] + values.map(number), lineEnding: "\n")
  }

  /// A number as the log writes it: shortest round trip, whole numbers bare.
  ///
  /// - Parameter value: The number.
  /// - Returns: Such as `1`, `0.8123456789012345`, `nan`.
  package static func number(_ value: Double) -> String {
    NumberText.shortestBare(value)
  }

  /// A parsed log: its metric names and its rows.
  package struct Contents: Hashable, Sendable {
    /// One evaluation.
    package struct Row: Hashable, Sendable {
      /// The 1-based line of the row.
      package var line: Int
      /// The epoch; NaN when the field was empty or `nan`.
      package var epoch: Double
      /// The step; NaN when the field was empty or `nan`.
      package var step: Double
      /// The metric values in ``Contents/metricNames`` order.
      package var values: [Double]
    }

    /// The metric columns in order.
    package var metricNames: [String]
    /// The rows in file order, blank lines skipped.
    package var rows: [Row]
  }

  /// Why a text is not a results log, and where.
  package struct ParseError: Error, Hashable, Sendable {
    /// What is wrong.
    package enum Reason: Hashable, Sendable {
      /// The text has no header.
      case empty
      /// The header lacks `epoch` or `steps`.
      case missingColumn(String)
      /// The header has no metric column.
      case noMetricColumns
      /// A row has another number of fields than the header.
      case fieldCount(expected: Int, found: Int)
      /// A field is not a number, or `steps` is not whole.
      case notANumber(column: String, text: String)
      /// A misplaced quote at a 1-based column.
      case malformedCSV(column: Int, expected: String)
    }

    /// The 1-based line, if the problem is on one.
    package var line: Int?
    /// What is wrong.
    package var reason: Reason
  }

  /// Reads a results log.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The metric names and rows.
  /// - Throws: ``ParseError`` at the first problem.
  /// - Complexity: O(*n*) for *n* characters.
  package static func parse(_ text: String) throws(ParseError) -> Contents {
    let records: [CSVRecord]
    do {
      records = try CSVText.numberedRecords(in: text)
    } catch {
      throw ParseError(
        line: error.line, reason: .malformedCSV(column: error.column, expected: error.expected))
    }
    guard let first = records.first, !(records.count == 1 && first.isBlank) else {
      throw ParseError(line: nil, reason: .empty)
    }
    let header = first.fields
    var leading: [Int] = []
    for name in leadingColumns {
      guard let column = header.firstIndex(of: name) else {
        throw ParseError(line: first.line, reason: .missingColumn(name))
      }
      leading.append(column)
    }
    let (epochColumn, stepColumn) = (leading[0], leading[1])
    let metricColumns = header.indices.filter { $0 != epochColumn && $0 != stepColumn }
    guard !metricColumns.isEmpty else {
      throw ParseError(line: first.line, reason: .noMetricColumns)
    }
    var rows: [Contents.Row] = []
    for record in records.dropFirst() where !record.isBlank {
      let fields = record.fields
      guard fields.count == header.count else {
        throw ParseError(
          line: record.line, reason: .fieldCount(expected: header.count, found: fields.count))
      }
      func value(_ column: Int) throws(ParseError) -> Double {
        let field = fields[column].trimmingSpaces()
        if field.isEmpty || field.lowercased() == "nan" { return .nan }
        guard let value = Double(field) else {
          throw ParseError(
            line: record.line, reason: .notANumber(column: header[column], text: field))
        }
        return value
      }
      let epoch = try value(epochColumn)
      let step = try value(stepColumn)
      guard step.isNaN || step == step.rounded() else {
        throw ParseError(
          line: record.line, reason: .notANumber(column: "steps", text: fields[stepColumn]))
      }
      var values: [Double] = []
      values.reserveCapacity(metricColumns.count)
      for column in metricColumns { values.append(try value(column)) }
      rows.append(Contents.Row(line: record.line, epoch: epoch, step: step, values: values))
    }
    return Contents(metricNames: metricColumns.map { header[$0] }, rows: rows)
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = lastIndex(where: { !isSpace($0) })!
    return String(self[start...end])
  }
}
