import F1KitAdvice

/// The distribution of labels per item: for each set size (0, 1, 2, …
/// labels), the share of items whose gold set has that size beside the
/// share of each model's predicted sets, as grouped vertical bars.
///
/// Gold is drawn in grey and each model in its colour, so a model that
/// predicts too few labels (bars piled on the left) or too many shows at a
/// glance.
struct LabelCardinalityChart: ResponsiveChart {
  /// One series: the gold sets or one model's predicted sets.
  struct Series {
    var name: String
    /// Items with each set size, index = size.
    var counts: [Int]
    var color: String
  }

  var id: String
  let series: [Series]

  /// The widest the chart's view box may be.
  var width = 960.0
  static let height = 260.0
  static let goldColor = "#999999"

  func render() -> String {
    let sizeCount = max(series.map(\.counts.count).max() ?? 1, 1)
    let totals = series.map { max($0.counts.reduce(0, +), 1) }
    let shares = zip(series, totals).map { series, total in
      (0..<sizeCount).map { size in
        size < series.counts.count ? Double(series.counts[size]) / Double(total) : 0
      }
    }
    let largest = shares.flatMap { $0 }.max() ?? 1
    let top = LinearScale.niceDomain(0...max(largest, 0.05), count: 5).upperBound
    let left = 52.0
    let right = 16.0
    // Bars as wide as they read best, narrower when that would make the
    // chart wider than `width`.
    let naturalBar = series.count > 3 ? 9.0 : 14.0
    let naturalGroup = naturalBar * Double(series.count) + 14
    let shrink = min(1, (self.width - left - right) / (naturalGroup * Double(sizeCount)))
    let barWidth = naturalBar * shrink
    let group = naturalGroup * shrink
    let legendFont = ChartTextStyle.size(ofClasses: "legend")
    let legendRowHeight = 18.0
    // The legend wraps onto as many rows as it needs.
    var legendRows: [[(Int, Double)]] = [[]]
    var legendX = 8.0
    let plotWidth = group * Double(sizeCount)
    let width = max(left + plotWidth + right, min(360, self.width))
    for (index, item) in series.enumerated() {
      let itemWidth = 17 + TextMetrics.width(of: item.name, fontSize: legendFont) + 18
      if legendX + itemWidth > width && !(legendRows.last?.isEmpty ?? true) {
        legendRows.append([])
        legendX = 8
      }
      legendRows[legendRows.count - 1].append((index, legendX))
      legendX += itemWidth
    }
    let plotTop = 12 + legendRowHeight * Double(legendRows.count) + 8
    let plotBottom = plotTop + Self.height
    let height = plotBottom + 44
    let scale = LinearScale(domain: 0...top, from: plotBottom, to: plotTop)
    var svg = SVGWriter(
      id: id, width: width, height: height,
      title: "Labels per item: gold sets and predicted sets",
      description:
        "Grouped bars for each number of labels per item, from 0 to \(sizeCount - 1): "
        + "the share of items whose gold set has that many labels, then the share for each model's "
        + "predicted sets (\(series.dropFirst().map(\.name).joined(separator: ", "))). "
        + "The table after the chart lists the counts.")
    for (row, items) in legendRows.enumerated() {
      let y = 10 + legendRowHeight * Double(row)
      for (index, x) in items {
        svg.rect(x: x, y: y, width: 12, height: 12, fill: series[index].color)
        svg.text(series[index].name, x: x + 17, y: y + 10.5, className: "legend")
      }
    }
    for tick in LinearScale.niceTicks(0...top, count: 5) {
      let y = scale.position(tick)
      svg.line(x1: left, y1: y, x2: left + plotWidth, y2: y, className: tick == 0 ? "axis" : "grid")
      svg.text(
        DisplayNumber.percent(tick, digits: 0), x: left - 6, y: y + 4, anchor: .end,
        className: "tick")
    }
    for size in 0..<sizeCount {
      let x0 = left + group * Double(size) + 7 * shrink
      for (index, item) in series.enumerated() {
        let share = shares[index][size]
        let y = scale.position(share)
        let count = size < item.counts.count ? item.counts[size] : 0
        svg.rect(
          x: x0 + barWidth * Double(index), y: y, width: barWidth - 1,
          height: max(plotBottom - y, count > 0 ? 1 : 0), fill: item.color,
          tooltip:
            "\(item.name): \(DisplayNumber.count(count)) items with \(size) label\(size == 1 ? "" : "s") (\(DisplayNumber.percent(share)))"
        )
      }
      svg.text(
        String(size), x: x0 + barWidth * Double(series.count) / 2, y: plotBottom + 16,
        anchor: .middle, className: "tick")
    }
    svg.text(
      "Labels per item", x: left + plotWidth / 2, y: plotBottom + 34, anchor: .middle,
      className: "axis-title")
    svg.text(
      "Share of items", x: 12, y: (plotTop + plotBottom) / 2, anchor: .middle,
      className: "axis-title",
      extra:
        " transform=\"rotate(-90 12 \(DisplayNumber.coordinate((plotTop + plotBottom) / 2)))\"")
    return svg.finished()
  }
}
