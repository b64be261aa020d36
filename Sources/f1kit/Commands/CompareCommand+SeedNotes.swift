import F1KitAdvice
import F1KitStatistics

extension CompareCommand {
  /// A note for each pair of single-run models whose difference on the
  /// headline metric is small: one run per model cannot separate seed luck
  /// from model quality. The rule is the advice's
  /// (``AdviceRule/singleRunPerModel``), so `compare` and the report agree.
  ///
  /// - Parameter comparison: The single-run comparison.
  /// - Returns: Lines starting with a blank line, or an empty string.
  static func seedNotes(_ comparison: ModelComparison) -> String {
    guard let metric = comparison.options.metrics.first else { return "" }
    let advisor = MetricAdvisor()
    let notes = comparison.pairs(on: metric).compactMap { pair in
      advisor.singleRunPerModel(
        difference: pair.difference, metric: metric, first: comparison.models[pair.first].name,
        second: comparison.models[pair.second].name)
    }
    guard !notes.isEmpty else { return "" }
    let pairs = notes.map { $0.title.components(separatedBy: ":")[0] }
    return
      "\nNote: one run per model cannot separate seed luck from model quality (\(pairs.joined(separator: "; ")): the difference is small); train each model with several seeds and compare the runs (NAME=run1.csv,run2.csv,…).\n"
  }
}
