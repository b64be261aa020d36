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
