import Foundation

/// Exact draws from a binomial distribution.
///
/// Small means (*n*·min(*p*, 1 − *p*) ≤ 30) use inversion of the cumulative
/// distribution, walking up from 0 with the pmf recurrence; larger means use
/// BTPE, the triangle–parallelogram–exponential rejection sampler of
/// [Kachitvichyanukul and Schmeiser 1988, "Binomial random variate
/// generation"](https://doi.org/10.1145/42372.42381), in the form NumPy uses.
/// Both are exact: no normal approximation is made. Inversion restarts a draw
/// that runs past the mean plus ten standard deviations, which guards
/// against rounding and removes probability below 10⁻²⁰.
///
/// ``sampleByTransformedRejection(trials:probability:using:)`` draws from
/// the same distribution with Hörmann's BTRS, whose set-up is cheaper; the
/// collapsed two-level draw (``RunMarginals``) uses it, since every one of
/// its draws has a new *n* and *p*.
enum BinomialSampler {
  /// The mean n·min(p, 1 − p) above which BTPE replaces inversion.
  static let inversionLimit = 30.0

  /// Draws one binomial variate.
  ///
  /// - Parameters:
  ///   - trials: The number of trials *n*; zero or more.
  ///   - probability: The success probability *p* in [0, 1].
  ///   - generator: The source of randomness.
  /// - Returns: The number of successes, in 0...`trials`.
  /// - Complexity: O(1) expected for BTPE, O(*n*·*p*) for inversion.
  static func sample(
    trials: Int, probability: Double, using generator: inout some RandomNumberGenerator
  ) -> Int {
    reflected(trials: trials, probability: probability, using: &generator) {
      trials, smaller, generator in
      Double(trials) * smaller <= inversionLimit
        ? inversion(trials: trials, probability: smaller, using: &generator)
        : btpe(trials: trials, probability: smaller, using: &generator)
    }
  }

  /// A draw for any *p* from one for *p* ≤ 1/2: the edges answered at
  /// once, and *p* > 1/2 drawn as failures of 1 − *p*.
  ///
  /// - Parameters:
  ///   - trials: The number of trials *n*; zero or more.
  ///   - probability: The success probability *p* in [0, 1].
  ///   - generator: The source of randomness.
  ///   - draw: Draws for *n* ≥ 1 and 0 < *p* ≤ 1/2.
  /// - Returns: The number of successes, in 0...`trials`.
  @inline(__always)
  static func reflected<Generator: RandomNumberGenerator>(
    trials: Int, probability: Double, using generator: inout Generator,
    _ draw: (Int, Double, inout Generator) -> Int
  ) -> Int {
    if trials == 0 || probability <= 0 { return 0 }
    if probability >= 1 { return trials }
    let smaller = min(probability, 1 - probability)
    let successes = draw(trials, smaller, &generator)
    return probability > 0.5 ? trials - successes : successes
  }

  /// Draws one Binomial(n, ½) variate: the number of heads in `trials`
  /// fair coin flips.
  ///
  /// Up to 256 trials it counts the set bits of random words, one bit per
  /// trial, which is exact and costs one generator call per 64 trials;
  /// beyond that it uses ``sample(trials:probability:using:)``.
  ///
  /// - Parameters:
  ///   - trials: The number of trials *n*; zero or more.
  ///   - generator: The source of randomness.
  /// - Returns: The number of successes, in 0...`trials`.
  /// - Complexity: O(*n* / 64) up to 256 trials, O(1) expected beyond.
  static func sampleHalf(
    trials: Int, using generator: inout some RandomNumberGenerator
  ) -> Int {
    guard trials <= 256 else {
      return sample(trials: trials, probability: 0.5, using: &generator)
    }
    var remaining = trials
    var successes = 0
    while remaining >= 64 {
      successes += generator.next().nonzeroBitCount
      remaining -= 64
    }
    if remaining > 0 {
      successes += (generator.next() & ((1 << UInt64(remaining)) - 1)).nonzeroBitCount
    }
    return successes
  }

