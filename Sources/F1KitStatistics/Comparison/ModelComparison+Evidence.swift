import F1Kit
import F1KitSupport
import Foundation

extension ModelComparison {
  /// The smallest p-value the verdicts' test can give on a metric, when
  /// that test is resampled (permutation or paired bootstrap): 1 / (*R* +
  /// 1), or *m* / (*R* + 1) with Holm's adjustment over *m* pairs.
  ///
  /// *R* is the most defined resamples any pair's test drew, so a floor
  /// that prevents significance prevents it for every pair.
  ///
  /// - Parameter metric: A metric of ``ComparisonOptions/metrics``.
  /// - Returns: The floor, or `nil` when the verdicts rest on McNemar's
  ///   test, on no test, or there is no pair.
  public func resamplingFloor(on metric: Metric) -> ResamplingFloor? {
    guard let test = primaryTest else { return nil }
    let pairs = pairs(on: metric)
    let resamples = pairs.compactMap { pair -> Int? in
      switch test {
      case .permutation: pair.permutation.map { $0.resamples - $0.undefinedResamples }
      case .bootstrap:
        pair.pairedBootstrap.map { $0.difference.resamples - $0.difference.undefinedResamples }
      case .mcnemar: nil
      }
    }
    return ResamplingFloor.over(
      test, definedResamples: resamples,
      adjustedCount: pairs.filter { $0.pValue(of: test).map { !$0.isNaN } ?? false }.count,
      modelCount: models.count, adjustment: options.adjustment,
      significanceLevel: significanceLevel)
  }

  /// Whether the verdicts on a metric cannot call any pair significant
  /// because of the number of resamples or of items (see
  /// ``verdictFloors(on:)``).
  ///
  /// - Parameter metric: The metric.
  /// - Returns: `true` when a floor is not below α.
  public func resamplingPreventsSignificance(on metric: Metric) -> Bool {
    verdictFloors(on: metric).preventsSignificance
  }

  /// The floors under the p-values of the verdicts on a metric: the
  /// resampling floor (``resamplingFloor(on:)``) and, when the verdicts
  /// rest on the permutation test, 2 / 2*ⁿ* over *n* items (times the pairs
  /// under Holm's adjustment), which no number of resamples lifts (see
  /// ``fewestTestableItems(significanceLevel:)``). When they rest on the
  /// paired bootstrap, the exact sign-flip floor 2 / 2*ᵈ* over the *d* items
  /// the two models label differently (the most any pair has): 5 such items
  /// all favouring one model give a bootstrap p near e⁻⁵ ≈ 0.007 to 0.04,
  /// where no exact test of swapping the two models' predictions can go
  /// below 2 / 2⁵ = 0.0625, so the verdicts give none.
  ///
  /// - Parameter metric: A metric of ``ComparisonOptions/metrics``.
  /// - Returns: The floors.
  public func verdictFloors(on metric: Metric) -> VerdictFloors {
    VerdictFloors.overItems(
      resampling: resamplingFloor(on: metric), isPermutation: primaryTest == .permutation,
      itemCount: itemCount,
      differingItemCount: primaryTest == .bootstrap
        ? pairs(on: metric).compactMap(\.differingItemCount).max() : nil,
      significanceLevel: significanceLevel)
  }

  /// The fewest items on which an exact paired test can find a difference
  /// at a significance level: the smallest *n* with 2 / 2ⁿ below α.
  ///
  /// On *n* items an exact paired test (the permutation test, McNemar's
  /// exact test) gives at least 2 / 2ⁿ: even when every item favours one
  /// model, that pattern and its mirror image are 2 of the 2ⁿ equally
  /// likely swaps. At α = 0.05 that is 6 items (2/2⁵ = 0.0625, 2/2⁶ =
  /// 0.031); at α = 0.01, 8.
  ///
  /// - Parameter significanceLevel: α, in (0, 1).
  /// - Returns: The number of items.
  public static func fewestTestableItems(significanceLevel: Double) -> Int {
    var count = 1
    while count < 64 && !(2 / pow(2, Double(count)) < significanceLevel) { count += 1 }
    return count
  }

