import F1KitSupport
import Foundation

/// The smallest p-value a Monte Carlo test can give with *R* resamples,
/// and whether it is below the significance level at all.
///
/// The permutation test and the paired bootstrap report p = (*r* + 1) /
/// (*R* + 1), never below 1 / (*R* + 1); Holm's adjustment over *m* pairs
/// multiplies the smallest raw p-value by *m*, so no adjusted p-value is
/// below *m* / (*R* + 1). When that floor is not below α the test cannot
/// find any difference significant, however large: "do not differ
/// significantly" would then describe the number of resamples, not the
/// models. Benjamini–Hochberg's adjustment keeps the floor at 1 / (*R* + 1)
/// (every pair at the floor stays there). A test that doubles a one-sided
/// tail, as the two-level bootstrap of several runs per model does (p =
/// 2(*r* + 1) / (*R* + 1)), has twice the floor (``tailFactor``).
public struct ResamplingFloor: Hashable, Sendable {
  /// The Monte Carlo test the floor is about.
  public var test: ComparisonOptions.Test
  /// The defined resamples *R* the test's p-values rest on.
  public var resamples: Int
  /// How many times the adjustment can multiply the smallest p-value:
  /// the number of pairs under Holm's adjustment, otherwise 1.
  public var multiplier: Int
  /// The significance level α the verdicts test at.
  public var significanceLevel: Double
  /// The factor before 1 / (*R* + 1) in the test's smallest p-value: 2
  /// for a test that doubles a one-sided tail, otherwise 1.
  public var tailFactor: Int

  /// Creates the floor of a Monte Carlo test.
  ///
  /// - Parameters:
  ///   - test: The test; McNemar's test, which is not resampled, has no
  ///     floor.
  ///   - resamples: The defined resamples *R*.
  ///   - multiplier: The pairs under Holm's adjustment, otherwise 1.
  ///   - significanceLevel: α.
  ///   - tailFactor: 2 for a test that doubles a one-sided tail, 1 by
  ///     default.
  /// - Returns: `nil` for McNemar's test or fewer than one resample.
  public init?(
    test: ComparisonOptions.Test, resamples: Int, multiplier: Int, significanceLevel: Double,
    tailFactor: Int = 1
  ) {
    guard test != .mcnemar, resamples >= 1, multiplier >= 1, tailFactor >= 1 else { return nil }
    self.test = test
    self.resamples = resamples
    self.multiplier = multiplier
    self.significanceLevel = significanceLevel
    self.tailFactor = tailFactor
  }

  /// The floor of the verdicts over several pairs: the most defined
  /// resamples any pair's test drew, and Holm's multiplier when more than
  /// two models are compared.
  ///
  /// - Parameters:
  ///   - test: The verdicts' test.
  ///   - definedResamples: Each pair's defined resamples.
  ///   - adjustedCount: How many pairs have a defined p-value to adjust.
  ///   - modelCount: The number of models compared.
  ///   - adjustment: The p-value adjustment over pairs.
  ///   - significanceLevel: α.
  ///   - tailFactor: 2 for a test that doubles a one-sided tail, 1 by
  ///     default.
  /// - Returns: The floor, or `nil` when no pair drew a resample or the
  ///   test is McNemar's.
  public static func over(
    _ test: ComparisonOptions.Test, definedResamples: [Int], adjustedCount: Int,
    modelCount: Int, adjustment: PValueAdjustment, significanceLevel: Double,
    tailFactor: Int = 1
  ) -> ResamplingFloor? {
    guard let resamples = definedResamples.max() else { return nil }
    // Holm multiplies the smallest p-value by the number of p-values it
    // adjusts; NaN p-values are not counted.
    let multiplier = modelCount > 2 && adjustment == .holm ? max(adjustedCount, 1) : 1
    return ResamplingFloor(
      test: test, resamples: resamples, multiplier: multiplier,
      significanceLevel: significanceLevel, tailFactor: tailFactor)
  }

  /// The smallest p-value the test (adjusted, with a multiplier above 1)
  /// can give: *m* · *f* / (*R* + 1) for the tail factor *f*, at most 1.
  public var smallestPValue: Double {
    min(1, Double(numerator) / Double(resamples + 1))
  }

  /// *m* · *f*: the multiplier times the tail factor.
  private var numerator: Int { multiplier * tailFactor }

  /// Whether the test cannot give a p-value below α, so that it cannot
  /// find any difference significant.
  public var preventsSignificance: Bool { !(smallestPValue < significanceLevel) }

  /// The fewest resamples *R* with *m* / (*R* + 1) below α: what
  /// `--resamples` needs for the test to be able to reject.
  ///
  /// It is found with the same comparison the verdicts make, so the
  /// suggested count is never one short by rounding.
  ///
  /// - Complexity: O(1) steps around ⌊*m* / α⌋.
  public var sufficientResamples: Int {
    guard significanceLevel > 0 else { return Int.max }
    let ratio = (Double(numerator) / significanceLevel).rounded(.down)
    guard ratio < 1e15 else { return Int.max }
    var resamples = max(1, Int(ratio) - 1)
    func reaches(_ count: Int) -> Bool {
      Double(numerator) / Double(count + 1) < significanceLevel
    }
    while !reaches(resamples) { resamples += 1 }
    while resamples > 1 && reaches(resamples - 1) { resamples -= 1 }
    return resamples
  }

  /// The caution a comparison adds when the floor prevents significance:
  /// "with 9,999 resamples the permutation test's smallest possible
  /// p-value is 1/10,000 = 0.0001, not below α = 0.0001, so it cannot find
  /// any difference significant and the verdicts give none; give
  /// --resamples 10000 or more for a test that can."
  ///
  /// - Returns: The sentence, without a leading "Note:", or `nil` when the
  ///   test can reach significance.
  public func caution() -> String? {
    guard preventsSignificance else { return nil }
    let resamplesText = NumberText.grouped(resamples)
    let over =
      multiplier > 1
      ? " and Holm's adjustment over \(multiplier) pairs" : ""
    return
      "with \(resamplesText) resamples\(over) the \(testName)'s smallest possible p-value is \(NumberText.grouped(numerator))/\(NumberText.grouped(resamples + 1)) = \(Self.pValueText(smallestPValue)), not below α = \(String(format: "%g", significanceLevel)), so it cannot find any difference significant and the verdicts give none; give --resamples \(sufficientResamples) or more for a test that can."
  }

  /// The short form a verdict ends with: "No verdict: the permutation
  /// test cannot reach p below α with 9,999 resamples; give --resamples
  /// 10000 or more."
  public var verdictSentence: String {
    let over = multiplier > 1 ? " and Holm's adjustment over \(multiplier) pairs" : ""
    return
      "No verdict: the \(testName) cannot reach p below α with \(NumberText.grouped(resamples)) resamples\(over); give --resamples \(sufficientResamples) or more."
  }

  var testName: String {
    test == .permutation ? "permutation test" : "paired bootstrap test"
  }

  /// A p-value as the verdicts print it: three decimals, or two
  /// significant digits below 0.001 (0.059, 0.0001).
  static func pValueText(_ value: Double) -> String {
    value >= 0.001 ? String(format: "%.3f", value) : String(format: "%.2g", value)
  }
}
