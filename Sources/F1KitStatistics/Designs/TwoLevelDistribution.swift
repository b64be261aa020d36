import Foundation

/// The two-level bootstrap distribution of a model's mean over runs, or of a
/// difference of means, moved onto the corrected variance of
/// ``RunVariance`` and onto Student's *t* with Welch–Satterthwaite degrees
/// of freedom.
///
/// Each resampled value *v* becomes
///
///   θ̂ + √*V* · *g*((*v* − θ̂)/*s*),  *g*(*u*) = *F*⁻¹_ν(Φ(*u*)),
///
/// where θ̂ is the estimate, *s* the two-level resamples' standard
/// deviation, *V* the corrected variance and *F*_ν Student's *t* with ν
/// degrees of freedom. The map is increasing, so the resamples keep their
/// order and the distribution its shape (a skewed bootstrap distribution
/// stays skewed); a normal one becomes θ̂ plus √*V* times a *t* variate. With
/// ν = ∞ the map is the plain rescaling θ̂ + √(*V*/*s*²)(*v* − θ̂). The *t*
/// matters because the seed part of *V* rests on a few runs: with 3 runs
/// per model a normal quantile covers about 91% (docs/statistics.md).
///
/// The interval is the percentile interval of the moved values, and the
/// p-value the equal-tailed one that inverts it (twice the share of moved
/// values on the far side of 0), so the two agree: the interval at
/// confidence 1 − α excludes 0 exactly when p ≤ α, up to the quantiles'
/// interpolation and the +1 of a bootstrap p-value. Only the values those
/// need are moved.
struct TwoLevelDistribution {
  /// The two-level resamples.
  let resampled: BootstrapDistribution
  /// The corrected variance *V*.
  let variance: Double
  /// The degrees of freedom ν, possibly +∞.
  let degreesOfFreedom: Double
  /// The two-level resamples' standard deviation *s*.
  let scale: Double

  /// Collects a two-level distribution and its correction.
  ///
  /// - Parameters:
  ///   - values: The two-level resampled values; NaN marks an undefined
  ///     one.
  ///   - estimate: The value on the observed runs and test set.
  ///   - variance: The corrected variance.
  ///   - degreesOfFreedom: Its Welch–Satterthwaite degrees of freedom.
  init(values: [Double], estimate: Double, variance: Double, degreesOfFreedom: Double) {
    resampled = BootstrapDistribution(values: values, estimate: estimate)
    self.variance = variance
    self.degreesOfFreedom = degreesOfFreedom
    scale = resampled.standardDeviation
  }

  /// Whether the resamples can be moved: a positive spread and a finite
  /// corrected variance. Otherwise they are kept as they are.
  private var isCorrected: Bool {
    scale > 0 && scale.isFinite && variance >= 0 && variance.isFinite
  }

  /// A resampled value moved onto the corrected distribution.
  ///
  /// - Parameter value: A two-level resampled value.
  /// - Returns: θ̂ + √*V* · *g*((*v* − θ̂)/*s*).
  func corrected(_ value: Double) -> Double {
    guard isCorrected else { return value }
    let estimate = resampled.estimate
    let standardized = (value - estimate) / scale
    guard degreesOfFreedom.isFinite else {
      return estimate + variance.squareRoot() * standardized
    }
    guard standardized != 0 else { return estimate }
    // The lower tail of whichever side the value is on, so far resamples
    // keep their precision; clamped so that no value becomes infinite.
    let tail = Swift.max(
      StandardNormal.cumulativeProbability(-abs(standardized)), Double.leastNormalMagnitude)
    let magnitude = -StudentT.quantile(tail, degreesOfFreedom: degreesOfFreedom)
    return estimate + variance.squareRoot() * (standardized < 0 ? -magnitude : magnitude)
  }

  /// The `probability` quantile of the moved values, interpolated as
  /// ``BootstrapDistribution/quantile(of:at:)`` does.
  func quantile(_ probability: Double) -> Double {
    let values = resampled.sortedValues
    let count = values.count
    guard count > 0, !probability.isNaN else { return .nan }
    let position = Double(count - 1) * Swift.min(Swift.max(probability, 0), 1)
    let below = Int(position.rounded(.down))
    let above = Swift.min(below + 1, count - 1)
    let fraction = position - Double(below)
    let low = corrected(values[below])
    let high = corrected(values[above])
    if low == high { return low }
    return fraction >= 0.5
      ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction
  }

  /// The percentile interval of the moved values.
  ///
  /// - Parameter confidence: The confidence level.
  /// - Returns: The interval, method ``IntervalMethod/percentile``, with
  ///   √*V* as its standard error; both ends NaN when the estimate or every
  ///   resample is undefined.
  func interval(confidence: Double) -> ConfidenceInterval {
    let alpha = (1 - confidence) / 2
    var lower = quantile(alpha)
    var upper = quantile(1 - alpha)
    if resampled.estimate.isNaN { (lower, upper) = (.nan, .nan) }
    return ConfidenceInterval(
      lower: lower, upper: upper, estimate: resampled.estimate, method: .percentile,
      confidence: confidence,
      standardError: isCorrected ? variance.squareRoot() : resampled.standardDeviation,
      resamples: resampled.resamples, undefinedResamples: resampled.undefinedCount)
  }

  /// The equal-tailed two-sided p-value of the moved values: twice the
  /// share of them on the other side of 0 from the estimate, counting the
  /// estimate once as a resample, (2 (*k* + 1)/(*B* + 1)), at most 1.
  ///
  /// This is the p-value that inverts the percentile interval, so a 95%
  /// interval that excludes 0 comes with p ≤ 0.05 and one that contains 0
  /// with p > 0.05. The shifted p-value of a single-run paired bootstrap
  /// (values at least as far from the estimate as 0 is, on either side)
  /// agrees with it only when the distribution is symmetric; two-level
  /// distributions with few runs are skewed, and the shifted p-value then
  /// said "not significant" beside an interval that excluded 0.
  ///
  /// The moved values keep the resamples' order, so those past 0 are a run
  /// at one end of the sorted resamples; a binary search finds it.
  ///
  /// - Complexity: O(log *B*) moved values for *B* resamples.
  var pValue: Double {
    let estimate = resampled.estimate
    guard !estimate.isNaN else { return .nan }
    let values = resampled.sortedValues
    guard estimate != 0, !values.isEmpty else { return 1 }
    // A moved value is past 0 when it is at least as far from the estimate,
    // towards 0, as 0 is (the shifted test's tolerance, one side only).
    func isPastZero(_ index: Int) -> Bool {
      let distance =
        estimate > 0 ? estimate - corrected(values[index]) : corrected(values[index]) - estimate
      return PairedComparison.isAtLeast(distance, abs(estimate))
    }
    let tail =
      estimate > 0
      ? Self.partitionPoint(0..<values.count) { !isPastZero($0) }
      : values.count - Self.partitionPoint(0..<values.count) { isPastZero($0) }
    return Swift.min(1, 2 * Double(tail + 1) / Double(values.count + 1))
  }

  /// The first index of `range` where `predicate` holds, for a predicate
  /// that is false and then true along the range; the range's end when it
  /// never holds.
  static func partitionPoint(_ range: Range<Int>, where predicate: (Int) -> Bool) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = low + (high - low) / 2
      if predicate(middle) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
