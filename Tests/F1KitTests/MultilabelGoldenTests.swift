import F1Kit
import Foundation
import Testing
import _TestSupport

/// One case of fixtures/goldens/multilabel.json, made by
/// tools/make_multilabel_goldens.py with scikit-learn.
struct MultilabelGoldenCase: Decodable, Sendable, CustomTestStringConvertible {
  struct Scores: Decodable, Sendable {
    let precision: Double?
    let recall: Double?
    let f1: Double?
    let fbeta: Double?
  }
  struct PerLabel: Decodable, Sendable {
    let precision: [Double?]
    let recall: [Double?]
    let f1: [Double?]
    let fbeta: [Double?]
    let support: [Double]
  }
  struct Jaccard: Decodable, Sendable {
    let perLabel: [Double?]
    let micro: Double?
    let macro: Double?
    let weighted: Double?
    let samples: Double?
    enum CodingKeys: String, CodingKey {
      case micro, macro, weighted, samples
      case perLabel = "per_label"
    }
  }
  struct Expected: Decodable, Sendable {
    let labelOrder: [String]
    let perLabel: PerLabel
    let micro: Scores
    let macro: Scores
    let weighted: Scores
    let samples: Scores
    let jaccard: Jaccard
    let subsetAccuracy: Double?
    let hammingLoss: Double?
    let labelConfusion: [[[Double]]]
    enum CodingKeys: String, CodingKey {
      case micro, macro, weighted, samples, jaccard
      case labelOrder = "label_order"
      case perLabel = "per_label"
      case subsetAccuracy = "subset_accuracy"
      case hammingLoss = "hamming_loss"
      case labelConfusion = "label_confusion"
    }
  }
  let name: String
  let gold: [[String]]
  let pred: [[String]]
  let labels: [String]?
  let zeroDivision: ZeroDivision
  let beta: Double
  let sampleWeight: [Double]?
  let expected: Expected
  enum CodingKeys: String, CodingKey {
    case name, gold, pred, labels, beta, expected
    case zeroDivision = "zero_division"
    case sampleWeight = "sample_weight"
  }

  var testDescription: String { name }
}

private struct MultilabelGoldenFile: Decodable {
  let cases: [MultilabelGoldenCase]
}

let multilabelCases: [MultilabelGoldenCase] =
  (try? Fixtures.decode(MultilabelGoldenFile.self, from: "goldens/multilabel.json").cases) ?? []

extension MultilabelGoldenCase {
  /// The case's options: its labels, zero-division rule and beta.
  var options: EvaluationOptions {
    EvaluationOptions(labels: labels, zeroDivision: zeroDivision, beta: beta)
  }

  /// The case scored from its distinct patterns.
  func metricsFromPatterns() throws -> MultilabelMetrics {
    let counts = try MultilabelCounts(gold: gold, predicted: pred, weights: sampleWeight)
    return try MultilabelMetrics(counts: counts, options: options)
  }

  /// The case scored from running totals, its items added one at a time
  /// in the given order (file order by default).
  func metricsFromTotals(order: [Int]? = nil) throws -> MultilabelMetrics {
    var accumulator = MultilabelAccumulator(options: options, isWeighted: sampleWeight != nil)
    var codes: [[UInt8]: Int] = [:]
    func set(_ labels: [String]) -> LabelSet {
      LabelSet(
        labels.map { label in
          if let code = codes[Array(label.utf8)] { return code }
          let code = accumulator.appendLabel(label)
          codes[Array(label.utf8)] = code
          return code
        })
    }
    for item in order ?? Array(gold.indices) {
      accumulator.add(
        gold: set(gold[item]), predicted: set(pred[item]), weight: sampleWeight?[item] ?? 1)
    }
    return try MultilabelMetrics(accumulated: accumulator)
  }
}

/// The two ways of scoring multilabel items.
enum MultilabelScoring: String, CaseIterable, Sendable {
  /// `MultilabelCounts`, whose patterns a bootstrap resamples.
  case patterns
  /// `MultilabelAccumulator`, in memory that does not grow with items.
  case totals
}

