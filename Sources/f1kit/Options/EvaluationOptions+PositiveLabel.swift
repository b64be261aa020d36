import F1Kit

extension EvaluationOptions {
  /// These options, or, when two labels leave the positive one undecided
  /// ("0" and "2") and `metric` uses none, the same options with the two
  /// labels scored as a multiclass problem.
  ///
  /// Accuracy, the macro, weighted and micro averages, balanced accuracy,
  /// MCC and Cohen's kappa, and McNemar's test, do not depend on which
  /// label is positive (scikit-learn's `accuracy_score` takes no
  /// `pos_label`), and score the same over two labels as a multiclass
  /// problem. Binary precision, recall and F-scores, and no metric at all
  /// (binary F1 by default), still need `--positive`; so does a problem
  /// the command line names.
  ///
  /// - Parameters:
  ///   - matrix: The first model's confusion matrix.
  ///   - metric: The compared metric, if one was named.
  /// - Returns: The options to score every model with.
  func fitted(to matrix: ConfusionMatrix, metric: Metric?) -> EvaluationOptions {
    guard let metric, !metric.isBinaryOnly, problem == nil, positiveLabel == nil else {
      return self
    }
    do {
      _ = try ClassificationMetrics(confusionMatrix: matrix, options: self)
      return self
    } catch {
      guard case .positiveLabelNeeded = error else { return self }
      var options = self
      options.problem = .multiclass
      return options
    }
  }
}