  /// Inversion for p ≤ 1/2 and a small mean; both samplers use it below
  /// their limits.
  static func inversion(
    trials: Int, probability: Double, using generator: inout some RandomNumberGenerator
  ) -> Int {
    let failure = 1 - probability
    let zeroProbability = exp(Double(trials) * log1p(-probability))
    let mean = Double(trials) * probability
    let bound = min(Double(trials), mean + 10 * (mean * failure + 1).squareRoot())
    var successes = 0
    var pointProbability = zeroProbability
    var uniform = generator.nextUnitInterval()
    while uniform > pointProbability {
      successes += 1
      if Double(successes) > bound {
        successes = 0
        pointProbability = zeroProbability
        uniform = generator.nextUnitInterval()
      } else {
        uniform -= pointProbability
        pointProbability =
          Double(trials - successes + 1) * probability * pointProbability
          / (Double(successes) * failure)
      }
    }
    return successes
  }

  /// BTPE for p ≤ 1/2 and n·p > 30; the step numbers are the paper's.
  private static func btpe(
    trials: Int, probability r: Double, using generator: inout some RandomNumberGenerator
  ) -> Int {
    let n = Double(trials)
    let q = 1 - r
    let nrq = n * r * q
    let fm = n * r + r
    let mode = floor(fm)
    let p1 = floor(2.195 * nrq.squareRoot() - 4.6 * q) + 0.5
    let xm = mode + 0.5
    let xl = xm - p1
    let xr = xm + p1
    let c = 0.134 + 20.5 / (15.3 + mode)
    var a = (fm - xl) / (fm - xl * r)
    let lambdaLeft = a * (1 + a / 2)
    a = (xr - fm) / (xr * q)
    let lambdaRight = a * (1 + a / 2)
    let p2 = p1 * (1 + 2 * c)
    let p3 = p2 + c / lambdaLeft
    let p4 = p3 + c / lambdaRight

    while true {
      // Step 1: choose a region.
      let u = generator.nextUnitInterval() * p4
      var v = generator.nextUnitInterval()
      var y: Double
      if u <= p1 {
        // Triangle: accept at once.
        return Int(floor(xm - p1 * v + u))
      } else if u <= p2 {
        // Step 2: parallelograms.
        let x = xl + (u - p1) / c
        v = v * c + 1 - abs(mode - x + 0.5) / p1
        if v > 1 { continue }
        y = floor(x)
      } else if u <= p3 {
        // Step 3: left exponential tail.
        y = floor(xl + log(v) / lambdaLeft)
        if y < 0 || v == 0 { continue }
        v *= (u - p2) * lambdaLeft
      } else {
        // Step 4: right exponential tail.
        y = floor(xr - log(v) / lambdaRight)
        if y > n || v == 0 { continue }
        v *= (u - p3) * lambdaRight
      }

      // Step 5: accept or reject y.
      let k = abs(y - mode)
      if k <= 20 || k >= nrq / 2 - 1 {
        // Step 5.1: evaluate f(y) / f(mode) by recursion.
        let s = r / q
        let ratio = s * (n + 1)
        var f = 1.0
        if mode < y {
          var i = mode + 1
          while i <= y {
            f *= ratio / i - s
            i += 1
          }
        } else if mode > y {
          var i = y + 1
          while i <= mode {
            f /= ratio / i - s
            i += 1
          }
        }
        if v > f { continue }
        return Int(y)
      }

      // Step 5.2: squeeze using upper and lower bounds on log f(y).
      let rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.166_666_666_666_666_66) / nrq + 0.5)
      let t = -k * k / (2 * nrq)
      let logV = log(v)
      if logV < t - rho { return Int(y) }
      if logV > t + rho { continue }

      // Step 5.3: final comparison with Stirling's formula.
      let x1 = y + 1
      let f1 = mode + 1
      let z = n + 1 - mode
      let w = n - y + 1
      let bound =
        xm * log(f1 / x1) + (n - mode + 0.5) * log(z / w) + (y - mode) * log(w * r / (x1 * q))
        + stirlingCorrection(f1) + stirlingCorrection(z) + stirlingCorrection(x1)
        + stirlingCorrection(w)
      if logV > bound { continue }
      return Int(y)
    }
  }

  /// The Stirling-series correction term BTPE adds for each factorial.
  private static func stirlingCorrection(_ x: Double) -> Double {
    let square = x * x
    return (13860 - (462 - (132 - (99 - 140 / square) / square) / square) / square) / x
      / 166_320
  }
}
