import F1Kit

/// Scores every run of an experiment on weighted distinct rows, and the
/// resampling loops built on that.
struct RunScorer: Sendable {
  let counts: ExperimentCounts
  let scope: MetricScope
  let metric: Metric

  /// The resampled values behind an experiment's intervals.
  struct Distributions {
    /// Each model's mean with runs and test items resampled:
    /// `[model][resample]`.
    var twoLevel: [[Double]]
    /// Each run's value with only test items resampled (every run on the
    /// same test sets): `[run][resample]`.
    var itemsOnly: [[Double]]
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
  /// mean over resampled runs and each run's value on the resampled test
  /// set.
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
  /// - Returns: Each model's mean over runs and items resampled, and each
  ///   run's value with items only resampled, resample by resample.
  /// - Complexity: O(*R* · (*d* + *r* · *k*²)) for *R* resamples, *d*
  ///   distinct rows or groups, *r* runs and *k* classes, divided among the
  ///   cores; no allocation inside a block's loop.
  func resampledMeans(resamples: Int, draws: ExperimentResampling, seed: UInt64) -> Distributions {
    let modelCount = counts.runCounts.count
    let modelRuns = (0..<modelCount).map { runs(ofModel: $0) }
    let runTotal = totalRuns
    let tableSize = runTotal * counts.classCount * counts.classCount
    let patternCount = counts.patternCount
    let scorer = self
    let blocks = ResampleBlocks(seed: seed, stream: 0, resamples: resamples)
    let stored = blocks.run(width: modelCount + runTotal, report: { _ in }) {
      range, generator, store in
      var weights = [Double](repeating: 0, count: patternCount)
      var scratch: [Int] = []
      var table = [Double](repeating: 0, count: tableSize)
      var values = [Double](repeating: 0, count: runTotal)
      for resample in range {
        draws.draw(into: &weights, scratch: &scratch, using: &generator)
        scorer.scoreRuns(weights: weights, table: &table, into: &values)
        for run in 0..<runTotal {
          store.store(values[run], index: modelCount + run, resample: resample)
        }
        for (model, runs) in modelRuns.enumerated() {
          var twoLevel = 0.0
          if runs.count == 1 {
            twoLevel = values[runs.lowerBound]
          } else {
            for _ in runs {
              twoLevel +=
                values[runs.lowerBound + Int(generator.next(upperBound: UInt64(runs.count)))]
            }
          }
          store.store(twoLevel / Double(runs.count), index: model, resample: resample)
        }
      }
    }
    func row(_ index: Int) -> [Double] {
      Array(stored[(index * resamples)..<((index + 1) * resamples)])
    }
    return Distributions(
      twoLevel: (0..<modelCount).map { row($0) },
      itemsOnly: (0..<runTotal).map { row(modelCount + $0) })
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

  /// The permutation test that swaps the two models' predictions on whole
  /// groups, for models with one run each.
  ///
  /// Swapping a group moves each of its items whose two predictions differ
  /// from one cell of a model's table to another, so each group is kept as
  /// its net change to the first model's table (the second's is the same
  /// change negated), and a resample starts from the observed tables and
  /// applies the changes of the swapped groups. Groups whose swap changes
  /// nothing draw no coin. Each coin is one bit of a 64-bit random word.
  /// Counts are whole numbers, so the tables are exact whatever the order
  /// of the changes. The resamples run in blocks on every core
  /// (``ResampleBlocks``), so the p-value depends on the seed and the
  /// stream, never on the number of cores.
  ///
  /// - Parameters:
  ///   - first: The first model, with one run.
  ///   - second: The second model, with one run.
  ///   - observed: The observed difference, second minus first.
  ///   - resamples: The number of permutations.
  ///   - seed: The seed of the blocks' generators.
  ///   - stream: The blocks' stream, one per pair.
  /// - Returns: The test.
  /// - Complexity: O(*R* · (*m* + *k*²)) for *R* resamples, *m* cells
  ///   changed by swaps over all groups and *k* classes, divided among the
  ///   cores.
  func groupPermutationTest(
    first: Int, second: Int, observed: Double, resamples: Int, seed: UInt64, stream: UInt64
  ) -> PermutationTest {
    let k = counts.classCount
    let firstRun = counts.firstRun(ofModel: first)
    let secondRun = counts.firstRun(ofModel: second)
    let (observedFirst, observedSecond, changeOffsets, changeCells, changeAmounts) = {
      () -> ([Double], [Double], [Int], [Int32], [Double]) in
      var observedFirst = [Double](repeating: 0, count: k * k)
      var observedSecond = [Double](repeating: 0, count: k * k)
      // Swapping a group moves each of its differing items from cell a to
      // cell b of the first model's table and from b to a of the second's,
      // so the second table's change is the first's negated. Each swappable
      // group keeps its net change to the first table, by cell.
      var changeOffsets = [0]
      var changeCells: [Int32] = []
      var changeAmounts: [Double] = []
      var groupChange: [Int: Double] = [:]
      for group in 0..<counts.groupCount {
        groupChange.removeAll(keepingCapacity: true)
        for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
          let pattern = Int(counts.groupPatterns[entry])
          let gold = counts.gold(ofPattern: pattern) * k
          let a = gold + counts.prediction(ofPattern: pattern, run: firstRun)
          let b = gold + counts.prediction(ofPattern: pattern, run: secondRun)
          let count = Double(counts.groupPatternCounts[entry])
          observedFirst[a] += count
          observedSecond[b] += count
          if a != b {
            groupChange[a, default: 0] -= count
            groupChange[b, default: 0] += count
          }
        }
        for (cell, amount) in groupChange.sorted(by: { $0.key < $1.key }) where amount != 0 {
          changeCells.append(Int32(cell))
          changeAmounts.append(amount)
        }
        if changeAmounts.count > changeOffsets[changeOffsets.count - 1] {
          changeOffsets.append(changeAmounts.count)
        }
      }
      return (observedFirst, observedSecond, changeOffsets, changeCells, changeAmounts)
    }()
    let swappable = changeOffsets.count - 1
    let blocks = ResampleBlocks(seed: seed, stream: stream, resamples: resamples)
    let scope = self.scope
    let metric = self.metric
    let differences: [Double]
    if k * k <= 32 {
      // Up to 32 cells: each group's change as a dense row of vectors of
      // eight, summed in registers.
      let blockWidth = k * k <= 8 ? 1 : k * k <= 16 ? 2 : 4
      let rows: [SIMD8<Double>] = {
        var rows = [SIMD8<Double>](repeating: .zero, count: swappable * blockWidth)
        for group in 0..<swappable {
          for change in changeOffsets[group]..<changeOffsets[group + 1] {
            let cell = Int(changeCells[change])
            rows[group * blockWidth + cell / 8][cell % 8] += changeAmounts[change]
          }
        }
        return rows
      }()
      differences = blocks.run(width: 1, report: { _ in }) { range, generator, store in
        var firstTable = observedFirst
        var secondTable = observedSecond
        rows.withUnsafeBufferPointer { rows in
          for resample in range {
            var sums = (
              SIMD8<Double>.zero, SIMD8<Double>.zero, SIMD8<Double>.zero, SIMD8<Double>.zero
            )
            var word: UInt64 = 0
            for group in 0..<swappable {
              if group & 63 == 0 { word = generator.next() }
              let coin = SIMD8<Double>(repeating: Double(word & 1))
              word >>= 1
              let row = group &* blockWidth
              sums.0 += coin * rows[row]
              if blockWidth > 1 {
                sums.1 += coin * rows[row &+ 1]
                if blockWidth > 2 {
                  sums.2 += coin * rows[row &+ 2]
                  sums.3 += coin * rows[row &+ 3]
                }
              }
            }
            for cell in 0..<k * k {
              let lane = cell % 8
              let change: Double
              switch cell / 8 {
              case 0: change = sums.0[lane]
              case 1: change = sums.1[lane]
              case 2: change = sums.2[lane]
              default: change = sums.3[lane]
              }
              firstTable[cell] = observedFirst[cell] + change
              secondTable[cell] = observedSecond[cell] - change
            }
            let second = secondTable.withUnsafeBufferPointer {
              scope.value(of: metric, counts: $0)
            }
            let first = firstTable.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
            store.store(second - first, index: 0, resample: resample)
          }
        }
      }
    } else {
      differences = blocks.run(width: 1, report: { _ in }) { range, generator, store in
        var firstTable = observedFirst
        var secondTable = observedSecond
        changeOffsets.withUnsafeBufferPointer { offsets in
          changeCells.withUnsafeBufferPointer { cells in
            changeAmounts.withUnsafeBufferPointer { amounts in
              firstTable.withUnsafeMutableBufferPointer { firstTable in
                secondTable.withUnsafeMutableBufferPointer { secondTable in
                  for resample in range {
                    for cell in 0..<k * k { firstTable[cell] = observedFirst[cell] }
                    var word: UInt64 = 0
                    for group in 0..<swappable {
                      if group & 63 == 0 { word = generator.next() }
                      // Without a branch on the coin, which no predictor
                      // can guess: an unswapped group adds zero.
                      let coin = Double(word & 1)
                      word >>= 1
                      for change in offsets[group]..<offsets[group + 1] {
                        firstTable[Int(cells[change])] += coin * amounts[change]
                      }
                    }
                    for cell in 0..<k * k {
                      secondTable[cell] =
                        observedSecond[cell] - (firstTable[cell] - observedFirst[cell])
                    }
                    store.store(
                      scope.value(of: metric, counts: UnsafeBufferPointer(secondTable))
                        - scope.value(of: metric, counts: UnsafeBufferPointer(firstTable)),
                      index: 0, resample: resample)
                  }
                }
              }
            }
          }
        }
      }
    }
    var exceedances = 0
    var undefined = 0
    for delta in differences {
      if delta.isNaN {
        undefined += 1
      } else if PairedComparison.isAtLeast(abs(delta), abs(observed)) {
        exceedances += 1
      }
    }
    let pValue =
      observed.isNaN ? .nan : Double(exceedances + 1) / Double(resamples - undefined + 1)
    return PermutationTest(
      metric: metric, difference: observed, pValue: pValue, resamples: resamples,
      undefinedResamples: undefined)
  }
}
