import F1Kit
import Foundation
import Testing
import _TestSupport

/// The expected values of one case of fixtures/goldens/score-metrics.json,
/// made by tools/make_score_goldens.py with scikit-learn; `nil` is JSON
/// null, an undefined metric.
struct ExpectedScoreMetrics: Decodable, Sendable {
  let values: [ScoreMetric: Double?]

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    var values: [ScoreMetric: Double?] = [:]
    for key in container.allKeys {
      let metric = try #require(ScoreMetric(rawValue: key.stringValue))
      values[metric] = try container.decode(Double?.self, forKey: key)
    }
    self.values = values
  }

  private struct AnyKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }
}

/// A binary golden case: string or integer labels, a positive label and
/// one score per item.
struct BinaryScoreCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let yTrue: [String]
  let posLabel: String
  let scores: [Double]
  let expected: ExpectedScoreMetrics
  enum CodingKeys: String, CodingKey {
    case name, scores, expected
    case yTrue = "y_true"
    case posLabel = "pos_label"
  }
  var testDescription: String { name }
}

/// A multiclass golden case: the labels in column order, the gold labels
/// and one score row per item.
struct MulticlassScoreCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let labels: [String]
  let yTrue: [String]
  let scores: [[Double]]
  let expected: ExpectedScoreMetrics
  enum CodingKeys: String, CodingKey {
    case name, labels, scores, expected
    case yTrue = "y_true"
  }
  var testDescription: String { name }
}

/// A large case rebuilt from SplitMix64 instead of stored item by item.
struct GeneratedScoreCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let kind: String
  let seed: UInt64
  let n: Int
  let prevalence: Double?
  let quantum: Double?
  let classes: Int?
  let expected: ExpectedScoreMetrics
  var testDescription: String { name }
}

/// scikit-learn's ROC and precision–recall curves of one binary case;
/// `nil` is JSON null (NaN, or the +∞ first ROC threshold).
struct CurveGolden: Decodable, Sendable {
  struct ROC: Decodable, Sendable {
    let fpr: [Double?]
    let tpr: [Double?]
    let thresholds: [Double?]
  }
  struct PR: Decodable, Sendable {
    let precision: [Double?]
    let recall: [Double?]
    let thresholds: [Double?]
  }
  let name: String
  let roc: ROC
  let pr: PR
}

private struct ScoreGoldenFile: Decodable {
  let binary: [BinaryScoreCase]
  let multiclass: [MulticlassScoreCase]
  let generated: [GeneratedScoreCase]
  let curves: [CurveGolden]
}

/// Whether two curve coordinates agree to 1e-12; `nil` stands for NaN or
/// an infinity.
private func curveAgrees(_ actual: [Double], _ expected: [Double?]) -> Bool {
  actual.count == expected.count
    && zip(actual, expected).allSatisfy { value, reference in
      guard let reference else { return !value.isFinite }
      return abs(value - reference) <= 1e-12
    }
}

private let scoreGoldens: ScoreGoldenFile? = try? Fixtures.decode(
  ScoreGoldenFile.self, from: "goldens/score-metrics.json")

/// Steele, Lea and Flood's SplitMix64, as tools/make_score_goldens.py runs
/// it.
private struct SplitMix64 {
  var state: UInt64
  mutating func nextUnit() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
  }
}

extension GeneratedScoreCase {
  /// The binary case's items, by the recipe of `splitmix_binary`.
  func binaryItems() -> (scores: [Double], isPositive: [Bool]) {
    var generator = SplitMix64(state: seed)
    var scores: [Double] = []
    var isPositive: [Bool] = []
    scores.reserveCapacity(n)
    isPositive.reserveCapacity(n)
    let quantum = quantum ?? 1
    for _ in 0..<n {
      let positive = generator.nextUnit() < prevalence ?? 0.5
      let raw = (generator.nextUnit() + (positive ? 0.35 : 0)) / 1.35
      isPositive.append(positive)
      scores.append((raw * quantum).rounded(.down) / quantum)
    }
    return (scores, isPositive)
  }

  /// The multiclass case's items, by the recipe of `splitmix_multiclass`.
  func multiclassItems() -> (scores: [Double], gold: [Int]) {
    let classCount = classes ?? 3
    var generator = SplitMix64(state: seed)
    var scores: [Double] = []
    var gold: [Int] = []
    scores.reserveCapacity(n * classCount)
    var row = [Double](repeating: 0, count: classCount)
    for _ in 0..<n {
      let label = Int((generator.nextUnit() * Double(classCount)).rounded(.down))
      var total = 0.0
      for column in 0..<classCount {
        row[column] = (generator.nextUnit() + (column == label ? 0.8 : 0)) + 0.01
        total += row[column]
      }
      gold.append(label)
      scores.append(contentsOf: row.map { $0 / total })
    }
    return (scores, gold)
  }
}

