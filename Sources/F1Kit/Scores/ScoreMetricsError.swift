/// A reason per-item scores cannot be scored at all.
///
/// A metric that is merely undefined for the data (one gold class, scores
/// that are not probabilities) is not an error: it is `nil` with an
/// ``UndefinedScoreMetricReason``.
public enum ScoreMetricsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// There are no items.
  case noItems
  /// The number of scores does not match the number of gold labels.
  case countMismatch(scores: Int, gold: Int)
  /// An item's score is NaN or infinite (0-based item index).
  case nonFiniteScore(item: Int)
  /// A multiclass problem has fewer than two classes.
  case tooFewClasses(Int)
  /// An item's gold class index is not a column of the score rows.
  case goldClassOutOfRange(item: Int, classIndex: Int, classCount: Int)
  /// An item's gold label is none of the labels the score columns name
  /// (0-based item index).
  case goldLabelNotScored(item: Int, label: String, scoredLabels: [String])

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .noItems:
      "expected at least one scored item, found none"
    case .countMismatch(let scores, let gold):
      "expected one score per gold label, found \(scores) scores for \(gold) labels"
    case .nonFiniteScore(let item):
      "item \(item + 1): expected a finite score, found NaN or infinity"
    case .tooFewClasses(let count):
      "expected per-class scores for at least two classes, found \(count)"
    case .goldClassOutOfRange(let item, let classIndex, let classCount):
      "item \(item + 1): gold class \(classIndex) is not one of the \(classCount) score columns"
    case .goldLabelNotScored(let item, let label, let scoredLabels):
      "item \(item + 1): expected a gold label with a score column (\(TerminalText.list(scoredLabels))), found \(TerminalText.quoted(label))"
    }
  }
}
