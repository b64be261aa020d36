import F1Kit

extension ScoreComparison {
  /// The floors under the p-values of the verdicts on one metric, as
  /// ``MultilabelComparison/verdictFloors(on:)`` gives them: the permutation
  /// or paired bootstrap test's 1 / (*R* + 1) (times the pairs under
  /// Holm's adjustment), and for the permutation test 2 / 2*ⁿ* over *n*
  /// items. DeLong's test is not resampled and has neither.
  ///
  /// - Parameters:
  ///   - metric: A compared metric.
  ///   - test: The test a verdict rests on; by default the first of
  ///     ``Options/tests`` with a defined p-value for some pair.
  /// - Returns: The floors of that test; empty for DeLong's test.
  public func verdictFloors(on metric: ScoreMetric, test: Test? = nil) -> VerdictFloors {
    let pairs = pairs.filter { $0.metric == metric }
    let test =
      test
      ?? options.tests.first { test in
        pairs.contains { $0.pValue(of: test).map { !$0.isNaN } ?? false }
      }
    guard let test, test != .delong else { return VerdictFloors() }
    let adjustedCount = pairs.filter { $0.pValue(of: test).map { !$0.isNaN } ?? false }.count
    let resampling = ResamplingFloor.over(
      test == .permutation ? .permutation : .bootstrap,
      definedResamples: pairs.compactMap { pair in
        guard pair.pValue(of: test) != nil else { return nil }
        return test == .permutation
          ? options.bootstrap.resamples
          : pair.difference.resamples - pair.difference.undefinedResamples
      }, adjustedCount: adjustedCount, modelCount: models.count,
      adjustment: options.adjustment, significanceLevel: options.bootstrap.significanceLevel)
    return VerdictFloors.overItems(
      resampling: resampling, isPermutation: test == .permutation, itemCount: itemCount,
      significanceLevel: options.bootstrap.significanceLevel)
  }
}
