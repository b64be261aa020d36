import F1Kit
import Testing

@testable import F1KitStatistics

@Suite("Release gate with grouped items: the floor and the exact bound count differing groups")
struct GroupedShortfallTests {
  /// A gate's decision on two one-run models of grouped items, the
  /// candidate right where the baseline is wrong on `flipped` items (the
  /// baseline wrong there), resampling whole groups (or items, when
  /// `design` says so).
  static func decision(
    groupSizes: [Int], flipped: Set<Int>, metric: Metric, gate: ReleaseGate,
    design: ResamplingDesign = .groups
  ) throws -> ReleaseDecision {
    let groups = groupSizes.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
    let gold: [Int32] = groups.indices.map { Int32($0 % 2) }
    let baseline = gold.indices.map { flipped.contains($0) ? 1 - gold[$0] : gold[$0] }
    let counts = try ExperimentCounts(
      gold: gold, runs: [[baseline], [gold]], groups: groups, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: metric, scope: MetricScope(classCount: 2, positiveClass: 1),
      design: design, options: BootstrapOptions(resamples: 999), seed: 3)
    let description = ExperimentComparison.Description(
      names: ["base", "cand"], runFiles: [["base.csv"], ["cand.csv"]], labels: ["0", "1"],
      seed: 3)
    return try gate.decision(for: comparison, description: description)
  }

  /// The members of a decision's JSON `shortfall` object.
  static func shortfallMembers(_ decision: ReleaseDecision) -> [String: JSONValue] {
    guard case .object(let members) = decision.jsonDocument(),
      case .object(let shortfall)? = members.first(where: { $0.key == "shortfall" })?.value
    else { return [:] }
    return Dictionary(uniqueKeysWithValues: shortfall.map { ($0.key, $0.value) })
  }

  static let threeGroups = Set(0..<14).union(20..<33).union(40..<53)

