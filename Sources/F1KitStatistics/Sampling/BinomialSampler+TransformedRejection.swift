import Foundation

extension BinomialSampler {
  /// The mean n·min(p, 1 − p) from which BTRS replaces inversion; the
  /// algorithm's bounds hold from 10 on.
  static let transformedRejectionLimit = 10.0

  /// Draws one binomial variate with BTRS, the transformed rejection
  /// sampler with squeeze of [Hörmann 1993, "The generation of binomial
  /// random variates"](https://doi.org/10.1080/00949659308811496), below
  /// its limit by inversion.
  ///
  /// BTRS and BTPE draw from the same exact distribution, but BTRS needs
  /// far less set-up per call: a square root and two divisions, with the
  /// logarithms of the density only for the fifth or so of candidates
  /// that fall outside the squeeze. That matters where every call has a
  /// new *n* and *p*, as in the conditional binomials of a multinomial
  /// draw (``RunMarginals``). The draws differ from
  /// ``sample(trials:probability:using:)``'s for the same generator, so
  /// callers whose results are quoted keep one method or the other.
  ///
  /// - Parameters:
  ///   - trials: The number of trials *n*; zero or more.
  ///   - probability: The success probability *p* in [0, 1].
  ///   - generator: The source of randomness.
  /// - Returns: The number of successes, in 0...`trials`.
  /// - Complexity: O(1) expected for BTRS, O(*n*·*p*) for inversion.
  static func sampleByTransformedRejection(
    trials: Int, probability: Double, using generator: inout some RandomNumberGenerator
  ) -> Int {
    reflected(trials: trials, probability: probability, using: &generator) {
      trials, smaller, generator in
      Double(trials) * smaller < transformedRejectionLimit
        ? inversion(trials: trials, probability: smaller, using: &generator)
        : btrs(trials: trials, probability: smaller, using: &generator)
    }
  }

  /// BTRS for p ≤ 1/2 and n·p ≥ 10, with the paper's names.
  ///
  /// The set-up is only what every candidate needs; what the few
  /// candidates outside the squeeze need (the density's mode, its
  /// Stirling tails, α) is computed in ``acceptsOutsideSqueeze``, which is
  /// kept out of line so that the optimizer cannot hoist its divisions
  /// into the set-up of every call. The arithmetic is the same either way,
  /// so are the draws.
  private static func btrs(
    trials: Int, probability p: Double, using generator: inout some RandomNumberGenerator
  ) -> Int {
    let n = Double(trials)
    let q = 1 - p
    let spread = (n * p * q).squareRoot()
    let b = 1.15 + 2.53 * spread
    let a = -0.0873 + 0.0248 * b + 0.01 * p
    let c = n * p + 0.5
    // Inside the squeeze (us ≥ 0.07, v ≤ vr) the candidate is accepted with
    // no density evaluated.
    let vr = 0.92 - 4.2 / b
    let end = n + 1
    while true {
      let u = generator.nextUnitInterval() - 0.5
      let v = generator.nextUnitInterval()
      let us = 0.5 - abs(u)
      // The candidate ⌊x⌋ is in 0...n exactly when x is in [0, n + 1),
      // where truncation is the floor; this also rejects us = 0, whose x
      // is −∞.
      let x = (2 * a / us + b) * u + c
      guard x >= 0, x < end else { continue }
      let k = Int(x)
      if us >= 0.07 && v <= vr { return k }
      if acceptsOutsideSqueeze(
        Double(k), us: us, v: v, trials: n, probability: p, a: a, b: b, spread: spread)
      {
        return k
      }
    }
  }

  /// Whether BTRS accepts a candidate outside the squeeze: the density
  /// test, with the paper's names.
  @inline(never)
  private static func acceptsOutsideSqueeze(
    _ k: Double, us: Double, v: Double, trials n: Double, probability p: Double, a: Double,
    b: Double, spread: Double
  ) -> Bool {
    let alpha = (2.83 + 5.1 / b) * spread
    let logV = log(v * alpha / (a / (us * us) + b))
    return logV <= logDensityRatio(k, trials: n, probability: p)
  }

  /// log f(k) − log f(m) for the Binomial(n, p) pmf f and its mode
  /// m = ⌊(n + 1)p⌋, from Stirling's series, which keeps it accurate where
  /// differences of log-gamma values of size n log n would cancel.
  private static func logDensityRatio(
    _ k: Double, trials n: Double, probability p: Double
  ) -> Double {
    let m = floor((n + 1) * p)
    let r = p / (1 - p)
    let leading =
      (m + 0.5) * log((m + 1) / (r * (n - m + 1))) + (n + 1) * log((n - m + 1) / (n - k + 1))
      + (k + 0.5) * log(r * (n - k + 1) / (k + 1))
    return leading + stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k)
  }

  /// log k! − [(k + ½) log(k + 1) − (k + 1) + ½ log 2π]: exact to double
  /// precision from a table below 10, and from four terms of Stirling's
  /// series beyond, whose error there is below 4·10⁻¹³.
  private static func stirlingTail(_ k: Double) -> Double {
    if k < 10 { return stirlingTails[Int(k)] }
    let x = k + 1
    let square = x * x
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * square)) / square) / square) / x
  }

  /// ``stirlingTail(_:)`` for k = 0 through 9, to 17 significant digits.
  private static let stirlingTails: [Double] = [
    0.081_061_466_795_327_258, 0.041_340_695_955_409_294, 0.027_677_925_684_998_339,
    0.020_790_672_103_765_093, 0.016_644_691_189_821_192, 0.013_876_128_823_070_748,
    0.011_896_709_945_891_770, 0.010_411_265_261_972_096, 0.009_255_462_182_712_733,
    0.008_330_563_433_362_871,
  ]
}
