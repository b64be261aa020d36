import Testing

@testable import F1KitStatistics

/// The test-set size an experiment's verdict ends with when its pair is
/// not significant.
@Suite("Experiment power sentence: rounded up, never the test set's own size")
struct ExperimentPowerSentenceTests {
  @Test(
    "the power sentence never asks for a size the test set already has (was 'about 2,001; has 2,000')"
  )
  func powerSentenceAtTheTestSetSize() {
    // z·SE = 2.80 × 0.02 = 0.056 below the difference 0.1: 2,000 items
    // reach 80% power already (the formula gives 628).
    let reached = ConfidenceInterval(
      lower: 0.06, upper: 0.14, estimate: 0.1, method: .percentile, confidence: 0.95,
      standardError: 0.02, resamples: 999)
    #expect(
      MarginReachability(detecting: reached, count: 2_000).detectionSentence == "")
    // SE 0.05: 2.80 × 0.05 = 0.140 above 0.1, so 2,000 × 1.4² rounded up.
    let short = ConfidenceInterval(
      lower: 0, upper: 0.2, estimate: 0.1, method: .percentile, confidence: 0.95,
      standardError: 0.05, resamples: 999)
    let sentence = MarginReachability(detecting: short, count: 2_000).detectionSentence
    let needed = PowerAnalysis.requiredItemCount(
      difference: 0.1, standardError: 0.05, itemCount: 2_000)
    #expect(needed.map { $0 > 2_000 } == true)
    #expect(
      sentence.contains(
        "would take about \(ModelComparison.count(needed ?? 0)) items; this test set has 2,000"),
      "\(sentence)")
  }
}
