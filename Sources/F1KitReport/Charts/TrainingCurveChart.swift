import F1KitAdvice
import Foundation

/// Metrics against training steps, one line per metric, with epoch
/// boundaries marked. Evaluations outside training (epoch and steps -1) are
/// left off the step axis; each run of a log holding several is its own
/// line, earlier runs dashed.
struct TrainingCurveChart: ResponsiveChart {
  var id: String
  let curve: TrainingCurve
  let metricIndices: [Int]

  /// The width of the view box.
  var width = 560.0

  func render() -> String {
    let charted = curve.chartedPointIndices
    let points = charted.map { curve.points[$0] }
    let runs = curve.runs()
    let runOfPoint = charted.map { index in runs.firstIndex { $0.contains(index) } ?? 0 }
    let xs: [Double] =
      curve.hasSteps
      ? points.map { Double($0.step) } : points.indices.map { Double($0 + 1) }
    let left = 52.0
    let right = 16.0
    let names = metricIndices.map { curve.metricNames[$0] }
    // The legend wraps onto as many rows as the width needs.
    var legend: [(x: Double, row: Int, label: String)] = []
    var legendX = left
    var legendRow = 0
    // Names shortened together stay different.
    for label in TextMetrics.distinctlyFitted(
      names, in: .infinity, fontSize: 12, characterLimit: 24)
    {
      let itemWidth = 24 + Double(label.count) * 7 + 20
      if legendX + itemWidth - 20 > width - 4 && legendX > left {
        legendRow += 1
        legendX = left
      }
      legend.append((legendX, legendRow, label))
      legendX += itemWidth
    }
    let top = 40.0 + 18 * Double(legendRow)
    let plotHeight = 220.0
    let plotBottom = top + plotHeight
    let height = plotBottom + 46
    let values = metricIndices.flatMap { index in points.map { $0.values[index] } }.filter(
      \.isFinite)
    let low = values.min() ?? 0
    let high = values.max() ?? 1
    // Scores stay within [0, 1]; other columns (a loss) get their own span.
    let isScore = low >= 0 && high <= 1
    let padding = (high - low) * 0.1
    let yDomain = LinearScale.niceDomain(
      (isScore ? max(0, low - padding) : low - padding)...(isScore
        ? min(1, high + padding) : high + padding),
      count: 5)
    let xDomain = LinearScale.niceDomain((xs.min() ?? 0)...(xs.max() ?? 1), count: 6)
    let x = LinearScale(domain: xDomain, from: left, to: width - right)
    let y = LinearScale(domain: yDomain, from: plotBottom, to: top)
    var svg = SVGWriter(
      id: id, width: width, height: height, title: "Training curve",
      description:
        "\(names.joined(separator: ", ")) against \(curve.hasSteps ? "training steps" : "evaluation number") "
        + "over \(points.count) evaluations from \(curve.source)"
        + (runs.count > 1 ? ", \(runs.count) training runs, earlier runs dashed" : "")
        + (curve.hasEpochs ? ", with dotted lines at epoch boundaries" : "")
        + ". The table after the chart lists the values.")
    for (position, item) in legend.enumerated() {
      let color = ChartColor.model(position)
      let y = 16 + 18 * Double(item.row)
      svg.line(
        x1: item.x, y1: y, x2: item.x + 18, y2: y, stroke: color, extra: " stroke-width=\"2.5\"")
      svg.raw(Self.marker(position, x: item.x + 9, y: y, color: color))
      svg.text(
        item.label, x: item.x + 24, y: y + 4.5, className: "legend", fullText: names[position])
    }
    let yTicks = y.ticks(count: 5)
    let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 0.1
    for tick in yTicks {
      svg.line(
        x1: left, y1: y.position(tick), x2: width - right, y2: y.position(tick),
        className: "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: yStep), x: left - 6, y: y.position(tick) + 4,
        anchor: .end, className: "tick")
    }
    let xTicks = x.readableTicks(
      count: width <= ChartLayout.narrowWidth ? 4 : 6,
      fontSize: ChartTextStyle.size(ofClasses: "tick"),
      label: { value, step in
        step >= 1
          ? DisplayNumber.count(Int(value.rounded())) : LinearScale.tickLabel(value, step: step)
      })
    let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
    for tick in xTicks {
      svg.line(
        x1: x.position(tick), y1: plotBottom, x2: x.position(tick), y2: plotBottom + 4,
        className: "axis")
      svg.text(
        xStep >= 1
          ? DisplayNumber.count(Int(tick.rounded())) : LinearScale.tickLabel(tick, step: xStep),
        x: x.position(tick), y: plotBottom + 17, anchor: .middle, className: "tick")
    }
    svg.line(x1: left, y1: plotBottom, x2: width - right, y2: plotBottom, className: "axis")
    svg.text(
      curve.hasSteps ? "Training step" : "Evaluation", x: (left + width - right) / 2,
      y: plotBottom + 36, anchor: .middle, className: "axis-title")
    // Epoch boundaries: evaluations at a whole epoch end it; without any,
    // the first evaluation of each new epoch marks it.
    var marked: Set<Double> = []
    for (index, epoch) in epochBoundaries(points) where marked.insert(xs[index]).inserted {
      let position = x.position(xs[index])
      svg.line(x1: position, y1: top, x2: position, y2: plotBottom, className: "epoch-line")
      svg.text("epoch \(epoch)", x: position - 3, y: top + 10, anchor: .end, className: "tick")
    }
    for (position, metricIndex) in metricIndices.enumerated() {
      let color = ChartColor.model(position)
      var segment: [(Double, Double)] = []
      var segments: [[(Double, Double)]] = []
      var segmentRuns: [Int] = []
      for (index, point) in points.enumerated() {
        let value = point.values[metricIndex]
        if index > 0, runOfPoint[index] != runOfPoint[index - 1], !segment.isEmpty {
          segments.append(segment)
          segmentRuns.append(runOfPoint[index - 1])
          segment = []
        }
        if value.isFinite {
          segment.append((x.position(xs[index]), y.position(value)))
        } else if !segment.isEmpty {
          segments.append(segment)
          segmentRuns.append(runOfPoint[index])
          segment = []
        }
      }
      if !segment.isEmpty {
        segments.append(segment)
        segmentRuns.append(runOfPoint.last ?? 0)
      }
      for (line, run) in zip(segments, segmentRuns) where line.count > 1 {
        svg.polyline(
          line, stroke: color, className: run < runs.count - 1 ? "series dashed" : "series")
      }
      if points.count <= 80 {
        for line in segments {
          for (px, py) in line { svg.raw(Self.marker(position, x: px, y: py, color: color)) }
        }
      }
    }
    return svg.finished()
  }

