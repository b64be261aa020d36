import Foundation

/// The one place numbers become text: every output's rounding, minus sign,
/// grouping and spelling of undefined values.
///
/// Two media, one minus sign each, chosen here and nowhere else:
/// ``Style/plain`` for anything a program may parse (terminal tables, CSV,
/// JSON, SVG coordinates) writes ASCII `-`; ``Style/typographic`` for the
/// HTML report's prose and tables writes U+2212 `−`. Neither ever writes a
/// negative zero (`-0.000`): a value that rounds to zero is shown unsigned,
/// so a difference of −0.0001 printed to three decimals reads `0.000` in
/// every output.
package enum NumberText {
  /// How a medium spells signs and values that are not numbers.
  package struct Style: Hashable, Sendable {
    /// The minus sign.
    package var minus: String
    /// The text for NaN.
    package var undefined: String
    /// The text for +∞ (−∞ adds ``minus``).
    package var infinity: String

    /// Creates a style.
    ///
    /// - Parameters:
    ///   - minus: The minus sign.
    ///   - undefined: The text for NaN.
    ///   - infinity: The text for +∞.
    package init(minus: String, undefined: String, infinity: String) {
      self.minus = minus
      self.undefined = undefined
      self.infinity = infinity
    }

    /// Machine-readable text: ASCII `-`, `nan`, `inf`, as Python prints.
    package static let plain = Style(minus: "-", undefined: "nan", infinity: "inf")
    /// Text for people: U+2212 `−`, `undefined`, `∞`.
    package static let typographic = Style(minus: "−", undefined: "undefined", infinity: "∞")

    /// ``plain`` with another word for NaN, such as `undefined`.
    ///
    /// - Parameter undefined: The text for NaN.
    /// - Returns: The style.
    package func spellingNaN(as undefined: String) -> Style {
      Style(minus: minus, undefined: undefined, infinity: infinity)
    }
  }

  /// A number rounded to a fixed number of decimals, half to even on the
  /// binary value as C's `printf("%.*f")` does.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - digits: The decimals, 0 or more.
  ///   - style: The minus sign and the spelling of NaN and infinities.
  /// - Returns: Such as `0.7906`, `-0.0250` (`−0.0250`), never `-0.0000`.
  package static func fixed(_ value: Double, digits: Int, style: Style = .plain) -> String {
    guard value.isFinite else { return nonFinite(value, style: style) }
    let text = String(format: "%.*f", max(0, digits), value)
    guard text.hasPrefix("-") else { return text }
    let magnitude = text.dropFirst()
    if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return String(magnitude) }
    return style.minus + magnitude
  }

  /// A difference with an explicit sign: `+0.0310`, `-0.0084`; zero (after
  /// rounding) has no sign.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - digits: The decimals.
  ///   - style: The minus sign and the spelling of NaN and infinities.
  /// - Returns: The signed text.
  package static func signed(_ value: Double, digits: Int, style: Style = .plain) -> String {
    guard value.isFinite else { return nonFinite(value, style: style) }
    let magnitude = fixed(abs(value), digits: digits, style: style)
    if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return magnitude }
    return (value < 0 ? style.minus : "+") + magnitude
  }

  /// A whole number with thousands separators: `1,083`.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - style: The minus sign.
  /// - Returns: The grouped digits.
  package static func grouped(_ value: Int, style: Style = .plain) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
      grouped.append(digit)
    }
    return (value < 0 ? style.minus : "") + grouped
  }

  /// The shortest decimal that reads back as the same `Double`, with `.0`
  /// on whole numbers so the text stays a floating-point literal (JSON,
  /// CSV tables).
  ///
  /// - Parameter value: A finite number.
  /// - Returns: Such as `0.1`, `1.0`, `1e-05`; NaN and infinities as Swift
  ///   spells them.
  package static func shortest(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
    return "\(value)"
  }

  /// The shortest round-trip decimal with whole numbers bare (`1`, not
  /// `1.0`), as Python writes integers in a CSV log.
  ///
  /// - Parameter value: The number.
  /// - Returns: Such as `1`, `0.8123456789012345`, `nan`, `inf`, `-inf`.
  package static func shortestBare(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return value.description
  }

  private static func nonFinite(_ value: Double, style: Style) -> String {
    if value.isNaN { return style.undefined }
    return value > 0 ? style.infinity : style.minus + style.infinity
  }
}
