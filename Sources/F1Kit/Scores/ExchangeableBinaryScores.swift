/// Two binary models' scores on the same items, prepared for a paired
/// permutation test that exchanges their scores on random items.
///
/// The ranking metrics (ROC-AUC, average precision) exchange each model's
/// ranks (`ScoreRanking/midRanks()`), not its raw scores: the metrics
/// read only each model's order of the items, and two models' raw scores
/// need not share a scale (probabilities against logits, say), while
/// their ranks always do. Exchanging raw scores on different scales mixes
/// the scales in every permuted model, and the permutation distribution
/// of the difference no longer matches its sampling distribution
/// ([Venkatraman and Begg, 1996](https://doi.org/10.1093/biomet/83.4.835)
/// exchange ranks for this reason). Log loss, Brier score and ECE exchange
/// the probabilities themselves, which share one scale by definition.
///
/// The 2*n* ranks of both models are sorted together once. A model after
/// an exchange holds, for each item, one of the two ranks, so its order is
/// the pooled order restricted to the entries it holds, and its tie groups
/// are the pooled groups restricted the same way. Each permutation is then
/// one O(*n*) pass, without sorting, and gives exactly the values that
/// scoring the exchanged ranks (ranking metrics) or the exchanged scores
/// (log loss, Brier score, ECE) again would give: the ranking sums add the
/// same counts per tie group, and the per-item terms of log loss, Brier
/// score and ECE are summed in the same item order.
package struct ExchangeableBinaryScores: Sendable {
  /// The most items a pair can have: 2^29 − 1, so that both models'
  /// entries pack into 32-bit codes.
  package static let maximumCount = (1 << 29) - 1

  /// The first model.
  package let first: BinaryScores
  /// The second model.
  package let second: BinaryScores
  /// Both models' ranks sorted together, one code per pooled position:
  /// `item << 3 | isSecond << 2 | isPositive << 1 | endsGroup`, where
  /// `isSecond` says the entry is the second model's score of the item.
  private let pooled: [UInt32]

  /// Sorts both models' ranks together.
  ///
  /// - Parameters:
  ///   - first: The first model.
  ///   - second: The second model, on the same items with the same gold
  ///     labels.
  /// - Returns: `nil` with more than ``maximumCount`` items.
  /// - Complexity: O(*n*) for *n* items: the ranks come from each model's
  ///   own order, and the pooled ranks are radix-sorted.
  package init?(_ first: BinaryScores, _ second: BinaryScores) {
    let count = first.count
    guard count <= Self.maximumCount, second.count == count else { return nil }
    self.first = first
    self.second = second
    let firstRanks = first.ranking.midRanks()
    let secondRanks = second.ranking.midRanks()
    let ranking = ScoreRanking(count: 2 * count) {
      $0 < count ? firstRanks[$0] : secondRanks[$0 - count]
    }
    var pooled = [UInt32](repeating: 0, count: 2 * count)
    var start = 0
    for end in ranking.groupEnds {
      for position in start..<end {
        let entry = ranking.items[position]
        let isSecond = entry >= count
        let item = isSecond ? entry - count : entry
        pooled[position] =
          UInt32(item) << 3 | (isSecond ? 4 : 0) | (first.isPositive[item] ? 2 : 0)
          | (position == end - 1 ? 1 : 0)
      }
      start = end
    }
    self.pooled = pooled
  }

  /// Packs one flag per item into 64-bit words, item *i* at bit *i* % 64
  /// of word *i* / 64, as ``values(of:swapBits:)`` takes them.
  ///
  /// - Parameter swaps: One flag per item.
  /// - Returns: ⌈*n* / 64⌉ words.
  package static func swapBits(_ swaps: [Bool]) -> [UInt64] {
    var bits = [UInt64](repeating: 0, count: (swaps.count + 63) / 64)
    for item in swaps.indices where swaps[item] { bits[item >> 6] |= 1 << UInt64(item & 63) }
    return bits
  }

  /// A metric's value for both models after exchanging their ranks (for
  /// ROC-AUC and average precision) or their scores (for the others) on
  /// the items `swapBits` marks.
  ///
  /// - Parameters:
  ///   - metric: A binary score metric.
  ///   - swapBits: One bit per item, packed as ``swapBits(_:)`` packs
  ///     them: a set bit exchanges the item's two ranks or scores.
  /// - Returns: The first and the second exchanged model's values, `nil`
  ///   where undefined; equal to `BinaryScores` of the exchanged ranks
  ///   (ranking metrics) or of the exchanged scores (the others).
  /// - Complexity: O(*n*), without sorting; the ranking metrics sweep the
  ///   pooled order once for both models.
  package func values(of metric: ScoreMetric, swapBits: UnsafeBufferPointer<UInt64>) -> (
    Double?, Double?
  ) {
    switch metric {
    case .averagePrecision, .rocAUC:
      if first.count <= CountedRankSums.exactItemLimit {
        // Literal flags, so each call is compiled without the other's work.
        let (x, y) =
          metric == .rocAUC
          ? countedSums(swapBits: swapBits, includesPrecision: false)
          : countedSums(swapBits: swapBits, includesPrecision: true)
        return metric == .rocAUC
          ? (x.summary.rocAUC, y.summary.rocAUC)
          : (x.summary.averagePrecision, y.summary.averagePrecision)
      }
      let (x, y) = summaries(swapBits: swapBits)
      return metric == .rocAUC
        ? (x.rocAUC, y.rocAUC) : (x.averagePrecision, y.averagePrecision)
    default:
      return (
        value(of: metric, swapBits: swapBits, isFirst: true),
        value(of: metric, swapBits: swapBits, isFirst: false)
      )
    }
  }

  /// Whether the probability metrics of an exchanged model can be worked out
  /// from the two models' per-item terms: both models keep them.
  package var hasProbabilityTerms: Bool { first.hasItemTerms && second.hasItemTerms }

  /// Whether an item's scores are exchanged.
  @inline(__always)
  private static func isSwapped(_ item: Int, _ bits: UnsafeBufferPointer<UInt64>) -> Bool {
    (bits[item &>> 6] &>> UInt64(item & 63)) & 1 == 1
  }

  /// Both exchanged models' ranking sums, in one sweep of the pooled order:
  /// each entry belongs to the first exchanged model when it is the first
  /// model's score of an item not exchanged or the second model's of an
  /// item exchanged, and to the second otherwise.
  private func summaries(swapBits bits: UnsafeBufferPointer<UInt64>) -> (RankSummary, RankSummary) {
    var x = RankSummary()
    var y = RankSummary()
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 4) { sums in
      sums.initialize(repeating: 0)
      pooled.withUnsafeBufferPointer { pooled in
        for code in pooled {
          let item = Int(code &>> 3)
          let isSecond = Int(code &>> 2) & 1
          let swapped = Int((bits[item &>> 6] &>> UInt64(item & 63)) & 1)
          // [first negative, first positive, second negative, second positive]
          sums[(isSecond ^ swapped) << 1 | Int(code &>> 1) & 1] += 1
          if code & 1 != 0 {
            x.add(groupPositive: sums[1], groupNegative: sums[0])
            y.add(groupPositive: sums[3], groupNegative: sums[2])
            sums.update(repeating: 0)
          }
        }
      }
    }
    return (x, y)
  }

  /// Both exchanged models' ranking sums in integers, as ``summaries`` adds
  /// them (bit for bit the same up to `CountedRankSums.exactItemLimit`
  /// items), each entry counted to its model without a branch; average
  /// precision's division only when `includesPrecision`.
  @inline(__always)
  private func countedSums(swapBits bits: UnsafeBufferPointer<UInt64>, includesPrecision: Bool)
    -> (CountedRankSums, CountedRankSums)
  {
    var x = CountedRankSums()
    var y = CountedRankSums()
    var firstPositive = 0
    var firstNegative = 0
    var secondPositive = 0
    var secondNegative = 0
    pooled.withUnsafeBufferPointer { pooled in
      for code in pooled {
        let item = Int(code &>> 3)
        let swapped = Int(truncatingIfNeeded: bits[item &>> 6] &>> UInt64(item & 63)) & 1
        let toSecond = (Int(code &>> 2) & 1) ^ swapped
        let positive = Int(code &>> 1) & 1
        secondPositive &+= toSecond & positive
        secondNegative &+= toSecond & (positive ^ 1)
        firstPositive &+= (toSecond ^ 1) & positive
        firstNegative &+= (toSecond ^ 1) & (positive ^ 1)
        if code & 1 != 0 {
          x.add(
            groupPositive: firstPositive, groupNegative: firstNegative,
            includesPrecision: includesPrecision)
          y.add(
            groupPositive: secondPositive, groupNegative: secondNegative,
            includesPrecision: includesPrecision)
          firstPositive = 0
          firstNegative = 0
          secondPositive = 0
          secondNegative = 0
        }
      }
    }
    return (x, y)
  }

  @inline(__always)
  private func value(
    of metric: ScoreMetric, swapBits bits: UnsafeBufferPointer<UInt64>, isFirst: Bool
  ) -> Double? {
    let count = first.count
    // Item `item` of the exchanged model takes the second model's score when
    // `takesSecond(item)`.
    @inline(__always) func takesSecond(_ item: Int) -> Bool {
      Self.isSwapped(item, bits) == isFirst
    }
    switch metric {
    case .logLoss:
      guard hasProbabilityTerms else { return nil }
      return mean(count) { takesSecond($0) ? second.logLosses[$0] : first.logLosses[$0] }
    case .brierScore:
      guard hasProbabilityTerms else { return nil }
      return mean(count) {
        takesSecond($0) ? second.squaredErrors[$0] : first.squaredErrors[$0]
      }.map { $0 * 0.5 }
    case .expectedCalibrationError:
      guard hasProbabilityTerms else { return nil }
      return CalibrationBins.expectedCalibrationError(
        count: count, bin: { Int(takesSecond($0) ? second.bins[$0] : first.bins[$0]) },
        confidence: { takesSecond($0) ? second.scores[$0] : first.scores[$0] },
        isCorrect: { first.isPositive[$0] }, weight: { _ in 1 })
    case .averagePrecision, .rocAUC, .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted,
      .rocAUCOneVsOneMacro, .averagePrecisionMacro:
      return nil
    }
  }

  /// The mean of per-item terms, summed as `weightedMean` sums them with
  /// unit weights.
  @inline(__always)
  private func mean(_ count: Int, term: (Int) -> Double) -> Double? {
    var sum = CompensatedSum()
    var total = 0.0
    for item in 0..<count {
      sum.add(1 * term(item))
      total += 1
    }
    return total > 0 ? sum.value / total : nil
  }
}
