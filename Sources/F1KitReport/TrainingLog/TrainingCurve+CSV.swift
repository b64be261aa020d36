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
    let records = Self.records(text)
    guard let (headerLine, header) = records.first else {
      throw TrainingLogError(path: source, reason: .empty)
    }
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
    for (line, fields) in records.dropFirst() {
      if fields.count == 1 && fields[0].isEmpty { continue }
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

  /// The records of a CSV text with the 1-based line each starts on.
  static func records(_ text: String) -> [(line: Int, fields: [String])] {
    var records: [(Int, [String])] = []
    var fields: [String] = []
    var field = ""
    var isQuoted = false
    var line = 1
    var recordLine = 1
    var scalars = Array(text.unicodeScalars)[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var index = scalars.startIndex
    var hasContent = false
    while index < scalars.endIndex {
      let scalar = scalars[index]
      index += 1
      if isQuoted {
        if scalar == "\"" {
          if index < scalars.endIndex, scalars[index] == "\"" {
            field.unicodeScalars.append("\"")
            index += 1
          } else {
            isQuoted = false
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty:
        isQuoted = true
        hasContent = true
      case ",":
        fields.append(field)
        field = ""
        hasContent = true
      case "\r":
        continue
      case "\n":
        fields.append(field)
        records.append((recordLine, fields))
        fields = []
        field = ""
        hasContent = false
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
        hasContent = true
      }
    }
    if hasContent {
      fields.append(field)
      records.append((recordLine, fields))
    }
    return records
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
