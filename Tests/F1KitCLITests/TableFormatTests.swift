import Foundation
import Testing
import _TestSupport

@Suite("--format markdown and latex: paper-ready tables from evaluate, compare and report")
struct TableFormatTests {
  static let r8 = ["fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv"]

  @Test("at a confidence level other than 95% the marks' definition gives the statements' level")
  func marksGiveTheLevel() throws {
    let arguments = [
      "compare", "fixtures/examples/a.csv", "fixtures/examples/b.csv", "--format", "markdown",
      "--resamples", "199",
    ]
    let level = try runF1Kit(arguments + ["--confidence", "0.99"])
    #expect(level.status == 0, "\(level.standardError)")
    #expect(
      level.standardOutput.contains(
        "\\*\\*\\* p \\< 0.001; the statements call a difference significant at α = 0.01, the intervals' level."
      ), "\(level.standardOutput)")
    let usual = try runF1Kit(arguments)
    #expect(usual.standardOutput.contains("\\*\\*\\* p \\< 0.001."))
  }

  @Test("compare's Markdown table shows compare's own numbers, marks and a statement")
  func compareMarkdown() throws {
    let options = ["--resamples", "999", "-q"]
    let json = try runF1Kit(["compare"] + Self.r8 + ["--format", "json"] + options)
    let markdown = try runF1Kit(["compare"] + Self.r8 + ["--format", "markdown"] + options)
    #expect(markdown.status == 0, "\(markdown.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let difference = try #require(document["difference"] as? [String: Any])
    func three(_ key: String) -> String {
      String(format: "%.3f", difference[key] as? Double ?? .nan)
    }
    let cell = "\(three("value")) \\[\(three("low")), \(three("high"))\\]"
    #expect(markdown.standardOutput.contains("| test-tfidf-logreg.csv | "))
    #expect(markdown.standardOutput.contains(cell))
    // With 999 resamples the smallest permutation p-value is 1/1000.
    #expect(markdown.standardOutput.contains("| 0.001\\*\\* |"))
    #expect(markdown.standardOutput.contains("Marks: \\* p \\< 0.05"))
    #expect(
      markdown.standardOutput.contains(
        "test-tfidf-logreg.csv outperforms test-tfidf-nb.csv on macro-F1"))
    #expect(markdown.standardOutput.contains("999 resamples, seed 42)."))
  }

  @Test("--digits sets the decimals of the tables")
  func digits() throws {
    let result = try runF1Kit(
      ["compare"] + Self.r8 + ["--format", "latex", "--digits", "2", "--resamples", "199", "-q"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("test-tfidf-nb.csv & 0.33 ["))
    #expect(
      result.standardOutput.contains("\\toprule") && result.standardOutput.contains("\\bottomrule"))
  }

  @Test("evaluate prints headline metrics with intervals and per-class scores")
  func evaluateLaTeX() throws {
    let result = try runF1Kit([
      "evaluate", "fixtures/r8/test-tfidf-logreg.csv", "--format", "latex", "--resamples", "199",
      "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.components(separatedBy: "\\begin{tabular}").count == 3)
    #expect(result.standardOutput.contains("199 resamples, seed 42"))
  }

  @Test("report --tables-dir writes tables.md and tables.tex beside the HTML")
  func reportTables() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "f1kit-tables-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let tables = directory.appendingPathComponent("tables")
    let result = try runF1Kit(
      ["report"] + Self.r8 + [
        "--out", directory.appendingPathComponent("report.html").path, "--tables-dir",
        tables.path, "--resamples", "199",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let markdown = try String(
      contentsOf: tables.appendingPathComponent("tables.md"), encoding: .utf8)
    let latex = try String(contentsOf: tables.appendingPathComponent("tables.tex"), encoding: .utf8)
    #expect(markdown.contains("| Model | Macro-F1 | Accuracy |"))
    #expect(latex.contains("\\label{tab:f1kit-comparison}"))
    let printed = try runF1Kit(
      ["report"] + Self.r8 + [
        "--out", directory.appendingPathComponent("report2.html").path, "--format", "markdown",
        "--resamples", "199",
      ])
    #expect(printed.standardOutput == markdown)
  }

  @Test("tables need intervals: report --resamples 0 with --format latex is a usage error")
  func reportWithoutIntervals() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "f1kit-tables-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try runF1Kit(
      ["report"] + Self.r8 + [
        "--out", directory.appendingPathComponent("report.html").path, "--format", "latex",
        "--resamples", "0",
      ])
    #expect(result.status == 64, "\(result.standardError)")
  }

  @Test("a predicted label no gold item has and one model alone predicts is named in the caption")
  func labelOutsideGoldInCaption() throws {
    let directory = TemporaryDirectory()
    let gold = ["x", "x", "x", "y", "y", "y", "z", "z", "z", "x"]
    func file(_ name: String, _ predicted: [String]) -> String {
      directory.write(
        name, "gold,pred\n" + zip(gold, predicted).map { "\($0),\($1)\n" }.joined())
    }
    let a = file("a.csv", ["x", "x", "y", "y", "y", "x", "z", "z", "y", "x"])
    let b = file("b.csv", ["x", "unk", "y", "y", "y", "y", "z", "z", "unk", "x"])
    let c = file("c.csv", ["x", "x", "y", "y", "y", "x", "z", "z", "y", "x"])
    let options = ["--resamples", "199", "-q"]
    // scikit-learn: f1_score(y, a, average="macro") is 0.7071 on a alone,
    // but 0.5304 with labels=["unk", "x", "y", "z"], the comparison's
    // classes; b's 0.5810 is the same either way.
    let json = try runF1Kit(["compare", a, b, "--format", "json"] + options)
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let models = try #require(document["models"] as? [[String: Any]])
    #expect(agrees(models[0]["value"] as? Double ?? .nan, 0.5303571428571429))
    #expect(agrees(models[1]["value"] as? Double ?? .nan, 0.5809523809523809))
    let sentence =
      "Macro averages include “unk”, predicted only by b.csv and not in gold; each model scores 0 on it."
    for format in ["markdown", "latex"] {
      for files in [[a, b], [a, b, c]] {
        let table = try runF1Kit(["compare"] + files + ["--format", format] + options)
        #expect(table.status == 0, "\(table.standardError)")
        let captions = table.standardOutput.components(separatedBy: "\n").filter {
          $0.hasPrefix("**Table.**") || $0.contains("\\caption{")
        }
        #expect(captions.count == files.count - 1, "\(format)")
        #expect(captions.allSatisfy { $0.contains(sentence) }, "\(table.standardOutput)")
      }
      let report = try runF1Kit(
        [
          "report", a, b, "--out", directory.url.appendingPathComponent("r.html").path, "--format",
          format,
        ] + ["--resamples", "199"])
      #expect(report.status == 0, "\(report.standardError)")
      #expect(
        report.standardOutput.components(separatedBy: sentence).count == 3,
        "\(report.standardOutput)")
      let runs = try runF1Kit(
        ["compare", "A=\(a),\(b)", "C=\(c),\(a)", "--format", format] + options)
      #expect(
        runs.standardOutput.contains(
          "Macro averages include “unk”, predicted only by A (1 of 2 runs) and not in gold; each run scores 0 on it."
        ), "\(runs.standardOutput)")
    }
    let ones = try runF1Kit(
      ["compare", a, b, "--format", "markdown", "--zero-division", "1"] + options)
    #expect(
      ones.standardOutput.contains(
        "predicted only by b.csv and not in gold; models that never predict it score 1 on it (zero division 1)."
      ), "\(ones.standardOutput)")
    // Left out of a model's macro average when it never predicts the
    // label (zero division nan), by every class with --labels, and from
    // an average that counts no class alone (accuracy): nothing to say.
    for extra in [
      ["--zero-division", "nan"], ["--labels", "x,y,z"], ["--metric", "accuracy"],
    ] {
      let table = try runF1Kit(["compare", a, b, "--format", "markdown"] + extra + options)
      #expect(table.status == 0, "\(table.standardError)")
      #expect(!table.standardOutput.contains("Macro averages include"), "\(extra)")
    }
  }
}

