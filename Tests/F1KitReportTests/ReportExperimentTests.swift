import F1Kit
import F1KitAdvice
import F1KitStatistics
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("A report with an experiment: verdict from the experiment, first-run sections say so")
struct ReportExperimentTests {
  /// The first runs of the experiment fixture (A and B), with an
  /// experiment of three runs each in 24 groups attached, as `f1kit
  /// report A=…,… B=…,… --group-column query` attaches one.
  static func report(runs: [Int] = [3, 3], design: ResamplingDesign = .groups) throws
    -> ReportModel
  {
    var inputs = [
      try ReportTestData.fixtureInput("experiments/a-run1.csv"),
      try ReportTestData.fixtureInput("experiments/b-run1.csv"),
    ]
    inputs[0].name = "A"
    inputs[1].name = "B"
    let report = try ReportBuilder(options: ReportOptions(resamples: 199)).build(inputs)
    return try attachingExperiment(to: report, runs: runs, design: design)
  }

  /// `report` with a two-model experiment attached, as `f1kit report`
  /// attaches one for several runs, `--group-column` or `--stratify gold`.
  static func attachingExperiment(
    to report: ReportModel, runs: [Int], design: ResamplingDesign
  ) throws -> ReportModel {
    var report = report
    let (comparison, description) = try ExperimentTableTests.experiment(
      runs: runs, design: design, names: ["A", "B"])
    report.experiment = ExperimentReport(
      comparison: comparison, description: description,
      groupColumn: design == .groups ? "query" : nil)
    report.metadata.runFiles = description.runFiles
    return report
  }

  /// The text of the Summary's verdict box.
  static func verdict(_ html: String) throws -> String {
    let start = try #require(html.range(of: "<div class=\"verdict\""))
    let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
    return String(html[start.lowerBound..<end.upperBound])
  }

  /// The body of one section.
  static func section(_ id: String, of html: String) throws -> String {
    let start = try #require(html.range(of: "<section id=\"\(id)\""))
    let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
    return String(html[start.upperBound..<end.lowerBound])
  }

