import F1Kit
import Foundation
import Testing
import _TestSupport

/// One case of fixtures/goldens/metrics.json, made by
/// tools/make_metric_goldens.py with scikit-learn.
struct GoldenCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Averages: Decodable, Sendable {
    let precision: Double?
    let recall: Double?
    let f1: Double?
    let fHalf: Double?
    let fTwo: Double?
    enum CodingKeys: String, CodingKey {
      case precision, recall, f1
      case fHalf = "f0.5"
      case fTwo = "f2"
    }
  }
  struct PerClass: Decodable, Sendable {
    let precision: [Double?]
    let recall: [Double?]
    let f1: [Double?]
    let support: [Int]
    let fHalf: [Double?]
    let fTwo: [Double?]
    enum CodingKeys: String, CodingKey {
      case precision, recall, f1, support
      case fHalf = "f0.5"
      case fTwo = "f2"
    }
  }
  struct Binary: Decodable, Sendable {
    let posLabel: String
    let precision: Double?
    let recall: Double?
    let f1: Double?
    let fHalf: Double?
    let fTwo: Double?
    enum CodingKeys: String, CodingKey {
      case precision, recall, f1
      case posLabel = "pos_label"
      case fHalf = "f0.5"
      case fTwo = "f2"
    }
  }
  struct Expected: Decodable, Sendable {
    let labelOrder: [String]
    let confusionMatrix: [[Int]]
    let perClass: PerClass
    let micro: Averages
    let macro: Averages
    let weighted: Averages
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
  let labelKind: String
  let yTrue: [String]
  let yPred: [String]
  let labels: [String]?
  let zeroDivision: ZeroDivision
  let expected: Expected
  enum CodingKeys: String, CodingKey {
    case name, labels, expected
    case labelKind = "label_kind"
    case yTrue = "y_true"
    case yPred = "y_pred"
    case zeroDivision = "zero_division"
  }

  var testDescription: String { name }

  /// scikit-learn sorts a `str` array by code point even when every label
  /// looks like an integer; F1Kit reads such labels as integers (as pandas
  /// does from a CSV), so those cases name scikit-learn's order explicitly.
  var stringOrderWhereItDiffers: [String]? {
    let all = yTrue + yPred
    guard labelKind == "string", all.allSatisfy(LabelOrdering.isInteger) else { return nil }
    return expected.labelOrder
  }
}

private struct GoldenFile: Decodable {
  let cases: [GoldenCase]
}

private let goldenCases: [GoldenCase] =
  (try? Fixtures.decode(GoldenFile.self, from: "goldens/metrics.json").cases) ?? []

@Suite("Metrics equal scikit-learn's on the committed golden cases")
struct GoldenMetricsTests {
  @Test("the golden file holds at least 300 cases")
  func goldenFileIsComplete() {
    #expect(goldenCases.count >= 300)
  }

  private func metrics(for golden: GoldenCase, problem: ProblemKind = .multiclass) throws
    -> ClassificationMetrics
  {
    let matrix = try ConfusionMatrix(gold: golden.yTrue, predicted: golden.yPred)
    let options = EvaluationOptions(
      labels: golden.labels ?? golden.stringOrderWhereItDiffers, problem: problem,
      zeroDivision: golden.zeroDivision)
    return try ClassificationMetrics(confusionMatrix: matrix, options: options)
  }

  @Test("label order and confusion matrix", arguments: goldenCases)
  func labelOrderAndConfusionMatrix(golden: GoldenCase) throws {
    let metrics = try metrics(for: golden)
    #expect(metrics.labels == golden.expected.labelOrder)
    #expect(metrics.evaluatedConfusionMatrix.rows == golden.expected.confusionMatrix)
  }

  @Test("per-class precision, recall, F-beta and support", arguments: goldenCases)
  func perClassScores(golden: GoldenCase) throws {
    let metrics = try metrics(for: golden)
    let expected = golden.expected.perClass
    for (beta, fScores) in [(1.0, expected.f1), (0.5, expected.fHalf), (2.0, expected.fTwo)] {
      let rows = metrics.perClass(beta: beta)
      #expect(rows.map(\.support) == expected.support)
      for (index, row) in rows.enumerated() {
        #expect(agrees(row.precision, expected.precision[index]), "precision of \(row.label)")
        #expect(agrees(row.recall, expected.recall[index]), "recall of \(row.label)")
        #expect(agrees(row.fScore, fScores[index]), "F\(beta) of \(row.label)")
      }
    }
  }

