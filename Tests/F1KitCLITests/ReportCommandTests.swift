import Foundation
import Testing
import _TestSupport

@Suite("f1kit report")
struct ReportCommandTests {
  static let stsb = ["fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]

  @Test("writes one self-contained HTML file and nothing else")
  func writesReport() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("report.html").path
    let result = try runF1Kit(["report"] + Self.stsb + ["--out", out, "--resamples", "200"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int)
    #expect(size > 1000)
    let kilobytes = String(format: "%.1f", Double(size) / 1000)
    #expect(result.standardError == "wrote \(out) (\(kilobytes) kB)\n")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<title>Classifier evaluation</title>"))
    #expect(!html.lowercased().contains("<script"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["report.html"])
  }

  @Test("the same inputs and seed give a byte-identical file")
  func byteIdentical() throws {
    let directory = TemporaryDirectory()
    let first = directory.url.appendingPathComponent("first.html").path
    let second = directory.url.appendingPathComponent("second.html").path
    let arguments = [
      "fixtures/r8/test-tfidf-logreg.csv", "fixtures/r8/test-tfidf-nb.csv", "--seed", "3",
      "--resamples", "200",
    ]
    #expect(try runF1Kit(["report"] + arguments + ["--out", first]).status == 0)
    #expect(try runF1Kit(["report"] + arguments + ["--out", second]).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: first))
        == Data(contentsOf: URL(fileURLWithPath: second)))
  }

