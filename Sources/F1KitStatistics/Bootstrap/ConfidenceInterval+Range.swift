import F1Kit
import F1KitSupport

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
  /// metric's range, such as accuracy [0.970, 1.005], or past the range of
  /// a difference of the metric, such as B − A [0.900, 1.050] on
  /// accuracy, whose range is [−1, 1].
  ///
  /// The basic interval reflects the estimate about the bootstrap
  /// percentiles, [2θ̂ − q₁₋α/₂, 2θ̂ − q_α/₂], so its ends can pass the
  /// range the percentiles keep to. It is left as computed (scipy's
  /// `bootstrap(method="basic")` gives the same), and the caution says why
  /// and which intervals stay within the range.
  ///
  /// - Parameters:
  ///   - intervals: Each interval shown, with what it is of ("accuracy",
  ///     "b.csv's accuracy", "b.csv − a.csv on accuracy") and its range
  ///     (``differenceRange(of:)`` for a difference); only basic intervals
  ///     past their range count.
  ///   - areDifferences: Whether the intervals are of differences between
  ///     models, so that the sentence names a difference's range rather
  ///     than the metric's; `false` by default.
  ///   - number: How the output writes a number.
  ///   - style: The output's number style, whose minus sign the range's
  ///     bounds take, as `number` gives its numbers theirs: `[-1, 1]` in
  ///     terminal text, `[−1, 1]` in the report.
  /// - Returns: One sentence without a leading "Note:", or `nil` when no
  ///   basic interval reaches past its range.
  package static func basicRangeCaution(
    _ intervals: [(subject: String, interval: ConfidenceInterval, range: ClosedRange<Double>)],
    areDifferences: Bool = false, number: (Double) -> String,
    style: NumberText.Style = .plain
  ) -> String? {
    let past = intervals.filter {
      $0.interval.method == .basic && $0.interval.reachesPast($0.range)
    }
    guard let first = past.first else { return nil }
    let ends = "[\(number(first.interval.lower)), \(number(first.interval.upper))]"
    let range =
      "[\(bound(first.range.lowerBound, style: style)), \(bound(first.range.upperBound, style: style))]"
    let whose = areDifferences ? "a difference's" : "the metric's"
    let theirs = areDifferences ? "a difference's" : "their metric's"
    let which =
      past.count == 1
      ? "the basic interval \(ends) of \(first.subject) reaches past \(whose) range \(range)"
      : "\(past.count) basic intervals reach past \(theirs) range, such as \(first.subject) \(ends) past \(range)"
    return which
      + ": a basic interval reflects the estimate about the bootstrap percentiles, so its ends can pass the range; percentile or BCa intervals stay within it."
  }

  /// The cautions of a comparison on one metric: one for the models'
  /// basic intervals past the metric's range, one for the basic intervals
  /// of differences past a difference's range
  /// (``differenceRange(of:)``), each as ``basicRangeCaution(_:areDifferences:number:)``
  /// words it.
  ///
  /// - Parameters:
  ///   - models: Each model's name and its interval of the metric, if any.
  ///   - differences: Each pair's names (the difference is `second −
  ///     first`) and the interval of the difference.
  ///   - metricName: The metric as the output names it ("accuracy").
  ///   - range: The metric's range.
  ///   - number: How the output writes a number.
  ///   - style: The output's number style, for the ranges' bounds.
  /// - Returns: Zero, one or two sentences without a leading "Note:".
  package static func basicRangeCautions(
    models: [(name: String, interval: ConfidenceInterval?)],
    differences: [(first: String, second: String, interval: ConfidenceInterval)],
    metricName: String, range: ClosedRange<Double>, number: (Double) -> String,
    style: NumberText.Style = .plain
  ) -> [String] {
    let intervals = models.compactMap { model in
      model.interval.map { (subject: "\(model.name)'s \(metricName)", interval: $0, range: range) }
    }
    let differenceIntervals = differences.map {
      (
        subject: "\($0.second) − \($0.first) on \(metricName)", interval: $0.interval,
        range: differenceRange(of: range)
      )
    }
    return [
      basicRangeCaution(intervals, number: number, style: style),
      basicRangeCaution(differenceIntervals, areDifferences: true, number: number, style: style),
    ].compactMap(\.self)
  }

  /// The values a difference between two models' values of a metric can
  /// take: [−1, 1] for a metric in [0, 1], [−2, 2] for one in [−1, 1],
  /// any for an unbounded one such as log loss.
  ///
  /// - Parameter range: The metric's range.
  /// - Returns: The range of the difference.
  package static func differenceRange(of range: ClosedRange<Double>) -> ClosedRange<Double> {
    let width = range.upperBound - range.lowerBound
    return -width...width
  }

  /// A range bound as the cautions write it: "0", "1", "-1" ("−1" in
  /// the typographic style), "∞".
  ///
  /// - Parameters:
  ///   - value: The bound.
  ///   - style: The output's number style, for the minus sign.
  /// - Returns: The bound's text.
  package static func bound(_ value: Double, style: NumberText.Style = .plain) -> String {
    let magnitude =
      !value.isFinite
      ? "∞" : abs(value) == abs(value).rounded() ? String(Int(abs(value))) : String(abs(value))
    return value < 0 ? style.minus + magnitude : magnitude
  }
}
