import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// The range the gate gives around its needed test-set size
/// (``MarginReachability/requiredCountRange``): how it is computed, when it
/// is left out, and how often it holds the size the population needs.
@Suite("Release gate: the range around the needed test-set size")
struct NeededSizeRangeTests {
  static let interval = ConfidenceInterval(
    lower: -0.017, upper: 0.017, estimate: 0, method: .percentile, confidence: 0.95,
    standardError: 0.017 / 1.96)

  @Test("each end is the needed size at that end of the differing share's exact interval")
  func endsScaleTheStandardError() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let reach = MarginReachability(
      gate: gate, difference: Self.interval, count: 1_379, differingCount: 154)
    let range = try #require(reach.requiredCountRange)
    let needed = try #require(reach.requiredCount)
    #expect(range.contains(needed))
    // scipy.stats.beta.ppf(0.025, 154, 1226) and beta.ppf(0.975, 155, 1225)
    let (low, high) = (0.095529675165, 0.129495467452)
    let share = 154.0 / 1_379
    for (end, bound) in [(range.lowerBound, low), (range.upperBound, high)] {
      let expected = MarginReachability.requiredCount(
        distance: 0.01, standardError: Self.interval.standardError * (bound / share).squareRoot(),
        count: 1_379, seedShare: 0, significanceLevel: 0.05, power: 0.8, minimumCount: 1_380)
      #expect(abs(end - (expected ?? 0)) <= 1, "\(end) against \(String(describing: expected))")
    }
  }

  @Test("each end is the needed size at ν over a χ² quantile times the squared standard error")
  func endsScaleByChiSquared() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let reach = MarginReachability(
      gate: gate, difference: Self.interval, count: 1_256, unit: .groups,
      standardErrorDegrees: 40)
    let range = try #require(reach.requiredCountRange)
    let needed = try #require(reach.requiredCount)
    #expect(range.contains(needed))
    // scipy.stats.chi2.ppf(0.975, 40) and chi2.ppf(0.025, 40)
    for (end, quantile) in [
      (range.lowerBound, 59.34170714317118), (range.upperBound, 24.433039170807888),
    ] {
      let expected = MarginReachability.requiredCount(
        distance: 0.01, standardError: Self.interval.standardError * (40 / quantile).squareRoot(),
        count: 1_256, seedShare: 0, significanceLevel: 0.05, power: 0.8, minimumCount: 1_257)
      // Wilson–Hilferty is within 0.02% of the exact quantile at ν = 40.
      #expect(
        abs(Double(end - (expected ?? 0))) <= 0.002 * Double(end),
        "\(end) against \(String(describing: expected))")
    }
  }

  @Test(
    "the χ² quantile is within 1% of scipy's from 10 degrees of freedom up",
    arguments: [
      (10.0, 0.025, 3.2469727802368413), (10, 0.975, 20.483177350807388),
      (40, 0.025, 24.433039170807888), (40, 0.975, 59.34170714317118),
      (300, 0.025, 253.91232260248975), (300, 0.975, 349.87446882991526),
    ])
  func chiSquaredQuantileMatchesScipy(degrees: Double, probability: Double, expected: Double) {
    let quantile = MarginReachability.chiSquaredQuantile(probability, degrees: degrees)
    #expect(abs(quantile / expected - 1) < (degrees < 40 ? 0.01 : 0.001))
  }

  @Test("the degrees of freedom are 2n over the leave-one-out values' excess kurtosis plus 2")
  func degreesFromLeaveOneOutValues() throws {
    // numpy: n = 10, u = v − weighted mean, 2n/(m4/m2² − 1)
    let degrees = try #require(
      MarginReachability.standardErrorDegrees(leaveOneOut: [0.1, 0.2, 0.4], weights: [5, 3, 2]))
    #expect(abs(degrees - 13.03336466165413) < 1e-9)
    // A difference of accuracies: 20 of 500 items differ, 10 each way, so
    // about twice the differing items.
    let accuracy = try #require(
      MarginReachability.standardErrorDegrees(
        leaveOneOut: [0, 1.0 / 499, -1.0 / 499], weights: [480, 10, 10]))
    #expect(abs(accuracy - 2 * 500 / (500.0 / 20 - 1)) < 1e-6)
    #expect(
      MarginReachability.standardErrorDegrees(leaveOneOut: [0.3, 0.3], weights: [4, 6]) == nil)
    #expect(MarginReachability.standardErrorDegrees(leaveOneOut: [], weights: []) == nil)
  }

  @Test("no range for superiority, seeds, few degrees, or groups without degrees of freedom")
  func absentWhereTheCountDoesNotCarryTheError() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let superiority = try ReleaseGate(mode: .superiority, margin: 0.001)
    let lead = ConfidenceInterval(
      lower: 0.0, upper: 0.01, estimate: 0.005, method: .percentile, confidence: 0.95,
      standardError: 0.00255)
    let cases = [
      MarginReachability(gate: gate, difference: Self.interval, count: 1_379),
      MarginReachability(
        gate: gate, difference: Self.interval, count: 1_379, seedShare: 0.3, differingCount: 154,
        standardErrorDegrees: 300),
      MarginReachability(gate: gate, difference: Self.interval, count: 1_379, differingCount: 0),
      MarginReachability(
        gate: gate, difference: Self.interval, count: 1_256, unit: .groups, differingCount: 144),
      MarginReachability(
        gate: gate, difference: Self.interval, count: 1_256, unit: .groups,
        standardErrorDegrees: 9),
      MarginReachability(
        gate: superiority, difference: lead, count: 1_379, differingCount: 154,
        standardErrorDegrees: 300),
    ]
    for reach in cases { #expect(reach.requiredCountRange == nil) }
  }

  @Test(
    "range ends are rounded outwards to two significant digits",
    arguments: [
      (7, FloatingPointRoundingRule.down, 7), (99, .up, 99), (7_508, .down, 7_500),
      (10_177, .up, 11_000), (33_498, .down, 33_000), (481, .up, 490), (100, .down, 100),
    ])
  func roughCounts(count: Int, rule: FloatingPointRoundingRule, expected: Int) {
    #expect(ReleaseDecision.roughCount(count, rounding: rule) == expected)
  }

  // The size the population needs: z²·σ²/D², σ the standard deviation of
  // the plug-in difference over many test sets of `items`, times `items`.
  static func populationNeededSize(
    _ population: GatePopulation, metric: Metric, items: Int, margin: Double
  ) -> Double {
    let sampler = Population(probabilities: population.probabilities)
    var generator = Xoshiro256StarStar(seed: 11)
    var sum = 0.0
    var squares = 0.0
    let draws = 4_000
    for _ in 0..<draws {
      let counts = sampler.sample(items: items, using: &generator).map(Double.init)
      let difference = GatePopulation.difference(
        of: counts, classCount: population.classCount, scope: population.scope, on: metric)
      sum += difference
      squares += difference * difference
    }
    let variance = (squares - sum * sum / Double(draws)) / Double(draws - 1)
    let z = StandardNormal.quantile(0.975) + StandardNormal.quantile(0.8)
    return z * z * variance * Double(items) / (margin * margin)
  }

  // tools/needed_size_range_check.py (999 resamples, 400 test sets) found
  // 91–94% coverage; 199 resamples and 150 test sets here, so the floor
  // is a guard against a range that is wrong in scale or direction.
  @Test(
    "over equally good models the range holds the population's needed size most of the time",
    arguments: [Metric.accuracy, .binaryF1])
  func coversThePopulationSize(metric: Metric) throws {
    let population = try #require(
      GatePopulation.solved(
        goldShares: [0.7, 0.3], baselineAccuracy: 0.8, fixShare: 0.1, metric: metric,
        difference: 0))
    let simulation = GateSimulation(
      gate: try ReleaseGate(margin: 0.02), metric: metric, resamples: 199)
    let tally = try simulation.run(population: population, items: 500, trials: 150, seed: 7_500)
    let truth = Self.populationNeededSize(population, metric: metric, items: 500, margin: 0.02)
    try Self.expectCoverage(of: tally.requiredRanges, truth: truth, of: 150)
  }

  /// Expects nearly every one of `trials` test sets to have a range, at
  /// least 80% of them to hold `truth`, and the median range to span
  /// under 3× (not so wide as to say nothing).
  static func expectCoverage(
    of ranges: [ClosedRange<Int>], truth: Double, of trials: Int
  ) throws {
    try #require(ranges.count >= trials * 19 / 20)
    let covered = ranges.count(where: {
      Double($0.lowerBound) <= truth && truth <= Double($0.upperBound)
    })
    let coverage = Double(covered) / Double(ranges.count)
    #expect(coverage >= 0.8, "covered \(covered) of \(ranges.count); truth \(truth)")
    let spans = ranges.map { Double($0.upperBound) / Double($0.lowerBound) }.sorted()
    #expect(spans[spans.count / 2] < 3)
  }

  // The groups the population needs: z²·σ²·G/D², σ the standard deviation
  // of the difference over many experiments of `population`.
  static func populationNeededGroups(
    _ population: DesignPopulation, metric: Metric, margin: Double
  ) -> Double {
    var generator = Xoshiro256StarStar(seed: 13)
    var sum = 0.0
    var squares = 0.0
    let draws = 4_000
    func value(_ predicted: [Int32], _ gold: [Int32]) -> Double {
      var (right, truePositives, predictedPositives, goldPositives) = (0, 0, 0, 0)
      for (label, truth) in zip(predicted, gold) {
        if label == truth { right += 1 }
        if label == 1 && truth == 1 { truePositives += 1 }
        if label == 1 { predictedPositives += 1 }
        if truth == 1 { goldPositives += 1 }
      }
      return metric == .accuracy
        ? Double(right) / Double(gold.count)
        : 2 * Double(truePositives) / Double(predictedPositives + goldPositives)
    }
    for _ in 0..<draws {
      let sample = population.draw(runsPerModel: [1, 1], using: &generator)
      let difference =
        value(sample.runs[1][0], sample.gold) - value(sample.runs[0][0], sample.gold)
      sum += difference
      squares += difference * difference
    }
    let variance = (squares - sum * sum / Double(draws)) / Double(draws - 1)
    let z = StandardNormal.quantile(0.975) + StandardNormal.quantile(0.8)
    return z * z * variance * Double(population.groups) / (margin * margin)
  }

  // The numpy check found 93% (accuracy) and 91% (binary F1) coverage of
  // the needed groups with 999 resamples over 400 experiments; 199
  // resamples and 100 experiments here.
  @Test(
    "with whole groups resampled the range holds the population's needed groups most of the time",
    arguments: [Metric.accuracy, .binaryF1])
  func coversThePopulationGroups(metric: Metric) throws {
    let population = DesignPopulation(groups: 60, itemsPerGroup: 15, groupSpread: 0.3)
    let simulation = GateSimulation(
      gate: try ReleaseGate(margin: 0.02), metric: metric, resamples: 199)
    let tally = try simulation.run(
      population: population, design: .groups, runs: 1, trials: 100, seed: 7_600)
    let truth = Self.populationNeededGroups(population, metric: metric, margin: 0.02)
    try Self.expectCoverage(of: tally.requiredRanges, truth: truth, of: 100)
  }

  @Test("a grouped decision says its range rests on the spread of the groups' differences")
  func groupedTextNamesTheGroups() throws {
    var generator = Xoshiro256StarStar(seed: 17)
    let sample = DesignPopulation(groups: 60, itemsPerGroup: 15, groupSpread: 0.3)
      .draw(runsPerModel: [1, 1], using: &generator)
    let counts = try ExperimentCounts(
      gold: sample.gold, runs: sample.runs, groups: sample.groups, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2), design: .groups,
      options: BootstrapOptions(resamples: 199), tests: [], seed: 3)
    let description = ExperimentComparison.Description(
      names: ["a", "b"], runFiles: [["a.csv"], ["b.csv"]], labels: ["0", "1"], seed: 3,
      positiveLabel: "1")
    let decision = try ReleaseGate(margin: 0.02).decision(
      for: comparison, description: description)
    let degrees = try #require(decision.reachability.standardErrorDegrees)
    #expect(degrees > 20 && degrees < 200)
    let note = try #require(decision.reachabilityNote)
    #expect(
      note.contains("a size that rests on the spread of the 60 groups' differences"), "\(note)")
  }
}
