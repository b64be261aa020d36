import F1Kit
import Testing

@testable import F1KitStatistics

/// The floors under the p-values of the multilabel, score and experiment
/// comparisons: too few resamples for α, too few items or groups for any
/// permutation to reach it; the verdicts then give none.
@Suite("Verdict floors beyond single-run comparisons")
struct VerdictFloorTests {
  @Test("a test that doubles its tail needs twice the resamples: 2/(R + 1) below 0.001 from 2,000")
  func doubledTail() throws {
    let floor = try #require(
      ResamplingFloor(
        test: .bootstrap, resamples: 999, multiplier: 1, significanceLevel: 0.001, tailFactor: 2))
    #expect(floor.smallestPValue == 2.0 / 1_000)
    #expect(floor.preventsSignificance)
    #expect(floor.sufficientResamples == 2_000)
    #expect(floor.caution()?.contains("2/1,000 = 0.002") == true)
  }

  @Test(
    "2/2^u over u exchangeable units: the fewest units that can reach alpha",
    arguments: [(0.05, 1, 6), (0.01, 1, 8), (0.05, 3, 7), (0.4, 1, 3)])
  func exchangeUnits(alpha: Double, multiplier: Int, expected: Int) {
    let short = ExchangeFloor(
      units: expected - 1, unitName: "items", multiplier: multiplier, significanceLevel: alpha)
    #expect(short.preventsSignificance)
    #expect(short.sufficientUnits == expected)
    let enough = ExchangeFloor(
      units: expected, unitName: "items", multiplier: multiplier, significanceLevel: alpha)
    #expect(!enough.preventsSignificance)
    #expect(enough.caution() == nil)
  }

  /// Two multilabel models on `count` items, the second right on every
  /// item, the first missing one label of each.
  static func multilabel(count: Int, resamples: Int = 999, confidence: Double = 0.95) throws
    -> MultilabelComparison
  {
    let gold = (0..<count).map { LabelSet([0, 1 + $0 % 2]) }
    let first = (0..<count).map { _ in LabelSet([0]) }
    return try MultilabelComparison(
      gold: gold, predictions: [first, gold], labels: ["a", "b", "c"], names: ["a", "b"],
      options: MultilabelComparison.Options(
        bootstrap: BootstrapOptions(resamples: resamples, confidence: confidence), seed: 1))
  }

  @Test("multilabel, 4 items: no verdict from the permutation test, a note in text and JSON")
  func multilabelFewItems() throws {
    let comparison = try Self.multilabel(count: 4)
    let pair = try #require(comparison.pairs.first)
    let verdict = comparison.verdict(for: pair)
    #expect(
      verdict.contains("No verdict: the permutation test cannot reach p below α over 4 items"))
    #expect(!verdict.contains("do not differ"), "\(verdict)")
    #expect(comparison.cautions().first?.contains("2/2^4 = 0.125") == true)
    #expect(comparison.textSummary().contains("Note: over 4 items the permutation test's"))
    let json = comparison.jsonDocument()
    guard case .object(let members) = json,
      case .array(let cautions)? = members.first(where: { $0.key == "cautions" })?.value
    else {
      Issue.record("no cautions in \(json)")
      return
    }
    #expect(cautions.contains { "\($0)".contains("2/2^4") })
  }

  @Test("multilabel, 60 items at 99.9% with 999 resamples: the resampling floor withholds it")
  func multilabelResamplingFloor() throws {
    let withheld = try Self.multilabel(count: 60, confidence: 0.999)
    let verdict = withheld.verdict(for: try #require(withheld.pairs.first))
    #expect(verdict.contains("No verdict"), "\(verdict)")
    #expect(verdict.contains("give --resamples 1000 or more"))
    let decided = try Self.multilabel(count: 60, resamples: 1_999, confidence: 0.999)
    let beats = decided.verdict(for: try #require(decided.pairs.first))
    #expect(beats.contains("b beats a"), "\(beats)")
    #expect(decided.cautions().isEmpty)
  }

  /// Two binary score models on `count` items, the second ranking every
  /// positive first, the first ranking them at random.
  static func scores(count: Int, resamples: Int = 999, confidence: Double = 0.95) throws
    -> ScoreComparison
  {
    let isPositive = (0..<count).map { $0 % 2 == 0 }
    let good = isPositive.enumerated().map { $1 ? 0.9 - 0.001 * Double($0) : 0.1 }
    let poor = (0..<count).map { Double(($0 * 7) % count) / Double(count) }
    let models: [ScoredModel] = [
      .binary(try BinaryScores(scores: poor, isPositive: isPositive)),
      .binary(try BinaryScores(scores: good, isPositive: isPositive)),
    ]
    return try ScoreComparison(
      models: models, names: ["a", "b"],
      options: ScoreComparison.Options(
        metrics: [.rocAUC], tests: [.permutation, .bootstrap],
        bootstrap: BootstrapOptions(resamples: resamples, confidence: confidence), seed: 1))
  }

  @Test("ROC-AUC on 5 items, and on 200 at 99.9% with 999 resamples: no verdict")
  func scoreFloors() throws {
    let few = try Self.scores(count: 5)
    let verdict = few.verdict(for: try #require(few.pairs.first))
    #expect(verdict.contains("cannot reach p below α over 5 items; it takes 6"), "\(verdict)")
    #expect(few.cautions().contains { $0.contains("2/2^5 = 0.062") })
    let resampled = try Self.scores(count: 200, confidence: 0.999)
    let withheld = resampled.verdict(for: try #require(resampled.pairs.first))
    #expect(withheld.contains("give --resamples 1000 or more"), "\(withheld)")
    #expect(resampled.textSummary().contains("Note: with 999 resamples the permutation test's"))
    let enough = try Self.scores(count: 200, resamples: 1_999, confidence: 0.999)
    #expect(enough.verdict(for: try #require(enough.pairs.first)).contains("b beats a"))
  }

  /// An experiment of two models on 200 items, with `runs` runs each.
  static func experiment(runs: Int, resamples: Int, confidence: Double) throws
    -> (ExperimentComparison, ExperimentComparison.Description)
  {
    let gold = (0..<200).map { Int32($0 % 2) }
    func run(wrongEvery: Int, offset: Int) -> [Int32] {
      gold.indices.map { ($0 + offset) % wrongEvery == 0 ? 1 - gold[$0] : gold[$0] }
    }
    let first = (0..<runs).map { run(wrongEvery: 3, offset: $0) }
    let second = (0..<runs).map { run(wrongEvery: 9, offset: $0) }
    let counts = try ExperimentCounts(gold: gold, runs: [first, second], classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2),
      options: BootstrapOptions(resamples: resamples, confidence: confidence), seed: 1)
    let description = ExperimentComparison.Description(
      names: ["a", "b"],
      runFiles: [(1...runs).map { "a\($0).csv" }, (1...runs).map { "b\($0).csv" }],
      labels: ["0", "1"], seed: 1)
    return (comparison, description)
  }

  @Test("two runs a model at 99.9% with 999 resamples: 2/1,000 is not below α, no verdict")
  func twoLevelFloor() throws {
    let (comparison, description) = try Self.experiment(
      runs: 2, resamples: 999, confidence: 0.999)
    let floors = comparison.verdictFloors(adjustment: .holm)
    #expect(floors.resampling?.smallestPValue == 0.002)
    let verdict = comparison.verdict(for: 0, description: description)
    #expect(verdict.contains("No verdict"), "\(verdict)")
    #expect(verdict.contains("give --resamples 2000 or more"))
    #expect(comparison.textSummary(description).contains("is 2/1,000 = 0.002, not below α"))
    let (single, singleDescription) = try Self.experiment(
      runs: 1, resamples: 999, confidence: 0.999)
    #expect(single.verdictFloors(adjustment: .holm).resampling?.smallestPValue == 0.001)
    #expect(single.verdict(for: 0, description: singleDescription).contains("No verdict"))
  }

  @Test("grouped items with 4 of 8 groups changing a table: the group permutation gives no verdict")
  func fewExchangeableGroups() throws {
    var gold: [Int32] = []
    var groups: [Int] = []
    var first: [Int32] = []
    for item in 0..<80 {
      let label = Int32(item % 2)
      gold.append(label)
      groups.append(item / 10)
      first.append(item / 10 >= 4 || item % 3 != 0 ? label : 1 - label)
    }
    let counts = try ExperimentCounts(
      gold: gold, runs: [[first], [gold]], groups: groups, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
      options: BootstrapOptions(resamples: 999), seed: 1)
    #expect(comparison.verdictTest == .permutation)
    #expect(comparison.pairs[0].exchangeableGroups == 4)
    let description = ExperimentComparison.Description(
      names: ["a", "b"], runFiles: [["a.csv"], ["b.csv"]], labels: ["0", "1"], seed: 1)
    let verdict = comparison.verdict(for: 0, description: description)
    #expect(
      verdict.contains(
        "No verdict: the group permutation test cannot reach p below α over 4 groups whose swap changes a table; it takes 6."
      ), "\(verdict)")
    #expect(comparison.floorCautions(description).first?.contains("2/2^4 = 0.125") == true)
  }

  @Test(
    "grouped paired bootstrap with 5 differing groups of 80: no verdict an exact sign flip could not reach; 6 give one"
  )
  func fewDifferingGroupsUnderTheBootstrap() throws {
    func comparison(differingGroups: Int) throws -> ExperimentComparison {
      // 400 items in 80 groups of 5; the first model is wrong on every
      // item of the first `differingGroups` groups, the second never.
      let gold = (0..<400).map { Int32($0 % 2) }
      let groups = gold.indices.map { $0 % 80 }
      let first = gold.indices.map { groups[$0] < differingGroups ? 1 - gold[$0] : gold[$0] }
      let counts = try ExperimentCounts(
        gold: gold, runs: [[first], [gold]], groups: groups, classCount: 2)
      return try ExperimentComparison(
        counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
        options: BootstrapOptions(resamples: 999), tests: [.bootstrap], seed: 1)
    }
    let description = ExperimentComparison.Description(
      names: ["a", "b"], runFiles: [["a.csv"], ["b.csv"]], labels: ["0", "1"], seed: 1)
    let five = try comparison(differingGroups: 5)
    #expect(five.verdictTest == .bootstrap)
    // The bootstrap alone would call it: p below 0.05, where swapping
    // 5 groups can give no p below 2/2^5 = 0.0625.
    #expect(five.verdictPValues[0] < 0.05)
    let verdict = five.verdict(for: 0, description: description)
    #expect(
      verdict.hasSuffix(
        "No verdict: the exact group sign-flip test cannot reach p below α over 5 groups with a differing item; it takes 6."
      ), "\(verdict)")
    #expect(five.floorCautions(description).first?.contains("2/2^5 = 0.062") == true)
    let six = try comparison(differingGroups: 6)
    #expect(six.verdictFloors(adjustment: .holm).exchange?.preventsSignificance == false)
    #expect(six.verdict(for: 0, description: description).hasPrefix("b beats a"))
  }
}
