/// Two binary models' scores on the same items, prepared for a paired
/// permutation test that exchanges their scores on random items.
///
/// The 2*n* scores of both models are sorted together once. A model after
/// an exchange holds, for each item, one of the two scores, so its order is
/// the pooled order restricted to the entries it holds, and its tie groups
/// are the pooled groups restricted the same way. Each permutation is then
/// one O(*n*) pass per model, without sorting, and gives exactly the values
/// that sorting the exchanged scores again would give: the ranking sums add
/// the same counts per tie group, and the per-item terms of log loss, Brier
/// score and ECE are summed in the same item order.
package struct ExchangeableBinaryScores: Sendable {
  /// The first model.
  package let first: BinaryScores
  /// The second model.
  package let second: BinaryScores
  /// Both models' scores sorted together: entry *k* < *n* is the first
  /// model's item *k*, entry *n* + *k* the second model's.
  private let pooled: ScoreRanking

  /// Sorts both models' scores together.
  ///
  /// - Parameters:
  ///   - first: The first model.
  ///   - second: The second model, on the same items with the same gold
  ///     labels.
  /// - Complexity: O(*n* log *n*) for *n* items.
  package init(_ first: BinaryScores, _ second: BinaryScores) {
    self.first = first
    self.second = second
    let count = first.count
    pooled = ScoreRanking(count: 2 * count) {
      $0 < count ? first.scores[$0] : second.scores[$0 - count]
    }
  }

  /// A metric's value for both models after exchanging their scores on the
  /// items `swaps` marks.
  ///
  /// - Parameters:
  ///   - metric: A binary score metric.
  ///   - swaps: One flag per item: `true` exchanges the two scores.
  /// - Returns: The first and the second exchanged model's values, `nil`
  ///   where undefined; equal to `BinaryScores` of the exchanged scores.
  /// - Complexity: O(*n*), without sorting.
  package func values(of metric: ScoreMetric, swaps: UnsafeBufferPointer<Bool>) -> (
    Double?, Double?
  ) {
    (
      value(of: metric, swaps: swaps, isFirst: true),
      value(of: metric, swaps: swaps, isFirst: false)
    )
  }

  /// Whether the probability metrics of an exchanged model can be worked out
  /// from the two models' per-item terms: both models' scores are
  /// probabilities.
  package var hasProbabilityTerms: Bool { first.isProbability && second.isProbability }

  @inline(__always)
  private func value(of metric: ScoreMetric, swaps: UnsafeBufferPointer<Bool>, isFirst: Bool)
    -> Double?
  {
    let count = first.count
    // Item `item` of the exchanged model takes the second model's score when
    // `takesSecond(item)`.
    @inline(__always) func takesSecond(_ item: Int) -> Bool { swaps[item] == isFirst }
    switch metric {
    case .averagePrecision, .rocAUC:
      let summary = first.isPositive.withUnsafeBufferPointer { isPositive in
        pooled.summarize { entry in
          let isSecond = entry >= count
          let item = isSecond ? entry - count : entry
          guard isSecond == takesSecond(item) else { return (0, 0) }
          return isPositive[item] ? (1, 0) : (0, 1)
        }
      }
      return metric == .rocAUC ? summary.rocAUC : summary.averagePrecision
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
    case .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted, .rocAUCOneVsOneMacro,
      .averagePrecisionMacro:
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