  /// The caution about paired bootstraps with no spread
  /// (``PairedBootstrapTest/hasNoSpread``): "every paired-bootstrap
  /// resample of b.csv − a.csv (1.000) gives the same difference, …".
  ///
  /// - Parameter pairs: Each such pair's first and second model's names
  ///   and its difference.
  /// - Returns: The sentence, without a leading "Note:", or `nil` for no
  ///   pair.
  public static func noSpreadCaution(_ pairs: [(first: String, second: String, difference: Double)])
    -> String?
  {
    guard !pairs.isEmpty else { return nil }
    let listed = pairs.map { "\($0.second) − \($0.first) (\(number($0.difference)))" }
    let one = pairs.count == 1
    return
      "every paired-bootstrap resample of \(listed.joined(separator: ", ")) gives the same difference, as on one item or when every item the models disagree on favours one model: the bootstrap has no spread, so \(one ? "its interval has" : "their intervals have") no width and \(one ? "it gives" : "they give") no p-value (it would be 1/(R + 1) for any --resamples R); read the permutation test or McNemar's test, which count the items the models disagree on."
  }

  /// One caution per model whose own interval on `metric` has no width:
  /// every resample of its items gives the same value, which a reader
  /// takes for certainty. It happens when the model gets every item right
  /// (or every item wrong), and then an exact binomial interval for its
  /// accuracy says how far it could be from perfect.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: One sentence per model, without a leading "Note:".
  func modelNoSpreadCautions(metric: Metric) -> [String] {
    models.indices.compactMap { index -> String? in
      guard let interval = models[index].interval(of: metric), interval.hasNoSpread,
        itemCount > 1
      else { return nil }
      let shown = "[\(Self.number(interval.lower)), \(Self.number(interval.upper))]"
      return
        "\(models[index].name)'s interval of \(displayName(of: metric)) is \(shown): every resample gives \(Self.number(interval.estimate))"
        + ConfidenceInterval.noSpreadEnding(
          matrix: weightedItems == nil && index < matrices.count ? matrices[index] : nil,
          confidence: interval.confidence, number: Self.number)
    }
  }

  /// The cautions about how much the tests and intervals on one metric can
  /// say at all: a resampled test that cannot reach significance with
  /// this many resamples (``resamplingFloor(on:)``), paired bootstraps
  /// with no spread (``PairedBootstrapTest/hasNoSpread``), and a test set
  /// too small for any exact paired test (``fewestTestableItems(significanceLevel:)``).
  ///
  /// - Parameter metric: The metric.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func evidenceCautions(metric: Metric) -> [String] {
    var cautions: [String] = []
    if let caution = resamplingFloor(on: metric)?.caution() {
      cautions.append(caution)
    }
    let flat = pairs(on: metric).filter(\.bootstrap.hasNoSpread)
    if let caution = Self.noSpreadCaution(
      flat.map { (models[$0.first].name, models[$0.second].name, $0.difference.estimate) })
    {
      cautions.append(caution)
    }
    cautions += modelNoSpreadCautions(metric: metric)
    let fewest = Self.fewestTestableItems(significanceLevel: significanceLevel)
    if itemCount >= fewest, let caution = verdictFloors(on: metric).exchange?.caution() {
      // Enough items for one pair, too few once Holm multiplies the floor.
      cautions.append(caution)
    }
    if itemCount < fewest {
      let level = String(format: "%g", significanceLevel)
      let smallest = 2 / pow(2, Double(itemCount))
      cautions.append(
        "only \(Self.count(itemCount)) \(itemCount == 1 ? "item" : "items"): an exact paired test (the permutation test, McNemar's exact test) cannot find a difference at α = \(level) on fewer than \(fewest) items, since even with every item favouring one model its two-sided p-value is 2/2^\(itemCount) = \(Self.pValue(smallest)); bootstrap intervals and p-values resample the \(itemCount == 1 ? "one item" : "few items") seen and understate the uncertainty, so read these numbers as an illustration, not as evidence."
      )
    }
    return cautions
  }
}
