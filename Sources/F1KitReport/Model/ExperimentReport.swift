import F1KitAdvice
import F1KitStatistics

/// The report's view of an experiment: models trained with several runs,
/// test items in groups, or strata, compared on the primary metric by the
/// statistics module's `ExperimentComparison`.
///
/// The report's other sections show each model's first run; this one shows
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
      + ", \(comparison.options.resamples) resamples; the other sections show each model's first run"
      + " with intervals that resample items one by one."
    if comparison.design == .groups {
      line +=
        " Item-level reference intervals for the width ratios: \(min(comparison.options.resamples, ExperimentComparison.wideningResampleLimit)) resamples."
    }
    return line
  }
}
