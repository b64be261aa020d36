/// How many test items a difference needs before a test can tell it from
/// chance.
///
/// A researcher whose models "do not differ significantly" needs to know
/// whether the test set was too small to tell, and by how much.
public enum PowerAnalysis {
  /// The test-set size at which a two-sided test at `significanceLevel`
  /// would detect `difference` with probability `power`, assuming its
  /// standard error shrinks as 1/√*n*:
  /// *n* ((z₁₋α/₂ + z_power) · SE / |Δ|)².
  ///
  /// - Parameters:
  ///   - difference: The observed difference.
  ///   - standardError: Its standard error on `itemCount` items, such as the
  ///     paired bootstrap's.
  ///   - itemCount: The number of items the standard error comes from.
  ///   - significanceLevel: The test's α.
  ///   - power: The wanted probability of detecting the difference.
  /// - Returns: The number of items, rounded up; `nil` when the difference is
  ///   zero or the standard error is not positive.
  public static func requiredItemCount(
    difference: Double, standardError: Double, itemCount: Int,
    significanceLevel: Double = 0.05, power: Double = 0.8
  ) -> Int? {
    guard standardError > 0, standardError.isFinite, difference != 0, difference.isFinite,
      itemCount > 0, significanceLevel > 0, significanceLevel < 1, power > 0, power < 1
    else { return nil }
    let z =
      StandardNormal.quantile(1 - significanceLevel / 2) + StandardNormal.quantile(power)
    let ratio = z * standardError / abs(difference)
    let required = (Double(itemCount) * ratio * ratio).rounded(.up)
    guard required.isFinite, required < Double(Int.max) else { return nil }
    return Int(required)
  }
}
