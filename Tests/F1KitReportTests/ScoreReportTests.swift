import F1Kit
import F1KitAdvice
import F1KitStatistics
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Report: the score section")
struct ScoreReportTests {
  static let stsbFiles = ["stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv"]

  /// The two STS-B models with their cosine scores, built once.
  static let stsb = Result {
    try ReportBuilder(options: ReportOptions(seed: 7, resamples: 300, toolVersion: "test"))
      .build(stsbFiles.map(ReportTestData.scoredFixtureInput))
  }

  static func stsbReport() throws -> ReportModel { try stsb.get() }

  /// One model whose scores are probabilities, cut at the default 0.5.
  static let probability = Result {
    try ReportBuilder(options: ReportOptions(seed: 7, resamples: 200, toolVersion: "test"))
      .build([ReportTestData.probabilityInput("stsb/test-minilm-l6.csv")])
  }

  static func probabilityReport() throws -> ReportModel { try probability.get() }

  @Test("threshold-free metrics equal scikit-learn's, with null and a note where undefined")
  func metricsMatchScikitLearn() throws {
    let scores = try #require(try Self.stsbReport().scores)
    #expect(scores.positiveLabel == "1")
    // sklearn.metrics.average_precision_score / roc_auc_score on the files.
    let l6 = scores.models[0].scores.metrics
    let l3 = scores.models[1].scores.metrics
    #expect(agrees(try #require(l6[.averagePrecision]), 0.8868522312060766))
    #expect(agrees(try #require(l6[.rocAUC]), 0.9007761955473989))
    #expect(agrees(try #require(l3[.averagePrecision]), 0.894901795968844))
    #expect(agrees(try #require(l3[.rocAUC]), 0.903813207952216))
    // Cosines below 0 are not probabilities.
    #expect(l6[.logLoss] == nil && l6[.brierScore] == nil && l6[.expectedCalibrationError] == nil)
    #expect(scores.comparedMetrics == [.averagePrecision, .rocAUC])
    let json = scores.jsonValue().serialized(indentation: 0)
    #expect(json.contains("\"log_loss\":null"))
    #expect(json.contains("\"log_loss\":\"the scores are not probabilities"))
  }

  @Test("the operating point and the cut-off the prediction column equals")
  func operatingPoint() throws {
    let model = try #require(try Self.stsbReport().scores?.models[0])
    // The lowest score predicted positive is 0.635882, the highest predicted
    // negative 0.633007 (pandas on the file).
    #expect(model.impliedThreshold == 0.635882)
    #expect(model.threshold == nil)
    let point = try #require(model.operatingPoint)
    #expect(agrees(point.falsePositiveRate, 0.21388101983002833))
    #expect(agrees(point.recall, 0.8692421991084696))
    #expect(agrees(point.precision, 0.7948369565217391))
    #expect(agrees(point.f1, 0.830376153300213))
    let advice = try #require(model.thresholdAdvice)
    #expect(advice.bestThreshold == 0.595741)
    #expect(agrees(advice.bestF1, 0.8398914518317503))
  }

  @Test("intervals and tests come from the comparison engine, as compare computes them")
  func engineNumbers() throws {
    let report = try Self.stsbReport()
    let scores = try #require(report.scores)
    let engine = try ScoreComparison(
      models: scores.models.map(\.scores), names: scores.models.map(\.name),
      options: ScoreComparison.Options(
        metrics: [.rocAUC], bootstrap: BootstrapOptions(resamples: 300, confidence: 0.95),
        seed: 7))
    let pair = try #require(scores.pairs(on: .rocAUC).first)
    let expected = try #require(engine.pairs.first)
    #expect(pair.difference == expected.difference)
    #expect(pair.permutationPValue == expected.permutationPValue)
    #expect(pair.delong?.pValue == expected.delong?.pValue)
    #expect(scores.interval(of: .rocAUC, model: 1) == engine.models[1].intervals[.rocAUC])
    // DeLong's z of the two AUCs (scipy-checked in the statistics tests).
    #expect(agrees(try #require(pair.delong?.statistic), 0.6057755184234669, tolerance: 1e-9))
  }

