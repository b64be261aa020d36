import F1Kit
import F1KitReading
import Foundation
import Testing

@testable import F1KitStatistics

@Suite("Release gate: non-inferiority, superiority and equivalence decisions")
struct ReleaseGateTests {
  /// A 95% BCa interval of candidate − baseline.
  static func interval(
    _ lower: Double, _ upper: Double, estimate: Double? = nil, standardError: Double = 0.005
  ) -> ConfidenceInterval {
    ConfidenceInterval(
      lower: lower, upper: upper, estimate: estimate ?? (lower + upper) / 2, method: .bca,
      confidence: 0.95, standardError: standardError, resamples: 9_999)
  }

  // Margin 0.01 throughout; the boundary cases put an end exactly on ±0.01
  // and fail, because the gate uses strict inequalities.
  @Test(
    "decides on both sides of the margin, and a bound exactly on it fails",
    arguments: [
      // non-inferiority: lower > −D
      (ReleaseGate.Mode.nonInferiority, -0.008, 0.001, true),
      (.nonInferiority, -0.0099, 0.02, true),
      (.nonInferiority, -0.01, 0.02, false),
      (.nonInferiority, -0.0101, 0.02, false),
      (.nonInferiority, -0.025, 0.009, false),
      (.nonInferiority, 0.02, 0.05, true),
      // superiority: lower > +D
      (.superiority, 0.0101, 0.03, true),
      (.superiority, 0.01, 0.03, false),
      (.superiority, 0.005, 0.03, false),
      (.superiority, -0.02, 0.03, false),
      // equivalence: −D < lower and upper < +D
      (.equivalence, -0.008, 0.009, true),
      (.equivalence, -0.0099, 0.0099, true),
      (.equivalence, -0.01, 0.005, false),
      (.equivalence, -0.005, 0.01, false),
      (.equivalence, -0.011, 0.005, false),
      (.equivalence, -0.005, 0.011, false),
      (.equivalence, -0.02, 0.02, false),
    ])
  func decides(mode: ReleaseGate.Mode, lower: Double, upper: Double, passes: Bool) throws {
    let gate = try ReleaseGate(mode: mode, margin: 0.01)
    #expect(gate.passes(Self.interval(lower, upper)) == passes)
  }

  @Test("superiority with a zero margin passes only when the lower end is above 0")
  func superiorityAtZero() throws {
    let gate = try ReleaseGate(mode: .superiority, margin: 0)
    #expect(gate.passes(Self.interval(0.001, 0.03)))
    #expect(!gate.passes(Self.interval(0, 0.03)))
    #expect(!gate.passes(Self.interval(-0.001, 0.03)))
  }

  @Test("an undefined interval never passes", arguments: ReleaseGate.Mode.allCases)
  func undefinedFails(mode: ReleaseGate.Mode) throws {
    let gate = try ReleaseGate(mode: mode, margin: 0.05)
    #expect(!gate.passes(Self.interval(.nan, .nan, estimate: .nan)))
    #expect(!gate.passes(Self.interval(.nan, 0.001, estimate: 0)))
  }

  @Test(
    "rejects margins that are negative, not finite, or zero outside superiority",
    arguments: [
      (ReleaseGate.Mode.nonInferiority, 0.0), (.equivalence, 0.0), (.nonInferiority, -0.01),
      (.superiority, -0.01), (.equivalence, .nan), (.superiority, .infinity),
    ])
  func rejectsMargins(mode: ReleaseGate.Mode, margin: Double) {
    #expect(throws: ReleaseGateError.self) { try ReleaseGate(mode: mode, margin: margin) }
  }

