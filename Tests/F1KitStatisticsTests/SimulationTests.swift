import F1Kit
import Testing

@testable import F1KitStatistics

/// Coverage and size checks by simulation, sized for a debug test run.
///
/// Release-built runs of 20,000 simulations put the BCa coverage of this
/// setting at 95.0% and the tests' sizes at 5.0% (permutation) and 5.2%
/// (paired bootstrap); the bands below are more than two Monte Carlo
/// standard errors wide on each side of those values. docs/statistics.md
/// has the larger tables.
@Suite("Coverage and size by simulation")
struct SimulationTests {
  static let goldShares = [0.5, 0.3, 0.2]
  static let scope = MetricScope(classCount: 3)

  /// 2,000 test sets of N = 300 from a 3-class population; 999 resamples
  /// per interval (fewer than the default 9,999, to keep the run short).
  /// The coverage's Monte Carlo standard error is 0.49 points.
  @Test("the 95% BCa interval for macro-F1 covers the population value 94–96.5% of the time")
  func bcaCoverage() {
    let simulation = CoverageSimulation(
      population: Population.classifier(goldShares: Self.goldShares, accuracy: 0.75),
      scope: Self.scope, metric: .macroF1, items: 300, resamples: 999)
    let coverage = simulation.coverage(trials: 2_000, methods: [.bca], seed: 2_024)[.bca] ?? 0
    #expect(coverage >= 0.94 && coverage <= 0.965, "coverage \(coverage)")
  }

  /// 4,000 test sets of N = 300 with two exchangeable models (equal
  /// accuracy, half their predictions shared); 99 resamples per test, so
  /// p ≤ 0.05 means at most 4 of 99 resamples as extreme. The rejection
  /// rate's Monte Carlo standard error is 0.34 points.
  @Test("permutation and paired bootstrap tests reject 4–6% of exchangeable pairs at α = 0.05")
  func typeOneError() {
    let simulation = SizeSimulation(
      population: Population.exchangeablePair(
        goldShares: Self.goldShares, accuracy: 0.75, agreement: 0.5),
      scope: Self.scope, metric: .macroF1, items: 300, resamples: 99)
    let rates = simulation.rejectionRates(trials: 4_000, alpha: 0.05, seed: 2_025)
    #expect(
      rates.permutation >= 0.04 && rates.permutation <= 0.06, "permutation \(rates.permutation)")
    #expect(rates.bootstrap >= 0.04 && rates.bootstrap <= 0.06, "bootstrap \(rates.bootstrap)")
    #expect(rates.mcnemar >= 0.035 && rates.mcnemar <= 0.065, "McNemar \(rates.mcnemar)")
  }
}
