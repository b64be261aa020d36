import Foundation

/// The beta distribution's quantiles, for exact (Clopper–Pearson) bounds on
/// a binomial share.
enum BetaDistribution {
  /// The *p*-quantile of Beta(*a*, *b*): the *x* with *I*ₓ(*a*, *b*) = *p*.
  ///
  /// Bisection on the regularized incomplete beta function, which is
  /// increasing in *x*: slow next to Newton's method but sure, and the
  /// gate asks for one or two quantiles per run.
  ///
  /// - Parameters:
  ///   - probability: *p*, from 0 to 1.
  ///   - a: The first shape, positive.
  ///   - b: The second shape, positive.
  /// - Returns: The quantile, from 0 to 1.
  /// - Complexity: O(1): at most 200 evaluations of *I*ₓ(*a*, *b*).
  static func quantile(_ probability: Double, a: Double, b: Double) -> Double {
    if probability <= 0 { return 0 }
    if probability >= 1 { return 1 }
    var low = 0.0
    var high = 1.0
    for _ in 0..<200 {
      let middle = 0.5 * (low + high)
      guard middle > low, middle < high else { break }
      let value = StudentT.regularizedIncompleteBeta(
        a: a, b: b, x: middle, complement: 1 - middle, logX: log(middle),
        logComplement: log1p(-middle))
      if value < probability { low = middle } else { high = middle }
    }
    return 0.5 * (low + high)
  }
}
