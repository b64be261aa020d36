import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// The release-build simulations behind the "Experiments" figures of
/// docs/statistics.md: group coverage with 3 to 60 groups (3 and 5 lie
/// below the 6 groups `ExperimentComparison` accepts, so these lower its
/// minimum to show what the refusal prevents), 35 groups equal or with one
/// holding 85% of the items, the grouped difference and
/// permutation test under a zero mean difference,
/// and two-level coverage with seed variance. Too slow for a debug run, so
/// they run only when F1KIT_EXPERIMENT_REPORT is set:
///
///     F1KIT_EXPERIMENT_REPORT=1 swift test -c release -Xswiftc -enable-testing \
///       --filter ExperimentSimulations
///
/// and print Markdown tables. Fixed seeds: the same build prints the same
/// numbers.
@Suite(
  "Experiment simulations",
  .enabled(if: ProcessInfo.processInfo.environment["F1KIT_EXPERIMENT_REPORT"] != nil))
struct ExperimentSimulations {
  static let trials = 2_000
  static let resamples = 999

  static func percent(_ count: Int, of total: Int) -> String {
    String(format: "%.1f%%", 100 * Double(count) / Double(total))
  }

  /// The Monte Carlo standard error of a coverage near 95% over `trials`.
  static func monteCarloError(_ trials: Int) -> String {
    String(format: "%.1f", 100 * (0.95 * 0.05 / Double(trials)).squareRoot())
  }

