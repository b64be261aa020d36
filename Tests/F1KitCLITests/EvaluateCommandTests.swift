import Foundation
import Testing
import _TestSupport

/// One case of fixtures/goldens/fixture-reports.json: scikit-learn's numbers
/// for a real fixture, made by tools/make_fixture_reports.py.
struct FixtureReport: Decodable, Sendable, CustomTestStringConvertible {
  struct Expected: Decodable, Sendable {
    struct Row: Decodable, Sendable {
      let label: String
      let precision: Double?
      let recall: Double?
      let f1: Double?
      let support: Int
    }
    let n: Int
    let problem: String
    let labels: [String]
    let positive_label: String?
    let beta: Double?
    let metrics: [String: Double?]
    let per_class: [Row]
    let confusion_matrix: [[Int]]
    /// The score metrics, for a file read with its scores.
    let score_metrics: [String: Double?]?
  }
  let file: String
  let arguments: [String]
  let expected: Expected
  let classification_report: String

  var testDescription: String { ([file] + arguments).joined(separator: " ") }
}

private struct FixtureReportFile: Decodable {
  let cases: [FixtureReport]
}

private let fixtureReports =
  (try? Fixtures.decode(FixtureReportFile.self, from: "goldens/fixture-reports.json").cases) ?? []

@Suite("f1kit evaluate on real fixtures")
struct EvaluateCommandTests {
  @Test("JSON output equals scikit-learn's numbers", arguments: fixtureReports)
  func jsonMatchesScikitLearn(report: FixtureReport) throws {
    let result = try runF1Kit(
      ["evaluate", "fixtures/" + report.file, "--format", "json"] + report.arguments)
    #expect(result.status == 0, "\(result.standardError)")
    let actual = try JSONDecoder().decode(
      FixtureReport.Expected.self, from: Data(result.standardOutput.utf8))
    let expected = report.expected
    #expect(actual.n == expected.n)
    #expect(actual.problem == expected.problem)
    #expect(actual.labels == expected.labels)
    #expect(actual.positive_label == expected.positive_label)
    #expect(actual.beta == expected.beta)
    #expect(actual.confusion_matrix == expected.confusion_matrix)
    #expect(Set(actual.metrics.keys) == Set(expected.metrics.keys))
    for (name, value) in expected.metrics {
      #expect(agrees(actual.metrics[name].flatMap { $0 } ?? .nan, value), "\(name)")
    }
    if let expectedScores = expected.score_metrics {
      let actualScores = try #require(actual.score_metrics)
      #expect(Set(actualScores.keys) == Set(expectedScores.keys))
      for (name, value) in expectedScores {
        #expect(agrees(actualScores[name].flatMap { $0 } ?? .nan, value), "\(name)")
      }
    }
    for (row, expectedRow) in zip(actual.per_class, expected.per_class) {
      #expect(row.label == expectedRow.label)
      #expect(row.support == expectedRow.support)
      #expect(agrees(row.precision ?? .nan, expectedRow.precision))
      #expect(agrees(row.recall ?? .nan, expectedRow.recall))
      #expect(agrees(row.f1 ?? .nan, expectedRow.f1))
    }
  }

