import F1KitSupport

/// The floors under the p-values a comparison's verdicts rest on: the
/// resampling floor of a Monte Carlo test (``ResamplingFloor``) and the
/// floor of an exact paired permutation over few units
/// (``ExchangeFloor``). When either is not below α the verdicts give none.
public struct VerdictFloors: Hashable, Sendable {
  /// The floor set by the number of resamples, if the test is resampled.
  public var resampling: ResamplingFloor?
  /// The floor set by the number of exchangeable units, if known.
  public var exchange: ExchangeFloor?

  /// Creates the floors of one metric's verdicts.
  ///
  /// - Parameters:
  ///   - resampling: The resampling floor, if any.
  ///   - exchange: The exchange floor, if any.
  public init(resampling: ResamplingFloor? = nil, exchange: ExchangeFloor? = nil) {
    self.resampling = resampling
    self.exchange = exchange
  }

  /// The floors of a comparison over items: the resampling floor, and for
  /// the permutation test 2 / 2*ⁿ* over *n* items, or, when the verdicts
  /// rest on the paired bootstrap and the items the models label
  /// differently are known, the exact sign-flip test's 2 / 2*ᵈ* over those
  /// *d* items; each with the resampling floor's multiplier (Holm's over
  /// the pairs).
  ///
  /// - Parameters:
  ///   - resampling: The resampling floor, if the test is resampled.
  ///   - isPermutation: Whether the verdicts rest on the permutation test.
  ///   - itemCount: The number of items *n*.
  ///   - differingItemCount: The most items any pair's models label
  ///     differently, when the verdicts rest on the paired bootstrap and
  ///     the count is known; `nil` by default.
  ///   - significanceLevel: α.
  /// - Returns: The floors.
  public static func overItems(
    resampling: ResamplingFloor?, isPermutation: Bool, itemCount: Int,
    differingItemCount: Int? = nil, significanceLevel: Double
  ) -> VerdictFloors {
    let multiplier = resampling?.multiplier ?? 1
    let exchange: ExchangeFloor?
    if isPermutation {
      exchange = ExchangeFloor(
        units: itemCount, unitName: "items", multiplier: multiplier,
        significanceLevel: significanceLevel)
    } else if let differingItemCount {
      exchange = ExchangeFloor(
        units: differingItemCount, unitName: "items the models label differently",
        testName: "exact sign-flip test", multiplier: multiplier,
        significanceLevel: significanceLevel)
    } else {
      exchange = nil
    }
    return VerdictFloors(resampling: resampling, exchange: exchange)
  }

  /// Whether some floor is not below α, so no verdict can call a pair
  /// significant.
  public var preventsSignificance: Bool {
    resampling?.preventsSignificance == true || exchange?.preventsSignificance == true
  }

  /// The sentence a verdict ends with instead of "do not differ
  /// significantly": the exchange floor's first (more resamples do not
  /// lift it), or `nil` when the test can reach significance.
  public var verdictSentence: String? {
    if let exchange, exchange.preventsSignificance { return exchange.verdictSentence }
    if let resampling, resampling.preventsSignificance { return resampling.verdictSentence }
    return nil
  }

  /// The cautions of the floors that prevent significance, without a
  /// leading "Note:".
  public var cautions: [String] {
    [exchange?.caution(), resampling?.caution()].compactMap(\.self)
  }

  /// Why a result table's statement calls a pair neither significant nor
  /// not: "with 9 resamples the permutation test cannot give p below α,
  /// so significance is not assessed"; `nil` when the test can reach
  /// significance.
  public var withheldReason: String? {
    let assessed = "cannot give p below α, so significance is not assessed"
    if let exchange, exchange.preventsSignificance {
      return
        "over \(NumberText.grouped(exchange.units)) \(exchange.unitName) the \(exchange.testName) \(assessed)"
    }
    if let resampling, resampling.preventsSignificance {
      let over =
        resampling.multiplier > 1
        ? " and Holm's adjustment over \(resampling.multiplier) pairs" : ""
      return
        "with \(NumberText.grouped(resampling.resamples)) resamples\(over) the \(resampling.testName) \(assessed)"
    }
    return nil
  }
}
