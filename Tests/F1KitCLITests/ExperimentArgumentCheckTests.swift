import Foundation
import Testing
import _TestSupport

/// Arguments for runs and groups that are almost surely mistakes: refused
/// with one line (64 for usage, 65 for data), or warned about when they may
/// be meant.
@Suite("f1kit compare, report, gate: checks of runs, groups and model lists")
struct ExperimentArgumentCheckTests {
  static let a = (1...3).map { "fixtures/experiments/a-run\($0).csv" }
  static let b = (1...3).map { "fixtures/experiments/b-run\($0).csv" }
  static let runsA = "A=" + a.joined(separator: ",")
  static let runsB = "B=" + Self.b.joined(separator: ",")
  static let quick = ["--resamples", "100", "-q"]

  /// The first line of standard error.
  private func firstLine(_ result: CommandResult) -> String {
    String(result.standardError.prefix { $0 != "\n" })
  }

  /// A folder holding `a-run1.csv` with the groups of the items on the
  /// given data rows (1-based) left empty, as pandas writes NaN.
  private func withMissingGroups(rows: Set<Int>) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-missing-groups-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.a[0]), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      line -> String in
      guard rows.contains(line.offset) else { return String(line.element) }
      var fields = line.element.split(separator: ",", omittingEmptySubsequences: false)
      fields[1] = ""
      return fields.joined(separator: ",")
    }
    try lines.joined(separator: "\n").write(
      to: directory.appendingPathComponent("a-run1.csv"), atomically: true, encoding: .utf8)
    return directory
  }

  @Test(
    "an empty group value is refused at file:line:column by every command that reads --group-column",
    arguments: [
      ["evaluate", "a-run1.csv", "--ci"],
      ["compare", "a-run1.csv", "B"],
      ["compare", "A=a-run1.csv,A2", "B"],
      ["report", "a-run1.csv", "B", "--out", "report.html"],
      ["gate", "a-run1.csv", "B", "--metric", "accuracy", "--margin", "0.01"],
      ["advise", "a-run1.csv"],
    ])
  func emptyGroup(command: [String]) throws {
    let directory = try withMissingGroups(rows: [7, 20])
    defer { try? FileManager.default.removeItem(at: directory) }
    let root = Fixtures.packageRoot.path
    let arguments = command.map {
      $0 == "B"
        ? "\(root)/\(Self.b[0])" : $0.replacingOccurrences(of: "A2", with: "\(root)/\(Self.a[1])")
    }
    let quick =
      command[0] == "advise" ? [] : command[0] == "report" ? ["--resamples", "100"] : Self.quick
    let result = try runF1Kit(arguments + ["--group-column", "query"] + quick, in: directory)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(
      firstLine(result)
        == "Error: a-run1.csv:8:2: expected a group in field 2 (\"query\"), found a missing value (empty or null, as pandas writes NaN); fill in the missing groups, for example with each item's id as a group of its own"
    )
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.html").path))
  }

  @Test("an empty group value in a file of prediction columns or a count table is refused too")
  func emptyGroupInColumns() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-missing-groups-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var items = ["query,label,a,b"]
    for item in 0..<120 {
      items.append(
        "\(item == 50 ? "" : "q\(item / 4)"),\(item % 2),\(item % 3 == 0 ? 1 : 0),\(item % 2)")
    }
    try (items.joined(separator: "\n") + "\n").write(
      to: directory.appendingPathComponent("models.csv"), atomically: true, encoding: .utf8)
    try "query,label,a,b,count\nq1,0,0,0,3\n,1,1,0,2\nq2,1,1,1,4\n".write(
      to: directory.appendingPathComponent("counts.csv"), atomically: true, encoding: .utf8)
    for (file, place) in [("models.csv", "52:1"), ("counts.csv", "3:1")] {
      let result = try runF1Kit(
        ["compare", file, "--pred-columns", "a,b", "--group-column", "query"] + Self.quick,
        in: directory)
      #expect(result.status == 65, "\(result.standardError)")
      #expect(firstLine(result).hasPrefix("Error: \(file):\(place): expected a group in field 1"))
    }
  }

  @Test(
    "evaluate and advise refuse NAME=run,… with a usage error naming the commands that take runs")
  func runListsOutsideComparisons() throws {
    for command in ["evaluate", "advise"] {
      let result = try runF1Kit([command, Self.runsA])
      #expect(result.status == 64, "\(result.standardError)")
      #expect(
        firstLine(result)
          == "Error: '\(Self.runsA)' gives a model's runs (NAME=run1.csv,…), which compare, report and gate take; \(command) takes files (several are shards of one data set), so give one run's file"
      )
    }
  }

  /// Grouping by the gold labels once printed an interval that left out
  /// its own estimate and a passing gate; each command now refuses it.
  @Test(
    "a group column that is the gold, prediction or score column is refused, naming its place",
    arguments: [
      (
        ["compare", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv"], "label",
        "fixtures/r8/test-tfidf-nb.csv:1:2", "gold"
      ),
      (
        [
          "gate", "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
          "--metric", "macro_f1", "--margin", "0.5",
        ], "LABEL", "fixtures/r8/test-tfidf-nb.csv:1:2",
        "gold"
      ),
      (
        ["evaluate", "fixtures/r8/test-tfidf-nb.csv", "--ci"], "label",
        "fixtures/r8/test-tfidf-nb.csv:1:2", "gold"
      ),
      (
        ["advise", "fixtures/r8/test-tfidf-nb.csv"], "label", "fixtures/r8/test-tfidf-nb.csv:1:2",
        "gold"
      ),
      ([runsA, runsB], "prediction", "fixtures/experiments/a-run1.csv:1:4", "prediction"),
      (
        [
          "report", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
          "--score-column", "score", "--positive", "1", "--out", "/nonexistent/x.html",
        ], "score",
        "fixtures/stsb/test-minilm-l6.csv:1:7", "score"
      ),
      (
        ["compare", "fixtures/examples/models.csv", "--pred-columns", "a,b"],
        "b", "fixtures/examples/models.csv:1:4", "prediction"
      ),
    ] as [([String], String, String, String)])
  func groupColumnWithARole(
    command: [String], column: String, place: String, role: String
  ) throws {
    let arguments =
      (command.first?.contains("=") == true ? ["compare"] : []) + command
      + ["--group-column", column] + (command.first == "advise" ? [] : ["-q"])
    let result = try runF1Kit(arguments)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(
      firstLine(result).hasPrefix(
        "Error: \(place): expected a group column other than the \(role) column, found --group-column"
      ), "\(result.standardError)")
  }

  @Test(
    "with several runs, an interval method or test that does not apply is a usage error that says what applies",
    arguments: [
      (["--ci-method", "basic"], "--ci-method basic does not apply with several runs per model"),
      (["--ci-method", "bca"], "--ci-method bca does not apply with several runs per model"),
      (["--test", "permutation"], "--test permutation does not apply with several runs per model"),
      (["--test", "mcnemar"], "--test mcnemar does not apply with several runs per model"),
      (["--mcnemar", "exact"], "--mcnemar exact does not apply with several runs per model"),
    ])
  func optionsThatDoNotApply(options: [String], message: String) throws {
    let result = try runF1Kit(["compare", Self.runsA, Self.runsB] + options + Self.quick)
    #expect(result.status == 64)
    #expect(firstLine(result).hasPrefix("Error: \(message)"), "\(result.standardError)")
    #expect(
      firstLine(result).contains("two-level percentile")
        || firstLine(result).contains("two-level paired bootstrap")
        || options[0] == "--mcnemar")
    // One run each: the option applies.
    let accuracy = options.contains("mcnemar") ? ["--metric", "accuracy"] : []
    let single = try runF1Kit(
      ["compare", Self.a[0], Self.b[0]] + options + accuracy + Self.quick)
    #expect(single.status == 0, "\(single.standardError)")
  }

  @Test("with several runs, the defaults and what applies (percentile, bootstrap) are accepted")
  func optionsThatApply() throws {
    for options in [[], ["--ci-method", "percentile"], ["--test", "bootstrap"]] {
      let result = try runF1Kit(["compare", Self.runsA, Self.runsB] + options + Self.quick)
      #expect(result.status == 0, "\(options): \(result.standardError)")
    }
  }

  @Test(
    "with groups or strata, a test the design does not run is a usage error",
    arguments: [
      (
        ["--stratify", "gold", "--test", "permutation"],
        "--test permutation does not apply with --stratify gold"
      ),
      (
        ["--stratify", "gold", "--test", "mcnemar"],
        "--test mcnemar does not apply with --stratify gold"
      ),
      (
        ["--stratify", "gold", "--mcnemar", "exact"],
        "--mcnemar exact does not apply with --stratify gold"
      ),
      (
        ["--group-column", "query", "--mcnemar", "chi2"],
        "--mcnemar chi2 does not apply with --group-column"
      ),
      (
        ["--group-column", "query", "--test", "mcnemar"],
        "--test mcnemar does not apply with --group-column"
      ),
    ])
  func designTests(options: [String], message: String) throws {
    let result = try runF1Kit(["compare", Self.a[0], Self.b[0]] + options + Self.quick)
    #expect(result.status == 64)
    #expect(firstLine(result).hasPrefix("Error: \(message)"), "\(result.standardError)")
    // Without the design the option applies.
    let accuracy = options.contains("mcnemar") ? ["--metric", "accuracy"] : []
    let plain = try runF1Kit(
      ["compare", Self.a[0], Self.b[0]] + options.dropFirst(2) + accuracy + Self.quick)
    #expect(plain.status == 0, "\(plain.standardError)")
  }

  @Test(
    "with groups, --test chooses the test the verdict rests on: the group permutation test unless bootstrap is asked for",
    arguments: [
      ([String](), "permutation", "p = %@ (permutation test, whole groups swapped)", true),
      (
        ["--test", "permutation"], "permutation", "p = %@ (permutation test, whole groups swapped)",
        false
      ),
      (
        ["--test", "bootstrap"], "paired_bootstrap", "p = %@ (paired bootstrap, groups resampled)",
        false
      ),
    ])
  func groupedVerdictTest(options: [String], test: String, evidence: String, hasMcNemar: Bool)
    throws
  {
    let arguments = ["compare", Self.a[0], Self.b[0], "--group-column", "query"] + options
    let json = try runF1Kit(arguments + Self.quick + ["--format", "json"])
    #expect(json.status == 0, "\(json.standardError)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    #expect(document["verdict_test"] as? String == test)
    let tests = try #require(document["tests"] as? [String: Any])
    let p = try #require((tests[test] as? [String: Any])?["p_value"] as? Double)
    #expect((tests["permutation"] != nil) == (test == "permutation"))
    #expect((tests["mcnemar"] != nil) == hasMcNemar)
    let text = try runF1Kit(arguments + Self.quick)
    #expect(text.status == 0, "\(text.standardError)")
    let quoted = p < 0.001 ? String(format: "%.2g", p) : String(format: "%.3f", p)
    #expect(
      text.standardOutput.contains(evidence.replacingOccurrences(of: "%@", with: quoted)),
      "\(text.standardOutput)")
    #expect(text.standardOutput.contains("McNemar") == hasMcNemar)
  }

  @Test(
    "gate with several runs refuses an interval method that does not apply, BCa included when named",
    arguments: ["basic", "bca"])
  func gateIntervalMethod(method: String) throws {
    let result = try runF1Kit(
      [
        "gate", Self.runsA, Self.runsB, "--metric", "accuracy", "--margin", "0.01", "--ci-method",
        method,
      ]
        + Self.quick)
    #expect(result.status == 64)
    #expect(
      firstLine(result).hasPrefix("Error: --ci-method \(method) does not apply with several runs"))
  }

  @Test(
    "two models with one name are a usage error, given as NAME= or with --names",
    arguments: [
      [Self.runsA, "A=" + Self.b.joined(separator: ",")],
      [Self.a[0], Self.b[0], "--names", "x,x"],
      [Self.runsA, Self.b[0], "--names", "A,A"],
    ])
  func duplicateNames(arguments: [String]) throws {
    for command in [["compare"], ["report", "--out", "/dev/null"]] {
      let result = try runF1Kit(command + arguments + ["--resamples", "100"])
      #expect(result.status == 64, "\(result.standardError)")
      #expect(firstLine(result).hasPrefix("Error: two models are named"), "\(result.standardError)")
    }
  }

  @Test("a file listed twice within one model is a usage error: it would count as two runs")
  func repeatedRun() throws {
    for run in [Self.a[0], "./" + Self.a[0]] {
      let result = try runF1Kit(["compare", "A=\(Self.a[0]),\(run)", Self.runsB] + Self.quick)
      #expect(result.status == 64)
      #expect(
        firstLine(result)
          == "Error: model 'A' lists the file '\(run)' twice, so it would count as two runs; list each run's file once"
      )
    }
    let gate = try runF1Kit(
      [
        "gate", "A=\(Self.a[0]),\(Self.a[0])", Self.runsB, "--metric", "accuracy", "--margin",
        "0.01",
      ]
        + Self.quick)
    #expect(gate.status == 64)
  }

  @Test("the same file given as two models runs, with a warning: it may be a sanity check")
  func sameFileAsTwoModels() throws {
    let named = try runF1Kit(["compare", "A=\(Self.a[0])", "B=\(Self.a[0])"] + Self.quick)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(
      named.standardError.contains(
        "warning: '\(Self.a[0])' is given for both 'A' and 'B', which share its predictions"))
    let plain = try runF1Kit(["compare", Self.a[0], Self.a[0]] + Self.quick)
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(plain.standardError.contains("warning: '\(Self.a[0])' is given as two models"))
    let distinct = try runF1Kit(["compare", Self.runsA, Self.runsB] + Self.quick)
    #expect(!distinct.standardError.contains("warning"))
    // A copy under another name shares the predictions as surely.
    let directory = TemporaryDirectory()
    let copy = directory.write(
      "copy.csv", try String(contentsOfFile: Self.a[0], encoding: .utf8))
    let copied = try runF1Kit(
      ["gate", Self.a[0], copy, "--metric", "accuracy", "--margin", "0.01"] + Self.quick)
    // Each model is one file named after it: no "of 'a-run1.csv'" after
    // the file's own name.
    #expect(
      copied.standardError.contains(
        "warning: '\(copy)' has the same bytes as '\(Self.a[0])', so the two models share their predictions; check the arguments"
      ), "\(copied.standardError)")
    #expect(!copied.standardError.contains("of 'a-run1.csv'"))
    let renamed = try runF1Kit(
      ["gate", Self.a[0], copy, "--names", "base,cand", "--metric", "accuracy", "--margin", "0.01"]
        + Self.quick)
    #expect(
      renamed.standardError.contains(
        "warning: '\(copy)' has the same bytes as '\(Self.a[0])' of 'base', so 'cand' shares its predictions"
      ), "\(renamed.standardError)")
  }

  @Test("files with one base name in different folders are different models and runs")
  func sameBaseName() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-base-names-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (folder, source) in [
      ("x", Self.a[0]), ("y", Self.b[0]), ("z", Self.a[1]), ("w", Self.b[1]),
    ] {
      let url = directory.appendingPathComponent(folder)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: Fixtures.packageRoot.appendingPathComponent(source),
        to: url.appendingPathComponent("predictions.csv"))
    }
    let plain = try runF1Kit(
      ["compare", "x/predictions.csv", "y/predictions.csv", "--format", "json"] + Self.quick,
      in: directory)
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(plain.standardOutput.contains("\"x/predictions.csv\""))
    #expect(plain.standardOutput.contains("\"y/predictions.csv\""))
    #expect(!plain.standardError.contains("warning"))
    let runs = try runF1Kit(
      ["compare", "A=x/predictions.csv,z/predictions.csv", "B=y/predictions.csv,w/predictions.csv"]
        + Self.quick, in: directory)
    #expect(runs.status == 0, "\(runs.standardError)")
    #expect(runs.standardError.isEmpty, "\(runs.standardError)")
  }

  @Test("existing files separated by commas without a model name say that a run list needs one")
  func unnamedRunList() throws {
    let directory = TemporaryDirectory()
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.a[0]), encoding: .utf8)
    try FileManager.default.createDirectory(
      at: directory.url.appendingPathComponent("lr=0.05"), withIntermediateDirectories: true)
    directory.write("lr=0.05/s1.csv", text)
    directory.write("lr=0.05/s2.csv", text)
    let runs = Self.a.map { Fixtures.packageRoot.appendingPathComponent($0).path }
    for list in ["\(runs[0]),\(runs[1])", "lr=0.05/s1.csv,lr=0.05/s2.csv"] {
      let result = try runF1Kit(
        ["compare", list, Self.runsB, "--resamples", "100"], in: directory.url)
      #expect(result.status == 64)
      #expect(
        firstLine(result)
          == "Error: '\(list)' names 2 existing files, but a model with several runs needs a name before them: write NAME=\(list)",
        "\(result.standardError)")
    }
  }

  @Test(
    "an empty entry in a run list is a usage error naming the argument and the usual cause",
    arguments: [
      ("A=\(Self.a[0]),,\(Self.a[1])", 2), ("A=\(Self.a[0]),\(Self.a[1]),", 3),
      ("A=,\(Self.a[0])", 1),
    ])
  func emptyRunEntry(argument: String, entry: Int) throws {
    for command in [["compare"], ["report", "--out", "/dev/null"]] {
      let result = try runF1Kit(command + [argument, Self.runsB] + ["--resamples", "100"])
      #expect(result.status == 64)
      // A trailing comma is also what a space after it leaves.
      let space =
        argument.hasSuffix(",")
        ? ", or a space after the last comma, where the shell ends the argument: write the run list without spaces (A=a.csv,b.csv)"
        : ""
      #expect(
        firstLine(result)
          == "Error: expected a file name in entry \(entry) of the run list '\(argument)', found an empty entry; an unset shell variable is the usual cause\(space)"
      )
    }
  }

  @Test("a run list with spaces after its commas names the spaced entry and the list without them")
  func spacedRunEntry() throws {
    let argument = "A=\(Self.a[0]), \(Self.a[1]),\(Self.a[2])"
    for command in [["compare"], ["report", "--out", "/dev/null"]] {
      let result = try runF1Kit(command + [argument, Self.runsB] + ["--resamples", "100"])
      #expect(result.status == 64, "\(result.standardError)")
      #expect(
        firstLine(result)
          == "Error: expected a file name in entry 2 of the run list '\(argument)', found ' \(Self.a[1])', which no file is named, with spaces around '\(Self.a[1])', which exists; write the run list without spaces after the commas (\(Self.runsA))"
      )
    }
  }

  /// A folder with the fixture runs as `a1.csv`…, and the first of B's
  /// runs as `b,1.csv` (plus `extra`, copies of it under other names).
  private func commaFolder(extra: [String] = []) throws -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    for (index, path) in (Self.a + Self.b).enumerated() {
      let text = try String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
      let name = index < 3 ? "a\(index + 1).csv" : index == 3 ? "b,1.csv" : "b\(index - 2).csv"
      for copy in [name] + (index == 3 ? extra : []) { directory.write(copy, text) }
    }
    return directory
  }

  @Test(
    "a comma in a run's file name: taken when only the joined name exists, or written \\,",
    arguments: ["B=b,1.csv,b2.csv", "B=b\\,1.csv,b2.csv", "B=./b\\,1.csv,./b2.csv"])
  func commaInRunFile(argument: String) throws {
    let directory = try commaFolder()
    for command in [["compare", "--format", "json"], ["report", "--out", "report.html"]] {
      let result = try runF1Kit(
        command + ["A=a1.csv,a2.csv", argument] + Self.quick
          + (command[0] == "report" ? ["--json", "report.json"] : []),
        in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      let json =
        command[0] == "report"
        ? try String(
          contentsOf: directory.url.appendingPathComponent("report.json"), encoding: .utf8)
        : result.standardOutput
      #expect(json.contains("\"file\": \"b,1.csv\"") || json.contains("\"file\": \"./b,1.csv\""))
      #expect(!json.contains("\"file\": \"1.csv\""))
    }
  }

  @Test(
    "a run list that names existing files in two ways is a usage error showing both and the fixes")
  func ambiguousRunList() throws {
    let directory = try commaFolder(extra: ["b", "1.csv"])
    let argument = "B=b,1.csv,b2.csv"
    for command in [
      ["compare"], ["report", "--out", "report.html"],
      ["gate", "--metric", "accuracy", "--margin", "0.01"],
    ] {
      let result = try runF1Kit(
        command + ["A=a1.csv,a2.csv", argument] + Self.quick, in: directory.url)
      #expect(result.status == 64)
      #expect(
        firstLine(result)
          == "Error: 'B=b,1.csv,b2.csv' can be read as the runs 'b', '1.csv' and 'b2.csv' or as the runs 'b,1.csv' and 'b2.csv', files that all exist; write a comma that belongs to a file's name as '\\,' (B=b\\,1.csv,b2.csv), or start each run's relative path with './' to keep the runs apart (B=./b,./1.csv,./b2.csv)"
      )
    }
    // Both fixes are read one way.
    for fixed in ["B=b\\,1.csv,b2.csv", "B=./b,./1.csv,./b2.csv"] {
      let result = try runF1Kit(
        ["compare", "A=a1.csv,a2.csv", fixed, "--format", "json"] + Self.quick,
        in: directory.url)
      #expect(result.status == 0, "\(result.standardError)")
      let runs = fixed.hasPrefix("B=b") ? 2 : 3
      #expect(result.standardOutput.contains("\"runs\": [2, \(runs)]"), "\(fixed)")
    }
  }

  @Test("a run file that does not exist, joined or not, is named by the reader (exit 66)")
  func missingRunFile() throws {
    let directory = try commaFolder()
    for argument in ["B=b2.csv,b9.csv", "B=b,9.csv,b2.csv"] {
      let result = try runF1Kit(
        ["compare", "A=a1.csv,a2.csv", argument] + Self.quick, in: directory.url)
      #expect(result.status == 66)
      let missing = argument.contains("b9") ? "b9.csv" : "b"
      #expect(
        firstLine(result)
          == "Error: \(missing): cannot open the file: No such file or directory")
    }
  }

  @Test("a missing path with '=' in its file name is named as typed, not as a run list")
  func missingPathWithEquals() throws {
    let directory = try commaFolder()
    let result = try runF1Kit(
      ["compare", "results/lr=0.1.csv", "a1.csv"] + Self.quick, in: directory.url)
    #expect(result.status == 66)
    #expect(
      firstLine(result)
        == "Error: results/lr=0.1.csv: cannot open the file: No such file or directory")
    // A model name without '/' still reads as NAME=FILE.
    let named = try runF1Kit(["compare", "lr=0.1.csv", "a1.csv"] + Self.quick, in: directory.url)
    #expect(named.status == 66)
    #expect(firstLine(named) == "Error: 0.1.csv: cannot open the file: No such file or directory")
  }

  @Test(
    "standard input given more than once is a usage error, not an empty file",
    arguments: [
      ["compare", "A=\(Self.a[0]),-,-", Self.runsB],
      ["compare", "-", "-"],
      ["report", "-", "-", "--out", "/dev/null"],
      ["gate", "-", "-", "--metric", "accuracy", "--margin", "0.01"],
      ["evaluate", "-", "-"],
      ["advise", "-", "-"],
    ])
  func standardInputTwice(arguments: [String]) throws {
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.a[2]), encoding: .utf8)
    let result = try runF1Kit(arguments, input: text)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(firstLine(result).hasPrefix("Error: standard input can be read only once"))
  }

  @Test(
    "NAME=run,… with --pred-columns is a usage error saying they do not combine",
    arguments: [
      ["compare", "A=\(Self.a[0]),\(Self.a[1])", "--pred-columns", "label,prediction"],
      [
        "report", "A=\(Self.a[0]),\(Self.a[1])", "--pred-columns", "label,prediction", "--out",
        "/dev/null",
      ],
      [
        "gate", "A=\(Self.a[0])", "--pred-columns", "label,prediction", "--metric", "accuracy",
        "--margin", "0.01",
      ],
    ])
  func runsWithPredictionColumns(arguments: [String]) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(firstLine(result).contains("which does not combine with --pred-columns"))
  }

  @Test(
    "report refuses what its Runs and groups section cannot take: weights, stdin as a first run",
    arguments: [
      [runsA, runsB], [a[0], b[0], "--group-column", "query"], [a[0], b[0], "--stratify", "gold"],
    ])
  func reportDesignInputs(models: [String]) throws {
    let directory = TemporaryDirectory()
    let weighted = try runF1Kit(
      ["report"] + models + ["--weight-column", "w", "--out", directory.url.path + "/r.html"]
        + Self.quick)
    #expect(weighted.status == 64)
    #expect(
      firstLine(weighted)
        == "Error: report does not support --weight-column with runs, groups or strata yet")
    var piped = models
    piped[0] = piped[0].hasPrefix("A=") ? "A=-," + Self.a.dropFirst().joined(separator: ",") : "-"
    let text = try String(contentsOfFile: Self.a[0], encoding: .utf8)
    let standardInput = try runF1Kit(
      ["report"] + piped + ["--out", directory.url.path + "/r.html"] + Self.quick, input: text)
    #expect(standardInput.status == 64)
    #expect(
      firstLine(standardInput).hasPrefix(
        "Error: report reads each model's first run twice with runs, groups or strata"))
    #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/r.html"))
    // A later run may be standard input: it is read once.
    if models[0].hasPrefix("A=") {
      let later = try runF1Kit(
        [
          "report", "A=\(Self.a[0]),-,\(Self.a[2])", Self.runsB, "--out",
          directory.url.path + "/r.html",
        ] + Self.quick,
        input: try String(contentsOfFile: Self.a[1], encoding: .utf8))
      #expect(later.status == 0, "\(later.standardError)")
    }
  }
}
