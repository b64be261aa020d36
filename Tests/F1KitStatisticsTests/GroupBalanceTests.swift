import F1Kit
import Testing

@testable import F1KitStatistics

/// The effective number of groups behind the few-groups caution, the
/// small-strata caution and the power sentence's digits.
@Suite("Group balance, small strata and the power sentence's digits")
struct GroupBalanceTests {
  @Test(
    "equal groups count as exactly as many effective groups", arguments: [6, 20, 29, 30, 35, 60])
  func equalGroups(groups: Int) {
    for size in [1, 15, 57, 1_000] {
      let balance = GroupBalance(sizes: [Int](repeating: size, count: groups))
      #expect(balance.effectiveGroupCount == Double(groups))
      #expect(!balance.isUnequal)
      #expect(balance.isFew == (groups < ExperimentComparison.fewGroups))
    }
  }

  @Test("35 groups of which one holds 1,700 of 2,000 items weigh as 1.38 groups")
  func dominantGroup() throws {
    let balance = GroupBalance(sizes: [1_700] + [Int](repeating: 9, count: 33) + [3])
    #expect(balance.groupCount == 35)
    #expect(balance.itemCount == 2_000)
    #expect(balance.largestGroup == 1_700)
    // (Σm)² / Σm² = 2000² / (1700² + 33·81 + 9)
    #expect(abs(balance.effectiveGroupCount - 4_000_000.0 / 2_892_682.0) < 1e-12)
    #expect(balance.isUnequal && balance.isFew)
    let note = try #require(balance.fewGroupsNote)
    #expect(
      note
        == "35 groups, and unequal ones: the largest holds 1,700 of the 2,000 items (85%), so they weigh as about 1.4 equal groups (Kish's effective number of groups, (Σm)²/Σm²), and a bootstrap over fewer than about 30 effective groups can give intervals that are too narrow."
    )
  }

  @Test("few equal groups keep the caution's words; many equal ones get none")
  func equalNotes() {
    #expect(
      GroupBalance(sizes: [Int](repeating: 15, count: 20)).fewGroupsNote
        == "only 20 groups: a bootstrap over fewer than about 30 groups can give intervals that are too narrow."
    )
    #expect(GroupBalance(sizes: [Int](repeating: 57, count: 35)).fewGroupsNote == nil)
    // Mildly unequal groups, many effective ones: no caution.
    #expect(GroupBalance(sizes: (0..<40).map { 10 + $0 % 7 }).fewGroupsNote == nil)
  }

  @Test("an experiment's counts give their groups' balance, and its note follows it")
  func experimentBalance() throws {
    let sizes = [60] + [Int](repeating: 2, count: 34)
    var groups: [Int] = []
    for (group, size) in sizes.enumerated() { groups += [Int](repeating: group, count: size) }
    let gold = groups.indices.map { Int32($0 % 2) }
    let predicted = groups.indices.map { Int32(($0 / 3) % 2) }
    let counts = try ExperimentCounts(
      gold: gold, runs: [[predicted], [gold]], groups: groups, classCount: 2)
    let balance = try #require(counts.groupBalance)
    #expect(balance.groupCount == 35 && balance.largestGroup == 60 && balance.itemCount == 128)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
      options: BootstrapOptions(resamples: 99), seed: 1)
    #expect(comparison.fewGroupsNote == balance.fewGroupsNote)
    #expect(comparison.fewGroupsNote?.hasPrefix("35 groups, and unequal ones") == true)
    let ungrouped = try ExperimentCounts(gold: gold, runs: [[predicted]], classCount: 2)
    #expect(ungrouped.groupBalance == nil)
  }

  @Test(
    "a stratum of fewer than five items is named under --stratify gold only",
    arguments: [ResamplingDesign.stratifiedByGold, .items])
  func smallStrata(design: ResamplingDesign) throws {
    // Gold class 2 has one item, class 3 has three.
    let gold: [Int32] = (0..<40).map { Int32($0 % 2) } + [2, 3, 3, 3]
    let predicted = gold.enumerated().map {
      $0.offset % 5 == 0 ? 1 - min($0.element, 1) : $0.element
    }
    let counts = try ExperimentCounts(
      gold: gold, runs: [[predicted], [gold]], classCount: 4)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 4), design: design,
      options: BootstrapOptions(resamples: 99), seed: 1)
    let note = comparison.smallStrataNote(labels: ["a", "b", "rare", "odd"])
    if design == .items {
      #expect(note == nil)
    } else {
      #expect(
        note
          == "gold classes \"rare\" (1 item) and \"odd\" (3 items) have fewer than 5 items: resampling within gold classes (--stratify gold) keeps each class's item count, so each barely varies in every resample and the intervals leave out how uncertain the scores on them are; without --stratify gold they are resampled with the other items."
      )
    }
  }

  @Test(
    "the power sentence names a tiny difference with two significant digits",
    arguments: [
      (0.0002, "0.00020"), (-0.00021, "0.00021"), (0.000049, "0.000049"), (0.0123, "0.012"),
      (-0.5, "0.500"), (0, "0.000"),
    ])
  func differenceSize(value: Double, expected: String) {
    #expect(MarginReachability.differenceSize(value) == expected)
  }
}
