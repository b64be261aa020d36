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

  @Test("no range for superiority, seeds, groups, an unknown or zero differing count")
  func absentWhereTheCountDoesNotCarryTheError() throws {
    let gate = try ReleaseGate(margin: 0.01)
    let superiority = try ReleaseGate(mode: .superiority, margin: 0.001)
    let lead = ConfidenceInterval(
      lower: 0.0, upper: 0.01, estimate: 0.005, method: .percentile, confidence: 0.95,
      standardError: 0.00255)
    let cases = [
      MarginReachability(gate: gate, difference: Self.interval, count: 1_379),
      MarginReachability(
        gate: gate, difference: Self.interval, count: 1_379, seedShare: 0.3, differingCount: 154),
      MarginReachability(gate: gate, difference: Self.interval, count: 1_379, differingCount: 0),
      MarginReachability(
        gate: gate, difference: Self.interval, count: 1_256, unit: .groups, differingCount: 144),
      MarginReachability(gate: superiority, difference: lead, count: 1_379, differingCount: 154),
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

  // The numpy check (999 resamples, 300–400 test sets) found 88–94%
  // coverage; 199 resamples and 150 test sets here, so the floor is a
  // guard against a range that is wrong in scale or direction.
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
    try #require(tally.requiredRanges.count >= 140)
    let covered = tally.requiredRanges.count(where: {
      Double($0.lowerBound) <= truth && truth <= Double($0.upperBound)
    })
    let coverage = Double(covered) / Double(tally.requiredRanges.count)
    #expect(coverage >= 0.8, "covered \(covered) of \(tally.requiredRanges.count); truth \(truth)")
    // Not so wide as to say nothing: the median range spans under 3×.
    let spans = tally.requiredRanges.map { Double($0.upperBound) / Double($0.lowerBound) }.sorted()
    #expect(spans[spans.count / 2] < 3)
  }
}
