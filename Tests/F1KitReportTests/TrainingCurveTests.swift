import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Training log")
struct TrainingCurveTests {
  @Test("reads epoch, steps and metric columns, with nan as undefined")
  func readsLog() throws {
    let curve = try TrainingCurve(csv: ReportTestData.trainingLog, source: "runs/log.csv")
    #expect(curve.metricNames == ["accuracy", "binary_f1", "mcc"])
    #expect(curve.points.count == 6)
    #expect(curve.points[0] == .init(epoch: 0.5, step: 100, values: [0.71, 0.69, 0.42]))
    #expect(curve.points[4].values[0].isNaN)
    #expect(curve.source == "log.csv")
    #expect(curve.plottedMetricIndices() == [1, 0, 2])
  }

  @Test(
    "steps counted per epoch with a closing steps -1 row, as CrossEncoder.fit logs, count from the start"
  )
  func stepsPerEpoch() throws {
    let text = """
      epoch,steps,Accuracy,Accuracy_Threshold,F1,F1_Threshold,Precision,Recall,Average_Precision\r
      0,100,0.7,0.5,0.6,0.5,0.6,0.6,0.71\r
      0,200,0.72,0.5,0.62,0.5,0.6,0.6,0.73\r
      0,-1,0.73,0.5,0.63,0.5,0.6,0.6,0.74\r
      1,100,0.75,0.5,0.65,0.5,0.6,0.6,0.76\r
      1,200,0.76,0.5,0.66,0.5,0.6,0.6,0.77\r
      1,-1,0.77,0.5,0.67,0.5,0.6,0.6,0.78\r

      """
    let curve = try TrainingCurve(csv: text, source: "CEBinaryClassificationEvaluator_results.csv")
    #expect(curve.stepsWereCountedPerEpoch)
    #expect(curve.points.map(\.step) == [100, 200, 200, 300, 400, 400])
    #expect(curve.points.map(\.epoch) == [0.5, 1, 1, 1.5, 2, 2])
    #expect(curve.runs() == [0..<6])
    #expect(curve.moments().allSatisfy { $0 == nil })
    let epochsOnly = try TrainingCurve(
      csv: "epoch,steps,F1\n0,-1,0.6\n1,-1,0.7\n", source: "log.csv")
    #expect(epochsOnly.points.map(\.epoch) == [1, 2])
    #expect(epochsOnly.points.map(\.step) == [-1, -1])
  }

  @Test("logs with global steps are read as they are")
  func globalSteps() throws {
    for path in [
      "training/stsb-dev_results.csv",
      "training/sentence-transformers/CrossEncoderClassificationEvaluator_stsb-dev_results.csv",
    ] {
      let curve = try TrainingCurve(contentsOfFile: Fixtures.url(path).path)
      #expect(!curve.stepsWereCountedPerEpoch, "\(path)")
    }
    let wholeEpochs = try TrainingCurve(
      csv: "epoch,steps,F1\n1,100,0.6\n2,200,0.7\n-1,-1,0.75\n", source: "log.csv")
    #expect(wholeEpochs.points.map(\.step) == [100, 200, -1])
  }

  @Test("reads the results log of the training fixture")
  func readsFixture() throws {
    let curve = try TrainingCurve(
      contentsOfFile: Fixtures.url("training/stsb-dev_results.csv").path)
    #expect(curve.points.count == 12)
    #expect(curve.metricNames.first == "accuracy")
    #expect(curve.metricNames.last == "threshold")
    #expect(curve.points.map(\.step) == Array(stride(from: 60, through: 720, by: 60)))
    #expect(
      curve.plottedMetricIndices().map { curve.metricNames[$0] } == [
        "binary_f1", "macro_f1", "accuracy", "mcc",
      ])
  }

  @Test(
    "a log written before the score columns existed is read and charted as today's log is")
  func readsLogWithoutScoreColumns() throws {
    let text = try String(
      contentsOf: Fixtures.url("training/stsb-dev_results.csv"), encoding: .utf8)
    let scoreColumns: Set = [
      "average_precision", "best_f1_tuned_on_this_set", "best_f1_threshold_tuned_on_this_set",
      "best_accuracy_tuned_on_this_set", "best_accuracy_threshold_tuned_on_this_set",
    ]
    // The fixture quotes no field, so splitting at commas reads it.
    let records = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    let kept = records[0].indices.filter { !scoreColumns.contains(records[0][$0]) }
    #expect(kept.count == records[0].count - scoreColumns.count)
    let older = records.map { record in kept.map { record[$0] }.joined(separator: ",") + "\n" }
    let curve = try TrainingCurve(csv: older.joined(), source: "stsb-dev_results.csv")
    let today = try TrainingCurve(csv: text, source: "stsb-dev_results.csv")
    #expect(curve.metricNames.count == 17)
    #expect(curve.points.map(\.step) == today.points.map(\.step))
    #expect(
      curve.plottedMetricIndices().map { curve.metricNames[$0] }
        == today.plottedMetricIndices().map { today.metricNames[$0] })
  }

  @Test(
    "a malformed log fails with its line and what was expected",
    arguments: [
      ("", "log.csv: expected a header row 'epoch,steps,<metrics>', found an empty file"),
      (
        "steps,f1\n1,0.5\n",
        "log.csv:1: expected a column named \"epoch\" in the header 'epoch,steps,<metrics>'"
      ),
      (
        "epoch,steps\n1,2\n", "log.csv:1: expected at least one metric column after epoch and steps"
      ),
      ("epoch,steps,f1\n1,2,0.5\n2,4\n", "log.csv:3: expected 3 fields as in the header, found 2"),
      (
        "epoch,steps,f1\r\n1,2,0.5\r\n2,4,good\r\n",
        "log.csv:3: expected a number in column \"f1\", found \"good\""
      ),
      (
        "epoch,steps,f1\n1,2.5,0.5\n",
        "log.csv:2: expected a number in column \"steps\", found \"2.5\""
      ),
      (
        "epoch,steps,f1\n1,2,0\"5\n",
        "log.csv:2:6: expected a quote only at the start of a field (write \"\" inside a quoted field)"
      ),
      (
        "epoch,steps,\"f1\" x\n1,2,0.5\n",
        "log.csv:1:17: expected a comma or a line end after a closing quote"
      ),
    ])
  func malformed(_ text: String, _ message: String) {
    #expect(throws: (any Error).self) { try TrainingCurve(csv: text, source: "log.csv") }
    do {
      _ = try TrainingCurve(csv: text, source: "log.csv")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("quoted header fields and a missing final newline are read")
  func quotedFields() throws {
    let curve = try TrainingCurve(csv: "\"epoch\",steps,\"f1, macro\"\n1,10,0.5", source: "log.csv")
    #expect(curve.metricNames == ["f1, macro"])
    #expect(curve.points == [.init(epoch: 1, step: 10, values: [0.5])])
  }
}
