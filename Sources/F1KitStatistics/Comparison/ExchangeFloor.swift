import F1KitSupport
import Foundation

/// The smallest p-value a paired permutation test can give however many
/// resamples it draws: over *u* exchangeable units (items, or groups whose
/// swap changes anything) there are 2*ᵘ* equally likely swaps, and the
/// observed pattern and its mirror image are always at least as extreme,
/// so p ≥ 2 / 2*ᵘ* (times *m* under Holm's adjustment over *m* pairs).
///
/// When that floor is not below α the test cannot find any difference
/// significant, and more resamples do not help: a verdict of "do not
/// differ significantly" would describe the size of the test set, not the
/// models. At α = 0.05 it takes 6 units (2/2⁵ = 0.0625, 2/2⁶ = 0.031).
public struct ExchangeFloor: Hashable, Sendable {
  /// The exchangeable units *u*.
  public var units: Int
  /// What a unit is, plural: "items", "groups whose swap changes a table".
  public var unitName: String
  /// The test's name as a verdict writes it: "permutation test".
  public var testName: String
  /// The number of pairs under Holm's adjustment, otherwise 1.
  public var multiplier: Int
  /// The significance level α.
  public var significanceLevel: Double

  /// Creates the floor of an exact paired permutation test.
  ///
  /// - Parameters:
  ///   - units: The exchangeable units *u*, at least 0.
  ///   - unitName: What a unit is, plural.
  ///   - testName: The test's name.
  ///   - multiplier: The pairs under Holm's adjustment, otherwise 1.
  ///   - significanceLevel: α.
  public init(
    units: Int, unitName: String, testName: String = "permutation test", multiplier: Int = 1,
    significanceLevel: Double
  ) {
    self.units = max(0, units)
    self.unitName = unitName
    self.testName = testName
    self.multiplier = max(1, multiplier)
    self.significanceLevel = significanceLevel
  }

  /// The smallest p-value the test can give: *m* · 2 / 2*ᵘ*, at most 1.
  public var smallestPValue: Double {
    min(1, Double(multiplier) * 2 / pow(2, Double(units)))
  }

  /// Whether the test cannot give a p-value below α.
  public var preventsSignificance: Bool { !(smallestPValue < significanceLevel) }

  /// The fewest units with *m* · 2 / 2*ᵘ* below α (at most 1,074, where
  /// the power of two leaves the doubles).
  public var sufficientUnits: Int {
    var units = 1
    while units < 1_074 && !(Double(multiplier) * 2 / pow(2, Double(units)) < significanceLevel) {
      units += 1
    }
    return units
  }

  /// The caution a comparison adds when the floor prevents significance:
  /// "over 4 groups whose swap changes a table, the permutation test's
  /// smallest possible p-value is 2/2^4 = 0.125, not below α = 0.05,
  /// whatever --resamples, so it cannot find any difference significant
  /// and the verdicts give none; it takes 6 such units."
  ///
  /// - Returns: The sentence, without a leading "Note:", or `nil` when the
  ///   test can reach significance.
  public func caution() -> String? {
    guard preventsSignificance else { return nil }
    let over = multiplier > 1 ? " with Holm's adjustment over \(multiplier) pairs" : ""
    let fraction = multiplier > 1 ? "\(multiplier)·2/2^\(units)" : "2/2^\(units)"
    return
      "over \(NumberText.grouped(units)) \(unitName) the \(testName)'s smallest possible p-value\(over) is \(fraction) = \(ResamplingFloor.pValueText(smallestPValue)), not below α = \(String(format: "%g", significanceLevel)), whatever --resamples, so it cannot find any difference significant and the verdicts give none; it takes \(NumberText.grouped(sufficientUnits)) \(unitName)."
  }

  /// The short form a verdict ends with: "No verdict: the permutation test
  /// cannot reach p below α over 4 groups whose swap changes a table; it
  /// takes 6."
  public var verdictSentence: String {
    "No verdict: the \(testName) cannot reach p below α over \(NumberText.grouped(units)) \(unitName); it takes \(NumberText.grouped(sufficientUnits))."
  }
}
