import Foundation
import Testing
import _TestSupport

/// `f1kit compare` with several runs per model, groups and strata.
@Suite("f1kit compare: runs, groups and strata")
struct ExperimentCommandTests {
  static let seeds = [42, 43, 44, 45, 46]

  static func runs(_ configuration: String) -> String {
    seeds.map { "fixtures/training/seeds/\(configuration)/seed-\($0).csv" }.joined(separator: ",")
  }

  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("NAME=run,run,…: each model's value is the mean of its runs, with ASO and the runs listed")
  func severalRuns() throws {
    let result = try runF1Kit([
      "compare", "fast=" + Self.runs("lr-0.2"), "slow=" + Self.runs("lr-0.05"),
      "--format", "json", "--resamples", "999",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let models = try #require(document["models"] as? [[String: Any]])
    #expect(models.map { $0["name"] as? String } == ["fast", "slow"])
    for model in models {
      let runs = try #require(model["runs"] as? [[String: Any]])
      #expect(runs.count == 5)
      let values = runs.compactMap { $0["value"] as? Double }
      let mean = values.reduce(0, +) / Double(values.count)
      #expect(abs((model["value"] as? Double ?? 0) - mean) < 1e-12)
    }
    let tests = try #require(document["tests"] as? [String: [String: Any]])
    let aso = try #require(tests["aso"])
    let epsilon = try #require(aso["epsilon_min"] as? Double)
    #expect(epsilon >= 0 && epsilon <= 1)
    #expect(aso["runs"] as? [Int] == [5, 5])
    let design = try #require(document["design"] as? [String: Any])
    #expect(design["runs"] as? [Int] == [5, 5])
  }

  static let experimentRuns = (
    "A=" + (1...3).map { "fixtures/experiments/a-run\($0).csv" }.joined(separator: ","),
    "B=" + (1...3).map { "fixtures/experiments/b-run\($0).csv" }.joined(separator: ",")
  )

  @Test(
    "with runs or groups the text says what was resampled and ends with the experiment's verdict",
    arguments: [
      (
        ["fast=" + runs("lr-0.2"), "slow=" + runs("lr-0.05")], "runs and items resampled",
        "runs and items resampled", "slow and fast", "items"
      ),
      (
        [experimentRuns.0, experimentRuns.1, "--group-column", "query"],
        "runs and 40 groups resampled", "runs and groups resampled", "B and A", "groups"
      ),
      (
        [
          "fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv", "--stratify",
          "gold",
        ],
        "items resampled within each gold class", "items resampled within each gold class",
        "b-run1.csv beats a-run1.csv", nil
      ),
    ])
  func verdictAndLabels(
    models: [String], header: String, label: String, opening: String, shares: String?
  ) throws {
    let arguments = ["compare"] + models + ["--resamples", "999", "-q"]
    let text = try runF1Kit(arguments)
    #expect(text.status == 0, "\(text.standardError)")
    let output = text.standardOutput
    #expect(output.contains("items (\(header), seed 42, 999 resamples)\n"), "\(output)")
    #expect(output.contains("paired bootstrap      p = "))
    #expect(output.contains("  (\(label))\n"))
    #expect(!output.contains("width:"))
    if let shares {
      #expect(output.contains("% from training seeds, "))
      #expect(output.contains("% from test \(shares)"))
      #expect(output.contains("  variance: "))
    }
    // The sentence quotes the experiment's interval and p-value, as JSON
    // gives them.
    let document = try json(try runF1Kit(arguments + ["--format", "json"]))
    let difference = try #require(document["difference"] as? [String: Any])
    // Runs resampled: the interval's Student's t degrees of freedom.
    if shares != nil {
      let degrees = try #require(difference["degrees_of_freedom"] as? Double)
      #expect(degrees >= 1)
    } else {
      #expect(difference["degrees_of_freedom"] == nil)
    }
    let tests = try #require(document["tests"] as? [String: [String: Any]])
    let p = try #require(tests["paired_bootstrap"]?["p_value"] as? Double)
    func number(_ value: Any?) -> String { String(format: "%.3f", value as? Double ?? .nan) }
    let sentence = try #require(
      output.split(separator: "\n").first { $0.hasPrefix(opening) }.map(String.init),
      "\(output)")
    #expect(sentence.contains(", p = \(number(p)) (paired bootstrap, \(label))."))
    let low = difference["low"] as? Double ?? .nan
    let high = difference["high"] as? Double ?? .nan
    let value = difference["value"] as? Double ?? .nan
    #expect(
      sentence.contains("95% CI [\(number(low)), \(number(high))]")
        || sentence.contains("95% CI [\(number(-high)), \(number(-low))]"))
    #expect(sentence.contains(number(abs(value))))
    // Not significant: the sentence says what would detect the difference;
    // with these runs, the seeds' share alone is too large for any test set.
    let power = [
      "slow and fast":
        " Detecting a difference of 0.006 with 80% power would take more runs per model, not more test items",
      "B and A":
        " Detecting a difference of 0.069 with 80% power would take more runs per model, not more test groups",
    ]
    if let expected = power[opening] {
      #expect(sentence.contains(expected), "\(sentence)")
    } else {
      #expect(!sentence.contains("Detecting"))
    }
  }

