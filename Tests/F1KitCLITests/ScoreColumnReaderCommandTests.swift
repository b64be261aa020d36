import Foundation
import Testing
import _TestSupport

@Suite("f1kit evaluate --score-column reads the score column flat")
struct ScoreColumnReaderCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test(
    "the label metrics equal those of the same file with the thresholded prediction written out",
    arguments: [0.5, 0.8])
  func labelMetricsMatchPredictions(threshold: Double) throws {
    let source = try String(
      contentsOf: Fixtures.url("stsb/test-minilm-l6.csv"), encoding: .utf8)
    var rows = ["label,predicted,score"]
    for line in source.split(whereSeparator: \.isNewline).dropFirst() {
      // The fixture's last three fields: label, prediction, score.
      let fields = line.split(separator: ",").suffix(3)
      let label = fields[fields.startIndex]
      let score = fields[fields.startIndex + 2]
      let predicted = try #require(Double(score)) >= threshold ? "1" : "0"
      rows.append("\(label),\(predicted),\(score)")
    }
    let directory = TemporaryDirectory()
    directory.write("scored.csv", rows.joined(separator: "\n") + "\n")
    let scored = try runF1Kit(
      [
        "evaluate", "scored.csv", "--score-column", "score", "--threshold", "\(threshold)",
        "--format", "json",
      ], in: directory.url)
    let labelled = try runF1Kit(
      ["evaluate", "scored.csv", "--pred-column", "predicted", "--format", "json"],
      in: directory.url)
    #expect(scored.status == 0, "\(scored.standardError)")
    #expect(labelled.status == 0, "\(labelled.standardError)")
    let (a, b) = (try json(scored), try json(labelled))
    for key in ["n", "labels", "metrics", "per_class", "confusion_matrix"] {
      let left = try JSONSerialization.data(
        withJSONObject: a[key] as Any, options: [.sortedKeys, .fragmentsAllowed])
      let right = try JSONSerialization.data(
        withJSONObject: b[key] as Any, options: [.sortedKeys, .fragmentsAllowed])
      #expect(left == right, "\(key)")
    }
    let metrics = try #require(a["score_metrics"] as? [String: Any])
    // scikit-learn 1.9.1 on the fixture (the same goldens as ScoreCommandTests).
    #expect(abs((metrics["roc_auc"] as? Double ?? 0) - 0.9007761955473989) <= 1e-12)
  }

  @Test(
    "a malformed row exits 65 with one file:line:column line",
    arguments: [
      ("label,score\n1,0.3\n0,high\n", "bad.csv:3:2:"),
      ("label,score\n1,0.3\n0,inf\n", "bad.csv:3:2:"),
      ("label,score\n1,0.3\n0\n", "bad.csv:3:"),
      ("label\tscore\n1\t0.3\n0\t\n", "bad.tsv:3:2:"),
    ])
  func malformedRow(contents: String, location: String) throws {
    let name = String(location.prefix { $0 != ":" })
    let directory = TemporaryDirectory()
    directory.write(name, contents)
    for format in ["text", "json"] {
      let result = try runF1Kit(
        ["evaluate", name, "--score-column", "score", "--format", format], in: directory.url)
      #expect(result.status == 65, "\(result.standardError)")
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
      #expect(result.standardError.contains(location), "\(result.standardError)")
    }
  }
}