  @Test("the page draws ROC, precision–recall, cut-off and distribution charts for each model")
  func charts() throws {
    let html = HTMLReport(try Self.stsbReport()).render()
    let svgs = PageStructure.svgElements(html)
    let ids = svgs.compactMap { PageStructure.ids(String($0.prefix(200))).first }
    for id in [
      "scores-roc", "scores-pr", "model-1-score-threshold", "model-2-score-threshold",
      "model-1-score-distribution", "model-2-score-distribution",
    ] {
      #expect(ids.contains(id), "no chart \(id)")
    }
    // Not probabilities: the page says why there is no reliability diagram.
    #expect(!ids.contains("model-1-reliability"))
    #expect(html.contains("no reliability diagram, log loss, Brier score or ECE"))
    // Iso-F1 lines and the operating point's cut-off.
    let pr = try #require(svgs.first { $0.contains("id=\"scores-pr\"") })
    #expect(PageStructure.count(of: ">F1 0.", in: pr) == 4)
    let threshold = try #require(svgs.first { $0.contains("id=\"model-1-score-threshold\"") })
    #expect(
      threshold.contains("cut-off used 0.6359 (the prediction column’s)")
        || threshold.contains("cut-off used 0.6359 (the prediction column&#39;s)"))
    #expect(threshold.contains("best on this set 0.5957, F1 0.840 (tuned on this set)"))
    #expect(html.contains("<section id=\"scores\""))
  }

  @Test("probability scores get a reliability diagram with the count in every bin")
  func reliability() throws {
    let report = try Self.probabilityReport()
    let model = try #require(report.scores?.models[0])
    let binary = try #require(model.binaryScores)
    let diagram = try #require(ReliabilityDiagram(binary))
    let html = HTMLReport(report).render()
    let svg = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-reliability\"") })
    for bin in diagram.bins where bin.count > 0 {
      #expect(svg.contains(">\(ReliabilityChart.compact(bin.count))</text>"))
    }
    #expect(diagram.bins.map(\.count).reduce(0, +) == 1379)
    // The default cut-off is flagged in the advice.
    #expect(report.advice.contains { $0.rule == .defaultThreshold })
    #expect(model.threshold?.source == .defaultValue)
    #expect(html.contains("cut-off used 0.5000 (the default)"))
  }

  @Test("thinning keeps the ends, stays within its tolerance and bounds the points")
  func thinning() {
    // An ROC-like staircase of 100,000 items across a 300-pixel square:
    // each item moves the curve right or up by 300 / 50,000 pixels.
    let n = 100_000
    var points: [(Double, Double)] = [(0, 0)]
    var state: UInt64 = 42
    for _ in 0..<n {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let last = points[points.count - 1]
      points.append(
        state >> 63 == 0 ? (last.0 + 300.0 / 50_000, last.1) : (last.0, last.1 + 300.0 / 50_000))
    }
    let thinned = CurvePlot.thinned(points)
    #expect(thinned.first! == points.first! && thinned.last! == points.last!)
    // A monotone curve keeps at most (width + height) / tolerance points.
    let length = points.last!.0 + points.last!.1
    #expect(Double(thinned.count) <= length / 0.6 + 2, "\(thinned.count) points")
    // Every dropped point is within the tolerance of a kept one before it.
    var kept = 0
    for point in points {
      while kept + 1 < thinned.count, thinned[kept + 1].0 <= point.0 { kept += 1 }
      #expect(abs(point.0 - thinned[kept].0) < 0.6 + 1e-9 || abs(point.1 - thinned[kept].1) < 0.6)
    }
  }

  @Test("compact counts fit four characters")
  func compactCounts() {
    #expect(ReliabilityChart.compact(873) == "873")
    #expect(ReliabilityChart.compact(1379) == "1379")
    #expect(ReliabilityChart.compact(12_400) == "12k")
    #expect(ReliabilityChart.compact(3_400_000) == "3.4M")
  }

  @Test("the report's JSON carries the score metrics, the pairs and the cut-off's source")
  func json() throws {
    let document = try Self.stsbReport().jsonDocument().serialized(indentation: 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
    let scores = try #require(object["scores"] as? [String: Any])
    let models = try #require(scores["models"] as? [[String: Any]])
    let threshold = try #require(models[0]["threshold"] as? [String: Any])
    #expect(threshold["source"] as? String == "prediction_column")
    #expect(threshold["value"] as? Double == 0.635882)
    let comparisons = try #require(scores["comparisons"] as? [[String: Any]])
    #expect(comparisons.map { $0["metric"] as? String } == ["average_precision", "roc_auc"])
    let tests = try #require(comparisons[1]["tests"] as? [String: Any])
    #expect(tests["delong"] != nil && tests["permutation"] != nil)
  }
}
