/// How many resamples a bootstrap draws, at what confidence, and which
/// interval it reports.
public struct BootstrapOptions: Hashable, Sendable {
  /// The number of bootstrap resamples *B*; 9,999 by default, so that
  /// (*r* + 1) / (*B* + 1) p-values fall on round numbers.
  public var resamples: Int
  /// The confidence level 1 − α, in (0, 1); 0.95 by default.
  public var confidence: Double
  /// ``IntervalMethod/bca`` (default), ``IntervalMethod/percentile`` or
  /// ``IntervalMethod/basic``.
  public var method: IntervalMethod
  /// How resamples are drawn; every strategy gives the same distribution.
  public var strategy: ResamplingStrategy

  /// Creates options.
  ///
  /// - Parameters:
  ///   - resamples: The number of bootstrap resamples; at least 1.
  ///   - confidence: The confidence level, in (0, 1).
  ///   - method: A bootstrap interval method.
  ///   - strategy: How resamples are drawn.
  public init(
    resamples: Int = 9_999, confidence: Double = 0.95, method: IntervalMethod = .bca,
    strategy: ResamplingStrategy = .automatic
  ) {
    self.resamples = resamples
    self.confidence = confidence
    self.method = method
    self.strategy = strategy
  }

  /// Checks that the options can be used.
  ///
  /// - Throws: ``StatisticsError`` naming the first invalid option.
  public func validate() throws(StatisticsError) {
    guard resamples >= 1 else { throw .invalidResampleCount(resamples) }
    guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
    guard method.isBootstrap else { throw .notABootstrapMethod(method) }
  }
}
