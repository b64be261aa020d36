/// A metric of a multilabel task, where each pair may belong to any subset
/// of the classes.
///
/// The raw value is the metric's key in results and in the results log.
/// Each equals scikit-learn's function on the label-indicator matrices with
/// one column per model output, such as
/// `f1_score(y_true, y_pred, average="samples")`.
public enum MultilabelMetric: String, CaseIterable, Hashable, Sendable {
  /// The mean over pairs of the F1 between the gold and predicted sets: the
  /// primary metric.
  case samplesF1 = "samples_f1"
  /// F1 of the true positives, false positives and false negatives pooled
  /// over every class.
  case microF1 = "micro_f1"
  /// The unweighted mean over classes of each class's F1.
  case macroF1 = "macro_f1"
  /// The mean over classes of each class's F1, weighted by how many pairs
  /// have the class.
  case weightedF1 = "weighted_f1"
  /// The fraction of pairs whose predicted set equals the gold set exactly.
  case subsetAccuracy = "subset_accuracy"
}
