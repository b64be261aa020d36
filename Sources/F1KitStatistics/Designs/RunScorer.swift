import F1Kit

/// Scores every run of an experiment on weighted distinct rows, and the
/// resampling loops built on that.
struct RunScorer: Sendable {
  let counts: ExperimentCounts
  let scope: MetricScope
  let metric: Metric

  /// The distributions of each model's mean over resamples.
  struct Distributions {
    /// Runs and test items resampled: `[model][resample]`.
    var twoLevel: [[Double]]
    /// Only test items resampled, every run kept.
    var itemsOnly: [[Double]]
    /// Only runs resampled, the observed test set kept.
    var seedsOnly: [[Double]]
  }

  /// Leave-one-unit-out values of each model's mean, for BCa's
  /// acceleration.
  struct JackknifeValues {
    var values: [[Double]]
    var weights: [Int]
  }

  var totalRuns: Int { counts.runCounts.reduce(0, +) }

  func runs(ofModel model: Int) -> Range<Int> {
    let first = counts.firstRun(ofModel: model)
    return first..<(first + counts.runCounts[model])
  }

  /// Each run's metric on the rows weighted by `weights`.
  func runValues(weights: [Double]) -> [Double] {
    var table = [Double](repeating: 0, count: totalRuns * counts.classCount * counts.classCount)
    var values = [Double](repeating: 0, count: totalRuns)
    scoreRuns(weights: weights, table: &table, into: &values)
    return values
  }

  /// Scores every run at once: one pass over the distinct rows fills each
  /// run's confusion table, laid out run after run in `table`.
  private func scoreRuns(weights: [Double], table: inout [Double], into values: inout [Double]) {
    let k = counts.classCount
    let runCount = totalRuns
    let width = counts.rowWidth
    for cell in table.indices { table[cell] = 0 }
    counts.patterns.withUnsafeBufferPointer { patterns in
      table.withUnsafeMutableBufferPointer { table in
        for pattern in weights.indices where weights[pattern] != 0 {
          let row = pattern * width
          let gold = Int(patterns[row]) * k
          for run in 0..<runCount {
            table[run * k * k + gold + Int(patterns[row + 1 + run])] += weights[pattern]
          }
        }
      }
    }
    table.withUnsafeBufferPointer { table in
      for run in 0..<runCount {
        let start = run * k * k
        values[run] = scope.value(
          of: metric, counts: UnsafeBufferPointer(rebasing: table[start..<(start + k * k)]))
      }
    }
  }

  /// Draws `resamples` test sets and run choices, and records each model's
  /// mean three ways.
  ///
  /// The resamples run in blocks on every core (``ResampleBlocks``), each
  /// block drawing from its own generator seeded from `seed` and the
  /// block's index, so the distributions depend on the seed, never on the
  /// number of cores.
  ///
  /// - Parameters:
  ///   - resamples: The number of resamples.
  ///   - draws: How test sets are drawn.
  ///   - seed: The seed of the blocks' generators.
  /// - Returns: Each model's mean over runs and items resampled, items
  ///   only and runs only, resample by resample.
  /// - Complexity: O(*R* · (*d* + *r* · *k*²)) for *R* resamples, *d*
  ///   distinct rows or groups, *r* runs and *k* classes, divided among the
  ///   cores; no allocation inside a block's loop.
  func resampledMeans(resamples: Int, draws: ExperimentResampling, seed: UInt64) -> Distributions {
    let modelCount = counts.runCounts.count
    let fullValues = runValues(weights: counts.patternCounts.map(Double.init))
    let modelRuns = (0..<modelCount).map { runs(ofModel: $0) }
    let runTotal = totalRuns
    let tableSize = runTotal * counts.classCount * counts.classCount
    let patternCount = counts.patternCount
    let scorer = self
    let blocks = ResampleBlocks(seed: seed, stream: 0, resamples: resamples)
    let stored = blocks.run(width: 3 * modelCount, report: { _ in }) {
      range, generator, store in
      var weights = [Double](repeating: 0, count: patternCount)
      var scratch: [Int] = []
      var table = [Double](repeating: 0, count: tableSize)
      var values = [Double](repeating: 0, count: runTotal)
      for resample in range {
        draws.draw(into: &weights, scratch: &scratch, using: &generator)
        scorer.scoreRuns(weights: weights, table: &table, into: &values)
        for (model, runs) in modelRuns.enumerated() {
          var twoLevel = 0.0
          var seedsOnly = 0.0
          var itemsOnly = 0.0
          if runs.count == 1 {
            twoLevel = values[runs.lowerBound]
            seedsOnly = fullValues[runs.lowerBound]
            itemsOnly = twoLevel
          } else {
            for run in runs { itemsOnly += values[run] }
            for _ in runs {
              let run = runs.lowerBound + Int(generator.next(upperBound: UInt64(runs.count)))
              twoLevel += values[run]
              seedsOnly += fullValues[run]
            }
          }
          let count = Double(runs.count)
          store.store(twoLevel / count, index: model, resample: resample)
          store.store(itemsOnly / count, index: modelCount + model, resample: resample)
          store.store(seedsOnly / count, index: 2 * modelCount + model, resample: resample)
        }
      }
    }
    func row(_ index: Int) -> [Double] {
      Array(stored[(index * resamples)..<((index + 1) * resamples)])
    }
    return Distributions(
      twoLevel: (0..<modelCount).map { row($0) },
      itemsOnly: (0..<modelCount).map { row(modelCount + $0) },
      seedsOnly: (0..<modelCount).map { row(2 * modelCount + $0) })
  }

  /// Each model's mean with one unit left out: a group, or one item of
  /// each distinct row (weighted by the row's count).
  func jackknifeModelValues(grouped: Bool) -> JackknifeValues {
    let modelCount = counts.runCounts.count
    var weights = counts.patternCounts.map(Double.init)
    var values = [[Double]](repeating: [], count: modelCount)
    var unitWeights: [Int] = []
    func record() {
      let runValues = runValues(weights: weights)
      for model in 0..<modelCount {
        values[model].append(ExperimentComparison.mean(runs(ofModel: model).map { runValues[$0] }))
      }
    }
    if grouped {
      for group in 0..<counts.groupCount {
        let entries = counts.groupOffsets[group]..<counts.groupOffsets[group + 1]
        for entry in entries {
          weights[Int(counts.groupPatterns[entry])] -= Double(counts.groupPatternCounts[entry])
        }
        record()
        unitWeights.append(1)
        for entry in entries {
          weights[Int(counts.groupPatterns[entry])] += Double(counts.groupPatternCounts[entry])
        }
      }
    } else {
      for pattern in counts.patternCounts.indices {
        weights[pattern] -= 1
        record()
        unitWeights.append(counts.patternCounts[pattern])
        weights[pattern] += 1
      }
    }
    return JackknifeValues(values: values, weights: unitWeights)
  }
}
