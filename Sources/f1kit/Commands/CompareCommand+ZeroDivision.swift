import F1Kit
import F1KitSupport

extension CompareCommand {
  /// One warning per model whose compared value the zero-division rule
  /// decides, as `evaluate` warns and scikit-learn's default
  /// `zero_division="warn"` does: a model that never predicts a label
  /// has precision 0/0 there, scored 0 unless `--zero-division` says
  /// otherwise, and its value moves with the rule.
  ///
  /// - Parameters:
  ///   - matrices: Each model's confusion matrix, over the common labels.
  ///   - sources: Each model's file, or column, in messages.
  ///   - evaluation: How the problem is scored.
  ///   - metric: The compared metric.
  /// - Returns: The warnings, without `warning:`; none when the rule was
  ///   chosen or changes no model's value.
  /// - Complexity: O(*m* · *k*²) for *m* models of *k* labels.
  static func zeroDivisionWarnings(
    matrices: [ConfusionMatrix], sources: [String], evaluation: EvaluationOptions,
    metric: Metric
  ) -> [String] {
    zip(matrices, sources).compactMap { matrix, source in
      func value(_ rule: ZeroDivision) -> Double? {
        var options = evaluation
        options.zeroDivision = rule
        return try? ClassificationMetrics(confusionMatrix: matrix, options: options)
          .value(of: metric)
      }
      // A label no gold item has is the comparison's own caution (every
      // model that never predicts it scores zero_division on it).
      let undefined = matrix.labels.indices.filter {
        matrix.predictedTotals[$0] == 0 && matrix.goldTotals[$0] > 0
      }.map { matrix.labels[$0] }
      guard !undefined.isEmpty, let zero = value(.zero), let one = value(.one), zero != one
      else { return nil }
      let labels = " (it never predicts \(TerminalText.list(undefined, limit: 5)))"
      return
        "\(source == "-" ? "stdin" : source): its \(metric.displayName) divides zero by zero\(labels) and is scored with zero_division 0, \(NumberText.fixed(zero, digits: 4)); with --zero-division 1 it would be \(NumberText.fixed(one, digits: 4)). Use --zero-division 0, 1 or nan to choose"
    }
  }
}
