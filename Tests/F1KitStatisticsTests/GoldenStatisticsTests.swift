import F1Kit
import Testing
import _TestSupport

@testable import F1KitStatistics

/// Agreement with SciPy and statsmodels on fixtures/goldens/statistics.json.
@Suite("Goldens from SciPy and statsmodels")
struct GoldenStatisticsTests {
  @Test(
    "xoshiro256** matches a transcription of the reference C code",
    arguments: StatisticsGoldens.shared.generator)
  func generatorOutputs(_ golden: StatisticsGoldens.GeneratorCase) {
    var generator = Xoshiro256StarStar(seed: UInt64(golden.seed)!)
    let outputs = golden.outputs.map { _ in String(generator.next()) }
    #expect(outputs == golden.outputs)
  }

  @Test(
    "interval arithmetic reproduces scipy.stats.bootstrap from the same bootstrap distribution",
    arguments: StatisticsGoldens.shared.bootstrap)
  func intervalFromScipyDistribution(_ golden: StatisticsGoldens.BootstrapCase) throws {
    let scope = MetricScope(classCount: golden.classCount)
    let method: IntervalMethod = golden.method == .bca ? .bca : .percentile
    let distribution = BootstrapDistribution(
      values: golden.small.distribution, estimate: golden.estimate)
    let acceleration = Bootstrap().jackknifeAccelerations(
      for: [golden.metric], counts: golden.counts, scope: scope)[0]
    let interval = distribution.interval(
      method: method, confidence: golden.small.confidence, acceleration: acceleration)
    #expect(agrees(interval.lower, golden.small.lower, tolerance: 1e-12))
    #expect(agrees(interval.upper, golden.small.upper, tolerance: 1e-12))
    #expect(interval.method == method)
  }

  /// F1Kit draws 20,000 resamples and SciPy drew 100,000. An endpoint's
  /// Monte Carlo standard error is about 2.7 σ/√B for a 95% interval of a
  /// near-normal distribution with bootstrap standard error σ (0.019 σ for
  /// F1Kit, 0.009 σ for SciPy; BCa's estimated bias correction adds about
  /// 0.009 σ), so 0.1 σ is over four combined standard errors. Accuracy's
  /// bootstrap distribution is discrete with steps of 1/N, and a percentile
  /// near a step can land on either side of it, so accuracy may also differ
  /// by one step. The multinomial strategy is forced because item
  /// resampling is slow in debug builds; the two give the same distribution
  /// (ResamplingEquivalenceTests).
  @Test(
    "intervals agree with scipy.stats.bootstrap within Monte Carlo error",
    arguments: StatisticsGoldens.shared.bootstrap)
  func intervalWithinMonteCarloError(_ golden: StatisticsGoldens.BootstrapCase) throws {
    let scope = MetricScope(classCount: golden.classCount)
    let options = BootstrapOptions(
      resamples: 20_000, confidence: golden.confidence,
      method: golden.method == .bca ? .bca : .percentile, strategy: .cells)
    var generator = Xoshiro256StarStar(seed: 1)
    let interval = try #require(
      try Bootstrap(options: options).intervals(
        for: [golden.metric], counts: golden.counts, scope: scope, using: &generator)[golden.metric]
    )
    let step = golden.metric == .accuracy ? 1 / Double(golden.gold.count) : 0
    let tolerance = 0.1 * golden.standardError + step
    #expect(agrees(interval.estimate, golden.estimate, tolerance: 1e-12))
    #expect(agrees(interval.lower, golden.lower, tolerance: tolerance))
    #expect(agrees(interval.upper, golden.upper, tolerance: tolerance))
    #expect(abs(interval.standardError / golden.standardError - 1) < 0.03)
  }

  @Test(
    "McNemar p-values equal statsmodels' and SciPy's", arguments: StatisticsGoldens.shared.mcnemar)
  func mcnemar(_ golden: StatisticsGoldens.McNemarCase) {
    func pValue(_ method: McNemarTest.Method) -> Double {
      McNemarTest(firstOnlyCorrect: golden.b, secondOnlyCorrect: golden.c, method: method).pValue
    }
    #expect(agrees(pValue(.exact), golden.exact, tolerance: 1e-12))
    #expect(agrees(pValue(.midP), golden.midP, tolerance: 1e-12))
    #expect(agrees(pValue(.chiSquare), golden.chiSquare, tolerance: 1e-12))
    #expect(agrees(pValue(.chiSquareUncorrected), golden.chiSquareUncorrected, tolerance: 1e-12))
    let statistic = McNemarTest(
      firstOnlyCorrect: golden.b, secondOnlyCorrect: golden.c, method: .chiSquare
    ).statistic
    #expect(agrees(statistic, golden.chiSquareStatistic, tolerance: 1e-12))
  }

  /// SciPy's p-value is exact where it enumerated all 2ⁿ swaps and has
  /// Monte Carlo error otherwise; F1Kit's has Monte Carlo error from its
  /// 9,999 resamples. The tolerance is five combined standard errors
  /// √(p(1 − p)(1/R₁ + 1/R₂)), plus 1/(R + 1) for the +1 correction.
  @Test(
    "permutation p-values agree with scipy.stats.permutation_test within Monte Carlo error",
    arguments: StatisticsGoldens.shared.permutation)
  func permutation(_ golden: StatisticsGoldens.PermutationCase) throws {
    let pairs = try PairedPredictions(
      gold: golden.gold, first: golden.first, second: golden.second,
      classCount: golden.classCount)
    let comparison = try PairedComparison(
      predictions: pairs, scope: MetricScope(classCount: golden.classCount))
    let resamples = 9_999
    let test = try #require(
      try comparison.permutationTest(for: [golden.metric], resamples: resamples, seed: 3)[
        golden.metric])
    let p = golden.pValue
    let scipyVariance = golden.isExact ? 0 : p * (1 - p) / Double(golden.resamples)
    let tolerance =
      5 * (p * (1 - p) / Double(resamples) + scipyVariance).squareRoot()
      + 1 / Double(resamples + 1)
    #expect(agrees(test.difference, golden.difference, tolerance: 1e-12))
    #expect(agrees(test.pValue, p, tolerance: tolerance))
  }

  @Test(
    "Holm and Benjamini–Hochberg equal statsmodels' multipletests, in input order",
    arguments: StatisticsGoldens.shared.multipletests)
  func multipleTests(_ golden: StatisticsGoldens.MultipleTestsCase) throws {
    let holm = try PValueAdjustment.holm.adjusted(golden.pValues)
    let benjaminiHochberg = try PValueAdjustment.benjaminiHochberg.adjusted(golden.pValues)
    for index in golden.pValues.indices {
      #expect(agrees(holm[index], golden.holm[index], tolerance: 1e-12))
      #expect(agrees(benjaminiHochberg[index], golden.benjaminiHochberg[index], tolerance: 1e-12))
    }
  }

  @Test(
    "Wilson intervals equal statsmodels' proportion_confint",
    arguments: StatisticsGoldens.shared.wilson)
  func wilson(_ golden: StatisticsGoldens.WilsonCase) throws {
    let interval = try AnalyticInterval.wilson(
      successes: golden.successes, trials: golden.trials, confidence: golden.confidence)
    #expect(agrees(interval.lower, golden.lower, tolerance: 1e-12))
    #expect(agrees(interval.upper, golden.upper, tolerance: 1e-12))
  }
}
