import F1Kit
import F1KitStatistics
import Foundation
import Testing
import _TestSupport

/// One DeLong case of fixtures/goldens/score-metrics.json: the fast
/// algorithm of Sun and Xu in numpy (tools/make_score_goldens.py).
struct DeLongGolden: Decodable, Sendable, CustomTestStringConvertible {
  struct Expected: Decodable, Sendable {
    let aucFirst: Double
    let aucSecond: Double
    let varianceFirst: Double
    let varianceSecond: Double
    let statistic: Double?
    let pValue: Double?
    enum CodingKeys: String, CodingKey {
      case statistic
      case aucFirst = "auc_first"
      case aucSecond = "auc_second"
      case varianceFirst = "variance_first"
      case varianceSecond = "variance_second"
      case pValue = "p_value"
    }
  }
  let name: String
  let gold: [Bool]
  let first: [Double]
  let second: [Double]
  let expected: Expected
  var testDescription: String { name }
}

private struct DeLongFile: Decodable {
  let delong: [DeLongGolden]
}

private let delongGoldens =
  (try? Fixtures.decode(DeLongFile.self, from: "goldens/score-metrics.json").delong) ?? []

/// Binary scores with a signal: positives score higher on average.
private func simulatedScores(
  count: Int, shift: Double, seed: UInt64, noise: [Double]? = nil
) -> (scores: [Double], isPositive: [Bool]) {
  var generator = Xoshiro256StarStar(seed: seed)
  var scores: [Double] = []
  var isPositive: [Bool] = []
  for item in 0..<count {
    let positive = Double.random(in: 0..<1, using: &generator) < 0.4
    let uniform = Double.random(in: 0..<1, using: &generator)
    let base = noise?[item] ?? uniform
    isPositive.append(positive)
    scores.append(((base + (positive ? shift : 0)) / (1 + shift) * 100).rounded() / 100)
  }
  return (scores, isPositive)
}

