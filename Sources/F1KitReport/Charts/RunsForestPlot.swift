import F1KitAdvice
import Foundation

/// Each model's mean over its training runs with its interval, and a dot
/// for every run: the forest plot of an experiment with several runs per
/// model.
///
/// The dots show the seed-to-seed spread the interval has to cover; a
/// model with one run has one dot, on its mean.
struct RunsForestPlot: ResponsiveChart {
  struct Row {
    var label: String
    var mean: Double
    var interval: ClosedRange<Double>?
    var runs: [Double]
    var annotation: String
    var colorIndex: Int
  }

  var id: String
  let title: String
  let axisTitle: String
  let rows: [Row]

  /// The width the plot aims for; wider when its labels need it, and
  /// stacked (see ``ForestRowLayout``) when narrow.
  var width = 720.0
  /// The narrowest the plotting area between the columns gets.
  static let minimumPlotWidth = 240.0
  /// The widest the label column gets; longer labels are shortened.
  static let maximumLabelWidth = 260.0

  func render() -> String {
    let fontSize = ChartTextStyle.size(ofClasses: "category")
    let layout = ForestRowLayout(
      labels: rows.map(\.label), annotations: rows.map(\.annotation),
      preferredWidth: width, minimumPlotWidth: Self.minimumPlotWidth,
      maximumLabelWidth: Self.maximumLabelWidth, columnRowHeight: 34)
    let (rowHeight, labelWidth, width) = (layout.rowHeight, layout.labelWidth, layout.width)
    let (left, right) = (layout.left, layout.right)
    let top = 12.0
    let plotBottom = top + rowHeight * Double(rows.count)
    let height = plotBottom + 44
    let values =
      rows.flatMap { row in
        [row.mean, row.interval?.lowerBound ?? row.mean, row.interval?.upperBound ?? row.mean]
          + row.runs
      }.filter(\.isFinite)
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    let pad = max((high - low) * 0.08, 0.005)
    low -= pad
    high += pad
    let domain = LinearScale.niceDomain(low...high, count: 5)
    let scale = LinearScale(domain: domain, from: left + 8, to: right - 8)
    var svg = SVGWriter(
      id: id, width: width, height: height, title: title,
      description:
        "For each model, the mean over its training runs as a diamond with a line for its interval, "
        + "and one hollow dot per run. The table after the chart lists the values.")
    for index in rows.indices where index % 2 == 1 {
      svg.rect(
        x: 0, y: top + rowHeight * Double(index), width: width, height: rowHeight,
        className: "band")
    }
    let ticks = scale.readableTicks(count: 5, fontSize: ChartTextStyle.size(ofClasses: "tick"))
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 0.1
    for tick in ticks {
      let x = scale.position(tick)
      svg.line(x1: x, y1: top - 4, x2: x, y2: plotBottom, className: "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: step), x: x, y: plotBottom + 16, anchor: .middle,
        className: "tick")
    }
    svg.wrappedText(
      axisTitle, x: (left + right) / 2, y: plotBottom + 32, className: "axis-title")
    // Model names shortened together stay different.
    let shownLabels = TextMetrics.distinctlyFitted(
      rows.map(\.label), in: labelWidth, fontSize: fontSize)
    for (index, row) in rows.enumerated() {
      let rowTop = top + rowHeight * Double(index)
      let label = layout.label(top: rowTop)
      svg.text(
        shownLabels[index], x: label.x,
        y: label.y, anchor: label.anchor, className: "category" + layout.halo, fullText: row.label)
      let y = layout.whisker(top: rowTop)
      let color = ChartColor.model(row.colorIndex)
      if let interval = row.interval {
        let from = scale.clampedPosition(interval.lowerBound)
        let to = scale.clampedPosition(interval.upperBound)
        svg.line(x1: from, y1: y, x2: to, y2: y, stroke: color, extra: " stroke-width=\"2.5\"")
        svg.line(
          x1: from, y1: y - 5, x2: from, y2: y + 5, stroke: color, extra: " stroke-width=\"2\"")
        svg.line(x1: to, y1: y - 5, x2: to, y2: y + 5, stroke: color, extra: " stroke-width=\"2\"")
      }
      // Runs just below the line, so a run on the mean stays visible.
      for (run, value) in row.runs.enumerated() where value.isFinite {
        svg.raw(
          "<circle cx=\"\(c(scale.clampedPosition(value)))\" cy=\"\(c(y + 9))\" r=\"3.5\" "
            + "fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" class=\"run-dot\">"
            + "<title>\(HTMLText.escape("\(row.label), run \(run + 1): \(DisplayNumber.score(value))"))</title></circle>"
        )
      }
      if row.mean.isFinite {
        let x = scale.clampedPosition(row.mean)
        svg.raw(
          "<path d=\"M\(c(x)) \(c(y - 6))L\(c(x + 6)) \(c(y))L\(c(x)) \(c(y + 6))L\(c(x - 6)) \(c(y))Z\" "
            + "fill=\"\(color)\" class=\"marker\"/>")
      }
      let annotation = layout.annotation(top: rowTop)
      svg.text(
        row.annotation, x: annotation.x, y: annotation.y, anchor: annotation.anchor,
        className: "value" + layout.halo)
    }
    return svg.finished()
  }

  private func c(_ value: Double) -> String { DisplayNumber.coordinate(value) }
}