  @Test("says a margin narrower than half the interval can never pass, and what it would take")
  func unreachableMargin() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let difference = Self.interval(-0.021, 0.013, estimate: -0.004, standardError: 0.0087)
    let decision = gate.decision(
      for: difference, itemCount: 1379, metric: .macroF1, baseline: "a", candidate: "b")
    #expect(!decision.passes)
    #expect(!decision.reachability.isReachable)
    #expect(decision.reachability.halfWidth == difference.width / 2)
    let expected = PowerAnalysis.requiredItemCount(
      difference: 0.01, standardError: 0.0087, itemCount: 1379, significanceLevel: 0.05,
      power: 0.8)
    #expect(decision.reachability.requiredCount == expected)
    let note = try #require(decision.reachabilityNote)
    #expect(
      note.hasPrefix(
        "With 1,379 items the interval is ±0.017 wide, so a 0.010 margin can never pass for a candidate no better than the baseline; about "
      ))
    #expect(note.contains(ModelComparison.count(expected!) + " items would give an 80% chance"))
  }

  @Test("says nothing about reachability when the margin is within reach")
  func reachableMargin() throws {
    let gate = try ReleaseGate(mode: .equivalence, margin: 0.05)
    let decision = gate.decision(
      for: Self.interval(-0.02, 0.01), itemCount: 1000, metric: .accuracy, baseline: "a",
      candidate: "b")
    #expect(decision.reachability.isReachable)
    #expect(decision.reachabilityNote == nil)
  }

  @Test("superiority sizes the test set for the observed difference beyond the margin")
  func superiorityReachability() throws {
    let gate = try ReleaseGate(mode: .superiority, margin: 0.01)
    let above = gate.decision(
      for: Self.interval(-0.001, 0.041, estimate: 0.02, standardError: 0.0107), itemCount: 500,
      metric: .accuracy, baseline: "a", candidate: "b")
    #expect(above.reachability.assumedDifference == 0.02)
    #expect(
      above.reachability.requiredCount
        == PowerAnalysis.requiredItemCount(
          difference: 0.01, standardError: 0.0107, itemCount: 500, significanceLevel: 0.05))
    let below = gate.decision(
      for: Self.interval(-0.015, 0.025, estimate: 0.005), itemCount: 500, metric: .accuracy,
      baseline: "a", candidate: "b")
    #expect(!below.reachability.isReachable)
    #expect(below.reachability.requiredCount == nil)
    #expect(below.reachabilityNote?.contains("more items would not make") == true)
  }

  /// The newsgroups probe: macro-F1 −0.062, 95% CI [−0.090, −0.034], a
  /// 0.020 margin. The data already show the candidate worse than the
  /// margin allows, so a size for an equally good candidate is no answer.
  @Test(
    "an interval wholly beyond the margin says more items would not help, and gives no size",
    arguments: [ReleaseGate.Mode.nonInferiority, .equivalence])
  func wholeIntervalBeyondMargin(mode: ReleaseGate.Mode) throws {
    let gate = try ReleaseGate(mode: mode, margin: 0.02)
    let decision = gate.decision(
      for: Self.interval(-0.090, -0.034, estimate: -0.062, standardError: 0.0144),
      itemCount: 2000, metric: GateMetric(.macroF1), baseline: "a", candidate: "b",
      differingCount: 777)
    #expect(!decision.passes)
    #expect(!decision.reachability.isReachable)
    #expect(decision.reachability.isBeyondMargin)
    #expect(decision.reachability.requiredCount == nil)
    #expect(decision.reachability.requiredCountRange == nil)
    #expect(
      decision.reachabilityNote
        == "The whole interval lies below −0.020, beyond the margin, so more items would not make this candidate pass."
    )
    let json = decision.jsonDocument().serialized()
    #expect(json.contains("\"required_n\": null"))
    #expect(json.contains("\"beyond_margin\": true"))
    #expect(!json.contains("would give"))
  }

  @Test("a lower-is-better interval wholly above the margin says more items would not help")
  func lowerIsBetterBeyondMargin() throws {
    let gate = try ReleaseGate(margin: 0.001)
    let hammingLoss = GateMetric(
      name: "hamming_loss", displayName: "Hamming loss", isHigherBetter: false)
    let decision = gate.decision(
      for: Self.interval(0.00105, 0.00415, estimate: 0.00258, standardError: 0.0008),
      itemCount: 2000, metric: hammingLoss, baseline: "a", candidate: "b")
    #expect(!decision.passes && decision.reachability.isBeyondMargin)
    #expect(decision.reachability.requiredCount == nil)
    #expect(
      decision.reachabilityNote
        == "The whole interval lies above 0.001, beyond the margin, so more items would not make this candidate pass."
    )
    // An interval that reaches back over the margin is not beyond it.
    let straddling = gate.decision(
      for: Self.interval(0.0009, 0.0042, estimate: 0.00258, standardError: 0.0008),
      itemCount: 2000, metric: hammingLoss, baseline: "a", candidate: "b")
    #expect(!straddling.reachability.isBeyondMargin)
    #expect(straddling.reachability.requiredCount != nil)
  }

  /// At the size the gate asks for, a candidate exactly as good as the
  /// baseline passes with the promised chance: simulate normal estimates
  /// with the standard error shrunk to that size and Wald intervals.
  @Test(
    "the needed size gives the promised chance of passing when the models are equal",
    arguments: [ReleaseGate.Mode.nonInferiority, .equivalence])
  func neededSizeHasItsPower(mode: ReleaseGate.Mode) throws {
    let gate = try ReleaseGate(mode: mode, margin: 0.01)
    let standardError = 0.0087
    let decision = gate.decision(
      for: Self.interval(-0.021, 0.013, estimate: -0.004, standardError: standardError),
      itemCount: 1379, metric: .macroF1, baseline: "a", candidate: "b")
    let needed = try #require(decision.reachability.requiredCount)
    let shrunk = standardError * (1379 / Double(needed)).squareRoot()
    let z = StandardNormal.quantile(0.975)
    var generator = Xoshiro256StarStar(seed: 7)
    let draws = 40_000
    var passed = 0
    for _ in 0..<draws {
      let u1 = max(Double.random(in: 0..<1, using: &generator), .leastNonzeroMagnitude)
      let u2 = Double.random(in: 0..<1, using: &generator)
      let estimate = shrunk * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
      let interval = Self.interval(
        estimate - z * shrunk, estimate + z * shrunk, estimate: estimate,
        standardError: shrunk)
      if gate.passes(interval) { passed += 1 }
    }
    // Binomial standard error of 0.8 over 40,000 draws is 0.002.
    #expect(abs(Double(passed) / Double(draws) - 0.8) < 0.01)
  }

  @Test("reads the comparison engine's own interval for baseline → candidate")
  func decidesOnTheEngine() throws {
    let labels = ["neg", "pos"]
    let gold: [Int32] = (0..<200).map { Int32($0 % 2) }
    let baseline = gold.enumerated().map { $0.offset % 7 == 0 ? 1 - $0.element : $0.element }
    let candidate = gold.enumerated().map { $0.offset % 9 == 0 ? 1 - $0.element : $0.element }
    let aligned = try AlignedPredictions(
      [
        ItemPredictions(labels: labels, gold: gold, predicted: baseline),
        ItemPredictions(labels: labels, gold: gold, predicted: candidate),
      ], names: ["base.csv", "cand.csv"])
    let comparison = try ModelComparison(
      aligned: aligned, names: ["base.csv", "cand.csv"],
      options: ComparisonOptions(metric: .accuracy, bootstrap: BootstrapOptions(resamples: 499)))
    let decision = try ReleaseGate(margin: 0.05).decision(for: comparison)
    #expect(decision.difference == comparison.pairs[0].difference)
    #expect(decision.baseline == "base.csv" && decision.candidate == "cand.csv")
    #expect(decision.itemCount == 200 && decision.metric == GateMetric(.accuracy))
    #expect(throws: ReleaseGateError.noSuchPair(baseline: 1, candidate: 0)) {
      try ReleaseGate(margin: 0.05).decision(for: comparison, baseline: 1, candidate: 0)
    }
  }

  @Test(
    "states the decision in one sentence with true minus signs",
    arguments: [
      (
        ReleaseGate.Mode.nonInferiority, -0.008, 0.001, -0.004,
        "PASS: candidate is not worse than baseline by more than 0.010 on macro-F1: difference −0.004, 95% CI [−0.008, 0.001]."
      ),
      (
        .nonInferiority, -0.025, 0.009, -0.008,
        "FAIL: candidate may be worse than baseline by more than 0.010 on macro-F1: difference −0.008, 95% CI [−0.025, 0.009]; the lower end −0.025 is not above −0.010."
      ),
      (
        .superiority, 0.012, 0.04, 0.026,
        "PASS: candidate is better than baseline by more than 0.010 on macro-F1: difference 0.026, 95% CI [0.012, 0.040]."
      ),
      (
        .equivalence, -0.004, 0.012, 0.004,
        "FAIL: candidate and baseline are not shown to be equivalent within ±0.010 on macro-F1: difference 0.004, 95% CI [−0.004, 0.012]; the upper end 0.012 is not below 0.010."
      ),
    ])
  func sentence(
    mode: ReleaseGate.Mode, lower: Double, upper: Double, estimate: Double, expected: String
  ) throws {
    let decision = try ReleaseGate(mode: mode, margin: 0.01).decision(
      for: Self.interval(lower, upper, estimate: estimate), itemCount: 1379, metric: .macroF1,
      baseline: "a", candidate: "b")
    #expect(decision.sentence == expected)
  }
}