  @Test(
    "the text report starts with scikit-learn's classification_report", arguments: fixtureReports)
  func textReportMatchesScikitLearn(report: FixtureReport) throws {
    let result = try runF1Kit(["evaluate", "fixtures/" + report.file] + report.arguments)
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix(report.classification_report))
    #expect(result.standardOutput.contains("confusion matrix (rows: gold, columns: predicted)"))
  }

  @Test("a class never predicted warns once on standard error, naming it")
  func warnsAboutZeroDivision() throws {
    let result = try runF1Kit(["evaluate", "fixtures/r8/test-tfidf-nb.csv", "--format", "json"])
    #expect(result.status == 0)
    let warnings = result.standardError.split(separator: "\n")
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("\"grain\", \"ship\"") == true)
    let silenced = try runF1Kit(
      ["evaluate", "fixtures/r8/test-tfidf-nb.csv", "--zero-division", "nan", "--format", "json"])
    #expect(silenced.standardError.isEmpty)
    #expect(silenced.standardOutput.contains("\"precision\": null"))
  }

  @Test("standard input is read when the file is '-'")
  func readsStandardInput() throws {
    let result = try runF1Kit(
      ["evaluate", "-", "--format", "json"],
      input: "label,prediction\na,a\nb,a\naccuracy,accuracy\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("\"labels\": [\"a\", \"accuracy\", \"b\"]"))
  }

  @Test("CSV output is a tidy metric,label,value table")
  func csvOutput() throws {
    let result = try runF1Kit(["evaluate", "fixtures/stsb/test-minilm-l6.csv", "--format", "csv"])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("metric,label,value\r\naccuracy,,"))
    #expect(result.standardOutput.contains("support,1,673\r\n"))
  }

  @Test("--labels and --positive follow scikit-learn's labels= and pos_label=")
  func labelsAndPositive() throws {
    let result = try runF1Kit(
      ["evaluate", "fixtures/stsb/test-minilm-l6.csv", "--positive", "0", "--format", "json"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("\"positive_label\": \"0\""))
    let subset = try runF1Kit(
      [
        "evaluate", "fixtures/r8/test-tfidf-nb.csv", "--labels", "ship,grain,none", "--format",
        "json",
        "--zero-division", "1",
      ])
    #expect(subset.status == 0, "\(subset.standardError)")
    #expect(subset.standardOutput.contains("\"labels\": [\"ship\", \"grain\", \"none\"]"))
  }

  @Test("a file concatenated with itself is refused at its first repeated id, not counted twice")
  func refusesRepeatedIDs() throws {
    let directory = TemporaryDirectory()
    var frame = ""
    for index in 0..<100 { frame += "\(index),\(["yes", "no"][index % 2]),yes\n" }
    directory.write("a.csv", ",label,prediction\n" + frame)
    // cat a.csv <(tail -n +2 a.csv) > dup.csv
    directory.write("dup.csv", ",label,prediction\n" + frame + frame)
    let single = try runF1Kit(["evaluate", "a.csv", "--format", "json"], in: directory.url)
    #expect(single.status == 0, "\(single.standardError)")
    let doubled = try runF1Kit(["evaluate", "dup.csv"], in: directory.url)
    #expect(doubled.status == 65)
    #expect(doubled.standardOutput.isEmpty)
    #expect(
      doubled.standardError.hasPrefix(
        "Error: dup.csv:102:1: duplicate id \"0\" in field 1 (a column with no name), first seen on line 2; the first column is a data frame's index"
      ), "\(doubled.standardError)")
    #expect(doubled.standardError.split(separator: "\n").count == 1)
    let piped = try runF1Kit(
      ["evaluate", "-"], input: "id,label,prediction\n" + frame + frame, in: directory.url)
    #expect(piped.status == 65)
    #expect(
      piped.standardError
        == "Error: <stdin>:102:1: duplicate id \"0\" in field 1 (\"id\"), first seen on line 2\n")
    let shuffled = "id,label,prediction\n7,yes,yes\n3,no,yes\n9,no,no\n3,yes,no\n"
    let fromStandardInput = try runF1Kit(["evaluate", "-"], input: shuffled)
    #expect(fromStandardInput.status == 65)
    #expect(fromStandardInput.standardError.hasPrefix("Error: <stdin>:5:1: duplicate id \"3\""))
    directory.write("shuffled.csv", shuffled)
    let advised = try runF1Kit(["advise", "shuffled.csv"], in: directory.url)
    #expect(advised.status == 65)
    #expect(advised.standardError.hasPrefix("Error: shuffled.csv:5:1: duplicate id \"3\""))
  }

  @Test("an empty JSON string label is refused as a missing value, as an empty CSV field is")
  func refusesEmptyJSONLabel() throws {
    let result = try runF1Kit(
      ["evaluate", "-"],
      input: #"{"label": "", "prediction": "1"}"# + "\n" + #"{"label": "1", "prediction": "1"}"#
        + "\n")
    #expect(result.status == 65)
    #expect(
      result.standardError.hasPrefix(
        #"Error: <stdin>:1:11: expected a label at byte 11 ("label"), found an empty string"#),
      "\(result.standardError)")
    #expect(result.standardError.split(separator: "\n").count == 1)
  }
}
