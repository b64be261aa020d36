import F1Kit

extension ReleaseGate {
  /// Decides on the engine's comparison of two multilabel models.
  ///
  /// The interval is the comparison's paired bootstrap interval, the one
  /// `f1kit compare` prints for the same files, seed and resamples; Hamming
  /// loss, where lower is better, is decided in its own direction. The
  /// decision carries the cautions `compare` prints for the comparison
  /// (``MultilabelComparison/cautions(metric:)``). The needed test-set
  /// size is bracketed, for unweighted items, from the difference's
  /// leave-one-item-out values (``MultilabelComparison/Pair/standardErrorDegrees``),
  /// as a single-label gate's is.
  ///
  /// - Parameters:
  ///   - comparison: A comparison holding the pair.
  ///   - metric: One of the compared metrics; the headline metric by
  ///     default.
  ///   - baseline: The index of the baseline model; 0 by default.
  ///   - candidate: The index of the candidate model, after the baseline; 1
  ///     by default.
  ///   - power: The chance of passing that the needed test-set size aims
  ///     for; 0.8 by default.
  /// - Returns: The decision.
  /// - Throws: ``ReleaseGateError/noSuchPair(baseline:candidate:)`` when
  ///   the comparison holds no pair (baseline, candidate) on the metric.
  public func decision(
    for comparison: MultilabelComparison, metric: MultilabelMetric? = nil, baseline: Int = 0,
    candidate: Int = 1, power: Double = 0.8
  ) throws(ReleaseGateError) -> ReleaseDecision {
    let metric = metric ?? comparison.options.metric
    guard
      let pair = comparison.pairs(on: metric).first(where: {
        $0.first == baseline && $0.second == candidate
      })
    else { throw .noSuchPair(baseline: baseline, candidate: candidate) }
    var result = decision(
      for: pair.difference, itemCount: comparison.itemCount,
      metric: GateMetric(
        name: metric.rawValue, displayName: metric.displayName,
        isHigherBetter: !metric.isLowerBetter),
      baseline: comparison.models[baseline].name, candidate: comparison.models[candidate].name,
      power: power, standardErrorDegrees: pair.standardErrorDegrees)
    result.cautions = comparison.cautions(metric: metric)
    return result
  }
}
