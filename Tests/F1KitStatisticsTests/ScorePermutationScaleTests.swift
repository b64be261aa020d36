import F1Kit
import Foundation
import Testing

@testable import F1KitStatistics

/// Two equally good binary models whose scores are on different scales.
///
/// Each item's gold label is positive for the first half; model A scores
/// σ(1 + εᴬ) for a positive and σ(εᴬ) for a negative, and model B scores
/// `scale(shift + εᴮ)` and `scale(εᴮ)`, where εᴬ, εᴮ are independent
/// standard normals. `scale` is strictly increasing, so with `shift` 1 B's
/// ROC-AUC has A's distribution (population value Φ(1/√2) = 0.760) and the
/// true difference is 0, but B's scores need not be on A's scale; with
/// `shift` 1.5 B is better (Φ(1.5/√2) = 0.856).
struct ScaledModelPair: Sendable {
  /// B's scores as a function of its latent value.
  enum Scale: String, CaseIterable, Sendable {
    /// Probabilities, as A's: σ(*x*).
    case probability
    /// Logits: *x* itself.
    case logit
    /// A sharpened probability: σ(*x*)⁴.
    case fourthPower
    /// A percentage: 100 σ(*x*).
    case percent

    /// B's score of a latent value.
    func score(_ x: Double) -> Double {
      let probability = 1 / (1 + exp(-x))
      switch self {
      case .probability: return probability
      case .logit: return x
      case .fourthPower: return pow(probability, 4)
      case .percent: return 100 * probability
      }
    }
  }

  let first: ScoredModel
  let second: ScoredModel

  /// Two given models.
  init(first: ScoredModel, second: ScoredModel) {
    self.first = first
    self.second = second
  }