@Suite("docs/tables.md quotes the tool's real tables")
struct TableDocumentationTests {
  @Test("the LaTeX and Markdown examples are what compare prints")
  func examples() throws {
    let document = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/tables.md"), encoding: .utf8)
    for format in ["latex", "markdown"] {
      let start = try #require(document.range(of: "```\(format)\n"))
      let end = try #require(
        document.range(of: "```\n", range: start.upperBound..<document.endIndex))
      let result = try runF1Kit([
        "compare", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
        "--format", format, "-q",
      ])
      #expect(result.standardOutput == String(document[start.upperBound..<end.lowerBound]))
    }
  }
}

@Suite("--format markdown and latex for runs, groups, strata and score metrics")
struct ExperimentTableFormatTests {
  static let stsb = ["fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]

  static func runs(_ configuration: String) -> String {
    [42, 43, 44, 45, 46].map { "fixtures/training/seeds/\(configuration)/seed-\($0).csv" }
      .joined(separator: ",")
  }

  private func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// "0.006 \[−0.007, 0.018\]": a JSON interval as a Markdown cell shows it.
  private func cell(_ object: [String: Any], value: String = "value") -> String {
    func three(_ key: String) -> String {
      String(format: "%.3f", object[key] as? Double ?? .nan).replacingOccurrences(
        of: "-", with: "−")
    }
    return "\(three(value)) \\[\(three("low")), \(three("high"))\\]"
  }

  @Test(
    "the tables show compare's own experiment numbers",
    arguments: [
      (["fast=" + runs("lr-0.2"), "slow=" + runs("lr-0.05")], [String]()),
      (stsb, ["--group-column", "sentence1"]),
      (stsb, ["--stratify", "gold"]),
    ])
  func experimentNumbers(models: [String], options: [String]) throws {
    let common = options + ["--metric", "binary_f1", "--resamples", "499", "-q"]
    let compare = try runF1Kit(["compare"] + models + common + ["--format", "json"])
    let markdown = try runF1Kit(["compare"] + models + common + ["--format", "markdown"])
    #expect(markdown.status == 0, "\(markdown.standardError)")
    let document = try json(compare.standardOutput)
    let difference = try #require(document["difference"] as? [String: Any])
    #expect(markdown.standardOutput.contains(cell(difference)))
    for model in try #require(document["models"] as? [[String: Any]]) {
      let interval = try #require(model["interval"] as? [String: Any])
      var merged = interval
      merged["value"] = model["value"]
      #expect(markdown.standardOutput.contains(cell(merged)), "\(model["name"] ?? "")")
    }
  }

