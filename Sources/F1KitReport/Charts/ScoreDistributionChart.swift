import F1Kit
import F1KitAdvice

/// One model's score distribution for each gold class: the share of the
/// class's items in each of equal-width score bins, the negative and the
/// positive class overlaid, with the cut-off marked.
struct ScoreDistributionChart: ResponsiveChart {
  var id: String
  let name: String
  let scores: [Double]
  let isPositive: [Bool]
  /// The score range binned, the same for every model of a report.
  let range: ClosedRange<Double>
  let positiveLabel: String
  let cutoff: Double?

  /// The width of the view box.
  var width = 560.0
  static let binCount = 30

  /// Each bin's item counts: negative, then positive.
  var counts: (negative: [Int], positive: [Int]) {
    var negative = [Int](repeating: 0, count: Self.binCount)
    var positive = [Int](repeating: 0, count: Self.binCount)
    let span = range.upperBound - range.lowerBound
    for (score, isPositive) in zip(scores, isPositive) {
      let position = span > 0 ? (score - range.lowerBound) / span : 0.5
      let bin = min(max(Int(position * Double(Self.binCount)), 0), Self.binCount - 1)
      if isPositive { positive[bin] += 1 } else { negative[bin] += 1 }
    }
    return (negative, positive)
  }

  func edge(_ bin: Int) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * Double(bin) / Double(Self.binCount)
  }

  func render() -> String {
    let (negative, positive) = counts
    let negativeTotal = max(negative.reduce(0, +), 1)
    let positiveTotal = max(positive.reduce(0, +), 1)
    let shares = (
      negative.map { Double($0) / Double(negativeTotal) },
      positive.map { Double($0) / Double(positiveTotal) }
    )
    let highest = max(shares.0.max() ?? 0, shares.1.max() ?? 0, 0.01)
    let colors = (negative: "#0072B2", positive: "#E69F00")
    let legend = [
      CurvePlot.LegendEntry(
        text: "gold not “\(positiveLabel)” (\(DisplayNumber.count(negative.reduce(0, +))) items)",
        color: colors.negative, dash: nil, isSwatch: true),
      CurvePlot.LegendEntry(
        text: "gold “\(positiveLabel)” (\(DisplayNumber.count(positive.reduce(0, +))) items)",
        color: colors.positive, dash: "4 2", isSwatch: true),
    ]
    var plot = CurvePlot(
      id: id, title: "Score distribution by gold class: \(name)",
      description:
        "For \(name): the share of each gold class's items in each of \(Self.binCount) equal-width score bins from \(DisplayNumber.score(range.lowerBound)) to \(DisplayNumber.score(range.upperBound)), "
        + "items whose gold label is “\(positiveLabel)” in orange with a dashed outline, the others in blue"
        + (cutoff.map { "; the solid line is the cut-off \(DisplayNumber.score($0))" } ?? "")
        + ". The less the two overlap, the better the scores separate the classes. The table after the chart lists every bin.",
      legend: legend, extraTop: cutoff == nil ? 0 : 16,
      xDomain: range, yDomain: 0...LinearScale.niceDomain(0...highest, count: 4).upperBound,
      xTitle: "Score", yTitle: "Share of the class", width: width, plotHeight: 200)
    plot.drawAxes(xTitle: "Score", yTitle: "Share of the class", xTicks: 8, yTicks: 4)
    for (values, color, dash) in [
      (shares.0, colors.negative, nil as String?), (shares.1, colors.positive, "4 2"),
    ] {
      var path =
        "M\(DisplayNumber.coordinate(plot.x.position(edge(0)))) \(DisplayNumber.coordinate(plot.bottom))"
      for bin in 0..<Self.binCount {
        let y = DisplayNumber.coordinate(plot.y.position(values[bin]))
        path += "V\(y)H\(DisplayNumber.coordinate(plot.x.position(edge(bin + 1))))"
      }
      path += "V\(DisplayNumber.coordinate(plot.bottom))Z"
      plot.svg.raw(
        "<path d=\"\(path)\" fill=\"\(color)\" fill-opacity=\"0.25\" stroke=\"\(color)\" stroke-width=\"1.6\""
          + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }
    if let cutoff, range.contains(cutoff) {
      plot.verticalMarker(
        at: cutoff, label: "cut-off \(DisplayNumber.score(cutoff))", row: 1,
        className: "observed-line", dash: nil)
    }
    return plot.finished()
  }

  func table() -> String {
    let (negative, positive) = counts
    var table = HTMLTable(
      caption: "Items of each gold class in each score bin of \(name)",
      columns: [
        ("Score bin", false), ("Gold not “\(positiveLabel)”", true),
        ("Gold “\(positiveLabel)”", true),
      ])
    for bin in 0..<Self.binCount where negative[bin] + positive[bin] > 0 {
      table.append([
        .text(
          "[\(DisplayNumber.score(edge(bin), digits: 3)), \(DisplayNumber.score(edge(bin + 1), digits: 3))\(bin == Self.binCount - 1 ? "]" : ")")"
        ),
        .number(DisplayNumber.count(negative[bin])), .number(DisplayNumber.count(positive[bin])),
      ])
    }
    return table.render()
  }
}
