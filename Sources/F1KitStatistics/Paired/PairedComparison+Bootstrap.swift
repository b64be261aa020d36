import F1Kit

extension PairedComparison {
  /// Runs the paired bootstrap for several metrics from one resampling
  /// pass: the interval of each difference and its p-value.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compare.
  ///   - options: The resamples, confidence level, interval method and
  ///     resampling strategy.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One ``PairedBootstrapTest`` per metric. Identical models
  ///   get a difference of 0, interval [0, 0] and p = 1.
  /// - Throws: ``StatisticsError`` when the options are invalid.
  /// - Complexity: O(*B* × (*c* + *m* *k*)) for *B* resamples, *c*
  ///   non-empty joint cells, *m* metrics and *k* classes; independent of
  ///   the number of items once *c* times the cost of one cell draw (about
  ///   40 item draws) is below it (O(*B* × *N*) otherwise), plus
  ///   O(*c* *m* *k*) for the BCa jackknife.
  public func bootstrap(
    for metrics: [Metric], options: BootstrapOptions = BootstrapOptions(),
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: PairedBootstrapTest] {
    try options.validate()
    let distributions = differenceDistributions(
      for: metrics, options: options, progress: progress, using: &generator)
    // One leave-one-out pass gives the BCa acceleration and the degrees of
    // freedom of the squared standard error.
    let jackknife = jackknife(for: metrics)
    var result: [Metric: PairedBootstrapTest] = [:]
    for (index, metric) in metrics.enumerated() {
      let distribution = distributions[index]
      let acceleration =
        options.method == .bca
        ? BootstrapDistribution.acceleration(
          values: jackknife.values[index], weights: jackknife.weights) : 0
      var test = PairedBootstrapTest(
        metric: metric, firstEstimate: firstValue(of: metric),
        secondEstimate: secondValue(of: metric),
        difference: distribution.interval(
          method: options.method, confidence: options.confidence, acceleration: acceleration),
        pValue: Self.shiftedPValue(distribution),
        resampledDifferences: distribution.sortedValues)
      test.standardErrorDegrees = MarginReachability.standardErrorDegrees(
        leaveOneOut: jackknife.values[index], weights: jackknife.weights)
      result[metric] = test
    }
    return result
  }

  /// Runs the paired bootstrap with a generator seeded by `seed`.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compare.
  ///   - options: The resamples, confidence level, interval method and
  ///     resampling strategy.
  ///   - seed: The seed of a ``Xoshiro256StarStar`` generator.
  ///   - progress: Called with the resamples completed and the total.
  /// - Returns: One ``PairedBootstrapTest`` per metric.
  /// - Throws: ``StatisticsError`` when the options are invalid.
  /// - Complexity: As ``bootstrap(for:options:progress:using:)``.
  public func bootstrap(
    for metrics: [Metric], options: BootstrapOptions = BootstrapOptions(),
    seed: UInt64 = Xoshiro256StarStar.defaultSeed, progress: ResamplingProgress? = nil
  ) throws(StatisticsError) -> [Metric: PairedBootstrapTest] {
    var generator = Xoshiro256StarStar(seed: seed)
    return try bootstrap(for: metrics, options: options, progress: progress, using: &generator)
  }

