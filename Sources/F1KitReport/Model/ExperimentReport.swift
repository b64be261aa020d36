import F1KitAdvice
import F1KitStatistics

/// The report's view of an experiment: models trained with several runs,
/// test items in groups, or strata, compared on the primary metric by the
/// statistics module's `ExperimentComparison`.
///
/// The report's Summary verdict and facts come from this comparison too.
/// Its other sections show each model's first run, and say so; this one shows
/// the mean over runs, each run, the two-level (or grouped, or stratified)
/// intervals, and where their width comes from.
public struct ExperimentReport: Sendable {
  /// The comparison, with its group widening measured when items are
  /// grouped.
  public var comparison: ExperimentComparison
  /// The models' names and run files, labels and seed.
  public var description: ExperimentComparison.Description
  /// The column naming each item's group, when items are grouped.
  public var groupColumn: String?

  /// Creates the report's view of an experiment.
  ///
  /// - Parameters:
  ///   - comparison: The comparison.
  ///   - description: Names, run files, labels and seed.
  ///   - groupColumn: The group column, if any.
  public init(
    comparison: ExperimentComparison, description: ExperimentComparison.Description,
    groupColumn: String? = nil
  ) {
    self.comparison = comparison
    self.description = description
    self.groupColumn = groupColumn
  }

  /// Whether any model has more than one run.
  public var hasSeveralRuns: Bool { comparison.counts.runCounts.contains { $0 > 1 } }

  /// The p-value each pair's verdict rests on, in pair order: that of the
  /// comparison's verdict test (the group permutation test when it ran,
  /// otherwise the paired bootstrap, two-level with several runs), adjusted
  /// across pairs with more than two models, as `f1kit compare` and the
  /// paper tables give it.
  public var decisionPValues: [Double] {
    comparison.decisionPValues(adjustedBy: description.adjustment)
  }

  /// The level below which a decision p-value counts as significant: one
  /// minus the confidence, as in `f1kit compare`.
  public var significanceLevel: Double {
    BootstrapOptions.significanceLevel(confidence: comparison.options.confidence)
  }

  /// What the experiment's resamples draw besides runs: "items", "items
  /// within each gold class" or "whole groups (40 groups of “query”)".
  var resampledUnits: String {
    switch comparison.design {
    case .items: "items"
    case .stratifiedByGold: "items within each gold class"
    case .groups:
      "whole groups (\(DisplayNumber.count(comparison.counts.groupCount)) groups"
        + (groupColumn.map { " of “\($0)”" } ?? "") + ")"
    }
  }

  /// "3 per model", or each model's count when they differ: "A 3, B 5".
  var runsPhrase: String {
    let runs = comparison.counts.runCounts
    if runs.allSatisfy({ $0 == runs.first }) { return "\(runs.first ?? 0) per model" }
    return zip(description.names, runs).map { "\($0) \($1)" }.joined(separator: ", ")
  }

  /// The line that the report's sections built from each model's first
  /// run (or from items resampled one by one) show, so that no reader
  /// quotes them for the experiment.
  ///
  /// - Parameter isAboutIntervals: Whether the section shows intervals
  ///   (then the line names the resampling it ignores), or only counts
  ///   and scores of the first run.
  /// - Returns: One sentence, or `nil` when the section's numbers are the
  ///   experiment's (one run each and no intervals).
  func firstRunNote(isAboutIntervals: Bool) -> String? {
    var ignored: [String] = hasSeveralRuns ? ["the other runs"] : []
    if isAboutIntervals {
      switch comparison.design {
      case .items: break
      case .stratifiedByGold: ignored.append("the gold strata")
      case .groups:
        ignored.append("the \(DisplayNumber.count(comparison.counts.groupCount)) groups")
      }
    }
    guard !ignored.isEmpty else { return nil }
    let subject =
      hasSeveralRuns
      ? "First run of each model" + (isAboutIntervals ? ", items resampled one by one" : "")
      : "Items resampled one by one"
    let isTooNarrow = isAboutIntervals && (hasSeveralRuns || comparison.design == .groups)
    return "\(subject), ignoring \(ignored.joined(separator: " and ")): "
      + (isTooNarrow ? "these intervals are too narrow. See" : "see")
      + " Runs and groups for the \(isAboutIntervals ? "intervals" : "numbers") to quote."
  }

