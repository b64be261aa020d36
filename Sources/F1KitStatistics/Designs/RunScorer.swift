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
    /// same test sets): `[run][resample]`; NaN where the run is undefined
    /// or, in a collapsed draw, was not chosen.
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
  fileprivate func scoreRuns(weights: [Double], table: inout [Double], into values: inout [Double])
  {
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
      score(runs: 0..<runCount, tables: table, into: &values)
    }
  }

  /// Each of `runs`' value from its confusion table in `tables`, laid out
  /// run after run.
  private func score(
    runs: some Sequence<Int>, tables: UnsafeBufferPointer<Double>, into values: inout [Double]
  ) {
    let size = counts.classCount * counts.classCount
    for run in runs {
      values[run] = scope.value(
        of: metric, counts: UnsafeBufferPointer(rebasing: tables[(run * size)..<((run + 1) * size)])
      )
    }
  }

  /// Scores the runs `runs` on a drawn collapsed test set: each run's
  /// confusion table in `table` (laid out run after run, as
  /// ``scoreRuns(weights:table:into:)`` does) and its value in `values`;
  /// other runs are left as they were.
  fileprivate func scoreCells(
    _ scratch: RunMarginals.Scratch, of marginals: RunMarginals, runs: UnsafeBufferPointer<Int>,
    table: inout [Double], into values: inout [Double]
  ) {
    let k = counts.classCount
    let size = k * k
    let width = counts.rowWidth
    table.withUnsafeMutableBufferPointer { table in
      for run in runs {
        for cell in (run * size)..<((run + 1) * size) { table[cell] = 0 }
      }
      // Indices below the table's size and the patterns' count, so the
      // arithmetic is wrapping, with no overflow checks in the hot loop.
      counts.patterns.withUnsafeBufferPointer { patterns in
        scratch.cellDraws.withUnsafeBufferPointer { cellDraws in
          marginals.withCells(of: scratch) { cellRows, _ in
            for cell in cellRows.indices where cellDraws[cell] != 0 {
              let row = cellRows[cell] &* width &+ 1
              let gold = Int(patterns[row &- 1]) &* k
              let weight = Double(cellDraws[cell])
              for run in runs {
                table[run &* size &+ gold &+ Int(patterns[row &+ run])] += weight
              }
            }
          }
        }
      }
      score(runs: runs, tables: UnsafeBufferPointer(table), into: &values)
    }
  }

  /// Draws `resamples` test sets and run choices, and records each model's
  /// mean over resampled runs and each run's value on the resampled test
  /// set.
  ///
  /// With several runs and test sets drawn cell by cell, each resample
  /// chooses the runs first and draws a test set collapsed to them
  /// (``RunMarginals``): the runs it did not choose get no value (NaN) in
  /// that resample's items-only values, which ``ItemCovariance`` allows
  /// for. Otherwise every distinct row (or group) is drawn and every run
  /// scored, and the runs are chosen after the test set.
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
    let scorer = self
    let marginals =
      counts.runCounts.contains { $0 > 1 } && draws.drawsCells
      ? RunMarginals(counts: counts, isStratified: draws.design == .stratifiedByGold) : nil
    let blocks = ResampleBlocks(seed: seed, stream: 0, resamples: resamples)
    let stored = blocks.run(width: modelCount + totalRuns) {
      range, generator, store in
      var block = Block(scorer: scorer, draws: draws)
      if let marginals {
        block.resampleCollapsed(range, marginals: marginals, using: &generator, into: store)
      } else {
        block.resample(range, using: &generator, into: store)
      }
    }
    func row(_ index: Int) -> [Double] {
      Array(stored[(index * resamples)..<((index + 1) * resamples)])
    }
    return Distributions(
      twoLevel: (0..<modelCount).map { row($0) },
      itemsOnly: (0..<totalRuns).map { row(modelCount + $0) })
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

