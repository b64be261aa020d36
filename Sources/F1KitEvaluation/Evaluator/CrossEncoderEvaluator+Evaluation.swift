import F1Kit
import Foundation

extension CrossEncoderEvaluator {
  /// Scores a model, computes every metric of the task, and appends them to
  /// the results log.
  ///
  /// Binary tasks report every `Metric` but the F-beta ones (binary F1
  /// primary), and the F-beta ones too when the evaluator has a ``beta``;
  /// a single-output model adds the score columns (`average_precision`,
  /// `f1_at_frozen_threshold` for a fixed threshold, the
  /// `best_*_tuned_on_this_set` sweep) and `threshold`. Multiclass tasks
  /// report the multiclass metrics (F-beta ones with a beta) with macro-F1
  /// primary;
  /// multilabel tasks report every `MultilabelMetric` (samples, micro,
  /// macro and weighted precision, recall and F1, Jaccard indices, subset
  /// accuracy, Hamming loss; F-beta ones with a beta) with samples-F1
  /// primary, then each class's
  /// precision, recall, F1 and support as `label_<class>_<score>`. Values
  /// equal `ClassificationMetrics` or `MultilabelMetrics` over (gold,
  /// predicted) exactly.
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
  ///   (O(*n* log *n*) for a single-output model's score columns) and
  ///   O(*r* + *h*) to append a row of *r* bytes under a header of *h*
  ///   bytes, whatever the log's size.
  @discardableResult
  public func evaluate(
    _ model: some CrossEncoder, outputDirectory: URL? = nil, epoch: Double = -1, step: Int = -1
  ) throws(EvaluationError) -> EvaluationResult {
    var reporter = makeReporter()
    let predictions = try predict(model, reporter: &reporter)
    for warning in [noPositiveWarning(), logitWarning(scores: predictions.scores)] {
      guard let warning else { continue }
      reporter.endLine()
      output(warning)
    }
    var values = metricValues(of: predictions)
    if let threshold = predictions.threshold { values.append(("threshold", threshold)) }
    let result = try EvaluationResult(
      metrics: values.map { (key($0.name), $0.value) }, primaryMetricKey: primaryMetricKey,
      isGreaterBetter: true, threshold: predictions.threshold, epoch: epoch, step: step)
    var logged = ""
    if writesResults, let outputDirectory {
      var log = ResultsLog(directory: outputDirectory, name: name)
      // The log's notes (a header that changed, say) go on lines of their
      // own, not after the bar.
      reporter.endLine()
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

  /// The warning for a binary task whose gold labels have no pair of class
  /// 1: binary F1, the primary metric, is then 0 (or the zero-division
  /// value) whatever the model predicts, so it cannot pick a best step.
  ///
  /// - Returns: The line, ending in a newline, or `nil` when the task is not
  ///   binary or some pair is labelled 1.
  /// - Complexity: O(*n*) for *n* pairs.
  func noPositiveWarning() -> String? {
    guard case .binary = task, case .classes(let gold) = gold, !gold.contains(1) else {
      return nil
    }
    return
      "warning: \(name.isEmpty ? "" : "\(name): ")no pair is labelled 1, the positive class, so binary F1 (the primary metric) is 0, or the zero-division value, whatever the model predicts and cannot pick a best step; check the labels\n"
  }

  /// The warning for scores cut at the default multilabel threshold 0.5
  /// that are not probabilities: when any score is below 0 or above 1
  /// (logits, most likely), 0.5 is a cut-off from nowhere, a probability
  /// of 0.62 for a logit.
  ///
  /// - Parameter scores: Each pair's scores.
  /// - Returns: The line, ending in a newline, or `nil` when a threshold
  ///   was given, the task is not multilabel, or every score is in [0, 1].
  /// - Complexity: O(*n* *k*) for *n* pairs of *k* scores.
  func logitWarning(scores: [[Double]]) -> String? {
    guard usesDefaultThreshold, task.isMultilabel else { return nil }
    var lowest = Double.infinity
    var highest = -Double.infinity
    for row in scores {
      for score in row where !score.isNaN {
        lowest = min(lowest, score)
        highest = max(highest, score)
      }
    }
    guard lowest < 0 || highest > 1 else { return nil }
    return
      "warning: \(name.isEmpty ? "" : "\(name): ")the scores run from \(lowest) to \(highest), outside 0 to 1, so they look like logits, not probabilities, yet are cut at the default threshold \(Self.defaultThreshold), which assumes probabilities (a logit of 0.5 is a probability of 0.62); give threshold: 0 for logits, or apply a sigmoid to the scores\n"
  }

  /// The task's metrics, unprefixed, in report order.
  func metricValues(of predictions: Predictions) -> [(name: String, value: Double)] {
    switch gold {
    case .classSets(let gold):
      let metrics = Self.multilabelMetrics(
        gold: gold, predicted: predictions.classSets,
        classCount: predictions.scores.first?.count ?? 0, zeroDivision: zeroDivision,
        beta: beta, weights: sampleWeights)
      var values = metrics.reportedMetrics.map { ($0.rawValue, metrics.value(of: $0)) }
      for row in metrics.perLabel() {
        values += [
          ("label_\(row.label)_precision", row.precision),
          ("label_\(row.label)_recall", row.recall),
          ("label_\(row.label)_f1", row.fScore), ("label_\(row.label)_support", row.support),
        ]
      }
      return values
    case .classes(let gold):
      let metrics = Self.classificationMetrics(
        gold: gold, predicted: predictions.classes, task: task, zeroDivision: zeroDivision,
        beta: beta, weights: sampleWeights)
      var values = metrics.reportedMetrics.map { ($0.rawValue, metrics.value(of: $0)) }
      // The score sweeps are not weighted, so weighted pairs leave them out.
      if case .binary(let decision) = task, predictions.scores.first?.count == 1,
        sampleWeights == nil
      {
        let frozen: Double? =
          if case .threshold(let threshold) = decision { threshold } else { nil }
        values += Self.scoreColumns(
          scores: predictions.scores.map { $0[0] }, isPositive: gold.map { $0 == 1 },
          frozenThreshold: frozen, zeroDivision: zeroDivision)
      }
      return values
    }
  }

  /// The threshold-free and threshold-sweep columns of a single-output
  /// binary model: `average_precision`; `f1_at_frozen_threshold` when the
  /// threshold is fixed; and the best F1 and accuracy over every threshold
  /// with their thresholds, named `..._tuned_on_this_set` because they are
  /// chosen on the very set they are measured on (optimistic, as
  /// sentence-transformers' `CrossEncoderClassificationEvaluator` columns
  /// `F1`, `F1_Threshold`, `Accuracy` and `Accuracy_Threshold` are).
  ///
  /// - Parameters:
  ///   - scores: Each pair's score.
  ///   - isPositive: Whether each pair's gold label is 1.
  ///   - frozenThreshold: The fixed threshold, if the task has one.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  /// - Returns: The columns in log order; a value that is undefined (no
  ///   positive pairs, infinite scores) is NaN.
  /// - Complexity: O(*n* log *n*) for *n* pairs.
  static func scoreColumns(
    scores: [Double], isPositive: [Bool], frozenThreshold: Double?, zeroDivision: ZeroDivision
  ) -> [(name: String, value: Double)] {
    let averagePrecision =
      (try? BinaryScores(scores: scores, isPositive: isPositive))?.value(of: .averagePrecision)
      ?? .nan
    var columns: [(name: String, value: Double)] = [("average_precision", averagePrecision)]
    guard let sweep = try? ThresholdSweep(scores: scores, gold: isPositive) else { return columns }
    if let frozenThreshold {
      columns.append(
        (
          "f1_at_frozen_threshold",
          sweep.value(
            of: .binaryF1, at: sweep.index(of: frozenThreshold), zeroDivision: zeroDivision)
        ))
    }
    let f1 = ThresholdTuner.tune(sweep, maximizing: .binaryF1, zeroDivision: zeroDivision)
    let accuracy = ThresholdTuner.tune(sweep, maximizing: .accuracy, zeroDivision: zeroDivision)
    columns += [
      ("best_f1_tuned_on_this_set", f1.value),
      ("best_f1_threshold_tuned_on_this_set", f1.threshold),
      ("best_accuracy_tuned_on_this_set", accuracy.value),
      ("best_accuracy_threshold_tuned_on_this_set", accuracy.threshold),
    ]
    return columns
  }

  /// The core multilabel metrics over (gold, predicted) class sets, with
  /// classes `0..<classCount` in numeric order; with a beta, the F-beta
  /// metrics too.
  static func multilabelMetrics(
    gold: [Set<Int>], predicted: [Set<Int>], classCount: Int, zeroDivision: ZeroDivision,
    beta: Double? = nil, weights: [Double]? = nil
  ) -> MultilabelMetrics {
    let labels = (0..<classCount).map(String.init)
    var counts = MultilabelCounts(labels: labels, isWeighted: weights != nil)
    for (index, (goldSet, predictedSet)) in zip(gold, predicted).enumerated() {
      counts.add(
        gold: LabelSet(goldSet), predicted: LabelSet(predictedSet), weight: weights?[index] ?? 1)
    }
    // The labels are distinct and the weights were checked (finite, not
    // negative, not all zero), so this cannot throw for a model with at
    // least one output (the task checks that).
    return try! MultilabelMetrics(
      counts: counts,
      options: EvaluationOptions(labels: labels, zeroDivision: zeroDivision, beta: beta))
  }

  /// The core metrics over (gold, predicted), in that order; with a beta,
  /// the F-beta metrics too.
  static func classificationMetrics(
    gold: [Int], predicted: [Int], task: CrossEncoderTask, zeroDivision: ZeroDivision,
    beta: Double? = nil, weights: [Double]? = nil
  ) -> ClassificationMetrics {
    let options =
      if case .binary = task {
        EvaluationOptions(
          labels: ["0", "1"], positiveLabel: "1", problem: .binary, zeroDivision: zeroDivision,
          beta: beta)
      } else {
        EvaluationOptions(problem: .multiclass, zeroDivision: zeroDivision, beta: beta)
      }
    if let weights {
      // The weights were checked when the evaluator was made (finite, not
      // negative, not all zero, one per pair), so neither can throw.
      let matrix = try! WeightedConfusionMatrix(
        gold: gold.map(String.init), predicted: predicted.map(String.init), weights: weights,
        labels: options.labels)
      return try! ClassificationMetrics(weightedConfusionMatrix: matrix, options: options)
    }
    // The labels are distinct class indices, the counts match and the beta
    // was checked, so neither initialiser can throw.
    let matrix = try! ConfusionMatrix(
      gold: gold.map(String.init), predicted: predicted.map(String.init), labels: options.labels)
    return try! ClassificationMetrics(confusionMatrix: matrix, options: options)
  }
}
