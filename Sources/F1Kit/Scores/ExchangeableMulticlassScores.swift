/// Two multiclass models' score rows on the same items, prepared for a
/// paired permutation test that exchanges their rows on random items.
///
/// The ranking metrics (the one-vs-rest and one-vs-one ROC-AUCs and macro
/// average precision) exchange rows of ranks: each class's column replaced
/// by its ranks (`ScoreRanking/midRanks()`), so both models are on one
/// scale, as ``ExchangeableBinaryScores`` explains. Log loss, Brier score
/// and ECE exchange the probability rows themselves.
///
/// For each class, the 2*n* ranks of both models' columns are sorted
/// together once. A model after an exchange holds, for each item, one of
/// the two rows, so each of its columns is ordered as the pooled column
/// restricted to the entries it holds, with the pooled tie groups
/// restricted the same way. Each permutation is then one pass per class
/// (per pair of classes for one-vs-one) without sorting, and gives exactly
/// the values that scoring the exchanged rank rows or probability rows
/// again would give, as ``ExchangeableBinaryScores`` does for one column.
package struct ExchangeableMulticlassScores: Sendable {
  /// The most items a pair can have: 2^29 − 1, so that both models'
  /// entries pack into 32-bit codes.
  package static let maximumCount = (1 << 29) - 1

  /// The first model.
  package let first: MulticlassScores
  /// The second model.
  package let second: MulticlassScores
  /// For each class, both models' column ranks sorted together, one code
  /// per pooled position: `item << 3 | isSecond << 2 | endsGroup`.
  private let pooled: [[UInt32]]

  /// Sorts both models' column ranks together, class by class.
  ///
  /// - Parameters:
  ///   - first: The first model.
  ///   - second: The second model, on the same items with the same classes
  ///     and gold classes.
  /// - Returns: `nil` with more than ``maximumCount`` items or models that
  ///   do not match.
  /// - Complexity: O(*K* *n*) for *n* items and *K* classes: the ranks come
  ///   from each model's own orders, and the pooled ranks are radix-sorted.
  package init?(_ first: MulticlassScores, _ second: MulticlassScores) {
    let count = first.count
    let width = first.classCount
    guard count <= Self.maximumCount, second.count == count, second.classCount == width else {
      return nil
    }
    self.first = first
    self.second = second
    pooled = (0..<width).map { column in
      let firstRanks = first.rankings[column].midRanks()
      let secondRanks = second.rankings[column].midRanks()
      let ranking = ScoreRanking(count: 2 * count) {
        $0 < count ? firstRanks[$0] : secondRanks[$0 - count]
      }
      var codes = [UInt32](repeating: 0, count: 2 * count)
      var start = 0
      for end in ranking.groupEnds {
        for position in start..<end {
          let entry = ranking.items[position]
          let isSecond = entry >= count
          let item = isSecond ? entry - count : entry
          codes[position] = UInt32(item) << 3 | (isSecond ? 4 : 0) | (position == end - 1 ? 1 : 0)
        }
        start = end
      }
      return codes
    }
  }

  /// Whether the probability metrics (log loss, Brier score, ECE and
  /// one-vs-one ROC-AUC) of an exchanged model can be worked out from the
  /// two models' rows: both models' rows are probability vectors, so every
  /// exchanged model's rows are too.
  package var hasProbabilityTerms: Bool { first.isProbability && second.isProbability }

  /// A metric's value for both models after exchanging their rank rows
  /// (for the ranking metrics) or their score rows (for the others) on the
  /// items `swapBits` marks.
  ///
  /// - Parameters:
  ///   - metric: A multiclass score metric.
  ///   - swapBits: One bit per item, packed as
  ///     ``ExchangeableBinaryScores/swapBits(_:)`` packs them: a set bit
  ///     exchanges the item's two rows.
  /// - Returns: The first and the second exchanged model's values, `nil`
  ///   where undefined; equal to `MulticlassScores` of the exchanged rank
  ///   rows (ranking metrics) or score rows (the others). One-vs-one
  ///   ROC-AUC, which reads only the columns' orders, is defined when both
  ///   models' rows are probability vectors.
  /// - Complexity: O(*K* *n*) for the one-vs-rest metrics, O(*K*² *n*) for
  ///   one-vs-one, O(*n*) for the others; without sorting.
  package func values(of metric: ScoreMetric, swapBits bits: UnsafeBufferPointer<UInt64>) -> (
    Double?, Double?
  ) {
    let gold = first.gold
    let width = first.classCount
    switch metric {
    case .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted, .averagePrecisionMacro:
      var totals = (x: OneVersusRestTotal(), y: OneVersusRestTotal())
      for column in 0..<width {
        let (x, y) = gold.withUnsafeBufferPointer { gold in
          summaries(column: column, swapBits: bits) { gold[$0] == column ? 1 : 0 }
        }
        totals.x.add(x, metric: metric)
        totals.y.add(y, metric: metric)
      }
      return (
        totals.x.value(of: metric, classCount: width), totals.y.value(of: metric, classCount: width)
      )
    case .rocAUCOneVsOneMacro:
      guard first.sumsToOneForRanking, second.sumsToOneForRanking else { return (nil, nil) }
      var sums: (x: Double?, y: Double?) = (0, 0)
      for positive in 0..<width {
        for negative in (positive + 1)..<width {
          let (forward, backward) = gold.withUnsafeBufferPointer { gold in
            (
              oneVersusOne(positive, negative, gold: gold, swapBits: bits),
              oneVersusOne(negative, positive, gold: gold, swapBits: bits)
            )
          }
          sums.x = Self.addPairArea(sums.x, forward.0.rocAUC, backward.0.rocAUC)
          sums.y = Self.addPairArea(sums.y, forward.1.rocAUC, backward.1.rocAUC)
        }
      }
      let pairs = Double(width * (width - 1) / 2)
      return (sums.x.map { $0 / pairs }, sums.y.map { $0 / pairs })
    case .logLoss, .brierScore, .expectedCalibrationError:
      guard hasProbabilityTerms else { return (nil, nil) }
      return (
        perItemValue(of: metric, swapBits: bits, isFirst: true),
        perItemValue(of: metric, swapBits: bits, isFirst: false)
      )
    case .averagePrecision, .rocAUC:
      return (nil, nil)
    }
  }

  /// A running one-vs-one sum: `nil` once a pair is undefined.
  private static func addPairArea(_ sum: Double?, _ forward: Double?, _ backward: Double?)
    -> Double?
  {
    guard let sum, let forward, let backward else { return nil }
    return sum + (forward + backward) / 2
  }

  /// Class `positive`'s pooled column over the items of the two classes,
  /// `positive` against `negative`, for both exchanged models.
  @inline(__always)
  private func oneVersusOne(
    _ positive: Int, _ negative: Int, gold: UnsafeBufferPointer<Int>,
    swapBits bits: UnsafeBufferPointer<UInt64>
  ) -> (RankSummary, RankSummary) {
    summaries(column: positive, swapBits: bits) { item in
      let label = gold[item]
      return label == positive ? 1 : (label == negative ? 0 : -1)
    }
  }

  /// Both exchanged models' ranking sums for one class's pooled column, in
  /// one sweep.
  ///
  /// - Parameters:
  ///   - column: The class.
  ///   - bits: The swap bits.
  ///   - role: 1 for an item counted as positive, 0 as negative, −1 for an
  ///     item left out.
  @inline(__always)
  private func summaries(
    column: Int, swapBits bits: UnsafeBufferPointer<UInt64>, role: (Int) -> Int
  ) -> (RankSummary, RankSummary) {
    var x = RankSummary()
    var y = RankSummary()
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 4) { sums in
      sums.initialize(repeating: 0)
      pooled[column].withUnsafeBufferPointer { pooled in
        for code in pooled {
          let item = Int(code &>> 3)
          let role = role(item)
          if role >= 0 {
            let isSecond = Int(code &>> 2) & 1
            let swapped = Int((bits[item &>> 6] &>> UInt64(item & 63)) & 1)
            // [first negative, first positive, second negative, second positive]
            sums[(isSecond ^ swapped) << 1 | role] += 1
          }
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

  /// Log loss, Brier score or ECE of one exchanged model from the two
  /// models' per-item terms, summed in item order as `MulticlassScores`
  /// sums them.
  private func perItemValue(
    of metric: ScoreMetric, swapBits bits: UnsafeBufferPointer<UInt64>, isFirst: Bool
  ) -> Double? {
    @inline(__always) func takesSecond(_ item: Int) -> Bool {
      ((bits[item &>> 6] &>> UInt64(item & 63)) & 1 == 1) == isFirst
    }
    let count = first.count
    switch metric {
    case .logLoss:
      return weightedMean(count, weight: { _ in 1 }) {
        takesSecond($0) ? second.logLosses[$0] : first.logLosses[$0]
      }
    case .brierScore:
      return weightedMean(count, weight: { _ in 1 }) {
        takesSecond($0) ? second.squaredErrors[$0] : first.squaredErrors[$0]
      }.map { first.classCount < 3 ? $0 * 0.5 : $0 }
    case .expectedCalibrationError:
      return CalibrationBins.expectedCalibrationError(
        count: count, bin: { Int(takesSecond($0) ? second.bins[$0] : first.bins[$0]) },
        confidence: { takesSecond($0) ? second.confidences[$0] : first.confidences[$0] },
        isCorrect: {
          takesSecond($0) ? second.isTopLabelCorrect[$0] : first.isTopLabelCorrect[$0]
        }, weight: { _ in 1 })
    default:
      return nil
    }
  }
}

/// The running sums of the one-vs-rest averages over classes, as
/// `MulticlassScores` adds them.
private struct OneVersusRestTotal {
  var sum: Double? = 0
  var weightedSum = 0.0
  var prevalence = 0.0

  mutating func add(_ summary: RankSummary, metric: ScoreMetric) {
    let value = metric == .averagePrecisionMacro ? summary.averagePrecision : summary.rocAUC
    guard let value, let total = sum else {
      sum = nil
      return
    }
    sum = total + value
    weightedSum += value * summary.positiveWeight
    prevalence += summary.positiveWeight
  }

  func value(of metric: ScoreMetric, classCount: Int) -> Double? {
    guard let sum else { return nil }
    return metric == .rocAUCOneVsRestWeighted ? weightedSum / prevalence : sum / Double(classCount)
  }
}
