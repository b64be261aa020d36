import Testing

@testable import F1KitStatistics

@Suite("Test-set size needed to detect a difference")
struct PowerAnalysisTests {
  @Test("n ((z₀.₉₇₅ + z₀.₈) SE / |Δ|)², rounded up")
  func matchesTheFormula() throws {
    // z₀.₉₇₅ + z₀.₈ = 1.959964 + 0.841621 = 2.801585; (2.801585 · 0.05 / 0.1)² · 100 = 196.2…
    let needed = PowerAnalysis.requiredItemCount(
      difference: 0.1, standardError: 0.05, itemCount: 100)
    #expect(needed == 197)
    #expect(
      PowerAnalysis.requiredItemCount(difference: -0.1, standardError: 0.05, itemCount: 100)
        == 197)
  }

  @Test(
    "no answer for a zero difference or a degenerate standard error",
    arguments: [(0.0, 0.05), (0.1, 0.0), (0.1, Double.nan), (Double.nan, 0.05)])
  func refusesDegenerateInput(difference: Double, standardError: Double) {
    #expect(
      PowerAnalysis.requiredItemCount(
        difference: difference, standardError: standardError, itemCount: 100) == nil)
  }

  @Test(
    "thousands are grouped in verdicts",
    arguments: [(7, "7"), (1379, "1,379"), (1_234_567, "1,234,567")])
  func groupsThousands(value: Int, text: String) {
    #expect(ModelComparison.count(value) == text)
  }
}
