import F1Kit

extension ConfidenceInterval {
  /// Whether an end of the interval lies outside a range, such as a
  /// metric's [0, 1].
  ///
  /// - Parameter range: The values the quantity can take.
  /// - Returns: `true` when `lower` is below the range or `upper` above
  ///   it.
  public func reachesPast(_ range: ClosedRange<Double>) -> Bool {
    lower < range.lowerBound || upper > range.upperBound
  }

  /// The caution for basic bootstrap intervals with an end past their
  /// metric's range, such as accuracy [0.970, 1.005].
  ///
  /// The basic interval reflects the estimate about the bootstrap
  /// percentiles, [2θ̂ − q₁₋α/₂, 2θ̂ − q_α/₂], so its ends can pass the
  /// range the percentiles keep to. It is left as computed (scipy's
  /// `bootstrap(method="basic")` gives the same), and the caution says why
  /// and which intervals stay within the range.
  ///
  /// - Parameters:
  ///   - intervals: Each interval shown, with what it is of ("accuracy",
  ///     "b.csv's accuracy") and its metric's range; only basic intervals
  ///     past their range count.
  ///   - number: How the output writes a number.
  /// - Returns: One sentence without a leading "Note:", or `nil` when no
  ///   basic interval reaches past its range.
  package static func basicRangeCaution(
    _ intervals: [(subject: String, interval: ConfidenceInterval, range: ClosedRange<Double>)],
    number: (Double) -> String
  ) -> String? {
    let past = intervals.filter {
      $0.interval.method == .basic && $0.interval.reachesPast($0.range)
    }
    guard let first = past.first else { return nil }
    let ends = "[\(number(first.interval.lower)), \(number(first.interval.upper))]"
    let range = "[\(bound(first.range.lowerBound)), \(bound(first.range.upperBound))]"
    let which =
      past.count == 1
      ? "the basic interval \(ends) of \(first.subject) reaches past the metric's range \(range)"
      : "\(past.count) basic intervals reach past their metric's range, such as \(first.subject) \(ends) past \(range)"
    return which
      + ": a basic interval reflects the estimate about the bootstrap percentiles, so its ends can pass the range; percentile or BCa intervals stay within it."
  }

  /// A range bound as the cautions write it: "0", "1", "-1".
  static func bound(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
