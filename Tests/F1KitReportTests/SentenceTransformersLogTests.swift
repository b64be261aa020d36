import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Training logs of Sentence-Transformers, evaluations after training, several runs")
struct SentenceTransformersLogTests {
  /// The log CrossEncoderClassificationEvaluator writes for a one-output
  /// model: eight evaluations, then one with epoch -1 and steps -1.
  static let fixture =
    "training/sentence-transformers/"
    + "CrossEncoderClassificationEvaluator_stsb-dev_results.csv"

  static func fixtureText() throws -> String {
    try String(contentsOf: Fixtures.url(fixture), encoding: .utf8)
  }

  static func fixtureCurve() throws -> TrainingCurve {
    try TrainingCurve(contentsOfFile: Fixtures.url(fixture).path)
  }

  /// The training section of a report on one STS-B model with a log.
  static func trainingSection(_ curve: TrainingCurve) throws -> String {
    var options = ReportOptions(title: "Training", seed: 1, resamples: 0, toolVersion: "test")
    options.trainingCurve = curve
    let model = try ReportBuilder(options: options).build([
      try ReportTestData.fixtureInput("stsb/test-minilm-l6.csv")
    ])
    return HTMLReport(model).trainingSection()
  }

  @Test("the log is read as Python's csv.writer wrote it: CRLF line ends, nine evaluations")
  func readsFixture() throws {
    #expect(try Self.fixtureText().hasSuffix(",0.8755347696565641\r\n"))
    let curve = try Self.fixtureCurve()
    #expect(
      curve.metricNames == [
        "Accuracy", "Accuracy_Threshold", "F1", "F1_Threshold", "Precision", "Recall",
        "Average_Precision",
      ])
    #expect(curve.points.count == 9)
    #expect(curve.points.map(\.step) == [100, 200, 300, 400, 500, 600, 700, 800, -1])
  }

  @Test("Sentence-Transformers' primary metric, Average_Precision, leads; no threshold is charted")
  func primaryMetricLeads() throws {
    let curve = try Self.fixtureCurve()
    #expect(curve.sentenceTransformersLog?.evaluator == "CrossEncoderClassificationEvaluator")
    #expect(curve.sentenceTransformersLog?.primaryMetric == "Average_Precision")
    #expect(
      curve.plottedMetricIndices().map { curve.metricNames[$0] } == [
        "Average_Precision", "F1", "Accuracy",
      ])
  }

  @Test("the older CEBinaryClassificationEvaluator is named from the file name")
  func namesOlderEvaluator() throws {
    let curve = try TrainingCurve(
      csv: try Self.fixtureText(), source: "out/CEBinaryClassificationEvaluator_results.csv")
    #expect(curve.sentenceTransformersLog?.evaluator == "CEBinaryClassificationEvaluator")
    #expect(curve.sentenceTransformersLog?.primaryMetric == "Average_Precision")
  }

  @Test("a several-output log leads with Macro_F1, Sentence-Transformers' f1_macro")
  func multiclassLog() throws {
    let curve = try TrainingCurve(
      csv: "epoch,steps,Macro_F1,Micro_F1,Weighted_F1\r\n0.5,100,0.61,0.7,0.68\r\n",
      source: "CrossEncoderClassificationEvaluator_nli-dev_results.csv")
    #expect(curve.sentenceTransformersLog?.primaryMetric == "Macro_F1")
    #expect(curve.plottedMetricIndices() == [0, 1, 2])
  }

  @Test(
    "columns named threshold or ending in _threshold, in any case, are cut-offs",
    arguments: [
      ("Accuracy_Threshold", true), ("F1_Threshold", true), ("threshold", true),
      ("cosine_f1_THRESHOLD", true), ("best_f1_threshold_tuned_on_this_set", true),
      ("F1", false), ("average_precision", false), ("thresholded_f1", false),
    ])
  func thresholdColumns(name: String, isThreshold: Bool) {
    #expect(TrainingCurve.isThresholdColumn(name) == isThreshold)
  }

  @Test("a log of other columns never charts its thresholds, even when no known metric is in it")
  func otherLogSkipsThresholds() throws {
    let curve = try TrainingCurve(
      csv: "epoch,steps,Cut_Threshold,score,loss\n1,10,0.5,0.7,0.3\n", source: "log.csv")
    #expect(curve.sentenceTransformersLog == nil)
    #expect(curve.plottedMetricIndices() == [1, 2])
  }

  @Test("epoch -1 and steps -1 is the evaluation after training, never step -1")
  func evaluationAfterTraining() throws {
    let curve = try Self.fixtureCurve()
    #expect(curve.moments() == Array(repeating: nil, count: 8) + [.afterTraining])
    #expect(curve.chartedPointIndices == Array(0..<8))
    let before = try TrainingCurve(
      csv: "epoch,steps,f1\n-1,-1,0.4\n0.5,10,0.6\n1,20,0.7\n-1,-1,0.7\n", source: "log.csv")
    #expect(before.moments() == [.beforeTraining, nil, nil, .afterTraining])
    let stepless = try TrainingCurve(csv: "epoch,steps,f1\n-1,-1,0.4\n-1,-1,0.6\n", source: "l")
    #expect(stepless.moments() == [nil, nil])
    #expect(stepless.chartedPointIndices == [0, 1])
  }

  @Test("the report's chart keeps the step axis at the training steps and says what is best")
  func reportSection() throws {
    let html = try Self.trainingSection(try Self.fixtureCurve())
    // The step axis spans the training steps (0 to 800): no negative tick.
    // (Before, the -1 row stretched it to −200, written with a minus sign.)
    #expect(!html.contains("class=\"tick\">−") && !html.contains("class=\"tick\">-"))
    #expect(html.contains("class=\"tick\">800<"))
    #expect(!html.contains("class=\"legend\">Accuracy_Threshold"))
    #expect(!html.contains("class=\"legend\">F1_Threshold"))
    #expect(html.contains("the best Average_Precision is 0.8947 at step 200."))
    #expect(
      html.contains(
        "After training (logged as epoch -1, steps -1, so not drawn on the step axis), Average_Precision is 0.8755."
      ))
    #expect(html.contains("<td class=\"num\">after training</td>"))
    #expect(html.contains("primary metric, Average_Precision, leads the chart."))
    #expect(html.contains("Accuracy_Threshold, F1_Threshold are cut-offs on the scores"))
  }

  @Test("a second run appended to the log is found where the steps go back, and said once")
  func secondRun() throws {
    let text = try Self.fixtureText()
    let rows = text.split(separator: "\r\n", omittingEmptySubsequences: true).dropFirst()
    let twice = text + rows.map { $0 + "\r\n" }.joined()
    let curve = try TrainingCurve(csv: twice, source: "log.csv")
    #expect(curve.runs() == [0..<9, 9..<18])
    #expect(
      curve.severalRunsWarning()
        == "log.csv: the steps go back from 800 to 100 after evaluation 9, as when a second training run appends to the same log; its 2 runs are drawn as separate lines, earlier runs dashed"
    )
    #expect(curve.moments().compactMap { $0 } == [.afterTraining, .afterTraining])
    let html = try Self.trainingSection(curve)
    #expect(html.components(separatedBy: "the steps go back").count == 2)
    #expect(html.contains("class=\"series dashed\""))
    #expect(html.contains("the best Average_Precision is 0.8947 at step 200 of run 1."))
    #expect(html.contains("Average_Precision is 0.8755 (run 1), 0.8755 (run 2)."))
    #expect(try Self.fixtureCurve().severalRunsWarning() == nil)
  }

  @Test("steps that count from zero again in each new epoch start no run")
  func stepsPerEpoch() throws {
    let curve = try TrainingCurve(
      csv: "epoch,steps,f1\n0,100,0.5\n0,200,0.6\n0,-1,0.62\n1,100,0.64\n1,200,0.66\n",
      source: "log.csv")
    #expect(curve.runs() == [0..<5])
    #expect(curve.severalRunsWarning() == nil)
  }
}
