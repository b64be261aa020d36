import Foundation
import Testing
import _TestSupport

/// `gate` and `compare` on experiments with few runs: the needed test-set
/// size agrees with the Student's *t* interval just printed, and the gate
/// prints the cautions `compare` prints.
@Suite("f1kit gate and compare: needed sizes with few runs, and compare's cautions")
struct GateCautionTests {
  static let experiments = "fixtures/experiments"
  static let runsA =
    "A=" + (1...3).map { "\(experiments)/a-run\($0).csv" }.joined(separator: ",")
  static let runsB =
    "B=" + (1...3).map { "\(experiments)/b-run\($0).csv" }.joined(separator: ",")

  /// A fixture file's lines, header first, each split at commas.
  private static func rows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  /// Writes rows as a CSV file.
  private static func write(_ rows: [[String]], to url: URL) throws {
    try (rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
      .write(to: url, atomically: true, encoding: .utf8)
  }

  /// B's three runs with their first 20 wrong predictions made right, so B
  /// is better than A by about 0.1 without being significantly better.
  ///
  /// - Parameter directory: Where to write them.
  /// - Returns: The model argument `B=run1,run2,run3`.
  private func improvedRuns(in directory: URL) throws -> String {
    var paths: [String] = []
    for run in 1...3 {
      var lines = try Self.rows("\(Self.experiments)/b-run\(run).csv")
      var fixed = 0
      for index in lines.indices.dropFirst() where fixed < 20 && lines[index][2] != lines[index][3]
      {
        lines[index][3] = lines[index][2]
        fixed += 1
      }
      let url = directory.appendingPathComponent("bk20-\(run).csv")
      try Self.write(lines, to: url)
      paths.append(url.path)
    }
    return "B=" + paths.joined(separator: ",")
  }

  /// The first runs of A and B with their queries replaced by two, `q1`
  /// and `q2`, alternating item by item: a test set of only two groups.
  ///
  /// - Parameter directory: Where to write them, as `a.csv` and `b.csv`.
  /// - Returns: Their paths, A first.
  static func fewGroupFirstRuns(in directory: URL, groups: Int = 6) throws -> [String] {
    var files: [String] = []
    for model in ["a", "b"] {
      var lines = try rows("\(experiments)/\(model)-run1.csv")
      let query = try #require(lines[0].firstIndex(of: "query"))
      for index in lines.indices.dropFirst() { lines[index][query] = "q\(index % groups + 1)" }
      let url = directory.appendingPathComponent("\(model).csv")
      try write(lines, to: url)
      files.append(url.path)
    }
    return files
  }

  private func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("compare never asks for fewer items than a test set whose difference is not significant")
  func compareNeedsMoreItems() throws {
    let folder = TemporaryDirectory()
    defer { withExtendedLifetime(folder) {} }
    let directory = folder.url
    let result = try runF1Kit(["compare", Self.runsA, try improvedRuns(in: directory), "-q"])
    #expect(result.status == 0, "\(result.standardError)")
    let verdict = try #require(
      result.standardOutput.split(separator: "\n").first { $0.contains("do not differ") })
    #expect(verdict.contains("CI [-0.004, 0.242], p = 0.057"))
    // Normal quantiles gave "about 540 items …; this test set has 600".
    #expect(
      verdict.hasSuffix(
        "Detecting a difference of 0.104 with 80% power would take more runs per model, not more test items: the spread between training runs alone would keep the interval too wide."
      ))
  }

  @Test(
    "gate never asks for fewer groups than a test set whose interval is too wide for the margin",
    arguments: [
      (["--margin", "0.12"], "±0.130", 0.12),
      (["--margin", "0.3", "--confidence", "0.999"], "±0.543", 0.3),
    ])
  func gateNeedsMoreGroups(options: [String], width: String, margin: Double) throws {
    let arguments =
      ["gate", Self.runsA, Self.runsB, "--metric", "binary_f1", "--group-column", "query", "-q"]
      + options
    let text = try runF1Kit(arguments)
    #expect(text.status == 0, "\(text.standardError)")
    let lines = text.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.count >= 2)
    #expect(lines[1].contains("and 40 groups the interval is \(width) wide"))
    // Normal quantiles gave "about 13 groups" and "about 3 groups".
    #expect(
      lines[1].hasSuffix("so more test groups cannot make it pass; more runs per model would."))
    let document = try json(try runF1Kit(arguments + ["--format", "json"]).standardOutput)
    let reach = try #require(document["reachability"] as? [String: Any])
    #expect(reach["reachable"] as? Bool == false)
    #expect(reach["count"] as? Int == 40)
    #expect(reach["required_n"] is NSNull)
    #expect(reach["limited_by_seeds"] as? Bool == true)
  }

  @Test("a reachable margin's needed size may be below the test set's, an unreachable one's never")
  func neededSizeAgreesWithReachability() throws {
    for margin in ["0.2", "0.25", "0.4", "0.13", "0.1"] {
      let result = try runF1Kit([
        "gate", Self.runsA, Self.runsB, "--metric", "binary_f1", "--group-column", "query",
        "--margin", margin, "--format", "json", "-q",
      ])
      let reach = try #require(json(result.standardOutput)["reachability"] as? [String: Any])
      let count = try #require(reach["count"] as? Int)
      if reach["reachable"] as? Bool == false, let needed = reach["required_n"] as? Int {
        #expect(needed > count, "margin \(margin)")
      }
    }
  }

  @Test("a model with one run beside one with five: the gate says its seed luck counts as 0")
  func oneRunBesideSeveral() throws {
    let one = "one=fixtures/training/seeds/lr-0.2/seed-42.csv"
    let slow = "slow=" + GateCommandTests.runs("lr-0.05")
    let arguments = ["gate", one, slow, "--metric", "binary_f1", "--margin", "0.02", "-q"]
    let caution =
      "one has one run: its seed luck cannot be estimated and counts as 0, so the intervals that involve it are too narrow, and Almost Stochastic Order, which needs two runs per model, is not reported; train one with several seeds too."
    let compare = try runF1Kit(["compare", one, slow, "--metric", "binary_f1", "-q"])
    #expect(compare.standardOutput.contains("Note: " + caution))
    let text = try runF1Kit(arguments)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.hasPrefix("PASS: "))
    #expect(text.standardOutput.hasSuffix("\nNote: " + caution + "\n"))
    let document = try json(try runF1Kit(arguments + ["--format", "json"]).standardOutput)
    #expect(document["cautions"] as? [String] == [caution])
  }

  /// Runs the gate with a Markdown summary, and expects it to exit with
  /// `status` (0, a pass, by default) with `caution` as the text's last
  /// note, the summary's note (`inMarkdown` when escaped) and the JSON's
  /// only caution.
  ///
  /// - Returns: The text run.
  private func expectCaution(
    _ caution: String, arguments: [String], summary: URL, inMarkdown: String? = nil,
    status: Int32 = 0
  ) throws -> CommandResult {
    let text = try runF1Kit(arguments + ["--summary", summary.path])
    #expect(text.status == status, "\(text.standardError)")
    #expect(text.standardOutput.hasSuffix("\nNote: " + caution + "\n"))
    let markdown = try String(contentsOf: summary, encoding: .utf8)
    #expect(markdown.contains("\n**Note:** " + (inMarkdown ?? caution) + "\n"))
    let document = try json(try runF1Kit(arguments + ["--format", "json"]).standardOutput)
    #expect(document["cautions"] as? [String] == [caution])
    return text
  }

  @Test(
    "six groups: the gate says a bootstrap over so few groups can be too narrow, and fails with fewer than 10 differing groups"
  )
  func fewGroups() throws {
    let folder = TemporaryDirectory()
    defer { withExtendedLifetime(folder) {} }
    let directory = folder.url
    let files = try Self.fewGroupFirstRuns(in: directory)
    let summary = directory.appendingPathComponent("summary.md")
    let arguments =
      ["gate"] + files + [
        "--group-column", "query", "--metric", "binary_f1", "--margin", "0.02", "-q",
      ]
    let caution =
      "only 6 groups: a bootstrap over fewer than about 30 groups can give intervals that are too narrow."
    // The interval [0.065, 0.154] clears the margin, but the floor counts
    // groups: 228 differing items in 6 groups are 6 draws, too few.
    let text = try expectCaution(caution, arguments: arguments, summary: summary, status: 1)
    #expect(text.standardOutput.hasPrefix("FAIL: "))
    #expect(
      text.standardOutput.contains(
        "the models label 228 of the 600 items differently, in 6 of the 6 groups, fewer than 10 groups"
      ))
  }

  @Test("interval ends cut at the metric's range: the gate says so")
  func cutIntervalEnds() throws {
    let folder = TemporaryDirectory()
    defer { withExtendedLifetime(folder) {} }
    let directory = folder.url
    let summary = directory.appendingPathComponent("summary.md")
    let arguments = [
      "gate", Self.runsA, Self.runsB, "--metric", "binary_f1", "--margin", "0.4",
      "--confidence", "0.9999", "--group-column", "query", "-q",
    ]
    let caution =
      "2 interval ends reached past binary F1's range [0, 1] and were cut at its bounds: with 3 runs for a model the seed variance rests on very few degrees of freedom, so Student's t makes the intervals very wide; train more runs (5 or more per model)."
    // The summary escapes Markdown's brackets.
    let text = try expectCaution(
      caution, arguments: arguments, summary: summary,
      inMarkdown: caution.replacingOccurrences(of: "[0, 1]", with: "\\[0, 1\\]"))
    #expect(text.standardOutput.contains("99.99% CI [−0.368, 1.000]"))
    // With no caution to give, the JSON has no cautions member.
    let plain = try runF1Kit(
      ["gate", Self.runsA, Self.runsB, "--metric", "binary_f1", "--margin", "0.3", "-q"]
        + ["--format", "json"])
    #expect(try json(plain.standardOutput)["cautions"] == nil)
  }
}