  @Test("--out - writes the page to standard output")
  func writesToStandardOutput() throws {
    let result = try runF1Kit(["report", Self.stsb[0], "--out", "-", "--resamples", "0"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("<!DOCTYPE html>"))
  }

  @Test("--out through a symbolic link replaces the link's target and keeps the link")
  func keepsSymbolicLink() throws {
    let directory = TemporaryDirectory()
    let target = directory.write("target.html", "old")
    let link = directory.url.appendingPathComponent("link.html").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let result = try runF1Kit(["report", Self.stsb[0], "--out", link, "--resamples", "0"])
    #expect(result.status == 0, "\(result.standardError)")
    let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
    #expect(type == .typeSymbolicLink)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        == ["link.html", "target.html"])
    // The size printed is the page's, not the link's few bytes.
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int)
    #expect(size > 1000)
    #expect(
      result.standardError.contains(
        "wrote \(link) (\(String(format: "%.1f", Double(size) / 1000)) kB)"),
      "\(result.standardError)")
  }

  @Test("a missing output folder fails with status 73 and one line")
  func refusesMissingFolder() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("missing/report.html").path
    let result = try runF1Kit(["report", Self.stsb[0], "--out", out, "--resamples", "0"])
    #expect(result.status == 73)
    #expect(
      result.standardError
        == "Error: cannot write \(out): the folder \(directory.url.path)/missing does not exist\n")
  }

  @Test(
    "a failure leaves an existing report untouched",
    arguments: [
      (["fixtures/stsb/test-minilm-l6.csv", "fixtures/r8/test-tfidf-nb.csv"], 65),
      (["fixtures/stsb/missing.csv"], 66),
      (
        ["fixtures/stsb/test-minilm-l6.csv", "--training-log", "fixtures/stsb/test-minilm-l3.csv"],
        65
      ),
      (["fixtures/stsb/test-minilm-l6.csv", "--names", "a,b"], 64),
    ] as [([String], Int32)])
  func leavesExistingReport(_ arguments: [String], _ status: Int32) throws {
    let directory = TemporaryDirectory()
    let out = directory.write("report.html", "the old report")
    let result = try runF1Kit(["report"] + arguments + ["--out", out, "--resamples", "0"])
    #expect(result.status == status, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("Error: "))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "the old report")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["report.html"])
  }

  /// The report used to be replaced before a --json path that could not
  /// be written was found, so the command failed with the old report lost.
  @Test(
    "an output that cannot be written is found before the existing report is replaced",
    arguments: [["--json", "missing/report.json"], ["--tables-dir", "a-file"]])
  func unwritableSecondOutputKeepsReport(_ output: [String]) throws {
    let directory = TemporaryDirectory()
    let out = directory.write("report.html", "the old report")
    _ = directory.write("a-file", "not a folder")
    let path = directory.url.appendingPathComponent(output[1]).path
    let result = try runF1Kit(
      [
        "report", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
        "--out", out, "--resamples", "100", output[0], path,
      ])
    #expect(result.status == 73, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("Error: "))
    #expect(result.standardError.contains(path))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "the old report")
  }

  @Test("models with different gold labels are refused, naming both")
  func refusesDifferentGold() throws {
    let directory = TemporaryDirectory()
    let result = try runF1Kit(
      [
        "report", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/dev-minilm-l6.csv", "--out",
        directory.url.appendingPathComponent("r.html").path, "--resamples", "0",
      ])
    #expect(result.status == 65)
    #expect(result.standardError.contains("dev-minilm-l6"))
    #expect(result.standardError.contains("test-minilm-l6"))
    #expect(result.standardError.split(separator: "\n").count == 1)
  }

  @Test("--out is required")
  func requiresOut() throws {
    let result = try runF1Kit(["report", Self.stsb[0]])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: Missing expected option '--out <file>'\nUsage: f1kit report <files> ..."))
  }

  @Test("a training log adds the training curve; names and title are used")
  func trainingLog() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("report.html").path
    let result = try runF1Kit(
      [
        "report", "fixtures/training/test-predictions.csv", "--training-log",
        "fixtures/training/stsb-dev_results.csv", "--names", "pair-classifier", "--title",
        "Pair <classifier>", "--out", out, "--resamples", "0",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("<h1>Pair &lt;classifier&gt;</h1>"))
    #expect(html.contains("id=\"training-curve\""))
    #expect(html.contains("pair-classifier"))
  }

  @Test(
    "a Sentence-Transformers log with a second run appended: one warning line, the report says so too"
  )
  func trainingLogWithTwoRuns() throws {
    let directory = TemporaryDirectory()
    let log = try String(
      contentsOf: Fixtures.url(
        "training/sentence-transformers/CrossEncoderClassificationEvaluator_stsb-dev_results.csv"),
      encoding: .utf8)
    let rows = log.split(separator: "\r\n").dropFirst().map { $0 + "\r\n" }
    let path = directory.write(
      "CrossEncoderClassificationEvaluator_results.csv", log + rows.joined())
    let out = directory.url.appendingPathComponent("report.html").path
    let result = try runF1Kit([
      "report", "fixtures/training/test-predictions.csv", "--training-log", path, "--out", out,
      "--resamples", "0",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let warnings = result.standardError.split(separator: "\n").filter { $0.hasPrefix("warning:") }
    #expect(
      warnings == [
        "warning: CrossEncoderClassificationEvaluator_results.csv: the steps go back from 800 to 100 after evaluation 9, as when a second training run appends to the same log; its 2 runs are drawn as separate lines, earlier runs dashed"
      ])
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("the steps go back from 800 to 100 after evaluation 9"))
    #expect(html.contains("the best Average_Precision is 0.8947 at step 200 of run 1."))
  }

  @Test("help describes report and the tool lists it with advise")
  func help() throws {
    let result = try runF1Kit(["help", "report"])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("OVERVIEW: Write an HTML report"))
    #expect(
      result.standardOutput.contains(
        "USAGE: f1kit report <files> ... --out <file> [--json <file>] [--title <title>]"))
    let root = try runF1Kit(["--help"])
    #expect(root.standardOutput.contains("\n  report "))
    #expect(root.standardOutput.contains("\n  advise "))
  }

  @Test(
    "-q and --quiet draw no progress bar on a terminal, as compare's do; without them one is drawn",
    .enabled(if: PseudoTerminal.isAvailable), arguments: [nil, "-q", "--quiet"])
  func quiet(flag: String?) throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("report.html").path
    let files = ["fixtures/newsgroups/test-logreg.csv", "fixtures/newsgroups/test-nb.csv"]
    let arguments = ["--out", out, "--resamples", "200"] + (flag.map { [$0] } ?? [])
    // A multilabel report, then a single-label one.
    for models in [files, Self.stsb] {
      let report = try runF1KitOnTerminal(["report"] + models + arguments)
      #expect(report.status == 0, "\(report.standardError)")
      #expect(report.standardError.contains("resampling ") == (flag == nil), "\(models)")
      #expect(report.standardError.contains("wrote \(out) ("))
    }
    let compare = try runF1KitOnTerminal(
      ["compare"] + files + ["--resamples", "200"] + (flag.map { [$0] } ?? []))
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(compare.standardError.contains("resampling ") == (flag == nil))
  }

  @Test("report -q writes the same page and prints the same line as without it")
  func quietChangesNothingElse() throws {
    let directory = TemporaryDirectory()
    var pages: [String] = []
    for flag in [[], ["-q"]] {
      let out = directory.url.appendingPathComponent("report\(flag.count).html").path
      let result = try runF1Kit(
        ["report"] + Self.stsb + ["--out", out, "--resamples", "200", "--seed", "3"] + flag)
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardError.hasPrefix("wrote \(out) ("))
      pages.append(try String(contentsOfFile: out, encoding: .utf8))
    }
    #expect(pages[0] == pages[1])
    let help = try runF1Kit(["report", "--help"])
    #expect(help.standardOutput.contains("  -q, --quiet "))
    #expect(help.standardOutput.contains("Draw no progress bar."))
    let failure = try runF1Kit(["report", "missing.csv", "--out", "x.html", "-q"])
    #expect(failure.status == 66)
    #expect(failure.standardError.hasPrefix("Error: missing.csv: "))
  }

  @Test(
    "the score table's caption promises DeLong's interval only where it is shown, and cites the metric"
  )
  func scoreCaptionMatchesItsCells() throws {
    let directory = TemporaryDirectory()
    let columns = "acq,crude,earn,grain,interest,money-fx,ship,trade"
    let perClass = directory.url.appendingPathComponent("per-class.html").path
    let r8 = try runF1Kit([
      "report", "fixtures/r8/test-tfidf-nb-scores.csv", "fixtures/r8/test-tfidf-logreg-scores.csv",
      "--score-columns", columns, "--out", perClass, "--resamples", "100", "-q",
    ])
    #expect(r8.status == 0, "\(r8.standardError)")
    let perClassPage = try String(contentsOfFile: perClass, encoding: .utf8)
    #expect(perClassPage.contains("bootstrap intervals over items (100 resamples)</caption>"))
    #expect(!perClassPage.contains("DeLong&#39;s interval"))
    #expect(perClassPage.contains("<code>f1kit compare --metric roc_auc_ovr_macro</code>"))
    let binary = directory.url.appendingPathComponent("binary.html").path
    let stsb = try runF1Kit(
      ["report"] + Self.stsb + [
        "--score-column", "score", "--positive", "1", "--out", binary, "--resamples", "100", "-q",
      ])
    #expect(stsb.status == 0, "\(stsb.standardError)")
    let binaryPage = try String(contentsOfFile: binary, encoding: .utf8)
    #expect(binaryPage.contains("; ROC-AUC also with DeLong&#39;s interval</caption>"))
    #expect(binaryPage.contains("DeLong ["))
    #expect(binaryPage.contains("<code>f1kit compare --metric roc_auc</code>"))
  }
}
