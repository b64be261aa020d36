import F1Kit

/// The result of an approximate randomization (paired permutation) test of
/// a difference between two models.
///
/// Under the null hypothesis that the two models are exchangeable, each
/// item's two predictions are equally likely to have come from either
/// model. Each resample swaps every item's pair with probability ½ (in a
/// joint cell of *c* items with different predictions, the number swapped
/// is Binomial(*c*, ½)) and recomputes Δ\* = B\* − A\*. The two-sided
/// p-value is (*r* + 1) / (*R* + 1), where *r* counts the *R* defined
/// resamples with |Δ\*| ≥ |Δ|: never 0, and a valid test at any *R*. See
/// [Noreen 1989, *Computer-Intensive Methods for Testing
/// Hypotheses*](https://www.wiley.com/en-us/Computer+Intensive+Methods+for+Testing+Hypotheses-p-9780471611363).
public struct PermutationTest: Hashable, Sendable, Codable {
  /// The relative tolerance within which a resampled |Δ\*| counts as equal
  /// to the observed |Δ|: 10⁻⁹.
  ///
  /// Values equal in exact arithmetic (for example the same F1 computed
  /// from permuted classes) can differ in their last bits; without a
  /// tolerance those ties would be missed and the p-value too small.
  /// Together with ``absoluteTieTolerance`` (10⁻¹²), |Δ\*| counts when
  /// |Δ\*| ≥ |Δ|(1 − 10⁻⁹) − 10⁻¹². The paired bootstrap uses the same rule.
  public static let relativeTieTolerance = 1e-9
  /// The absolute part of the tie tolerance: 10⁻¹².
  public static let absoluteTieTolerance = 1e-12

  /// The metric compared.
  public var metric: Metric
  /// The observed difference second − first.
  public var difference: Double
  /// The two-sided p-value (*r* + 1) / (*R* + 1).
  public var pValue: Double
  /// The number of resamples drawn.
  public var resamples: Int
  /// How many resamples gave an undefined difference; they are left out
  /// of *R*.
  public var undefinedResamples: Int

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - metric: The metric compared.
  ///   - difference: The observed difference second − first.
  ///   - pValue: The two-sided p-value.
  ///   - resamples: The number of resamples drawn.
  ///   - undefinedResamples: How many resamples were undefined.
  public init(
    metric: Metric, difference: Double, pValue: Double, resamples: Int, undefinedResamples: Int
  ) {
    self.metric = metric
    self.difference = difference
    self.pValue = pValue
    self.resamples = resamples
    self.undefinedResamples = undefinedResamples
  }
}
