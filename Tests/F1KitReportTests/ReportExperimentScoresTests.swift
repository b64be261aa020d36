import F1Kit
import F1KitStatistics
import Foundation
import Testing

@testable import F1KitReport

@Suite("With an experiment, Scores and cut-offs shows no item-level p-values; the JSON keeps them")
struct ReportExperimentScoresTests {
  /// The STS-B fixtures with their scores (199 resamples, seed 7), as a
  /// plain report builds them.
  static func plainReport() throws -> ReportModel {
    try ReportBuilder(options: ReportOptions(seed: 7, resamples: 199, toolVersion: "test"))
      .build(
        ["stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv"].map(
          ReportTestData.scoredFixtureInput))
  }

  /// ``plainReport()`` with an experiment attached, as `f1kit report`
  /// attaches one for several runs, `--group-column` or `--stratify gold`.
  static func report(runs: [Int], design: ResamplingDesign) throws -> ReportModel {
    try ReportExperimentTests.attachingExperiment(to: plainReport(), runs: runs, design: design)
  }

  /// The Scores and cut-offs section of a rendered report.
  static func scoresSection(_ report: ReportModel) throws -> String {
    try ReportExperimentTests.section("scores", of: HTMLReport(report).render())
  }

  /// Text that shows a p-value or a verdict of significance.
  static let pValueMarks = [
    "Permutation p", "Paired bootstrap p", "DeLong p", "p = ", "p &lt; ", "significant", " beats ",
  ]

  @Test(
    "runs, groups or strata: no p-value or verdict, and one sentence says why and where they are",
    arguments: [
      (
        [3, 3], ResamplingDesign.groups,
        "the first runs' items one by one, ignoring the other runs and the 24 groups"
      ),
      ([1, 1], .groups, "the items one by one, ignoring the 24 groups"),
      ([3, 2], .items, "the first runs' items one by one, ignoring the other runs"),
      ([1, 1], .stratifiedByGold, "the items one by one, ignoring the gold strata"),
    ])
  func noPValues(runs: [Int], design: ResamplingDesign, ignoring: String) throws {
    let section = try Self.scoresSection(try Self.report(runs: runs, design: design))
    for mark in Self.pValueMarks {
      #expect(!section.contains(mark), "\(mark)")
    }
    #expect(
      section.contains(
        HTMLText.content(
          "No p-values here: the permutation, paired bootstrap and DeLong's tests of the score "
            + "metrics take \(ignoring), so their p-values are only in the JSON's "
            + "first_run.scores.comparisons (--json).")))
    // The differences stay, with intervals labelled as item-level.
    #expect(
      section.contains(
        "with 95% paired bootstrap intervals that resample items one by one</caption>"))
  }

  @Test("a plain report's Scores and cut-offs keeps its p-values and verdicts")
  func plainReportKeepsPValues() throws {
    let section = try Self.scoresSection(try Self.plainReport())
    #expect(section.contains("Permutation p"))
    #expect(section.contains("DeLong p (z)"))
    #expect(section.contains("p = "))
    #expect(!section.contains("No p-values here"))
  }

  @Test("with groups, the JSON has the score tests' p-values under first_run.scores only")
  func json() throws {
    let report = try Self.report(runs: [1, 1], design: .groups)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(report.jsonDocument().serialized().utf8))
        as? [String: Any])
    #expect(document["scores"] == nil)
    let firstRun = try #require(document["first_run"] as? [String: Any])
    let scores = try #require(firstRun["scores"] as? [String: Any])
    let comparisons = try #require(scores["comparisons"] as? [[String: Any]])
    let engine = try #require(report.scores?.comparison)
    #expect(comparisons.count == engine.pairs.count && !comparisons.isEmpty)
    for (json, pair) in zip(comparisons, engine.pairs) {
      let tests = try #require(json["tests"] as? [String: [String: Any]])
      #expect(tests["delong"]?["p_value"] as? Double == pair.delong?.pValue)
      #expect(tests["permutation"]?["p_value"] as? Double != nil)
    }
  }

  @Test("the Methods list says Scores and cut-offs shows no p-values, and where they are")
  func methods() throws {
    let methods = try Self.report(runs: [3, 3], design: .groups).methods
    let heading = try #require(methods.first { $0.hasPrefix("Other sections") })
    #expect(
      heading.contains(
        "Nor does Scores and cut-offs: the p-values of its item-level tests of the score metrics, "
          + "which the experiment does not cover, are in the JSON's first_run.scores."))
    #expect(!methods.contains { $0.contains("keeps its own item-level tests") })
  }
}
