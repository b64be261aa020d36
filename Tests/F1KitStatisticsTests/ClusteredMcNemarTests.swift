import F1Kit
import Foundation
import Testing
import _TestSupport

@testable import F1KitStatistics

/// McNemar's test for grouped items (Durkalski et al. 2003).
@Suite("Clustered McNemar test")
struct ClusteredMcNemarTests {
  struct Goldens: Decodable {
    struct Case: Decodable {
      var name: String
      var first_only: [Int]
      var second_only: [Int]
      var statistic: Double
      var p_value: Double
      var statsmodels_uncorrected_p_value: Double?
    }
    var cases: [Case]
  }

  static let cases =
    (try? Fixtures.decode(Goldens.self, from: "goldens/clustered-mcnemar.json").cases) ?? []

  @Test(
    "the statistic and p-value equal scipy's chi-square on the goldens",
    arguments: cases.map(\.name))
  func matchesGoldens(name: String) throws {
    let golden = try #require(Self.cases.first { $0.name == name })
    let test = ClusteredMcNemarTest(
      groupDiscordance: zip(golden.first_only, golden.second_only).map { ($0, $1) })
    #expect(abs(test.statistic - golden.statistic) <= 1e-12 * max(1, golden.statistic))
    #expect(abs(test.pValue - golden.p_value) <= 1e-12)
    #expect(test.firstOnlyCorrect == golden.first_only.reduce(0, +))
    #expect(test.secondOnlyCorrect == golden.second_only.reduce(0, +))
    #expect(test.groupCount == golden.first_only.count)
    if let plain = golden.statsmodels_uncorrected_p_value {
      // One item per group: McNemar's uncorrected chi-square test.
      #expect(abs(test.pValue - plain) <= 1e-12)
      let mcnemar = McNemarTest(
        firstOnlyCorrect: test.firstOnlyCorrect, secondOnlyCorrect: test.secondOnlyCorrect,
        method: .chiSquareUncorrected)
      #expect(abs(test.pValue - mcnemar.pValue) <= 1e-12)
    }
  }

  @Test("the goldens were read")
  func goldensExist() {
    #expect(Self.cases.count >= 10)
  }

  @Test("each group's discordant items are counted from an experiment's distinct rows")
  func countsGroupsFromExperiment() throws {
    // Group 7: items 0–2; group 3: items 3–5; group 9: item 6.
    let gold: [Int32] = [1, 0, 1, 1, 0, 0, 1]
    let first: [Int32] = [1, 0, 0, 1, 1, 0, 1]  // right on 0, 1, 3, 5, 6
    let second: [Int32] = [0, 0, 1, 0, 0, 0, 0]  // right on 1, 2, 4, 5
    let groups = [7, 7, 7, 3, 3, 3, 9]
    let counts = try ExperimentCounts(
      gold: gold, runs: [[first], [second]], groups: groups, classCount: 2)
    let test = ClusteredMcNemarTest(counts: counts, firstRun: 0, secondRun: 1)
    // Only the first right: 0, 3, 6; only the second: 2, 4.
    #expect(test.firstOnlyCorrect == 3)
    #expect(test.secondOnlyCorrect == 2)
    #expect(test.groupCount == 3)
    // Per group b − c: group 7 (1 − 1) = 0, group 3 (1 − 1) = 0, group 9: 1.
    #expect(test.statistic == 1)
    let reversed = ClusteredMcNemarTest(counts: counts, firstRun: 1, secondRun: 0)
    #expect(reversed.firstOnlyCorrect == 2 && reversed.secondOnlyCorrect == 3)
    #expect(reversed.pValue == test.pValue)
  }

  @Test("balanced groups give statistic 0 and p = 1")
  func balancedGroups() {
    let test = ClusteredMcNemarTest(groupDiscordance: [(2, 2), (0, 0), (1, 1)])
    #expect(test.statistic == 0)
    #expect(test.pValue == 1)
  }

  /// Discordant items that lean the same way within a group, with no
  /// difference overall: the plain test rejects far too often, the
  /// clustered test keeps its size.
  @Test("under a strong group effect the clustered test holds its size where McNemar's does not")
  func holdsSizeUnderGroupEffect() {
    var generator = Xoshiro256StarStar(seed: 20_261_130)
    let datasets = 1_000
    var clusteredRejections = 0
    var plainRejections = 0
    for _ in 0..<datasets {
      var discordance: [(firstOnly: Int, secondOnly: Int)] = []
      for _ in 0..<40 {
        let rate = Double.random(in: 0..<0.5, using: &generator)
        let lean = Double.random(in: 0.1..<0.9, using: &generator)
        var firstOnly = 0
        var secondOnly = 0
        for _ in 0..<15 where Double.random(in: 0..<1, using: &generator) < rate {
          if Double.random(in: 0..<1, using: &generator) < lean {
            firstOnly += 1
          } else {
            secondOnly += 1
          }
        }
        discordance.append((firstOnly, secondOnly))
      }
      let clustered = ClusteredMcNemarTest(groupDiscordance: discordance)
      if clustered.pValue < 0.05 { clusteredRejections += 1 }
      let plain = McNemarTest(
        firstOnlyCorrect: clustered.firstOnlyCorrect,
        secondOnlyCorrect: clustered.secondOnlyCorrect, method: .chiSquareUncorrected)
      if plain.pValue < 0.05 { plainRejections += 1 }
    }
    let clusteredSize = Double(clusteredRejections) / Double(datasets)
    let plainSize = Double(plainRejections) / Double(datasets)
    // 1,000 datasets: a Monte Carlo standard error of about 0.7 points at 5%.
    #expect(clusteredSize >= 0.025 && clusteredSize <= 0.075, "size \(clusteredSize)")
    #expect(plainSize > 0.10, "plain McNemar's size \(plainSize)")
  }
}
