import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

@Suite("Release gate: no pass on a resampled interval without spread or from few differing items")
struct ResamplingShortfallTests {
  /// Two models on `gold` (labels "0" and "1" unless given), compared on
  /// `metric` with 999 resamples.
  static func comparison(
    gold: [Int32], baseline: [Int32], candidate: [Int32], metric: Metric,
    labels: [String] = ["0", "1"]
  ) throws -> ModelComparison {
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
        "; the models label 0 of the 20 items differently, fewer than 10, too few for resampling to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they may label up to 0.168 of items differently"
      ), "\(decision.sentence)")
    // The share caps accuracy; other metrics get the worst case of
    // changing ⌈0.168 · 20⌉ = 4 of the baseline's predictions.
    let change = mode == .equivalence ? "could change" : "could lower"
    let cap =
      " (4 of the 20); changing the baseline's predictions on 4 items \(change) \(comparison.displayName(of: metric)) by up to "
    if metric == .accuracy {
      #expect(
        decision.sentence.hasSuffix(
          "the largest difference in accuracy the test set cannot rule out."))
    } else {
      #expect(decision.sentence.contains(cap), "\(decision.sentence)")
      let bound = try #require(
        decision.shortfall?.metricChangeBound(for: decision.gate, on: decision.metric))
      #expect(bound >= margin)
    }
    #expect(decision.shortfall?.changedItemBound == 4)
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
    // Binary F1 is not capped by the differing share, but by the worst
    // case of changing ⌈0.000184 · 20,000⌉ = 4 predictions: losing 4 of the
    // 10,000 true positives (of 12,000 predicted) takes F1 from 20,000 /
    // 22,000 to 19,992 / 21,996, 0.000198 lower.
    let onF1 = try gate.decision(
      for: Self.comparison(gold: gold, baseline: predicted, candidate: predicted, metric: .binaryF1)
    )
    #expect(onF1.passes)
    let bound = try #require(onF1.shortfall?.changeBound)
    #expect(bound.changedItemCount == 4 && bound.isExact)
    #expect(abs(bound.largestDecrease - (20_000.0 / 22_000 - 19_992.0 / 21_996)) < 1e-15)
    #expect(
      onF1.cautions.last
        == "The pass rests on an exact bound, not on the interval: the models label 0 of the 20,000 items differently, fewer than 10, too few for resampling to show how far apart they could be; by an exact one-sided 97.5% Clopper–Pearson bound they label at most 0.00018 of items differently (4 of the 20,000); changing the baseline's predictions on 4 items lowers binary F1 by at most 0.0002, inside the 0.001 margin."
    )
  }

  /// Three classes on 10,000 items: the baseline right on 90% of them,
  /// with `rareCount` gold items of class 2 (all right); the candidate
  /// changes 5 predictions of class 0 items.
  static func fewChanges(rareCount: Int, metric: Metric) throws -> ModelComparison {
    let labels = ["a", "b", "c"]
    let gold: [Int32] = (0..<10_000).map { $0 < rareCount ? 2 : Int32($0 % 2) }
    let baseline: [Int32] = gold.enumerated().map { item, label in
      label != 2 && item % 10 == 9 ? 1 - label : label
    }
    var candidate = baseline
    var changed = 0
    for item in candidate.indices where changed < 5 && gold[item] == 0 && baseline[item] == 0 {
      candidate[item] = 1
      changed += 1
    }
    return try comparison(
      gold: gold, baseline: baseline, candidate: candidate, metric: metric, labels: labels)
  }

  @Test(
    "5 changed predictions of 10,000 pass a macro-F1 gate when the worst case lies inside the margin, and fail with it when a rare class puts it outside",
    arguments: [(3_333, true), (5, false)])
  func fewChangedPredictions(rareCount: Int, passes: Bool) throws {
    let comparison = try Self.fewChanges(rareCount: rareCount, metric: .macroF1)
    #expect(comparison.pairs[0].differingItemCount == 5)
    let decision = try ReleaseGate(margin: 0.01).decision(for: comparison)
    #expect(decision.intervalPasses)
    #expect(decision.passes == passes, "\(decision.sentence)")
    let shortfall = try #require(decision.shortfall)
    // scipy.stats.beta.ppf(0.975, 6, 9995) = 0.0011664…: ⌈11.66⌉ = 12 items.
    #expect(shortfall.changedItemBound == 12)
    let bound = try #require(shortfall.changeBound?.largestDecrease)
    let text = "changing the baseline's predictions on 12 items"
    if passes {
      #expect(bound < 0.01)
      #expect(
        decision.cautions.last?.contains("(12 of the 10,000); \(text) lowers macro-F1 by at most ")
          == true)
    } else {
      // Class c, 5 items all right (F1 = 1), can lose all 5: its F1 goes
      // to 0, a third of macro-F1.
      #expect(bound >= 1.0 / 3)
      #expect(
        decision.sentence.contains(
          "(12 of the 10,000); \(text) could lower macro-F1 by up to 0."),
        "\(decision.sentence)")
      #expect(decision.sentence.hasSuffix(", not inside the 0.010 margin."))
    }
  }

  @Test("the Matthews correlation gets no cap, and the sentence says so")
  func uncappedMetricFails() throws {
    let comparison = try Self.fewChanges(rareCount: 3_333, metric: .matthewsCorrelation)
    let decision = try ReleaseGate(margin: 0.01).decision(for: comparison)
    #expect(decision.intervalPasses && !decision.passes)
    #expect(decision.shortfall?.changeBound == nil)
    #expect(
      decision.sentence.hasSuffix(
        "the largest difference in accuracy the test set cannot rule out (a bound that does not cap MCC; no worst-case cap of changed predictions applies to MCC)."
      ), "\(decision.sentence)")
  }

  @Test("with sample weights only accuracy is capped, by the heaviest items")
  func weightedItems() throws {
    let labels = ["0", "1"]
    let gold: [Int32] = (0..<20_000).map { Int32($0 % 2) }
    let predicted: [Int32] = (0..<20_000).map { $0 % 5 == 0 ? 1 : Int32($0 % 2) }
    let aligned = try AlignedPredictions(
      [
        ItemPredictions(labels: labels, gold: gold, predicted: predicted),
        ItemPredictions(labels: labels, gold: gold, predicted: predicted),
      ], names: ["a", "b"])
    func decision(_ metric: Metric, heavy: Double) throws -> ReleaseDecision {
      // One item of the 20,000 weighs `heavy`, the others 1.
      let weights = (0..<20_000).map { $0 == 1 ? heavy : 1.0 }
      let comparison = try ModelComparison(
        counts: ComparisonCounts(aligned, weights: weights), names: ["a", "b"],
        options: ComparisonOptions(
          metric: metric, tests: [.permutation], bootstrap: BootstrapOptions(resamples: 999)))
      return try ReleaseGate(margin: 0.001).decision(for: comparison)
    }
    // Four items of weight 1: 4 / 20,000 = 0.0002 of the weight.
    let even = try decision(.accuracy, heavy: 1)
    #expect(even.passes)
    #expect(even.shortfall?.changeBound?.largestDecrease == 4.0 / 20_000)
    // One right item weighs 100: 103 / 20,099 = 0.0051, outside 0.001,
    // where the unweighted share (0.00018) would have passed.
    let skewed = try decision(.accuracy, heavy: 100)
    #expect(!skewed.passes)
    #expect(skewed.sentence.contains("could lower accuracy by up to 0.005"), "\(skewed.sentence)")
    let onF1 = try decision(.binaryF1, heavy: 1)
    #expect(!onF1.passes)
    #expect(
      onF1.sentence.hasSuffix(
        "(a bound that does not cap binary F1; no worst-case cap of changed predictions applies to binary F1 on weighted items)."
      ), "\(onF1.sentence)")
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
