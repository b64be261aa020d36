import F1KitAdvice
import Foundation

/// Maps a data interval onto a pixel interval, with readable tick values.
struct LinearScale {
  let domain: ClosedRange<Double>
  /// The pixel of the domain's lower bound.
  let start: Double
  /// The pixel of the domain's upper bound; less than `start` for a
  /// vertical axis, which grows upwards.
  let end: Double

  /// Creates a scale.
  init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
    self.domain = domain
    self.start = start
    self.end = end
  }

  /// The pixel position of a value; values outside the domain extrapolate.
  func position(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return (start + end) / 2 }
    return start + (value - domain.lowerBound) / span * (end - start)
  }

  /// The pixel position of a value, clamped to the pixel range.
  func clampedPosition(_ value: Double) -> Double {
    min(max(position(value), min(start, end)), max(start, end))
  }

  /// About `count` round tick values within the domain (steps of 1, 2 or 5
  /// times a power of ten).
  func ticks(count: Int = 5) -> [Double] {
    Self.niceTicks(domain, count: count)
  }

  /// Round tick values covering a domain.
  static func niceTicks(_ domain: ClosedRange<Double>, count: Int) -> [Double] {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0, span.isFinite, count > 0 else { return [domain.lowerBound] }
    let step = niceStep(span / Double(count))
    let first = (domain.lowerBound / step).rounded(.up)
    let last = (domain.upperBound / step).rounded(.down)
    guard last >= first, last - first < 1000 else { return [domain.lowerBound] }
    return stride(from: first, through: last, by: 1).map { $0 * step }
  }

  /// A domain widened to round tick values.
  static func niceDomain(_ domain: ClosedRange<Double>, count: Int) -> ClosedRange<Double> {
    var lower = domain.lowerBound
    var upper = domain.upperBound
    if upper - lower <= 0 {
      let pad = max(abs(lower) * 0.1, 0.01)
      lower -= pad
      upper += pad
    }
    let step = niceStep((upper - lower) / Double(count))
    return ((lower / step).rounded(.down) * step)...((upper / step).rounded(.up) * step)
  }

  private static func niceStep(_ raw: Double) -> Double {
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// A tick label with only as many decimals as the step needs.
  static func tickLabel(_ value: Double, step: Double) -> String {
    let decimals = max(0, min(6, Int((-log10(step)).rounded(.up))))
    let text = DisplayNumber.score(abs(value) < step / 1e6 ? 0 : value, digits: decimals)
    return text
  }
}
