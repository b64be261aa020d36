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
/// `ZeroDivision/nan` when every class score is undefined) are left out
/// of that metric's bootstrap distribution and counted in
/// ``ConfidenceInterval/undefinedResamples``. With the default
/// `ZeroDivision/zero` the F-scores are always defined; undefined
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
  /// - Complexity: O(*B* × (*c* + *m* *k*)) for *B* resamples, *c*
  ///   non-empty cells, *m* metrics and *k* classes (O(*B* × *N*) instead
  ///   of O(*B* × *c*) when item resampling is cheaper), plus O(*c* *m* +
  ///   *k* *m*) for the BCa jackknife. Memory is O(*B* *m* + *c* + *k*).
  public func intervals(
    for metrics: [Metric], of classification: ClassificationMetrics,
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    try intervals(
      for: metrics, in: classification.confusionMatrix, scope: classification.scope,
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
  ///     labels across, as `ConfusionMatrix/counts`.
  ///   - scope: The classes evaluated, positive class and zero-division
  ///     rule.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One interval per metric.
  /// - Throws: ``StatisticsError`` when the options are invalid, the counts
  ///   do not fit the scope, or there are no items.
  /// - Complexity: As ``intervals(for:of:progress:using:)``, plus O(*k*²)
  ///   to find the non-empty cells.
  public func intervals(
    for metrics: [Metric], counts: [Int], scope: MetricScope,
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    try Self.validate(counts: counts, classCount: scope.classCount)
    return try intervals(
      for: metrics, cells: Self.cells(of: counts, classCount: scope.classCount), scope: scope,
      progress: progress, using: &generator)
  }

  /// Computes confidence intervals for several metrics of a confusion
  /// matrix, dense or sparse.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compute intervals for.
  ///   - matrix: The counts; it must have `scope.classCount` labels.
  ///   - scope: The classes evaluated, positive class and zero-division
  ///     rule.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One interval per metric; the same as from the matrix's
  ///   `ConfusionMatrix/counts`.
  /// - Throws: ``StatisticsError`` when the options are invalid, the matrix
  ///   does not fit the scope, or there are no items.
  /// - Complexity: As ``intervals(for:of:progress:using:)``.
  public func intervals(
    for metrics: [Metric], in matrix: ConfusionMatrix, scope: MetricScope,
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    guard matrix.classCount == scope.classCount else {
      throw .classCountMismatch(data: matrix.classCount, scope: scope.classCount)
    }
    return try intervals(
      for: metrics, cells: matrix.nonEmptyCells, scope: scope, progress: progress,
      using: &generator)
  }

  /// Computes confidence intervals for several metrics of weighted items
  /// from one resampling pass.
  ///
  /// The bootstrap resamples items, each carrying its sample weight: a
  /// resample is a multinomial draw of *N* items over the distinct (gold,
  /// predicted, weight) rows, and each metric is scored from the weight
  /// sums of the drawn items, as scikit-learn's `sample_weight` scores it.
  /// The BCa jackknife leaves out one item (and its weight) at a time. With
  /// every weight 1 the intervals equal those of the unweighted matrix, bit
  /// for bit.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compute intervals for.
  ///   - predictions: The weighted rows; `scope.classCount` classes.
  ///   - scope: The classes evaluated, positive class, zero-division rule
  ///     and beta.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One interval per metric.
  /// - Throws: ``StatisticsError`` when the options are invalid, the rows
  ///   do not fit the scope, there are no items, or every weight is zero.
  /// - Complexity: O(*B* × (*c* + *m* *k*)) for *B* resamples, *c* distinct
  ///   rows, *m* metrics and *k* classes, plus O(*c* *m* + *k* *m*) for
  ///   the jackknife; independent of the number of items.
  public func intervals(
    for metrics: [Metric], weighted predictions: WeightedPredictions, scope: MetricScope,
    progress: ResamplingProgress? = nil, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    guard predictions.classCount == scope.classCount else {
      throw .classCountMismatch(data: predictions.classCount, scope: scope.classCount)
    }
    guard predictions.itemCount > 0 else { throw .noItems }
    guard predictions.totalWeight > 0 else { throw .zeroTotalWeight }
    return try intervals(
      for: metrics,
      cells: predictions.cells.map {
        ConfusionMatrix.Cell(gold: $0.gold, predicted: $0.predicted, count: $0.count)
      }, itemWeights: predictions.cells.map(\.weight), scope: scope, progress: progress,
      using: &generator)
  }

  /// Computes intervals from non-empty cells in row-major order; with
  /// `itemWeights`, each cell's items carry that weight (cells may then
  /// repeat a gold and prediction with different weights).
  func intervals(
    for metrics: [Metric], cells: [ConfusionMatrix.Cell], itemWeights: [Double]? = nil,
    scope: MetricScope, progress: ResamplingProgress?,
    using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: ConfidenceInterval] {
    try options.validate()
    let distributions = try self.distributions(
      for: metrics, cells: cells, itemWeights: itemWeights, scope: scope, progress: progress,
      using: &generator)
    let accelerations =
      options.method == .bca
      ? jackknifeAccelerations(
        for: metrics, cells: cells, itemWeights: itemWeights, scope: scope)
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

  /// The bootstrap distribution of each metric; with `itemWeights`, each
  /// drawn item adds its cell's weight rather than 1.
  func distributions(
    for metrics: [Metric], cells: [ConfusionMatrix.Cell], itemWeights: [Double]? = nil,
    scope: MetricScope, progress: ResamplingProgress?,
    using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [BootstrapDistribution] {
    let resampler = Resampler(cellCounts: cells.map(\.count), strategy: options.strategy)
    guard resampler.total > 0 else { throw .noItems }
    let golds = resampler.cellIndices.map { cells[$0].gold }
    let predictions = resampler.cellIndices.map { cells[$0].predicted }
    let weights = resampler.cellIndices.map { itemWeights?[$0] ?? 1 }
    let resamples = options.resamples
    let reporter = ProgressReporter(progress, total: resamples)
    var values = [Double](repeating: 0, count: metrics.count * resamples)
    var tallies = [Double](repeating: 0, count: scope.tallyCount)
    var draws = [Int](repeating: 0, count: resampler.counts.count)
    withResamplingGenerator(&generator) { generator in
      tallies.withUnsafeMutableBufferPointer { tallies in
        draws.withUnsafeMutableBufferPointer { draws in
          for resample in 0..<resamples {
            resampler.draw(into: draws, using: &generator)
            scope.clearTallies(tallies)
            for cell in draws.indices where draws[cell] != 0 {
              scope.addToTallies(
                Double(draws[cell]) * weights[cell], gold: golds[cell],
                predicted: predictions[cell], tallies)
            }
            let scored = UnsafeBufferPointer(tallies)
            for (index, metric) in metrics.enumerated() {
              values[index * resamples + resample] = scope.value(of: metric, tallies: scored)
            }
            reporter.report(resample + 1)
          }
        }
      }
    }
    let observed = Self.tallies(of: cells, itemWeights: itemWeights, scope: scope)
    return metrics.indices.map { index in
      let estimate = observed.withUnsafeBufferPointer {
        scope.value(of: metrics[index], tallies: $0)
      }
      return BootstrapDistribution(
        values: values[index * resamples..<(index + 1) * resamples], estimate: estimate)
    }
  }

  /// The bootstrap distribution of each metric, from row-major counts.
  func distributions(
    for metrics: [Metric], counts: [Int], scope: MetricScope,
    progress: ResamplingProgress?, using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [BootstrapDistribution] {
    try Self.validate(counts: counts, classCount: scope.classCount)
    return try distributions(
      for: metrics, cells: Self.cells(of: counts, classCount: scope.classCount), scope: scope,
      progress: progress, using: &generator)
  }

  /// The BCa acceleration of each metric, from row-major counts.
  func jackknifeAccelerations(
    for metrics: [Metric], counts: [Int], scope: MetricScope
  ) -> [Double] {
    jackknifeAccelerations(
      for: metrics, cells: Self.cells(of: counts, classCount: scope.classCount), scope: scope)
  }

  /// The non-empty cells of row-major counts, in row-major order.
  static func cells(of counts: [Int], classCount k: Int) -> [ConfusionMatrix.Cell] {
    var cells: [ConfusionMatrix.Cell] = []
    for (position, count) in counts.enumerated() where count > 0 {
      cells.append(ConfusionMatrix.Cell(gold: position / k, predicted: position % k, count: count))
    }
    return cells
  }

  /// The tallies of non-empty cells given in row-major order; with
  /// `itemWeights`, each cell adds its count times its items' weight.
  static func tallies(
    of cells: [ConfusionMatrix.Cell], itemWeights: [Double]? = nil, scope: MetricScope
  ) -> [Double] {
    var result = [Double](repeating: 0, count: scope.tallyCount)
    result.withUnsafeMutableBufferPointer { tallies in
      for (position, cell) in cells.enumerated() {
        scope.addToTallies(
          Double(cell.count) * (itemWeights?[position] ?? 1), gold: cell.gold,
          predicted: cell.predicted, tallies)
      }
    }
    return result
  }

  /// The BCa acceleration of each metric, from one leave-one-out
  /// evaluation per non-empty cell.
  ///
  /// - Complexity: O(*c* · *m* + *k* · *m*) for *c* non-empty cells, *m*
  ///   metrics and *k* classes: each leave-one-out value updates the sums
  ///   of the two classes the cell touches
  ///   (`MetricScope.LeaveOneOutScorer`).
  func jackknifeAccelerations(
    for metrics: [Metric], cells: [ConfusionMatrix.Cell], itemWeights: [Double]? = nil,
    scope: MetricScope
  ) -> [Double] {
    let scorer = MetricScope.LeaveOneOutScorer(
      metrics: metrics, scope: scope,
      tallies: Self.tallies(of: cells, itemWeights: itemWeights, scope: scope))
    let weights = cells.map(\.count)
    var leaveOneOut = [Double](repeating: 0, count: metrics.count * cells.count)
    leaveOneOut.withUnsafeMutableBufferPointer { values in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: metrics.count) { cellValues in
        for (position, cell) in cells.enumerated() {
          if let itemWeights {
            // One item, carrying its weight, leaves the cell.
            scorer.values(
              changingGold: cell.gold, predicted: cell.predicted, by: -itemWeights[position],
              into: cellValues)
          } else {
            scorer.values(leavingOutGold: cell.gold, predicted: cell.predicted, into: cellValues)
          }
          for index in metrics.indices {
            values[index * cells.count + position] = cellValues[index]
          }
        }
      }
    }
    return metrics.indices.map { index in
      BootstrapDistribution.acceleration(
        values: Array(leaveOneOut[index * cells.count..<(index + 1) * cells.count]),
        weights: weights)
    }
  }

  static func validate(counts: [Int], classCount: Int) throws(StatisticsError) {
    guard counts.count == classCount * classCount else {
      throw .countShapeMismatch(expected: classCount * classCount, found: counts.count)
    }
    if let negative = counts.first(where: { $0 < 0 }) { throw .negativeCount(negative) }
  }
}
