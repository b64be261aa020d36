import F1Kit

/// The difference between two models on one metric, with its uncertainty
/// where statistics are available.
///
/// The difference is *candidate − reference*: positive when the candidate
/// scores higher.
public struct MetricComparison: Sendable {
  /// The model compared against, usually the first model of the report.
  public var reference: String
  /// The model compared with the reference.
  public var candidate: String
  /// The metric compared.
  public var metric: Metric
  /// The candidate's value minus the reference's.
  public var difference: Double
  /// The confidence interval of the difference, if computed.
  public var interval: ClosedRange<Double>?
  /// The confidence level of ``interval``, such as 0.95.
  public var confidence: Double
  /// The standard error of the difference, if computed.
  public var standardError: Double?
  /// The p-value of the test of no difference, if computed.
  public var pValue: Double?
  /// The p-value adjusted for several comparisons (Holm), if computed.
  public var adjustedPValue: Double?
  /// The name of the test, such as `paired permutation test`.
  public var testName: String?
  /// Quantiles of the bootstrap distribution of the difference, for a
  /// histogram, as (probability, value) pairs in increasing order; empty
  /// when not computed.
  public var differenceQuantiles: [(probability: Double, value: Double)]

  /// Creates a comparison.
  ///
  /// - Parameters:
  ///   - reference: The model compared against.
  ///   - candidate: The model compared with it.
  ///   - metric: The metric compared.
  ///   - difference: The candidate's value minus the reference's.
  ///   - interval: The confidence interval of the difference, if computed.
  ///   - confidence: The confidence level of `interval`.
  ///   - standardError: The standard error of the difference, if computed.
  ///   - pValue: The p-value of the test of no difference, if computed.
  ///   - adjustedPValue: The p-value adjusted for several comparisons.
  ///   - testName: The name of the test.
  ///   - differenceQuantiles: Quantiles of the bootstrap distribution of the
  ///     difference, in increasing order of probability.
  public init(
    reference: String, candidate: String, metric: Metric, difference: Double,
    interval: ClosedRange<Double>? = nil, confidence: Double = 0.95,
    standardError: Double? = nil, pValue: Double? = nil, adjustedPValue: Double? = nil,
    testName: String? = nil, differenceQuantiles: [(probability: Double, value: Double)] = []
  ) {
    self.reference = reference
    self.candidate = candidate
    self.metric = metric
    self.difference = difference
    self.interval = interval
    self.confidence = confidence
    self.standardError = standardError
    self.pValue = pValue
    self.adjustedPValue = adjustedPValue
    self.testName = testName
    self.differenceQuantiles = differenceQuantiles
  }

  /// The p-value a decision should use: the adjusted one when there is one.
  public var decisionPValue: Double? { adjustedPValue ?? pValue }

  /// Whether the difference is significant at level `alpha`; `nil` when no
  /// test was run.
  ///
  /// - Parameter alpha: The significance level.
  /// - Returns: `true` when the p-value is below `alpha`.
  public func isSignificant(at alpha: Double = 0.05) -> Bool? {
    decisionPValue.map { $0 < alpha }
  }
}
