import Foundation
import Testing
import _TestSupport

@Suite("f1kit report: run metadata and examples")
struct ReportMetadataTests {
  static func report(_ arguments: [String]) throws -> String {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("report.html").path
    let result = try runF1Kit(["report"] + arguments + ["--out", out, "--resamples", "0"])
    #expect(result.status == 0, "\(result.standardError)")
    return try String(contentsOfFile: out, encoding: .utf8)
  }

  @Test("the metadata names the score column, the threshold and where it came from")
  func scoreColumnAndThreshold() throws {
    let given = try Self.report([
      "fixtures/examples/scores.csv", "--score-column", "score", "--threshold", "0.7",
    ])
    #expect(given.contains("<dt>Predictions</dt><dd>from the score column “score”"))
    #expect(given.contains("<dt>Threshold</dt><dd>0.7 (given with --threshold)</dd>"))
    #expect(given.contains("<dt>Positive label</dt><dd>“pos” (assumed"))
    let defaulted = try Self.report(["fixtures/examples/scores.csv", "--score-column", "score"])
    #expect(defaulted.contains("<dt>Threshold</dt><dd>0.5 (the default)</dd>"))
  }

  @Test("the metadata says how files were aligned and which columns were read")
  func alignment() throws {
    let byID = try Self.report([
      "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv", "--positive", "1",
    ])
    #expect(byID.contains("<dt>Alignment</dt><dd>by item id:"))
    #expect(byID.contains("<dt>Positive label</dt><dd>“1” (given with --positive)</dd>"))
    #expect(byID.contains("<dt>Gold column</dt><dd>found by name"))
    #expect(
      byID.contains(
        "<dt>Id column</dt><dd>“id”, or else a first column holding a data frame index, when every file has one (the default)</dd>"
      ))
    let byRow = try Self.report([
      "fixtures/examples/a.csv", "fixtures/examples/b.csv", "--no-id-column",
    ])
    #expect(byRow.contains("<dt>Alignment</dt><dd>row by row:"))
    #expect(byRow.contains("<dt>Id column</dt><dd>none (--no-id-column)"))
  }

  @Test("a report of sentence pairs shows misclassified and disputed items with their text")
  func examples() throws {
    let html = try Self.report([
      "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
    ])
    #expect(html.contains("<section id=\"examples\""))
    #expect(html.contains("<th scope=\"col\">sentence1</th><th scope=\"col\">sentence2</th>"))
    #expect(html.contains("Items on which the models disagree"))
    let plain = try Self.report(["fixtures/examples/a.csv", "fixtures/examples/b.csv"])
    #expect(!plain.contains("<section id=\"examples\""))
  }
}
