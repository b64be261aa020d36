import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

@Suite("Needed test-set sizes with few runs use Student's t, as the interval does")
struct MarginReachabilityStudentTests {
  /// Two models with `runs` runs each whose seed parts make up `seedShare`
  /// of a difference variance of `standardError`², the seed-by-item
  /// interaction a tenth of each model's runs' spread.
  static func split(runs: Int, standardError: Double, seedShare: Double) -> DifferenceVariance {
    let variance = standardError * standardError
    let seed = seedShare * variance / 2
    return DifferenceVariance(
      itemVariance: (1 - seedShare) * variance,
      models: Array(
        repeating: DifferenceVariance.Model(
          runCount: runs, meanSquare: seed / 0.9, seedVariance: seed), count: 2))
  }

  /// (t₁₋α/₂ + t_power) · √V at `size`, for a test set of `count`.
  static func reach(
    _ split: DifferenceVariance, size: Int, count: Int, alpha: Double = 0.05, power: Double = 0.8
  ) -> Double {
    let scale = Double(count) / Double(size)
    let degrees = split.degreesOfFreedom(scale: scale)
    return
      (StudentT.quantile(1 - alpha / 2, degreesOfFreedom: degrees)
      + StudentT.quantile(power, degreesOfFreedom: degrees))
      * split.variance(scale: scale).squareRoot()
  }

  @Test("at the observed size the split gives the interval's variance and degrees of freedom")
  func observedSize() {
    let models = [
      RunVariance(
        runValues: [0.80, 0.82, 0.79], itemsOnly: [[0.8, 0.81], [0.82, 0.8], [0.79, 0.8]]),
      RunVariance(
        runValues: [0.84, 0.83, 0.86], itemsOnly: [[0.84, 0.82], [0.83, 0.85], [0.86, 0.84]]),
    ]
    let itemVariance = 0.0004
    let split = DifferenceVariance(
      itemVariance: itemVariance,
      models: models.map {
        DifferenceVariance.Model(
          runCount: $0.runCount, meanSquare: $0.meanSquare, seedVariance: $0.seedVariance)
      })
    let variance = models[0].seedVariance + models[1].seedVariance + itemVariance
    #expect(split.variance(scale: 1) == variance)
    #expect(
      split.degreesOfFreedom(scale: 1)
        == RunVariance.degreesOfFreedom(variance: variance, models: models))
    // The degrees fall towards the runs' own as the test set grows.
    #expect(split.degreesOfFreedom(scale: 0.01) < split.degreesOfFreedom(scale: 1))
  }

  @Test(
    "the needed size is the smallest that clears the distance with t, and never at or below a size that does not",
    arguments: [
      (3, 0.3), (3, 0.8), (5, 0.31), (5, 0.1), (2, 0.5), (10, 0.6),
    ])
  func smallestSize(runs: Int, seedShare: Double) throws {
    let count = 600
    let split = Self.split(runs: runs, standardError: 0.05, seedShare: seedShare)
    for distance in [0.05, 0.1, 0.15, 0.2, 0.3, 0.5] {
      let reachesNow = Self.reach(split, size: count, count: count) <= distance
      let needed = MarginReachability.requiredCount(
        distance: distance, standardError: 0.05, count: count, seedShare: seedShare,
        significanceLevel: 0.05, power: 0.8, variance: split,
        minimumCount: reachesNow ? 1 : count + 1)
      guard let needed else {
        // No size up to the search's end would do.
        #expect(!reachesNow)
        #expect(Self.reach(split, size: 1_000_000_000, count: count) > distance)
        continue
      }
      #expect(Self.reach(split, size: needed, count: count) <= distance)
      if !reachesNow { #expect(needed > count) }
      if needed > (reachesNow ? 1 : count + 1) {
        #expect(Self.reach(split, size: needed - 1, count: count) > distance)
      }
    }
  }

  @Test("Student's t asks for more than normal quantiles, which can ask for less than the test set")
  func moreThanNormal() throws {
    // Three runs per model, half the variance from seeds, 600 items and a
    // difference of 0.104 that a 95% interval does not separate from 0.
    let split = Self.split(runs: 3, standardError: 0.03, seedShare: 0.5)
    let normal = try #require(
      MarginReachability.requiredCount(
        distance: 0.104, standardError: 0.03, count: 600, seedShare: 0.5,
        significanceLevel: 0.05, power: 0.8))
    #expect(normal < 600)
    let student = MarginReachability.requiredCount(
      distance: 0.104, standardError: 0.03, count: 600, seedShare: 0.5, significanceLevel: 0.05,
      power: 0.8, variance: split, minimumCount: 601)
    #expect(student.map { $0 > 600 } ?? true)
  }

  @Test("one run per model keeps the normal calculation")
  func oneRunKeepsNormal() {
    let split = DifferenceVariance(
      itemVariance: 0.0001,
      models: Array(
        repeating: DifferenceVariance.Model(runCount: 1, meanSquare: 0, seedVariance: 0),
        count: 2))
    #expect(split.degreesOfFreedom(scale: 1) == .infinity)
    let normal = MarginReachability.requiredCount(
      distance: 0.01, standardError: 0.01, count: 1000, seedShare: 0, significanceLevel: 0.05,
      power: 0.8)
    let withSplit = MarginReachability.requiredCount(
      distance: 0.01, standardError: 0.01, count: 1000, seedShare: 0, significanceLevel: 0.05,
      power: 0.8, variance: split)
    #expect(normal != nil)
    #expect(withSplit == normal)
    #expect(
      normal
        == PowerAnalysis.requiredItemCount(
          difference: 0.01, standardError: 0.01, itemCount: 1000, significanceLevel: 0.05,
          power: 0.8))
  }

  @Test("a gate on an unreachable margin never needs fewer units than it has")
  func gateUnreachable() throws {
    let gate = try ReleaseGate(margin: 0.12)
    let difference = ConfidenceInterval(
      lower: -0.036, upper: 0.218, estimate: 0.069, method: .percentile, confidence: 0.95,
      standardError: 0.045, resamples: 9_999)
    let split = Self.split(runs: 3, standardError: 0.045, seedShare: 0.81)
    let decision = gate.decision(
      for: difference, itemCount: 600, metric: GateMetric(.binaryF1), baseline: "A",
      candidate: "B",
      experiment: ReleaseDecision.Experiment(design: .groups, runCounts: [3, 3], groupCount: 40),
      seedShare: 0.81, variance: split)
    #expect(!decision.reachability.isReachable)
    #expect(decision.reachability.requiredCount.map { $0 > 40 } ?? true)
    if decision.reachability.requiredCount == nil {
      #expect(decision.reachability.isLimitedBySeeds)
    }
  }
}
