/// The weighted mean and second and fourth central moments of leave-one-out
/// values, each standing for some units: what both the jackknife variance
/// and the degrees of freedom of a squared standard error are made of.
struct LeaveOneOutMoments {
  /// The number of units the values stand for.
  let total: Double
  /// The weighted mean of the values.
  let mean: Double
  /// The weighted second central moment, Σ *wᵢ* (*vᵢ* − *v̄*)² / *n*.
  let second: Double
  /// The weighted fourth central moment, Σ *wᵢ* (*vᵢ* − *v̄*)⁴ / *n*.
  let fourth: Double

  /// Computes the moments.
  ///
  /// - Parameters:
  ///   - values: The statistic with each unit left out.
  ///   - weights: How many units each value stands for.
  /// - Returns: `nil` when the counts differ, there are no values or no
  ///   units; the moments are NaN when a value is.
  /// - Complexity: O(*n*) for *n* values.
  init?(values: [Double], weights: [Int]) {
    guard values.count == weights.count, !values.isEmpty else { return nil }
    var total = 0.0
    var sum = 0.0
    for (value, weight) in zip(values, weights) {
      total += Double(weight)
      sum += Double(weight) * value
    }
    guard total > 0 else { return nil }
    let mean = sum / total
    var second = 0.0
    var fourth = 0.0
    for (value, weight) in zip(values, weights) {
      let square = (value - mean) * (value - mean)
      second += Double(weight) * square
      fourth += Double(weight) * square * square
    }
    self.total = total
    self.mean = mean
    self.second = second / total
    self.fourth = fourth / total
  }

  /// The jackknife variance, (*n* − 1)/*n* · Σ *wᵢ* (*vᵢ* − *v̄*)².
  var jackknifeVariance: Double { (total - 1) * second }
}