  /// The cut came from the two-run model's few degrees of freedom; the
  /// note once said "with 1 run for a model", the one-run model's count.
  @Test("two runs beside one: the notes name the runs the seed variance rests on, and who has them")
  func twoRunsBesideOne() throws {
    let result = try runF1Kit([
      "compare", "A=fixtures/experiments/a-run1.csv,fixtures/experiments/a-run2.csv",
      "B=fixtures/experiments/b-run1.csv", "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    // Binary F1 names its positive label; accuracy does not use one.
    #expect(
      result.standardOutput.hasPrefix("Compared on binary_f1 (positive label \"1\") over 600"))
    let accuracy = try runF1Kit([
      "compare", "A=fixtures/experiments/a-run1.csv,fixtures/experiments/a-run2.csv",
      "B=fixtures/experiments/b-run1.csv", "--metric", "accuracy", "-q",
    ])
    #expect(accuracy.standardOutput.hasPrefix("Compared on accuracy over 600 items"))
    let notes = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Note: ") }
    #expect(
      notes == [
        "Note: 1 interval end reached past binary F1's range [0, 1] and was cut at its bounds: with 2 runs for a model the seed variance rests on very few degrees of freedom, so Student's t makes the intervals very wide; train more runs (5 or more per model).",
        "Note: B has one run: its seed luck cannot be estimated and counts as 0, so the intervals that involve it are too narrow, and Almost Stochastic Order, which needs two runs per model, is not reported; train B with several seeds too.",
        "Note: McNemar's test is not reported: it compares one prediction per item, and 1 of these models has several runs.",
      ], "\(notes)")
  }

