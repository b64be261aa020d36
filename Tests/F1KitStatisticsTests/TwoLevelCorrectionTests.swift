import F1Kit
import Foundation
import Testing
import _TestSupport

@testable import F1KitStatistics

/// The bias-corrected two-level bootstrap: Student's t against SciPy, the
/// method-of-moments split against a brute-force computation, and the moved
/// distribution against moving every resample.
@Suite("Two-level bootstrap correction")
struct TwoLevelCorrectionTests {
  struct Goldens: Decodable {
    struct Probability: Decodable {
      var t: Double
      var df: Double
      var p: Double
    }
    var cdf: [Probability]
    var ppf: [Probability]
  }

  static let goldens = try? Fixtures.decode(Goldens.self, from: "goldens/student-t.json")

  @Test("Student's t distribution function equals SciPy's to 1e-12 relative")
  func cumulativeProbabilityMatchesSciPy() throws {
    let goldens = try #require(Self.goldens)
    #expect(goldens.cdf.count == 140)
    for golden in goldens.cdf {
      let value = StudentT.cumulativeProbability(golden.t, degreesOfFreedom: golden.df)
      #expect(
        abs(value - golden.p) <= 1e-12 * golden.p + 1e-300,
        "t = \(golden.t), df = \(golden.df): \(value) against \(golden.p)")
    }
  }

  @Test("Student's t quantile equals SciPy's to 1e-10 relative, far tails included")
  func quantileMatchesSciPy() throws {
    let goldens = try #require(Self.goldens)
    #expect(goldens.ppf.count == 105)
    for golden in goldens.ppf {
      let value = StudentT.quantile(golden.p, degreesOfFreedom: golden.df)
      #expect(
        abs(value - golden.t) <= 1e-10 * abs(golden.t) + 1e-14,
        "p = \(golden.p), df = \(golden.df): \(value) against \(golden.t)")
    }
  }

  /// Three runs of accuracy on five items, every items-only resample
  /// enumerated (5⁵ equally likely index sequences): for a linear metric
  /// the interaction estimate is the two-way ANOVA interaction sum of
  /// squares over R C² (R − 1), here times B/(B − 1) because the
  /// variances over the enumerated resamples divide by B − 1.
  @Test("the interaction estimate equals the ANOVA interaction sum of squares on a small case")
  func interactionMatchesBruteForce() {
    let correct: [[Double]] = [
      [1, 0, 1, 1, 0],
      [1, 1, 0, 1, 0],
      [0, 1, 1, 1, 1],
    ]
    let runs = correct.count
    let items = correct[0].count
    var itemsOnly = [[Double]](repeating: [], count: runs)
    var sequence = [Int](repeating: 0, count: items)
    var resamples = 0
    while true {
      for run in 0..<runs {
        itemsOnly[run].append(sequence.reduce(0) { $0 + correct[run][$1] } / Double(items))
      }
      resamples += 1
      var position = 0
      while position < items && sequence[position] == items - 1 {
        sequence[position] = 0
        position += 1
      }
      if position == items { break }
      sequence[position] += 1
    }
    #expect(resamples == 3_125)
    let runValues = correct.map { $0.reduce(0, +) / Double(items) }
    let variance = RunVariance(runValues: runValues, itemsOnly: itemsOnly)

    let grand = runValues.reduce(0, +) / Double(runs)
    let itemMeans = (0..<items).map { item in
      (0..<runs).reduce(0.0) { $0 + correct[$1][item] } / Double(runs)
    }
    var interactionSquares = 0.0
    for run in 0..<runs {
      for item in 0..<items {
        let residual = correct[run][item] - runValues[run] - itemMeans[item] + grand
        interactionSquares += residual * residual
      }
    }
    let enumerationFactor = Double(resamples) / Double(resamples - 1)
    let expectedInteraction =
      interactionSquares / (Double(runs * items * items) * Double(runs - 1)) * enumerationFactor
    #expect(abs(variance.interaction - expectedInteraction) < 1e-15)
    #expect(variance.interaction > 0)
    // The item part: the exact bootstrap variance of the mean over runs.
    let itemVariance =
      itemMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(items * items)
      * enumerationFactor
    #expect(abs(variance.itemVariance - itemVariance) < 1e-15)
    let meanSquare =
      runValues.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(runs - 1) / Double(runs)
    #expect(abs(variance.meanSquare - meanSquare) < 1e-15)
    #expect(abs(variance.seedVariance - max(0, meanSquare - expectedInteraction)) < 1e-15)
    #expect(abs(variance.variance - (variance.seedVariance + itemVariance)) < 1e-15)
  }

  @Test("one run: no seed part, and the variance is the items-only variance")
  func oneRunHasNoSeedPart() {
    let values = [0.5, 0.6, 0.7, 0.65]
    let variance = RunVariance(runValues: [0.6], itemsOnly: [values])
    #expect(variance.seedVariance == 0)
    #expect(variance.satterthwaiteTerm == 0)
    #expect(abs(variance.variance - RunVariance.variance(values)) < 1e-15)
    #expect(RunVariance.degreesOfFreedom(variance: 1, models: [variance]) == .infinity)
  }

  /// The corrected variance can fall below the runs' mean square *S*²/*R*
  /// (the interaction takes most of the spread), and Welch–Satterthwaite
  /// then gives fewer than one degree of freedom; docs/statistics.md takes
  /// them as at least 1.
  @Test("Welch–Satterthwaite degrees of freedom below 1 are taken as 1")
  func degreesOfFreedomAreAtLeastOne() {
    // Two runs, S²/R = 0.002, corrected variance 0.00155: V²/((S²/R)²/1) ≈ 0.6.
    let term = RunVariance.satterthwaiteTerm(meanSquare: 0.002, runCount: 2)
    #expect(0.00155 * 0.00155 / term < 1)
    #expect(RunVariance.degreesOfFreedom(variance: 0.00155, denominator: term) == 1)
    #expect(abs(RunVariance.degreesOfFreedom(variance: 0.004, denominator: term) - 4) < 1e-12)
  }

  /// Skewed resamples moved with finite degrees of freedom: the interval
  /// and p-value found by moving a few values and by binary search equal
  /// those of moving every resample.
  @Test(
    "moving only the needed resamples gives the interval and p-value of moving all",
    arguments: [(0.02, 4.3), (0.001, 2.0), (-0.015, 11.0), (0.0, 6.0), (0.01, Double.infinity)])
  func movedDistributionMatchesFullMove(estimate: Double, degreesOfFreedom: Double) {
    var generator = Xoshiro256StarStar(seed: 41)
    let values = (0..<1_999).map { index -> Double in
      if index % 97 == 0 { return .nan }
      let u = generator.nextUnitInterval()
      return estimate + 0.01 * (-log(1 - u) - 1)  // skewed
    }
    let distribution = TwoLevelDistribution(
      values: values, estimate: estimate, variance: 0.006 * 0.006,
      degreesOfFreedom: degreesOfFreedom)
    let moved = values.map { $0.isNaN ? .nan : distribution.corrected($0) }
    let full = BootstrapDistribution(values: moved, estimate: estimate)
    let interval = distribution.interval(confidence: 0.95)
    let reference = full.interval(method: .percentile, confidence: 0.95, acceleration: 0)
    #expect(interval.lower == reference.lower)
    #expect(interval.upper == reference.upper)
    #expect(interval.undefinedResamples == reference.undefinedResamples)
    #expect(distribution.pValue == equalTailedPValue(full))
    #expect(abs(interval.standardError - 0.006) < 1e-15)
  }

  /// The p-value inverts the percentile interval: on skewed resamples, where
  /// the shifted p-value of a single-run paired bootstrap disagrees with
  /// the interval, a 95% interval excludes 0 exactly when p ≤ 0.05.
  @Test(
    "the two-level p-value is at most 0.05 exactly when the 95% interval excludes 0",
    arguments: [2.0, 4.3, Double.infinity])
  func pValueAgreesWithInterval(degreesOfFreedom: Double) {
    var generator = Xoshiro256StarStar(seed: 17)
    let noise = (0..<9_999).map { _ in
      -log(1 - generator.nextUnitInterval()) - 1  // skewed, mean 0
    }
    var disagreementsOfShifted = 0
    for step in 0..<80 {
      let estimate = 0.0005 * Double(step)
      let values = noise.map { estimate + 0.01 * $0 }
      let distribution = TwoLevelDistribution(
        values: values, estimate: estimate, variance: 0.01 * 0.01,
        degreesOfFreedom: degreesOfFreedom)
      let interval = distribution.interval(confidence: 0.95)
      let excludesZero = interval.lower > 0 || interval.upper < 0
      // One resample either side of the 2.5% quantile is the interpolation's slack.
      let isBorderline = abs(distribution.pValue - 0.05) <= 2.0 / 10_000
      if !isBorderline {
        #expect(excludesZero == (distribution.pValue <= 0.05), "estimate \(estimate)")
      }
      let moved = BootstrapDistribution(
        values: values.map(distribution.corrected), estimate: estimate)
      if excludesZero != (PairedComparison.shiftedPValue(moved) <= 0.05) {
        disagreementsOfShifted += 1
      }
    }
    // The shifted p-value, which this replaced, disagrees somewhere here.
    #expect(disagreementsOfShifted > 0)
  }

  @Test("the two-level p-value is 1 at an estimate of 0 and mirrors for negative estimates")
  func pValueEdges() {
    var generator = Xoshiro256StarStar(seed: 3)
    let noise = (0..<999).map { _ in generator.nextUnitInterval() - 0.5 }
    let zero = TwoLevelDistribution(
      values: noise.map { 0.02 * $0 }, estimate: 0, variance: 1e-4, degreesOfFreedom: 5)
    #expect(zero.pValue == 1)
    let positive = TwoLevelDistribution(
      values: noise.map { 0.004 + 0.02 * $0 }, estimate: 0.004, variance: 1e-4,
      degreesOfFreedom: 5)
    let negative = TwoLevelDistribution(
      values: noise.map { -0.004 - 0.02 * $0 }, estimate: -0.004, variance: 1e-4,
      degreesOfFreedom: 5)
    #expect(positive.pValue == negative.pValue)
    #expect(positive.pValue > 0 && positive.pValue < 1)
  }

  @Test("with infinite degrees of freedom the move is a rescaling about the estimate")
  func infiniteDegreesRescale() {
    var generator = Xoshiro256StarStar(seed: 5)
    let values = (0..<999).map { _ in 0.03 + 0.02 * generator.nextUnitInterval() }
    let distribution = TwoLevelDistribution(
      values: values, estimate: 0.04, variance: 1e-4, degreesOfFreedom: .infinity)
    let original = BootstrapDistribution(values: values, estimate: 0.04)
    let factor = 0.01 / original.standardDeviation
    let interval = distribution.interval(confidence: 0.9)
    #expect(abs(interval.lower - (0.04 - factor * (0.04 - original.quantile(0.05)))) < 1e-15)
    #expect(abs(interval.upper - (0.04 + factor * (original.quantile(0.95) - 0.04))) < 1e-15)
  }

  /// Normal resamples moved with ν degrees of freedom: the interval's half
  /// width is √V times Student's quantile, not the normal one.
  @Test("normal resamples become t: the half width is √V · t(ν, 0.975)")
  func normalBecomesStudent() {
    var generator = Xoshiro256StarStar(seed: 6)
    let values = (0..<20_000).map { _ in
      let u = max(generator.nextUnitInterval(), 1e-300)
      let v = generator.nextUnitInterval()
      return 0.5 + 0.01 * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    let distribution = TwoLevelDistribution(
      values: values, estimate: 0.5, variance: 0.02 * 0.02, degreesOfFreedom: 4)
    let interval = distribution.interval(confidence: 0.95)
    let expected = 0.02 * StudentT.quantile(0.975, degreesOfFreedom: 4)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 4) - 2.776_445_105_197_8) < 1e-12)
    #expect(abs((interval.upper - interval.lower) / 2 - expected) < 0.03 * expected)
  }

  @Test("several runs: the seed and item parts add up to the difference interval's variance")
  func sharesAddUp() throws {
    var generator = Xoshiro256StarStar(seed: 12)
    let population = DesignPopulation(
      groups: 300, itemsPerGroup: 1, groupSpread: 0.1, groupEffect: 0.05, runSpread: 0.05)
    let sample = population.draw(runsPerModel: [4, 3], using: &generator)
    let counts = try ExperimentCounts(gold: sample.gold, runs: sample.runs, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .macroF1, scope: MetricScope(classCount: 2),
      options: BootstrapOptions(resamples: 999), seed: 3)
    let pair = comparison.pairs[0]
    let total =
      pair.seedStandardError * pair.seedStandardError
      + pair.itemStandardError * pair.itemStandardError
    #expect(abs(pair.difference.standardError * pair.difference.standardError - total) < 1e-15)
    let share = try #require(comparison.seedShare(of: pair))
    #expect(share > 0 && share < 1)
    #expect(pair.difference.method == .percentile)
    #expect(pair.difference.contains(pair.difference.estimate))
    // The p-value and the interval agree: 0 is outside the 95% interval
    // exactly when p ≤ 0.05.
    #expect(pair.difference.contains(0) == (pair.bootstrapPValue > 0.05))
  }
}

/// Twice the share of `distribution`'s values on the other side of 0 from
/// its estimate, counting the estimate once, at most 1: the equal-tailed
/// bootstrap p-value, worked out value by value.
private func equalTailedPValue(_ distribution: BootstrapDistribution) -> Double {
  let estimate = distribution.estimate
  guard estimate != 0 else { return 1 }
  let tail = distribution.sortedValues.filter { value in
    PairedComparison.isAtLeast(
      estimate > 0 ? estimate - value : value - estimate, abs(estimate))
  }.count
  return min(1, 2 * Double(tail + 1) / Double(distribution.sortedValues.count + 1))
}
