extension ExperimentComparison {
  /// How much Student's *t* widens a pair's interval over a normal one
  /// because the seed variance rests on few runs.
  public struct FewRunsWidening: Hashable, Sendable {
    /// The interval's Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    /// *t*₁₋α/₂(ν) over *z*₁₋α/₂: how many times as wide the interval is
    /// as one with the same variance and normal quantiles.
    public var ratio: Double
  }

  /// The smallest widening worth a word: 5%.
  static let notableWidening = 1.05

  /// The widening Student's *t* gives a pair's interval, when runs were
  /// resampled and it is at least 5%.
  ///
  /// The variance split (``seedShare(of:)``) says where the variance comes
  /// from; it does not say that the interval is wider than that variance
  /// alone makes it. With few runs the seed part is estimated from a
  /// handful of values, so the interval takes *t* at the Welch–
  /// Satterthwaite degrees of freedom, and those can be small even when
  /// the seed part came out at 0 (the runs spread no more than their
  /// item-level noise, which itself rests on the runs): three runs per
  /// model can give ν near 2 and an interval 2.2 times as wide as a
  /// normal one, next to "0% from training seeds".
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The degrees of freedom and the ratio, or `nil` with one
  ///   run per model or a widening under 5%.
  public func fewRunsWidening(of pair: Pair) -> FewRunsWidening? {
    guard let split = pair.varianceSplit else { return nil }
    let degrees = split.degreesOfFreedom(scale: 1)
    guard degrees.isFinite, degrees < RunVariance.normalDegreesOfFreedom else { return nil }
    let tail = 1 - (1 - options.confidence) / 2
    let ratio =
      StudentT.quantile(tail, degreesOfFreedom: degrees) / StandardNormal.quantile(tail)
    guard ratio.isFinite, ratio >= Self.notableWidening else { return nil }
    return FewRunsWidening(degreesOfFreedom: degrees, ratio: ratio)
  }
}
