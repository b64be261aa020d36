import F1Kit

extension ExperimentComparison {
  /// The floors under the p-values of the verdicts, as
  /// ``ModelComparison/resamplingFloor(on:)`` gives them for one run per
  /// model: the paired bootstrap's 1 / (*R* + 1), or 2 / (*R* + 1) for the
  /// two-level bootstrap of several runs, which doubles a one-sided tail;
  /// the group permutation test's 1 / (*R* + 1) for its defined
  /// permutations and 2 / 2*ᵍ* over the *g* groups whose swap changes a
  /// table (the most any pair has), which no number of resamples lifts.
  /// When the paired bootstrap of whole groups decides (one run per model,
  /// no permutation test), the exact sign-flip floor 2 / 2*ᵈ* over the *d*
  /// groups that hold an item the two models label differently (the most
  /// any pair has): a bootstrap over so few differing groups can give p
  /// below α (5 differing groups of 80 gave 0.032) where no exact test of
  /// swapping groups could (2 / 2⁵ = 0.0625), so the verdicts give none.
  /// Holm's adjustment over *m* pairs multiplies each by *m*.
  ///
  /// - Parameter adjustment: The adjustment across pairs the verdicts use.
  /// - Returns: The floors of ``verdictTest``.
  public func verdictFloors(adjustment: PValueAdjustment) -> VerdictFloors {
    let level = options.significanceLevel
    let adjustedCount = verdictPValues.filter { !$0.isNaN }.count
    if verdictTest == .permutation {
      let tests = pairs.compactMap(\.groupPermutation)
      let resampling = ResamplingFloor.over(
        .permutation, definedResamples: tests.map { $0.resamples - $0.undefinedResamples },
        adjustedCount: adjustedCount, modelCount: models.count, adjustment: adjustment,
        significanceLevel: level)
      let exchange = pairs.compactMap(\.exchangeableGroups).max().map {
        ExchangeFloor(
          units: $0, unitName: "groups whose swap changes a table",
          testName: "group permutation test", multiplier: resampling?.multiplier ?? 1,
          significanceLevel: level)
      }
      return VerdictFloors(resampling: resampling, exchange: exchange)
    }
    let hasSeveralRuns = counts.runCounts.contains { $0 > 1 }
    let resampling = ResamplingFloor.over(
      .bootstrap,
      definedResamples: pairs.filter { !hasNoSpread($0) }.map {
        $0.difference.resamples - $0.difference.undefinedResamples
      }, adjustedCount: adjustedCount, modelCount: models.count, adjustment: adjustment,
      significanceLevel: level, tailFactor: hasSeveralRuns ? 2 : 1)
    guard design == .groups, !hasSeveralRuns else { return VerdictFloors(resampling: resampling) }
    let exchange = pairs.compactMap {
      counts.differingGroups($0.first, $0.second)?.differingGroupCount
    }.max().map {
      ExchangeFloor(
        units: $0, unitName: "groups with a differing item", testName: "exact group sign-flip test",
        multiplier: resampling?.multiplier ?? 1, significanceLevel: level)
    }
    return VerdictFloors(resampling: resampling, exchange: exchange)
  }

  /// The cautions of ``verdictFloors(adjustment:)`` that prevent
  /// significance, without a leading "Note:".
  ///
  /// - Parameter description: Names, labels and the adjustment.
  /// - Returns: One sentence per floor not below α.
  public func floorCautions(_ description: Description) -> [String] {
    verdictFloors(adjustment: description.adjustment).cautions
  }
}
