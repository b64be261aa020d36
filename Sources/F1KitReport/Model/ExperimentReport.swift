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

  /// The p-value each pair's verdict rests on, in pair order: the paired
  /// bootstrap's (two-level with several runs), adjusted across pairs with
  /// more than two models, as `f1kit compare` and the paper tables give it.
  public var decisionPValues: [Double] {
    let raw = comparison.pairs.map(\.bootstrapPValue)
    guard comparison.models.count > 2 else { return raw }
    return (try? comparison.adjustedBootstrapPValues(by: description.adjustment)) ?? raw
  }

  /// The level below which a decision p-value counts as significant: one
  /// minus the confidence, as in `f1kit compare`.
  public var significanceLevel: Double { 1 - comparison.options.confidence }

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

  /// How the report's run metadata describes the resampling, one line.
  public var methodDescription: String {
    let level = DisplayNumber.percent(comparison.options.confidence, digits: 0)
    let unit: String =
      switch comparison.design {
      case .items: "items"
      case .stratifiedByGold: "items within each gold class (class counts fixed)"
      case .groups:
        "whole groups (\(comparison.counts.groupCount) groups of the column “\(groupColumn ?? "")”)"
      }
    var line =
      "Runs and groups (\(comparison.metric.displayName)): \(level) "
      + (hasSeveralRuns
        ? "percentile interval of a two-level bootstrap that resamples each model's runs, then \(unit), corrected so that each run's item-level noise counts once, with Student's t for the runs"
        : "\(comparison.models.first?.interval.method == .bca ? "BCa" : "percentile") bootstrap interval that resamples \(unit)")
      + ", \(comparison.options.resamples) resamples; the Summary's verdict comes from it, and the other sections show each model's first run"
      + " with intervals that resample items one by one."
    if comparison.design == .groups {
      line +=
        " Item-level reference intervals for the width ratios: \(min(comparison.options.resamples, ExperimentComparison.wideningResampleLimit)) resamples."
    }
    return line
  }
}
