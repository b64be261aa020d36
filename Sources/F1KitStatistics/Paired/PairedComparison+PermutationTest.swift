import F1Kit

extension PairedComparison {
  /// Runs an approximate randomization test for several metrics from one
  /// pass of random swaps.
  ///
  /// Each item's two predictions are swapped with probability 1/2; an item
  /// with a sample weight keeps it, so a swapped item moves its weight
  /// from one model's cell to the other's.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to test.
  ///   - resamples: The number of random swaps *R*; 9,999 by default.
  ///   - progress: Called with the resamples completed and the total.
  ///   - generator: The source of randomness.
  /// - Returns: One ``PermutationTest`` per metric. A metric whose
  ///   observed difference is undefined gets a NaN p-value; identical
  ///   models get a p-value of 1.
  /// - Throws: ``StatisticsError/invalidResampleCount(_:)``.
  /// - Complexity: O(*R* × (*c* + *m* *k*)) for *c* non-empty joint cells
  ///   with different predictions, *m* metrics and *k* classes;
  ///   independent of the number of items.
  public func permutationTest(
    for metrics: [Metric], resamples: Int = 9_999, progress: ResamplingProgress? = nil,
    using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) -> [Metric: PermutationTest] {
    guard resamples >= 1 else { throw .invalidResampleCount(resamples) }
    // Items on which the models agree are unchanged by a swap.
    var fixedFirst = [Double](repeating: 0, count: scope.tallyCount)
    var fixedSecond = [Double](repeating: 0, count: scope.tallyCount)
    var swappable: [Int] = []
    fixedFirst.withUnsafeMutableBufferPointer { fixedFirst in
      fixedSecond.withUnsafeMutableBufferPointer { fixedSecond in
        for (index, cell) in predictions.cells.enumerated() {
          if cell.first == cell.second {
            let count = Double(cell.count) * cell.weight
            scope.addToTallies(count, gold: cell.gold, predicted: cell.first, fixedFirst)
            scope.addToTallies(count, gold: cell.gold, predicted: cell.first, fixedSecond)
          } else {
            swappable.append(index)
          }
        }
      }
    }
    let cells = jointCells(at: swappable)
    let observed = metrics.map { difference(of: $0) }
    var exceedances = [Int](repeating: 0, count: metrics.count)
    var undefined = [Int](repeating: 0, count: metrics.count)
    var first = fixedFirst
    var second = fixedSecond
    let reporter = ProgressReporter(progress, total: resamples)
    withResamplingGenerator(&generator) { generator in
      for resample in 0..<resamples {
        first.withUnsafeMutableBufferPointer { first in
          second.withUnsafeMutableBufferPointer { second in
            for index in first.indices {
              first[index] = fixedFirst[index]
              second[index] = fixedSecond[index]
            }
            for index in cells.counts.indices {
              let count = cells.counts[index]
              let swapped = BinomialSampler.sampleHalf(trials: count, using: &generator)
              let weight = cells.weights[index]
              let kept = Double(count - swapped) * weight
              let moved = Double(swapped) * weight
              let gold = cells.gold[index]
              let a = cells.first[index]
              let b = cells.second[index]
              if kept != 0 {
                scope.addToTallies(kept, gold: gold, predicted: a, first)
                scope.addToTallies(kept, gold: gold, predicted: b, second)
              }
              if moved != 0 {
                scope.addToTallies(moved, gold: gold, predicted: b, first)
                scope.addToTallies(moved, gold: gold, predicted: a, second)
              }
            }
            for (index, metric) in metrics.enumerated() {
              let delta =
                scope.value(of: metric, tallies: UnsafeBufferPointer(second))
                - scope.value(of: metric, tallies: UnsafeBufferPointer(first))
              if delta.isNaN {
                undefined[index] += 1
              } else if Self.isAtLeast(abs(delta), abs(observed[index])) {
                exceedances[index] += 1
              }
            }
          }
        }
        reporter.report(resample + 1)
      }
    }
    var result: [Metric: PermutationTest] = [:]
    for (index, metric) in metrics.enumerated() {
      let defined = resamples - undefined[index]
      let pValue =
        observed[index].isNaN ? .nan : Double(exceedances[index] + 1) / Double(defined + 1)
      result[metric] = PermutationTest(
        metric: metric, difference: observed[index], pValue: pValue, resamples: resamples,
        undefinedResamples: undefined[index])
    }
    return result
  }

  /// Runs an approximate randomization test with a generator seeded by
  /// `seed`.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to test.
  ///   - resamples: The number of random swaps *R*; 9,999 by default.
  ///   - seed: The seed of a ``Xoshiro256StarStar`` generator.
  ///   - progress: Called with the resamples completed and the total.
  /// - Returns: One ``PermutationTest`` per metric.
  /// - Throws: ``StatisticsError/invalidResampleCount(_:)``.
  /// - Complexity: As ``permutationTest(for:resamples:progress:using:)``.
  public func permutationTest(
    for metrics: [Metric], resamples: Int = 9_999,
    seed: UInt64 = Xoshiro256StarStar.defaultSeed, progress: ResamplingProgress? = nil
  ) throws(StatisticsError) -> [Metric: PermutationTest] {
    var generator = Xoshiro256StarStar(seed: seed)
    return try permutationTest(
      for: metrics, resamples: resamples, progress: progress, using: &generator)
  }
}