  @Test(
    "the Summary's verdict quotes the experiment's difference, interval and verdict test's p",
    arguments: [([3, 3], ResamplingDesign.groups), ([1, 1], .groups), ([3, 2], .items)])
  func verdictFromExperiment(runs: [Int], design: ResamplingDesign) throws {
    let report = try Self.report(runs: runs, design: design)
    let experiment = try #require(report.experiment)
    let pair = try #require(experiment.comparison.pairs.first)
    let verdict = try Self.verdict(HTMLReport(report).render())
    let difference = pair.difference
    let oriented =
      difference.estimate > 0 ? difference.range : (-difference.upper)...(-difference.lower)
    #expect(
      verdict.contains(
        "by \(DisplayNumber.score(abs(difference.estimate), digits: 3)) "
          + "\(DisplayNumber.interval(oriented, digits: 3)), "
          + "\(DisplayNumber.pValue(experiment.comparison.verdictPValues[0]))"))
    // Not the first runs' item-level comparison.
    let firstRun = try #require(report.differences(on: report.reference.primaryMetric).first)
    #expect(!verdict.contains("by \(DisplayNumber.score(abs(firstRun.estimate), digits: 3)) "))
    // With groups and one run each, the group permutation test's p.
    let isPermutation = design == .groups && runs == [1, 1]
    #expect(experiment.comparison.verdictTest == (isPermutation ? .permutation : .bootstrap))
    #expect(
      verdict.contains(
        isPermutation
          ? "permutation test (whole groups swapped)"
          : "paired bootstrap (\(experiment.comparison.resamplingPhrase()))"))
    #expect(verdict.contains("permutation") == isPermutation)
    #expect(verdict.contains("as in Runs and groups"))
  }

  @Test("the facts show each model's mean over its runs")
  func factsAreMeans() throws {
    let report = try Self.report()
    let html = HTMLReport(report).render()
    let summary = try Self.section("summary", of: html)
    for (index, model) in try #require(report.experiment).comparison.models.enumerated() {
      #expect(
        summary.contains(
          "<span class=\"value\">\(DisplayNumber.score(model.interval.estimate))</span>"))
      #expect(summary.contains("\(["A", "B"][index]), mean of 3 runs"))
    }
  }

  @Test("the sections built from the first runs say so, and Model comparison shows no p-value")
  func firstRunSections() throws {
    let html = HTMLReport(try Self.report()).render()
    let note =
      "First run of each model, items resampled one by one, ignoring the other runs and the 24 groups"
    for id in ["summary", "per-class", "comparison"] {
      #expect(try Self.section(id, of: html).contains(note), "\(id)")
    }
    #expect(
      try Self.section("confusion", of: html).contains(
        "First run of each model, ignoring the other runs"))
    let comparison = try Self.section("comparison", of: html)
    #expect(comparison.contains("No p-values here"))
    #expect(!comparison.contains("p-value</th>"))
    #expect(!comparison.contains("permutation test"))
    #expect(!comparison.contains("McNemar"))
    #expect(!comparison.contains("p &lt; 0.001") && !comparison.contains("p < 0.001"))
    #expect(
      comparison.contains(
        "Differences between the first runs of the models (second model minus first), with 95% intervals that resample items one by one"
      ))
  }

  @Test("with one run per model and groups, the note names the groups, not runs")
  func groupsOnlyNote() throws {
    let html = HTMLReport(try Self.report(runs: [1, 1])).render()
    #expect(
      html.contains(
        "Items resampled one by one, ignoring the 24 groups: these intervals are too narrow."))
    #expect(!html.contains("First run of each model"))
  }

  @Test("a report without an experiment has no first-run note and keeps its p-values")
  func plainReport() throws {
    let inputs = [
      try ReportTestData.fixtureInput("experiments/a-run1.csv"),
      try ReportTestData.fixtureInput("experiments/b-run1.csv"),
    ]
    let html = HTMLReport(
      try ReportBuilder(options: ReportOptions(resamples: 199)).build(inputs)
    ).render()
    #expect(!html.contains("class=\"first-run\""))
    #expect(try Self.verdict(html).contains("permutation test"))
    #expect(try Self.section("comparison", of: html).contains("p-value</th>"))
  }

  @Test("the run metadata lists each model's run files under its name")
  func metadataFiles() throws {
    let html = HTMLReport(try Self.report(runs: [3, 2])).render()
    let metadata = try Self.section("metadata", of: html)
    #expect(
      metadata.contains(
        "<dt>Prediction files</dt><dd>A: <code>m0/seed-0.csv</code>, <code>m0/seed-1.csv</code>, "
          + "<code>m0/seed-2.csv</code><br>B: <code>m1/seed-0.csv</code>, <code>m1/seed-1.csv</code></dd>"
      ))
  }

  @Test("the JSON keeps the first runs' models and comparisons apart from the experiment")
  func json() throws {
    let report = try Self.report()
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(report.jsonDocument().serialized().utf8))
        as? [String: Any])
    #expect(document["models"] == nil)
    #expect(document["comparisons"] == nil)
    #expect(document["experiment"] != nil)
    let firstRun = try #require(document["first_run"] as? [String: Any])
    #expect((firstRun["note"] as? String)?.hasPrefix("First run of each model") == true)
    #expect(firstRun["resampling"] as? String == "items")
    #expect(
      firstRun["files"] as? [String] == [
        "fixtures/experiments/a-run1.csv", "fixtures/experiments/b-run1.csv",
      ])
    #expect((firstRun["models"] as? [Any])?.count == 2)
    #expect((firstRun["comparisons"] as? [Any])?.isEmpty == false)

    var plain = report
    plain.experiment = nil
    let plainDocument = try #require(
      try JSONSerialization.jsonObject(with: Data(plain.jsonDocument().serialized().utf8))
        as? [String: Any])
    #expect(plainDocument["first_run"] == nil)
    #expect(plainDocument["models"] != nil && plainDocument["comparisons"] != nil)
  }
}
