/// A point estimate with a confidence interval, and how it was computed.
public struct ConfidenceInterval: Hashable, Sendable, Codable {
  /// The lower end of the interval.
  public var lower: Double
  /// The upper end of the interval.
  public var upper: Double
  /// The value computed on the data themselves.
  public var estimate: Double
  /// The method actually used. A BCa interval whose bias correction is
  /// infinite (every defined resample on one side of the estimate) is
  /// reported as ``IntervalMethod/percentile``, the interval it falls back
  /// to.
  public var method: IntervalMethod
  /// The confidence level 1 − α.
  public var confidence: Double
  /// The standard error: the standard deviation (with *B* − 1 in the
  /// denominator) of the defined bootstrap values, or the analytic standard
  /// error.
  public var standardError: Double
  /// The number of bootstrap resamples drawn; 0 for analytic intervals.
  public var resamples: Int
  /// How many resamples gave an undefined (NaN) value. They are left out of
  /// the bootstrap distribution, so the interval rests on
  /// ``resamples`` − ``undefinedResamples`` values.
  public var undefinedResamples: Int

  /// Creates an interval.
  ///
  /// - Parameters:
  ///   - lower: The lower end.
  ///   - upper: The upper end.
  ///   - estimate: The point estimate.
  ///   - method: How the interval was computed.
  ///   - confidence: The confidence level.
  ///   - standardError: The standard error of the estimate.
  ///   - resamples: The number of bootstrap resamples, or 0.
  ///   - undefinedResamples: How many resamples were undefined.
  public init(
    lower: Double, upper: Double, estimate: Double, method: IntervalMethod, confidence: Double,
    standardError: Double, resamples: Int = 0, undefinedResamples: Int = 0
  ) {
    self.lower = lower
    self.upper = upper
    self.estimate = estimate
    self.method = method
    self.confidence = confidence
    self.standardError = standardError
    self.resamples = resamples
    self.undefinedResamples = undefinedResamples
  }

  /// The distance from the lower to the upper end.
  public var width: Double { upper - lower }

  /// Returns whether a value lies in the closed interval.
  ///
  /// - Parameter value: The value to test.
  /// - Returns: `true` when `lower ≤ value ≤ upper`.
  public func contains(_ value: Double) -> Bool {
    lower <= value && value <= upper
  }
}
