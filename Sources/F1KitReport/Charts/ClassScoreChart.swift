import F1Kit
import F1KitAdvice

/// Horizontal bars of each class's precision, recall and F1, with interval
/// whiskers: the picture of a classification report.
struct ClassScoreChart {
  let id: String
  let modelName: String
  let rows: [ClassScores]
  /// Intervals aligned with `rows`; `nil` where none were computed.
  let intervals: [ClassIntervals?]

  static let width = 520.0

  func render() -> String {
    let isDense = rows.count > 30
    let barHeight = isDense ? 5.0 : 8.0
    let gap = isDense ? 7.0 : 12.0
    let band = 3 * barHeight + gap
    let longest = rows.map(\.label.count).max() ?? 4
    let labelLimit = min(max(longest, 4), 22)
    let left = Double(labelLimit) * 6.6 + 14
    let top = 34.0
    let bottom = 34.0
    let right = 18.0
    let height = top + band * Double(rows.count) + bottom
    let scale = LinearScale(domain: 0...1, from: left, to: Self.width - right)
    var svg = SVGWriter(
      id: id, width: Self.width, height: height,
      title: "Per-class precision, recall and F1 of \(modelName)",
      description:
        "Horizontal bars for each of \(rows.count) classes: precision, recall and F1 from 0 to 1"
        + (intervals.contains { $0 != nil } ? ", with whiskers showing 95% intervals." : ".")
        + " The table after the chart lists the values.")
    // Legend.
    let legend: [(String, String)] = [
      ("Precision", ChartColor.precision), ("Recall", ChartColor.recall), ("F1", ChartColor.f1),
    ]
    var legendX = 8.0
    for (name, color) in legend {
      svg.rect(x: legendX, y: 10, width: 12, height: 12, fill: color)
      svg.text(name, x: legendX + 17, y: 20.5, className: "legend")
      legendX += 17 + TextMetrics.width(of: name, fontSize: 12) + 18
    }
    if intervals.contains(where: { $0 != nil }) {
      svg.line(x1: legendX, y1: 16, x2: legendX + 16, y2: 16, className: "whisker")
      svg.line(x1: legendX, y1: 12, x2: legendX, y2: 20, className: "whisker")
      svg.line(x1: legendX + 16, y1: 12, x2: legendX + 16, y2: 20, className: "whisker")
      svg.text("95% interval", x: legendX + 22, y: 20.5, className: "legend")
      legendX += 22 + TextMetrics.width(of: "95% interval", fontSize: 12) + 18
    }
    let isDegenerate = intervals.contains { classIntervals in
      [classIntervals?.precision, classIntervals?.recall, classIntervals?.f1].contains {
        $0?.isDegenerate == true
      }
    }
    if isDegenerate {
      svg.raw(ClassComparisonChart.diamond(x: legendX + 6, y: 16))
      svg.text("degenerate interval", x: legendX + 16, y: 20.5, className: "legend")
    }
    // Bands and grid.
    for index in rows.indices where index % 2 == 1 {
      svg.rect(
        x: 0, y: top + band * Double(index) - gap / 2, width: Self.width, height: band,
        className: "band")
    }
    let plotBottom = top + band * Double(rows.count) - gap / 2
    for tick in stride(from: 0.0, through: 1.0, by: 0.2) {
      let x = scale.position(tick)
      svg.line(x1: x, y1: top - 6, x2: x, y2: plotBottom, className: tick == 0 ? "axis" : "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: 0.2), x: x, y: plotBottom + 16, anchor: .middle,
        className: "tick")
    }
    svg.text(
      "Score", x: (left + Self.width - right) / 2, y: plotBottom + 30, anchor: .middle,
      className: "axis-title")
    // Bars.
    for (index, row) in rows.enumerated() {
      let y0 = top + band * Double(index)
      svg.label(
        row.label, limit: labelLimit, x: left - 8, y: y0 + 1.5 * barHeight + 4, anchor: .end,
        className: "category")
      let scores: [(String, Double, ClosedRange<Double>?, String)] = [
        ("precision", row.precision, intervals[index]?.precision?.range, ChartColor.precision),
        ("recall", row.recall, intervals[index]?.recall?.range, ChartColor.recall),
        ("F1", row.fScore, intervals[index]?.f1?.range, ChartColor.f1),
      ]
      for (position, (name, value, interval, color)) in scores.enumerated() {
        let y = y0 + Double(position) * barHeight
        var tooltip = "\(row.label): \(name) \(DisplayNumber.score(value))"
        if let interval { tooltip += " \(DisplayNumber.interval(interval))" }
        if value.isNaN {
          svg.text("undefined", x: left + 4, y: y + barHeight - 1, className: "note-text")
          continue
        }
        // A zero still gets a sliver, so it does not read as missing.
        svg.rect(
          x: left, y: y + 0.5, width: max(scale.clampedPosition(value) - left, 1.5),
          height: barHeight - 1, fill: color, tooltip: rows.count <= 30 ? tooltip : nil)
        if let interval, interval.upperBound - interval.lowerBound <= 1e-12 {
          svg.raw(
            ClassComparisonChart.diamond(
              x: scale.clampedPosition(interval.lowerBound), y: y + barHeight / 2))
        } else if let interval {
          let middle = y + barHeight / 2
          let low = scale.clampedPosition(interval.lowerBound)
          let high = scale.clampedPosition(interval.upperBound)
          svg.line(x1: low, y1: middle, x2: high, y2: middle, className: "whisker")
          svg.line(x1: low, y1: y + 1, x2: low, y2: y + barHeight - 1, className: "whisker")
          svg.line(x1: high, y1: y + 1, x2: high, y2: y + barHeight - 1, className: "whisker")
        }
      }
    }
    return svg.finished()
  }
}