  /// How the experiment's numbers were computed, one line each, as the
  /// report's Methods list gives them before the first-run sections'
  /// lines: what each resample draws, the interval, the p-value, Almost
  /// Stochastic Order, the variance split, interval ends cut at the
  /// metric's range, the design's other tests or why they are missing,
  /// and the item-level reference of the width ratios.
  ///
  /// The wording follows docs/statistics.md, "Experiments"; the lines
  /// name only what this comparison computed.
  public var methods: [String] {
    let level = DisplayNumber.percent(comparison.options.confidence, digits: 0)
    let resamples = DisplayNumber.count(comparison.options.resamples)
    let metric = comparison.metric.displayName
    let pairCount = comparison.pairs.count
    let units = "Runs and groups"
    var lines: [String] = []
    if hasSeveralRuns {
      lines.append(
        "Summary's verdict and \(units) (\(metric)): each model's value is the mean of its runs' values (\(runsPhrase)); "
          + "two-level paired bootstrap, \(resamples) resamples, seed \(description.seed): each resample draws each model's runs "
          + "with replacement, then \(drawnTestSet), shared by every run of every model.")
      lines.append(
        "Intervals (\(units)): \(level) percentile interval of the two-level resamples moved onto a corrected variance, "
          + "the runs' spread less their item-level noise (at least 0) plus the test-set variance, with Student's t "
          + "(Welch–Satterthwaite degrees of freedom): resampling runs and then items would count each run's "
          + "item-level noise more than once.")
      lines.append(
        "p-values (\(units)): two-level paired bootstrap, equal-tailed on the same moved resamples: twice the share "
          + "on the far side of 0 from the difference, 2(k + 1)/(B + 1) at most 1, so the \(level) interval "
          + "excludes 0 exactly when p ≤ \(DisplayNumber.score(significanceLevel, digits: 2))"
          + adjustmentPhrase + ".")
      if let test = comparison.pairs.lazy.compactMap(\.almostStochasticOrder).first {
        lines.append(
          "Almost Stochastic Order (Dror et al. 2019) between the models' per-run values: ε_min for “the second "
            + "model is better than the first”, with deepsig's defaults: confidence "
            + "\(DisplayNumber.score(test.confidence, digits: 2)), \(DisplayNumber.count(test.iterations)) "
            + "bootstrap iterations, grid step \(AlmostStochasticOrder.defaultStep).")
      } else if pairCount > 0 {
        lines.append(
          "Almost Stochastic Order: not computed, as it needs at least two runs of every model.")
      }
      if comparison.pairs.contains(where: { comparison.seedShare(of: $0) != nil }) {
        let resampled = comparison.design == .groups ? "groups" : "items"
        lines.append(
          "Where the variance comes from (\(units)): the seed part is each model's spread between runs less "
            + "the item-level noise its runs carry (at least 0), summed over the pair; the item part is the "
            + "difference's variance with only the test \(resampled) resampled, every run kept; the two are "
            + "shares of the interval's variance.")
      }
      if comparison.cutIntervalEnds > 0 {
        let range = comparison.metric.valueRange
        let width = range.upperBound - range.lowerBound
        let (ends, verb) = comparison.cutIntervalEnds == 1 ? ("end", "was") : ("ends", "were")
        lines.append(
          "Interval ends cut: \(comparison.cutIntervalEnds) interval \(ends) reached past \(metric)'s range "
            + "[\(Self.bound(range.lowerBound)), \(Self.bound(range.upperBound))] (a difference's: "
            + "[\(Self.bound(-width)), \(Self.bound(width))]) and \(verb) cut at it, as the caution in "
            + "\(units) says.")
      }
      if pairCount > 0 {
        lines.append(
          "Not computed with several runs: a permutation test and McNemar's test, which compare one prediction "
            + "per item.")
      }
    } else {
      let interval = comparison.options.method
      lines.append(
        "Summary's verdict and \(units) (\(metric)): one run per model; "
          + (comparison.verdictTest == .permutation
            ? "the verdict's p-value is the group permutation test's, the intervals a paired bootstrap's, "
            : "paired bootstrap, ")
          + "\(resamples) resamples, seed \(description.seed): each resample draws \(drawnTestSet), shared by every model."
      )
      lines.append(
        "Intervals (\(units)): \(level) "
          + (interval == .bca
            ? "BCa bootstrap (Efron 1987), its jackknife leaving out one "
              + (comparison.design == .groups ? "group" : "item") + " at a time."
            : "\(interval.rawValue) bootstrap interval."))
      if pairCount > 0 {
        lines.append(
          "p-values (\(units)): paired bootstrap, (r + 1)/(B + 1) for the r resamples at least as far from the "
            + "difference as 0 is, on either side" + adjustmentPhrase + ".")
      }
      if comparison.pairs.contains(where: { $0.groupPermutation != nil }) {
        lines.append(
          "Group permutation test (\(units)): \(resamples) random swaps of the two models' predictions on whole "
            + "groups, two-sided, (r + 1)/(B + 1)"
            + (comparison.verdictTest == .permutation ? adjustmentPhrase : "") + ".")
      }
      if comparison.pairs.contains(where: { $0.clusteredMcNemar != nil }) {
        lines.append(
          "Clustered McNemar test (\(units); Durkalski et al. 2003) on the items exactly one model gets right: "
            + "X² = (b − c)² / Σₖ (bₖ − cₖ)² over the \(DisplayNumber.count(comparison.counts.groupCount)) groups, "
            + "chi-square with one degree of freedom, in place of McNemar's test, which assumes independent items."
        )
      }
      if comparison.design == .stratifiedByGold && pairCount > 0 {
        lines.append(
          "Not computed with --stratify gold: a permutation test and McNemar's test, which do not resample "
            + "within classes.")
      }
    }
    if comparison.groupWidening != nil {
      let reference = min(comparison.options.resamples, ExperimentComparison.wideningResampleLimit)
      lines.append(
        "Width ratios (\(units)): against item-level intervals of the same counts, method and seed with items "
          + "resampled one by one, \(DisplayNumber.count(reference)) resamples.")
    }
    return lines
  }