  /// The indices of evaluations that mark the end of an epoch, with the
  /// epoch's number.
  func epochBoundaries(_ points: [TrainingCurve.Point]) -> [(index: Int, epoch: Int)] {
    guard curve.hasEpochs else { return [] }
    let whole = points.indices.filter {
      points[$0].epoch > 0 && points[$0].epoch == points[$0].epoch.rounded()
    }
    if !whole.isEmpty { return whole.map { ($0, Int(points[$0].epoch)) } }
    return points.indices.dropFirst().filter {
      points[$0].epoch.rounded(.down) > points[$0 - 1].epoch.rounded(.down)
    }.map { ($0, Int(points[$0].epoch.rounded(.down))) }
  }

  /// A marker whose shape, not only its colour, tells series apart.
  static func marker(_ series: Int, x: Double, y: Double, color: String) -> String {
    let cx = DisplayNumber.coordinate(x)
    let cy = DisplayNumber.coordinate(y)
    switch series % 4 {
    case 0: return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.2\" fill=\"\(color)\"/>"
    case 1:
      return
        "<rect x=\"\(DisplayNumber.coordinate(x - 3))\" y=\"\(DisplayNumber.coordinate(y - 3))\" width=\"6\" height=\"6\" fill=\"\(color)\"/>"
    case 2:
      return
        "<path d=\"M\(cx) \(DisplayNumber.coordinate(y - 4))L\(DisplayNumber.coordinate(x + 4)) \(DisplayNumber.coordinate(y + 3))L\(DisplayNumber.coordinate(x - 4)) \(DisplayNumber.coordinate(y + 3))Z\" fill=\"\(color)\"/>"
    default:
      return
        "<path d=\"M\(cx) \(DisplayNumber.coordinate(y - 4))L\(DisplayNumber.coordinate(x + 4)) \(cy)L\(cx) \(DisplayNumber.coordinate(y + 4))L\(DisplayNumber.coordinate(x - 4)) \(cy)Z\" fill=\"\(color)\"/>"
    }
  }
}
