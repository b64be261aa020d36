import Testing

@testable import F1KitStatistics

@Suite("Almost Stochastic Order on few runs")
struct AlmostStochasticOrderFewRunsTests {
  /// Runs of the claimed-better model all above the other's.
  private static func ordered(_ claimed: Int, _ other: Int) throws -> AlmostStochasticOrder {
    let better = (0..<claimed).map { 0.90 + 0.001 * Double($0) }
    let worse = (0..<other).map { 0.80 + 0.001 * Double($0) }
    return try AlmostStochasticOrder(first: better, second: worse, seed: 1)
  }

  @Test(
    "the chance of a complete ordering is one over the number of ways to split the runs",
    arguments: [(2, 2, 6), (2, 3, 10), (3, 3, 20), (3, 4, 35), (5, 5, 252), (10, 10, 184_756)])
  func chanceOfCompleteOrdering(claimed: Int, other: Int, arrangements: Int) throws {
    let test = try Self.ordered(claimed, other)
    #expect(test.epsilonMinimum == 0)
    #expect(abs(test.chanceOfCompleteOrdering * Double(arrangements) - 1) < 1e-12)
  }

  @Test("a dominance claim on 2 or 3 runs each is cautioned, with the odds")
  func fewRunsAreCautioned() throws {
    let two = try #require(try Self.ordered(2, 2).fewRunsCaution(claimed: "B", over: "A"))
    #expect(two.contains("ε_min = 0.000 for \"B is better than A\" rests on 2 runs each"))
    #expect(two.contains("every B run above every A run) happens 1 time in 6 (C(4, 2))"))
    let three = try #require(try Self.ordered(3, 3).fewRunsCaution(claimed: "B", over: "A"))
    #expect(three.contains("1 time in 20 (C(6, 3))"))
    let uneven = try #require(try Self.ordered(2, 3).fewRunsCaution(claimed: "B", over: "A"))
    #expect(uneven.contains("rests on 2 and 3 runs"))
  }

  @Test("no caution when the runs are enough or ε_min claims nothing")
  func enoughRunsOrNoClaimAreQuiet() throws {
    #expect(try Self.ordered(3, 4).fewRunsCaution(claimed: "B", over: "A") == nil)
    #expect(try Self.ordered(5, 5).fewRunsCaution(claimed: "B", over: "A") == nil)
    let reversed = try AlmostStochasticOrder(first: [0.80, 0.81], second: [0.90, 0.91], seed: 1)
    #expect(reversed.epsilonMinimum >= 0.5)
    #expect(reversed.fewRunsCaution(claimed: "B", over: "A") == nil)
  }
}