extension RunScorer {
  /// One block's working storage for ``RunScorer/resampledMeans(resamples:draws:seed:)``,
  /// made once per block so that its loops do not allocate.
  fileprivate struct Block {
    let scorer: RunScorer
    let draws: ExperimentResampling
    let modelRuns: [Range<Int>]
    var weights: [Double]
    var scratch: [Int] = []
    var table: [Double]
    var values: [Double]
    /// The run each slot of a model's resampled runs chose.
    var picks: [Int]

    init(scorer: RunScorer, draws: ExperimentResampling) {
      self.scorer = scorer
      self.draws = draws
      let counts = scorer.counts
      modelRuns = counts.runCounts.indices.map { scorer.runs(ofModel: $0) }
      weights = [Double](repeating: 0, count: counts.patternCount)
      table = [Double](
        repeating: 0, count: scorer.totalRuns * counts.classCount * counts.classCount)
      values = [Double](repeating: 0, count: scorer.totalRuns)
      picks = [Int](repeating: 0, count: scorer.totalRuns)
    }

    /// Draws every distinct row (or group), scores every run, then
    /// chooses each model's runs.
    mutating func resample(
      _ range: Range<Int>, using generator: inout Xoshiro256StarStar,
      into store: ResampleBlocks.ValueStore
    ) {
      for resample in range {
        drawAndScoreAll(using: &generator)
        for runs in modelRuns {
          for slot in runs {
            picks[slot] =
              runs.count == 1
              ? slot : runs.lowerBound + Int(generator.next(upperBound: UInt64(runs.count)))
          }
        }
        record(resample, into: store)
      }
    }

    /// Chooses each model's runs, then draws a test set collapsed to them
    /// (``RunMarginals``) and scores only them; the other runs get NaN.
    mutating func resampleCollapsed(
      _ range: Range<Int>, marginals: RunMarginals, using generator: inout Xoshiro256StarStar,
      into store: ResampleBlocks.ValueStore
    ) {
      var cells = marginals.makeScratch()
      var chosen = [Int](repeating: 0, count: values.count)
      var isChosen = [Bool](repeating: false, count: values.count)
      for resample in range {
        for runs in modelRuns {
          for slot in runs {
            let pick =
              runs.count == 1
              ? slot : runs.lowerBound + Int(generator.next(upperBound: UInt64(runs.count)))
            picks[slot] = pick
            isChosen[pick] = true
          }
        }
        var chosenCount = 0
        for run in isChosen.indices where isChosen[run] {
          chosen[chosenCount] = run
          chosenCount += 1
          isChosen[run] = false
        }
        let isCollapsed = chosen.withUnsafeBufferPointer { chosen in
          let runs = UnsafeBufferPointer(rebasing: chosen[0..<chosenCount])
          guard marginals.draw(runs: runs, into: &cells, using: &generator) else {
            return false
          }
          for run in values.indices { values[run] = .nan }
          scorer.scoreCells(
            cells, of: marginals, runs: runs, table: &table, into: &values)
          return true
        }
        if !isCollapsed { drawAndScoreAll(using: &generator) }
        record(resample, into: store)
      }
    }

    /// Draws a test set over every distinct row (or group) and scores
    /// every run on it.
    private mutating func drawAndScoreAll(using generator: inout Xoshiro256StarStar) {
      draws.draw(into: &weights, scratch: &scratch, using: &generator)
      scorer.scoreRuns(weights: weights, table: &table, into: &values)
    }

    /// Stores each run's items-only value and each model's mean over its
    /// chosen runs.
    private func record(_ resample: Int, into store: ResampleBlocks.ValueStore) {
      let modelCount = modelRuns.count
      for run in values.indices {
        store.store(values[run], index: modelCount + run, resample: resample)
      }
      for (model, runs) in modelRuns.enumerated() {
        var twoLevel = 0.0
        for slot in runs { twoLevel += values[picks[slot]] }
        store.store(twoLevel / Double(runs.count), index: model, resample: resample)
      }
    }
  }
}
