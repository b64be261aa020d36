import F1Kit

/// Which paired tests a model comparison runs and how.
public struct ComparisonOptions: Hashable, Sendable {
  /// A paired significance test.
  public enum Test: String, CaseIterable, Hashable, Sendable, Codable {
    /// Approximate randomization: swap each item's two predictions at random.
    case permutation
    /// The paired bootstrap of the difference, shifted to the null.
    case bootstrap = "paired_bootstrap"
    /// McNemar's test on per-item correctness.
    case mcnemar
  }

  /// The metric the models are compared on.
  public var metric: Metric
  /// The tests to run; the difference's bootstrap interval is always
  /// computed.
  public var tests: [Test]
  /// Resamples, confidence and interval method of every bootstrap, and the
  /// number of permutation resamples.
  public var bootstrap: BootstrapOptions
  /// How McNemar's p-value is computed.
  public var mcnemarMethod: McNemarTest.Method
  /// How p-values of several pairs are adjusted for multiplicity.
  public var adjustment: PValueAdjustment
  /// The seed of the one generator every resampling step draws from, in a
  /// fixed order, so a run is reproducible.
  public var seed: UInt64

  /// Creates options.
  ///
  /// - Parameters:
  ///   - metric: The metric the models are compared on.
  ///   - tests: The paired tests to run.
  ///   - bootstrap: Resamples, confidence and interval method.
  ///   - mcnemarMethod: How McNemar's p-value is computed.
  ///   - adjustment: The multiplicity adjustment across pairs.
  ///   - seed: The seed of the random number generator.
  public init(
    metric: Metric = .macroF1, tests: [Test] = Test.allCases,
    bootstrap: BootstrapOptions = BootstrapOptions(), mcnemarMethod: McNemarTest.Method = .midP,
    adjustment: PValueAdjustment = .holm, seed: UInt64 = Xoshiro256StarStar.defaultSeed
  ) {
    self.metric = metric
    self.tests = tests
    self.bootstrap = bootstrap
    self.mcnemarMethod = mcnemarMethod
    self.adjustment = adjustment
    self.seed = seed
  }
}
