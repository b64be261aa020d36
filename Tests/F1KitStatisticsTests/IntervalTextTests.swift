import Testing

@testable import F1KitStatistics

/// How `compare`'s text writes an interval's ends.
@Suite("Compare's text: an interval's ends")
struct IntervalTextTests {
  @Test(
    "ends get more decimals, up to six, only when an end that is not 0 would read 0.000",
    arguments: [
      (-0.00037, 0.0015, "[-0.0004, 0.0015]"),
      (0.0003, 0.0021, "[0.0003, 0.0021]"),
      (-0.00000004, 0.00000002, "[0.000000, 0.000000]"),
      (-0.015, 0.022, "[-0.015, 0.022]"),
      (0, 0.0021, "[0.000, 0.002]"),
      (0.8131, 0.8514, "[0.813, 0.851]"),
    ])
  func decimals(lower: Double, upper: Double, text: String) {
    let interval = ConfidenceInterval(
      lower: lower, upper: upper, estimate: (lower + upper) / 2, method: .percentile,
      confidence: 0.95, standardError: 0)
    #expect(ModelComparison.range(interval) == text)
  }
}
