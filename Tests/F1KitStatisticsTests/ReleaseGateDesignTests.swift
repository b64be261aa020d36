import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

@Suite("Release gate: lower-is-better metrics, groups and runs")
struct ReleaseGateDesignTests {
  static func interval(
    _ lower: Double, _ upper: Double, estimate: Double? = nil, standardError: Double = 0.005
  ) -> ConfidenceInterval {
    ReleaseGateTests.interval(lower, upper, estimate: estimate, standardError: standardError)
  }

  static let logLoss = GateMetric(.logLoss)

  // A positive difference of log loss is a worse candidate, so the upper
  // end decides; the boundary still fails.
  @Test(
    "a lower-is-better metric is decided on its upper end, and the boundary fails",
    arguments: [
      (ReleaseGate.Mode.nonInferiority, -0.02, 0.0099, true),
      (.nonInferiority, -0.02, 0.01, false),
      (.nonInferiority, -0.02, 0.0101, false),
      (.nonInferiority, -0.05, -0.02, true),
      (.superiority, -0.03, -0.0101, true),
      (.superiority, -0.03, -0.01, false),
      (.superiority, -0.03, 0.005, false),
      (.equivalence, -0.0099, 0.0099, true),
      (.equivalence, -0.01, 0.005, false),
      (.equivalence, -0.005, 0.01, false),
    ])
  func lowerIsBetter(mode: ReleaseGate.Mode, lower: Double, upper: Double, passes: Bool) throws {
    let gate = try ReleaseGate(mode: mode, margin: 0.01)
    #expect(gate.passes(Self.interval(lower, upper), isHigherBetter: false) == passes)
    let decision = gate.decision(
      for: Self.interval(lower, upper), itemCount: 500, metric: Self.logLoss, baseline: "a",
      candidate: "b")
    #expect(decision.passes == passes)
  }

  @Test(
    "a lower-is-better sentence names the upper end",
    arguments: [
      (
        ReleaseGate.Mode.nonInferiority, -0.004, 0.012, 0.004,
        "FAIL: candidate may be worse than baseline by more than 0.010 on log loss: difference 0.004, 95% CI [−0.004, 0.012]; the upper end 0.012 is not below 0.010."
      ),
      (
        .superiority, -0.02, -0.005, -0.012,
        "FAIL: candidate is not shown to be better than baseline by more than 0.010 on log loss: difference −0.012, 95% CI [−0.020, −0.005]; the upper end −0.005 is not below −0.010."
      ),
      (
        .superiority, -0.03, -0.012, -0.02,
        "PASS: candidate is better than baseline by more than 0.010 on log loss: difference −0.020, 95% CI [−0.030, −0.012]."
      ),
    ])
  func lowerIsBetterSentence(
    mode: ReleaseGate.Mode, lower: Double, upper: Double, estimate: Double, expected: String
  ) throws {
    let decision = try ReleaseGate(mode: mode, margin: 0.01).decision(
      for: Self.interval(lower, upper, estimate: estimate), itemCount: 500,
      metric: Self.logLoss, baseline: "a", candidate: "b")
    #expect(decision.sentence == expected)
  }

  @Test("with groups the margin's reachability is counted in groups")
  func groupsAreTheUnit() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let difference = Self.interval(-0.025, 0.009, estimate: -0.008, standardError: 0.0087)
    let decision = gate.decision(
      for: difference, itemCount: 1379, metric: GateMetric(.binaryF1), baseline: "a",
      candidate: "b",
      experiment: ReleaseDecision.Experiment(design: .groups, runCounts: [1, 1], groupCount: 1256)
    )
    #expect(decision.reachability.unit == .groups)
    #expect(decision.reachability.count == 1256)
    // The same power calculation as for items, scaled from 1,256 groups.
    let expected = PowerAnalysis.requiredItemCount(
      difference: 0.01, standardError: 0.0087, itemCount: 1256, significanceLevel: 0.05,
      power: 0.8)
    #expect(decision.reachability.requiredCount == expected)
    let note = try #require(decision.reachabilityNote)
    #expect(note.hasPrefix("With 1,256 groups the interval is ±0.017 wide, so a 0.010 margin"))
    #expect(note.contains("about \(ModelComparison.count(expected ?? 0)) groups would give"))
    #expect(!note.contains("items"))
  }

  @Test("with runs, the seeds' share of the variance does not shrink with more items")
  func seedsLimitTheSize() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let difference = Self.interval(-0.0131, 0.0131, estimate: 0, standardError: 0.00668)
    let experiment = ReleaseDecision.Experiment(design: .items, runCounts: [5, 5])
    // z = 1.960 + 0.842 = 2.80: 0.01/2.80 = 0.00357 leaves room for a
    // seed standard error below it, and none above it.
    let small = gate.decision(
      for: difference, itemCount: 1379, metric: GateMetric(.binaryF1), baseline: "a",
      candidate: "b", experiment: experiment, seedShare: 0.1)
    let needed = try #require(small.reachability.requiredCount)
    let z = StandardNormal.quantile(0.975) + StandardNormal.quantile(0.8)
    func standardError(at size: Int) -> Double {
      let variance = 0.00668 * 0.00668
      return (0.1 * variance + 0.9 * variance * 1379 / Double(size)).squareRoot()
    }
    #expect(z * standardError(at: needed) <= 0.01)
    #expect(z * standardError(at: needed - 1) > 0.01)
    #expect(!small.reachability.isLimitedBySeeds)
    #expect(small.reachabilityNote?.contains("5 runs per model and 1,379 items") == true)
    #expect(small.reachabilityNote?.contains("items (with the same runs) would give") == true)

    let large = gate.decision(
      for: difference, itemCount: 1379, metric: GateMetric(.binaryF1), baseline: "a",
      candidate: "b", experiment: experiment, seedShare: 0.39)
    #expect(large.reachability.requiredCount == nil)
    #expect(large.reachability.isLimitedBySeeds)
    #expect(
      large.reachabilityNote?.hasSuffix(
        "so more test items cannot make it pass; more runs per model would.") == true)
  }

  @Test("decides on an experiment's own interval, with its runs and groups")
  func decidesOnExperiments() throws {
    var generator = Xoshiro256StarStar(seed: 9)
    let population = DesignPopulation(
      groups: 60, itemsPerGroup: 5, groupSpread: 0.5, runSpread: 0.02)
    let sample = population.draw(runsPerModel: [3, 2], using: &generator)
    let counts = try ExperimentCounts(
      gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
      options: BootstrapOptions(resamples: 499), seed: 3)
    let description = ExperimentComparison.Description(
      names: ["base", "cand"], runFiles: [["b1", "b2", "b3"], ["c1", "c2"]], labels: ["0", "1"],
      seed: 3)
    let decision = try ReleaseGate(margin: 0.05).decision(
      for: comparison, description: description)
    #expect(decision.difference == comparison.pairs[0].difference)
    #expect(decision.experiment?.runCounts == [3, 2])
    #expect(decision.experiment?.groupCount == 60)
    #expect(decision.reachability.unit == .groups && decision.reachability.count == 60)
    #expect(decision.reachability.seedShare == comparison.seedShare(of: comparison.pairs[0]))
    #expect(decision.metric == GateMetric(.accuracy))
    #expect(throws: ReleaseGateError.noSuchPair(baseline: 1, candidate: 0)) {
      try ReleaseGate(margin: 0.05).decision(
        for: comparison, description: description, baseline: 1, candidate: 0)
    }
  }
}
