extension MarginReachability {
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
    // The squared standard error moves with the share, so the standard
    // error with its square root.
    func size(atShare bound: Double) -> Int? {
      Self.requiredCount(
        distance: distance, standardError: standardError * (bound / share).squareRoot(),
        count: count, seedShare: 0, significanceLevel: significanceLevel, power: power,
        minimumCount: minimumCount)
    }
    guard let smallest = size(atShare: low), let largest = size(atShare: high) else {
      return nil
    }
    return smallest...max(smallest, largest)
  }
}