  /// Draws `count` positives and `count` negatives.
  init(
    count: Int, scale: Scale, shift: Double = 1, using generator: inout Xoshiro256StarStar
  ) throws {
    func normal() -> Double {
      // Box–Muller.
      let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
      let v = Double.random(in: 0..<1, using: &generator)
      return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    var a: [Double] = []
    var b: [Double] = []
    var isPositive: [Bool] = []
    for item in 0..<(2 * count) {
      let positive = item < count
      a.append(1 / (1 + exp(-((positive ? 1 : 0) + normal()))))
      b.append(scale.score((positive ? shift : 0) + normal()))
      isPositive.append(item < count)
    }
    first = .binary(try BinaryScores(scores: a, isPositive: isPositive))
    second = .binary(try BinaryScores(scores: b, isPositive: isPositive))
  }

  /// The permutation p-value of B − A on ROC-AUC as ``ScoreComparison``
  /// gives it: ranks exchanged.
  func rankExchangePValue(resamples: Int, seed: UInt64) throws -> Double {
    let comparison = try ScoreComparison(
      models: [first, second], names: ["A", "B"],
      options: ScoreComparison.Options(
        metrics: [.rocAUC], tests: [.permutation],
        bootstrap: BootstrapOptions(resamples: resamples), seed: seed))
    return try #require(comparison.pairs[0].permutationPValue)
  }

  /// The permutation p-value of B − A on ROC-AUC with the raw scores
  /// exchanged, as F1Kit did before it exchanged ranks: the same swap bits
  /// as ``rankExchangePValue(resamples:seed:)`` draws, and the same
  /// (r + 1) / (R + 1).
  func scoreExchangePValue(resamples: Int, seed: UInt64) throws -> Double {
    let observed =
      try #require(second.value(of: .rocAUC)) - (try #require(first.value(of: .rocAUC)))
    let count = first.count
    let (first, second) = (first, second)
    let differences = ResampleBlocks(seed: seed, stream: 1, resamples: resamples).run(
      width: 1, report: { _ in }
    ) { range, generator, store in
      var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
      for resample in range {
        for word in bits.indices { bits[word] = generator.next() }
        let swaps = (0..<count).map { (bits[$0 >> 6] >> UInt64($0 & 63)) & 1 == 1 }
        guard let (x, y) = try? first.exchangingScores(with: second, where: swaps),
          let u = x.value(of: .rocAUC), let v = y.value(of: .rocAUC)
        else { continue }
        store.store(abs(v - u), index: 0, resample: resample)
      }
    }
    let defined = differences.filter { !$0.isNaN }
    let exceedances = defined.filter { PairedComparison.isAtLeast($0, abs(observed)) }.count
    return Double(exceedances + 1) / Double(defined.count + 1)
  }

  /// Both tests' rejection rates at `alpha` over `trials` pairs, with the
  /// mean absolute difference of their p-values.
  static func rejectionRates(
    scale: Scale, shift: Double = 1, count: Int, trials: Int, resamples: Int, alpha: Double,
    seed: UInt64
  ) throws -> (scores: Double, ranks: Double, meanPValueChange: Double) {
    var generator = Xoshiro256StarStar(seed: seed)
    var rejected = (scores: 0, ranks: 0)
    var change = 0.0
    for trial in 0..<trials {
      let pair = try ScaledModelPair(
        count: count, scale: scale, shift: shift, using: &generator)
      let scores = try pair.scoreExchangePValue(resamples: resamples, seed: UInt64(trial))
      let ranks = try pair.rankExchangePValue(resamples: resamples, seed: UInt64(trial))
      if scores <= alpha { rejected.scores += 1 }
      if ranks <= alpha { rejected.ranks += 1 }
      change += abs(ranks - scores)
    }
    let total = Double(trials)
    return (Double(rejected.scores) / total, Double(rejected.ranks) / total, change / total)
  }
}

/// The size of the ROC-AUC permutation test when one model's scores are a
/// monotone transform of an equally good model's on another scale, sized
/// for a debug test run: 400 pairs of 100 + 100 items, 99 permutations
/// each, so p ≤ 0.05 means at most 4 of 99 as extreme. The rejection
/// rate's Monte Carlo standard error is 1.1 points at 5%.
///
/// A release run of 1,000 pairs per setting with 999 permutations
/// (``ScorePermutationScaleReport``) has the figures of docs/scores.md.
@Suite("The score permutation test exchanges ranks, so scales do not matter")
struct ScorePermutationScaleTests {
  @Test("with B in percent, exchanging ranks rejects 2.5–8% at α = 0.05; raw scores under 1.5%")
  func percentScale() throws {
    let rates = try ScaledModelPair.rejectionRates(
      scale: .percent, count: 100, trials: 400, resamples: 99, alpha: 0.05, seed: 4_101)
    #expect(rates.ranks >= 0.025 && rates.ranks <= 0.08, "ranks \(rates.ranks)")
    #expect(rates.scores < 0.015, "raw scores \(rates.scores)")
  }

  @Test("with both models' probabilities on one scale, ranks and raw scores agree closely")
  func sameScale() throws {
    let rates = try ScaledModelPair.rejectionRates(
      scale: .probability, count: 100, trials: 400, resamples: 99, alpha: 0.05, seed: 4_102)
    #expect(rates.ranks >= 0.025 && rates.ranks <= 0.08, "ranks \(rates.ranks)")
    #expect(rates.scores >= 0.025 && rates.scores <= 0.08, "raw scores \(rates.scores)")
    #expect(rates.meanPValueChange < 0.05, "mean |Δp| \(rates.meanPValueChange)")
  }

  /// Each metric's permutation p-value in one comparison of a pair on
  /// `metrics`, with 199 permutations.
  private static func permutationPValues(
    _ pair: ScaledModelPair, metrics: [ScoreMetric]
  ) throws -> [ScoreMetric: Double?] {
    let comparison = try ScoreComparison(
      models: [pair.first, pair.second], names: ["A", "B"],
      options: ScoreComparison.Options(
        metrics: metrics, tests: [.permutation], bootstrap: BootstrapOptions(resamples: 199),
        seed: 7))
    return Dictionary(
      uniqueKeysWithValues: comparison.pairs.map { ($0.metric, $0.permutationPValue) })
  }

