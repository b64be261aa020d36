import F1KitAdvice
import F1KitStatistics

/// Every model's F1 for each class side by side: one band per class, one
/// bar per model in the model's colour, with interval whiskers.
///
/// A degenerate interval (no width: every resample gave the same value,
/// as for a class a model never predicts) is drawn as a hollow diamond in
/// the warning colour and named in the legend, so that it does not read
/// as certainty.
struct ClassComparisonChart: ResponsiveChart {
  /// One class.
  struct ClassRow {
    var label: String
    /// Each model's F1, in model order.
    var scores: [Double]
    /// Each model's F1 interval, in model order; `nil` where none.
    var intervals: [ConfidenceInterval?]
  }

  var id: String
  let modelNames: [String]
  let rows: [ClassRow]

  /// The width of the view box.
  var width = 640.0

  func render() -> String {
    let modelCount = max(modelNames.count, 1)
    let barHeight = rows.count > 30 ? 5.0 : 9.0
    let gap = rows.count > 30 ? 7.0 : 12.0
    let band = barHeight * Double(modelCount) + gap
    let fontSize = ChartTextStyle.size(ofClasses: "category")
    let legendFont = ChartTextStyle.size(ofClasses: "legend")
    // On a phone, labels get the room the per-class precision, recall and
    // F1 chart gives them, so the plot keeps more than half the width.
    let labelWidth = min(
      width <= ChartLayout.narrowWidth ? ClassScoreChart.widestLabelWidth : 200,
      max(rows.map { TextMetrics.width(of: $0.label, fontSize: fontSize) }.max() ?? 30, 30))
    let left = labelWidth + 16
    let right = 52.0
    let hasIntervals = rows.contains { $0.intervals.contains { $0 != nil } }
    let hasDegenerate = rows.contains { $0.intervals.contains { $0?.isDegenerate == true } }
    // The legend wraps onto as many rows as it needs.
    var legend: [(x: Double, row: Int, text: String, kind: Int)] = []
    var x = left
    var legendRow = 0
    // A name is cut to 40 characters, and to a legend row of its own;
    // names shortened together stay different.
    var entries = TextMetrics.distinctlyFitted(
      modelNames, in: width - 4 - left - 18, fontSize: legendFont, characterLimit: 40
    ).enumerated().map { ($0.element, $0.offset) }
    if hasIntervals { entries.append(("95% interval", -1)) }
    if hasDegenerate { entries.append(("degenerate interval", -2)) }
    for (text, kind) in entries {
      let itemWidth = 18 + TextMetrics.width(of: text, fontSize: legendFont) + 18
      if x + itemWidth > width - 4 && x > left {
        legendRow += 1
        x = left
      }
      legend.append((x, legendRow, text, kind))
      x += itemWidth
    }
    let top = 18.0 + 18 * Double(legendRow + 1)
    let plotBottom = top + band * Double(rows.count) - gap / 2
    let height = plotBottom + 36
    let scale = LinearScale(domain: 0...1, from: left, to: width - right)
    var svg = SVGWriter(
      id: id, width: width, height: height,
      title: "Per-class F1 of every model",
      description:
        "For each of \(rows.count) classes, one horizontal bar per model (\(modelNames.joined(separator: ", "))) "
        + "showing its F1 from 0 to 1"
        + (hasIntervals ? ", with whiskers for 95% intervals" : "")
        + (hasDegenerate ? "; a hollow diamond marks a degenerate interval, one with no width" : "")
        + ". The table after the chart lists the values.")
    for item in legend {
      let y = 4 + 18 * Double(item.row)
      switch item.kind {
      case -1:
        svg.whisker(low: item.x, high: item.x + 14, y: y + 8, capTop: y + 4, capBottom: y + 12)
      case -2:
        svg.raw(Self.diamond(x: item.x + 7, y: y + 8))
      default:
        svg.rect(x: item.x, y: y + 2, width: 12, height: 12, fill: ChartColor.model(item.kind))
      }
      svg.text(
        item.text, x: item.x + 18, y: y + 12.5, className: "legend",
        fullText: item.kind >= 0 ? modelNames[item.kind] : nil)
    }
    for index in rows.indices where index % 2 == 1 {
      svg.rect(
        x: 0, y: top + band * Double(index) - gap / 2, width: width, height: band,
        className: "band")
    }
    let ticks = scale.readableTicks(fontSize: ChartTextStyle.size(ofClasses: "tick"))
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    for tick in ticks {
      let position = scale.position(tick)
      svg.line(
        x1: position, y1: top - 6, x2: position, y2: plotBottom,
        className: tick == 0 ? "axis" : "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: step), x: position, y: plotBottom + 16, anchor: .middle,
        className: "tick")
    }
    svg.text(
      "F1", x: (left + width - right) / 2, y: plotBottom + 30, anchor: .middle,
      className: "axis-title")
    for (index, row) in rows.enumerated() {
      let y0 = top + band * Double(index)
      svg.text(
        TextMetrics.fitted(row.label, in: labelWidth, fontSize: fontSize), x: left - 8,
        y: y0 + barHeight * Double(modelCount) / 2 + 4, anchor: .end, className: "category",
        fullText: row.label)
      for (model, value) in row.scores.enumerated() {
        let y = y0 + barHeight * Double(model)
        let interval = model < row.intervals.count ? row.intervals[model] : nil
        var tooltip = "\(row.label), \(modelNames[model]): F1 \(DisplayNumber.score(value))"
        if let interval {
          tooltip += " \(DisplayNumber.interval(interval))"
          if interval.isDegenerate { tooltip += " (degenerate interval)" }
        }
        guard value.isFinite else {
          svg.text("undefined", x: left + 4, y: y + barHeight, className: "note-text")
          continue
        }
        svg.rect(
          x: left, y: y + 0.5, width: max(scale.clampedPosition(value) - left, 1.5),
          height: barHeight - 1, fill: ChartColor.model(model),
          tooltip: rows.count <= 30 ? tooltip : nil)
        guard let interval else { continue }
        let middle = y + barHeight / 2
        if interval.isDegenerate {
          svg.raw(Self.diamond(x: scale.clampedPosition(interval.lower), y: middle))
        } else {
          let low = scale.clampedPosition(interval.lower)
          let high = scale.clampedPosition(interval.upper)
          svg.whisker(
            low: low, high: high, y: middle, capTop: y + 1, capBottom: y + barHeight - 1)
        }
      }
    }
    return svg.finished()
  }

  /// A hollow diamond in the warning colour: a degenerate interval.
  static func diamond(x: Double, y: Double) -> String {
    func c(_ value: Double) -> String { DisplayNumber.coordinate(value) }
    return
      "<path class=\"degenerate-mark\" d=\"M\(c(x)) \(c(y - 5))L\(c(x + 5)) \(c(y))L\(c(x)) \(c(y + 5))L\(c(x - 5)) \(c(y))Z\"/>"
  }
}
