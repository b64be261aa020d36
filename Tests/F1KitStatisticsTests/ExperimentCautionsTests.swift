import F1Kit
import Testing

@testable import F1KitStatistics

/// The numbers a design cannot support are refused or cut, and said so: one
/// group, intervals past the metric's range, a model with one run beside
/// models with several.
@Suite("Experiment cautions")
struct ExperimentCautionsTests {
  /// A binary test set of `count` items where run *r* of a model is right
  /// on an item with the chance in `accuracies[r]`.
  static func runs(accuracies: [Double], gold: [Int32], seed: UInt64) -> [[Int32]] {
    var generator = Xoshiro256StarStar(seed: seed)
    return accuracies.map { accuracy in
      gold.map { generator.nextUnitInterval() < accuracy ? $0 : 1 - $0 }
    }
  }

  /// Two binary models' runs on `count` items: run *r* of the first right
  /// with the chance `first[r]`, of the second with `second[r]`; the first
  /// model's runs drawn from `seed`, the second's from `seed + 1`.
  static func counts(
    count: Int, goldSeed: UInt64, first: [Double], second: [Double], seed: UInt64
  ) throws -> ExperimentCounts {
    let gold = gold(count: count, seed: goldSeed)
    return try ExperimentCounts(
      gold: gold,
      runs: [
        runs(accuracies: first, gold: gold, seed: seed),
        runs(accuracies: second, gold: gold, seed: seed + 1),
      ], classCount: 2)
  }

  static func gold(count: Int, seed: UInt64) -> [Int32] {
    var generator = Xoshiro256StarStar(seed: seed)
    return (0..<count).map { _ in generator.nextUnitInterval() < 0.5 ? 0 : 1 }
  }

