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

    /// The test's name in prose, such as `permutation test`.
    public var displayName: String {
      switch self {
      case .permutation: "permutation test"
      case .bootstrap: "paired bootstrap"
      case .mcnemar: "McNemar's test"
      }
    }
  }

  /// The metrics the models are compared on, the headline metric first.
  ///
  /// Every metric is compared from the same resamples: the random draws
  /// depend on the counts alone, never on the metric, so comparing on
  /// several metrics at once gives, for each, exactly the numbers a
  /// comparison on that metric alone gives.
  public var metrics: [Metric] {
    didSet { precondition(!metrics.isEmpty, "a comparison needs at least one metric") }
  }
  /// Further metrics each model gets an interval for, from the same
  /// resampling pass as ``metrics``, without being compared.
  public var additionalIntervalMetrics: [Metric]
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

  /// The headline metric: the first of ``metrics``.
  public var metric: Metric { metrics[0] }

  /// The metrics each model gets an interval for: ``metrics``, then
  /// ``additionalIntervalMetrics`` not already among them.
  public var intervalMetrics: [Metric] {
    metrics + additionalIntervalMetrics.filter { !metrics.contains($0) }
  }

  /// Creates options that compare on one metric.
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
    self.init(
      metrics: [metric], tests: tests, bootstrap: bootstrap, mcnemarMethod: mcnemarMethod,
      adjustment: adjustment, seed: seed)
  }

  /// Creates options that compare on several metrics.
  ///
  /// - Parameters:
  ///   - metrics: The metrics the models are compared on, headline first;
  ///     not empty.
  ///   - additionalIntervalMetrics: Further metrics each model gets an
  ///     interval for.
  ///   - tests: The paired tests to run.
  ///   - bootstrap: Resamples, confidence and interval method.
  ///   - mcnemarMethod: How McNemar's p-value is computed.
  ///   - adjustment: The multiplicity adjustment across pairs.
  ///   - seed: The seed of the random number generator.
  public init(
    metrics: [Metric], additionalIntervalMetrics: [Metric] = [], tests: [Test] = Test.allCases,
    bootstrap: BootstrapOptions = BootstrapOptions(), mcnemarMethod: McNemarTest.Method = .midP,
    adjustment: PValueAdjustment = .holm, seed: UInt64 = Xoshiro256StarStar.defaultSeed
  ) {
    precondition(!metrics.isEmpty, "a comparison needs at least one metric")
    self.metrics = metrics
    self.additionalIntervalMetrics = additionalIntervalMetrics
    self.tests = tests
    self.bootstrap = bootstrap
    self.mcnemarMethod = mcnemarMethod
    self.adjustment = adjustment
    self.seed = seed
  }
}
