extension LinearScale {
  /// Round tick values, at most about `count` of them, and fewer when their
  /// labels would otherwise run together: neighbouring ticks are at least
  /// as far apart as the widest label and a gap of `gap` units.
  ///
  /// - Parameters:
  ///   - count: The most ticks wanted, as in ``ticks(count:)``.
  ///   - fontSize: The labels' font size.
  ///   - gap: The least room between two neighbouring labels.
  ///   - label: The label of a tick, given its value and the step between
  ///     ticks.
  /// - Returns: The tick values.
  func readableTicks(
    count: Int = 5, fontSize: Double, gap: Double = 6,
    label: (_ value: Double, _ step: Double) -> String = LinearScale.tickLabel
  ) -> [Double] {
    var fewest: [Double] = []
    for wanted in stride(from: max(count, 1), through: 1, by: -1) {
      let values = ticks(count: wanted)
      guard values.count > 1 else { return values }
      let step = values[1] - values[0]
      let spacing = abs(position(values[1]) - position(values[0]))
      let widest =
        values.map { TextMetrics.width(of: label($0, step), fontSize: fontSize) }.max() ?? 0
      if spacing >= widest + gap { return values }
      fewest = values
    }
    return fewest
  }
}
