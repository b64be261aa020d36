import Foundation

/// Exact binomial probabilities, for McNemar's test.
///
/// The point probability uses Loader's saddle-point form (the one R's
/// `dbinom` uses), which keeps nearly full relative precision for large *n*
/// where differences of `lgamma` values would lose digits. See [Loader 2000,
/// "Fast and accurate computation of binomial
/// probabilities"](https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf).
enum BinomialProbability {
  /// P(X = k) for X ~ Binomial(n, p).
  static func pointProbability(_ k: Int, trials n: Int, probability p: Double) -> Double {
    guard k >= 0, k <= n else { return 0 }
    let q = 1 - p
    if p == 0 { return k == 0 ? 1 : 0 }
    if q == 0 { return k == n ? 1 : 0 }
    let trials = Double(n)
    let successes = Double(k)
    if k == 0 {
      return exp(p < 0.1 ? -deviance(trials, trials * q) - trials * p : trials * log(q))
    }
    if k == n {
      return exp(q < 0.1 ? -deviance(trials, trials * p) - trials * q : trials * log(p))
    }
    let logCore =
      stirlingError(trials) - stirlingError(successes) - stirlingError(trials - successes)
      - deviance(successes, trials * p) - deviance(trials - successes, trials * q)
    let logScale = log(2 * Double.pi) + log(successes) + log1p(-successes / trials)
    return exp(logCore - 0.5 * logScale)
  }

  /// P(X ≤ k) for X ~ Binomial(n, 1/2), summed from `k` downwards so that
  /// the largest terms come first.
  ///
  /// - Complexity: O(*k*), stopping early once terms no longer change the
  ///   sum.
  static func cumulativeHalf(_ k: Int, trials n: Int) -> Double {
    if k < 0 { return 0 }
    if k >= n { return 1 }
    var term = pointProbability(k, trials: n, probability: 0.5)
    var sum = 0.0
    var index = k
    while index >= 0 {
      let previous = sum
      sum += term
      if sum == previous { break }
      term *= Double(index) / Double(n - index + 1)
      index -= 1
    }
    return min(sum, 1)
  }

  /// log(n!) − [(n + ½) log n − n + log √(2π)], the error of Stirling's
  /// formula.
  private static func stirlingError(_ n: Double) -> Double {
    if n <= 15 {
      return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * Double.pi)
    }
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    let square = n * n
    if n > 500 { return (s0 - s1 / square) / n }
    if n > 80 { return (s0 - (s1 - s2 / square) / square) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / square) / square) / square) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / square) / square) / square) / square) / n
  }

  /// x log(x / mean) + mean − x, computed without cancellation when x is
  /// near the mean.
  private static func deviance(_ x: Double, _ mean: Double) -> Double {
    guard abs(x - mean) < 0.1 * (x + mean) else {
      return x * log(x / mean) + mean - x
    }
    var ratio = (x - mean) / (x + mean)
    var sum = (x - mean) * ratio
    var term = 2 * x * ratio
    ratio *= ratio
    var order = 1.0
    while true {
      term *= ratio
      let next = sum + term / (2 * order + 1)
      if next == sum { return next }
      sum = next
      order += 1
    }
  }
}
