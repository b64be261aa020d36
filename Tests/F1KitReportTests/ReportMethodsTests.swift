import F1Kit
import F1KitStatistics
import Foundation
import Testing

@testable import F1KitReport

@Suite("The Methods list describes what the report computed, design by design")
struct ReportMethodsTests {
  /// The lines of the rendered Methods list, as HTML.
  static func renderedMethods(_ report: ReportModel) throws -> [String] {
    let html = HTMLReport(report).render()
    let start = try #require(html.range(of: "<dt>Methods</dt><dd>"))
    let end = try #require(html.range(of: "</dd>", range: start.upperBound..<html.endIndex))
    return html[start.upperBound..<end.lowerBound].components(separatedBy: "<br>")
  }

  /// The first runs of the experiment fixture, scored with 199 resamples,
  /// and an experiment of 240 items attached (499 resamples, seed 42), as
  /// `f1kit report` attaches one.
  static func report(
    runs: [Int], design: ResamplingDesign, measuresWidening: Bool = false
  ) throws -> ReportModel {
    var report = try ReportExperimentTests.report(runs: runs, design: design)
    if measuresWidening, var experiment = report.experiment {
      try experiment.comparison.measureGroupWidening(seed: 42)
      report.experiment = experiment
    }
    return report
  }

  /// The split of the list: the experiment's lines, the first-run heading
  /// and the first-run sections' lines.
  static func parts(_ report: ReportModel) throws -> (
    experiment: [String], heading: String, firstRun: [String]
  ) {
    let methods = report.methods
    let heading = try #require(methods.firstIndex { $0.hasPrefix("Other sections") })
    return (
      Array(methods[..<heading]), methods[heading], Array(methods[(heading + 1)...])
    )
  }

  /// Whether a line presents the first runs' item-level permutation test or
  /// McNemar's test as a test of the report, as a plain report's list does.
  static func claimsItemLevelTests(_ line: String) -> Bool {
    line.contains("p-values: paired approximate permutation test")
      || line.hasPrefix("Accuracy: McNemar's mid-p test")
  }