/// Checks every expected metric of a case against F1Kit's, to 1e-12.
private func expectAgreement(
  _ metrics: ScoreMetrics, _ expected: ExpectedScoreMetrics,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    Set(metrics.entries.map(\.metric)) == Set(expected.values.keys), sourceLocation: sourceLocation)
  for entry in metrics.entries {
    let reference = expected.values[entry.metric] ?? nil
    if let reference {
      let value = entry.value ?? .nan
      #expect(
        abs(value - reference) <= 1e-12, "\(entry.metric.rawValue): \(value) vs \(reference)",
        sourceLocation: sourceLocation)
    } else {
      #expect(
        entry.value == nil, "\(entry.metric.rawValue) should be undefined",
        sourceLocation: sourceLocation)
      #expect(entry.undefinedReason != nil, sourceLocation: sourceLocation)
    }
  }
}

@Suite("Score metrics equal scikit-learn's on the committed golden cases")
struct GoldenScoreMetricsTests {
  @Test("the golden file holds at least 200 cases of every kind")
  func goldenFileIsComplete() throws {
    let file = try #require(scoreGoldens)
    #expect(file.binary.count + file.multiclass.count + file.generated.count >= 200)
    #expect(file.binary.contains { $0.expected.values[.rocAUC] == .some(nil) })
    #expect(file.multiclass.contains { $0.expected.values[.rocAUCOneVsOneMacro] == .some(nil) })
    #expect(file.generated.contains { $0.n >= 1_000_000 })
  }

  @Test(
    "binary: average precision, ROC-AUC, log loss, Brier score, ECE",
    arguments: scoreGoldens?.binary ?? [])
  func binary(golden: BinaryScoreCase) throws {
    let scores = try BinaryScores(
      scores: golden.scores, isPositive: golden.yTrue.map { $0 == golden.posLabel })
    expectAgreement(scores.metrics, golden.expected)
  }

  @Test(
    "multiclass: one-vs-rest and one-vs-one ROC-AUC, macro AP, log loss, Brier score, ECE",
    arguments: scoreGoldens?.multiclass ?? [])
  func multiclass(golden: MulticlassScoreCase) throws {
    let positions = Dictionary(uniqueKeysWithValues: golden.labels.enumerated().map { ($1, $0) })
    let gold = try golden.yTrue.map { try #require(positions[$0]) }
    let scores = try MulticlassScores(
      scores: golden.scores.flatMap { $0 }, classCount: golden.labels.count, gold: gold)
    expectAgreement(scores.metrics, golden.expected)
  }

  @Test(
    "ROC and precision-recall curves equal roc_curve and precision_recall_curve",
    arguments: scoreGoldens?.binary ?? [])
  func curves(golden: BinaryScoreCase) throws {
    let expected = try #require(scoreGoldens?.curves.first { $0.name == golden.name })
    let scores = try BinaryScores(
      scores: golden.scores, isPositive: golden.yTrue.map { $0 == golden.posLabel })
    let roc = scores.rocCurve
    #expect(curveAgrees(roc.falsePositiveRates, expected.roc.fpr))
    #expect(curveAgrees(roc.truePositiveRates, expected.roc.tpr))
    #expect(curveAgrees(roc.thresholds, expected.roc.thresholds))
    #expect(roc.thresholds.first == .infinity)
    let pr = scores.precisionRecallCurve
    #expect(curveAgrees(pr.precisions, expected.pr.precision))
    #expect(curveAgrees(pr.recalls, expected.pr.recall))
    #expect(curveAgrees(pr.thresholds, expected.pr.thresholds))
  }

  @Test("generated cases up to a million items", arguments: scoreGoldens?.generated ?? [])
  func generated(golden: GeneratedScoreCase) throws {
    if golden.kind == "binary" {
      let items = golden.binaryItems()
      expectAgreement(
        try BinaryScores(scores: items.scores, isPositive: items.isPositive).metrics,
        golden.expected)
    } else {
      let items = golden.multiclassItems()
      let scores = try MulticlassScores(
        scores: items.scores, classCount: golden.classes ?? 3, gold: items.gold)
      expectAgreement(scores.metrics, golden.expected)
    }
  }
}
