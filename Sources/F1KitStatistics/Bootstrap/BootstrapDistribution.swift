import Foundation

/// The defined values of a statistic over bootstrap resamples, with the
/// interval arithmetic of `scipy.stats.bootstrap`.
///
/// Quantiles use linear interpolation between order statistics (NumPy's and
/// SciPy's default `linear` method, Hyndman and Fan's type 7); the BCa bias
/// correction counts resamples below the estimate and half of those equal
/// to it, as SciPy's `_percentile_of_score` does.
struct BootstrapDistribution {
  /// The defined resample values, sorted ascending.
  private(set) var sortedValues: [Double]
  /// The number of resamples drawn, defined or not.
  let resamples: Int
  /// The value on the original data.
  let estimate: Double

  /// Collects the defined values of a statistic.
  ///
  /// - Parameters:
  ///   - values: One value per resample; NaN marks an undefined one.
  ///   - estimate: The value on the original data.
  init(values: some Sequence<Double>, estimate: Double) {
    var count = 0
    var defined: [Double] = []
    for value in values {
      count += 1
      if !value.isNaN { defined.append(value) }
    }
    defined.sort()
    self.sortedValues = defined
    self.resamples = count
    self.estimate = estimate
  }

  /// How many resamples were undefined.
  var undefinedCount: Int { resamples - sortedValues.count }

  /// The standard deviation of the defined values, with *n* − 1 in the
  /// denominator.
  var standardDeviation: Double {
    let count = sortedValues.count
    guard count > 1 else { return count == 1 ? 0 : .nan }
    let mean = sortedValues.reduce(0, +) / Double(count)
    var sumOfSquares = 0.0
    for value in sortedValues { sumOfSquares += (value - mean) * (value - mean) }
    return (sumOfSquares / Double(count - 1)).squareRoot()
  }

  /// The `probability` quantile by linear interpolation, as
  /// `numpy.quantile(method="linear")`.
  func quantile(_ probability: Double) -> Double {
    Self.quantile(of: sortedValues, at: probability)
  }

  /// The *p*-quantile of ascending values, by linear interpolation between
  /// order statistics (NumPy's default), computed from the nearer end so
  /// that it is exact at the data points.
  static func quantile(of sortedValues: [Double], at probability: Double) -> Double {
    let count = sortedValues.count
    guard count > 0, !probability.isNaN else { return .nan }
    let position = Double(count - 1) * min(max(probability, 0), 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, count - 1)
    let fraction = position - Double(below)
    let low = sortedValues[below]
    let high = sortedValues[above]
    if low == high { return low }
    return fraction >= 0.5
      ? high - (high - low) * (1 - fraction) : low + (high - low) * fraction
  }

  /// The share of defined values below the estimate plus half the share
  /// equal to it.
  var shareBelowEstimate: Double {
    var below = 0
    var belowOrEqual = 0
    for value in sortedValues {
      if value < estimate { below += 1 }
      if value <= estimate { belowOrEqual += 1 } else { break }
    }
    return Double(below + belowOrEqual) / Double(2 * sortedValues.count)
  }

  /// The interval of the given method.
  ///
  /// - Parameters:
  ///   - method: ``IntervalMethod/bca``, ``IntervalMethod/percentile`` or
  ///     ``IntervalMethod/basic``.
  ///   - confidence: The confidence level.
  ///   - acceleration: The BCa acceleration; ignored by other methods.
  /// - Returns: The interval; both ends NaN when no resample is defined.
  func interval(
    method: IntervalMethod, confidence: Double, acceleration: Double
  ) -> ConfidenceInterval {
    let alpha = (1 - confidence) / 2
    var usedMethod = method
    var lower: Double
    var upper: Double
    switch method {
    case .basic:
      lower = 2 * estimate - quantile(1 - alpha)
      upper = 2 * estimate - quantile(alpha)
    case .bca:
      let levels = bcaLevels(alpha: alpha, acceleration: acceleration)
      if let levels {
        lower = quantile(levels.lower)
        upper = quantile(levels.upper)
      } else {
        usedMethod = .percentile
        lower = quantile(alpha)
        upper = quantile(1 - alpha)
      }
    default:
      lower = quantile(alpha)
      upper = quantile(1 - alpha)
    }
    if estimate.isNaN {
      (lower, upper) = (.nan, .nan)
    }
    return ConfidenceInterval(
      lower: lower, upper: upper, estimate: estimate, method: usedMethod,
      confidence: confidence, standardError: standardDeviation, resamples: resamples,
      undefinedResamples: undefinedCount)
  }

  /// The BCa quantile levels α₁ and α₂ of Efron and Tibshirani (1993),
  /// equation 14.10, or `nil` when the bias correction is infinite or the
  /// levels are not numbers.
  func bcaLevels(alpha: Double, acceleration: Double) -> (lower: Double, upper: Double)? {
    guard !sortedValues.isEmpty, !estimate.isNaN else { return nil }
    let bias = StandardNormal.quantile(shareBelowEstimate)
    guard bias.isFinite else { return nil }
    let acceleration = acceleration.isFinite ? acceleration : 0
    let zAlpha = StandardNormal.quantile(alpha)
    func level(_ z: Double) -> Double {
      let shifted = bias + z
      return StandardNormal.cumulativeProbability(bias + shifted / (1 - acceleration * shifted))
    }
    let lower = level(zAlpha)
    let upper = level(-zAlpha)
    guard !lower.isNaN, !upper.isNaN else { return nil }
    return (lower, upper)
  }

  /// The BCa acceleration from jackknife values, as SciPy computes it:
  /// â = Σ wᵢdᵢ³ / (6 (Σ wᵢdᵢ²)^{3/2}), where dᵢ = θ̄ − θ₍ᵢ₎ and θ̄ is the
  /// weighted mean of the leave-one-out values θ₍ᵢ₎.
  ///
  /// Each distinct leave-one-out value is given once with the number of
  /// items `weights` that share it. Undefined values are left out; when
  /// fewer than two items have defined values or the values are all equal
  /// (to rounding), the acceleration is 0 (no skewness correction) instead
  /// of 0/0.
  static func acceleration(values: [Double], weights: [Int]) -> Double {
    var totalWeight = 0.0
    var weightedSum = 0.0
    for (value, weight) in zip(values, weights) where !value.isNaN {
      totalWeight += Double(weight)
      weightedSum += Double(weight) * value
    }
    guard totalWeight > 1 else { return 0 }
    let mean = weightedSum / totalWeight
    var squares = 0.0
    var cubes = 0.0
    for (value, weight) in zip(values, weights) where !value.isNaN {
      let deviation = mean - value
      squares += Double(weight) * deviation * deviation
      cubes += Double(weight) * deviation * deviation * deviation
    }
    // Leave-one-out values equal in exact arithmetic can differ in their
    // last bits; treat spreads at rounding level as no spread.
    let roundingLevel = 1e-13 * abs(mean)
    guard squares > totalWeight * roundingLevel * roundingLevel else { return 0 }
    return cubes / (6 * pow(squares, 1.5))
  }
}
