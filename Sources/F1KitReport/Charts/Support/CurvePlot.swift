import F1KitAdvice

/// A square-ish plot of curves against two numeric axes, with a legend of
/// one row per entry above it: the frame the ROC, precision–recall,
/// threshold, reliability and score-distribution charts share.
///
/// Coordinates given to the drawing methods are data values; the plot
/// maps them through its scales. Curves are thinned for drawing
/// (``CurvePlot/thinned(_:tolerance:)``): the JSON and `f1kit curves` keep
/// every point.
struct CurvePlot {
  /// One legend row: a line sample (or a swatch) and its text.
  struct LegendEntry {
    /// The text, such as a model's name: shortened, when it does not fit,
    /// together with the other entries' texts so they stay different.
    var text: String
    /// Text after it that is never shortened, such as ` · AP 0.912`.
    var detail = ""
    var color: String
    var dash: String?
    /// The marker shape drawn on the line sample, if any.
    var marker: Int?
    /// A filled swatch instead of a line.
    var isSwatch = false
  }

  var svg: SVGWriter
  let x: LinearScale
  let y: LinearScale
  let left: Double
  let right: Double
  let top: Double
  let bottom: Double

  /// The dash patterns that tell models apart without colour.
  static let dashes: [String?] = [nil, "7 3", "2 3", "9 3 2 3"]

  /// The dash pattern of the *n*th model.
  static func dash(_ index: Int) -> String? { dashes[index % dashes.count] }

  /// Opens a plot: the legend rows, then the plot area and its axes.
  ///
  /// - Parameters:
  ///   - id: The chart's document-unique id.
  ///   - title: The accessible name.
  ///   - description: What the chart shows.
  ///   - legend: The legend rows.
  ///   - extraTop: Room between the legend and the plot, for annotations.
  ///   - xDomain: The horizontal data range.
  ///   - yDomain: The vertical data range.
  ///   - xTitle: The horizontal axis title.
  ///   - yTitle: The vertical axis title.
  ///   - width: The view box width.
  ///   - plotHeight: The plot area's height.
  init(
    id: String, title: String, description: String, legend: [LegendEntry],
    extraTop: Double = 0, xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>,
    xTitle: String, yTitle: String, width: Double = 400, plotHeight: Double = 290
  ) {
    left = 56
    right = width - 14
    // One legend row when every entry fits side by side, else a row each.
    let entryWidths = legend.map {
      46 + TextMetrics.width(of: $0.text + $0.detail, fontSize: 12) + 18
    }
    let isInline = legend.count > 1 && entryWidths.reduce(16, +) <= width - 8
    let rows = isInline ? 1 : legend.count
    top = 12 + Double(rows) * 18 + 8 + extraTop
    bottom = top + plotHeight
    let height = bottom + 44
    svg = SVGWriter(id: id, width: width, height: height, title: title, description: description)
    x = LinearScale(domain: xDomain, from: left, to: right)
    y = LinearScale(domain: yDomain, from: bottom, to: top)
    // Legend: one row, or a row per entry (each text fitted to the room
    // its row leaves beside its detail; inline, every entry fits).
    let shownTexts = TextMetrics.distinctlyFitted(
      legend.map(\.text),
      in: legend.map { width - 16 - 34 - TextMetrics.width(of: $0.detail, fontSize: 12) },
      fontSize: 12)
    var entryX = 16.0
    for (row, entry) in legend.enumerated() {
      let rowY = isInline ? 14 : 14 + Double(row) * 18
      let x0 = isInline ? entryX : 16
      if isInline { entryX += entryWidths[row] }
      let dash = entry.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
      if entry.color.hasPrefix("var(") {
        // A colour of the page's scheme: a dot styled, not filled by attribute.
        svg.raw(
          "<circle cx=\"\(DisplayNumber.coordinate(x0 + 11))\" cy=\"\(DisplayNumber.coordinate(rowY))\" r=\"3.2\" style=\"fill:\(entry.color)\"/>"
        )
      } else if entry.isSwatch {
        svg.rect(
          x: x0, y: rowY - 6, width: 22, height: 11, fill: entry.color,
          extra: " fill-opacity=\"0.35\" stroke=\"\(entry.color)\"" + dash)
      } else {
        svg.line(
          x1: x0, y1: rowY, x2: x0 + 22, y2: rowY, stroke: entry.color,
          extra: " stroke-width=\"2.2\"" + dash)
        if let marker = entry.marker {
          svg.raw(TrainingCurveChart.marker(marker, x: x0 + 11, y: rowY, color: entry.color))
        }
      }
      svg.text(
        shownTexts[row] + entry.detail, x: x0 + 30, y: rowY + 4, className: "legend",
        fullText: entry.text + entry.detail)
    }
  }

  /// Text shortened with an ellipsis until it fits a width.
  static func fitted(_ text: String, width: Double, fontSize: Double) -> String {
    var limit = text.count
    var result = text
    while limit > 2, TextMetrics.width(of: result, fontSize: fontSize) > width {
      limit -= 1
      result = HTMLText.truncated(text, to: limit)
    }
    return result
  }

