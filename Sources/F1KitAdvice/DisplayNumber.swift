import F1KitStatistics
import F1KitSupport
import Foundation

/// Numbers written for people, the same on every machine and locale.
package enum DisplayNumber {
  /// A score with a fixed number of decimals; `undefined` for NaN.
  package static func score(_ value: Double, digits: Int = 4) -> String {
    NumberText.fixed(value, digits: digits, style: .typographic)
  }

  /// A signed difference such as `+0.0310` or `−0.0084` (with a true minus
  /// sign).
  package static func signed(_ value: Double, digits: Int = 4) -> String {
    NumberText.signed(value, digits: digits, style: .typographic)
  }

  /// A count with thousands separators: `1,083`.
  package static func count(_ value: Int) -> String {
    NumberText.grouped(value, style: .typographic)
  }

  /// A weight sum exactly as `evaluate` prints it: `13`, `17.5`,
  /// `0.30000000000000004` (the shortest form that reads back the same).
  package static func weight(_ value: Double) -> String {
    NumberText.shortestBare(value)
  }

  /// A fraction as a percentage: `49.5%`.
  package static func percent(_ fraction: Double, digits: Int = 1) -> String {
    score(fraction * 100, digits: digits) + "%"
  }

  /// A p-value as statisticians write it: `p = 0.002`, `p < 0.001`.
  package static func pValue(_ value: Double) -> String {
    guard value.isFinite else { return "p undefined" }
    if value < 0.001 { return "p < 0.001" }
    return "p = " + score(value, digits: value < 0.1 ? 3 : 2)
  }

  /// An interval: `[0.0120, 0.0490]`.
  package static func interval(_ range: ClosedRange<Double>, digits: Int = 4) -> String {
    "[\(score(range.lowerBound, digits: digits)), \(score(range.upperBound, digits: digits))]"
  }

  /// A confidence interval's ends: `[0.0120, 0.0490]`.
  package static func interval(_ interval: ConfidenceInterval, digits: Int = 4) -> String {
    "[\(score(interval.lower, digits: digits)), \(score(interval.upper, digits: digits))]"
  }

  /// A ratio with one decimal: `108.3`.
  package static func ratio(_ value: Double) -> String {
    score(value, digits: 1)
  }

  /// A number for SVG coordinates: at most two decimals, no trailing zeros,
  /// an ASCII minus.
  package static func coordinate(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    var text = NumberText.fixed(rounded, digits: 2)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