@Suite("Multilabel metrics equal scikit-learn's on the committed golden cases")
struct MultilabelGoldenTests {
  private func metrics(
    for golden: MultilabelGoldenCase, scoring: MultilabelScoring = .patterns
  ) throws -> MultilabelMetrics {
    switch scoring {
    case .patterns: try golden.metricsFromPatterns()
    case .totals: try golden.metricsFromTotals()
    }
  }

  @Test("the golden file holds at least 300 cases")
  func goldenFileIsComplete() {
    #expect(multilabelCases.count >= 300)
  }

  @Test(
    "label order, per-label scores and label confusion",
    arguments: multilabelCases, MultilabelScoring.allCases)
  func perLabel(golden: MultilabelGoldenCase, scoring: MultilabelScoring) throws {
    let metrics = try metrics(for: golden, scoring: scoring)
    let expected = golden.expected
    #expect(metrics.allLabels == expected.labelOrder)
    let rows = metrics.perLabel()
    let betaRows = metrics.perLabel(beta: golden.beta)
    #expect(rows.count == expected.perLabel.support.count)
    for (index, row) in rows.enumerated() {
      #expect(agrees(row.precision, expected.perLabel.precision[index]), "precision \(row.label)")
      #expect(agrees(row.recall, expected.perLabel.recall[index]), "recall \(row.label)")
      #expect(agrees(row.fScore, expected.perLabel.f1[index]), "f1 \(row.label)")
      #expect(agrees(betaRows[index].fScore, expected.perLabel.fbeta[index]), "fbeta \(row.label)")
      #expect(agrees(row.jaccard, expected.jaccard.perLabel[index]), "jaccard \(row.label)")
      #expect(agrees(row.support, expected.perLabel.support[index]), "support \(row.label)")
    }
    let confusion = metrics.labelConfusion()
    #expect(confusion.count == expected.labelConfusion.count)
    for (actual, wanted) in zip(confusion, expected.labelConfusion) {
      for (row, wantedRow) in zip(actual, wanted) {
        for (cell, wantedCell) in zip(row, wantedRow) {
          #expect(agrees(cell, wantedCell, tolerance: 1e-9))
        }
      }
    }
  }

  @Test(
    "micro, macro, weighted and samples averages, with F-beta",
    arguments: multilabelCases, MultilabelScoring.allCases)
  func averages(golden: MultilabelGoldenCase, scoring: MultilabelScoring) throws {
    let metrics = try metrics(for: golden, scoring: scoring)
    let table: [(MultilabelGoldenCase.Scores, [MultilabelMetric])] = [
      (golden.expected.micro, [.microPrecision, .microRecall, .microF1, .microFBeta]),
      (golden.expected.macro, [.macroPrecision, .macroRecall, .macroF1, .macroFBeta]),
      (
        golden.expected.weighted,
        [.weightedPrecision, .weightedRecall, .weightedF1, .weightedFBeta]
      ),
      (golden.expected.samples, [.samplesPrecision, .samplesRecall, .samplesF1, .samplesFBeta]),
    ]
    for (expected, keys) in table {
      let values = [expected.precision, expected.recall, expected.f1, expected.fbeta]
      for (metric, value) in zip(keys, values) {
        #expect(agrees(metrics.value(of: metric), value), "\(metric.rawValue)")
      }
    }
  }

  @Test(
    "Jaccard, subset accuracy and Hamming loss",
    arguments: multilabelCases, MultilabelScoring.allCases)
  func setMetrics(golden: MultilabelGoldenCase, scoring: MultilabelScoring) throws {
    let metrics = try metrics(for: golden, scoring: scoring)
    let expected = golden.expected
    #expect(agrees(metrics.value(of: .jaccardMicro), expected.jaccard.micro))
    #expect(agrees(metrics.value(of: .jaccardMacro), expected.jaccard.macro))
    #expect(agrees(metrics.value(of: .jaccardWeighted), expected.jaccard.weighted))
    #expect(agrees(metrics.value(of: .jaccardSamples), expected.jaccard.samples))
    #expect(agrees(metrics.value(of: .subsetAccuracy), expected.subsetAccuracy))
    #expect(agrees(metrics.value(of: .hammingLoss), expected.hammingLoss))
  }
}
