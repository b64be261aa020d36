import F1KitSupport
import Foundation

extension TrainingCurve {
  /// Reads a training log from a file.
  ///
  /// - Parameter path: The CSV file written by F1KitEvaluation's results log.
  /// - Throws: ``TrainingLogError`` when the file cannot be read or is
  ///   malformed.
  public init(contentsOfFile path: String) throws(TrainingLogError) {
    let data = try Self.contents(ofFile: path)
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
    let contents: ResultsLogFormat.Contents
    do {
      contents = try ResultsLogFormat.parse(text)
    } catch {
      let reason: TrainingLogError.Reason =
        switch error.reason {
        case .empty: .empty
        case .missingColumn(let name): .missingColumn(name)
        case .noMetricColumns: .noMetricColumns
        case .fieldCount(let expected, let found): .fieldCount(expected: expected, found: found)
        case .notANumber(let column, let text): .notANumber(column: column, text: text)
        case .malformedCSV(let column, let expected):
          .malformedCSV(column: column, expected: expected)
        }
      throw TrainingLogError(path: source, line: error.line, reason: reason)
    }
    let curve = TrainingCurve(
      metricNames: contents.metricNames,
      points: contents.rows.map { row in
        Point(
          epoch: row.epoch.isNaN ? -1 : row.epoch,
          step: row.step.isNaN || abs(row.step) > 1e15 ? -1 : Int(row.step), values: row.values)
      },
      source: URL(fileURLWithPath: source).lastPathComponent)
    self = curve.countingStepsFromStart()
  }

  /// The most bytes a training log may hold: one row per evaluation is a
  /// few kilobytes for a long run, so a larger file is not a training log.
  public static let maximumByteCount = 64 << 20

  /// Reads a whole file of at most ``maximumByteCount`` bytes, in chunks,
  /// so that a pipe (`--training-log <(…)`) reads as a file does, and an
  /// endless stream (`/dev/zero`) ends at the limit.
  ///
  /// - Parameter path: The file.
  /// - Returns: Its bytes.
  /// - Throws: ``TrainingLogError`` when it cannot be opened or read, or
  ///   is longer than the limit (``TrainingLogError/Reason/tooLong(byteLimit:)``).
  private static func contents(ofFile path: String) throws(TrainingLogError) -> Data {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path)
        ? "cannot open the file" : "no such file"
      throw TrainingLogError(path: path, reason: .cannotRead(reason))
    }
    defer { try? handle.close() }
    var data = Data()
    while true {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: 1 << 20)
      } catch {
        throw TrainingLogError(path: path, reason: .cannotRead(Self.reason(error)))
      }
      guard let chunk, !chunk.isEmpty else { return data }
      data.append(chunk)
      guard data.count <= maximumByteCount else {
        throw TrainingLogError(path: path, reason: .tooLong(byteLimit: maximumByteCount))
      }
    }
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      let message = underlying.userInfo[NSLocalizedDescriptionKey] as? String
    {
      return message
    }
    return nsError.localizedDescription
  }
}
