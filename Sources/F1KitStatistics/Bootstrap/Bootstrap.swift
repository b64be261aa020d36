import F1Kit

/// Bootstrap confidence intervals for any metric computed from a confusion
/// matrix.
///
/// The bootstrap resamples the *N* scored items with replacement. Every
/// metric is a function of the confusion matrix, so a resample is a
/// multinomial draw of *N* over the matrix's non-empty cells, which F1Kit
/// draws exactly (see ``ResamplingStrategy``): the cost of a resample is
/// independent of *N*. The label set stays fixed across resamples, so a
/// class missing from a resample still counts in every average. One
/// resampling pass scores every metric asked for.
///
/// Resamples in which a metric is undefined (NaN, for example macro-F1 with
/// ``ZeroDivision/nan`` when every class score is undefined) are left out
/// of that metric's bootstrap distribution and counted in
/// ``ConfidenceInterval/undefinedResamples``. With the default
/// ``ZeroDivision/zero`` the F-scores are always defined; undefined
/// resamples arise for Cohen's kappa and balanced accuracy.
///
/// ```swift
/// let metrics = try ClassificationMetrics(confusionMatrix: matrix)
/// let intervals = try Bootstrap().intervals(for: [.macroF1, .accuracy], of: metrics)
/// print(intervals[.macroF1]!.lower, intervals[.macroF1]!.upper)
/// ```
///
/// The intervals follow `scipy.stats.bootstrap`: percentile quantiles by
/// linear interpolation, and BCa as in [Efron 1987, "Better bootstrap
/// confidence intervals"](https://doi.org/10.1080/01621459.1987.10478410)
/// with the acceleration from the jackknife. The jackknife leaves out one
/// item at a time, and items in the same cell give the same value, so it
/// needs one evaluation per non-empty cell, weighted by the cell's count.
///
/// The resampling loop runs on a ``Xoshiro256StarStar``: the caller's own
/// when it is one, otherwise one seeded by a single output of the caller's
/// generator. Either way the result is a function of the caller's
/// generator, and the loop is compiled for one concrete generator.
public struct Bootstrap: Hashable, Sendable {
  /// The number of resamples, confidence level, interval method and
  /// resampling strategy.
  public var options: BootstrapOptions

  /// Creates a bootstrap.
  ///
  /// - Parameter options: The resamples, confidence level and method.
  public init(options: BootstrapOptions = BootstrapOptions()) {
    self.options = options
  }

  /// Computes confidence intervals for several metrics from one resampling
  /// pass.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compute intervals for.
  ///   - classification: The scored predictions; its scope fixes the label
  ///     set, positive class and zero-division rule.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One interval per metric.
  /// - Throws: ``StatisticsError`` when the options are invalid or there
  ///   are no items.
  /// - Complexity: O(*B* × (*c* + *m* *k*²)) for *B* resamples, *c*
  ///   non-empty cells, *m* metrics and *k* classes, plus O(*c* *m* *k*²)
  ///   for the BCa jackknife.
  public func intervals(
    for metrics: [Metric], of classification: ClassificationMetrics,
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    try intervals(
      for: metrics, counts: classification.confusionMatrix.counts, scope: classification.scope,
      progress: progress, using: &generator)
  }

  /// Computes confidence intervals for several metrics from one resampling
  /// pass, with a generator seeded by `seed`.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compute intervals for.
  ///   - classification: The scored predictions.
  ///   - seed: The seed of a ``Xoshiro256StarStar`` generator.
  ///   - progress: Called with the resamples completed and the total.
  /// - Returns: One interval per metric; the same for the same seed on
  ///   every platform.
  /// - Throws: ``StatisticsError`` when the options are invalid or there
  ///   are no items.
  /// - Complexity: As ``intervals(for:of:progress:using:)``.
  public func intervals(
    for metrics: [Metric], of classification: ClassificationMetrics,
    seed: UInt64 = Xoshiro256StarStar.defaultSeed, progress: ResamplingProgress? = nil
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    var generator = Xoshiro256StarStar(seed: seed)
    return try intervals(for: metrics, of: classification, progress: progress, using: &generator)
  }

