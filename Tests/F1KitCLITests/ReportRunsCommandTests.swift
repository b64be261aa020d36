import Foundation
import Testing
import _TestSupport

/// `f1kit report` with several runs per model, grouped items and strata.
@Suite("f1kit report: runs, groups and strata")
struct ReportRunsCommandTests {
  static func runs(_ model: String) -> String {
    "\(model)="
      + (1...3).map { "fixtures/experiments/\(model)-run\($0).csv" }
      .joined(separator: ",")
  }

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private func report(_ arguments: [String]) throws -> (html: String, json: [String: Any]) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-report-runs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("r.html").path
    let json = folder.appendingPathComponent("r.json").path
    let result = try runF1Kit(["report"] + arguments + ["--out", html, "--json", json])
    #expect(result.status == 0, "\(result.standardError)")
    return (
      try String(contentsOfFile: html, encoding: .utf8),
      try object(try String(contentsOfFile: json, encoding: .utf8))
    )
  }

  @Test("runs and groups: the section, a dot per run, and JSON equal to compare's")
  func runsAndGroups() throws {
    let arguments = [Self.runs("a"), Self.runs("b"), "--group-column", "query"]
    let (html, json) = try report(arguments + ["--resamples", "999"])
    #expect(html.contains("<h2 id=\"runs-heading\">Runs and groups</h2>"))
    #expect(html.contains("<strong>40 groups</strong>"))
    #expect(html.components(separatedBy: "class=\"run-dot\"").count - 1 == 6)
    #expect(html.contains("From seeds"))
    #expect(html.contains("Width ratio"))
    let experiment = try #require(json["experiment"] as? [String: Any])
    let design = try #require(experiment["design"] as? [String: Any])
    #expect(design["groups"] as? Int == 40)
    #expect(design["runs"] as? [Int] == [3, 3])
    let compare = try runF1Kit(
      ["compare"] + arguments + ["--metric", "binary_f1", "--resamples", "999", "--format", "json"])
    #expect(compare.status == 0, "\(compare.standardError)")
    // One engine: the report's experiment is compare's document.
    let reported = try JSONSerialization.data(withJSONObject: experiment, options: .sortedKeys)
    let compared = try JSONSerialization.data(
      withJSONObject: try object(compare.standardOutput), options: .sortedKeys)
    #expect(reported == compared)
    let advice = try #require(json["advice"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(advice.contains("grouped-intervals"))
    #expect(!advice.contains("single-run-per-model"))
  }

  @Test("one file per model with --group-column: intervals by group, one run each")
  func groupsOnly() throws {
    let (html, json) = try report([
      "fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv", "--group-column",
      "query", "--resamples", "499",
    ])
    let experiment = try #require(json["experiment"] as? [String: Any])
    let design = try #require(experiment["design"] as? [String: Any])
    #expect(design["resampling"] as? String == "groups")
    #expect(design["runs"] as? [Int] == [1, 1])
    #expect(html.contains("which ignore the groups and are too narrow"))
    #expect(html.contains("Group column"))
  }

  @Test("--stratify gold is named in the section and the metadata")
  func stratified() throws {
    let (html, json) = try report([
      "fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv", "--stratify", "gold",
      "--resamples", "499",
    ])
    let design = try #require((json["experiment"] as? [String: Any])?["design"] as? [String: Any])
    #expect(design["resampling"] as? String == "stratified_by_gold")
    #expect(html.contains("every class keeps its item count"))
    #expect(html.contains("gold classes (--stratify gold)"))
  }

  @Test("a plain report has no experiment, and close single runs get the seed advice")
  func plainReport() throws {
    let (html, json) = try report([
      "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv", "--resamples", "499",
    ])
    #expect(json["experiment"] == nil)
    #expect(!html.contains("Runs and groups"))
    let advice = try #require(json["advice"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(advice.contains("single-run-per-model"))
  }

  @Test("runs without resamples are a usage error")
  func noResamples() throws {
    let result = try runF1Kit([
      "report", Self.runs("a"), Self.runs("b"), "--resamples", "0", "--out", "/tmp/never.html",
    ])
    #expect(result.status == 64)
    #expect(result.standardError.contains("--resamples above 0"))
  }
}
