import Foundation

/// Student's *t* distribution with real degrees of freedom: its cumulative
/// distribution function and quantile function, for the Welch–Satterthwaite
/// intervals of the two-level bootstrap.
///
/// The tail probability is ½ *I*ₓ(ν/2, ½) with *x* = ν/(ν + *t*²), the
/// regularized incomplete beta function evaluated by its continued fraction
/// (modified Lentz), so small tail probabilities keep their relative
/// precision. The quantile solves for the lower tail by Newton's method
/// inside a bracket that bisection keeps. Infinite degrees of freedom give
/// the standard normal.
enum StudentT {
  /// P(*T* ≤ *t*) for *T* with `degreesOfFreedom` degrees of freedom.
  ///
  /// - Parameters:
  ///   - t: The point.
  ///   - degreesOfFreedom: ν > 0; +∞ gives the standard normal.
  /// - Returns: The probability; NaN for NaN input or ν ≤ 0.
  static func cumulativeProbability(_ t: Double, degreesOfFreedom: Double) -> Double {
    let nu = degreesOfFreedom
    guard !t.isNaN, !nu.isNaN, nu > 0 else { return .nan }
    if nu.isInfinite { return StandardNormal.cumulativeProbability(t) }
    if t == 0 { return 0.5 }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let tail = upperTail(abs(t), degreesOfFreedom: nu)
    return t < 0 ? tail : 1 - tail
  }

  /// P(*T* > *t*) for *t* ≥ 0, to full relative precision.
  private static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    // x and 1 − x computed apart, so neither loses digits to cancellation;
    // far out, from r = √ν/t so that t² cannot overflow.
    let x: Double
    let complement: Double
    let logX: Double
    let logComplement: Double
    if t > 1 {
      // r² may underflow, so log x comes from log r.
      let r = nu.squareRoot() / t
      x = r * r / (1 + r * r)
      complement = 1 / (1 + r * r)
      logComplement = -log1p(r * r)
      logX = 0.5 * log(nu) - log(t) + 0.5 * log(nu) - log(t) + logComplement
    } else {
      x = nu / (nu + t * t)
      complement = t * t / (nu + t * t)
      logX = log(x)
      logComplement = log(complement)
    }
    return 0.5
      * regularizedIncompleteBeta(
        a: nu / 2, b: 0.5, x: x, complement: complement, logX: logX,
        logComplement: logComplement)
  }

  /// The density at `t`.
  static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    if nu.isInfinite { return exp(-t * t / 2) / (2 * Double.pi).squareRoot() }
    let logNormalizer = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    let magnitude = abs(t)
    // log(1 + t²/ν), without overflow far out.
    let logKernel =
      magnitude > 1e100
      ? 2 * log(magnitude) - log(nu) : log1p(magnitude * magnitude / nu)
    return exp(logNormalizer - (nu + 1) / 2 * logKernel)
  }

  /// The `probability` quantile.
  ///
  /// - Parameters:
  ///   - probability: A probability; 0 and 1 give −∞ and +∞, and a value
  ///     outside [0, 1] gives NaN. Pass lower-tail probabilities (≤ ½) for
  ///     full relative precision far out in the tails.
  ///   - degreesOfFreedom: ν > 0; +∞ gives the standard normal.
  /// - Returns: The quantile, to about 1e-13 relative precision.
  static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
    let nu = degreesOfFreedom
    guard !probability.isNaN, !nu.isNaN, nu > 0, probability >= 0, probability <= 1 else {
      return .nan
    }
    if nu.isInfinite { return StandardNormal.quantile(probability) }
    if probability == 0 { return -.infinity }
    if probability == 1 { return .infinity }
    if probability == 0.5 { return 0 }
    if probability > 0.5 { return -quantile(1 - probability, degreesOfFreedom: nu) }
    // The lower tail: find t < 0 with P(T > −t) = probability. The tail
    // falls as t moves left, so keep a bracket [low, high] with
    // tail(low) ≤ probability ≤ tail(high).
    func excess(_ t: Double) -> Double { upperTail(-t, degreesOfFreedom: nu) - probability }
    var high = 0.0
    var low = -1.0
    while excess(low) > 0 {
      high = low
      low *= 2
      if !low.isFinite { return -.infinity }
    }
    // Start from the first Cornish–Fisher terms, inside the bracket.
    let z = StandardNormal.quantile(probability)
    var t = z * (1 + (z * z + 1) / (4 * nu))
    if !(t > low && t < high) { t = 0.5 * (low + high) }
    for _ in 0..<200 {
      let difference = excess(t)
      if difference == 0 { return t }
      // The lower-tail probability grows with t.
      if difference > 0 { high = t } else { low = t }
      var next = t - difference / density(t, degreesOfFreedom: nu)
      if !(next > low && next < high) {
        // Bisect, geometrically while the bracket spans orders of
        // magnitude (both ends negative), so far tails converge too.
        next = high < 0 && low < 4 * high ? -(low * high).squareRoot() : 0.5 * (low + high)
      }
      if abs(next - t) <= 1e-15 * abs(next) { return next }
      t = next
    }
    return t
  }

  /// *I*ₓ(*a*, *b*), with `complement` = 1 − *x* and the logarithms of
  /// both passed separately (so that an *x* too small for a double still
  /// has its logarithm).
  ///
  /// The continued fraction of Numerical Recipes' `betacf`, evaluated by
  /// the modified Lentz method, on whichever side of the mean
  /// (*a* + 1)/(*a* + *b* + 2) converges fast.
  static func regularizedIncompleteBeta(
    a: Double, b: Double, x: Double, complement: Double, logX: Double, logComplement: Double
  ) -> Double {
    if logX == -.infinity { return 0 }
    if logComplement == -.infinity { return 1 }
    let front = exp(a * logX + b * logComplement - (lgamma(a) + lgamma(b) - lgamma(a + b)))
    if x < (a + 1) / (a + b + 2) {
      return front * continuedFraction(a: a, b: b, x: x) / a
    }
    return 1 - front * continuedFraction(a: b, b: a, x: complement) / b
  }

  private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for step in 1...500 {
      let m = Double(step)
      let m2 = 2 * m
      // Even step.
      var coefficient = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      // Odd step.
      coefficient = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let change = d * c
      result *= change
      if abs(change - 1) < epsilon { break }
    }
    return result
  }
}