  @Test(
    "with runs, groups or strata, report's tables are compare's experiment tables and nothing else",
    arguments: [
      (["fast=" + runs("lr-0.2"), "slow=" + runs("lr-0.05")], [String]()),
      (stsb, ["--group-column", "sentence1"]),
      (stsb, ["--stratify", "gold"]),
    ])
  func reportExperimentTables(models: [String], options: [String]) throws {
    let directory = TemporaryDirectory()
    let common = options + ["--resamples", "499", "-q"]
    for format in ["markdown", "latex"] {
      let compare = try runF1Kit(["compare"] + models + common + ["--format", format])
      let report = try runF1Kit(
        ["report"] + models + common + [
          "--format", format, "--out", directory.url.appendingPathComponent("r.html").path,
        ])
      #expect(report.status == 0, "\(report.standardError)")
      #expect(report.standardOutput == compare.standardOutput, "\(format)")
      // The first runs' item-level permutation test is not among them;
      // with groups, the p-values are the group permutation test's.
      let permutation = report.standardOutput.replacingOccurrences(
        of: "group permutation test", with: ""
      ).replacingOccurrences(of: "group-permutation", with: "")
      #expect(!permutation.contains("permutation"), "\(format)")
      #expect(
        report.standardOutput.contains("group permutation test")
          == options.contains("--group-column"), "\(format)")
    }
  }

  @Test("the table's caption keeps compare's cautions: a model with one run beside several")
  func cautionsInCaption() throws {
    let models = ["one=fixtures/training/seeds/lr-0.2/seed-42.csv", "slow=" + Self.runs("lr-0.05")]
    let text = try runF1Kit(["compare"] + models + ["--resamples", "499", "-q"])
    let caution = "one has one run: its seed luck cannot be estimated and counts as 0"
    #expect(text.standardOutput.contains("Note: " + caution))
    for format in ["markdown", "latex"] {
      let table = try runF1Kit(
        ["compare"] + models + ["--resamples", "499", "-q", "--format", format])
      #expect(table.status == 0, "\(table.standardError)")
      #expect(table.standardOutput.contains(caution), "\(format)")
    }
  }

  @Test("score-metric tables show compare's own numbers")
  func scoreNumbers() throws {
    let common =
      Self.stsb + [
        "--metric", "roc_auc", "--score-column", "score", "--positive", "1", "--resamples", "499",
        "-q",
      ]
    let compare = try runF1Kit(["compare"] + common + ["--format", "json"])
    let latex = try runF1Kit(["compare"] + common + ["--format", "latex"])
    #expect(latex.status == 0, "\(latex.standardError)")
    let difference = try #require(json(compare.standardOutput)["difference"] as? [String: Any])
    let expected = cell(difference).replacingOccurrences(of: "\\[", with: "[")
      .replacingOccurrences(of: "\\]", with: "]").replacingOccurrences(of: "−", with: "$-$")
    #expect(latex.standardOutput.contains(expected))
    #expect(latex.standardOutput.contains("ROC-AUC [95\\% CI]"))
  }

  @Test("model names given with NAME= are escaped in both formats")
  func hostileRunNames() throws {
    let models = ["50%_a&b#c=" + Self.runs("lr-0.2"), "x|y*z=" + Self.runs("lr-0.05")]
    let common = ["--metric", "binary_f1", "--resamples", "199", "-q"]
    let markdown = try runF1Kit(["compare"] + models + common + ["--format", "markdown"])
    #expect(markdown.status == 0, "\(markdown.standardError)")
    #expect(markdown.standardOutput.contains(##"| 50%\_a&b\#c | 5 | "##))
    #expect(markdown.standardOutput.contains(#"| x\|y\*z | 5 | "#))
    let latex = try runF1Kit(["compare"] + models + common + ["--format", "latex"])
    #expect(latex.status == 0, "\(latex.standardError)")
    #expect(latex.standardOutput.contains(##"    50\%\_a\&b\#c & 5 & "##))
    #expect(latex.standardOutput.contains(#"    x\textbar{}y*z & 5 & "#))
  }
}