  /// Grid lines, tick labels and axis titles.
  mutating func drawAxes(
    xTitle: String, yTitle: String, xTicks: Int = 5, yTicks: Int = 5
  ) {
    let yValues = y.ticks(count: yTicks)
    let yStep = yValues.count > 1 ? yValues[1] - yValues[0] : 0.1
    for tick in yValues {
      svg.line(
        x1: left, y1: y.position(tick), x2: right, y2: y.position(tick), className: "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: yStep), x: left - 6, y: y.position(tick) + 4,
        anchor: .end, className: "tick")
    }
    let xValues = x.readableTicks(count: xTicks, fontSize: ChartTextStyle.size(ofClasses: "tick"))
    let xStep = xValues.count > 1 ? xValues[1] - xValues[0] : 0.1
    for tick in xValues {
      svg.line(
        x1: x.position(tick), y1: bottom, x2: x.position(tick), y2: bottom + 4, className: "axis")
      svg.text(
        LinearScale.tickLabel(tick, step: xStep), x: x.position(tick), y: bottom + 17,
        anchor: .middle, className: "tick")
    }
    svg.line(x1: left, y1: bottom, x2: right, y2: bottom, className: "axis")
    svg.line(x1: left, y1: top, x2: left, y2: bottom, className: "axis")
    svg.wrappedText(
      xTitle, x: (left + right) / 2, y: bottom + 36, className: "axis-title")
    let middle = DisplayNumber.coordinate((top + bottom) / 2)
    svg.text(
      yTitle, x: 14, y: (top + bottom) / 2, anchor: .middle, className: "axis-title",
      extra: " transform=\"rotate(-90 14 \(middle))\"")
  }

  /// The pixel position of a data point.
  func point(_ value: (Double, Double)) -> (Double, Double) {
    (x.clampedPosition(value.0), y.clampedPosition(value.1))
  }

  /// Draws a polyline through data points, thinned for drawing.
  mutating func curve(
    _ points: [(Double, Double)], color: String, dash: String?, width: Double = 2.2,
    opacity: Double? = nil
  ) {
    let pixels = Self.thinned(points.filter { $0.0.isFinite && $0.1.isFinite }.map(point))
    guard pixels.count > 1 else { return }
    let list = pixels.map {
      "\(DisplayNumber.coordinate($0.0)),\(DisplayNumber.coordinate($0.1))"
    }.joined(separator: " ")
    svg.raw(
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(DisplayNumber.coordinate(width))\""
        + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
        + (opacity.map { " stroke-opacity=\"\(DisplayNumber.coordinate($0))\"" } ?? "")
        + " stroke-linejoin=\"round\"/>")
  }

  /// A step curve in scikit-learn's `steps-post` style: from each point
  /// across to the next point's x, then to its y.
  static func steps(_ points: [(Double, Double)]) -> [(Double, Double)] {
    guard var previous = points.first else { return [] }
    var result = [previous]
    for next in points.dropFirst() {
      result.append((next.0, previous.1))
      result.append(next)
      previous = next
    }
    return result
  }

  /// Pixel points thinned for drawing: a point is kept when it lies at
  /// least `tolerance` pixels (horizontally or vertically) from the last
  /// point kept, so the drawn line is never more than `tolerance` pixels
  /// from the curve and has at most a few points per pixel of its length,
  /// however many items there are. The first and last points are always
  /// kept.
  ///
  /// - Complexity: O(*n*).
  static func thinned(_ points: [(Double, Double)], tolerance: Double = 0.6)
    -> [(Double, Double)]
  {
    guard points.count > 2 else { return points }
    var kept = [points[0]]
    var last = points[0]
    for point in points.dropFirst().dropLast()
    where abs(point.0 - last.0) >= tolerance || abs(point.1 - last.1) >= tolerance {
      kept.append(point)
      last = point
    }
    kept.append(points[points.count - 1])
    return kept
  }

  /// A vertical marker line at a data x, with a label above the plot in
  /// one of two rows, kept inside the view box.
  mutating func verticalMarker(
    at value: Double, label: String, row: Int, className: String, dash: String?
  ) {
    let px = x.clampedPosition(value)
    svg.line(
      x1: px, y1: top - 2 - Double(1 - row) * 14, x2: px, y2: bottom, className: className,
      extra: dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
    let textY = top - 6 - Double(1 - row) * 14
    let available = right - left
    let text = Self.fitted(label, width: available, fontSize: 11)
    let textWidth = TextMetrics.width(of: text, fontSize: 11)
    // Beside the line, on whichever side has room.
    if px + 4 + textWidth <= svg.width - 2 {
      svg.text(text, x: px + 4, y: textY, className: "note-text", fullText: label)
    } else if px - 4 - textWidth >= 2 {
      svg.text(text, x: px - 4, y: textY, anchor: .end, className: "note-text", fullText: label)
    } else {
      svg.text(
        text, x: svg.width - 2, y: textY, anchor: .end, className: "note-text", fullText: label)
    }
  }

  /// Closes the chart.
  func finished() -> String { svg.finished() }
}
