import F1Kit
import F1KitAdvice

/// Horizontal bars of each class's precision, recall and F1, with interval
/// whiskers: the picture of a classification report.
struct ClassScoreChart: ResponsiveChart {
  var id: String
  let modelName: String
  let rows: [ClassScores]
  /// Intervals aligned with `rows`; `nil` where none were computed.
  let intervals: [ClassIntervals?]

  /// The width of the view box.
  var width = 520.0

  /// The most characters a class label keeps.
  static let labelCharacterLimit = 22

  /// The widest a class label is drawn: ``labelCharacterLimit`` characters
  /// at 6.6 units each, with 4 to spare. The phone drawing of every
  /// model's per-class F1 keeps its labels to this too.
  static let widestLabelWidth = Double(labelCharacterLimit) * 6.6 + 4

  func render() -> String {
    let isDense = rows.count > 30
    let barHeight = isDense ? 5.0 : 8.0
    let gap = isDense ? 7.0 : 12.0
    let band = 3 * barHeight + gap
    let longest = rows.map(\.label.count).max() ?? 4
    let labelLimit = min(max(longest, 4), Self.labelCharacterLimit)
    let left = Double(labelLimit) * 6.6 + 14
    let hasIntervals = intervals.contains { $0 != nil }
    let isDegenerate = intervals.contains { classIntervals in
      [classIntervals?.precision, classIntervals?.recall, classIntervals?.f1].contains {
        $0?.isDegenerate == true
      }
    }
    // The legend wraps onto as many rows as the width needs.
    enum Key {
      case swatch(String)
      case interval
      case degenerate
    }
    var keys: [(text: String, key: Key)] = [
      ("Precision", .swatch(ChartColor.precision)), ("Recall", .swatch(ChartColor.recall)),
      ("F1", .swatch(ChartColor.f1)),
    ]
    if hasIntervals { keys.append(("95% interval", .interval)) }
    if isDegenerate { keys.append(("degenerate interval", .degenerate)) }
    let legendFont = ChartTextStyle.size(ofClasses: "legend")
    var legend: [(x: Double, row: Int, text: String, key: Key)] = []
    var legendX = 8.0
    var legendRow = 0
    for (text, key) in keys {
      let symbolWidth: Double
      switch key {
      case .swatch: symbolWidth = 17
      case .interval: symbolWidth = 22
      case .degenerate: symbolWidth = 16
      }
      let itemWidth = symbolWidth + TextMetrics.width(of: text, fontSize: legendFont) + 18
      if legendX + itemWidth - 18 > width - 4 && legendX > 8 {
        legendRow += 1
        legendX = 8
      }
      legend.append((legendX, legendRow, text, key))
      legendX += itemWidth
    }
    let top = 34.0 + 18 * Double(legendRow)
    let bottom = 34.0
    let right = 18.0
    let height = top + band * Double(rows.count) + bottom
    let scale = LinearScale(domain: 0...1, from: left, to: width - right)
    var svg = SVGWriter(
      id: id, width: width, height: height,
      title: "Per-class precision, recall and F1 of \(modelName)",
      description:
        "Horizontal bars for each of \(rows.count) classes: precision, recall and F1 from 0 to 1"
        + (hasIntervals ? ", with whiskers showing 95% intervals." : ".")
        + " The table after the chart lists the values.")
    for item in legend {
      let y = 18 * Double(item.row)
      switch item.key {
      case .swatch(let color):
        svg.rect(x: item.x, y: y + 10, width: 12, height: 12, fill: color)
        svg.text(item.text, x: item.x + 17, y: y + 20.5, className: "legend")
      case .interval:
        svg.whisker(low: item.x, high: item.x + 16, y: y + 16, capTop: y + 12, capBottom: y + 20)
        svg.text(item.text, x: item.x + 22, y: y + 20.5, className: "legend")
      case .degenerate:
        svg.raw(ClassComparisonChart.diamond(x: item.x + 6, y: y + 16))
        svg.text(item.text, x: item.x + 16, y: y + 20.5, className: "legend")
      }
    }
    // Bands and grid.
    for index in rows.indices where index % 2 == 1 {
      svg.rect(
        x: 0, y: top + band * Double(index) - gap / 2, width: width, height: band,
        className: "band")
    }
    let plotBottom = top + band * Double(rows.count) - gap / 2
    let ticks = scale.readableTicks(fontSize: ChartTextStyle.size(ofClasses: "tick"))
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    for tick in ticks {
      let x = scale.position(tick)
      svg.line(x1: x, y1: top - 6, x2: x, y2: plotBottom, className: tick == 0 ? "axis" : "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: step), x: x, y: plotBottom + 16, anchor: .middle,
        className: "tick")
    }
    svg.text(
      "Score", x: (left + width - right) / 2, y: plotBottom + 30, anchor: .middle,
      className: "axis-title")
    // Bars.
    for (index, row) in rows.enumerated() {
      let y0 = top + band * Double(index)
      svg.label(
        row.label, limit: labelLimit, maximumWidth: left - 10, x: left - 8,
        y: y0 + 1.5 * barHeight + 4, anchor: .end, className: "category")
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
          svg.whisker(
            low: low, high: high, y: middle, capTop: y + 1, capBottom: y + barHeight - 1)
        }
      }
    }
    return svg.finished()
  }
}
