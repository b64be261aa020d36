/// How a confidence interval is computed.
///
/// The raw value is the method's key in F1Kit's JSON output and the name
/// the command line accepts (`--interval bca`).
public enum IntervalMethod: String, CaseIterable, Hashable, Sendable, Codable {
  /// The bias-corrected and accelerated bootstrap interval of [Efron 1987,
  /// "Better bootstrap confidence
  /// intervals"](https://doi.org/10.1080/01621459.1987.10478410): percentiles
  /// of the bootstrap distribution moved by a bias correction (from the
  /// share of resamples below the estimate) and an acceleration (from the
  /// jackknife's skewness). Second-order accurate; F1Kit's default.
  case bca
  /// The α/2 and 1 − α/2 percentiles of the bootstrap distribution.
  case percentile
  /// The percentile interval reflected about the estimate:
  /// [2θ̂ − q₁₋α/₂, 2θ̂ − qα/₂], also called the reverse percentile interval.
  case basic
  /// The Wilson score interval for a proportion, such as accuracy.
  case wilson
  /// The estimate ± z × the delta-method standard error.
  case deltaMethod = "delta_method"
  /// ROC-AUC ± z × DeLong's standard error ([DeLong et al.,
  /// 1988](https://doi.org/10.2307/2531595)), clipped to [0, 1].
  case delong

  /// The methods a bootstrap can compute.
  public static let bootstrapMethods: [IntervalMethod] = [.bca, .percentile, .basic]

  /// Whether the method is computed from a bootstrap distribution.
  public var isBootstrap: Bool { Self.bootstrapMethods.contains(self) }
}
