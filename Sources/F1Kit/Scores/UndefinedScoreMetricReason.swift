/// Why a score metric has no value for some data.
///
/// F1Kit reports such a metric as `nil` (JSON `null`) with this reason in
/// the text output, rather than the placeholder scikit-learn returns with a
/// warning.
public enum UndefinedScoreMetricReason: Hashable, Sendable, CustomStringConvertible {
  /// No item has the positive label, so precision–recall has no positives
  /// to rank.
  case noPositiveItems
  /// Every item has the same gold label, so ROC-AUC compares nothing.
  case singleGoldClass
  /// A class (0-based column index) has no gold items, so its one-vs-rest
  /// or one-vs-one terms are undefined.
  case classWithoutGoldItems(classIndex: Int)
  /// A binary score lies outside [0, 1].
  case scoresNotProbabilities
  /// A multiclass row has a value outside [0, 1] or does not sum to 1
  /// within 1e-6.
  case rowsNotProbabilities

  /// A short explanation for the text output.
  public var description: String {
    switch self {
    case .noPositiveItems: "no item has the positive label"
    case .singleGoldClass: "every item has the same gold label"
    case .classWithoutGoldItems(let index): "class \(index + 1) has no gold items"
    case .scoresNotProbabilities: "the scores are not probabilities (a score is outside [0, 1])"
    case .rowsNotProbabilities:
      "the score rows are not probabilities (a value outside [0, 1] or a row not summing to 1 within 1e-6)"
    }
  }
}