@Suite("Score metrics in the comparison engine")
struct ScoreComparisonTests {
  @Test(
    "DeLong's AUCs, variances and paired test equal the numpy reference", arguments: delongGoldens)
  func delong(golden: DeLongGolden) throws {
    let first = try BinaryScores(scores: golden.first, isPositive: golden.gold)
    let second = try BinaryScores(scores: golden.second, isPositive: golden.gold)
    let test = try #require(DeLongTest(first: first, second: second))
    #expect(abs(test.firstAUC - golden.expected.aucFirst) <= 1e-12)
    #expect(abs(test.secondAUC - golden.expected.aucSecond) <= 1e-12)
    let interval = try #require(DeLongTest.interval(for: first))
    #expect(abs(interval.standardError - golden.expected.varianceFirst.squareRoot()) <= 1e-12)
    let secondInterval = try #require(DeLongTest.interval(for: second))
    #expect(
      abs(secondInterval.standardError - golden.expected.varianceSecond.squareRoot()) <= 1e-12)
    if let statistic = golden.expected.statistic, let pValue = golden.expected.pValue {
      #expect(abs(test.statistic - statistic) <= 1e-9 * max(1, abs(statistic)))
      #expect(abs(test.pValue - pValue) <= 1e-10)
    } else {
      #expect(test.statistic.isNaN && test.pValue.isNaN)
    }
  }

  @Test(
    "a resample's weights give the metric of the data with items repeated, without sorting again")
  func weightsEqualRepeatedItems() throws {
    let data = simulatedScores(count: 300, shift: 0.4, seed: 7)
    let scores = try BinaryScores(scores: data.scores, isPositive: data.isPositive)
    var generator = Xoshiro256StarStar(seed: 11)
    var weights = [Double](repeating: 0, count: 300)
    for _ in 0..<300 { weights[Int.random(in: 0..<300, using: &generator)] += 1 }
    var repeatedScores: [Double] = []
    var repeatedGold: [Bool] = []
    for item in 0..<300 {
      for _ in 0..<Int(weights[item]) {
        repeatedScores.append(data.scores[item])
        repeatedGold.append(data.isPositive[item])
      }
    }
    let repeated = try BinaryScores(scores: repeatedScores, isPositive: repeatedGold)
    for metric in ScoreMetric.binaryMetrics {
      let weighted = weights.withUnsafeBufferPointer { scores.value(of: metric, weights: $0) }
      let expected = try #require(repeated.value(of: metric))
      #expect(abs(try #require(weighted) - expected) <= 1e-12, "\(metric)")
    }
  }

  @Test("the same seed gives the same comparison; intervals hold the estimates")
  func reproducible() throws {
    let a = simulatedScores(count: 400, shift: 0.3, seed: 1)
    let noise = (0..<400).map { Double($0 % 97) / 97 }
    let b = simulatedScores(count: 400, shift: 0.6, seed: 1, noise: noise)
    #expect(a.isPositive == b.isPositive)
    let models: [ScoredModel] = [
      .binary(try BinaryScores(scores: a.scores, isPositive: a.isPositive)),
      .binary(try BinaryScores(scores: b.scores, isPositive: b.isPositive)),
    ]
    let options = ScoreComparison.Options(
      metrics: [.rocAUC, .averagePrecision, .logLoss],
      bootstrap: BootstrapOptions(resamples: 300), seed: 5)
    let one = try ScoreComparison(models: models, names: ["a", "b"], options: options)
    let two = try ScoreComparison(models: models, names: ["a", "b"], options: options)
    #expect(one.pairs.map(\.difference) == two.pairs.map(\.difference))
    #expect(one.pairs.map(\.permutationPValue) == two.pairs.map(\.permutationPValue))
    for model in one.models {
      for (metric, interval) in model.intervals {
        #expect(
          interval.lower <= interval.estimate && interval.estimate <= interval.upper, "\(metric)")
        #expect(interval.method == .bca)
      }
      let delong = try #require(model.delongInterval)
      #expect(delong.contains(try #require(model.metrics[.rocAUC])))
    }
    let auc = try #require(one.pairs.first { $0.metric == .rocAUC })
    #expect(auc.delong != nil)
    #expect(one.pairs.first { $0.metric == .logLoss }?.delong == nil)
    // B is built with a stronger signal: every test should see it.
    #expect(auc.difference.estimate > 0)
    #expect(try #require(auc.delong?.pValue) < 0.05)
    #expect(try #require(auc.permutationPValue) < 0.05)
    #expect(try #require(auc.bootstrapPValue) < 0.05)
  }

  @Test("a model compared with itself differs by zero with p = 1")
  func identicalModels() throws {
    let a = simulatedScores(count: 200, shift: 0.3, seed: 3)
    let model = ScoredModel.binary(try BinaryScores(scores: a.scores, isPositive: a.isPositive))
    let comparison = try ScoreComparison(
      models: [model, model], names: ["a", "a"],
      options: .init(metrics: [.averagePrecision], bootstrap: BootstrapOptions(resamples: 99)))
    let pair = try #require(comparison.pairs.first)
    #expect(pair.difference.estimate == 0)
    #expect(pair.permutationPValue == 1)
    #expect(pair.bootstrapPValue == 1)
  }

  @Test("three models: an adjusted p-value is written as the label path writes it")
  func adjustedPValueWording() throws {
    let noise = (0..<300).map { Double($0 % 89) / 89 }
    let runs = [0.2, 0.4, 0.8].map { simulatedScores(count: 300, shift: $0, seed: 2, noise: noise) }
    let models = try runs.map {
      ScoredModel.binary(try BinaryScores(scores: $0.scores, isPositive: $0.isPositive))
    }
    let comparison = try ScoreComparison(
      models: models, names: ["a", "b", "c"],
      options: .init(metrics: [.rocAUC], bootstrap: BootstrapOptions(resamples: 99)))
    let text = comparison.textSummary(positiveLabel: "1")
    // "p = 0.012 (Holm-adjusted 0.036)", as `compare` writes it for labels
    // and multilabel sets, once per test of each of the three pairs.
    let lines = text.split(separator: "\n").filter { $0.contains("(Holm-adjusted ") }
    #expect(lines.count == 3 * 3)
    #expect(lines.allSatisfy { $0.contains(/p = [0-9.e-]+ \(Holm-adjusted [0-9.e-]+\)/) })
    #expect(!text.contains("holm-adjusted"))
    // The verdict quotes the adjusted p-value, and says it is adjusted.
    let pair = try #require(comparison.pairs.first)
    let adjusted = try #require(pair.adjustedPValues[.permutation])
    #expect(comparison.verdict(for: pair).contains("(permutation test, Holm-adjusted"))
    #expect(adjusted >= (pair.permutationPValue ?? 1))
  }

  @Test("models with different gold labels are refused")
  func unpaired() throws {
    let first = ScoredModel.binary(
      try BinaryScores(scores: [0.1, 0.9], isPositive: [false, true]))
    let second = ScoredModel.binary(
      try BinaryScores(scores: [0.1, 0.9], isPositive: [true, false]))
    #expect(throws: StatisticsError.unpairedModels) {
      try ScoreComparison(
        models: [first, second], names: ["a", "b"], options: .init(metrics: [.rocAUC]))
    }
  }
}
