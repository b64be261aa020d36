import F1Kit
import F1KitStatistics
import Testing

@testable import F1KitAdvice

/// Advice about how an experiment was run: one run per model, and groups.
@Suite("Experiment advice: one run per model, few groups, grouped intervals")
struct ExperimentAdviceTests {
  /// Two binary models on `groups` groups of 10 items: the first model is
  /// right on the first `firstRight` items of each group, the second on the
  /// first `secondRight`; whole groups are easy or hard.
  static func experiment(
    groups: Int, firstRight: Int, secondRight: Int, design: ResamplingDesign = .groups
  ) throws -> ExperimentComparison {
    var gold: [Int32] = []
    var first: [Int32] = []
    var second: [Int32] = []
    var groupOfItem: [Int] = []
    for group in 0..<groups {
      // Every third group is hard: both models miss 4 more of its items.
      let penalty = group % 3 == 0 ? 4 : 0
      for item in 0..<10 {
        let label = Int32((group + item) % 2)
        gold.append(label)
        first.append(item < firstRight - penalty ? label : 1 - label)
        second.append(item < secondRight - penalty ? label : 1 - label)
        groupOfItem.append(group)
      }
    }
    let counts = try ExperimentCounts(
      gold: gold, runs: [[first], [second]], groups: groupOfItem, classCount: 2)
    var comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: design,
      options: BootstrapOptions(resamples: 999), seed: 1)
    try comparison.measureGroupWidening(seed: 1)
    return comparison
  }

  @Test("one run per model and a small difference: seed luck cannot be told from quality")
  func singleRunSmallDifference() throws {
    let close = try Self.experiment(groups: 40, firstRight: 8, secondRight: 8)
    let advice = MetricAdvisor().advice(for: close, names: ["a", "b"])
    let singleRun = try #require(advice.first { $0.rule == .singleRunPerModel })
    #expect(singleRun.title.contains("one run per model cannot separate seed luck"))
    #expect(singleRun.evidence.first { $0.name == "difference" }?.value == 0)
    let far = try Self.experiment(groups: 40, firstRight: 5, secondRight: 9)
    #expect(
      !MetricAdvisor().advice(for: far, names: ["a", "b"]).contains {
        $0.rule == .singleRunPerModel
      })
  }

  @Test("groups: the count and each width ratio are cited; under 30 groups a warning")
  func groups() throws {
    let comparison = try Self.experiment(groups: 40, firstRight: 6, secondRight: 8)
    let advice = MetricAdvisor().advice(for: comparison, names: ["a", "b"])
    #expect(!advice.contains { $0.rule == .fewGroups })
    let grouped = try #require(advice.first { $0.rule == .groupedIntervals })
    #expect(grouped.title == "Intervals by group: 40 groups")
    let widening = try #require(comparison.groupWidening)
    let ratios = grouped.evidence.filter { $0.name == "width_ratio" }.map(\.value)
    #expect(ratios == (widening.modelRatios + widening.differenceRatios).compactMap { $0 })
    // Hard and easy groups: the model intervals widen by group.
    #expect(try #require(widening.modelRatios[0]) > 1.1)
    let few = try Self.experiment(groups: 20, firstRight: 6, secondRight: 8)
    let fewAdvice = MetricAdvisor().advice(for: few, names: ["a", "b"])
    let warning = try #require(fewAdvice.first)
    #expect(warning.rule == .fewGroups)
    #expect(warning.severity == .warning)
    #expect(warning.evidence.first { $0.name == "groups" }?.value == 20)
  }

  @Test(
    "the grouped-intervals advice calls item-level intervals too narrow only for ratios clearly above 1",
    arguments: [
      (
        [("A", 0.86), ("B", 1.35), ("B − A", 1.01)],
        "On accuracy the group intervals are A 0.86×, B 1.35× and B − A 1.01× as wide as item-level ones. Where the ratio is clearly above 1 (B 1.35×), items of one group are alike, and intervals that ignore the groups would be too narrow; for A 0.86× and B − A 1.01× the groups add no measurable correlation (a ratio near or below 1)."
      ),
      (
        [("", 0.96)],
        "On accuracy the group intervals are 0.96× as wide as item-level ones: the ratio is not clearly above 1, so the groups add no measurable correlation here, and intervals that ignore them would not be too narrow."
      ),
      (
        [("A", 0.86), ("B − A", 1.01)],
        "On accuracy the group intervals are A 0.86× and B − A 1.01× as wide as item-level ones: no ratio is clearly above 1, so the groups add no measurable correlation here, and intervals that ignore them would not be too narrow."
      ),
      (
        [("", 1.77)],
        "On accuracy the group intervals are 1.77× as wide as item-level ones: items of one group are alike, and intervals that ignore the groups would be too narrow."
      ),
    ])
  func widthRatioWording(ratios: [(String, Double)], expected: String) {
    let advice = MetricAdvisor().groupedIntervals(
      groupCount: 40, itemCount: 600, metric: .accuracy,
      ratios: ratios.map { (name: $0.0, ratio: $0.1) })
    #expect(
      advice.message
        == "Intervals resample whole groups: 600 items in 40 groups (15.0 items per group). "
        + expected)
  }

  @Test(
    "ratios near or below 1 are not read as 'no correlation' with few groups or several runs",
    arguments: [
      (
        [("", 0.28)], 2, false,
        "On accuracy the group intervals are 0.28× as wide as item-level ones: the ratio is not clearly above 1, but with only 2 groups the ratios are themselves uncertain (the group intervals can be too narrow), so this does not show that intervals ignoring the groups would be wide enough."
      ),
      (
        [("A", 0.86), ("B − A", 1.01)], 40, true,
        "On accuracy the group intervals are A 0.86× and B − A 1.01× as wide as item-level ones: no ratio is clearly above 1, but with several runs per model the spread between runs can set most of each interval's width, so this shows that the seeds dominate, not that the groups add no correlation (f1kit evaluate with --ci --group-column shows one run's own widening)."
      ),
      (
        [("A", 0.86), ("B", 1.35), ("B − A", 1.01)], 40, true,
        "On accuracy the group intervals are A 0.86×, B 1.35× and B − A 1.01× as wide as item-level ones. Where the ratio is clearly above 1 (B 1.35×), items of one group are alike, and intervals that ignore the groups would be too narrow; for A 0.86× and B − A 1.01× the ratios are near or below 1: the spread between runs sets most of the width."
      ),
      (
        [("A", 0.86), ("B", 1.35)], 20, false,
        "On accuracy the group intervals are A 0.86× and B 1.35× as wide as item-level ones. Where the ratio is clearly above 1 (B 1.35×), items of one group may be alike, and intervals that ignore the groups too narrow; for A 0.86× the ratio is near or below 1, which with only 20 groups is itself uncertain."
      ),
      (
        // grouped12.csv: 600 independent items in 12 groups of 50 (labels
        // and errors drawn at random, nothing shared within a group); the
        // bootstrap gave a ratio of 1.45 on binary F1. Independent items in
        // 12 groups give 1.1 or more about one time in five (200 simulated
        // data sets: 5th to 95th percentile 0.60 to 1.21).
        [("", 1.45)], 12, false,
        "On accuracy the group intervals are 1.45× as wide as item-level ones: items of one group may be alike, and intervals that ignore the groups too narrow, though with only 12 groups the ratio is itself uncertain."
      ),
    ])
  func qualifiedWidthRatioWording(
    ratios: [(String, Double)], groups: Int, hasSeveralRuns: Bool, expected: String
  ) {
    let advice = MetricAdvisor().groupedIntervals(
      groupCount: groups, itemCount: 600, metric: .accuracy,
      ratios: ratios.map { (name: $0.0, ratio: $0.1) }, hasSeveralRuns: hasSeveralRuns)
    let perGroup = String(format: "%.1f", 600 / Double(groups))
    #expect(
      advice.message
        == "Intervals resample whole groups: 600 items in \(groups) groups (\(perGroup) items per group). "
        + expected)
  }

  @Test("no group advice without groups")
  func noGroups() throws {
    let comparison = try Self.experiment(
      groups: 40, firstRight: 6, secondRight: 8, design: .items)
    let advice = MetricAdvisor().advice(for: comparison, names: ["a", "b"])
    #expect(!advice.contains { $0.rule == .groupedIntervals || $0.rule == .fewGroups })
  }
}
