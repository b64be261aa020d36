/// The running sums of one sweep down a ranking when every weight is a
/// whole number (a bootstrap multiplicity, or one for each item a permuted
/// model holds), added up in integers.
///
/// Up to ``exactItemLimit`` items every sum ``RankSummary`` keeps in a
/// `Double` is a whole number below 2^53, so it is exact there too: these
/// sums give bit for bit the same ``RankSummary``, more cheaply, and
/// without average precision's division per group when only ROC-AUC is
/// wanted.
struct CountedRankSums {
  /// The most items (total weight) for which the sums are exact in a
  /// `Double`: 2^26, so twice the area, at most 2 × 2^26 × 2^26, stays
  /// below 2^53.
  static let exactItemLimit = 1 << 26

  /// The total weight of positive items.
  private var positiveWeight = 0
  /// The total weight of negative items.
  private var negativeWeight = 0
  /// Σ over groups of negatives × (2 × positives above + positives tied).
  private var doubledArea = 0
  /// Σ over groups of the group's positives × the precision at its score,
  /// when kept.
  private var precisionSum = 0.0

  /// Adds the next tie group down the ranking, as
  /// `RankSummary.add(groupPositive:groupNegative:)` does.
  ///
  /// - Parameters:
  ///   - groupPositive: The weight of the group's positive items.
  ///   - groupNegative: The weight of the group's negative items.
  ///   - includesPrecision: Whether to add to the precision sum, which
  ///     only average precision needs.
  @inline(__always)
  mutating func add(groupPositive: Int, groupNegative: Int, includesPrecision: Bool) {
    doubledArea &+= groupNegative &* (2 &* positiveWeight &+ groupPositive)
    positiveWeight &+= groupPositive
    negativeWeight &+= groupNegative
    if includesPrecision && groupPositive > 0 {
      precisionSum +=
        Double(groupPositive)
        * (Double(positiveWeight) / (Double(positiveWeight) + Double(negativeWeight)))
    }
  }

  /// The sums as a ``RankSummary``; its average precision is meaningful
  /// only when every group was added with `includesPrecision`.
  var summary: RankSummary {
    RankSummary(
      positiveWeight: Double(positiveWeight), negativeWeight: Double(negativeWeight),
      doubledArea: Double(doubledArea), precisionSum: precisionSum)
  }
}