  /// The line that opens the first-run sections' part of the Methods
  /// list: what those sections show, and where Model comparison's
  /// p-values went.
  ///
  /// - Parameter hasScoreTests: Whether Scores and cut-offs compares the
  ///   models' scores with tests of its own.
  /// - Returns: One line.
  func firstRunMethodsHeading(hasScoreTests: Bool) -> String {
    let ignored = ignoredByItemResampling
    let subject =
      (hasSeveralRuns ? "each model's first run, items" : "items") + " resampled one by one"
      + (ignored.isEmpty ? "" : ", ignoring " + ignored.joined(separator: " and "))
    return "Other sections (each opens with a bold note saying so): \(subject). "
      + "Model comparison there shows no p-values; they are in the JSON's first_run (--json)"
      + (hasScoreTests
        ? ". Nor does Scores and cut-offs: the p-values of its item-level tests of the score "
          + "metrics, which the experiment does not cover, are in the JSON's first_run.scores" : "")
      + ". Their methods:"
  }

  /// The sentence that replaces Scores and cut-offs' p-values: its tests
  /// take the items one by one, so its p-values are only in the JSON.
  ///
  /// - Parameter tests: The score tests' names, as the section's table
  ///   would head them: "paired bootstrap", "permutation", "DeLong's".
  /// - Returns: One sentence.
  func scoreTestsNote(tests: [String]) -> String {
    let names =
      tests.count > 1
      ? tests.dropLast().joined(separator: ", ") + " and " + (tests.last ?? "") : tests.first ?? ""
    let ignored = ignoredByItemResampling
    return "No p-values here: the \(names) tests of the score metrics take "
      + (hasSeveralRuns ? "the first runs' items" : "the items") + " one by one"
      + (ignored.isEmpty ? "" : ", ignoring " + ignored.joined(separator: " and "))
      + ", so their p-values are only in the JSON's first_run.scores.comparisons (--json)."
  }

  /// What an interval or test that resamples items one by one ignores:
  /// "the other runs" with several runs per model, then "the gold strata"
  /// or "the 24 groups".
  private var ignoredByItemResampling: [String] {
    var ignored: [String] = hasSeveralRuns ? ["the other runs"] : []
    switch comparison.design {
    case .items: break
    case .stratifiedByGold: ignored.append("the gold strata")
    case .groups: ignored.append("the \(DisplayNumber.count(comparison.counts.groupCount)) groups")
    }
    return ignored
  }

  /// What a resample draws as its test set, for the Methods list: "the
  /// test items with replacement", "…within each gold class, so each
  /// class keeps its item count" or "whole groups with replacement (40
  /// groups of the column “query”, 600 items)".
  private var drawnTestSet: String {
    switch comparison.design {
    case .items: "the test items with replacement"
    case .stratifiedByGold:
      "the test items with replacement within each gold class, so each class keeps its item count "
        + "(--stratify gold)"
    case .groups:
      "whole groups with replacement (\(DisplayNumber.count(comparison.counts.groupCount)) groups"
        + (groupColumn.map { " of the column “\($0)”" } ?? "")
        + ", \(DisplayNumber.count(comparison.counts.itemCount)) items)"
    }
  }

  /// With more than two models, how the Summary's verdict adjusts the
  /// p-values across pairs; empty otherwise.
  private var adjustmentPhrase: String {
    guard comparison.models.count > 2 else { return "" }
    return
      "; the Summary's verdict gives them \(description.adjustment.displayName)-adjusted across the "
      + "\(comparison.pairs.count) pairs, Runs and groups unadjusted"
  }

  /// A range bound as the cautions write it, with a true minus sign:
  /// `0`, `−1`.
  private static func bound(_ value: Double) -> String {
    ConfidenceInterval.bound(value, style: .typographic)
  }
}