  /// Computes confidence intervals for several metrics from row-major
  /// counts and a scope.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compute intervals for.
  ///   - counts: `scope.classCount`² counts, gold labels down and predicted
  ///     labels across, as ``ConfusionMatrix/counts``.
  ///   - scope: The classes evaluated, positive class and zero-division
  ///     rule.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One interval per metric.
  /// - Throws: ``StatisticsError`` when the options are invalid, the counts
  ///   do not fit the scope, or there are no items.
  /// - Complexity: As ``intervals(for:of:progress:using:)``.
  public func intervals(
    for metrics: [Metric], counts: [Int], scope: MetricScope,
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    try options.validate()
    let distributions = try self.distributions(
      for: metrics, counts: counts, scope: scope, progress: progress, using: &generator)
    let accelerations =
      options.method == .bca
      ? jackknifeAccelerations(for: metrics, counts: counts, scope: scope)
      : Array(repeating: 0, count: metrics.count)
    var result: [Metric: ConfidenceInterval] = [:]
    for (index, metric) in metrics.enumerated() {
      result[metric] = distributions[index].interval(
        method: options.method, confidence: options.confidence,
        acceleration: accelerations[index])
    }
    return result
  }

  /// Computes confidence intervals for several metrics from row-major
  /// counts and a scope, with a generator seeded by `seed`.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compute intervals for.
  ///   - counts: `scope.classCount`² counts, gold labels down and predicted
  ///     labels across.
  ///   - scope: The classes evaluated, positive class and zero-division
  ///     rule.
  ///   - seed: The seed of a ``Xoshiro256StarStar`` generator.
  ///   - progress: Called with the resamples completed and the total.
  /// - Returns: One interval per metric; the same for the same seed on
  ///   every platform.
  /// - Throws: ``StatisticsError`` when the options are invalid, the counts
  ///   do not fit the scope, or there are no items.
  /// - Complexity: As ``intervals(for:of:progress:using:)``.
  public func intervals(
    for metrics: [Metric], counts: [Int], scope: MetricScope,
    seed: UInt64 = Xoshiro256StarStar.defaultSeed, progress: ResamplingProgress? = nil
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    var generator = Xoshiro256StarStar(seed: seed)
    return try intervals(
      for: metrics, counts: counts, scope: scope, progress: progress, using: &generator)
  }

  /// The bootstrap distribution of each metric.
  func distributions(
    for metrics: [Metric], counts: [Int], scope: MetricScope,
    progress: ResamplingProgress?, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [BootstrapDistribution] {
    try Self.validate(counts: counts, classCount: scope.classCount)
    let resampler = Resampler(table: counts, strategy: options.strategy)
    guard resampler.total > 0 else { throw .noItems }
    let resamples = options.resamples
    let reporter = ProgressReporter(progress, total: resamples)
    var values = [Double](repeating: 0, count: metrics.count * resamples)
    var table = [Double](repeating: 0, count: counts.count)
    var draws = [Int](repeating: 0, count: resampler.counts.count)
    withResamplingGenerator(&generator) { generator in
      table.withUnsafeMutableBufferPointer { table in
        draws.withUnsafeMutableBufferPointer { draws in
          for resample in 0..<resamples {
            resampler.draw(into: draws, using: &generator)
            for cell in draws.indices { table[resampler.positions[cell]] = Double(draws[cell]) }
            let scored = UnsafeBufferPointer(table)
            for (index, metric) in metrics.enumerated() {
              values[index * resamples + resample] = scope.value(of: metric, counts: scored)
            }
            reporter.report(resample + 1)
          }
        }
      }
    }
    let table64 = counts.map(Double.init)
    return metrics.indices.map { index in
      let estimate = table64.withUnsafeBufferPointer { scope.value(of: metrics[index], counts: $0) }
      return BootstrapDistribution(
        values: values[index * resamples..<(index + 1) * resamples], estimate: estimate)
    }
  }

  /// The BCa acceleration of each metric, from one leave-one-out
  /// evaluation per non-empty cell.
  func jackknifeAccelerations(
    for metrics: [Metric], counts: [Int], scope: MetricScope
  ) -> [Double] {
    var table = counts.map(Double.init)
    let cells = counts.indices.filter { counts[$0] > 0 }
    let weights = cells.map { counts[$0] }
    var leaveOneOut = [[Double]](repeating: [], count: metrics.count)
    for cell in cells {
      table[cell] -= 1
      table.withUnsafeBufferPointer { table in
        for (index, metric) in metrics.enumerated() {
          leaveOneOut[index].append(scope.value(of: metric, counts: table))
        }
      }
      table[cell] += 1
    }
    return leaveOneOut.map { BootstrapDistribution.acceleration(values: $0, weights: weights) }
  }

  static func validate(counts: [Int], classCount: Int) throws(StatisticsError) {
    guard counts.count == classCount * classCount else {
      throw .countShapeMismatch(expected: classCount * classCount, found: counts.count)
    }
    if let negative = counts.first(where: { $0 < 0 }) { throw .negativeCount(negative) }
  }
}