  @Test(
    "a run file given twice under two names: compare, gate and report say the runs are identical")
  func identicalRuns() throws {
    let directory = TemporaryDirectory()
    let copy = directory.url.appendingPathComponent("a-copy.csv")
    try FileManager.default.copyItem(
      at: Fixtures.packageRoot.appendingPathComponent("fixtures/experiments/a-run1.csv"), to: copy)
    let models = [
      "A=fixtures/experiments/a-run1.csv,fixtures/experiments/a-run2.csv,\(copy.path)",
      "B=fixtures/experiments/b-run1.csv,fixtures/experiments/b-run2.csv",
    ]
    let note =
      "A's runs 1 and 3 predict the same label for every item: if one file was given twice, drop the copy, since each copy counts as a run and makes the spread over runs, the seed share and Almost Stochastic Order look more certain than they are."
    let compare = try runF1Kit(["compare"] + models + ["--resamples", "200", "-q"])
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(compare.standardOutput.contains("\nNote: " + note + "\n"))
    let gate = try runF1Kit(
      ["gate"] + models + ["--metric", "binary_f1", "--margin", "0.3", "--format", "json", "-q"])
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(gate.standardOutput.utf8)) as? [String: Any])
    #expect((document["cautions"] as? [String])?.contains(note) == true)
    let page = directory.url.appendingPathComponent("runs.html")
    let report = try runF1Kit(["report"] + models + ["--out", page.path, "--resamples", "200"])
    #expect(report.status == 0, "\(report.standardError)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains(note.replacingOccurrences(of: "'", with: "&#39;")) || html.contains(note))
    // Different runs get no such note.
    let distinct = try runF1Kit(
      ["compare", Self.experimentRuns.0, Self.experimentRuns.1, "--resamples", "200", "-q"])
    #expect(!distinct.standardOutput.contains("predict the same label for every item"))
  }

  @Test("with three models the report's runs table says its bootstrap p-values are unadjusted")
  func unadjustedRunsTable() throws {
    let directory = TemporaryDirectory()
    let page = directory.url.appendingPathComponent("three.html")
    let result = try runF1Kit([
      "report", "A=fixtures/experiments/a-run1.csv,fixtures/experiments/a-run2.csv",
      "B=fixtures/experiments/b-run1.csv,fixtures/experiments/b-run2.csv",
      "C=fixtures/experiments/a-run3.csv,fixtures/experiments/b-run3.csv", "--resamples", "200",
      "--out", page.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("Paired bootstrap p (unadjusted)"))
    #expect(html.contains("-adjusted"))
  }

  @Test("--group-column resamples groups, swaps them, and runs the clustered McNemar test")
  func groups() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--group-column", "sentence1", "--resamples", "999",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("1,256 groups resampled"))
    #expect(result.standardOutput.contains("whole groups swapped"))
    #expect(result.standardOutput.contains("McNemar (clustered)"))
    #expect(result.standardOutput.contains("variance from 1,256 groups"))
    #expect(result.standardOutput.contains("McNemar's test is the clustered one"))
    let missing = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--group-column", "query",
    ])
    #expect(missing.status == 65)
    #expect(missing.standardError.contains("no group column"))
    #expect(!missing.standardError.contains("did you mean"))
    // The item-level reference spends at most 1,999 resamples, and says so
    // when that is fewer than the comparison's.
    let pairs = ["fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv"]
    let capped = try runF1Kit(["compare"] + pairs + ["--group-column", "query", "-q"])
    #expect(
      capped.standardOutput.contains(
        "groups: the interval over 40 groups is 1.30× as wide as the item-level one [0.059, 0.169] (1,999 resamples)\n"
      ), "\(capped.standardOutput)")
    let uncapped = try runF1Kit(
      ["compare"] + pairs + ["--group-column", "query", "--resamples", "999", "-q"])
    #expect(uncapped.standardOutput.contains("as wide as the item-level one [0.062, 0.168]\n"))
    // A misspelt group column is named, whichever command reads it.
    for command in ["compare", "evaluate", "report"] {
      let out = FileManager.default.temporaryDirectory
        .appendingPathComponent("f1kit-misspelt-\(UUID().uuidString).html").path
      let files =
        command == "evaluate"
        ? ["fixtures/experiments/a-run1.csv", "--ci"]
        : ["fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv"]
          + (command == "report" ? ["--out", out] : [])
      let misspelt = try runF1Kit([command] + files + ["--group-column", "qurey", "-q"])
      #expect(misspelt.status == 65)
      #expect(
        misspelt.standardError.hasSuffix(
          "no group column: expected \"qurey\"; found \"id\", \"query\", \"label\", \"prediction\"; did you mean \"query\"?\n"
        ), "\(command): \(misspelt.standardError)")
    }
  }

  @Test(
    "the group column is read beside the predictions, but a prediction file's error still comes first"
  )
  func groupReadKeepsErrorOrder() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-group-read-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // No "query" column, and a short row at line 3 of the second file.
    try "id,label,prediction\n1,a,a\n2,b,a\n3,a,b\n".write(
      to: directory.appendingPathComponent("first.csv"), atomically: true, encoding: .utf8)
    try "id,label,prediction\n1,a,a\n2,b\n3,a,b\n".write(
      to: directory.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
    let result = try runF1Kit(
      ["compare", "first.csv", "second.csv", "--group-column", "query"], in: directory)
    #expect(result.status == 65)
    #expect(result.standardError.contains("second.csv:3:"), "\(result.standardError)")
    #expect(!result.standardError.contains("no group column"))
    // With well-formed files, the missing group column is the error.
    try "id,label,prediction\n1,a,a\n2,b,b\n3,a,b\n".write(
      to: directory.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
    let missing = try runF1Kit(
      ["compare", "first.csv", "second.csv", "--group-column", "query"], in: directory)
    #expect(missing.status == 65)
    #expect(missing.standardError.contains("no group column"), "\(missing.standardError)")
    // Standard input is read once, groups and items together, so its
    // missing group column is reported after the other files are read.
    let standardInput = try runF1Kit(
      ["compare", "-", "second.csv", "--group-column", "query"],
      input: "id,label,prediction\n1,a,a\n2,b,b\n3,a,b\n", in: directory)
    #expect(standardInput.status == 65)
    #expect(standardInput.standardError.contains("<stdin>:1:1: no group column"))
  }

  @Test("standard input can be grouped: its groups are read in the same pass as its items")
  func groupedStandardInput() throws {
    let first = "fixtures/experiments/a-run1.csv"
    let second = "fixtures/experiments/b-run1.csv"
    let arguments = ["--group-column", "query", "--resamples", "999", "--format", "json"]
    let fromFile = try runF1Kit(["compare", first, second] + arguments)
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(first), encoding: .utf8)
    let fromInput = try runF1Kit(["compare", "-", second] + arguments, input: text)
    #expect(fromFile.status == 0, "\(fromFile.standardError)")
    #expect(fromInput.status == 0, "\(fromInput.standardError)")
    // Only the first model's name and file differ.
    let renamed = fromInput.standardOutput
      .replacingOccurrences(of: "\"name\": \"stdin\"", with: "\"name\": \"a-run1.csv\"")
      .replacingOccurrences(of: "\"file\": \"-\"", with: "\"file\": \"\(first)\"")
    #expect(renamed == fromFile.standardOutput)
  }

  @Test("--stratify gold and --group-column together are a usage error")
  func designsConflict() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--group-column", "sentence1", "--stratify", "gold",
    ])
    #expect(result.status == 64)
  }

  @Test("--stratify gold runs and says so")
  func stratified() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--stratify", "gold", "--resamples", "999", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let design = try #require(try json(result)["design"] as? [String: Any])
    #expect(design["resampling"] as? String == "stratified_by_gold")
  }

  /// A run file of 300 items, gold `negative`/`positive` (or three labels),
  /// mostly right, with `stray` predicted on the rows in `strayRows`.
  private static func runFile(
    seed: Int, labels: [String] = ["negative", "positive"], stray: String = "positve",
    strayRows: Set<Int> = []
  ) -> String {
    "label,prediction\n"
      + (0..<300).map { item in
        let gold = labels[item % labels.count]
        let wrong = (item * 7 + seed * 13) % 10 == 0
        let predicted =
          strayRows.contains(item) ? stray : wrong ? labels[(item + 1) % labels.count] : gold
        return "\(gold),\(predicted)\n"
      }.joined()
  }

  @Test(
    "a predicted label no gold item has is named with its run file and count, once, by compare, gate and report"
  )
  func strayPredictedLabel() throws {
    let directory = TemporaryDirectory()
    for seed in 1...2 {
      directory.write("a\(seed).csv", Self.runFile(seed: seed))
      directory.write("b\(seed).csv", Self.runFile(seed: seed + 2))
    }
    directory.write("b3.csv", Self.runFile(seed: 5, strayRows: [10, 20, 30]))
    directory.write("b4.csv", Self.runFile(seed: 6, strayRows: [40]))
    let warning =
      "warning: b3.csv predicts \"positve\" for 3 items, a label no gold item has: it is scored as a class of its own, so the problem has 3 classes where the gold labels have 2: multiclass (macro_f1 by default), not binary with positive label \"positive\" (binary_f1); check those predictions for a typo, or give --labels negative,positive to keep the gold labels' classes (those items then count as errors)\n"
    let quick = ["--resamples", "100"]
    let runs = ["A=a1.csv,a2.csv", "B=b1.csv,b3.csv"]
    for arguments in [
      ["compare"] + runs, ["compare", "a1.csv", "b3.csv"],
      ["compare"] + runs + ["--stratify", "gold"],
      ["gate", "a1.csv", "b3.csv", "--metric", "macro_f1", "--margin", "0.05"],
      ["gate"] + runs + ["--metric", "macro_f1", "--margin", "0.05"],
    ] {
      let result = try runF1Kit(arguments + quick, in: directory.url)
      #expect([0, 1].contains(result.status), "\(arguments): \(result.standardError)")
      #expect(result.standardError == warning, "\(arguments)")
      // Every macro average the label moves, so compare and gate add a
      // note naming it once (runs with their item counts).
      let hasRuns = arguments[1].hasPrefix("A=")
      let notes = 1
      #expect(
        result.standardOutput.components(separatedBy: "positve").count - 1 == 2 * notes,
        "\(arguments)")
      let predicting = hasRuns ? "b3.csv (3 items)" : "b3.csv"
      #expect(
        result.standardOutput.components(
          separatedBy: "Note: \"positve\" is no gold item's label, but \(predicting) predicts it"
        ).count - 1 == notes, "\(arguments)")
    }
    for arguments in [runs, ["a1.csv", "b3.csv"]] {
      let out = directory.url.appendingPathComponent("report.html").path
      let result = try runF1Kit(["report"] + arguments + quick + ["--out", out], in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardError.hasPrefix(warning + "wrote \(out) ("), "\(arguments)")
    }
    // Named classes leave no class to add; files without such labels warn
    // about nothing.
    for arguments in [
      runs + ["--labels", "negative,positive"], ["A=a1.csv,a2.csv", "B=b1.csv,b2.csv"],
      ["a1.csv", "b1.csv"],
    ] {
      let result = try runF1Kit(["compare"] + arguments + quick, in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardError.isEmpty, "\(arguments)")
    }
    // Two runs with the label: one line names both, with their counts.
    let both = try runF1Kit(
      ["compare", "A=a1.csv,a2.csv", "B=b3.csv,b4.csv"] + quick, in: directory.url)
    #expect(
      both.standardError.hasPrefix(
        "warning: b3.csv predicts \"positve\" for 3 items, b4.csv for 1, a label no gold item has: "
      ))
    #expect(both.standardError.components(separatedBy: "\n").count == 2)
    // Standard input is named as in the outputs.
    let piped = try runF1Kit(
      ["compare", "a1.csv", "-"] + quick, input: Self.runFile(seed: 5, strayRows: [10, 20, 30]),
      in: directory.url)
    #expect(piped.status == 0, "\(piped.standardError)")
    #expect(piped.standardError == warning.replacingOccurrences(of: "b3.csv", with: "stdin"))
  }

  @Test(
    "gold labels that differ only in spaces around them are warned about, not silently two classes")
  func goldLabelsDifferingInSpaces() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "label,prediction\n 1,0\n0,0\n1,1\n0,1\n1,1\n")
    let warning =
      "warning: gold labels \" 1\" (1 item) and \"1\" (2 items) differ only in spaces around them and are scored as separate classes, though pandas reads them as the one number 1; write the file without spaces around its values\n"
    let result = try runF1Kit(["evaluate", "a.csv"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains(warning), "\(result.standardError)")
    let labelled = try runF1Kit(["evaluate", "a.csv", "--labels", "0,1"], in: directory.url)
    #expect(labelled.standardError.contains(warning), "\(labelled.standardError)")
    directory.write("b.csv", "label,prediction\nyes,no\nyes ,yes\nno,no\nyes,yes\n")
    let text = try runF1Kit(["compare", "b.csv", "b.csv", "--resamples", "100"], in: directory.url)
    #expect(
      text.standardError.contains(
        "warning: gold labels \"yes\" (2 items) and \"yes \" (1 item) differ only in spaces around them and are scored as separate classes; write the file"
      ), "\(text.standardError)")
  }

  @Test("a predicted label that is a gold label but for spaces is blamed on the spaces")
  func strayPredictedLabelWithSpaces() throws {
    let directory = TemporaryDirectory()
    directory.write("a.csv", "label,prediction\n1,1\n0,1\n1,0\n0,0\n1,1\n")
    directory.write("b.csv", "label,prediction\n1,1\n0, 1\n1,0\n0,0\n1,1\n")
    let result = try runF1Kit(["evaluate", "b.csv"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "b.csv predicts \" 1\" for 1 item, a label no gold item has: it is scored as a class of its own, so the problem has 3 classes where the gold labels have 2: multiclass (macro_f1 by default), not binary with positive label \"1\" (binary_f1); it differs from gold label \"1\" only in spaces around it, as the values of a file written with \", \" between fields do: write it without spaces beside the delimiters, or give --labels 0,1 to keep the gold labels' classes (those items then count as errors)\n"
      ))
    let compared = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--resamples", "100"], in: directory.url)
    #expect(compared.status == 0, "\(compared.standardError)")
    #expect(compared.standardError.contains("only in spaces around it"))
  }

  @Test("with three gold labels a predicted-only label is said to count in macro averages")
  func strayPredictedLabelMulticlass() throws {
    let directory = TemporaryDirectory()
    let labels = ["cat", "dog", "owl"]
    directory.write("a.csv", Self.runFile(seed: 1, labels: labels))
    directory.write("b.csv", Self.runFile(seed: 2, labels: labels, stray: "d0g", strayRows: [7]))
    let result = try runF1Kit(
      ["compare", "a.csv", "b.csv", "--resamples", "100"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError
        == "warning: b.csv predicts \"d0g\" for 1 item, a label no gold item has: it is scored as a class of its own, so the problem has 4 classes where the gold labels have 3 (macro averages count it, with an F1 of 0); check those predictions for a typo, or give --labels cat,dog,owl to keep the gold labels' classes (those items then count as errors)\n"
    )
  }

  @Test(
    "a label spelled as a SQL NULL is warned about once, in gold or predicted, when --labels keeps it (NULL, which pandas reads as NaN, is refused without)",
    arguments: [#"\N"#, "NULL"])
  func sqlNullLabel(null: String) throws {
    let directory = TemporaryDirectory()
    directory.write(
      "a.csv", "label,prediction\ncat,cat\n\(null),cat\ndog,\(null)\ndog,dog\n\(null),\(null)\n")
    // Quoted as every message quotes a label, its backslash escaped.
    let quoted = null == "NULL" ? #""NULL""# : #""\\N""#
    if null == "NULL" {
      let refused = try runF1Kit(["evaluate", "a.csv"], in: directory.url)
      #expect(refused.status == 65, "\(refused.standardOutput)")
      #expect(
        refused.standardError.hasPrefix(
          "Error: a.csv:3:1: expected a label in field 1, found \"NULL\", which pandas reads as a missing value (NaN)"
        ), "\(refused.standardError)")
      #expect(refused.standardError.contains("in SQL, leave such rows out (WHERE … IS NOT NULL)"))
    }
    for labels in null == "NULL"
      ? [["--labels", "cat,dog,NULL"]] : [[], ["--labels", "cat,dog,\(null)"]]
    {
      let result = try runF1Kit(["evaluate", "a.csv"] + labels, in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(
        result.standardError
          == "warning: label \(quoted) (the gold label of 2 items, predicted 2 times) looks like a SQL NULL, as SQL engines export a missing value, and is scored as a class of its own; leave such rows out (WHERE label IS NOT NULL) or name the class (COALESCE(label, 'none'))\n"
      )
    }
  }

  @Test(
    "evaluate warns of a predicted-only label too, for one file and for prediction columns",
    arguments: [false, true])
  func strayPredictedLabelEvaluate(usesColumns: Bool) throws {
    let directory = TemporaryDirectory()
    let labels = ["cat", "dog", "owl"]
    let file = Self.runFile(seed: 2, labels: labels, stray: "d0g", strayRows: [7])
    if usesColumns {
      let rows = file.split(separator: "\n").map { line -> String in
        let prediction = line.split(separator: ",").last.map(String.init) ?? ""
        return "\(line),\(line.hasPrefix("label") ? "other" : prediction)"
      }
      directory.write("b.csv", rows.joined(separator: "\n") + "\n")
    } else {
      directory.write("b.csv", file)
    }
    let arguments =
      usesColumns
      ? ["evaluate", "b.csv", "--pred-columns", "prediction,other"] : ["evaluate", "b.csv"]
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    let sources =
      usesColumns
      ? "prediction predicts \"d0g\" for 1 item, other for 1" : "b.csv predicts \"d0g\" for 1 item"
    #expect(
      result.standardError.hasSuffix(
        "warning: \(sources), a label no gold item has: it is scored as a class of its own, so the problem has 4 classes where the gold labels have 3 (macro averages count it, with an F1 of 0); check those predictions for a typo, or give --labels cat,dog,owl to keep the gold labels' classes (those items then count as errors)\n"
      ))
  }

  @Test("compare's JSON lists the few-groups warning among its cautions, as its text does")
  func fewGroupsCautionInJSON() throws {
    let directory = TemporaryDirectory()
    _ = try GateCautionTests.fewGroupFirstRuns(in: directory.url)
    let arguments = ["compare", "a.csv", "b.csv", "--group-column", "query", "--resamples", "200"]
    let note =
      "only 6 groups: a bootstrap over fewer than about 30 groups can give intervals that are too narrow."
    let text = try runF1Kit(arguments + ["-q"], in: directory.url)
    #expect(text.standardOutput.contains("Note: " + note))
    let json = try runF1Kit(arguments + ["-q", "--format", "json"], in: directory.url)
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    #expect(document["cautions"] as? [String] == [note])
  }

  @Test(
    "fewer than 6 groups are refused by every command that resamples groups",
    arguments: [2, 5])
  func fewerThanSixGroupsAreRefused(groups: Int) throws {
    let directory = TemporaryDirectory()
    _ = try GateCautionTests.fewGroupFirstRuns(in: directory.url, groups: groups)
    let grouping = ["--group-column", "query", "--resamples", "200", "-q"]
    let message =
      "Error: a.csv: group column \"query\": expected at least 6 groups to resample groups (about 30 for intervals to trust), found \(groups): over so few groups the permutation test cannot reach p ≤ 0.05"
    for arguments in [
      ["compare", "a.csv", "b.csv"], ["evaluate", "a.csv", "--ci"],
      ["gate", "a.csv", "b.csv", "--metric", "binary_f1", "--margin", "0.02"],
      ["report", "a.csv", "b.csv", "--out", "report.html"],
    ] {
      let result = try runF1Kit(arguments + grouping, in: directory.url)
      #expect(result.status == 65, "\(arguments)")
      #expect(result.standardError.hasPrefix(message), "\(arguments): \(result.standardError)")
    }
    #expect(
      !FileManager.default.fileExists(
        atPath: directory.url.appendingPathComponent("report.html").path))
    // Advice can still be given: that the grouping is too coarse.
    let advice = try runF1Kit(["advise", "a.csv", "--group-column", "query"], in: directory.url)
    #expect(advice.status == 0, "\(advice.standardError)")
    #expect(
      advice.standardOutput.contains(
        "warning: Only \(groups) groups: too few to resample by group [few-groups]"))
  }

  @Test("with several runs and no groups, the text says why McNemar's test is not reported")
  func mcNemarNoteWithRuns() throws {
    let runs = { (name: String) in
      "\(name)="
        + (1...3).map { "fixtures/experiments/\(name)-run\($0).csv" }.joined(separator: ",")
    }
    let result = try runF1Kit(["compare", runs("a"), runs("b"), "--resamples", "200", "-q"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "Note: McNemar's test is not reported: it compares one prediction per item, and these models have several runs."
      ))
  }
}
