import Foundation
import Testing
import _TestSupport

@Suite("f1kit gate: release decisions, exit statuses and CI summaries")
struct GateCommandTests {
  static let stsb = ["fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]
  static let r8 = ["fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv"]

  private func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The lines of a JSON document's `"difference": {…}` member, as written.
  private func differenceBlock(_ text: String) throws -> String {
    let start = try #require(text.range(of: "\n  \"difference\": {"))
    let end = try #require(text.range(of: "\n  }", range: start.upperBound..<text.endIndex))
    return String(text[start.lowerBound..<end.upperBound])
  }

  @Test(
    "the difference interval equals compare's to the last digit",
    arguments: [
      (stsb, "binary_f1", ["--resamples", "999"]),
      (stsb, "macro_f1", ["--resamples", "999", "--seed", "7", "--confidence", "0.9"]),
      (r8, "macro_f1", ["--resamples", "999", "--ci-method", "percentile"]),
      (r8, "accuracy", ["--resamples", "999"]),
    ])
  func equalsCompare(files: [String], metric: String, options: [String]) throws {
    let compare = try runF1Kit(
      ["compare"] + files + ["--metric", metric, "--format", "json", "-q"] + options)
    let gate = try runF1Kit(
      ["gate"] + files + [
        "--metric", metric, "--margin", "0.02", "--format", "json", "-q",
      ] + options)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(gate.status == 0 || gate.status == 1, "\(gate.standardError)")
    #expect(try differenceBlock(gate.standardOutput) == differenceBlock(compare.standardOutput))
    let expected = try #require(json(compare.standardOutput)["difference"] as? [String: Any])
    let actual = try #require(json(gate.standardOutput)["difference"] as? [String: Any])
    for key in ["value", "low", "high", "confidence"] {
      #expect(actual[key] as? Double == expected[key] as? Double, "\(key)")
    }
    #expect(actual["method"] as? String == expected["method"] as? String)
  }

  /// The five documented members of a `"difference"` object, as written:
  /// equal lines mean equal numbers to the last digit.
  private func differenceMembers(_ text: String) throws -> [String] {
    try differenceBlock(text).split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { line in
      ["value", "low", "high", "confidence", "method"].contains {
        line.hasPrefix("\"\($0)\":")
      }
    }.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
  }

  static func runs(_ configuration: String) -> String {
    [42, 43, 44, 45, 46].map { "fixtures/training/seeds/\(configuration)/seed-\($0).csv" }
      .joined(separator: ",")
  }

  @Test(
    "with runs, groups, strata and score metrics the interval equals compare's to the last digit",
    arguments: [
      (["fast=" + runs("lr-0.2"), "slow=" + runs("lr-0.05")], ["--metric", "binary_f1"]),
      (
        ["fast=" + runs("lr-0.2"), "slow=" + runs("lr-0.05")],
        ["--metric", "accuracy", "--seed", "7"]
      ),
      (stsb, ["--metric", "binary_f1", "--group-column", "sentence1"]),
      (stsb, ["--metric", "macro_f1", "--group-column", "sentence1", "--confidence", "0.9"]),
      (
        ["fast=" + runs("lr-0.2"), "slow=" + runs("lr-0.05")],
        ["--metric", "macro_f1", "--stratify", "gold"]
      ),
      (stsb, ["--metric", "binary_f1", "--stratify", "gold"]),
      (stsb, ["--metric", "roc_auc", "--score-column", "score", "--positive", "1"]),
      (
        stsb,
        [
          "--metric", "average_precision", "--score-column", "score", "--positive", "1", "--seed",
          "3",
        ]
      ),
    ])
  func experimentEqualsCompare(models: [String], options: [String]) throws {
    let common = options + ["--resamples", "499", "--format", "json", "-q"]
    let compare = try runF1Kit(["compare"] + models + common)
    let gate = try runF1Kit(["gate"] + models + ["--margin", "0.02"] + common)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(gate.status == 0 || gate.status == 1, "\(gate.standardError)")
    let expected = try differenceMembers(compare.standardOutput)
    #expect(expected.count == 5)
    #expect(try differenceMembers(gate.standardOutput) == expected)
    let document = try json(gate.standardOutput)
    if models[0].contains("=") {
      #expect(document["baseline"] as? String == "fast")
      #expect(document["candidate"] as? String == "slow")
    }
    let comparedDesign = try json(compare.standardOutput)["design"] as? [String: Any]
    let gatedDesign = document["design"] as? [String: Any]
    #expect(gatedDesign?["resampling"] as? String == comparedDesign?["resampling"] as? String)
    #expect(gatedDesign?["runs"] as? [Int] == comparedDesign?["runs"] as? [Int])
    #expect(gatedDesign?["groups"] as? Int == comparedDesign?["groups"] as? Int)
  }

  @Test(
    "a margin no difference can reach is refused: '5 points' typed as --margin 5",
    arguments: [
      ("macro_f1", "5", "non-inferiority", "0 to 1"), ("accuracy", "1", "equivalence", "0 to 1"),
      ("mcc", "2", "superiority", "−1 to 1"),
    ])
  func refusesMarginOutOfRange(metric: String, margin: String, mode: String, range: String)
    throws
  {
    let result = try runF1Kit([
      "gate", "fixtures/examples/prod.csv", "fixtures/examples/new.csv", "--metric", metric,
      "--margin", margin, "--mode", mode,
    ])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: '--margin \(margin)' is on the metric's own scale, where \(metric) runs from \(range): no difference between two models can reach it"
      ), "\(result.standardError)")
    // Just inside the range, and on an unbounded loss, the gate decides.
    let inside = try runF1Kit([
      "gate", "fixtures/examples/prod.csv", "fixtures/examples/new.csv", "--metric", metric,
      "--margin", metric == "mcc" ? "1.9" : "0.9", "--mode", mode, "--resamples", "199",
    ])
    #expect(inside.status == 0 || inside.status == 1, "\(inside.standardError)")
  }

  @Test(
    "a margin of 10 points or more draws a warning unless it can only make passing harder",
    arguments: [
      (
        "0.5", "non-inferiority",
        "warning: --margin 0.5 lets a candidate up to 50 points worse on macro_f1 pass; margins are usually 1 to 5 points (0.01 to 0.05): if you meant 0.5 points, give --margin 0.005"
      ),
      (
        "0.1", "equivalence",
        "warning: --margin 0.1 counts candidates up to 10 points apart on macro_f1 as equivalent; margins are usually 1 to 5 points (0.01 to 0.05): if you meant 0.1 points, give --margin 0.001"
      ),
      // 0.99 / 100 is 0.009899999999999999 in binary: the suggestion is
      // rounded, not printed with the division's noise.
      (
        "0.99", "non-inferiority",
        "warning: --margin 0.99 lets a candidate up to 99 points worse on macro_f1 pass; margins are usually 1 to 5 points (0.01 to 0.05): if you meant 0.99 points, give --margin 0.0099"
      ),
      ("0.5", "superiority", nil), ("0.09", "non-inferiority", nil),
    ])
  func wideMarginWarning(margin: String, mode: String, warning: String?) throws {
    let result = try runF1Kit([
      "gate", "fixtures/examples/prod.csv", "fixtures/examples/new.csv", "--metric", "macro_f1",
      "--margin", margin, "--mode", mode, "--resamples", "199",
    ])
    #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
    let warnings = result.standardError.split(separator: "\n").filter { $0.hasPrefix("warning:") }
    #expect(warnings == (warning.map { [Substring($0)] } ?? []), "\(result.standardError)")
  }

  @Test(
    "--threshold without a score column is refused, not ignored",
    arguments: [
      ["evaluate", "fixtures/examples/prod.csv", "--threshold", "0.7"],
      ["compare", "fixtures/examples/prod.csv", "fixtures/examples/new.csv", "--threshold", "0.3"],
      [
        "gate", "fixtures/examples/prod.csv", "fixtures/examples/new.csv", "--metric", "accuracy",
        "--margin", "0.05", "--threshold", "0.3",
      ],
    ])
  func refusesThresholdWithoutScores(arguments: [String]) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: '--threshold' cuts a score column, and none is named: give --score-column"),
      "\(result.standardError)")
  }

  @Test(
    "--threshold with per-class score columns of a single-label file is refused, not ignored",
    arguments: [
      ["evaluate", "fixtures/examples/scores.csv"],
      ["advise", "fixtures/examples/scores.csv"],
      ["compare", "fixtures/examples/scores.csv", "fixtures/examples/scores.csv"],
    ])
  func refusesThresholdOfPerClassScores(arguments: [String]) throws {
    let result = try runF1Kit(arguments + ["--score-columns", "neg,pos", "--threshold", "0.9"])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: '--threshold' cuts one binary score column or the score columns of a multilabel file"
      ),
      "\(result.standardError)")
  }

  @Test("the decision writes the margin as given and enough decimals to keep the ends from it")
  func decimalsShowTheMargin() throws {
    let arguments = ["gate"] + Self.stsb + ["--metric", "binary_f1", "--margin"]
    let small = try runF1Kit(arguments + ["0.0005", "--mode", "equivalence"])
    #expect(
      small.standardOutput.hasPrefix(
        "FAIL: candidate and baseline are not shown to be equivalent within ±0.0005 "))
    let close = try runF1Kit(arguments + ["0.0257"])
    #expect(close.status == 1)
    #expect(
      close.standardOutput.contains("the lower end −0.0258 is not above −0.0257."),
      "\(close.standardOutput)")
    let usual = try runF1Kit(arguments + ["0.05"])
    #expect(usual.standardOutput.contains("95% CI [−0.026, 0.009]."), "\(usual.standardOutput)")
  }

  @Test("with --group-column the margin's reachability is in groups, from the grouped width")
  func groupedReachability() throws {
    let grouped = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "binary_f1", "--margin", "0.01", "--group-column", "sentence1", "-q",
        "--format", "json",
      ])
    #expect(grouped.status == 1, "\(grouped.standardError)")
    let document = try json(grouped.standardOutput)
    let difference = try #require(document["difference"] as? [String: Any])
    let reach = try #require(document["reachability"] as? [String: Any])
    let halfWidth = try #require(reach["half_width"] as? Double)
    let low = try #require(difference["low"] as? Double)
    let high = try #require(difference["high"] as? Double)
    #expect(abs(halfWidth - (high - low) / 2) < 1e-15)
    #expect(reach["unit"] as? String == "groups")
    #expect(reach["count"] as? Int == 1256)
    let note = try #require(reach["note"] as? String)
    #expect(note.hasPrefix("With 1,256 groups the interval is ±"))
    #expect(note.contains(" groups would give an 80% chance of passing"))
    #expect(!note.contains("items"))
  }

  @Test(
    "with --group-column the range rests on the groups whatever --ci-method is",
    arguments: ["percentile", "basic"])
  func groupedRangeForEveryMethod(method: String) throws {
    let grouped = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "binary_f1", "--margin", "0.01", "--group-column", "sentence1", "-q",
        "--ci-method", method,
      ])
    #expect(grouped.status == 1, "\(grouped.standardError)")
    #expect(
      grouped.standardOutput.contains(
        " groups would give an 80% chance of passing if the models are equally good, a size that rests on the spread of the 1,256 groups' differences, so it could be anywhere from about "
      ), "\(grouped.standardOutput)")
  }

  @Test("with runs the note names the runs and says when only more runs would help")
  func runsReachability() throws {
    func gate(margin: String) throws -> (status: Int32, lines: [String]) {
      let result = try runF1Kit([
        "gate", "fast=" + Self.runs("lr-0.2"), "slow=" + Self.runs("lr-0.05"), "--metric",
        "binary_f1", "--margin", margin, "-q",
      ])
      return (result.status, result.standardOutput.split(separator: "\n").map(String.init))
    }
    // The seeds' 30% of the variance leaves room for a 0.011 margin with
    // more items (counted with the same runs, with Student's t at the
    // degrees of freedom each size would have)…
    let wide = try gate(margin: "0.011")
    #expect(wide.status == 0)
    #expect(
      wide.lines == [
        "PASS: candidate is not worse than baseline by more than 0.011 on binary F1 (positive label \"1\"): difference 0.006, 95% CI [−0.006, 0.017].",
        "It passes on its observed lead over the baseline; with 5 runs per model and 1,379 items the interval is ±0.011 wide, so a 0.011 margin can never pass for a candidate no better than the baseline; about 12,876 items (with the same runs) would give an 80% chance of passing if the models are equally good.",
      ])
    // …but not for 0.010: as the test set grows the degrees of freedom fall
    // to the runs' own, and t times the seeds' part alone is too wide.
    let limited = try gate(margin: "0.01")
    #expect(limited.status == 0)
    #expect(
      limited.lines.last
        == "It passes on its observed lead over the baseline; with 5 runs per model and 1,379 items the interval is ±0.011 wide, so a 0.010 margin can never pass for a candidate no better than the baseline; the spread between training runs alone keeps the interval wider than that, so more test items cannot make it pass; more runs per model would."
    )
    // …but not for a 0.004 one: only more runs would help.
    let narrow = try gate(margin: "0.004")
    #expect(narrow.status == 1)
    #expect(
      narrow.lines == [
        "FAIL: candidate may be worse than baseline by more than 0.004 on binary F1 (positive label \"1\"): difference 0.006, 95% CI [−0.006, 0.017]; the lower end −0.006 is not above −0.004.",
        "With 5 runs per model and 1,379 items the interval is ±0.011 wide, so a 0.004 margin can never pass for a candidate no better than the baseline; the spread between training runs alone keeps the interval wider than that, so more test items cannot make it pass; more runs per model would.",
      ])
  }

  /// Two models' probabilities of the positive class for the same 300
  /// items: the candidate's are sharper, so its log loss is lower.
  private func probabilityFiles() throws -> (URL, [String]) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "f1kit-gate-scores-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var baseline = "id,label,score\n"
    var candidate = "id,label,score\n"
    for item in 0..<300 {
      let gold = item % 2
      let noise = Double((item * 37) % 23) / 23 - 0.5
      let leaning = gold == 1 ? 0.15 : -0.15
      baseline += "i\(item),\(gold),\(0.5 + leaning + 0.3 * noise)\n"
      candidate += "i\(item),\(gold),\(0.5 + 1.6 * leaning + 0.25 * noise)\n"
    }
    let paths = [
      directory.appendingPathComponent("base.csv"), directory.appendingPathComponent("cand.csv"),
    ]
    try baseline.write(to: paths[0], atomically: true, encoding: .utf8)
    try candidate.write(to: paths[1], atomically: true, encoding: .utf8)
    return (directory, paths.map(\.path))
  }

  @Test("a lower-is-better score metric passes when the candidate's log loss is lower")
  func lowerIsBetterScoreMetric() throws {
    let (directory, files) = try probabilityFiles()
    defer { try? FileManager.default.removeItem(at: directory) }
    let options = ["--score-column", "score", "--positive", "1", "--resamples", "499", "-q"]
    let compare = try runF1Kit(
      ["compare"] + files + ["--metric", "log_loss", "--format", "json"] + options)
    #expect(compare.status == 0, "\(compare.standardError)")
    let difference = try #require(json(compare.standardOutput)["difference"] as? [String: Any])
    let high = try #require(difference["high"] as? Double)
    #expect(high < -0.01)
    let superior = try runF1Kit(
      ["gate"] + files + ["--metric", "log_loss", "--margin", "0.01", "--mode", "superiority"]
        + options)
    #expect(superior.status == 0, "\(superior.standardOutput)\(superior.standardError)")
    #expect(
      superior.standardOutput.hasPrefix(
        "PASS: candidate is better than baseline by more than 0.010 on log loss"))
    // Swapped, the candidate is the worse model: non-inferiority fails on
    // the upper end.
    let swapped = try runF1Kit(
      ["gate", files[1], files[0], "--metric", "log_loss", "--margin", "0.01", "--format", "json"]
        + options)
    #expect(swapped.status == 1, "\(swapped.standardError)")
    let sentence = try #require(json(swapped.standardOutput)["sentence"] as? String)
    #expect(sentence.contains("; the upper end "))
    #expect(sentence.hasSuffix(" is not below 0.010."))
  }

  @Test("a score metric that is undefined for a model is bad data, exit 65")
  func undefinedScoreMetric() throws {
    let result = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "log_loss", "--score-column", "score", "--positive", "1", "--margin", "0.01",
        "--resamples", "199", "-q",
      ])
    #expect(result.status == 65)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError
        == "Error: test-minilm-l6.csv: log loss is undefined, so the gate cannot decide: the scores are not probabilities: a score is outside [0, 1]\n"
    )
  }

  @Test("a score metric over runs or groups is refused as compare refuses it, exit 64")
  func scoreMetricWithGroups() throws {
    let result = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "roc_auc", "--score-column", "score", "--positive", "1", "--margin", "0.01",
        "--group-column", "sentence1", "-q",
      ])
    #expect(result.status == 64)
    #expect(
      result.standardError.contains(
        "score metrics cannot yet be compared over runs, groups or strata"))
  }

  @Test("the JSON document has the documented keys, in order")
  func jsonKeys() throws {
    let result = try runF1Kit(
      ["gate"] + Self.r8 + [
        "--metric", "macro_f1", "--margin", "0.1", "--mode", "superiority", "--format", "json",
        "--resamples", "499", "-q",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result.standardOutput)
    #expect(document["decision"] as? String == "pass")
    #expect(document["mode"] as? String == "superiority")
    #expect(document["metric"] as? String == "macro_f1")
    #expect(document["margin"] as? Double == 0.1)
    #expect(document["baseline"] as? String == "test-tfidf-nb.csv")
    #expect(document["candidate"] as? String == "test-tfidf-logreg.csv")
    let keys = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  \"") }
      .map { $0.dropFirst(3).prefix { $0 != "\"" } }
    #expect(
      keys == [
        "decision", "mode", "metric", "margin", "difference", "baseline", "candidate", "n",
        "sentence", "reachability",
      ])
  }

  /// The STS-B pair: binary-F1 difference −0.008, 95% CI [−0.026, 0.009]
  /// with the defaults (seed 42, 9,999 resamples).
  @Test(
    "exit 0 on pass and 1 on fail, with one sentence first",
    arguments: [
      (
        "non-inferiority", "0.05", Int32(0),
        "PASS: candidate is not worse than baseline by more than 0.050 on binary F1 (positive label \"1\"): difference −0.008, 95% CI [−0.026, 0.009]."
      ),
      (
        "non-inferiority", "0.01", 1,
        "FAIL: candidate may be worse than baseline by more than 0.010 on binary F1 (positive label \"1\"): difference −0.008, 95% CI [−0.026, 0.009]; the lower end −0.026 is not above −0.010."
      ),
      (
        "superiority", "0", 1,
        "FAIL: candidate is not shown to be better than baseline on binary F1 (positive label \"1\"): difference −0.008, 95% CI [−0.026, 0.009]; the lower end −0.026 is not above 0.000."
      ),
      (
        "equivalence", "0.03", 0,
        "PASS: candidate and baseline are equivalent within ±0.030 on binary F1 (positive label \"1\"): difference −0.008, 95% CI [−0.026, 0.009]."
      ),
      (
        "equivalence", "0.02", 1,
        "FAIL: candidate and baseline are not shown to be equivalent within ±0.020 on binary F1 (positive label \"1\"): difference −0.008, 95% CI [−0.026, 0.009]; the lower end −0.026 is not above −0.020."
      ),
    ])
  func exitStatuses(mode: String, margin: String, status: Int32, sentence: String) throws {
    let result = try runF1Kit(
      ["gate"] + Self.stsb + ["--metric", "binary_f1", "--margin", margin, "--mode", mode, "-q"])
    #expect(result.status == status, "\(result.standardError)")
    #expect(result.standardOutput.split(separator: "\n").first.map(String.init) == sentence)
    #expect(result.standardError.isEmpty)
  }

  @Test("says when the test set is too small for the margin, and how many items it needs")
  func unreachableMargin() throws {
    let result = try runF1Kit(
      ["gate"] + Self.stsb + ["--metric", "binary_f1", "--margin", "0.01", "-q"])
    #expect(result.status == 1)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines.last?.hasPrefix(
        "With 1,379 items the interval is ±0.018 wide, so a 0.010 margin can never pass for a candidate no better than the baseline; about "
      ) == true)
  }

  @Test(
    "a usage error exits 64, never 1",
    arguments: [
      ["--metric", "binary_f1"],
      ["--metric", "binary_f1", "--margin", "-0.1"],
      ["--metric", "binary_f1", "--margin", "0"],
      ["--metric", "macro_f1", "--margin", "abc"],
      ["--margin", "0.01"],
      ["--metric", "binary_f1", "--margin", "0.01", "--mode", "better"],
    ])
  func usageErrors(options: [String]) throws {
    let result = try runF1Kit(["gate"] + Self.stsb + options + ["-q"])
    #expect(result.status == 64, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix("Error: "))
  }

  @Test("a missing file exits 66 and mismatched files exit 65")
  func inputErrors() throws {
    let missing = try runF1Kit([
      "gate", "fixtures/stsb/none.csv", Self.stsb[1], "--metric", "binary_f1", "--margin", "0.01",
    ])
    #expect(missing.status == 66, "\(missing.standardError)")
    let mismatched = try runF1Kit([
      "gate", Self.stsb[0], Self.r8[0], "--metric", "accuracy", "--margin", "0.01", "-q",
    ])
    #expect(mismatched.status == 65, "\(mismatched.standardError)")
  }

  @Test("--summary appends a Markdown block and keeps what was there")
  func appendsSummary() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "f1kit-gate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let summary = directory.appendingPathComponent("summary.md")
    try "# Earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
    let pass = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "binary_f1", "--margin", "0.05", "--summary", summary.path, "-q",
      ])
    let fail = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "binary_f1", "--margin", "0.01", "--summary", summary.path, "-q",
      ])
    #expect(pass.status == 0 && fail.status == 1)
    let text = try String(contentsOf: summary, encoding: .utf8)
    #expect(text.hasPrefix("# Earlier step\n"))
    #expect(text.components(separatedBy: "### Release gate: ").count == 3)
    let passIndex = try #require(text.range(of: "✅ PASS")).lowerBound
    let failIndex = try #require(text.range(of: "❌ FAIL")).lowerBound
    #expect(passIndex < failIndex)
    #expect(text.contains("| Candidate | test-minilm-l3.csv |"))
    #expect(text.contains("| Metric | binary F1 |\n| Positive label | 1 |\n"))
    // Brackets are escaped so that no label can become a Markdown link.
    #expect(text.contains(#"| 95% BCa CI | \[−0.026, 0.009\] |"#))
    #expect(
      text.contains(
        #"PASS: candidate is not worse than baseline by more than 0.050 on binary F1 (positive label "1"): difference −0.008, 95% CI \[−0.026, 0.009\]."#
      ))
  }

  @Test("--summary into a folder that does not exist exits 73 without a decision on stdout")
  func summaryCannotBeCreated() throws {
    let result = try runF1Kit(
      ["gate"] + Self.stsb + [
        "--metric", "binary_f1", "--margin", "0.05", "--summary", "/nonexistent-f1kit/summary.md",
        "-q",
      ])
    #expect(result.status == 73, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }
}

@Suite("docs/gate.md quotes the tool's real output")
struct GateDocumentationTests {
  static let document: String =
    (try? String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/gate.md"), encoding: .utf8))
    ?? ""

  // Its console examples are run by DocumentationConsoleTests.

  @Test("the JSON example's complete lines are the tool's")
  func jsonExample() throws {
    let start = try #require(Self.document.range(of: "```json\n"))
    let end = try #require(
      Self.document.range(of: "```", range: start.upperBound..<Self.document.endIndex))
    let result = try runF1Kit([
      "gate", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv", "--metric",
      "macro_f1", "--margin", "0.3", "--mode", "superiority", "--format", "json", "-q",
    ])
    let output = Set(result.standardOutput.split(separator: "\n"))
    for line in Self.document[start.upperBound..<end.lowerBound].split(separator: "\n")
    where !line.contains("…") {
      #expect(output.contains(line), "\(line)")
    }
  }
}