  @Test("micro, macro and weighted averages", arguments: goldenCases)
  func averages(golden: GoldenCase) throws {
    let metrics = try metrics(for: golden)
    let table: [(Average, GoldenCase.Averages)] = [
      (.micro, golden.expected.micro), (.macro, golden.expected.macro),
      (.weighted, golden.expected.weighted),
    ]
    for (average, expected) in table {
      #expect(agrees(metrics.averaged(.precision, by: average), expected.precision), "\(average)")
      #expect(agrees(metrics.averaged(.recall, by: average), expected.recall), "\(average)")
      #expect(agrees(metrics.averaged(.fScore(beta: 1), by: average), expected.f1), "\(average)")
      #expect(agrees(metrics.averaged(.fScore(beta: 0.5), by: average), expected.fHalf))
      #expect(agrees(metrics.averaged(.fScore(beta: 2), by: average), expected.fTwo))
    }
  }

  @Test("micro_fbeta, macro_fbeta and weighted_fbeta equal fbeta_score", arguments: goldenCases)
  func fBetaMetrics(golden: GoldenCase) throws {
    for (beta, pick) in [(0.5, \GoldenCase.Averages.fHalf), (2.0, \GoldenCase.Averages.fTwo)] {
      let matrix = try ConfusionMatrix(gold: golden.yTrue, predicted: golden.yPred)
      let options = EvaluationOptions(
        labels: golden.labels ?? golden.stringOrderWhereItDiffers, problem: .multiclass,
        zeroDivision: golden.zeroDivision, beta: beta)
      let metrics = try ClassificationMetrics(confusionMatrix: matrix, options: options)
      #expect(
        metrics.reportedMetrics.filter(\.isFBeta) == [.microFBeta, .macroFBeta, .weightedFBeta])
      #expect(agrees(metrics.value(of: .microFBeta), golden.expected.micro[keyPath: pick]))
      #expect(agrees(metrics.value(of: .macroFBeta), golden.expected.macro[keyPath: pick]))
      #expect(agrees(metrics.value(of: .weightedFBeta), golden.expected.weighted[keyPath: pick]))
    }
  }

  @Test("accuracy, balanced accuracy, MCC and Cohen's kappa", arguments: goldenCases)
  func agreementMetrics(golden: GoldenCase) throws {
    let metrics = try metrics(for: golden)
    let expected = golden.expected
    #expect(agrees(metrics.value(of: .accuracy), expected.accuracy))
    #expect(agrees(metrics.value(of: .balancedAccuracy), expected.balancedAccuracy))
    #expect(agrees(metrics.value(of: .matthewsCorrelation), expected.mcc))
    #expect(agrees(metrics.value(of: .cohenKappa), expected.cohenKappa))
  }

  @Test(
    "binary scores for the positive label",
    arguments: goldenCases.filter { $0.expected.binary != nil })
  func binaryScores(golden: GoldenCase) throws {
    let expected = try #require(golden.expected.binary)
    // scikit-learn's average="binary" ignores `labels`; score the positive
    // label over every label that occurs, plus the positive one.
    let matrix = try ConfusionMatrix(
      gold: golden.yTrue, predicted: golden.yPred, labels: [expected.posLabel])
    let scope = MetricScope(
      classCount: matrix.classCount, positiveClass: 0, zeroDivision: golden.zeroDivision)
    let counts = matrix.counts.map(Double.init)
    counts.withUnsafeBufferPointer { counts in
      #expect(agrees(scope.averaged(.precision, by: .binary, counts: counts), expected.precision))
      #expect(agrees(scope.averaged(.recall, by: .binary, counts: counts), expected.recall))
      #expect(agrees(scope.averaged(.fScore(beta: 1), by: .binary, counts: counts), expected.f1))
      #expect(
        agrees(scope.averaged(.fScore(beta: 0.5), by: .binary, counts: counts), expected.fHalf))
      #expect(agrees(scope.averaged(.fScore(beta: 2), by: .binary, counts: counts), expected.fTwo))
    }
    for (beta, fScore) in [(0.5, expected.fHalf), (2.0, expected.fTwo)] {
      let betaScope = MetricScope(
        classCount: matrix.classCount, positiveClass: 0, zeroDivision: golden.zeroDivision,
        beta: beta)
      #expect(agrees(betaScope.value(of: .binaryFBeta, in: matrix), fScore), "binary_fbeta")
    }
  }
}
