import F1Kit
import Foundation
import Testing
import _TestSupport

/// One case of fixtures/goldens/weighted.json, made by
/// tools/make_weighted_goldens.py with scikit-learn's `sample_weight`.
struct WeightedGoldenCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Scores: Decodable, Sendable {
    let precision: Double?
    let recall: Double?
    let f1: Double?
    let fbeta: Double?
  }
  struct Binary: Decodable, Sendable {
    let posLabel: String
    let precision: Double?
    let recall: Double?
    let f1: Double?
    let fbeta: Double?
    enum CodingKeys: String, CodingKey {
      case precision, recall, f1, fbeta
      case posLabel = "pos_label"
    }
  }
  struct PerClass: Decodable, Sendable {
    let precision: [Double?]
    let recall: [Double?]
    let f1: [Double?]
    let support: [Double]
  }
  struct Expected: Decodable, Sendable {
    let labelOrder: [String]
    let confusionMatrix: [[Double]]
    let perClass: PerClass
    let micro: Scores
    let macro: Scores
    let weighted: Scores
    let binary: Binary?
    let accuracy: Double?
    let balancedAccuracy: Double?
    let mcc: Double?
    let cohenKappa: Double?
    enum CodingKeys: String, CodingKey {
      case micro, macro, weighted, binary, accuracy, mcc
      case labelOrder = "label_order"
      case confusionMatrix = "confusion_matrix"
      case perClass = "per_class"
      case balancedAccuracy = "balanced_accuracy"
      case cohenKappa = "cohen_kappa"
    }
  }
  let name: String
  let yTrue: [String]
  let yPred: [String]
  let sampleWeight: [Double]
  let labels: [String]?
  let zeroDivision: ZeroDivision
  let beta: Double
  let expected: Expected
  enum CodingKeys: String, CodingKey {
    case name, labels, beta, expected
    case yTrue = "y_true"
    case yPred = "y_pred"
    case sampleWeight = "sample_weight"
    case zeroDivision = "zero_division"
  }
  var testDescription: String { name }
}

private struct WeightedGoldenFile: Decodable {
  let cases: [WeightedGoldenCase]
}

private let weightedCases: [WeightedGoldenCase] =
  (try? Fixtures.decode(WeightedGoldenFile.self, from: "goldens/weighted.json").cases) ?? []

@Suite("Weighted metrics equal scikit-learn's with sample_weight")
struct WeightedGoldenTests {
  @Test("the golden file holds its cases")
  func goldenFileIsComplete() {
    #expect(weightedCases.count >= 100)
  }

  @Test("every metric, the weighted confusion matrix and per-class rows", arguments: weightedCases)
  func weightedMetrics(golden: WeightedGoldenCase) throws {
    let matrix = try WeightedConfusionMatrix(
      gold: golden.yTrue, predicted: golden.yPred, weights: golden.sampleWeight)
    let binaryPositive = golden.expected.binary?.posLabel
    let metrics = try ClassificationMetrics(
      weightedConfusionMatrix: matrix,
      options: EvaluationOptions(
        labels: golden.labels, positiveLabel: binaryPositive,
        problem: binaryPositive == nil ? .multiclass : .binary,
        zeroDivision: golden.zeroDivision, beta: golden.beta))
    let expected = golden.expected
    #expect(metrics.isWeighted)
    #expect(metrics.confusionMatrix.labels == expected.labelOrder)
    #expect(metrics.itemCount == golden.yTrue.count)
    for (row, wanted) in zip(try #require(metrics.evaluatedCells), expected.confusionMatrix) {
      for (cell, wantedCell) in zip(row, wanted) { #expect(agrees(cell, wantedCell)) }
    }
    for (index, row) in metrics.perClass().enumerated() {
      #expect(agrees(row.precision, expected.perClass.precision[index]))
      #expect(agrees(row.recall, expected.perClass.recall[index]))
      #expect(agrees(row.fScore, expected.perClass.f1[index]))
      #expect(agrees(row.supportWeight, expected.perClass.support[index]))
    }
    let table: [(GoldenAverage, [Metric])] = [
      (.init(expected.micro), [.microPrecision, .microRecall, .microF1, .microFBeta]),
      (.init(expected.macro), [.macroPrecision, .macroRecall, .macroF1, .macroFBeta]),
      (
        .init(expected.weighted),
        [.weightedPrecision, .weightedRecall, .weightedF1, .weightedFBeta]
      ),
    ]
    for (scores, keys) in table {
      for (metric, value) in zip(keys, scores.values) {
        #expect(agrees(metrics.value(of: metric), value), "\(metric.rawValue)")
      }
    }
    if let binary = expected.binary {
      #expect(agrees(metrics.value(of: .binaryPrecision), binary.precision))
      #expect(agrees(metrics.value(of: .binaryRecall), binary.recall))
      #expect(agrees(metrics.value(of: .binaryF1), binary.f1))
      #expect(agrees(metrics.value(of: .binaryFBeta), binary.fbeta))
    }
    #expect(agrees(metrics.value(of: .accuracy), expected.accuracy))
    #expect(agrees(metrics.value(of: .balancedAccuracy), expected.balancedAccuracy))
    #expect(agrees(metrics.value(of: .matthewsCorrelation), expected.mcc))
    #expect(agrees(metrics.value(of: .cohenKappa), expected.cohenKappa))
  }

  @Test("bad weights and a zero total weight are refused")
  func badWeights() {
    #expect(throws: MetricsError.invalidWeight(-1, item: 1)) {
      try WeightedConfusionMatrix(gold: ["a", "b"], predicted: ["a", "a"], weights: [1, -1])
    }
    #expect(throws: MetricsError.zeroTotalWeight) {
      try ClassificationMetrics(
        weightedConfusionMatrix: WeightedConfusionMatrix(
          gold: ["a", "b"], predicted: ["a", "a"], weights: [0, 0]))
    }
  }
}

/// The four averaged values of one golden average, in metric order.
private struct GoldenAverage {
  let values: [Double?]
  init(_ scores: WeightedGoldenCase.Scores) {
    values = [scores.precision, scores.recall, scores.f1, scores.fbeta]
  }
}
