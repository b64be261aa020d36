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

  @Test("a caution that starts with a model's name keeps the name's case")
  func cautionKeepsModelName() throws {
    let (html, _) = try report(
      ["one=fixtures/experiments/a-run1.csv", Self.runs("b"), "--resamples", "200"])
    #expect(html.contains("<li>one has one run: its seed luck cannot be estimated"))
    #expect(!html.contains("One has one run"))
  }

  @Test("the first runs' advice says it is about the first run of a model with several runs")
  func firstRunAdviceSaysSo() throws {
    let closing =
      " The scores cited are each model's first run's; the Summary's verdict and Runs and groups use every run."
    let (html, json) = try report(
      ["A" + Self.runs("a").dropFirst(), "B" + Self.runs("b").dropFirst(), "--resamples", "200"])
    // A's first run scores binary F1 0.5900; compare's mean over its three
    // runs is 0.6553: the advice names the run it quotes.
    #expect(html.contains("A (first run): Binary F1 does not beat always predicting &quot;1&quot;"))
    let advice = try #require(json["advice"] as? [[String: Any]])
    let baseline = try #require(advice.first { $0["id"] as? String == "no-better-than-baseline" })
    #expect(baseline["model"] as? String == "A")
    #expect(baseline["first_run"] as? Bool == true)
    let evidenceModels = Set(
      (baseline["evidence"] as? [[String: Any]] ?? []).compactMap { $0["model"] as? String })
    #expect(evidenceModels.isSubset(of: ["A"]))
    #expect((baseline["message"] as? String)?.contains("binary F1 (0.5900)") == true)
    let agree = try #require(
      advice.first { $0["id"] as? String == "balanced-binary-metrics-agree" })
    #expect((agree["message"] as? String)?.hasSuffix(closing) == true, "\(agree)")
    #expect(agree["first_run"] as? Bool == true)
    #expect(html.contains(closing.replacingOccurrences(of: "'", with: "&#39;")))
    // One run for A: A's advice keeps its name; B's runs still mark the
    // advice that cites B's scores.
    let (_, mixed) = try report(
      ["A=fixtures/experiments/a-run1.csv", "B" + Self.runs("b").dropFirst(), "--resamples", "200"])
    let mixedAdvice = try #require(mixed["advice"] as? [[String: Any]])
    #expect(
      mixedAdvice.first { $0["id"] as? String == "no-better-than-baseline" }?["model"] as? String
        == "A")
    // Groups alone (one run each): nothing is marked.
    let (groupsHTML, groups) = try report(
      [
        "A=fixtures/experiments/a-run1.csv", "B=fixtures/experiments/b-run1.csv", "--group-column",
        "query", "--resamples", "200",
      ])
    #expect(!groupsHTML.contains("(first run)"))
    #expect(!groupsHTML.contains(closing.dropFirst().prefix(30)))
    let groupAdvice = try #require(groups["advice"] as? [[String: Any]])
    #expect(groupAdvice.contains { $0["model"] as? String == "A" })
    #expect(!groupAdvice.contains { $0["first_run"] != nil })
    #expect(!groupAdvice.contains { ($0["message"] as? String)?.hasSuffix(closing) == true })
  }

  @Test("runs and groups: the section, a dot per run, and JSON equal to compare's")
  func runsAndGroups() throws {
    let arguments = [Self.runs("a"), Self.runs("b"), "--group-column", "query"]
    let (html, json) = try report(arguments + ["--resamples", "999"])
    #expect(html.contains("<h2 id=\"runs-heading\">Runs and groups</h2>"))
    #expect(html.contains("<strong>40 groups</strong>"))
    // In the desktop drawing and again in the phone drawing.
    #expect(html.components(separatedBy: "class=\"run-dot\"").count - 1 == 2 * 6)
    #expect(html.contains("<svg id=\"runs-forest-narrow\" class=\"chart narrow\""))
    #expect(html.contains("From seeds"))
    #expect(html.contains("Width ratio"))
    // Three runs each: t at about 2.5 degrees of freedom widens the
    // interval by about 1.8 over normal quantiles, and the table says so.
    #expect(html.contains("Few-runs widening"))
    #expect(html.contains("× (t, "))
    // The Methods list describes the experiment, not the first runs'
    // item-level permutation test, as the report's method.
    #expect(
      html.contains(
        "<dt>Methods</dt><dd>Summary&#39;s verdict and Runs and groups (binary F1): each model&#39;s "
          + "value is the mean of its runs&#39; values (3 per model); two-level paired bootstrap, "
          + "999 resamples, seed 42: each resample draws each model&#39;s runs with replacement, "
          + "then whole groups with replacement (40 groups of the column “query”, 600 items)"))
    #expect(!html.contains("p-values: paired approximate permutation test"))
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

  /// A number as the report writes it: three decimals, a true minus sign.
  private func score(_ value: Double) -> String {
    String(format: "%.3f", value).replacingOccurrences(of: "-", with: "\u{2212}")
  }

  /// The Summary's verdict box of a page.
  private func verdict(_ html: String) throws -> String {
    let start = try #require(html.range(of: "<div class=\"verdict\""))
    let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
    return String(html[start.lowerBound..<end.upperBound])
  }

  @Test(
    "the Summary's verdict is compare's experiment (difference, interval, p), not the first runs'",
    arguments: [
      [Self.runs("a"), Self.runs("b"), "--group-column", "query"],
      [
        "fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv", "--group-column",
        "query",
      ],
      [Self.runs("a"), Self.runs("b"), "--stratify", "gold"],
    ])
  func verdictIsTheExperiments(arguments: [String]) throws {
    let (html, json) = try report(arguments + ["--resamples", "999"])
    let compare = try runF1Kit(
      ["compare"] + arguments + ["--metric", "binary_f1", "--resamples", "999", "--format", "json"])
    #expect(compare.status == 0, "\(compare.standardError)")
    let document = try object(compare.standardOutput)
    let difference = try #require(document["difference"] as? [String: Any])
    let value = try #require(difference["value"] as? Double)
    let low = try #require(difference["low"] as? Double)
    let high = try #require(difference["high"] as? Double)
    let tests = try #require(document["tests"] as? [String: Any])
    // The verdict's test: the group permutation test for groups with one
    // run each, otherwise the (two-level) paired bootstrap.
    let test = try #require(document["verdict_test"] as? String)
    #expect((test == "permutation") == !arguments[0].contains("="))
    let p = try #require((tests[test] as? [String: Any])?["p_value"] as? Double)
    // B is ahead in every design of the fixture.
    #expect(value > 0)
    let pText =
      p < 0.001 ? "p &lt; 0.001" : "p = " + String(format: p < 0.1 ? "%.3f" : "%.2f", p)
    let verdict = try verdict(html)
    #expect(
      verdict.contains("by \(score(value)) [\(score(low)), \(score(high))], \(pText)"),
      "\(verdict)")
    #expect(verdict.contains(p < 0.05 ? "beats" : "not a significant difference"))
    // The first runs' item-level comparison (0.113, permutation test) is
    // not the verdict; it stays in the JSON under first_run.
    #expect(
      !verdict.replacingOccurrences(of: "permutation test (whole groups swapped)", with: "")
        .contains("permutation test"))
    #expect(
      verdict.contains("permutation test (whole groups swapped)") == (test == "permutation"))
    #expect(json["comparisons"] == nil && json["models"] == nil)
    let firstRun = try #require(json["first_run"] as? [String: Any])
    #expect((firstRun["comparisons"] as? [Any])?.isEmpty == false)
  }

  @Test("with runs, the metadata lists each model's run files under the model's name")
  func metadataListsEachModelsRuns() throws {
    let (page, _) = try report([
      Self.runs("a"), Self.runs("b"), "--group-column", "query", "--resamples", "199",
    ])
    // Long file names break after "/", "-", "_" and "." (<wbr>).
    let html = page.replacingOccurrences(of: "<wbr>", with: "")
    func files(_ model: String) -> String {
      (1...3).map { "<code>fixtures/experiments/\(model)-run\($0).csv</code>" }
        .joined(separator: ", ")
    }
    #expect(
      html.contains("<dt>Prediction files</dt><dd>a: \(files("a"))<br>b: \(files("b"))</dd>"))
    #expect(!html.contains("a-run2.csv</code> (b)"))
  }

  @Test("with groups, the first runs' item-level 'no significant difference' advice is left out")
  func noItemLevelSignificanceAdvice() throws {
    let (html, json) = try report([
      "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv", "--group-column",
      "sentence1", "--resamples", "499",
    ])
    let advice = try #require(json["advice"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    #expect(!advice.contains("no-significant-difference"))
    #expect(advice.contains("grouped-intervals"))
    #expect(try verdict(html).contains("not a significant difference"))
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
