import F1KitAdvice
import Foundation

/// The difference between models per metric, a point with its interval
/// whisker around a line at zero: the forest plot of a model comparison.
///
/// The label column and the annotation column are as wide as their longest
/// text (measured with ``TextMetrics``), so nothing is cut off; rows of
/// several pairs are grouped under a heading per pair.
struct ForestPlot: ResponsiveChart {
  struct Row {
    var label: String
    var difference: Double
    var interval: ClosedRange<Double>?
    var annotation: String
    var colorIndex: Int
    /// The pair the row belongs to, drawn as a heading above its rows.
    var group: String? = nil
  }

  var id: String
  let title: String
  let axisTitle: String
  let rows: [Row]

  /// The width the plot aims for; wider when its labels need it, and
  /// stacked (see ``ForestRowLayout``) when narrow.
  var width = 720.0
  /// The narrowest the plotting area between the columns gets.
  static let minimumPlotWidth = 220.0
  /// The widest the label column gets; longer labels are shortened.
  static let maximumLabelWidth = 300.0

  /// The rows in drawing order: a heading (`row == nil`) before each
  /// group's rows.
  var lines: [(heading: String?, row: Row?)] {
    var result: [(heading: String?, row: Row?)] = []
    var previous: String?
    for row in rows {
      if let group = row.group, group != previous {
        result.append((group, nil))
        previous = group
      }
      result.append((nil, row))
    }
    return result
  }

  /// The pair headings as drawn. A heading too wide for its room has each
  /// of its two model names (`second − first`) shortened to half the room,
  /// the names of every heading together, so that different pairs still
  /// read differently and both names keep their distinguishing ends.
  ///
  /// - Parameters:
  ///   - headings: The headings, each two names joined by ` − `.
  ///   - room: The widest a heading may be drawn.
  ///   - fontSize: The headings' font size.
  /// - Returns: Each heading or its shortened form, in the same order.
  static func shownHeadings(_ headings: [String], in room: Double, fontSize: Double) -> [String] {
    let separator = " − "
    let pairs = headings.map { $0.components(separatedBy: separator) }
    guard pairs.allSatisfy({ $0.count == 2 }) else {
      return TextMetrics.distinctlyFitted(headings, in: room, fontSize: fontSize)
    }
    var names: [String] = []
    for name in pairs.joined() where !names.contains(name) { names.append(name) }
    let nameRoom = (room - TextMetrics.width(of: separator, fontSize: fontSize)) / 2
    let shortNames = Dictionary(
      uniqueKeysWithValues: zip(
        names, TextMetrics.distinctlyFitted(names, in: nameRoom, fontSize: fontSize)))
    return zip(headings, pairs).map { heading, pair in
      TextMetrics.width(of: heading, fontSize: fontSize) <= room
        ? heading : pair.map { shortNames[$0] ?? $0 }.joined(separator: separator)
    }
  }

  func render() -> String {
    let fontSize = ChartTextStyle.size(ofClasses: "category")
    let indent = rows.contains { $0.group != nil } ? 12.0 : 0
    let layout = ForestRowLayout(
      labels: rows.map(\.label), annotations: rows.map(\.annotation), indent: indent,
      preferredWidth: width, minimumPlotWidth: Self.minimumPlotWidth,
      maximumLabelWidth: Self.maximumLabelWidth, columnRowHeight: 26)
    let (rowHeight, labelWidth, width) = (layout.rowHeight, layout.labelWidth, layout.width)
    let (left, right) = (layout.left, layout.right)
    let top = 16.0
    let lines = self.lines
    let plotBottom = top + rowHeight * Double(lines.count)
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
    let scale = LinearScale(domain: -symmetric...symmetric, from: left + 8, to: right - 8)
    var svg = SVGWriter(
      id: id, width: width, height: height, title: title,
      description:
        "For each metric, the difference between two models as a dot"
        + (rows.contains { $0.interval != nil } ? " with a line for its 95% interval" : "")
        + "; the vertical line marks no difference, and right of it the second model of the pair scores higher than the first. "
        + "The table after the chart lists the values.")
    // Backgrounds first: a band behind every other row, none behind
    // headings; then the grid, which skips the heading rows.
    for (index, line) in lines.enumerated() where line.row != nil && index % 2 == 1 {
      svg.rect(
        x: 0, y: top + rowHeight * Double(index), width: width, height: rowHeight,
        className: "band")
    }
    var segments: [(Double, Double)] = []
    var segmentStart = top - 4
    for (index, line) in lines.enumerated() where line.heading != nil {
      let headingTop = top + rowHeight * Double(index)
      if headingTop > segmentStart { segments.append((segmentStart, headingTop)) }
      segmentStart = headingTop + rowHeight
    }
    if plotBottom > segmentStart { segments.append((segmentStart, plotBottom)) }
    let ticks = scale.readableTicks(
      count: 4, fontSize: ChartTextStyle.size(ofClasses: "tick"),
      label: { value, step in
        (value > step / 1e6 ? "+" : "") + LinearScale.tickLabel(value, step: step)
      })
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : symmetric
    for tick in ticks {
      let x = scale.position(tick)
      for (start, end) in segments {
        svg.line(
          x1: x, y1: start, x2: x, y2: end,
          className: abs(tick) < step / 1e6 ? "zero-line" : "grid")
      }
      svg.text(
        (tick > step / 1e6 ? "+" : "") + LinearScale.tickLabel(tick, step: step), x: x,
        y: plotBottom + 16, anchor: .middle, className: "tick")
    }
    svg.wrappedText(
      axisTitle, x: (left + right) / 2, y: plotBottom + 32, className: "axis-title")
    let headings = lines.compactMap(\.heading)
    let shownHeadings = Dictionary(
      zip(headings, Self.shownHeadings(headings, in: (width - 8) / 1.2, fontSize: fontSize)),
      uniquingKeysWith: { first, _ in first })
    for (index, line) in lines.enumerated() {
      let rowTop = top + rowHeight * Double(index)
      if let heading = line.heading {
        svg.text(
          shownHeadings[heading] ?? heading, x: 4,
          y: rowTop + rowHeight / 2 + 4, className: "category group-heading", fullText: heading)
        continue
      }
      guard let row = line.row else { continue }
      let label = layout.label(top: rowTop, indent: indent)
      svg.text(
        TextMetrics.fitted(row.label, in: labelWidth - indent, fontSize: fontSize), x: label.x,
        y: label.y, anchor: label.anchor, className: "category" + layout.halo, fullText: row.label)
      let y = layout.whisker(top: rowTop)
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
      let annotation = layout.annotation(top: rowTop)
      svg.text(
        row.annotation, x: annotation.x, y: annotation.y, anchor: annotation.anchor,
        className: "value" + layout.halo)
    }
    return svg.finished()
  }

  private func c(_ value: Double) -> String { DisplayNumber.coordinate(value) }
}
