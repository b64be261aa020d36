import F1Kit
import Foundation

extension CrossEncoderEvaluator {
  /// Scores a model, computes every metric of the task, and appends them to
  /// the results log.
  ///
  /// Binary tasks report every `Metric` (binary F1 first among
  /// equals as primary) plus `threshold` for a single-output model;
  /// multiclass tasks report the multiclass metrics with macro-F1 primary;
  /// multilabel tasks report the ``MultilabelMetric`` values with
  /// samples-F1 primary. Binary and multiclass values equal
  /// `ClassificationMetrics` over (gold, predicted) exactly.
  ///
  /// - Parameters:
  ///   - model: The model to score.
  ///   - outputDirectory: The folder for `<name>_results.csv`, or `nil` to
  ///     write nothing.
  ///   - epoch: The epoch, fractional within an epoch; -1 when not training.
  ///   - step: The global training step; -1 when not training.
  /// - Returns: Every metric keyed `<name>_<metric>`, the primary metric and
  ///   whether greater is better.
  /// - Throws: The errors of ``predict(_:)``, and
  ///   ``EvaluationError/resultsLogUnwritable(path:reason:)`` when the log
  ///   cannot be written (the metrics are lost for that call, the rows
  ///   already logged are not).
  /// - Complexity: That of ``predict(_:)`` plus O(*n* + *k*²) for the metrics
  ///   and O(*s*) to rewrite a log of *s* bytes.
  @discardableResult
  public func evaluate(
    _ model: some CrossEncoder, outputDirectory: URL? = nil, epoch: Double = -1, step: Int = -1
  ) throws(EvaluationError) -> EvaluationResult {
    var reporter = makeReporter()
    let predictions = try predict(model, reporter: &reporter)
    var values = metricValues(of: predictions)
    if let threshold = predictions.threshold { values.append(("threshold", threshold)) }
    let result = EvaluationResult(
      metrics: values.map { (key($0.name), $0.value) }, primaryMetricKey: primaryMetricKey,
      isGreaterBetter: true, threshold: predictions.threshold, epoch: epoch, step: step)
    var logged = ""
    if writesResults, let outputDirectory {
      var log = ResultsLog(directory: outputDirectory, name: name)
      log.note = output
      let file = try log.append(epoch: epoch, step: step, metrics: values)
      logged = ", logged to \(file.lastPathComponent)"
    }
    let epochText = ResultsLog.number(epoch)
    let position =
      epoch == -1
      ? "" : step == -1 ? " at epoch \(epochText)" : " at epoch \(epochText), step \(step)"
    reporter.finish(
      "\(task.primaryMetricName) \(result.primaryValue)\(position)"
        + (predictions.threshold.map { ", threshold \($0)" } ?? "") + logged)
    return result
  }

  /// The task's metrics, unprefixed, in report order.
  func metricValues(of predictions: Predictions) -> [(name: String, value: Double)] {
    switch gold {
    case .classSets(let gold):
      let scores = MultilabelScores(
        gold: gold, predicted: predictions.classSets,
        classCount: predictions.scores.first?.count ?? 0, zeroDivision: zeroDivision)
      return MultilabelMetric.allCases.map { ($0.rawValue, scores.value(of: $0)) }
    case .classes(let gold):
      let metrics = Self.classificationMetrics(
        gold: gold, predicted: predictions.classes, task: task, zeroDivision: zeroDivision)
      return metrics.reportedMetrics.map { ($0.rawValue, metrics.value(of: $0)) }
    }
  }

  /// The core metrics over (gold, predicted), in that order.
  static func classificationMetrics(
    gold: [Int], predicted: [Int], task: CrossEncoderTask, zeroDivision: ZeroDivision
  ) -> ClassificationMetrics {
    let options =
      if case .binary = task {
        EvaluationOptions(
          labels: ["0", "1"], positiveLabel: "1", problem: .binary, zeroDivision: zeroDivision)
      } else {
        EvaluationOptions(problem: .multiclass, zeroDivision: zeroDivision)
      }
    // The labels are distinct class indices and the counts match, so
    // neither initialiser can throw.
    let matrix = try! ConfusionMatrix(
      gold: gold.map(String.init), predicted: predicted.map(String.init), labels: options.labels)
    return try! ClassificationMetrics(confusionMatrix: matrix, options: options)
  }
}
