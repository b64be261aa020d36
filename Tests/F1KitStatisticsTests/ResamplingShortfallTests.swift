import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

@Suite("Release gate: no pass on a resampled interval without spread or from few differing items")
struct ResamplingShortfallTests {
  /// Two models on `gold` (labels "0" and "1"), compared on `metric` with
  /// 999 resamples.
  static func comparison(
    gold: [Int32], baseline: [Int32], candidate: [Int32], metric: Metric
  ) throws -> ModelComparison {
    let labels = ["0", "1"]
    let aligned = try AlignedPredictions(
      [
        ItemPredictions(labels: labels, gold: gold, predicted: baseline),
        ItemPredictions(labels: labels, gold: gold, predicted: candidate),
      ], names: ["base.csv", "cand.csv"])
    return try ModelComparison(
      aligned: aligned, names: ["base.csv", "cand.csv"],
      options: ComparisonOptions(metric: metric, bootstrap: BootstrapOptions(resamples: 999)))
  }

  // scipy.stats.beta.ppf(0.975, x + 1, n − x) and beta.ppf(0.025, x, n − x + 1).
  @Test(
    "bounds the differing share as Clopper and Pearson do, to scipy's digits",
    arguments: [
      (0, 20, 0.0, 0.1684334709830853),
      (8, 8, 0.6305833524471807, 1.0),
      (3, 100_000, 6.186763958922033e-06, 8.7670202566362e-05),
      (5, 1_000, 0.00162541951756276, 0.011629470559812147),
      (7, 30, 0.09933786495801974, 0.4228365229782195),
    ])
  func clopperPearson(count: Int, items: Int, lower: Double, upper: Double) throws {
    let shortfall = try #require(
      ResamplingShortfall(
        differingItemCount: count, itemCount: items, constantDifference: nil,
        intervalConfidence: 0.95))
    #expect(shortfall.confidence == 0.975)
    #expect(abs(try #require(shortfall.lowerShare) - lower) <= 1e-12 * max(1, lower / 1e-6))
    #expect(abs(try #require(shortfall.upperShare) - upper) <= 1e-12 * max(1, upper / 1e-6))
  }

  @Test("finds no shortfall with enough differing items and a spread")
  func noShortfall() {
    #expect(
      ResamplingShortfall(
        differingItemCount: 10, itemCount: 100, constantDifference: nil, intervalConfidence: 0.95)
        == nil)
    #expect(
      ResamplingShortfall(
        differingItemCount: nil, itemCount: 100, constantDifference: nil, intervalConfidence: 0.95)
        == nil)
    #expect(
      ResamplingShortfall(
        differingItemCount: 9, itemCount: 100, constantDifference: nil, intervalConfidence: 0.95)
        != nil)
    #expect(
      ResamplingShortfall(
        differingItemCount: nil, itemCount: 100, constantDifference: 0, intervalConfidence: 0.95)
        != nil)
  }

  @Test(
    "models that label every item alike fail equivalence and non-inferiority on 20 items",
    arguments: [
      (Metric.binaryF1, ReleaseGate.Mode.equivalence, 0.01),
      (.accuracy, .nonInferiority, 0.001),
      (.macroF1, .nonInferiority, 0.05),
    ])
  func identicalModelsFail(metric: Metric, mode: ReleaseGate.Mode, margin: Double) throws {
    let gold: [Int32] = (0..<20).map { Int32($0 % 2) }
    let predicted: [Int32] = (0..<20).map { $0 % 3 == 0 ? 1 : 0 }
    let comparison = try Self.comparison(
      gold: gold, baseline: predicted, candidate: predicted, metric: metric)
    let decision = try ReleaseGate(mode: mode, margin: margin).decision(for: comparison)
    #expect(decision.difference.lower == 0 && decision.difference.upper == 0)
    #expect(decision.intervalPasses)
    #expect(!decision.passes)
    #expect(decision.shortfall?.differingItemCount == 0)
    #expect(
      decision.sentence.contains(
        "; the models label 0 of the 20 items differently, fewer than 10, too few for resampling to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they may label up to 0.168 of items differently, the largest difference in accuracy the test set cannot rule out"
      ), "\(decision.sentence)")
    // The bound caps accuracy alone, and the sentence says so for others.
    let cap = " (a bound that does not cap \(comparison.displayName(of: metric)))."
    #expect(decision.sentence.hasSuffix(metric == .accuracy ? "rule out." : cap))
    #expect(decision.sentence.hasPrefix("FAIL: "))
  }

  @Test("a candidate right exactly where the baseline is wrong on 8 items is not shown superior")
  func everyItemDiscordantFails() throws {
    let gold: [Int32] = (0..<8).map { Int32($0 % 2) }
    let comparison = try Self.comparison(
      gold: gold, baseline: gold.map { 1 - $0 }, candidate: gold, metric: .accuracy)
    let decision = try ReleaseGate(mode: .superiority, margin: 0.95).decision(for: comparison)
    #expect(decision.difference.lower == 1 && decision.difference.upper == 1)
    #expect(!decision.passes)
    #expect(decision.shortfall?.constantDifference == 1)
    #expect(
      decision.sentence.hasSuffix(
        "; the models label 8 of the 8 items differently, fewer than 10, too few for resampling to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they may label as few as 0.631 of items differently, which caps the difference in accuracy."
      ), "\(decision.sentence)")
  }

  @Test("identical models pass on accuracy when the exact bound lies inside the margin")
  func exactBoundPasses() throws {
    let gold: [Int32] = (0..<20_000).map { Int32($0 % 2) }
    let predicted: [Int32] = (0..<20_000).map { $0 % 5 == 0 ? 1 : Int32($0 % 2) }
    let comparison = try Self.comparison(
      gold: gold, baseline: predicted, candidate: predicted, metric: .accuracy)
    let gate = try ReleaseGate(margin: 0.001)
    let decision = try gate.decision(for: comparison)
    #expect(decision.passes)
    #expect(decision.shortfall?.differingItemCount == 0)
    // 1 − 0.025^(1/20,000) = 0.000184.
    #expect(
      decision.cautions.last
        == "The pass rests on an exact bound, not on the interval: the models label 0 of the 20,000 items differently, fewer than 10, too few for resampling to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they label at most 0.00018 of items differently, which caps the difference in accuracy inside the 0.001 margin."
    )
    // Binary F1 is not capped by the differing share.
    let onF1 = try Self.comparison(
      gold: gold, baseline: predicted, candidate: predicted, metric: .binaryF1)
    #expect(try !gate.decision(for: onF1).passes)
  }

  @Test("a zero-width interval from any engine does not pass, and says why")
  func zeroWidthFails() throws {
    let point = ConfidenceInterval(
      lower: 0, upper: 0, estimate: 0, method: .percentile, confidence: 0.95, standardError: 0,
      resamples: 999)
    let decision = try ReleaseGate(mode: .equivalence, margin: 0.02).decision(
      for: point, itemCount: 50, metric: GateMetric(.rocAUC), baseline: "a", candidate: "b")
    #expect(!decision.passes)
    #expect(
      decision.sentence.hasSuffix(
        "; the difference was 0.000 on every resample, so resampling cannot show how far apart the models could be."
      ), "\(decision.sentence)")
  }

  @Test("a comparison with enough differing items decides on its interval as before")
  func normalCasesUnchanged() throws {
    let gold: [Int32] = (0..<200).map { Int32($0 % 2) }
    let baseline = gold.enumerated().map { $0.offset % 7 == 0 ? 1 - $0.element : $0.element }
    let candidate = gold.enumerated().map { $0.offset % 9 == 0 ? 1 - $0.element : $0.element }
    let comparison = try Self.comparison(
      gold: gold, baseline: baseline, candidate: candidate, metric: .accuracy)
    #expect(comparison.pairs[0].differingItemCount == 44)
    let decision = try ReleaseGate(margin: 0.2).decision(for: comparison)
    #expect(decision.shortfall == nil && decision.passes == decision.intervalPasses)
    #expect(decision.passes)
  }
}