  @Test("in a mixed metric set each metric gets the p-value it gets alone, on its own exchange")
  func mixedMetrics() throws {
    var generator = Xoshiro256StarStar(seed: 4_104)
    // Both on the probability scale, so log loss and the Brier score are defined.
    let pair = try ScaledModelPair(count: 60, scale: .fourthPower, using: &generator)
    let metrics: [ScoreMetric] = [.rocAUC, .logLoss, .averagePrecision, .brierScore]
    let together = try Self.permutationPValues(pair, metrics: metrics)
    for metric in metrics {
      let alone = try Self.permutationPValues(pair, metrics: [metric])
      #expect(together[metric] == alone[metric], "\(metric)")
      #expect((together[metric] ?? nil) != nil, "\(metric)")
    }
  }

  @Test("models without per-item terms, exchanged and sorted again, give the same p-values")
  func sortingAgain() throws {
    var generator = Xoshiro256StarStar(seed: 4_105)
    let pair = try ScaledModelPair(count: 60, scale: .fourthPower, using: &generator)
    func withoutTerms(_ model: ScoredModel) throws -> ScoredModel {
      guard case .binary(let scores) = model else { return model }
      return .binary(
        try BinaryScores(
          scores: scores.scores, isPositive: scores.isPositive, keepsItemTerms: false))
    }
    let bare = ScaledModelPair(
      first: try withoutTerms(pair.first), second: try withoutTerms(pair.second))
    let metrics: [ScoreMetric] = [.rocAUC, .logLoss, .averagePrecision, .brierScore]
    #expect(
      try Self.permutationPValues(bare, metrics: metrics)
        == Self.permutationPValues(pair, metrics: metrics))
  }

  @Test("a rank exchange leaves the ROC-AUC of unexchanged models as it was")
  func identityExchange() throws {
    var generator = Xoshiro256StarStar(seed: 4_103)
    for scale in ScaledModelPair.Scale.allCases {
      let pair = try ScaledModelPair(count: 40, scale: scale, using: &generator)
      let ranked = pair.second.ranked()
      #expect(ranked.value(of: .rocAUC) == pair.second.value(of: .rocAUC))
      #expect(ranked.value(of: .averagePrecision) == pair.second.value(of: .averagePrecision))
    }
  }
}

/// The release-build figures of the scale simulation in docs/scores.md. Too
/// slow for a debug test run, so they run only when
/// F1KIT_STATISTICS_REPORT is set:
///
///     F1KIT_STATISTICS_REPORT=1 swift test -c release -Xswiftc -enable-testing \
///       --filter ScorePermutationScaleReport
///
/// and print a Markdown table: 1,000 pairs of 100 + 100 items per row and
/// column (F1KIT_SCALE_TRIALS sets another number), 999 permutations each.
@Suite(
  "Score permutation scale report",
  .enabled(if: ProcessInfo.processInfo.environment["F1KIT_STATISTICS_REPORT"] != nil))
struct ScorePermutationScaleReport {
  static let trials = Int(ProcessInfo.processInfo.environment["F1KIT_SCALE_TRIALS"] ?? "") ?? 1_000
  static let resamples = 999

  @Test("size and power of the ROC-AUC permutation test by B's scale, raw scores against ranks")
  func sizeTable() throws {
    var lines = [
      "| B's scores | size, raw scores | size, ranks | mean abs(Δp) | power, raw scores | power, ranks |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    func percent(_ rate: Double) -> String { String(format: "%.1f%%", 100 * rate) }
    for (offset, scale) in ScaledModelPair.Scale.allCases.enumerated() {
      let size = try ScaledModelPair.rejectionRates(
        scale: scale, count: 100, trials: Self.trials, resamples: Self.resamples, alpha: 0.05,
        seed: 4_200 + UInt64(offset))
      let power = try ScaledModelPair.rejectionRates(
        scale: scale, shift: 1.5, count: 100, trials: Self.trials, resamples: Self.resamples,
        alpha: 0.05, seed: 4_300 + UInt64(offset))
      lines.append(
        "| \(scale.rawValue) | \(percent(size.scores)) | \(percent(size.ranks)) | "
          + "\(String(format: "%.3f", size.meanPValueChange)) | \(percent(power.scores)) | "
          + "\(percent(power.ranks)) |")
    }
    print(lines.joined(separator: "\n"))
  }
}
