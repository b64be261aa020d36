import F1Kit
import Foundation
import Testing
import _TestSupport

@testable import F1KitEvaluation

/// A model that predicts a fixed class per pair: the pair's first text is
/// its index, and its score row is one-hot on that item's class.
private struct FixedPredictionModel: CrossEncoder {
  let predictions: [Int]
  let outputCount: Int

  func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
    pairs.map { pair in
      let item = Int(pair.first)!
      return (0..<outputCount).map { $0 == predictions[item] ? 1 : 0 }
    }
  }
}

/// The two-model cases of fixtures/goldens/weighted.json (made by
/// tools/make_weighted_goldens.py with scikit-learn's `sample_weight`),
/// read for model A only.
private struct WeightedCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let yTrue: [String]
  let yPredA: [String]
  let sampleWeight: [Double]
  let labels: [String]?
  let zeroDivision: ZeroDivision
  let posLabel: String?
  let expected: [[String: Double?]]
  enum CodingKeys: String, CodingKey {
    case name, labels, expected
    case yTrue = "y_true"
    case yPredA = "y_pred_a"
    case sampleWeight = "sample_weight"
    case zeroDivision = "zero_division"
    case posLabel = "pos_label"
  }
  var testDescription: String { name }
}

private struct WeightedFile: Decodable {
  let comparisons: [WeightedCase]
}

private let cases: [WeightedCase] =
  ((try? Fixtures.decode(WeightedFile.self, from: "goldens/weighted.json").comparisons) ?? [])
  .filter { $0.labels == nil }

@Suite("The evaluator with sample weights")
struct WeightedEvaluatorTests {
  @Test(
    "a weighted evaluation equals scikit-learn's metrics with sample_weight",
    arguments: cases)
  fileprivate func equalsScikitLearn(golden: WeightedCase) throws {
    let classes = Array(Set(golden.yTrue + golden.yPredA)).sorted()
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    let gold = golden.yTrue.map { index[$0]! }
    let model = FixedPredictionModel(
      predictions: golden.yPredA.map { index[$0]! }, outputCount: classes.count)
    let isBinary = golden.posLabel != nil
    // Weights go in with the examples.
    let examples = gold.indices.map {
      InputExample(
        texts: [String($0), "pair"], label: gold[$0], weight: golden.sampleWeight[$0])
    }
    var evaluator = try CrossEncoderEvaluator(
      examples: examples, name: "dev", task: isBinary ? .binary(.argmax) : .multiclass,
      progress: .hidden, writesResults: false)
    evaluator.zeroDivision = golden.zeroDivision
    #expect(evaluator.sampleWeights == golden.sampleWeight)
    let result = try evaluator.evaluate(model)
    let metrics = Metric.reported(for: isBinary ? .binary : .multiclass)
    for metric in metrics {
      let wanted = try #require(golden.expected[0][metric.rawValue] ?? nil)
      #expect(agrees(try #require(result["dev_\(metric.rawValue)"]), wanted), "\(metric.rawValue)")
    }
    #expect(result["dev_average_precision"] == nil)
  }

  @Test("bad weights, and weights with a threshold tuned on the set, are refused")
  func badWeights() {
    let pairs = [SentencePair("a", "b"), SentencePair("c", "d")]
    #expect(throws: EvaluationError.self) {
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], task: .multiclass, sampleWeights: [1, -1])
    }
    #expect(throws: EvaluationError.self) {
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], task: .multiclass, sampleWeights: [0, 0])
    }
    #expect(throws: EvaluationError.self) {
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], task: .multiclass, sampleWeights: [1])
    }
    #expect(throws: EvaluationError.self) {
      try CrossEncoderEvaluator(
        sentencePairs: pairs, labels: [0, 1], task: .binary(.tunedThreshold(maximizing: .binaryF1)),
        sampleWeights: [1, 2])
    }
  }

  @Test("weighted multilabel evaluation equals MultilabelMetrics over weighted counts")
  func weightedMultilabel() throws {
    let pairs = (0..<4).map { SentencePair(String($0), "x") }
    let gold: [Set<Int>] = [[0, 1], [], [2], [0]]
    let weights = [2, 0.5, 1, 1.5]
    struct SetModel: CrossEncoder {
      var outputCount: Int { 3 }
      func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
        let rows: [[Double]] = [
          [0.9, 0.1, 0.2], [0.1, 0.8, 0.1], [0.1, 0.1, 0.1], [0.7, 0.1, 0.9],
        ]
        return pairs.map { rows[Int($0.first)!] }
      }
    }
    let evaluator = try CrossEncoderEvaluator(
      sentencePairs: pairs, labelSets: gold, name: "ml", progress: .hidden, writesResults: false,
      sampleWeights: weights)
    let result = try evaluator.evaluate(SetModel())
    // f1_score(Y, P, average="samples", sample_weight=[2, 0.5, 1, 1.5]) with
    // Y = [[1,1,0],[0,0,0],[0,0,1],[1,0,0]], P = [[1,0,0],[0,1,0],[0,0,0],[1,0,1]]
    // and zero_division=0: (2 × 2/3 + 0.5 × 0 + 1 × 0 + 1.5 × 2/3) / 5.
    #expect(agrees(try #require(result["ml_samples_f1"]), (2 * 2 / 3 + 1.5 * 2 / 3) / 5))
  }
}
