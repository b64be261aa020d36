import F1KitAdvice
import F1KitStatistics

extension CompareCommand {
  /// A note for each pair of single-run models whose difference on the
  /// headline metric is within reach of seed luck: one run per model
  /// cannot separate seed luck from model quality. The rule is the
  /// advice's (``AdviceRule/singleRunPerModel``), so `compare` and the
  /// report agree.
  ///
  /// The note says which of the rule's two reasons holds for each pair
  /// rather than calling the difference small: on a few items the
  /// interval of a difference of 0.8 can contain 0.
  ///
  /// - Parameter comparison: The single-run comparison.
  /// - Returns: Lines starting with a blank line, or an empty string.
  static func seedNotes(_ comparison: ModelComparison) -> String {
    guard let metric = comparison.options.metrics.first else { return "" }
    let advisor = MetricAdvisor()
    let pairs = comparison.pairs(on: metric).compactMap { pair -> String? in
      let first = comparison.models[pair.first].name
      let second = comparison.models[pair.second].name
      guard
        advisor.singleRunPerModel(
          difference: pair.difference, metric: metric, first: first, second: second) != nil
      else { return nil }
      let reason =
        pair.difference.contains(0)
        ? "its interval contains 0"
        : "it is below \(DisplayNumber.score(advisor.thresholds.smallDifference, digits: 2))"
      return "\(second) vs \(first): \(reason)"
    }
    guard !pairs.isEmpty else { return "" }
    return
      "\nNote: one run per model cannot separate seed luck from model quality (\(pairs.joined(separator: "; "))); train each model with several seeds and compare the runs (NAME=run1.csv,run2.csv,…).\n"
  }
}
