import F1KitAdvice
import Foundation

/// The bootstrap distribution of a difference between two models, as a
/// histogram with the interval shaded and lines at zero and at the observed
/// difference.
///
/// The distribution arrives as quantiles (the middle 99% of resamples);
/// the mass between consecutive quantiles is spread evenly over the span
/// between them, or put in one bin when they coincide, as they do for a
/// metric such as accuracy that moves in steps of 1/*N*.
struct DifferenceHistogram: ResponsiveChart {
  var id: String
  let title: String
  let quantiles: [(probability: Double, value: Double)]
  let observed: Double
  let interval: ClosedRange<Double>?
  let colorIndex: Int
  let axisTitle: String

  /// The width of the view box.
  var width = 520.0
  static let binCount = 30

  /// The bins: lower edge, upper edge and share of all resamples.
  var bins: [(lower: Double, upper: Double, share: Double)] {
    guard let low = quantiles.first?.value, let high = quantiles.last?.value else { return [] }
    let span = high > low ? high - low : max(abs(low) * 0.01, 1e-4)
    let start = high > low ? low : low - span / 2
    let width = span / Double(Self.binCount)
    var shares = [Double](repeating: 0, count: Self.binCount)
    func bin(_ value: Double) -> Int {
      min(max(Int((value - start) / width), 0), Self.binCount - 1)
    }
    for (lower, upper) in zip(quantiles, quantiles.dropFirst()) {
      let mass = upper.probability - lower.probability
      let segment = upper.value - lower.value
      if segment <= width * 1e-9 {
        shares[bin(lower.value)] += mass
        continue
      }
      for index in bin(lower.value)...bin(upper.value) {
        let binLow = start + width * Double(index)
        let overlap = min(upper.value, binLow + width) - max(lower.value, binLow)
        if overlap > 0 { shares[index] += mass * overlap / segment }
      }
    }
    return shares.indices.map {
      (start + width * Double($0), start + width * Double($0 + 1), shares[$0])
    }
  }

  func render() -> String {
    let bins = self.bins
    let left = 52.0
    let right = 24.0
    let top = 14.0
    let plotHeight = 170.0
    let plotBottom = top + plotHeight
    let height = plotBottom + 46
    var low = min(bins.first?.lower ?? -0.01, interval?.lowerBound ?? 0)
    var high = max(bins.last?.upper ?? 0.01, interval?.upperBound ?? 0)
    // Zero joins the axis when it is near the distribution; far away, it
    // would squeeze the bars into a corner, so a note points to it.
    let isZeroShown = 0 >= low - (high - low) && 0 <= high + (high - low)
    if isZeroShown {
      low = min(low, 0)
      high = max(high, 0)
    }
    let domain = LinearScale.niceDomain(low...high, count: 6)
    let x = LinearScale(domain: domain, from: left, to: width - right)
    let tallest = max(bins.map(\.share).max() ?? 0.01, 1e-6) * 1.12
    let y = LinearScale(domain: 0...tallest, from: plotBottom, to: top)
    var svg = SVGWriter(
      id: id, width: width, height: height, title: title,
      description:
        "Histogram of the middle 99% of the paired bootstrap resamples of the difference, in "
        + "\(Self.binCount) bins. The shaded band is the 95% interval, the solid line the observed "
        + "difference (\(DisplayNumber.signed(observed))) and the dashed line zero. The table after the chart lists the bins."
    )
    if let interval {
      svg.rect(
        x: x.position(interval.lowerBound), y: top,
        width: x.position(interval.upperBound) - x.position(interval.lowerBound),
        height: plotHeight, className: "interval-band")
    }
    let ticks = x.readableTicks(
      count: 6, fontSize: ChartTextStyle.size(ofClasses: "tick"),
      label: { value, step in
        (value > step / 1e6 ? "+" : "") + LinearScale.tickLabel(value, step: step)
      })
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    for tick in ticks {
      svg.line(
        x1: x.position(tick), y1: plotBottom, x2: x.position(tick), y2: plotBottom + 4,
        className: "axis")
      svg.text(
        (tick > step / 1e6 ? "+" : "") + LinearScale.tickLabel(tick, step: step),
        x: x.position(tick),
        y: plotBottom + 17, anchor: .middle, className: "tick")
    }
    svg.line(x1: left, y1: plotBottom, x2: width - right, y2: plotBottom, className: "axis")
    let yTicks = LinearScale.niceTicks(0...tallest, count: 3)
    let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 0.01
    for tick in yTicks {
      svg.line(
        x1: left, y1: y.position(tick), x2: width - right, y2: y.position(tick),
        className: "grid")
      svg.text(
        LinearScale.tickLabel(tick * 100, step: yStep * 100) + "%", x: left - 6,
        y: y.position(tick) + 4,
        anchor: .end, className: "tick")
    }
    let color = ChartColor.model(colorIndex)
    for bin in bins where bin.share > 0 {
      let x0 = x.position(bin.lower)
      let x1 = x.position(bin.upper)
      svg.rect(
        x: x0 + 0.5, y: y.position(bin.share), width: max(x1 - x0 - 1, 0.5),
        height: plotBottom - y.position(bin.share), fill: color, extra: " fill-opacity=\"0.85\"")
    }
    if isZeroShown {
      svg.line(
        x1: x.position(0), y1: top, x2: x.position(0), y2: plotBottom, className: "zero-line dashed"
      )
    } else {
      let isRight = 0 > high
      svg.text(
        isRight ? "no difference (0) is off the scale →" : "← no difference (0) is off the scale",
        x: isRight ? width - right : left + 4, y: top + 10, anchor: isRight ? .end : .start,
        className: "tick")
    }
    svg.line(
      x1: x.position(observed), y1: top, x2: x.position(observed), y2: plotBottom,
      className: "observed-line")
    svg.wrappedText(
      axisTitle, x: (left + width - right) / 2, y: plotBottom + 36, className: "axis-title")
    return svg.finished()
  }
}
