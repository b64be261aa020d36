import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// Coverage of the score-metric intervals by simulation, with fixed seeds,
/// sized for a debug test run.
///
/// The population is binormal: as many positives as negatives, positive
/// scores N(1, 1) and negative scores N(0, 1). Its ROC-AUC is
/// Φ(1/√2) = 0.760250 and its average precision, the integral of
/// precision over recall, is computed below by quadrature.
@Suite("Coverage of score-metric intervals by simulation")
struct ScoreIntervalCoverageTests {
  /// The population ROC-AUC, Φ(1/√2).
  static let rocAUC = 0.5 * erfc(-0.5)
  /// The population average precision: ∫ φ(t − 1) · R(t) / (R(t) + F(t)) dt
  /// with R(t) = 1 − Φ(t − 1) and F(t) = 1 − Φ(t), by the trapezoid rule.
  static let averagePrecision: Double = {
    func survival(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }
    func density(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
    let step = 1e-4
    var total = 0.0
    var t = -9.0
    while t <= 11 {
      let recall = survival(t - 1)
      let falseRate = survival(t)
      let value = recall + falseRate > 0 ? density(t - 1) * recall / (recall + falseRate) : 0
      total += value * step
      t += step
    }
    return total
  }()

  /// One sample of `count` positives and `count` negatives.
  static func sample(count: Int, using generator: inout Xoshiro256StarStar) throws -> ScoredModel {
    var scores: [Double] = []
    var isPositive: [Bool] = []
    for item in 0..<(2 * count) {
      // Box–Muller.
      let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
      let v = Double.random(in: 0..<1, using: &generator)
      let normal = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
      let positive = item < count
      scores.append(normal + (positive ? 1 : 0))
      isPositive.append(positive)
    }
    return .binary(try BinaryScores(scores: scores, isPositive: isPositive))
  }

  @Test("the population values are right: AUC Φ(1/√2), AP by quadrature near a large sample's")
  func populationValues() throws {
    #expect(abs(Self.rocAUC - 0.760249938) < 1e-8)
    var generator = Xoshiro256StarStar(seed: 7)
    let large = try Self.sample(count: 200_000, using: &generator)
    #expect(abs(large.value(of: .rocAUC)! - Self.rocAUC) < 0.003)
    #expect(abs(large.value(of: .averagePrecision)! - Self.averagePrecision) < 0.003)
  }

  /// 1,000 samples of 100 + 100 items. The coverage's Monte Carlo standard
  /// error is 0.69 points; the band is about ±2.5 standard errors.
  @Test("DeLong's 95% interval for ROC-AUC covers the population value 93.3–96.7% of the time")
  func deLongCoverage() throws {
    var generator = Xoshiro256StarStar(seed: 10_001)
    var covered = 0
    let trials = 1_000
    for _ in 0..<trials {
      let model = try Self.sample(count: 100, using: &generator)
      guard case .binary(let scores) = model else { continue }
      let interval = try #require(DeLongTest.interval(for: scores, confidence: 0.95))
      if interval.lower <= Self.rocAUC && Self.rocAUC <= interval.upper { covered += 1 }
    }
    let coverage = Double(covered) / Double(trials)
    #expect(coverage >= 0.933 && coverage <= 0.967, "coverage \(coverage)")
  }

  /// 200 samples of 100 + 100 items, 499 resamples per BCa interval. The
  /// coverage's Monte Carlo standard error is 1.5 points; the band allows
  /// about ±3 standard errors around 95%.
  @Test("the 95% BCa bootstrap intervals for ROC-AUC and AP cover the population values 90.5–99%")
  func bootstrapCoverage() throws {
    var generator = Xoshiro256StarStar(seed: 10_002)
    var covered: [ScoreMetric: Int] = [:]
    let trials = 200
    for trial in 0..<trials {
      let model = try Self.sample(count: 100, using: &generator)
      let comparison = try ScoreComparison(
        models: [model], names: ["model"],
        options: ScoreComparison.Options(
          metrics: [.rocAUC, .averagePrecision], tests: [],
          bootstrap: BootstrapOptions(resamples: 499), seed: UInt64(trial)))
      for (metric, truth) in [
        (ScoreMetric.rocAUC, Self.rocAUC), (.averagePrecision, Self.averagePrecision),
      ] {
        let interval = try #require(comparison.models[0].intervals[metric])
        if interval.lower <= truth && truth <= interval.upper { covered[metric, default: 0] += 1 }
      }
    }
    for metric in [ScoreMetric.rocAUC, .averagePrecision] {
      let coverage = Double(covered[metric, default: 0]) / Double(trials)
      #expect(coverage >= 0.905 && coverage <= 0.99, "\(metric) coverage \(coverage)")
    }
  }
}
