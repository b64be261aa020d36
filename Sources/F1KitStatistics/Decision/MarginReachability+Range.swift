extension MarginReachability {
  /// The needed sizes one test set allows: from the squared standard
  /// error's degrees of freedom when known, otherwise, with items, from the
  /// exact interval on the share of items the models label differently.
  /// The one range `f1kit gate` (``requiredCountRange``) and `f1kit
  /// compare` (``init(detecting:count:unit:seedShare:variance:power:differingCount:standardErrorDegrees:)``)
  /// give.
  ///
  /// - Parameters:
  ///   - requiredCount: The needed size at the observed standard error, if
  ///     any.
  ///   - distance: The true distance to resolve.
  ///   - standardError: The interval's standard error at `count`.
  ///   - count: The number of units behind the interval.
  ///   - unit: What `count` counts.
  ///   - degrees: The squared standard error's degrees of freedom, if
  ///     known.
  ///   - differingCount: The items the models label differently, if known.
  ///   - significanceLevel: One minus the interval's confidence.
  ///   - power: The chance of clearing the distance to aim for.
  ///   - minimumCount: The smallest size to consider.
  /// - Returns: The range, or `nil` when neither bracket applies.
  static func requiredCountRange(
    requiredCount: Int?, distance: Double, standardError: Double, count: Int, unit: Unit,
    degrees: Double?, differingCount: Int?, significanceLevel: Double, power: Double,
    minimumCount: Int
  ) -> ClosedRange<Int>? {
    if let degrees {
      return requiredCountRange(
        requiredCount: requiredCount, distance: distance, standardError: standardError,
        count: count, degrees: degrees, significanceLevel: significanceLevel, power: power,
        minimumCount: minimumCount)
    }
    guard let differingCount, unit == .items else { return nil }
    return requiredCountRange(
      requiredCount: requiredCount, distance: distance, standardError: standardError,
      count: count, differingCount: differingCount, significanceLevel: significanceLevel,
      power: power, minimumCount: minimumCount)
  }

  /// The needed sizes at the two ends of the exact interval on the share of
  /// units the models label differently.
  ///
  /// - Parameters:
  ///   - requiredCount: The needed size at the observed share, if any.
  ///   - distance: The true distance from the margin to resolve.
  ///   - standardError: The interval's standard error at `count`.
  ///   - count: The number of units behind the interval.
  ///   - differingCount: How many of them the models label differently.
  ///   - significanceLevel: One minus the interval's confidence, which
  ///     the share's interval takes too.
  ///   - power: The chance of clearing the margin to aim for.
  ///   - minimumCount: The smallest size to consider.
  /// - Returns: The range, or `nil` when there is no needed size, no unit
  ///   differs or the inputs are undefined.
  static func requiredCountRange(
    requiredCount: Int?, distance: Double, standardError: Double, count: Int,
    differingCount: Int, significanceLevel: Double, power: Double, minimumCount: Int
  ) -> ClosedRange<Int>? {
    guard requiredCount != nil, differingCount > 0, differingCount <= count else {
      return nil
    }
    let share = Double(differingCount) / Double(count)
    // The two-sided exact interval on the share, α/2 at each end.
    let low = BetaDistribution.quantile(
      significanceLevel / 2, a: Double(differingCount), b: Double(count - differingCount + 1))
    let high =
      differingCount == count
      ? 1
      : BetaDistribution.quantile(
        1 - significanceLevel / 2, a: Double(differingCount + 1),
        b: Double(count - differingCount))
    // The squared standard error moves with the share.
    return requiredCountRange(
      distance: distance, standardError: standardError, count: count,
      varianceFactors: (low / share, high / share), significanceLevel: significanceLevel,
      power: power, minimumCount: minimumCount)
  }

  /// The needed sizes at the two ends of the interval on the squared
  /// standard error that treats it as a scaled χ² with `degrees` degrees
  /// of freedom (Satterthwaite): ν/χ²₁₋α/₂,ν and ν/χ²α/₂,ν times it.
  ///
  /// - Parameters:
  ///   - requiredCount: The needed size at the observed standard error.
  ///   - distance: The true distance from the margin to resolve.
  ///   - standardError: The interval's standard error at `count`.
  ///   - count: The number of units behind the interval.
  ///   - degrees: The squared standard error's degrees of freedom
  ///     (``standardErrorDegrees(leaveOneOut:weights:)``); at least
  ///     ``smallestStandardErrorDegrees``.
  ///   - significanceLevel: One minus the interval's confidence, which
  ///     the χ² interval takes too.
  ///   - power: The chance of clearing the margin to aim for.
  ///   - minimumCount: The smallest size to consider.
  /// - Returns: The range, or `nil` when there is no needed size or the
  ///   degrees are too few or undefined.
  static func requiredCountRange(
    requiredCount: Int?, distance: Double, standardError: Double, count: Int, degrees: Double,
    significanceLevel: Double, power: Double, minimumCount: Int
  ) -> ClosedRange<Int>? {
    guard requiredCount != nil, degrees >= smallestStandardErrorDegrees, degrees.isFinite else {
      return nil
    }
    let low = degrees / chiSquaredQuantile(1 - significanceLevel / 2, degrees: degrees)
    let high = degrees / chiSquaredQuantile(significanceLevel / 2, degrees: degrees)
    return requiredCountRange(
      distance: distance, standardError: standardError, count: count,
      varianceFactors: (low, high), significanceLevel: significanceLevel, power: power,
      minimumCount: minimumCount)
  }

  /// The needed sizes at the standard error's square scaled by each factor.
  private static func requiredCountRange(
    distance: Double, standardError: Double, count: Int,
    varianceFactors: (low: Double, high: Double), significanceLevel: Double, power: Double,
    minimumCount: Int
  ) -> ClosedRange<Int>? {
    func size(_ factor: Double) -> Int? {
      Self.requiredCount(
        distance: distance, standardError: standardError * factor.squareRoot(), count: count,
        seedShare: 0, significanceLevel: significanceLevel, power: power,
        minimumCount: minimumCount)
    }
    guard let smallest = size(varianceFactors.low), let largest = size(varianceFactors.high)
    else { return nil }
    return smallest...max(smallest, largest)
  }

  /// The fewest degrees of freedom a range rests on: below 10 the
  /// Wilson–Hilferty χ² quantile is off by more than 1%, and the range
  /// would span well over a factor of 5 anyway.
  static let smallestStandardErrorDegrees = 10.0

  /// The degrees of freedom of a bootstrap standard error, from how the
  /// jackknife variance moves over bootstrap resamples: treating the
  /// squared standard error as a scaled χ² with ν degrees, its relative
  /// variance is 2/ν; the resampled variances estimate the part that comes
  /// from the test set, and 2/(*R* − 1) adds the Monte Carlo noise of *R*
  /// resamples.
  ///
  /// Unlike ``standardErrorDegrees(leaveOneOut:weights:)``, which sees only
  /// the kurtosis of the influence values, this also sees how the
  /// influence values themselves move with the test set, as a ratio's
  /// denominators make them.
  ///
  /// - Parameters:
  ///   - variances: The jackknife variance of the statistic in each of
  ///     some bootstrap resamples.
  ///   - resamples: The bootstrap resamples behind the standard error.
  /// - Returns: ν, or `nil` with fewer than 20 variances, any undefined,
  ///   or none above 0.
  static func standardErrorDegrees(resampledVariances variances: [Double], resamples: Int)
    -> Double?
  {
    guard variances.count >= 20, resamples > 1, variances.allSatisfy(\.isFinite) else {
      return nil
    }
    let count = Double(variances.count)
    let mean = variances.reduce(0, +) / count
    guard mean > 0 else { return nil }
    let spread = variances.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
    let relative = spread / (mean * mean) + 2 / Double(resamples - 1)
    let degrees = 2 / relative
    return degrees.isFinite ? degrees : nil
  }

  /// The degrees of freedom of a squared standard error built from
  /// independent units, from the difference with each unit left out.
  ///
  /// The units' influence values *uᵢ* are proportional to the mean of the
  /// leave-one-out values minus each; a variance estimate from *n* such
  /// contributions has a relative variance of about (*m*₄/*m*₂² − 1)/*n*
  /// (*m*₂, *m*₄ their second and fourth central moments), and the
  /// Satterthwaite approximation treats it as a scaled χ² with
  /// ν = 2*n*/(*m*₄/*m*₂² − 1). For a difference of accuracies, whose
  /// influence values are −1, 0 or 1, that is about twice the number of
  /// differing items; for F1 the values also carry each item's effect on
  /// the denominators, and for groups the spread of the groups'
  /// differences.
  ///
  /// - Parameters:
  ///   - values: The difference with each unit left out.
  ///   - weights: How many units each value stands for.
  /// - Returns: ν, or `nil` when the values do not spread or are not
  ///   finite, or their moments leave ν undefined.
  static func standardErrorDegrees(leaveOneOut values: [Double], weights: [Int]) -> Double? {
    guard let moments = LeaveOneOutMoments(values: values, weights: weights),
      moments.total > 1, moments.mean.isFinite
    else { return nil }
    let second = moments.second
    // Differences below rounding are no spread.
    guard second > 1e-28 * max(1, moments.mean * moments.mean) else { return nil }
    let excess = moments.fourth / (second * second) - 1
    guard excess > 0, excess.isFinite else { return nil }
    return 2 * moments.total / excess
  }

  /// The `probability` quantile of χ² with `degrees` degrees of freedom,
  /// by the Wilson–Hilferty approximation: within 1% of the exact one
  /// from 10 degrees up (0.025 quantile at ν = 10: 3.2227 against
  /// 3.2470), and closer as ν grows.
  static func chiSquaredQuantile(_ probability: Double, degrees: Double) -> Double {
    let spread = 2 / (9 * degrees)
    let cube = 1 - spread + StandardNormal.quantile(probability) * spread.squareRoot()
    return degrees * cube * cube * cube
  }
}
