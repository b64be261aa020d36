/// A binary model's ranking packed for resampling: one 32-bit code per
/// position down the ranking, holding the item, whether it is positive and
/// whether its tie group ends there.
///
/// A bootstrap resample sweeps the ranking once per metric. Packing the
/// item, its gold flag and the group boundary into one word makes that
/// sweep a single pass over one array (plus the weight of each item),
/// without the nested loop over tie groups or a second lookup of the gold
/// flag, and gives exactly the sums ``ScoreRanking/summarize(_:)`` gives:
/// the same groups are added in the same order.
package struct PackedBinaryRanking: Sendable {
  /// The most items a packed ranking holds: 2^30 − 1.
  package static let maximumCount = (1 << 30) - 1

  /// One code per position: `item << 2 | isPositive << 1 | endsGroup`.
  private let codes: [UInt32]

  /// Packs a binary model's ranking.
  ///
  /// - Parameter scores: The model's scores, sorted once.
  /// - Returns: `nil` with more than ``maximumCount`` items.
  /// - Complexity: O(*n*).
  package init?(_ scores: BinaryScores) {
    guard scores.count <= Self.maximumCount else { return nil }
    let ranking = scores.ranking
    var codes = [UInt32](repeating: 0, count: scores.count)
    var start = 0
    for end in ranking.groupEnds {
      for position in start..<end {
        let item = ranking.items[position]
        codes[position] =
          UInt32(item) << 2 | (scores.isPositive[item] ? 2 : 0) | (position == end - 1 ? 1 : 0)
      }
      start = end
    }
    self.codes = codes
  }

  /// The ranking sums of weighted items, as ``ScoreRanking/summarize(_:)``
  /// adds them.
  ///
  /// - Parameter weights: One non-negative weight per item.
  /// - Returns: The sums ROC-AUC and average precision need.
  /// - Complexity: O(*n*), allocation-free.
  package func summary(weights: UnsafeBufferPointer<Double>) -> RankSummary {
    var summary = RankSummary()
    var groupPositive = 0.0
    var groupNegative = 0.0
    codes.withUnsafeBufferPointer { codes in
      for code in codes {
        let weight = weights[Int(code >> 2)]
        if code & 2 != 0 { groupPositive += weight } else { groupNegative += weight }
        if code & 1 != 0 {
          summary.add(groupPositive: groupPositive, groupNegative: groupNegative)
          groupPositive = 0
          groupNegative = 0
        }
      }
    }
    return summary
  }

  /// ROC-AUC and average precision of weighted items.
  ///
  /// - Parameters:
  ///   - metric: ``ScoreMetric/rocAUC`` or ``ScoreMetric/averagePrecision``.
  ///   - weights: One non-negative weight per item.
  /// - Returns: The value, or `nil` when undefined for the weighted items
  ///   or for another metric.
  /// - Complexity: O(*n*), allocation-free.
  package func value(of metric: ScoreMetric, weights: UnsafeBufferPointer<Double>) -> Double? {
    switch metric {
    case .rocAUC: summary(weights: weights).rocAUC
    case .averagePrecision: summary(weights: weights).averagePrecision
    default: nil
    }
  }

  /// Whether ``value(of:counts:)`` may be used: the ranking has at most
  /// `CountedRankSums.exactItemLimit` items, so whole-number sums are exact.
  package var allowsCounts: Bool { codes.count <= CountedRankSums.exactItemLimit }

  /// ROC-AUC and average precision of items counted a whole number of
  /// times, as a bootstrap resample counts them; bit for bit what
  /// ``value(of:weights:)`` gives for the same weights as `Double`s, and
  /// ROC-AUC without average precision's division per group.
  ///
  /// - Parameters:
  ///   - metric: ``ScoreMetric/rocAUC`` or ``ScoreMetric/averagePrecision``.
  ///   - counts: How many times each item counts; adding up to at most
  ///     `CountedRankSums.exactItemLimit` (see ``allowsCounts``).
  /// - Returns: The value, or `nil` when undefined for the counted items
  ///   or for another metric.
  /// - Complexity: O(*n*), allocation-free.
  package func value(of metric: ScoreMetric, counts: UnsafeBufferPointer<UInt32>) -> Double? {
    value(of: metric, anyCounts: counts)
  }

  /// ROC-AUC and average precision of items counted a whole number of
  /// times, from 16-bit counters; as the 32-bit `value(of:counts:)`.
  ///
  /// - Parameters:
  ///   - metric: ``ScoreMetric/rocAUC`` or ``ScoreMetric/averagePrecision``.
  ///   - counts: How many times each item counts (see ``allowsCounts``).
  /// - Returns: The value, or `nil` when undefined for the counted items
  ///   or for another metric.
  /// - Complexity: O(*n*), allocation-free.
  package func value(of metric: ScoreMetric, counts: UnsafeBufferPointer<UInt16>) -> Double? {
    value(of: metric, anyCounts: counts)
  }

  @inline(__always)
  private func value<Count: FixedWidthInteger & UnsignedInteger>(
    of metric: ScoreMetric, anyCounts counts: UnsafeBufferPointer<Count>
  ) -> Double? {
    switch metric {
    case .rocAUC: sums(counts: counts, includesPrecision: false).summary.rocAUC
    case .averagePrecision:
      sums(counts: counts, includesPrecision: true).summary.averagePrecision
    default: nil
    }
  }

  /// One sweep in integers: each code's weight goes to its group's positive
  /// or negative sum without a branch, and each group is added at its end.
  @inline(__always)
  private func sums<Count: FixedWidthInteger & UnsignedInteger>(
    counts: UnsafeBufferPointer<Count>, includesPrecision: Bool
  ) -> CountedRankSums {
    var sums = CountedRankSums()
    var groupPositive = 0
    var groupNegative = 0
    codes.withUnsafeBufferPointer { codes in
      for code in codes {
        let weight = Int(truncatingIfNeeded: counts[Int(code &>> 2)])
        let positiveWeight = weight & -Int((code &>> 1) & 1)
        groupPositive &+= positiveWeight
        groupNegative &+= weight &- positiveWeight
        if code & 1 != 0 {
          sums.add(
            groupPositive: groupPositive, groupNegative: groupNegative,
            includesPrecision: includesPrecision)
          groupPositive = 0
          groupNegative = 0
        }
      }
    }
    return sums
  }
}
