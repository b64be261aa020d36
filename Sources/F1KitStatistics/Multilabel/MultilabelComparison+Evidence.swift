import F1Kit

extension MultilabelComparison {
  /// The floors under the p-values of the verdicts on one metric: the
  /// permutation or paired bootstrap test's 1 / (*R* + 1) for its defined
  /// resamples *R* (times the pairs under Holm's adjustment), and, when
  /// the verdicts rest on the permutation test, 2 / 2*ⁿ* for *n* items
  /// (even if every item's sets differ), as ``ModelComparison/resamplingFloor(on:)`` and
  /// ``ModelComparison/fewestTestableItems(significanceLevel:)`` give them
  /// for single-label files.
  ///
  /// - Parameter metric: A compared metric.
  /// - Returns: The floors; empty when no test ran.
  public func verdictFloors(on metric: MultilabelMetric) -> VerdictFloors {
    guard let test = primaryTest else { return VerdictFloors() }
    let pairs = pairs(on: metric)
    let adjustedCount = pairs.filter { $0.pValue(of: test).map { !$0.isNaN } ?? false }.count
    let resamples = pairs.compactMap { pair -> Int? in
      switch test {
      case .permutation:
        pair.permutationPValue.map { _ in options.bootstrap.resamples - pair.undefinedPermutations }
      case .bootstrap:
        pair.bootstrapPValue.map { _ in
          pair.difference.resamples - pair.difference.undefinedResamples
        }
      case .mcnemar: nil
      }
    }
    let resampling = ResamplingFloor.over(
      test, definedResamples: resamples, adjustedCount: adjustedCount, modelCount: models.count,
      adjustment: options.adjustment, significanceLevel: significanceLevel)
    return VerdictFloors.overItems(
      resampling: resampling, isPermutation: test == .permutation, itemCount: itemCount,
      significanceLevel: significanceLevel)
  }
}