  /// The bootstrap distribution of each difference.
  func differenceDistributions(
    for metrics: [Metric], options: BootstrapOptions, progress: ResamplingProgress?,
    using generator: inout some RandomNumberGenerator
  ) -> [BootstrapDistribution] {
    let resampler = Resampler(
      cellCounts: predictions.cells.map(\.count), strategy: options.strategy)
    let cells = jointCells(at: resampler.cellIndices)
    let resamples = options.resamples
    let reporter = ProgressReporter(progress, total: resamples)
    var values = [Double](repeating: 0, count: metrics.count * resamples)
    var first = [Double](repeating: 0, count: scope.tallyCount)
    var second = [Double](repeating: 0, count: scope.tallyCount)
    var draws = [Int](repeating: 0, count: cells.counts.count)
    withResamplingGenerator(&generator) { generator in
      for resample in 0..<resamples {
        draws.withUnsafeMutableBufferPointer { draws in
          resampler.draw(into: draws, using: &generator)
          first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
              scope.clearTallies(first)
              scope.clearTallies(second)
              for index in draws.indices where draws[index] != 0 {
                let drawn = Double(draws[index]) * cells.weights[index]
                let gold = cells.gold[index]
                scope.addToTallies(drawn, gold: gold, predicted: cells.first[index], first)
                scope.addToTallies(drawn, gold: gold, predicted: cells.second[index], second)
              }
              for (index, metric) in metrics.enumerated() {
                values[index * resamples + resample] =
                  scope.value(of: metric, tallies: UnsafeBufferPointer(second))
                  - scope.value(of: metric, tallies: UnsafeBufferPointer(first))
              }
            }
          }
        }
        reporter.report(resample + 1)
      }
    }
    return metrics.indices.map { index in
      BootstrapDistribution(
        values: values[index * resamples..<(index + 1) * resamples],
        estimate: difference(of: metrics[index]))
    }
  }

  /// Each difference with one item of each non-empty joint cell left out,
  /// and the cells' item counts: one leave-one-out evaluation per cell.
  ///
  /// - Complexity: O(*c* · *m* + *k* · *m*) for *c* non-empty joint cells,
  ///   *m* metrics and *k* classes (`MetricScope.LeaveOneOutScorer`).
  func jackknife(for metrics: [Metric]) -> (values: [[Double]], weights: [Int]) {
    let firstScorer = MetricScope.LeaveOneOutScorer(
      metrics: metrics, scope: scope, tallies: tallies(keepingFirst: true))
    let secondScorer = MetricScope.LeaveOneOutScorer(
      metrics: metrics, scope: scope, tallies: tallies(keepingFirst: false))
    let cells = predictions.cells
    var leaveOneOut = [[Double]](repeating: [], count: metrics.count)
    for index in metrics.indices { leaveOneOut[index].reserveCapacity(cells.count) }
    withUnsafeTemporaryAllocation(of: Double.self, capacity: metrics.count) { first in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: metrics.count) { second in
        for cell in cells {
          // One item, carrying its weight, leaves the cell.
          firstScorer.values(
            changingGold: cell.gold, predicted: cell.first, by: -cell.weight, into: first)
          secondScorer.values(
            changingGold: cell.gold, predicted: cell.second, by: -cell.weight, into: second)
          for index in metrics.indices { leaveOneOut[index].append(second[index] - first[index]) }
        }
      }
    }
    return (leaveOneOut, cells.map(\.count))
  }

  /// (r + 1) / (R + 1), where r counts defined resamples with
  /// |Δ\* − Δ̂| ≥ |Δ̂|; NaN when the distribution has no spread.
  ///
  /// When every defined Δ\* equals Δ̂ ≠ 0 (to the tie tolerance), as on a
  /// single item or when every item the models disagree on favours the
  /// same model, r = 0 whatever the data, so p would be 1 / (R + 1): a
  /// number set by `--resamples` alone (10⁻⁶ on 8 items with a million
  /// resamples, where the exact permutation test gives 2/2⁸). Resampling
  /// with no spread carries no evidence about the difference's sampling
  /// variation, so the test gives no p-value. Identical models (Δ̂ = 0)
  /// keep p = 1.
  static func shiftedPValue(_ distribution: BootstrapDistribution) -> Double {
    let estimate = distribution.estimate
    guard !estimate.isNaN else { return .nan }
    let values = distribution.sortedValues
    if estimate != 0, let lowest = values.first, let highest = values.last,
      max(abs(lowest - estimate), abs(highest - estimate))
        <= PermutationTest.relativeTieTolerance * abs(estimate)
        + PermutationTest.absoluteTieTolerance
    {
      return .nan
    }
    var exceedances = 0
    for value in distribution.sortedValues
    where isAtLeast(abs(value - estimate), abs(estimate)) {
      exceedances += 1
    }
    return Double(exceedances + 1) / Double(distribution.sortedValues.count + 1)
  }
}
