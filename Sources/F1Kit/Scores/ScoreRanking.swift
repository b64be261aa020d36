/// One column of scores sorted once, from the highest score down, with its
/// groups of tied scores.
///
/// Every ranking metric (ROC-AUC, average precision, their one-vs-rest and
/// one-vs-one forms) is a single pass over this order, and so is each
/// bootstrap resample: a resample only changes the items' weights, so the
/// order is never sorted again.
package struct ScoreRanking: Sendable {
  /// The item indices, from the highest score to the lowest; tied items
  /// keep their input order.
  package let items: [Int]
  /// The exclusive end position in ``items`` of each group of equal scores.
  package let groupEnds: [Int]

  /// Sorts scores.
  ///
  /// - Parameter scores: One finite score per item.
  /// - Complexity: O(*n* log *n*) for *n* items.
  package init(scores: [Double]) {
    self.init(count: scores.count) { scores[$0] }
  }

  /// Sorts the scores a function gives for items `0..<count`.
  ///
  /// - Parameters:
  ///   - count: The number of items.
  ///   - score: The score of an item.
  /// - Complexity: O(*n* log *n*) for *n* items.
  package init(count: Int, score: (Int) -> Double) {
    var keyed: [(score: Double, item: Int)] = []
    keyed.reserveCapacity(count)
    for item in 0..<count { keyed.append((score(item), item)) }
    keyed.sort { $0.score > $1.score || ($0.score == $1.score && $0.item < $1.item) }
    var items: [Int] = []
    items.reserveCapacity(count)
    var groupEnds: [Int] = []
    for position in keyed.indices {
      items.append(keyed[position].item)
      if position + 1 == keyed.count || keyed[position + 1].score != keyed[position].score {
        groupEnds.append(position + 1)
      }
    }
    self.items = items
    self.groupEnds = groupEnds
  }

  /// Sweeps the ranking once, adding up each tie group's positive and
  /// negative weight.
  ///
  /// - Parameter weigh: An item's weight as a positive and as a negative;
  ///   an item outside the comparison weighs (0, 0).
  /// - Returns: The weights and the sums ROC-AUC and average precision need.
  /// - Complexity: O(*n*), allocation-free.
  @inline(__always)
  package func summarize(_ weigh: (Int) -> (positive: Double, negative: Double)) -> RankSummary {
    var summary = RankSummary()
    var start = 0
    items.withUnsafeBufferPointer { items in
      for end in groupEnds {
        var groupPositive = 0.0
        var groupNegative = 0.0
        for position in start..<end {
          let weight = weigh(items[position])
          groupPositive += weight.positive
          groupNegative += weight.negative
        }
        summary.add(groupPositive: groupPositive, groupNegative: groupNegative)
        start = end
      }
    }
    return summary
  }
}

/// The running sums of one sweep down a ``ScoreRanking``.
package struct RankSummary: Hashable, Sendable {
  /// The total weight of positive items.
  package private(set) var positiveWeight = 0.0
  /// The total weight of negative items.
  package private(set) var negativeWeight = 0.0
  /// Twice the area under the ROC curve in count units:
  /// Σ over groups of negatives × (2 × positives above + positives tied).
  private var doubledArea = 0.0
  /// Σ over groups of the group's positives × the precision at its score.
  private var precisionSum = 0.0

  /// Adds the next tie group down the ranking.
  ///
  /// - Parameters:
  ///   - groupPositive: The weight of the group's positive items.
  ///   - groupNegative: The weight of the group's negative items.
  @inline(__always)
  mutating func add(groupPositive: Double, groupNegative: Double) {
    doubledArea += groupNegative * (2 * positiveWeight + groupPositive)
    positiveWeight += groupPositive
    negativeWeight += groupNegative
    if groupPositive > 0 {
      precisionSum += groupPositive * (positiveWeight / (positiveWeight + negativeWeight))
    }
  }

  /// The area under the ROC curve, or `nil` without both positives and
  /// negatives.
  package var rocAUC: Double? {
    guard positiveWeight > 0, negativeWeight > 0 else { return nil }
    return doubledArea / (2 * positiveWeight * negativeWeight)
  }

  /// Average precision, or `nil` without positives.
  package var averagePrecision: Double? {
    guard positiveWeight > 0 else { return nil }
    return max(0, precisionSum / positiveWeight)
  }
}
