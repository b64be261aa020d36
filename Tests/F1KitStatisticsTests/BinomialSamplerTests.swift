import Foundation
import Testing

@testable import F1KitStatistics

/// One (n, p) setting of the binomial sampler.
struct BinomialSetting: Sendable, CustomTestStringConvertible {
  let trials: Int
  let probability: Double
  var testDescription: String { "n = \(trials), p = \(probability)" }
  var usesBTPE: Bool {
    Double(trials) * min(probability, 1 - probability) > BinomialSampler.inversionLimit
  }
}

@Suite("Binomial sampler")
struct BinomialSamplerTests {
  static let settings = [
    BinomialSetting(trials: 10, probability: 0.3),  // inversion
    BinomialSetting(trials: 70, probability: 0.9),  // inversion of 1 − p
    BinomialSetting(trials: 59, probability: 0.5),  // inversion at the limit
    BinomialSetting(trials: 61, probability: 0.5),  // BTPE just past it
    BinomialSetting(trials: 1_000, probability: 0.1),  // BTPE
    BinomialSetting(trials: 200_000, probability: 0.37),  // BTPE, squeeze steps
    BinomialSetting(trials: 5_000, probability: 0.98),  // BTPE of 1 − p
  ]
  static let draws = 40_000

  /// The exact pmf by the same recurrence-free formula the tests trust:
  /// exp of a log-gamma sum, computed independently of the sampler.
  static func exactProbability(_ k: Int, _ setting: BinomialSetting) -> Double {
    let n = Double(setting.trials)
    let x = Double(k)
    let logCoefficient: Double = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1)
    let logPowers: Double = x * log(setting.probability) + (n - x) * log1p(-setting.probability)
    return exp(logCoefficient + logPowers)
  }

  @Test("covers both regimes")
  func regimes() {
    #expect(Self.settings.contains { $0.usesBTPE })
    #expect(Self.settings.contains { !$0.usesBTPE })
  }

  @Test("draws have the binomial mean and variance", arguments: settings)
  func meanAndVariance(_ setting: BinomialSetting) {
    var generator = Xoshiro256StarStar(seed: 11)
    Self.expectMoments(setting) {
      BinomialSampler.sample(
        trials: setting.trials, probability: setting.probability, using: &generator)
    }
  }

  /// Five standard errors around the mean and the variance.
  static func expectMoments(_ setting: BinomialSetting, draw: () -> Int) {
    var sum = 0.0
    var sumOfSquares = 0.0
    for _ in 0..<Self.draws {
      let x = Double(draw())
      sum += x
      sumOfSquares += x * x
    }
    let count = Double(Self.draws)
    let mean = sum / count
    let variance = (sumOfSquares - sum * sum / count) / (count - 1)
    let expectedMean = Double(setting.trials) * setting.probability
    let expectedVariance = expectedMean * (1 - setting.probability)
    // Five standard errors; the variance's uses the near-normal 2σ⁴/(n − 1).
    #expect(abs(mean - expectedMean) < 5 * (expectedVariance / count).squareRoot())
    #expect(
      abs(variance - expectedVariance) < 5 * expectedVariance * (2 / (count - 1)).squareRoot())
  }

  /// Pearson's chi-square over bins with expected counts of at least 5
  /// (the tails pooled), against the 0.1% critical value by the
  /// Wilson–Hilferty approximation: a correct sampler fails 1 time in 1,000.
  @Test("draws fit the exact pmf by a chi-square test", arguments: settings)
  func goodnessOfFit(_ setting: BinomialSetting) {
    var generator = Xoshiro256StarStar(seed: 12)
    Self.expectFit(setting) {
      BinomialSampler.sample(
        trials: setting.trials, probability: setting.probability, using: &generator)
    }
  }

  /// Settings on both sides of BTRS's limit, into its density check (small
  /// spread, where the squeeze is loose) and far out in n.
  static let transformedRejectionSettings = [
    BinomialSetting(trials: 19, probability: 0.5),  // inversion below the limit
    BinomialSetting(trials: 20, probability: 0.5),  // BTRS at the limit
    BinomialSetting(trials: 25, probability: 0.4),  // BTRS, mean 10
    BinomialSetting(trials: 40, probability: 0.75),  // BTRS of 1 − p
    BinomialSetting(trials: 1_000, probability: 0.1),
    BinomialSetting(trials: 200_000, probability: 0.37),
    BinomialSetting(trials: 1_000_000, probability: 0.000_05),  // mean 50
    BinomialSetting(trials: 3_000_000, probability: 0.999),
  ]

  @Test(
    "BTRS draws fit the exact pmf by a chi-square test",
    arguments: transformedRejectionSettings)
  func transformedRejectionFit(_ setting: BinomialSetting) {
    var generator = Xoshiro256StarStar(seed: 14)
    Self.expectFit(setting) {
      BinomialSampler.sampleByTransformedRejection(
        trials: setting.trials, probability: setting.probability, using: &generator)
    }
  }

  @Test(
    "BTRS draws have the binomial mean and variance", arguments: transformedRejectionSettings)
  func transformedRejectionMoments(_ setting: BinomialSetting) {
    var generator = Xoshiro256StarStar(seed: 15)
    Self.expectMoments(setting) {
      BinomialSampler.sampleByTransformedRejection(
        trials: setting.trials, probability: setting.probability, using: &generator)
    }
  }

  @Test("BTRS handles the edges p = 0, p = 1 and n = 0")
  func transformedRejectionEdges() {
    var generator = Xoshiro256StarStar(seed: 1)
    #expect(
      BinomialSampler.sampleByTransformedRejection(trials: 10, probability: 0, using: &generator)
        == 0)
    #expect(
      BinomialSampler.sampleByTransformedRejection(trials: 10, probability: 1, using: &generator)
        == 10)
    #expect(
      BinomialSampler.sampleByTransformedRejection(trials: 0, probability: 0.5, using: &generator)
        == 0)
  }

  @Test(
    "counting random bits draws Binomial(n, ½) exactly",
    arguments: [1, 5, 37, 64, 65, 200, 256, 257, 4_000].map {
      BinomialSetting(trials: $0, probability: 0.5)
    })
  func fairCoins(_ setting: BinomialSetting) {
    var generator = Xoshiro256StarStar(seed: 13)
    Self.expectFit(setting) {
      BinomialSampler.sampleHalf(trials: setting.trials, using: &generator)
    }
  }

  static func expectFit(_ setting: BinomialSetting, draw: () -> Int) {
    var observed: [Int: Int] = [:]
    for _ in 0..<draws { observed[draw(), default: 0] += 1 }
    let count = Double(draws)
    // Bins: walk k upwards, closing a bin once its expected count reaches 5.
    var statistic = 0.0
    var bins = 0
    var binExpected = 0.0
    var binObserved = 0
    var cumulative = 0.0
    for k in 0...setting.trials {
      let probability = exactProbability(k, setting)
      cumulative += probability
      binExpected += probability * count
      binObserved += observed[k] ?? 0
      let remaining = (1 - cumulative) * count
      if binExpected >= 5 && remaining >= 5 || k == setting.trials {
        statistic += pow(Double(binObserved) - binExpected, 2) / binExpected
        bins += 1
        binExpected = 0
        binObserved = 0
      }
      if remaining < 1e-9 && k > Int(Double(setting.trials) * setting.probability) {
        // The rest of the mass is negligible and must not have been drawn.
        #expect(observed.filter { $0.key > k }.isEmpty)
        break
      }
    }
    #expect(observed.keys.allSatisfy { (0...setting.trials).contains($0) })
    guard bins > 1 else { return }
    let freedom = Double(bins - 1)
    let z = 3.090_232  // the 0.999 normal quantile
    let critical = freedom * pow(1 - 2 / (9 * freedom) + z * (2 / (9 * freedom)).squareRoot(), 3)
    #expect(statistic < critical, "chi-square \(statistic) on \(freedom) degrees of freedom")
  }

  @Test("handles the edges p = 0, p = 1 and n = 0")
  func edges() {
    var generator = Xoshiro256StarStar(seed: 1)
    #expect(BinomialSampler.sample(trials: 10, probability: 0, using: &generator) == 0)
    #expect(BinomialSampler.sample(trials: 10, probability: 1, using: &generator) == 10)
    #expect(BinomialSampler.sample(trials: 0, probability: 0.5, using: &generator) == 0)
  }
}