  @Test(
    "fewer than 6 groups are refused: a bootstrap over them is too coarse to trust",
    arguments: [1, 2, 4, 5, 6])
  func fewerThanSixGroupsAreRefused(groupCount: Int) throws {
    let gold = Self.gold(count: 60, seed: 1)
    let runs = [Self.runs(accuracies: [0.7], gold: gold, seed: 2), [gold]]
    let groups = (0..<60).map { $0 % groupCount }
    let counts = try ExperimentCounts(gold: gold, runs: runs, groups: groups, classCount: 2)
    let compare = {
      try ExperimentComparison(
        counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
        options: BootstrapOptions(resamples: 199), seed: 3)
    }
    let single = try ExperimentCounts(
      gold: gold, runs: [runs[0]], groups: groups, classCount: 2)
    let metrics = try ClassificationMetrics(
      confusionMatrix: try ConfusionMatrix(
        gold: gold.map { String($0) }, predicted: runs[0][0].map { String($0) },
        labels: ["0", "1"]))
    let intervals = {
      try MetricIntervals(
        for: metrics, counts: single, design: .groups, options: BootstrapOptions(resamples: 199))
    }
    if groupCount < ExperimentComparison.minimumGroups {
      #expect(throws: StatisticsError.tooFewGroups(groupCount)) { try compare() }
      #expect(throws: StatisticsError.tooFewGroups(groupCount)) { try intervals() }
      #expect(
        StatisticsError.tooFewGroups(groupCount).description.hasPrefix(
          "expected at least 6 groups to resample groups (about 30 for intervals to trust), found \(groupCount): "
        ))
    } else {
      #expect(try compare().models.count == 2)
      #expect(try intervals().bootstrap.isEmpty == false)
    }
  }

  /// Two runs of A far apart (0.97 and 0.55 accurate): Student's t with
  /// about one degree of freedom moves the resamples far past [0, 1].
  @Test(
    "with two runs far apart, intervals are cut at the metric's range and a caution says so",
    arguments: [Metric.binaryF1, .matthewsCorrelation])
  func intervalsAreCutAtTheRange(metric: Metric) throws {
    let counts = try Self.counts(
      count: 400, goldSeed: 9, first: [0.97, 0.55], second: [0.8, 0.82],
      seed: 10)
    let comparison = try ExperimentComparison(
      counts: counts, metric: metric, scope: MetricScope(classCount: 2, positiveClass: 1),
      options: BootstrapOptions(resamples: 999), seed: 42)
    let range = metric.valueRange
    for model in comparison.models {
      #expect(model.interval.lower >= range.lowerBound)
      #expect(model.interval.upper <= range.upperBound)
    }
    let width = range.upperBound - range.lowerBound
    #expect(comparison.pairs[0].difference.lower >= -width)
    #expect(comparison.pairs[0].difference.upper <= width)
    #expect(comparison.cutIntervalEnds > 0)
    let cautions = comparison.cautions(names: ["A", "B"])
    #expect(cautions.count == 1)
    #expect(cautions.first?.contains("cut at its bounds") == true)
    #expect(comparison.textSummary(description).contains("Note: \(cautions[0])"))
  }

  @Test("close runs need no cut; on 3 runs each only ASO's claim is cautioned")
  func closeRunsAreNotCut() throws {
    let counts = try Self.counts(
      count: 400, goldSeed: 9, first: [0.8, 0.81, 0.79], second: [0.82, 0.83, 0.81],
      seed: 12)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2),
      options: BootstrapOptions(resamples: 999), seed: 42)
    #expect(comparison.cutIntervalEnds == 0)
    let aso = try #require(comparison.pairs[0].almostStochasticOrder)
    #expect(aso.epsilonMinimum < 0.5)
    #expect(comparison.cautions(names: ["A", "B"]).isEmpty)
    #expect(
      comparison.almostStochasticOrderCautions(names: ["A", "B"]) == [
        try #require(aso.fewRunsCaution(claimed: "B", over: "A"))
      ])
  }

  @Test("a model with one run beside one with several is named in a caution")
  func singleRunBesideSeveralIsCautioned() throws {
    let counts = try Self.counts(
      count: 300, goldSeed: 4, first: [0.7], second: [0.75, 0.72, 0.78, 0.74, 0.76],
      seed: 5)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2),
      options: BootstrapOptions(resamples: 499), seed: 42)
    let cautions = comparison.cautions(names: ["one", "five"])
    #expect(cautions.count == 1)
    #expect(cautions.first?.hasPrefix("one has one run") == true)
    #expect(comparison.pairs[0].almostStochasticOrder == nil)
    let document = comparison.jsonDocument(
      .init(
        names: ["one", "five"], runFiles: [["a"], ["b1", "b2", "b3", "b4", "b5"]],
        labels: ["0", "1"], seed: 42))
    #expect(document.serialized().contains("\"cautions\""))
  }

  /// Three runs with the same predictions (deterministic training): the
  /// mean of their equal values can be one unit in the last place off
  /// them, which once gave a variance near 10⁻³², degrees of freedom near
  /// 10⁵⁶ and intervals of ±10¹⁸.
  @Test("runs that score alike have no seed part and the one-run interval's width")
  func identicalRunsHaveNoSeedPart() throws {
    #expect(RunVariance.variance([0.804, 0.804, 0.804]) == 0)
    #expect((0.804 + 0.804 + 0.804) / 3 != 0.804)  // why the exact check is needed
    for seed in UInt64(1)...4 {
      let gold = Self.gold(count: 1_000, seed: seed)
      let a = Self.runs(accuracies: [0.75], gold: gold, seed: seed + 100)[0]
      let b = Self.runs(accuracies: [0.8], gold: gold, seed: seed + 200)[0]
      let options = BootstrapOptions(resamples: 1_999)
      let scope = MetricScope(classCount: 2, positiveClass: 1)
      let several = try ExperimentComparison(
        counts: try ExperimentCounts(gold: gold, runs: [[a, a, a], [b, b, b]], classCount: 2),
        metric: .binaryF1, scope: scope, options: options, seed: 7)
      let single = try ExperimentComparison(
        counts: try ExperimentCounts(gold: gold, runs: [[a], [b]], classCount: 2),
        metric: .binaryF1, scope: scope, options: options, seed: 7)
      #expect(several.pairs[0].seedStandardError == 0)
      #expect(several.cutIntervalEnds == 0)
      for (many, one) in zip(
        several.models.map(\.interval) + [several.pairs[0].difference],
        single.models.map(\.interval) + [single.pairs[0].difference])
      {
        #expect(abs(many.width - one.width) < 0.15 * one.width, "seed \(seed)")
      }
    }
  }

  /// A run of A given for B too (a copy of its file, or the same
  /// predictions in another order, which no file check catches) makes the
  /// models look closer than they are.
  @Test("a run of one model that predicts exactly as another model's run is a caution")
  func runSharedBetweenModelsIsACaution() throws {
    let gold = Self.gold(count: 400, seed: 5)
    let a = Self.runs(accuracies: [0.7, 0.72], gold: gold, seed: 6)
    let b = Self.runs(accuracies: [0.8, 0.78], gold: gold, seed: 7)
    let options = BootstrapOptions(resamples: 199)
    let scope = MetricScope(classCount: 2, positiveClass: 1)
    func cautions(_ runs: [[[Int32]]]) throws -> [String] {
      try ExperimentComparison(
        counts: try ExperimentCounts(gold: gold, runs: runs, classCount: 2),
        metric: .accuracy, scope: scope, options: options, seed: 3
      ).cautions(names: ["A", "B"])
    }
    let shared = try cautions([a, [b[0], a[0]]])
    #expect(
      shared.contains {
        $0.hasPrefix("B's run 2 predicts the same label for every item as A's run 1:")
      }, "\(shared)")
    #expect(!(try cautions([a, b])).contains { $0.contains("predicts the same label") })
    // One run each: the difference of exactly 0 says so already.
    #expect(!(try cautions([[a[0]], [a[0]]])).contains { $0.contains("predicts the same label") })
  }

  /// With `--zero-division nan`, a run that never predicts the positive
  /// label has an undefined precision, so its model's mean has no value
  /// and no interval; the caution once said the interval rested on the
  /// resamples that left that run out, beside an interval printed as
  /// undefined.
  @Test(
    "a model with an undefined run is said to have no value, not an interval on fewer resamples")
  func undefinedRunLeavesNoInterval() throws {
    let gold = Self.gold(count: 300, seed: 8)
    let a = Self.runs(accuracies: [0.7], gold: gold, seed: 9)[0]
    let never = [Int32](repeating: 0, count: gold.count)
    let b = Self.runs(accuracies: [0.8, 0.78], gold: gold, seed: 10)
    let comparison = try ExperimentComparison(
      counts: try ExperimentCounts(
        gold: gold, runs: [[a, never, a.reversed()], b], classCount: 2),
      metric: .binaryPrecision,
      scope: MetricScope(classCount: 2, positiveClass: 1, zeroDivision: .nan),
      options: BootstrapOptions(resamples: 199), seed: 3)
    #expect(comparison.models[0].interval.estimate.isNaN)
    let caution = comparison.undefinedResamplesCaution(names: ["A", "B"])
    #expect(
      caution
        == "A has no value or interval, nor has any difference with it: its run 2 has an undefined binary precision, so the mean of its runs is undefined.",
      "\(caution ?? "nil")")
  }

  private var description: ExperimentComparison.Description {
    .init(
      names: ["A", "B"], runFiles: [["a1", "a2"], ["b1", "b2"]], labels: ["0", "1"], seed: 42)
  }
}