  @Test("a plain report's list is the builder's, with the item-level tests as its tests")
  func singleRun() throws {
    let inputs = [
      try ReportTestData.fixtureInput("experiments/a-run1.csv"),
      try ReportTestData.fixtureInput("experiments/b-run1.csv"),
    ]
    let report = try ReportBuilder(options: ReportOptions(resamples: 199)).build(inputs)
    #expect(report.methods == report.metadata.methods)
    #expect(try Self.renderedMethods(report) == report.metadata.methods.map(HTMLText.content))
    #expect(
      report.methods.contains(
        "Differences: paired bootstrap of the test items (95% BCa interval, 199 resamples); "
          + "p-values: paired approximate permutation test (199 random swaps of the two models' "
          + "predictions)."))
    #expect(
      report.methods.contains(
        "Accuracy: McNemar's mid-p test on the items exactly one model gets right "
          + "(Fagerland et al. 2013)."))
    #expect(!report.methods.contains { $0.contains("Runs and groups") })
  }

  @Test(
    "with runs or groups, no line presents the first runs' permutation or McNemar test as the report's",
    arguments: [
      ([3, 3], ResamplingDesign.items), ([3, 3], .groups), ([1, 1], .groups),
      ([1, 1], .stratifiedByGold), ([3, 2], .stratifiedByGold),
    ])
  func firstRunTestsAreNotTheReports(runs: [Int], design: ResamplingDesign) throws {
    let report = try Self.report(runs: runs, design: design)
    let rendered = try Self.renderedMethods(report)
    #expect(rendered == report.methods.map(HTMLText.content))
    #expect(!report.methods.contains(where: Self.claimsItemLevelTests))
    let (experiment, heading, firstRun) = try Self.parts(report)
    // The experiment comes first and names its resamples and seed; the
    // first runs' 199 resamples appear only below the heading.
    #expect(
      experiment.first?.hasPrefix("Summary's verdict and Runs and groups (accuracy): ") == true)
    #expect(experiment.first?.contains("499 resamples, seed 42") == true)
    #expect(!experiment.contains { $0.contains("199") })
    #expect(heading.contains("Model comparison there shows no p-values"))
    #expect(heading.contains("in the JSON's first_run"))
    let differences = try #require(firstRun.first { $0.hasPrefix("Differences:") })
    #expect(differences.contains("with no p-values shown"))
    #expect(differences.contains("not the report's tests"))
    #expect(differences.contains("first_run.comparisons"))
  }

  @Test("several runs: two-level bootstrap, equal-tailed p-value, ASO, variance split")
  func severalRuns() throws {
    let report = try Self.report(runs: [3, 3], design: .items)
    let (experiment, heading, _) = try Self.parts(report)
    #expect(
      experiment == [
        "Summary's verdict and Runs and groups (accuracy): each model's value is the mean of its "
          + "runs' values (3 per model); two-level paired bootstrap, 499 resamples, seed 42: each "
          + "resample draws each model's runs with replacement, then the test items with "
          + "replacement, shared by every run of every model.",
        "Intervals (Runs and groups): 95% percentile interval of the two-level resamples moved onto "
          + "a corrected variance, the runs' spread less their item-level noise (at least 0) plus "
          + "the test-set variance, with Student's t (Welch–Satterthwaite degrees of freedom): "
          + "resampling runs and then items would count each run's item-level noise more than once.",
        "p-values (Runs and groups): two-level paired bootstrap, equal-tailed on the same moved "
          + "resamples: twice the share on the far side of 0 from the difference, 2(k + 1)/(B + 1) "
          + "at most 1, so the 95% interval excludes 0 exactly when p ≤ 0.05.",
        "Almost Stochastic Order (Dror et al. 2019) between the models' per-run values: ε_min for "
          + "“the second model is better than the first”, with deepsig's defaults: confidence 0.95, "
          + "1,000 bootstrap iterations, grid step 0.005.",
        "Where the variance comes from (Runs and groups): the seed part is each model's spread "
          + "between runs less the item-level noise its runs carry (at least 0), summed over the "
          + "pair; the item part is the difference's variance with only the test items resampled, "
          + "every run kept; the two are shares of the interval's variance.",
        "Not computed with several runs: a permutation test and McNemar's test, which compare one "
          + "prediction per item.",
      ])
    #expect(
      heading
        == "Other sections (each opens with a bold note saying so): each model's first run, items "
        + "resampled one by one, ignoring the other runs. Model comparison there shows no "
        + "p-values; they are in the JSON's first_run (--json). Their methods:")
  }

  @Test(
    "groups with one run each: groups resampled, group jackknife, group permutation, clustered McNemar"
  )
  func groups() throws {
    let report = try Self.report(runs: [1, 1], design: .groups, measuresWidening: true)
    let (experiment, heading, _) = try Self.parts(report)
    #expect(
      experiment == [
        "Summary's verdict and Runs and groups (accuracy): one run per model; the verdict's "
          + "p-value is the group permutation test's, the intervals a paired bootstrap's, "
          + "499 resamples, seed 42: each resample draws whole groups with replacement (24 groups "
          + "of the column “query”, 240 items), shared by every model.",
        "Intervals (Runs and groups): 95% BCa bootstrap (Efron 1987), its jackknife leaving out one "
          + "group at a time.",
        "p-values (Runs and groups): paired bootstrap, (r + 1)/(B + 1) for the r resamples at least "
          + "as far from the difference as 0 is, on either side.",
        "Group permutation test (Runs and groups): 499 random swaps of the two models' predictions "
          + "on whole groups, two-sided, (r + 1)/(B + 1).",
        "Clustered McNemar test (Runs and groups; Durkalski et al. 2003) on the items exactly one "
          + "model gets right: X² = (b − c)² / Σₖ (bₖ − cₖ)² over the 24 groups, chi-square with "
          + "one degree of freedom, in place of McNemar's test, which assumes independent items.",
        "Width ratios (Runs and groups): against item-level intervals of the same counts, method "
          + "and seed with items resampled one by one, 499 resamples.",
      ])
    #expect(heading.contains(": items resampled one by one, ignoring the 24 groups. "))
    #expect(!heading.contains("first run"))
  }

  @Test("runs and groups: runs then whole groups; no group permutation or McNemar test")
  func runsAndGroups() throws {
    let report = try Self.report(runs: [3, 3], design: .groups)
    let (experiment, heading, _) = try Self.parts(report)
    #expect(
      experiment.first?.hasSuffix(
        "each resample draws each model's runs with replacement, then whole groups with "
          + "replacement (24 groups of the column “query”, 240 items), shared by every run of "
          + "every model.") == true)
    #expect(experiment.contains { $0.contains("only the test groups resampled, every run kept") })
    #expect(experiment.contains { $0.hasPrefix("Not computed with several runs") })
    #expect(!experiment.contains { $0.hasPrefix("Group permutation test") })
    #expect(!experiment.contains { $0.hasPrefix("Clustered McNemar test") })
    #expect(
      heading.contains(
        "each model's first run, items resampled one by one, ignoring the other "
          + "runs and the 24 groups."))
  }

  @Test("strata: each gold class keeps its count; BCa with an item jackknife; no other tests")
  func strata() throws {
    let report = try Self.report(runs: [1, 1], design: .stratifiedByGold)
    let (experiment, heading, _) = try Self.parts(report)
    #expect(
      experiment == [
        "Summary's verdict and Runs and groups (accuracy): one run per model; paired bootstrap, "
          + "499 resamples, seed 42: each resample draws the test items with replacement within "
          + "each gold class, so each class keeps its item count (--stratify gold), shared by "
          + "every model.",
        "Intervals (Runs and groups): 95% BCa bootstrap (Efron 1987), its jackknife leaving out one "
          + "item at a time.",
        "p-values (Runs and groups): paired bootstrap, (r + 1)/(B + 1) for the r resamples at least "
          + "as far from the difference as 0 is, on either side.",
        "Not computed with --stratify gold: a permutation test and McNemar's test, which do not "
          + "resample within classes.",
      ])
    #expect(heading.contains(": items resampled one by one, ignoring the gold strata. "))
  }

  @Test("interval ends cut at the metric's range are named, and only then")
  func cutIntervals() throws {
    // Two runs per model whose accuracies lie far apart: Student's t with
    // about one degree of freedom moves resamples past [0, 1].
    let gold: [Int32] = (0..<100).map { Int32($0 % 2) }
    let wrong = gold.map { 1 - $0 }
    let half = gold.enumerated().map { $0.offset < 50 ? $0.element : 1 - $0.element }
    let counts = try ExperimentCounts(
      gold: gold, runs: [[gold, wrong], [half, gold]], groups: nil, classCount: 2)
    let comparison = try ExperimentComparison(
      counts: counts, metric: .accuracy, scope: MetricScope(classCount: 2),
      options: BootstrapOptions(resamples: 199), seed: 42)
    #expect(comparison.cutIntervalEnds > 0)
    let description = ExperimentComparison.Description(
      names: ["A", "B"], runFiles: [["a1", "a2"], ["b1", "b2"]], labels: ["0", "1"], seed: 42)
    let cut = ExperimentReport(comparison: comparison, description: description)
    let ends = comparison.cutIntervalEnds
    #expect(
      cut.methods.contains(
        "Interval ends cut: \(ends) interval \(ends == 1 ? "end" : "ends") reached past "
          + "accuracy's range [0, 1] (a difference's: [−1, 1]) and \(ends == 1 ? "was" : "were") "
          + "cut at it, as the caution in Runs and groups says."))
    let uncut = try #require(try Self.report(runs: [3, 3], design: .items).experiment)
    #expect(uncut.comparison.cutIntervalEnds == 0)
    #expect(!uncut.methods.contains { $0.hasPrefix("Interval ends cut") })
  }

  @Test("more than two models: the verdict's adjustment, and ASO missing when a model has one run")
  func threeModels() throws {
    let (comparison, description) = try ExperimentTableTests.experiment(
      runs: [2, 3, 1], design: .items, names: ["A", "B", "C"])
    let methods = ExperimentReport(comparison: comparison, description: description).methods
    #expect(
      methods.contains {
        $0.hasSuffix(
          "; the Summary's verdict gives them Holm-adjusted across the 3 pairs, Runs and groups "
            + "unadjusted.")
      })
    #expect(
      methods.contains(
        "Almost Stochastic Order: not computed, as it needs at least two runs of every model."))
    #expect(methods.first?.contains("(A 2, B 3, C 1)") == true)
    #expect(!methods.contains(where: Self.claimsItemLevelTests))
  }
}
