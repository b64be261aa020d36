import Foundation

/// The bootstrap distribution of a difference between two models, as a
/// histogram with the interval shaded and lines at zero and at the observed
/// difference.
struct DifferenceHistogram {
  let id: String
  let title: String
  let values: [Double]
  let observed: Double
  let interval: ClosedRange<Double>?
  let colorIndex: Int

  static let width = 640.0
  static let binCount = 40

  /// The bins: lower edge, upper edge and count.
  var bins: [(lower: Double, upper: Double, count: Int)] {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return [] }
    let span = high > low ? high - low : max(abs(low) * 0.01, 1e-6)
    let width = span / Double(Self.binCount)
    var counts = [Int](repeating: 0, count: Self.binCount)
    for value in finite {
      let index = min(Int((value - low) / width), Self.binCount - 1)
      counts[max(index, 0)] += 1
    }
    return counts.indices.map { (low + width * Double($0), low + width * Double($0 + 1), counts[$0]) }
  }

  func render() -> String {
    let bins = self.bins
    let left = 52.0
    let right = 16.0
    let top = 14.0
    let plotHeight = 170.0
    let plotBottom = top + plotHeight
    let height = plotBottom + 46
    let low = min(bins.first?.lower ?? -0.01, 0, interval?.lowerBound ?? 0)
    let high = max(bins.last?.upper ?? 0.01, 0, interval?.upperBound ?? 0)
    let domain = LinearScale.niceDomain(low...high, count: 6)
    let x = LinearScale(domain: domain, from: left, to: Self.width - right)
    let tallest = Double(max(bins.map(\.count).max() ?? 1, 1))
    let y = LinearScale(domain: 0...tallest, from: plotBottom, to: top)
    var svg = SVGWriter(
      id: id, width: Self.width, height: height, title: title,
      description:
        "Histogram of \(DisplayNumber.count(values.count)) bootstrap resamples of the difference, in "
        + "\(Self.binCount) bins. The shaded band is the 95% interval, the solid line the observed "
        + "difference (\(DisplayNumber.signed(observed))) and the dashed line zero. The table after the chart lists the bins.")
    if let interval {
      svg.rect(
        x: x.position(interval.lowerBound), y: top, width: x.position(interval.upperBound) - x.position(interval.lowerBound),
        height: plotHeight, className: "interval-band")
    }
    let ticks = x.ticks(count: 6)
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    for tick in ticks {
      svg.line(x1: x.position(tick), y1: plotBottom, x2: x.position(tick), y2: plotBottom + 4, className: "axis")
      svg.text(
        (tick > step / 1e6 ? "+" : "") + LinearScale.tickLabel(tick, step: step), x: x.position(tick),
        y: plotBottom + 17, anchor: .middle, className: "tick")
    }
    svg.line(x1: left, y1: plotBottom, x2: Self.width - right, y2: plotBottom, className: "axis")
    let yTicks = LinearScale.niceTicks(0...tallest, count: 3)
    let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
    for tick in yTicks {
      svg.line(x1: left, y1: y.position(tick), x2: Self.width - right, y2: y.position(tick), className: "grid")
      svg.text(
        LinearScale.tickLabel(tick, step: yStep), x: left - 6, y: y.position(tick) + 4, anchor: .end,
        className: "tick")
    }
    let color = ChartColor.model(colorIndex)
    for bin in bins where bin.count > 0 {
      let x0 = x.position(bin.lower)
      let x1 = x.position(bin.upper)
      svg.rect(
        x: x0 + 0.5, y: y.position(Double(bin.count)), width: max(x1 - x0 - 1, 0.5),
        height: plotBottom - y.position(Double(bin.count)), fill: color, extra: " fill-opacity=\"0.85\"")
    }
    svg.line(x1: x.position(0), y1: top, x2: x.position(0), y2: plotBottom, className: "zero-line dashed")
    svg.line(x1: x.position(observed), y1: top, x2: x.position(observed), y2: plotBottom, className: "observed-line")
    svg.text(
      "Difference in resample (second model − first)", x: (left + Self.width - right) / 2,
      y: plotBottom + 36, anchor: .middle, className: "axis-title")
    return svg.finished()
  }
}
