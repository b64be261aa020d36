import F1Kit
import F1KitReading
import _TestSupport

/// Small confusion matrices and real fixtures for the advice tests.
enum AdviceTestData {
  /// Metrics of a confusion matrix given as rows (gold down, predicted
  /// across).
  static func metrics(
    _ labels: [String], _ rows: [[Int]], options: EvaluationOptions = EvaluationOptions()
  ) throws -> ClassificationMetrics {
    try ClassificationMetrics(
      confusionMatrix: ConfusionMatrix(labels: labels, counts: rows), options: options)
  }

  /// The metrics of a fixture file.
  static func fixtureMetrics(_ path: String) throws -> ClassificationMetrics {
    let matrix = try PredictionReader(path: Fixtures.url(path).path).readConfusionMatrix()
    return try ClassificationMetrics(confusionMatrix: matrix)
  }
}
