import F1Kit
import Foundation

/// DeLong's analytic variance of ROC-AUC and his paired test of two AUCs on
/// the same items ([DeLong, DeLong and Clarke-Pearson, 1988](https://doi.org/10.2307/2531595)),
/// computed from each model's ranking in O(*n*) with the structural
/// components of [Sun and Xu (2014)](https://doi.org/10.1109/LSP.2014.2337313).
///
/// The statistic is z = (AUC_second − AUC_first) / SE, where SE² is the
/// variance of the difference, S₁₀ / *m* + S₀₁ / *n* over the *m* positives
/// and *n* negatives; the p-value is two-sided.
public struct DeLongTest: Hashable, Sendable, Codable {
  /// The first model's ROC-AUC.
  public var firstAUC: Double
  /// The second model's ROC-AUC.
  public var secondAUC: Double
  /// The z statistic, NaN when the variance of the difference is zero (two
  /// models ranking every positive–negative pair alike).
  public var statistic: Double
  /// The two-sided p-value, NaN when the statistic is.
  public var pValue: Double

  /// Tests whether two models' ROC-AUCs differ on the same items.
  ///
  /// - Parameters:
  ///   - first: The first model (A).
  ///   - second: The second model (B), with the same gold labels.
  /// - Returns: The test, or `nil` with fewer than two positives or two
  ///   negatives.
  /// - Complexity: O(*n*).
  public init?(first: BinaryScores, second: BinaryScores) {
    guard let a = DeLongComponents(first), let b = DeLongComponents(second) else { return nil }
    let variance =
      a.variance + b.variance - 2 * DeLongComponents.covariance(a, b)
    firstAUC = a.area
    secondAUC = b.area
    let difference = b.area - a.area
    statistic = variance > 0 ? difference / variance.squareRoot() : .nan
    pValue = statistic.isNaN ? .nan : erfc(abs(statistic) / 2.0.squareRoot())
  }

  /// DeLong's confidence interval for one model's ROC-AUC: AUC ± z·SE,
  /// clipped to [0, 1].
  ///
  /// - Parameters:
  ///   - scores: The model's scores.
  ///   - confidence: The confidence level.
  /// - Returns: The interval, or `nil` with fewer than two positives or two
  ///   negatives.
  /// - Complexity: O(*n*).
  public static func interval(for scores: BinaryScores, confidence: Double = 0.95)
    -> ConfidenceInterval?
  {
    guard let components = DeLongComponents(scores) else { return nil }
    let error = components.variance.squareRoot()
    let z = -StandardNormal.quantile((1 - confidence) / 2)
    return ConfidenceInterval(
      lower: max(0, components.area - z * error), upper: min(1, components.area + z * error),
      estimate: components.area, method: .delong, confidence: confidence, standardError: error,
      resamples: 0, undefinedResamples: 0)
  }
}

/// One model's DeLong structural components: for each positive, the share
/// of negatives it outranks (ties count half), and for each negative, the
/// share of positives that outrank it.
struct DeLongComponents {
  /// The ROC-AUC.
  let area: Double
  /// The positives' components, in item order of the positives.
  let positive: [Double]
  /// The negatives' components, in item order of the negatives.
  let negative: [Double]

  init?(_ scores: BinaryScores) {
    let isPositive = scores.isPositive
    let positiveCount = isPositive.lazy.filter { $0 }.count
    let negativeCount = isPositive.count - positiveCount
    guard positiveCount >= 2, negativeCount >= 2 else { return nil }
    var byItem = [Double](repeating: 0, count: isPositive.count)
    var positivesAbove = 0
    var negativesAbove = 0
    var start = 0
    let items = scores.ranking.items
    for end in scores.ranking.groupEnds {
      var groupPositives = 0
      for position in start..<end where isPositive[items[position]] { groupPositives += 1 }
      let groupNegatives = end - start - groupPositives
      let negativesBelow = negativeCount - negativesAbove - groupNegatives
      for position in start..<end {
        let item = items[position]
        byItem[item] =
          isPositive[item]
          ? (Double(negativesBelow) + 0.5 * Double(groupNegatives)) / Double(negativeCount)
          : (Double(positivesAbove) + 0.5 * Double(groupPositives)) / Double(positiveCount)
      }
      positivesAbove += groupPositives
      negativesAbove += groupNegatives
      start = end
    }
    positive = zip(byItem, isPositive).filter(\.1).map(\.0)
    negative = zip(byItem, isPositive).filter { !$0.1 }.map(\.0)
    area = positive.reduce(0, +) / Double(positiveCount)
  }

  /// The DeLong variance of the AUC: S₁₀ / m + S₀₁ / n.
  var variance: Double { Self.covariance(self, self) }

  /// The DeLong covariance of two models' AUCs on the same items.
  static func covariance(_ a: DeLongComponents, _ b: DeLongComponents) -> Double {
    sampleCovariance(a.positive, b.positive) / Double(a.positive.count)
      + sampleCovariance(a.negative, b.negative) / Double(a.negative.count)
  }

  /// The sample covariance with *n* − 1 in the denominator, as `numpy.cov`.
  private static func sampleCovariance(_ x: [Double], _ y: [Double]) -> Double {
    let count = Double(x.count)
    let meanX = x.reduce(0, +) / count
    let meanY = y.reduce(0, +) / count
    var sum = 0.0
    for index in x.indices { sum += (x[index] - meanX) * (y[index] - meanY) }
    return sum / (count - 1)
  }
}
