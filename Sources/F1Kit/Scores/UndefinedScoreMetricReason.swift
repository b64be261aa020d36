import F1KitSupport
import Foundation

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
  /// A class (0-based column index, and its label when known) has no gold
  /// items, so its one-vs-rest or one-vs-one terms are undefined.
  case classWithoutGoldItems(classIndex: Int, label: String?)
  /// A binary score lies outside [0, 1].
  case scoresNotProbabilities
  /// A multiclass row has a value outside [0, 1] or does not sum to 1
  /// within ``MulticlassScores/rowSumTolerance``.
  case rowsNotProbabilities
  /// The rows are probabilities only as rounded (a row sum misses 1 by
  /// `largestDeviation`), and one-vs-one ROC-AUC, like scikit-learn's,
  /// needs rows that sum to 1 (`np.allclose`).
  case rowsNotSummingToOne(largestDeviation: Double)

  /// A short explanation for the text output.
  public var description: String {
    switch self {
    case .noPositiveItems: "no item has the positive label"
    case .singleGoldClass: "every item has the same gold label"
    case .classWithoutGoldItems(_, let label?):
      "class \(TerminalText.quoted(label)) has no gold items"
    case .classWithoutGoldItems(let index, nil):
      "the class of score column \(index + 1) has no gold items"
    case .scoresNotProbabilities: "the scores are not probabilities: a score is outside [0, 1]"
    case .rowsNotProbabilities:
      "the score rows are not probabilities: a value is outside [0, 1] or a row does not sum to 1 within 0.005; for logits, apply a softmax first"
    case .rowsNotSummingToOne(let deviation):
      "a row sums to 1 only within \(Self.shortNumber(deviation)), as rounded probabilities do, and one-vs-one ROC-AUC needs rows that sum to 1 (scikit-learn's np.allclose)"
    }
  }

  /// A small positive number with two significant digits, such as
  /// `0.00015`.
  package static func shortNumber(_ value: Double) -> String {
    guard value.isFinite, value > 0 else { return NumberText.shortestBare(value) }
    let digits = min(15, max(1, Int((-log10(value)).rounded(.up)) + 1))
    return NumberText.fixed(value, digits: digits)
  }
}