  @Test("40 differing items in 3 of 60 groups do not pass, and the sentence counts 3 groups")
  func fewDifferingGroupsFail() throws {
    // 60 groups of 20 items; the 40 differing items lie in groups 0, 1
    // and 2 (14, 13 and 13 of them).
    let decision = try Self.decision(
      groupSizes: Array(repeating: 20, count: 60), flipped: Self.threeGroups, metric: .accuracy,
      gate: ReleaseGate(margin: 0.05))
    #expect(decision.intervalPasses)
    #expect(!decision.passes)
    let shortfall = try #require(decision.shortfall)
    #expect(shortfall.differingItemCount == 40)
    #expect(shortfall.differingGroups?.differingGroupCount == 3)
    // scipy.stats.beta.ppf(0.975, 4, 57) = 0.13924…, so 9 groups of 20.
    #expect(abs(try #require(shortfall.upperShare) - 0.13924324672107277) < 1e-12)
    #expect(shortfall.changedGroupBound == 9 && shortfall.changedItemBound == 180)
    #expect(shortfall.metricChangeBound(for: decision.gate, on: decision.metric) == 0.15)
    #expect(
      decision.sentence.hasSuffix(
        "; the models label 40 of the 1,200 items differently, in 3 of the 60 groups, fewer than 10 groups, too few for resampling whole groups to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they may label items differently in up to 0.139 of groups (9 of the 60, holding up to 180 of the 1,200 items), so up to 0.150 of items, the largest difference in accuracy the test set cannot rule out."
      ), "\(decision.sentence)")
    let json = Self.shortfallMembers(decision)
    #expect(json["differing_items"] == .integer(40))
    #expect(json["differing_groups"] == .integer(3))
    #expect(json["group_count"] == .integer(60))
    #expect(json["changed_groups_bound"] == .integer(9))
    #expect(json["changed_items_bound"] == .integer(180))
    // Superiority reads the lower bound, on the share of groups:
    // scipy.stats.beta.ppf(0.025, 3, 58) = 0.01043….
    let superiority = try Self.decision(
      groupSizes: Array(repeating: 20, count: 60), flipped: Self.threeGroups, metric: .accuracy,
      gate: ReleaseGate(mode: .superiority, margin: 0))
    #expect(!superiority.passes)
    #expect(
      superiority.sentence.hasSuffix(
        "fewer than 10 groups, too few for resampling whole groups to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they may label items differently in as few as 0.010 of groups."
      ), "\(superiority.sentence)")
    // Resampling items instead, 40 differing items clear the floor.
    let items = try Self.decision(
      groupSizes: Array(repeating: 20, count: 60), flipped: Self.threeGroups, metric: .accuracy,
      gate: ReleaseGate(margin: 0.05), design: .items)
    #expect(items.shortfall == nil && items.passes)
  }

  /// 200 groups: five of 30 items, then 195 of 10 (2,100 items), the 8
  /// differing items in one small group.
  static let unevenGroups = Array(repeating: 30, count: 5) + Array(repeating: 10, count: 195)
  static let oneSmallGroup = Set(1_000..<1_008)

  @Test("8 differing items in one group: the cap changes the items of the largest groups")
  func capUsesTheLargestGroups() throws {
    let decision = try Self.decision(
      groupSizes: Self.unevenGroups, flipped: Self.oneSmallGroup, metric: .binaryF1,
      gate: ReleaseGate(margin: 0.01))
    let shortfall = try #require(decision.shortfall)
    #expect(shortfall.differingItemCount == 8)
    #expect(shortfall.differingGroups?.differingGroupCount == 1)
    // scipy.stats.beta.ppf(0.975, 2, 199) = 0.02754…, so 6 groups: the
    // five of 30 items and one of 10.
    #expect(shortfall.changedGroupBound == 6)
    #expect(shortfall.changedItemBound == 160)
    #expect(shortfall.changeBound?.changedItemCount == 160)
    #expect(!decision.passes)
    #expect(
      decision.sentence.contains(
        "in up to 0.028 of groups (6 of the 200, holding up to 160 of the 2,100 items); changing the baseline's predictions on 160 items could lower binary F1 by up to"
      ), "\(decision.sentence)")
    // On accuracy the items of those groups are the bound: 160 / 2,100.
    let accuracy = try Self.decision(
      groupSizes: Self.unevenGroups, flipped: Self.oneSmallGroup, metric: .accuracy,
      gate: ReleaseGate(margin: 0.2))
    let bound = try #require(
      accuracy.shortfall?.metricChangeBound(for: accuracy.gate, on: accuracy.metric))
    #expect(bound == 160.0 / 2_100)
    #expect(accuracy.passes)
    #expect(
      accuracy.cautions.last
        == "The pass rests on an exact bound, not on the interval: the models label 8 of the 2,100 items differently, in 1 of the 200 groups, fewer than 10 groups, too few for resampling whole groups to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they label items differently in at most 0.028 of groups (6 of the 200, holding at most 160 of the 2,100 items), which caps the difference in accuracy at 0.076, inside the 0.200 margin."
    )
  }

  @Test("the cap of the largest groups' items is never below the worst change of whole groups")
  func capCoversWholeGroups() throws {
    var generator = Xoshiro256StarStar(seed: 20_261_202)
    let metrics = ChangedPredictionBoundTests.boundedMetrics
    var checked = 0
    for _ in 0..<60 {
      let classCount = Int.random(in: 2...3, using: &generator)
      let sizes = (0..<Int.random(in: 2...4, using: &generator)).map { _ in
        Int.random(in: 1...3, using: &generator)
      }
      let groupOf = sizes.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
      let gold = groupOf.map { _ in Int.random(in: 0..<classCount, using: &generator) }
      let predicted = gold.map { label in
        Bool.random(using: &generator) ? label : Int.random(in: 0..<classCount, using: &generator)
      }
      let changedGroups = Int.random(in: 0...2, using: &generator)
      let groups = ResamplingShortfall.DifferingGroups(differingGroupCount: 0, groupSizes: sizes)
      let k = groups.itemCount(inLargest: changedGroups)
      let scope = MetricScope(classCount: classCount, positiveClass: 0)
      let matrix = ChangedPredictionBoundTests.matrix(
        gold: gold, predicted: predicted, classCount: classCount)
      // The true worst case: any `changedGroups` groups, any of their
      // items relabelled.
      var worst: [Metric: (decrease: Double, increase: Double)] = [:]
      for chosen in Self.subsets(of: sizes.count, size: min(changedGroups, sizes.count)) {
        let items = groupOf.indices.filter { chosen.contains(groupOf[$0]) }
        let truth = ChangedPredictionBoundTests.bruteForce(
          gold: gold, predicted: predicted, k: items.count, scope: scope, metrics: metrics,
          changeable: items)
        for (metric, change) in truth {
          let known = worst[metric] ?? (0, 0)
          worst[metric] = (
            max(known.decrease, change.decrease), max(known.increase, change.increase)
          )
        }
      }
      for metric in metrics {
        guard
          let bound = ChangedPredictionBound(
            metric: metric, baseline: matrix, scope: scope, changedItemCount: k),
          let truth = worst[metric]
        else { continue }
        let context =
          "\(metric) groups=\(sizes) k_g=\(changedGroups) gold=\(gold) predicted=\(predicted)"
        #expect(bound.largestDecrease >= truth.decrease - 1e-12, "\(context)")
        #expect(bound.largestIncrease >= truth.increase - 1e-12, "\(context)")
        checked += 1
      }
    }
    #expect(checked > 60 * metrics.count / 2)
  }

  /// Every subset of `0..<count` with `size` members.
  static func subsets(of count: Int, size: Int) -> [Set<Int>] {
    guard size > 0 else { return [[]] }
    guard size <= count else { return [] }
    return subsets(of: count - 1, size: size - 1).map { $0.union([count - 1]) }
      + subsets(of: count - 1, size: size)
  }
}
