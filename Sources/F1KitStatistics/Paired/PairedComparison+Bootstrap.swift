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
  /// - Complexity: O(*B* × (*c* + *m* *k*²)) for *B* resamples, *c*
  ///   non-empty joint cells, *m* metrics and *k* classes; independent of
  ///   the number of items once *c* times the cost of one cell draw (about
  ///   40 item draws) is below it.
  public func bootstrap(
    for metrics: [Metric], options: BootstrapOptions = BootstrapOptions(),
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: PairedBootstrapTest] {
    try options.validate()
    let distributions = differenceDistributions(
      for: metrics, options: options, progress: progress, using: &generator)
    let accelerations =
      options.method == .bca
      ? jackknifeAccelerations(for: metrics) : Array(repeating: 0, count: metrics.count)
    var result: [Metric: PairedBootstrapTest] = [:]
    for (index, metric) in metrics.enumerated() {
      let distribution = distributions[index]
      result[metric] = PairedBootstrapTest(
        metric: metric, firstEstimate: firstValue(of: metric),
        secondEstimate: secondValue(of: metric),
        difference: distribution.interval(
          method: options.method, confidence: options.confidence,
          acceleration: accelerations[index]),
        pValue: Self.shiftedPValue(distribution),
        resampledDifferences: distribution.sortedValues)
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
    let k = predictions.classCount
    let resampler = Resampler(table: predictions.counts, strategy: options.strategy)
    let cells = jointCells(at: resampler.positions)
    let resamples = options.resamples
    let reporter = ProgressReporter(progress, total: resamples)
    var values = [Double](repeating: 0, count: metrics.count * resamples)
    var first = [Double](repeating: 0, count: k * k)
    var second = [Double](repeating: 0, count: k * k)
    var draws = [Int](repeating: 0, count: cells.counts.count)
    withResamplingGenerator(&generator) { generator in
      for resample in 0..<resamples {
        draws.withUnsafeMutableBufferPointer { draws in
          resampler.draw(into: draws, using: &generator)
          first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
              for cell in 0..<k * k {
                first[cell] = 0
                second[cell] = 0
              }
              for index in draws.indices {
                let drawn = Double(draws[index])
                first[cells.firstCells[index]] += drawn
                second[cells.secondCells[index]] += drawn
              }
              for (index, metric) in metrics.enumerated() {
                values[index * resamples + resample] =
                  scope.value(of: metric, counts: UnsafeBufferPointer(second))
                  - scope.value(of: metric, counts: UnsafeBufferPointer(first))
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

  /// The BCa acceleration of each difference, from one leave-one-out
  /// evaluation per non-empty joint cell.
  func jackknifeAccelerations(for metrics: [Metric]) -> [Double] {
    var first = predictions.firstCounts.map(Double.init)
    var second = predictions.secondCounts.map(Double.init)
    let positions = predictions.counts.indices.filter { predictions.counts[$0] > 0 }
    let cells = jointCells(at: positions)
    var leaveOneOut = [[Double]](repeating: [], count: metrics.count)
    for index in positions.indices {
      first[cells.firstCells[index]] -= 1
      second[cells.secondCells[index]] -= 1
      for (metricIndex, metric) in metrics.enumerated() {
        let delta =
          second.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
          - first.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
        leaveOneOut[metricIndex].append(delta)
      }
      first[cells.firstCells[index]] += 1
      second[cells.secondCells[index]] += 1
    }
    return leaveOneOut.map {
      BootstrapDistribution.acceleration(values: $0, weights: cells.counts)
    }
  }

  /// (r + 1) / (R + 1), where r counts defined resamples with
  /// |Δ\* − Δ̂| ≥ |Δ̂|.
  static func shiftedPValue(_ distribution: BootstrapDistribution) -> Double {
    let estimate = distribution.estimate
    guard !estimate.isNaN else { return .nan }
    var exceedances = 0
    for value in distribution.sortedValues
    where isAtLeast(abs(value - estimate), abs(estimate)) {
      exceedances += 1
    }
    return Double(exceedances + 1) / Double(distribution.sortedValues.count + 1)
  }
}
