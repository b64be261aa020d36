import F1KitAdvice
import Foundation

/// The difference between models per metric, a point with its interval
/// whisker around a line at zero: the forest plot of a model comparison.
struct ForestPlot {
  struct Row {
    var label: String
    var difference: Double
    var interval: ClosedRange<Double>?
    var annotation: String
    var colorIndex: Int
  }

  let id: String
  let title: String
  let axisTitle: String
  let rows: [Row]

  static let width = 640.0

  func render() -> String {
    let rowHeight = 26.0
    let longest = rows.map(\.label.count).max() ?? 8
    let labelLimit = min(max(longest, 8), 34)
    let left = Double(labelLimit) * 6.4 + 14
    let annotationWidth = 214.0
    let right = Self.width - annotationWidth
    let top = 16.0
    let plotBottom = top + rowHeight * Double(rows.count)
    let height = plotBottom + 44
    var extent =
      rows.flatMap { row in
        [
          abs(row.difference), abs(row.interval?.lowerBound ?? 0),
          abs(row.interval?.upperBound ?? 0),
        ]
      }.filter(\.isFinite).max() ?? 0.01
    extent = max(extent * 1.1, 0.005)
    let domain = LinearScale.niceDomain(-extent...extent, count: 4)
    let symmetric = max(abs(domain.lowerBound), abs(domain.upperBound))
    let scale = LinearScale(domain: -symmetric...symmetric, from: left, to: right - 10)
    var svg = SVGWriter(
      id: id, width: Self.width, height: height, title: title,
      description:
        "For each metric, the difference between two models as a dot"
        + (rows.contains { $0.interval != nil } ? " with a line for its 95% interval" : "")
        + "; the vertical line marks no difference, and right of it the second model of the pair scores higher than the first. "
        + "The table after the chart lists the values.")
    let ticks = scale.ticks(count: 4)
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : symmetric
    for tick in ticks {
      let x = scale.position(tick)
      svg.line(
        x1: x, y1: top - 4, x2: x, y2: plotBottom,
        className: abs(tick) < step / 1e6 ? "zero-line" : "grid")
      svg.text(
        (tick > step / 1e6 ? "+" : "") + LinearScale.tickLabel(tick, step: step), x: x,
        y: plotBottom + 16, anchor: .middle, className: "tick")
    }
    svg.text(
      axisTitle, x: (left + right - 10) / 2, y: plotBottom + 32,
      anchor: .middle, className: "axis-title")
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * (Double(index) + 0.5)
      if index % 2 == 1 {
        svg.rect(
          x: 0, y: y - rowHeight / 2, width: Self.width, height: rowHeight, className: "band")
      }
      svg.label(
        row.label, limit: labelLimit, x: left - 8, y: y + 4, anchor: .end, className: "category")
      let color = ChartColor.model(row.colorIndex)
      if let interval = row.interval {
        let low = scale.clampedPosition(interval.lowerBound)
        let high = scale.clampedPosition(interval.upperBound)
        svg.line(x1: low, y1: y, x2: high, y2: y, stroke: color, extra: " stroke-width=\"2.5\"")
        svg.line(
          x1: low, y1: y - 5, x2: low, y2: y + 5, stroke: color, extra: " stroke-width=\"2\"")
        svg.line(
          x1: high, y1: y - 5, x2: high, y2: y + 5, stroke: color, extra: " stroke-width=\"2\"")
      }
      if row.difference.isFinite {
        let x = scale.clampedPosition(row.difference)
        svg.raw(
          "<path d=\"M\(c(x)) \(c(y - 6))L\(c(x + 6)) \(c(y))L\(c(x)) \(c(y + 6))L\(c(x - 6)) \(c(y))Z\" "
            + "fill=\"\(color)\" class=\"marker\"/>")
      }
      svg.text(row.annotation, x: right + 4, y: y + 4, className: "value")
    }
    return svg.finished()
  }

  private func c(_ value: Double) -> String { DisplayNumber.coordinate(value) }
}
