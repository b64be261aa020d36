/// Uniform draws of indices below a bound, two from each 64-bit word of a
/// generator.
///
/// A grouped resample draws as many groups as there are, and with 10,000
/// groups and 9,999 resamples that is 10⁸ draws: the generator's cost is
/// most of it. Any bound below 2³² needs only 32 random bits, so each word
/// gives two draws, its low half first. Each half is turned into an index
/// by Lemire's multiply-and-shift with rejection ("Fast random integer
/// generation in an interval", 2019), which is exactly uniform: a half
/// whose product lands in the few values that would favour some indices
/// is replaced by the low half of a fresh word. Bounds of 2³² or more draw
/// one index per word.
enum UniformIndices {
  /// Draws `count` indices in `0..<bound`, uniformly and independently,
  /// and hands each to `body` in the order drawn.
  ///
  /// The draws depend only on the generator, `count` and `bound`, and
  /// drawing *a* indices and then *b* gives the same indices as drawing
  /// *a* + *b* at once whenever *a* is even.
  ///
  /// - Parameters:
  ///   - count: The number of indices to draw; zero or more.
  ///   - bound: The number of possible indices; at least 1.
  ///   - generator: The source of randomness.
  ///   - body: Called with each drawn index.
  /// - Complexity: O(`count`) expected, about one generator call per two
  ///   indices; no allocation.
  @inline(__always)
  static func draw<Generator: RandomNumberGenerator>(
    _ count: Int, below bound: Int, using generator: inout Generator, _ body: (Int) -> Void
  ) {
    guard bound <= Int(UInt32.max) else {
      for _ in 0..<count { body(Int(generator.next(upperBound: UInt64(bound)))) }
      return
    }
    let wideBound = UInt64(bound)
    // 2³² mod bound: the products whose low halves fall below it are the
    // surplus that rejection removes.
    let threshold = (0 &- UInt32(bound)) % UInt32(bound)
    var drawn = 0
    while drawn < count {
      let word = generator.next()
      body(index(UInt32(truncatingIfNeeded: word), wideBound, threshold, &generator))
      drawn += 1
      guard drawn < count else { break }
      body(index(UInt32(truncatingIfNeeded: word >> 32), wideBound, threshold, &generator))
      drawn += 1
    }
  }

  /// The index `half` gives below `bound`, redrawn from fresh words while
  /// its product falls in the rejected range.
  @inline(__always)
  private static func index<Generator: RandomNumberGenerator>(
    _ half: UInt32, _ bound: UInt64, _ threshold: UInt32, _ generator: inout Generator
  ) -> Int {
    let product = UInt64(half) &* bound
    guard _slowPath(UInt32(truncatingIfNeeded: product) < threshold) else {
      return Int(truncatingIfNeeded: product >> 32)
    }
    return redrawn(bound, threshold, &generator)
  }

  /// An index drawn from fresh words, for a half that was rejected.
  @inline(never)
  private static func redrawn<Generator: RandomNumberGenerator>(
    _ bound: UInt64, _ threshold: UInt32, _ generator: inout Generator
  ) -> Int {
    while true {
      let product = UInt64(UInt32(truncatingIfNeeded: generator.next())) &* bound
      if UInt32(truncatingIfNeeded: product) >= threshold {
        return Int(truncatingIfNeeded: product >> 32)
      }
    }
  }
}
