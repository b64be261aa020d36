import F1Kit
import Testing
import _TestSupport

@testable import F1KitStatistics

@Suite("Degenerate cases")
struct DegenerateCaseTests {
  static func interval(
    _ metric: Metric, counts: [Int], classCount: Int, method: IntervalMethod = .bca,
    resamples: Int = 999
  ) throws -> ConfidenceInterval {
    var generator = Xoshiro256StarStar(seed: 4)
    let options = BootstrapOptions(resamples: resamples, method: method)
    return try #require(
      try Bootstrap(options: options).intervals(
        for: [metric], counts: counts, scope: MetricScope(classCount: classCount),
        using: &generator)[metric])
  }

  @Test(
    "one item gives a zero-width interval at the estimate",
    arguments: IntervalMethod.bootstrapMethods)
  func singleItem(_ method: IntervalMethod) throws {
    let interval = try Self.interval(
      .accuracy, counts: [1, 0, 0, 0], classCount: 2, method: method)
    #expect(interval.estimate == 1)
    #expect(interval.lower == 1 && interval.upper == 1)
    #expect(interval.standardError == 0)
    #expect(interval.method == method)
  }

  @Test("a metric undefined in every resample gives NaN ends and counts every resample")
  func undefinedEverywhere() throws {
    // One item: Cohen's kappa has no chance disagreement, so it is undefined.
    let interval = try Self.interval(.cohenKappa, counts: [1, 0, 0, 0], classCount: 2)
    #expect(interval.estimate.isNaN && interval.lower.isNaN && interval.upper.isNaN)
    #expect(interval.undefinedResamples == 999)
  }

  @Test("a constant bootstrap distribution gives a zero-width BCa interval, not NaN")
  func constantDistribution() throws {
    // Every item right: every resample has accuracy and macro-F1 of 1.
    for metric in [Metric.accuracy, .macroF1] {
      let interval = try Self.interval(metric, counts: [30, 0, 0, 20], classCount: 2)
      #expect(interval.lower == 1 && interval.upper == 1)
      #expect(interval.method == .bca)
    }
  }

  /// With 3 items of class 0 and 1 of class 1, all correct, a resample of
  /// only one class has no chance disagreement, so kappa is undefined with
  /// probability (3/4)⁴ + (1/4)⁴ ≈ 0.320.
  @Test("resamples where the metric is undefined are left out and counted")
  func undefinedSometimes() throws {
    let interval = try Self.interval(
      .cohenKappa, counts: [3, 0, 0, 1], classCount: 2, resamples: 9_999)
    let expected = 9_999 * (81.0 + 1) / 256
    let standardError = (9_999 * 0.32 * 0.68).squareRoot()
    #expect(abs(Double(interval.undefinedResamples) - expected) < 5 * standardError)
    #expect(interval.lower.isFinite && interval.upper.isFinite)
    #expect(interval.estimate == 1)
  }

  @Test("BCa falls back to the percentile interval when every resample is on one side")
  func infiniteBiasCorrection() {
    let distribution = BootstrapDistribution(values: (1...99).map(Double.init), estimate: 0)
    let interval = distribution.interval(method: .bca, confidence: 0.9, acceleration: 0)
    #expect(interval.method == .percentile)
    #expect(agrees(interval.lower, distribution.quantile(0.05)))
    #expect(agrees(interval.upper, distribution.quantile(0.95)))
  }

  @Test("the jackknife acceleration is 0, not 0/0, when every leave-one-out value is equal")
  func zeroAcceleration() {
    #expect(BootstrapDistribution.acceleration(values: [0.5, 0.5, 0.5], weights: [3, 1, 2]) == 0)
    #expect(BootstrapDistribution.acceleration(values: [.nan], weights: [1]) == 0)
    // A value equal to the others up to rounding counts as equal.
    #expect(
      BootstrapDistribution.acceleration(values: [0.7, 0.7.nextUp, 0.7], weights: [5, 1, 5]) == 0)
  }

  @Test("the acceleration matches its definition on a skewed jackknife")
  func accelerationDefinition() {
    // Items: 0, 0, 0, 1 → mean 0.25, deviations 0.25 (×3) and −0.75.
    let acceleration = BootstrapDistribution.acceleration(values: [0, 1], weights: [3, 1])
    let squares = 3 * 0.0625 + 0.5625
    let cubes = 3 * 0.015625 - 0.421875
    #expect(agrees(acceleration, cubes / (6 * (squares * squares * squares).squareRoot())))
  }

  @Test("quantiles interpolate linearly between order statistics, as NumPy's default")
  func quantiles() {
    let distribution = BootstrapDistribution(values: [1, 2, 3, 4, 5, 10, .nan], estimate: 3)
    #expect(distribution.undefinedCount == 1)
    #expect(agrees(distribution.quantile(0.025), 1.125))
    #expect(agrees(distribution.quantile(0.975), 9.375))
    #expect(distribution.quantile(0) == 1 && distribution.quantile(1) == 10)
    // Below 3: 2 values, at most 3: 3 values → (2 + 3) / (2 × 6).
    #expect(agrees(distribution.shareBelowEstimate, 5.0 / 12))
  }
}
