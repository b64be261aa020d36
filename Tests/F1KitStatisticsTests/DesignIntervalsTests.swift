import F1Kit
import Testing

@testable import F1KitStatistics

/// Intervals of one model's metrics by group or within gold classes, and
/// how much wider grouped intervals are than item-level ones.
@Suite("Design intervals: evaluate by group, and the group widening")
struct DesignIntervalsTests {
  /// One model's run on a grouped binary test set with a strong group
  /// effect.
  static func grouped(groups: Int, seed: UInt64, models: Int = 1) throws -> (
    ClassificationMetrics, ExperimentCounts
  ) {
    let population = DesignPopulation(groups: groups, itemsPerGroup: 15, groupSpread: 0.3)
    var generator = Xoshiro256StarStar(seed: seed)
    let sample = population.draw(
      runsPerModel: [Int](repeating: 1, count: models), using: &generator)
    let counts = try ExperimentCounts(
      gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
    let matrix = try ConfusionMatrix(
      gold: sample.gold.map { String($0) }, predicted: sample.runs[0][0].map { String($0) },
      labels: ["0", "1"])
    return (try ClassificationMetrics(confusionMatrix: matrix), counts)
  }

  @Test(
    "an interval by group (or within gold classes) is the experiment engine's for one model",
    arguments: [ResamplingDesign.groups, .stratifiedByGold])
  func matchesTheEngine(design: ResamplingDesign) throws {
    let (metrics, counts) = try Self.grouped(groups: 40, seed: 7)
    let options = BootstrapOptions(resamples: 999)
    let intervals = try MetricIntervals(
      for: metrics, counts: counts, design: design, options: options, seed: 11)
    for metric in [Metric.accuracy, .macroF1, .binaryF1, .matthewsCorrelation] {
      let engine = try ExperimentComparison(
        counts: counts, metric: metric, scope: metrics.scope, design: design, options: options,
        seed: 11
      ).models[0].interval
      let interval = try #require(intervals.bootstrap[metric])
      #expect(interval.lower == engine.lower, "\(metric)")
      #expect(interval.upper == engine.upper, "\(metric)")
      #expect(interval.estimate == metrics.value(of: metric))
    }
    #expect(intervals.design == design)
  }

  @Test("by group: the item-level intervals are kept, narrower, and analytic ones are left out")
  func groupedKeepsItemLevel() throws {
    let (metrics, counts) = try Self.grouped(groups: 40, seed: 8)
    let intervals = try MetricIntervals(
      for: metrics, counts: counts, design: .groups, options: BootstrapOptions(resamples: 999),
      seed: 3)
    #expect(intervals.groupCount == 40)
    #expect(intervals.analytic.isEmpty)
    let accuracy = try #require(intervals.bootstrap[.accuracy])
    let items = try #require(intervals.itemLevel[.accuracy])
    let ratio = try #require(MetricIntervals.widthRatio(accuracy, items))
    // Group accuracy uniform on [0.35, 0.95] in groups of 15: design effect
    // about 1 + 14 · 0.03 / 0.22 ≈ 3.6, so the width about 1.9 times.
    #expect(ratio > 1.4 && ratio < 2.6, "ratio \(ratio)")
    let text = intervals.textTable()
    #expect(text.contains("by group, 40 groups"))
    #expect(!text.contains("only 40 groups"))
    let few = try MetricIntervals(
      for: try Self.grouped(groups: 20, seed: 9).0, counts: try Self.grouped(groups: 20, seed: 9).1,
      design: .groups, options: BootstrapOptions(resamples: 199), seed: 3)
    #expect(few.textTable().contains("only 20 groups"))
  }

  @Test("several runs or no groups are refused")
  func refusals() throws {
    let (metrics, counts) = try Self.grouped(groups: 40, seed: 8, models: 2)
    #expect(throws: StatisticsError.unpairedModels) {
      try MetricIntervals(for: metrics, counts: counts, design: .groups)
    }
    let ungrouped = try ExperimentCounts(gold: [0, 1, 1], runs: [[[0, 1, 0]]], classCount: 2)
    let small = try ClassificationMetrics(
      confusionMatrix: try ConfusionMatrix(
        gold: ["0", "1", "1"], predicted: ["0", "1", "0"], labels: ["0", "1"]))
    #expect(throws: StatisticsError.noGroups) {
      try MetricIntervals(for: small, counts: ungrouped, design: .groups)
    }
  }

  @Test("the group widening compares with an item-level comparison on the same seed")
  func groupWidening() throws {
    let (metrics, counts) = try Self.grouped(groups: 60, seed: 12, models: 2)
    let options = BootstrapOptions(resamples: 2_999)
    var comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: metrics.scope, design: .groups, options: options,
      seed: 5)
    #expect(comparison.groupWidening == nil)
    try comparison.measureGroupWidening(seed: 5)
    let widening = try #require(comparison.groupWidening)
    let reference = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: metrics.scope, design: .items,
      options: BootstrapOptions(resamples: ExperimentComparison.wideningResampleLimit), seed: 5)
    #expect(widening.groupCount == 60)
    #expect(widening.itemLevelDifferences == reference.pairs.map(\.difference))
    let width = comparison.pairs[0].difference.upper - comparison.pairs[0].difference.lower
    let itemWidth = reference.pairs[0].difference.upper - reference.pairs[0].difference.lower
    #expect(widening.differenceRatios[0] == width / itemWidth)
    #expect(try #require(widening.modelRatios[0]) > 1.4)
    let json = comparison.jsonDocument(
      .init(names: ["a", "b"], runFiles: [["a"], ["b"]], labels: ["0", "1"], seed: 5)
    ).serialized()
    #expect(json.contains("\"difference_width_ratios\""))
    let text = comparison.textSummary(
      .init(names: ["a", "b"], runFiles: [["a"], ["b"]], labels: ["0", "1"], seed: 5))
    #expect(text.contains("interval over 60 groups is"))
  }
}
