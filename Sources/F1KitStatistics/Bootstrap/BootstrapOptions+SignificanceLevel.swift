extension BootstrapOptions {
  /// The significance level the verdicts test at, α = 1 − ``confidence``,
  /// computed in decimal (see ``significanceLevel(confidence:)``).
  public var significanceLevel: Double { Self.significanceLevel(confidence: confidence) }

  /// The significance level α = 1 − `confidence`, subtracted in decimal
  /// and rounded once to the nearest `Double`.
  ///
  /// A confidence comes from decimal text (`--confidence 0.999`), and a
  /// Monte Carlo p-value (*r* + 1) / (*R* + 1) lands on round decimals
  /// (1/1000 with 999 resamples). In binary floating point 1 − 0.999 is
  /// 0.0010000000000000009, one unit above the `Double` nearest 0.001, so
  /// p = 0.001 would count as below α = 0.001 and a verdict would say
  /// "beats" at p = α. Instead the confidence's shortest decimal text
  /// (Swift's `description`, which reads back to the same `Double`: the
  /// digits the user typed) is subtracted from 1 exactly, as integers
  /// over a power of ten, and the quotient is rounded once: 0.999 gives
  /// exactly the `Double` the literal 0.001 is. A confidence whose text has
  /// more than 15 decimals, or an exponent, falls back to 1 − `confidence`.
  ///
  /// - Parameter confidence: The confidence level, in (0, 1).
  /// - Returns: α, in (0, 1).
  public static func significanceLevel(confidence: Double) -> Double {
    let text = confidence.description
    guard confidence > 0, confidence < 1, text.hasPrefix("0.") else { return 1 - confidence }
    let digits = text.utf8.dropFirst(2)
    guard digits.count <= 15,
      digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return 1 - confidence }
    var scale = 1
    var mantissa = 0
    for digit in digits {
      scale *= 10
      mantissa = mantissa * 10 + Int(digit - UInt8(ascii: "0"))
    }
    // Both integers are below 2⁵³, so exact as doubles; the one division
    // rounds correctly.
    return Double(scale - mantissa) / Double(scale)
  }
}
