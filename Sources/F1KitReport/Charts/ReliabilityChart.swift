import F1Kit
import F1KitAdvice

/// A reliability diagram: in each of the 15 calibration bins, the share of
/// positive items against the mean predicted probability, with the number
/// of items in each bin written above the plot.
struct ReliabilityChart: ResponsiveChart {
  var id: String
  let name: String
  let diagram: ReliabilityDiagram
  let color: String
  let calibrationError: Double?

  /// The width of the view box.
  var width = 560.0

  /// A count in at most four characters: `873`, `1379`, `12k`, `3.4M`.
  static func compact(_ count: Int) -> String {
    if count < 10_000 { return String(count) }
    if count < 999_500 { return "\(Int((Double(count) / 1000).rounded()))k" }
    let millions = Double(count) / 1_000_000
    return millions < 9.95
      ? DisplayNumber.score(millions, digits: 1) + "M" : "\(Int(millions.rounded()))M"
  }

  func render() -> String {
    let legend = [
      CurvePlot.LegendEntry(
        text: "share of positive items in the bin", color: color, dash: nil, isSwatch: true),
      CurvePlot.LegendEntry(
        text: "mean predicted probability in the bin (dot)", color: "var(--fg)", dash: nil,
        marker: 0),
    ]
    // The counts above the bins alternate between two rows when the
    // widest would not fit its bin (a phone's narrow drawing).
    let tickFont = ChartTextStyle.size(ofClasses: "tick")
    let widestCount =
      diagram.bins.map { TextMetrics.width(of: Self.compact($0.count), fontSize: tickFont) }.max()
      ?? 0
    let binWidth = (width - 70) / Double(max(diagram.bins.count, 1))
    let isStaggered = widestCount + 3 > binWidth
    var plot = CurvePlot(
      id: id, title: "Reliability diagram: \(name)",
      description:
        "For \(name): the \(diagram.bins.count) equal-width probability bins; each bar is the share of positive items among the items whose predicted probability falls in the bin, "
        + "each dot sits at the bin's mean predicted probability, and the number above each bin is its item count. "
        + "On the dotted diagonal the predictions would be perfectly calibrated"
        + (calibrationError.map { "; the expected calibration error is \(DisplayNumber.score($0))" }
          ?? "")
        + ". The table after the chart lists every bin.",
      legend: legend, extraTop: isStaggered ? 32 : 18, xDomain: 0...1, yDomain: 0...1,
      xTitle: "Predicted probability", yTitle: "Share positive", width: width,
      plotHeight: 260)
    plot.drawAxes(xTitle: "Predicted probability (bin)", yTitle: "Share of positive items")
    plot.svg.text("items", x: plot.left - 6, y: plot.top - 8, anchor: .end, className: "tick")
    for (index, bin) in diagram.bins.enumerated() {
      let x0 = plot.x.position(bin.lowerEdge)
      let x1 = plot.x.position(bin.upperEdge)
      if bin.count > 0 {
        plot.svg.text(
          Self.compact(bin.count), x: (x0 + x1) / 2,
          y: plot.top - (isStaggered && index % 2 == 1 ? 22 : 8), anchor: .middle,
          className: "tick")
      }
      guard bin.count > 0, bin.observedRate.isFinite else { continue }
      let top = plot.y.position(bin.observedRate)
      plot.svg.rect(
        x: x0 + 1, y: top, width: x1 - x0 - 2, height: plot.bottom - top, fill: color,
        tooltip:
          "[\(DisplayNumber.score(bin.lowerEdge, digits: 3)), \(DisplayNumber.score(bin.upperEdge, digits: 3))): \(DisplayNumber.count(bin.count)) items, \(DisplayNumber.percent(bin.observedRate)) positive",
        extra: " fill-opacity=\"0.45\" stroke=\"\(color)\"")
    }
    plot.curve([(0, 0), (1, 1)], color: "#8c959f", dash: "2 4", width: 1.2)
    for bin in diagram.bins where bin.count > 0 && bin.observedRate.isFinite {
      let (px, py) = plot.point((bin.meanConfidence, bin.observedRate))
      plot.svg.raw(
        "<circle cx=\"\(DisplayNumber.coordinate(px))\" cy=\"\(DisplayNumber.coordinate(py))\" r=\"3\" style=\"fill:var(--fg)\"/>"
      )
    }
    return plot.finished()
  }

  func table() -> String {
    var table = HTMLTable(
      caption: "Calibration bins of \(name)",
      columns: [
        ("Bin", false), ("Items", true), ("Mean predicted probability", true),
        ("Share positive", true),
      ])
    for bin in diagram.bins {
      table.append([
        .text(
          "[\(DisplayNumber.score(bin.lowerEdge, digits: 3)), \(DisplayNumber.score(bin.upperEdge, digits: 3))\(bin.upperEdge >= 1 ? "]" : ")")"
        ),
        .number(DisplayNumber.count(bin.count)),
        .number(bin.count > 0 ? DisplayNumber.score(bin.meanConfidence, digits: 3) : "—"),
        .number(bin.count > 0 ? DisplayNumber.score(bin.observedRate, digits: 3) : "—"),
      ])
    }
    return table.render()
  }
}
