import F1KitSupport
import Foundation

extension TrainingCurve {
  /// Reads a training log from a file.
  ///
  /// - Parameter path: The CSV file written by F1KitEvaluation's results log.
  /// - Throws: ``TrainingLogError`` when the file cannot be read or is
  ///   malformed.
  public init(contentsOfFile path: String) throws(TrainingLogError) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw TrainingLogError(path: path, reason: .cannotRead(Self.reason(error)))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw TrainingLogError(path: path, reason: .cannotRead("not UTF-8 text"))
    }
    try self.init(csv: text, source: path)
  }

  /// Parses a training log: an RFC 4180 header `epoch,steps,<metrics>` and
  /// one row per evaluation. Metric values may be `nan` or empty.
  ///
  /// - Parameters:
  ///   - text: The CSV text; LF or CRLF line ends.
  ///   - source: The file name, for errors and the report.
  /// - Throws: ``TrainingLogError`` naming the line of the first problem.
  /// - Complexity: O(*n*) for *n* characters.
  public init(csv text: String, source: String) throws(TrainingLogError) {
    let records: [CSVRecord]
    do {
      records = try CSVText.numberedRecords(in: text)
    } catch {
      throw TrainingLogError(
        path: source, line: error.line,
        reason: .malformedCSV(column: error.column, expected: error.expected))
    }
    guard let first = records.first, !(records.count == 1 && first.isBlank) else {
      throw TrainingLogError(path: source, reason: .empty)
    }
    let (headerLine, header) = (first.line, first.fields)
    guard let epochColumn = header.firstIndex(of: "epoch") else {
      throw TrainingLogError(path: source, line: headerLine, reason: .missingColumn("epoch"))
    }
    guard let stepColumn = header.firstIndex(of: "steps") else {
      throw TrainingLogError(path: source, line: headerLine, reason: .missingColumn("steps"))
    }
    let metricColumns = header.indices.filter { $0 != epochColumn && $0 != stepColumn }
    guard !metricColumns.isEmpty else {
      throw TrainingLogError(path: source, line: headerLine, reason: .noMetricColumns)
    }
    var points: [Point] = []
    for record in records.dropFirst() where !record.isBlank {
      let (line, fields) = (record.line, record.fields)
      guard fields.count == header.count else {
        throw TrainingLogError(
          path: source, line: line, reason: .fieldCount(expected: header.count, found: fields.count)
        )
      }
      func number(_ column: Int) throws(TrainingLogError) -> Double {
        let field = fields[column].trimmingCharacters(in: .whitespaces)
        if field.isEmpty || field.lowercased() == "nan" { return .nan }
        guard let value = Double(field) else {
          throw TrainingLogError(
            path: source, line: line, reason: .notANumber(column: header[column], text: field))
        }
        return value
      }
      let epoch = try number(epochColumn)
      let step = try number(stepColumn)
      guard step.isNaN || step == step.rounded() else {
        throw TrainingLogError(
          path: source, line: line,
          reason: .notANumber(column: "steps", text: fields[stepColumn]))
      }
      var values: [Double] = []
      for column in metricColumns { values.append(try number(column)) }
      points.append(
        Point(
          epoch: epoch.isNaN ? -1 : epoch, step: step.isNaN || abs(step) > 1e15 ? -1 : Int(step),
          values: values))
    }
    self.init(
      metricNames: metricColumns.map { header[$0] }, points: points,
      source: URL(fileURLWithPath: source).lastPathComponent)
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      let message = underlying.userInfo[NSLocalizedDescriptionKey] as? String
    {
      return message
    }
    if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError {
      return "no such file"
    }
    return nsError.localizedDescription
  }
}
