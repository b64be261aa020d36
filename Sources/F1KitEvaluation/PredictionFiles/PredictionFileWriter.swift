import F1KitSupport
import Foundation

/// Writes a prediction file that `f1kit evaluate`, `compare` and `report`
/// read: CSV with an `id,label,prediction` header and any score columns,
/// every field escaped as RFC 4180 asks.
///
/// A label with a comma, a quote or a line break is quoted, so the file
/// reads back as written; building such a file by joining strings with
/// commas breaks on the first such label. The file is written atomically:
/// a reader sees the old file or the new one, never half of it.
///
/// ```swift
/// var file = PredictionFileWriter(scoreColumns: ["score"])
/// try file.append(id: "q1", label: "duplicate", prediction: "duplicate", scores: [0.91])
/// try file.append(id: "q2", label: "not, duplicate", prediction: "duplicate", scores: [0.62])
/// try file.write(toPath: "predictions.csv")
/// ```
///
/// ``CrossEncoderEvaluator/predictionFile(for:identifiers:classNames:)``
/// fills one from an evaluator's predictions.
public struct PredictionFileWriter: Sendable {
  /// The header: `id` (when the file has ids), `label`, `prediction`, then
  /// the score columns.
  public let columns: [String]
  /// Whether each row starts with an item id.
  public let hasIdentifiers: Bool
  /// The file so far: the header and every row appended, LF-terminated.
  public private(set) var text: String
  /// The number of rows appended.
  public private(set) var rowCount = 0

  /// Creates a writer with only the header.
  ///
  /// - Parameters:
  ///   - scoreColumns: The names of the score columns after `prediction`:
  ///     `["score"]` for one binary score (`f1kit … --score-column
  ///     score`), or one column per class (`--score-columns`).
  ///   - hasIdentifiers: Whether rows start with an id, which `compare`
  ///     and `report` align files by.
  public init(scoreColumns: [String] = [], hasIdentifiers: Bool = true) {
    self.hasIdentifiers = hasIdentifiers
    columns = (hasIdentifiers ? ["id"] : []) + ["label", "prediction"] + scoreColumns
    text = CSVText.record(columns, lineEnding: "\n")
  }

  /// Appends one item.
  ///
  /// - Parameters:
  ///   - id: The item's id; required when the writer has ids, ignored
  ///     otherwise.
  ///   - label: The gold label.
  ///   - prediction: The predicted label.
  ///   - scores: One score per score column, written in the shortest form
  ///     that reads back to the same `Double`.
  /// - Throws: ``EvaluationError/predictionRowMismatch(row:expected:found:)``
  ///   when the scores do not match the score columns or an id is missing.
  /// - Complexity: O(*m*) for a row of *m* characters.
  public mutating func append(
    id: String? = nil, label: String, prediction: String, scores: [Double] = []
  ) throws(EvaluationError) {
    let scoreColumnCount = columns.count - (hasIdentifiers ? 3 : 2)
    var fields: [String] = []
    if hasIdentifiers {
      guard let id else {
        throw .predictionRowMismatch(
          row: rowCount + 1, expected: columns.count, found: columns.count - 1)
      }
      fields.append(id)
    }
    guard scores.count == scoreColumnCount else {
      throw .predictionRowMismatch(
        row: rowCount + 1, expected: columns.count,
        found: columns.count - scoreColumnCount + scores.count)
    }
    fields += [label, prediction] + scores.map { ResultsLog.number($0) }
    text += CSVText.record(fields, lineEnding: "\n")
    rowCount += 1
  }

  /// Writes the file atomically: through a temporary file renamed over the
  /// destination, or to standard output for `-`.
  ///
  /// - Parameter path: The file to write.
  /// - Throws: ``EvaluationError/predictionFileUnwritable(path:reason:)``
  ///   when it cannot be written; an existing file is then unchanged.
  public func write(toPath path: String) throws(EvaluationError) {
    do {
      try AtomicFileWriter.write(text, toPath: path)
    } catch {
      throw .predictionFileUnwritable(path: path, reason: error.reason)
    }
  }
}
