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
  /// - Complexity: O(*n*) for *n* items (a radix sort).
  package init(scores: [Double]) {
    self.init(count: scores.count) { scores[$0] }
  }

  /// Sorts the scores a function gives for items `0..<count`.
  ///
  /// The sort is a stable least-significant-digit radix sort of each
  /// score's order-preserving bit pattern (``descendingKey(_:)``), so tied
  /// items keep their input order, exactly as a comparison sort by (score
  /// descending, item ascending) orders them; `-0.0` ties with `0.0`.
  ///
  /// - Parameters:
  ///   - count: The number of items.
  ///   - score: The score of an item; not NaN.
  /// - Complexity: O(*n*) for *n* items: at most six passes of 11 bits,
  ///   skipping a pass where every score has the same digit.
  package init(count: Int, score: (Int) -> Double) {
    var keyed = [SortRecord](repeating: SortRecord(key: 0, item: 0), count: count)
    keyed.withUnsafeMutableBufferPointer { keyed in
      for item in 0..<count {
        keyed[item] = SortRecord(key: Self.descendingKey(score(item)), item: item)
      }
      Self.radixSort(keyed)
    }
    var items = [Int](repeating: 0, count: count)
    var groupEnds: [Int] = []
    keyed.withUnsafeBufferPointer { keyed in
      items.withUnsafeMutableBufferPointer { items in
        for position in keyed.indices {
          items[position] = keyed[position].item
          if position + 1 == keyed.count || keyed[position + 1].key != keyed[position].key {
            groupEnds.append(position + 1)
          }
        }
      }
    }
    self.items = items
    self.groupEnds = groupEnds
  }

  /// Each item's rank from the lowest score up, tied items sharing the
  /// mean of their ranks: 1 for a lowest score alone, *n* for a highest
  /// score alone.
  ///
  /// The ranks order the items as the scores do, with the same ties, so
  /// every ranking metric of the ranks equals that of the scores; unlike
  /// the scores, two models' ranks of the same items share one scale.
  ///
  /// - Returns: One rank per item, in item order; whole or half numbers.
  /// - Complexity: O(*n*), without sorting.
  package func midRanks() -> [Double] {
    let count = items.count
    var ranks = [Double](repeating: 0, count: count)
    var start = 0
    for end in groupEnds {
      // Positions start..<end from the top are ranks count − start down to
      // count − end + 1; their mean, exact in a Double.
      let rank = Double(2 * count - start - end + 1) / 2
      for position in start..<end { ranks[items[position]] = rank }
      start = end
    }
    return ranks
  }

  /// A score's key: unsigned keys in ascending order are the scores in
  /// descending order, and two keys are equal exactly when the scores are
  /// (`-0.0` and `0.0` share one key).
  ///
  /// - Parameter score: A score, not NaN.
  /// - Returns: The key.
  @inline(__always)
  static func descendingKey(_ score: Double) -> UInt64 {
    let bits = (score + 0.0).bitPattern  // -0.0 + 0.0 is 0.0
    let ascending = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    return ~ascending
  }

  /// One item to sort: its key and its index.
  struct SortRecord {
    var key: UInt64
    var item: Int
  }

  /// The number of bits of each radix digit.
  private static let digitBits = 11

  /// Sorts records by key, stably, in place: one counting pass for every
  /// digit, then one scatter per digit that is not the same for every key.
  ///
  /// - Parameter records: The records.
  /// - Complexity: O(*n*) time, *n* records of scratch.
  private static func radixSort(_ records: UnsafeMutableBufferPointer<SortRecord>) {
    let count = records.count
    guard count > 1 else { return }
    let radix = 1 << digitBits
    let digitCount = (64 + digitBits - 1) / digitBits
    let mask = UInt64(radix - 1)
    var histograms = [Int](repeating: 0, count: radix * digitCount)
    histograms.withUnsafeMutableBufferPointer { histograms in
      for record in records {
        var key = record.key
        for digit in 0..<digitCount {
          histograms[digit &* radix &+ Int(key & mask)] &+= 1
          key &>>= UInt64(digitBits)
        }
      }
      let scratch = UnsafeMutableBufferPointer<SortRecord>.allocate(capacity: count)
      defer { scratch.deallocate() }
      var source = records
      var target = scratch
      for digit in 0..<digitCount {
        let histogram = UnsafeMutableBufferPointer(
          rebasing: histograms[(digit * radix)..<((digit + 1) * radix)])
        let shift = UInt64(digit * digitBits)
        // A digit every key shares leaves the order as it is.
        if histogram[Int((source[0].key &>> shift) & mask)] == count { continue }
        var offset = 0
        for bucket in 0..<radix {
          let size = histogram[bucket]
          histogram[bucket] = offset
          offset &+= size
        }
        for record in source {
          let bucket = Int((record.key &>> shift) & mask)
          target[histogram[bucket]] = record
          histogram[bucket] &+= 1
        }
        swap(&source, &target)
      }
      if source.baseAddress != records.baseAddress {
        _ = records.update(fromContentsOf: source)
      }
    }
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

  /// The running sums after whole-number weights were added up exactly.
  ///
  /// - Parameters:
  ///   - positiveWeight: The total weight of positive items.
  ///   - negativeWeight: The total weight of negative items.
  ///   - doubledArea: Σ over groups of negatives × (2 × positives above +
  ///     positives tied).
  ///   - precisionSum: Σ over groups of the group's positives × the
  ///     precision at its score.
  @inline(__always)
  package init(
    positiveWeight: Double, negativeWeight: Double, doubledArea: Double, precisionSum: Double
  ) {
    self.positiveWeight = positiveWeight
    self.negativeWeight = negativeWeight
    self.doubledArea = doubledArea
    self.precisionSum = precisionSum
  }

  /// Creates empty sums.
  package init() {}

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
