/// How many items of a multilabel evaluation have an empty gold or
/// predicted set over the evaluated labels: the items whose precision,
/// recall, F-score or Jaccard index in the samples averages is 0/0, so
/// that the zero-division rule decides it, as scikit-learn's
/// `UndefinedMetricWarning` says ("in samples with no predicted labels",
/// "no true labels", "no true nor predicted labels").
public struct EmptyLabelSetCounts: Hashable, Sendable {
  /// Items with no gold label: their recall is undefined.
  public private(set) var emptyGold = 0
  /// Items with no predicted label: their precision is undefined.
  public private(set) var emptyPredicted = 0
  /// Items with neither: their F-score and Jaccard index are undefined too.
  public private(set) var emptyBoth = 0

  /// Creates zero counts.
  public init() {}

  /// Whether some samples average depends on the zero-division rule.
  public var isEmpty: Bool { emptyGold == 0 && emptyPredicted == 0 }

  /// Counts items by which of their sets are empty.
  ///
  /// - Parameters:
  ///   - isGoldEmpty: Whether the items' gold set is empty.
  ///   - isPredictedEmpty: Whether their predicted set is empty.
  ///   - count: How many items.
  mutating func add(isGoldEmpty: Bool, isPredictedEmpty: Bool, count: Int) {
    if isGoldEmpty { emptyGold += count }
    if isPredictedEmpty { emptyPredicted += count }
    if isGoldEmpty && isPredictedEmpty { emptyBoth += count }
  }
}