  @Test("group coverage: item-level against group intervals, 3 to 60 groups of 15")
  func groupCoverage() throws {
    var lines = [
      "| groups × items | item-level BCa | group BCa | group percentile | mean width ratio (group / item) |",
      "| --- | ---: | ---: | ---: | ---: |",
    ]
    for groups in [3, 5, 10, 20, 40, 60] {
      let population = DesignPopulation(groups: groups, itemsPerGroup: 15, groupSpread: 0.35)
      var generator = Xoshiro256StarStar(seed: UInt64(10_000 + groups))
      var item = 0
      var group = 0
      var percentile = 0
      var ratioSum = 0.0
      for _ in 0..<Self.trials {
        let sample = population.draw(runsPerModel: [1], using: &generator)
        let counts = try ExperimentCounts(
          gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
        func interval(_ design: ResamplingDesign, _ method: IntervalMethod) throws
          -> ConfidenceInterval
        {
          try ExperimentComparison(
            counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: design,
            options: BootstrapOptions(resamples: Self.resamples, method: method),
            minimumGroups: 2, using: &generator
          ).models[0].interval
        }
        let itemInterval = try interval(.items, .bca)
        let groupInterval = try interval(.groups, .bca)
        let groupPercentile = try interval(.groups, .percentile)
        if itemInterval.contains(population.accuracy) { item += 1 }
        if groupInterval.contains(population.accuracy) { group += 1 }
        if groupPercentile.contains(population.accuracy) { percentile += 1 }
        ratioSum += MetricIntervals.widthRatio(groupInterval, itemInterval) ?? .nan
      }
      lines.append(
        "| \(groups) × 15 | \(Self.percent(item, of: Self.trials)) | \(Self.percent(group, of: Self.trials)) | \(Self.percent(percentile, of: Self.trials)) | \(String(format: "%.2f", ratioSum / Double(Self.trials))) |"
      )
    }
    print(
      "Group coverage (\(Self.trials) test sets each, \(Self.resamples) resamples, Monte Carlo SE ±\(Self.monteCarloError(Self.trials)) points):\n"
        + lines.joined(separator: "\n"))
  }

  @Test("group coverage with one dominant group: 35 groups, one of them 85% of the items")
  func dominantGroupCoverage() throws {
    var lines = [
      "| groups (items) | effective groups | group BCa | group percentile |",
      "| --- | ---: | ---: | ---: |",
    ]
    let configurations: [(name: String, sizes: [Int])] = [
      ("35 equal (57 each, 1,995)", [Int](repeating: 57, count: 35)),
      (
        "35: one of 1,700, 33 of 9, one of 3 (2,000)",
        [1_700] + [Int](repeating: 9, count: 33) + [3]
      ),
    ]
    for (offset, configuration) in configurations.enumerated() {
      let population = DesignPopulation(
        groups: configuration.sizes.count, itemsPerGroup: 0, groupSpread: 0.35,
        groupSizes: configuration.sizes)
      var generator = Xoshiro256StarStar(seed: UInt64(20_000 + offset))
      var bca = 0
      var percentile = 0
      for _ in 0..<Self.trials {
        let sample = population.draw(runsPerModel: [1], using: &generator)
        let counts = try ExperimentCounts(
          gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
        for method in [IntervalMethod.bca, .percentile] {
          let interval = try ExperimentComparison(
            counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
            options: BootstrapOptions(resamples: Self.resamples, method: method), using: &generator
          ).models[0].interval
          if interval.contains(population.accuracy) {
            if method == .bca { bca += 1 } else { percentile += 1 }
          }
        }
      }
      let effective = GroupBalance(sizes: configuration.sizes).effectiveGroupCount
      lines.append(
        "| \(configuration.name) | \(String(format: "%.2f", effective)) | \(Self.percent(bca, of: Self.trials)) | \(Self.percent(percentile, of: Self.trials)) |"
      )
    }
    print(
      "Dominant group (\(Self.trials) test sets each, \(Self.resamples) resamples, Monte Carlo SE ±\(Self.monteCarloError(Self.trials)) points):\n"
        + lines.joined(separator: "\n"))
  }

  @Test("grouped difference with zero mean: interval coverage of 0 and permutation size")
  func groupedDifference() throws {
    var lines = [
      "| groups × items | grouped interval covers 0 | item-level interval covers 0 | grouped permutation rejects (α = 0.05) | grouped bootstrap rejects (α = 0.05) | interval and bootstrap p disagree |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for groups in [3, 5, 10, 20, 40, 60] {
      let population = DesignPopulation(
        groups: groups, itemsPerGroup: 15, groupSpread: 0.15, groupEffect: 0.15)
      var generator = Xoshiro256StarStar(seed: UInt64(20_000 + groups))
      var grouped = 0
      var itemLevel = 0
      var rejected = 0
      var bootstrapRejected = 0
      var disagreeing = 0
      for _ in 0..<Self.trials {
        let sample = population.draw(runsPerModel: [1, 1], using: &generator)
        let counts = try ExperimentCounts(
          gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
        let pair = try ExperimentComparison(
          counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
          options: BootstrapOptions(resamples: Self.resamples), minimumGroups: 2,
          using: &generator
        ).pairs[0]
        let itemPair = try ExperimentComparison(
          counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .items,
          options: BootstrapOptions(resamples: Self.resamples), minimumGroups: 2,
          using: &generator
        ).pairs[0]
        if pair.difference.contains(0) { grouped += 1 }
        if itemPair.difference.contains(0) { itemLevel += 1 }
        if let test = pair.groupPermutation, test.pValue <= 0.05 { rejected += 1 }
        if pair.bootstrapPValue <= 0.05 { bootstrapRejected += 1 }
        if pair.difference.contains(0) != (pair.bootstrapPValue > 0.05) { disagreeing += 1 }
      }
      lines.append(
        "| \(groups) × 15 | \(Self.percent(grouped, of: Self.trials)) | \(Self.percent(itemLevel, of: Self.trials)) | \(Self.percent(rejected, of: Self.trials)) | \(Self.percent(bootstrapRejected, of: Self.trials)) | \(Self.percent(disagreeing, of: Self.trials)) |"
      )
    }
    print(
      "Grouped difference, zero mean (\(Self.trials) test sets each, \(Self.resamples) resamples):\n"
        + lines.joined(separator: "\n"))
  }

  @Test("two-level coverage of the mean-over-seeds difference and of a model's mean")
  func seedCoverage() throws {
    try printSeedCoverage(strategy: .automatic)
  }

  /// The same experiments with every test set drawn as a multinomial over
  /// distinct rows, so that the two-level bootstrap takes its collapsed
  /// draw (`RunMarginals`), as it does on large test sets; 500 items would
  /// otherwise be drawn one by one.
  @Test("two-level coverage with test sets drawn as collapsed cells")
  func seedCoverageOfCollapsedDraws() throws {
    try printSeedCoverage(strategy: .cells)
  }

  /// The rows with three runs per model, where the coverage is furthest
  /// above 95%, on 4,000 further experiments each (new seeds), for a
  /// Monte Carlo standard error of about ±0.35 points.
  @Test("two-level coverage with three runs per model, 4,000 experiments")
  func seedCoverageWithThreeRuns() throws {
    try printSeedCoverage(
      strategy: .automatic, trials: 4_000, runCounts: [3], seedOffset: 50_000)
  }

  func printSeedCoverage(
    strategy: ResamplingStrategy, trials: Int = 1_000, runCounts: Set<Int>? = nil,
    seedOffset: Int = 30_000
  ) throws {
    var lines = [
      "| items | runs per model | two-level difference interval covers 0 | items-only interval covers 0 | first model's interval covers 0.65 | mean seed share of the variance |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    // Independent items; items with a shared difficulty (accuracy uniform
    // on [0.45, 0.85]) and a persistent model-by-item effect (the second
    // model 0.1 better on a random half of the items, worse on the other);
    // and, for the record, no seed variance at all.
    let scenarios:
      [(name: String, spread: Double, effect: Double, runSpread: Double, runs: [Int])] = [
        ("independent", 0, 0, 0.03, [3, 5, 10]),
        ("item effects", 0.2, 0.1, 0.03, [3, 5, 10]),
        ("no seed variance", 0, 0, 0, [5]),
      ]
    for (index, scenario) in scenarios.enumerated() {
      for runs in scenario.runs where runCounts?.contains(runs) ?? true {
        let population = DesignPopulation(
          groups: 500, itemsPerGroup: 1, groupSpread: scenario.spread,
          groupEffect: scenario.effect, runSpread: scenario.runSpread)
        var generator = Xoshiro256StarStar(seed: UInt64(seedOffset + 100 * index + runs))
        var twoLevel = 0
        var itemsOnly = 0
        var model = 0
        var shareSum = 0.0
        for _ in 0..<trials {
          let sample = population.draw(runsPerModel: [runs, runs], using: &generator)
          let counts = try ExperimentCounts(gold: sample.gold, runs: sample.runs, classCount: 2)
          let comparison = try ExperimentComparison(
            counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2),
            options: BootstrapOptions(resamples: Self.resamples, strategy: strategy),
            using: &generator)
          let pair = comparison.pairs[0]
          if pair.difference.contains(0) { twoLevel += 1 }
          // What ignoring the seeds would give: a normal interval from the
          // items-only standard error.
          if abs(pair.difference.estimate) <= 1.959_964 * pair.itemStandardError { itemsOnly += 1 }
          if comparison.models[0].interval.contains(population.accuracy) { model += 1 }
          shareSum += comparison.seedShare(of: pair) ?? .nan
        }
        lines.append(
          "| \(scenario.name) | \(runs) | \(Self.percent(twoLevel, of: trials)) | \(Self.percent(itemsOnly, of: trials)) | \(Self.percent(model, of: trials)) | \(String(format: "%.0f%%", 100 * shareSum / Double(trials))) |"
        )
      }
    }
    print(
      "Two-level coverage (500 items drawn \(strategy == .cells ? "as collapsed cells" : "one by one"), run shift sd 0.03, \(trials) experiments each, \(Self.resamples) resamples, Monte Carlo SE ±\(Self.monteCarloError(trials)) points):\n"
        + lines.joined(separator: "\n"))
  }
}
