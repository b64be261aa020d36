import F1Kit

/// The paired bootstrap of a difference between two models: its confidence
/// interval and a two-sided p-value.
///
/// Each resample draws *N* items with replacement, keeping each item's
/// gold label and both predictions together, and computes Δ\* = B\* − A\*.
/// The interval is the bootstrap interval (BCa by default) of the
/// difference.
///
/// The p-value tests Δ = 0 by shifting the bootstrap distribution to the
/// null: Δ\* − Δ̂ approximates the distribution of Δ̂ − Δ, so under Δ = 0
/// the observed Δ̂ is as extreme as the *r* resamples with
/// |Δ\* − Δ̂| ≥ |Δ̂|, and p = (*r* + 1) / (*R* + 1), never 0
/// ([Hall and Wilson 1991, "Two guidelines for bootstrap hypothesis
/// testing"](https://doi.org/10.2307/2532163)). Ties use the tolerance
/// of ``PermutationTest/relativeTieTolerance``.
///
/// This is not sacrebleu's paired bootstrap p-value, which centres the
/// absolute differences |Δ\*| on their mean and counts those above |Δ̂|:
/// that reference distribution is not the null distribution of |Δ̂|, and the
/// test rejects far more often than α when the models are exchangeable.
/// docs/statistics.md shows this test's size by simulation.
public struct PairedBootstrapTest: Hashable, Sendable, Codable {
  /// The metric compared.
  public var metric: Metric
  /// The first model's value on the data.
  public var firstEstimate: Double
  /// The second model's value on the data.
  public var secondEstimate: Double
  /// The difference second − first with its bootstrap interval; its
  /// ``ConfidenceInterval/undefinedResamples`` counts resamples where
  /// either model's value was undefined, which are left out of *R*.
  public var difference: ConfidenceInterval
  /// The two-sided p-value (*r* + 1) / (*R* + 1); NaN when the
  /// difference is undefined, or when every resample gives the same
  /// nonzero difference (see ``hasNoSpread``).
  public var pValue: Double
  /// The resampled differences B\* − A\* that are defined, in ascending
  /// order: the bootstrap distribution the interval and p-value come from,
  /// for drawing it. Not encoded.
  public var resampledDifferences: [Double]
  /// The degrees of freedom of the difference's squared standard error,
  /// from its leave-one-out values over the items
  /// (``MarginReachability/standardErrorDegrees``); `nil` when they do not
  /// spread or were not computed. Not encoded.
  public var standardErrorDegrees: Double? = nil

  private enum CodingKeys: String, CodingKey {
    case metric, firstEstimate, secondEstimate, difference, pValue
  }

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - metric: The metric compared.
  ///   - firstEstimate: The first model's value.
  ///   - secondEstimate: The second model's value.
  ///   - difference: The difference with its interval.
  ///   - pValue: The two-sided p-value.
  ///   - resampledDifferences: The defined resampled differences, ascending.
  public init(
    metric: Metric, firstEstimate: Double, secondEstimate: Double,
    difference: ConfidenceInterval, pValue: Double, resampledDifferences: [Double] = []
  ) {
    self.resampledDifferences = resampledDifferences
    self.metric = metric
    self.firstEstimate = firstEstimate
    self.secondEstimate = secondEstimate
    self.difference = difference
    self.pValue = pValue
  }

  /// Decodes a result; the resampled differences are not encoded, so they
  /// come back empty.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: When a member is missing or malformed.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      metric: try container.decode(Metric.self, forKey: .metric),
      firstEstimate: try container.decode(Double.self, forKey: .firstEstimate),
      secondEstimate: try container.decode(Double.self, forKey: .secondEstimate),
      difference: try container.decode(ConfidenceInterval.self, forKey: .difference),
      pValue: try container.decode(Double.self, forKey: .pValue))
  }

  /// Whether every resample gave the observed difference, a nonzero one:
  /// the bootstrap then has no spread, its interval no width, and its
  /// p-value, which would be 1 / (*R* + 1) for any data, is NaN.
  ///
  /// This happens on a single item, or when every item the models
  /// disagree on favours the same model and the metric counts nothing
  /// else (accuracy on 8 items, all 8 right for B and wrong for A). A
  /// resampling distribution with no spread says nothing about how the
  /// difference varies from test set to test set, so it is no evidence:
  /// the permutation test and McNemar's test, which count the items the
  /// models disagree on, are the tests to read.
  public var hasNoSpread: Bool { pValue.isNaN && !difference.estimate.isNaN }

  /// The *p*-quantile of the resampled differences, interpolated as the
  /// percentile interval's ends are.
  ///
  /// - Parameter probability: A probability from 0 to 1.
  /// - Returns: The quantile; NaN when no resample is defined.
  /// - Complexity: O(1).
  public func differenceQuantile(_ probability: Double) -> Double {
    BootstrapDistribution.quantile(of: resampledDifferences, at: probability)
  }
}
