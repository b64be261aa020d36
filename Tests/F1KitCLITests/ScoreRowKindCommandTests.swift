import Foundation
import Testing
import _TestSupport

@Suite("f1kit on per-class score rows that are rounded, or logits beside probabilities")
struct ScoreRowKindCommandTests {
  /// Twelve items of three classes; each row a softmax of one logit row.
  private static let logits: [[Double]] = [
    [2.0, 0.1, -1.0], [1.2, 0.9, 0.3], [0.2, 1.5, 0.1], [-0.5, 2.2, 0.4],
    [0.3, 0.2, 1.9], [0.1, -0.4, 1.1], [1.4, 1.6, 0.2], [0.0, 0.3, 0.9],
    [1.1, -0.2, 0.8], [0.6, 0.5, 0.4], [-1.0, 0.2, 2.5], [0.9, 1.8, -0.3],
  ]
  private static let gold = [0, 0, 1, 1, 2, 2, 1, 2, 0, 0, 2, 1]

  private static func softmax(_ row: [Double]) -> [Double] {
    let top = row.max()!
    let exponentials = row.map { exp($0 - top) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
  }

  /// A CSV of `label,0,1,2` with each row written by `write`.
  private static func file(_ write: ([Double]) -> [String]) -> String {
    var text = "label,0,1,2\n"
    for (row, label) in zip(logits, gold) {
      text += "\(label)," + write(row).joined(separator: ",") + "\n"
    }
    return text
  }

  private static let probabilities = file { softmax($0).map { "\($0)" } }
  /// Probabilities as `df.round(3)` writes them: rows miss 1 by up to 0.001.
  private static let rounded = file {
    softmax($0).map { String(format: "%.3f", $0) }
  }
  private static let rawLogits = file { $0.map { "\($0)" } }

  @Test("rounded probability rows keep log loss, lose one-vs-one ROC-AUC, and get a warning")
  func roundedRows() throws {
    let directory = TemporaryDirectory()
    directory.write("rounded.csv", Self.rounded)
    let result = try runF1Kit(
      ["evaluate", "rounded.csv", "--score-columns", "0,1,2", "--format", "json"],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "warning: rounded.csv: the score rows sum to 1 only within 0."))
    #expect(result.standardError.contains("one-vs-one ROC-AUC, which needs rows that sum to 1"))
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let scores = try #require(document["score_metrics"] as? [String: Any])
    #expect(scores["log_loss"] is Double)
    #expect(scores["brier_score"] is Double)
    #expect(scores["roc_auc_ovo_macro"] is NSNull)
    let notes = try #require(document["score_metric_notes"] as? [String: String])
    #expect(notes["roc_auc_ovo_macro"]?.contains("as rounded probabilities do") == true)
  }

  @Test("unrounded probability rows get no warning and every metric")
  func exactRows() throws {
    let directory = TemporaryDirectory()
    directory.write("p.csv", Self.probabilities)
    let result = try runF1Kit(
      ["evaluate", "p.csv", "--score-columns", "0,1,2", "--format", "json"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.isEmpty)
    #expect(result.standardOutput.contains("\"roc_auc_ovo_macro\": 0."))
  }

  @Test(
    "logits beside probabilities are refused on a one-vs-rest metric, in compare and gate",
    arguments: ["compare", "gate"])
  func mixedRowKinds(command: String) throws {
    let directory = TemporaryDirectory()
    directory.write("p.csv", Self.probabilities)
    directory.write("logits.csv", Self.rawLogits)
    var arguments = [
      command, "p.csv", "logits.csv", "--score-columns", "0,1,2", "--metric",
      "roc_auc_ovr_macro", "--resamples", "200",
    ]
    if command == "gate" { arguments += ["--margin", "0.01"] }
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(
      result.standardError
        == "Error: logits.csv's score rows are not probabilities (logits?) while p.csv's are, and roc_auc_ovr_macro reads each class's column on its own, so a softmax alone changes it: the difference would mix the models with how their scores were written; give every model's probabilities (scipy.special.softmax(logits, axis=1)) or every model's logits\n"
    )
  }

  @Test(
    "a gold label that differs between score files is placed on its line, by row and by id",
    arguments: [false, true])
  func goldDifference(withIDs: Bool) throws {
    let directory = TemporaryDirectory()
    let gold = ["1", "0", "1", "0", "1", "0"]
    let scores = ["0.9", "0.2", "0.7", "0.4", "0.6", "0.1"]
    func file(_ labels: [String], order: [Int]) -> String {
      order.reduce(withIDs ? "id,label,score\n" : "label,score\n") { text, row in
        text + (withIDs ? "q\(row)," : "") + "\(labels[row]),\(scores[row])\n"
      }
    }
    var changed = gold
    changed[3] = "1"
    let order = withIDs ? [5, 4, 3, 2, 1, 0] : Array(0..<6)
    directory.write("a.csv", file(gold, order: Array(0..<6)))
    directory.write("b.csv", file(changed, order: order))
    let result = try runF1Kit(
      [
        "compare", "a.csv", "b.csv", "--score-column", "score", "--metric", "roc_auc",
        "--resamples", "100",
      ], in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    let place = withIDs ? "b.csv:4:2: item q3" : "b.csv:5:1: item 4"
    #expect(
      result.standardError
        == "Error: \(place) has gold label \"1\" but \"0\" in a.csv; the files do not describe the same items\n"
    )
  }

  @Test("two models' logits compare on a one-vs-rest metric")
  func logitsAgainstLogits() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", Self.rawLogits)
    directory.write("b.csv", Self.rawLogits)
    let result = try runF1Kit(
      [
        "compare", "a.csv", "b.csv", "--score-columns", "0,1,2", "--metric",
        "average_precision_macro", "--resamples", "200",
      ], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
  }
}
