import F1Kit

/// Resampling over items for statistics that need every item (the score
/// metrics): each resample draws *n* items with replacement and hands the
/// metric their multiplicities as weights, so a model's scores are sorted
/// once and never again.
struct ItemBootstrap: Sendable {
  /// The number of items.
  let count: Int

  /// Draws one resample's item counts: how many times each item was drawn.
  ///
  /// - Parameters:
  ///   - counts: Overwritten with `count` multiplicities adding up to
  ///     `count`.
  ///   - generator: The source of randomness.
  /// - Complexity: O(*n*), allocation-free.
  @inline(__always)
  func draw(
    into counts: UnsafeMutableBufferPointer<UInt32>, using generator: inout Xoshiro256StarStar
  ) {
    counts.update(repeating: 0)
    for _ in 0..<count { counts[Int.random(in: 0..<count, using: &generator)] &+= 1 }
  }

  /// Draws one resample's item counts into 16-bit counters, which halve
  /// the memory a sweep reads at random.
  ///
  /// - Parameters:
  ///   - counts: Overwritten with `count` multiplicities adding up to
  ///     `count`, unless an item was drawn 65,536 times or more.
  ///   - generator: The source of randomness; it advances exactly as
  ///     the 32-bit `draw(into:using:)` advances it.
  /// - Returns: `false` when a counter wrapped (possible only above 65,535
  ///   items, and then vanishingly rare): the counts are unusable, and the
  ///   caller draws the same resample again into 32-bit counters.
  /// - Complexity: O(*n*), allocation-free.
  @inline(__always)
  func draw(
    into counts: UnsafeMutableBufferPointer<UInt16>, using generator: inout Xoshiro256StarStar
  ) -> Bool {
    counts.update(repeating: 0)
    var hasWrapped = false
    for _ in 0..<count {
      let item = Int.random(in: 0..<count, using: &generator)
      counts[item] &+= 1
      if counts[item] == 0 { hasWrapped = true }
    }
    return !hasWrapped
  }

  /// The largest number of items whose jackknife leaves out one item at a
  /// time; above it, one of this many contiguous groups at a time.
  static let jackknifeGroupLimit = 2_000

  /// The BCa acceleration from every item's leave-one-out value, worked
  /// out directly (see `BinaryScores.leaveOneOutValues(of:)`).
  ///
  /// - Parameter values: One leave-one-out value per item; NaN where
  ///   undefined.
  /// - Returns: The acceleration, 0 when it cannot be estimated.
  /// - Complexity: O(*n*).
  static func acceleration(leaveOneOut values: [Double]) -> Double {
    BootstrapDistribution.acceleration(
      values: values, weights: [Int](repeating: 1, count: values.count))
  }

  /// The BCa acceleration of a statistic from the jackknife.
  ///
  /// Up to ``jackknifeGroupLimit`` items, each item is left out in turn, as
  /// `scipy.stats.bootstrap` does; above it, the items are split into that
  /// many contiguous groups of nearly equal size and each group is left out
  /// in turn (the delete-*d* jackknife), so the cost stays O(2,000 × *n*)
  /// instead of O(*n*²).
  ///
  /// - Parameter statistic: The statistic for item weights; NaN when
  ///   undefined.
  /// - Returns: The acceleration, 0 when it cannot be estimated.
  func acceleration(_ statistic: (UnsafeBufferPointer<Double>) -> Double) -> Double {
    let groups = min(count, Self.jackknifeGroupLimit)
    guard groups > 1 else { return 0 }
    var weights = [Double](repeating: 1, count: count)
    var values: [Double] = []
    values.reserveCapacity(groups)
    for group in 0..<groups {
      let range = (group * count / groups)..<((group + 1) * count / groups)
      for item in range { weights[item] = 0 }
      values.append(weights.withUnsafeBufferPointer(statistic))
      for item in range { weights[item] = 1 }
    }
    return BootstrapDistribution.acceleration(
      values: values, weights: [Int](repeating: 1, count: groups))
  }
}
