/// The exact value of a label spelled as a decimal number, such as `1`,
/// `1.0`, `-2.5` or `1e0`.
///
/// pandas reads a column whose every value is a number as numbers, so `1`,
/// `1.0` and `1e0` are one class to scikit-learn. F1Kit compares such labels
/// by this exact decimal value (not by a rounded `Double`, so large integer
/// labels stay apart) and spells each value one way (see ``spelling``).
package struct DecimalLabel: Hashable, Sendable {
  /// Whether the value is below zero; `false` for zero.
  package let isNegative: Bool
  /// The significant digits as ASCII, without leading or trailing zeros;
  /// empty for zero.
  package let digits: [UInt8]
  /// The power of ten of the first digit: the value is
  /// `d0.d1d2… × 10^exponent`; 0 for zero.
  package let exponent: Int

  /// What a label's spelling reads as.
  package enum Reading: Hashable, Sendable {
    /// A finite decimal number.
    case number(DecimalLabel)
    /// NaN or an infinity (`nan`, `inf`, `infinity` in any case, with an
    /// optional sign), or a number too large for a `Double`.
    case notFinite
    /// Anything else: a label that is text.
    case text
  }

  /// The largest power of ten a finite `Double` reaches.
  private static let largestExponent = 308
  /// Powers of ten below this are left as text rather than rounded to zero.
  private static let smallestExponent = -400

  /// Reads a label's spelling.
  ///
  /// Accepts an optional sign, digits with an optional decimal point (at
  /// least one digit in all) and an optional exponent, as pandas does, but
  /// no surrounding whitespace, underscores or hexadecimal.
  ///
  /// - Parameter label: The label as written.
  /// - Returns: The number, `.notFinite`, or `.text`.
  /// - Complexity: O(*n*) for a label of *n* bytes.
  package static func reading(_ label: some Collection<UInt8>) -> Reading {
    var bytes = label[...]
    var isNegative = false
    if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      isNegative = sign == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    if bytes.count == 3 || bytes.count == 8 {
      let lowered = bytes.map { $0 | 0x20 }
      if lowered.elementsEqual("nan".utf8) || lowered.elementsEqual("inf".utf8)
        || lowered.elementsEqual("infinity".utf8)
      {
        return .notFinite
      }
    }
    var digits: [UInt8] = []
    /// The number of digits before the decimal point.
    var integerDigits = 0
    var isAfterPoint = false
    while let byte = bytes.first {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digits.append(byte)
        if !isAfterPoint { integerDigits += 1 }
      } else if byte == UInt8(ascii: "."), !isAfterPoint {
        isAfterPoint = true
      } else {
        break
      }
      bytes = bytes.dropFirst()
    }
    let digitCount = digits.count
    guard digitCount > 0 else { return .text }
    var exponent = 0
    if let marker = bytes.first, marker | 0x20 == UInt8(ascii: "e") {
      bytes = bytes.dropFirst()
      var isExponentNegative = false
      if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        isExponentNegative = sign == UInt8(ascii: "-")
        bytes = bytes.dropFirst()
      }
      guard !bytes.isEmpty else { return .text }
      while let byte = bytes.first, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        // Past a million the value is out of range either way.
        if exponent < 1_000_000 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
        bytes = bytes.dropFirst()
      }
      if isExponentNegative { exponent = -exponent }
    }
    guard bytes.isEmpty else { return .text }
    let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
    digits.removeFirst(leadingZeros)
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    if digits.isEmpty {
      return .number(DecimalLabel(isNegative: false, digits: [], exponent: 0))
    }
    let power = integerDigits - leadingZeros - 1 + exponent
    if power > largestExponent { return .notFinite }
    if power < smallestExponent { return .text }
    return .number(DecimalLabel(isNegative: isNegative, digits: digits, exponent: power))
  }

  /// Reads a label's spelling.
  ///
  /// - Parameter label: The label as written.
  /// - Returns: The number, `.notFinite`, or `.text`.
  package static func reading(_ label: String) -> Reading {
    reading(label.utf8)
  }

  /// Whether the value is a whole number.
  package var isIntegral: Bool { digits.count - 1 <= exponent || digits.isEmpty }

  /// The one spelling of this value: an integer as digits (`1`, `-20`), any
  /// other number in positional notation (`0.5`, `0.0001`), or in
  /// scientific notation as Python's `repr` writes a float
  /// (`1e-05`, `1.5e+20`) when its power of ten is below −4, or at least 16
  /// for a fraction and 40 for an integer.
  package var spelling: String {
    if digits.isEmpty { return "0" }
    var text = isNegative ? "-" : ""
    let digitText = String(decoding: digits, as: UTF8.self)
    if isIntegral && exponent < 40 {
      text += digitText + String(repeating: "0", count: exponent - (digits.count - 1))
    } else if exponent >= -4 && exponent < 16 && !isIntegral {
      if exponent >= 0 {
        text += digitText.prefix(exponent + 1) + "." + digitText.dropFirst(exponent + 1)
      } else {
        text += "0." + String(repeating: "0", count: -exponent - 1) + digitText
      }
    } else {
      text += digitText.prefix(1)
      if digits.count > 1 { text += "." + digitText.dropFirst() }
      let magnitude = String(abs(exponent))
      text += (exponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }
    return text
  }

  /// Whether this value is below `other`.
  package func isLess(than other: DecimalLabel) -> Bool {
    let sign = digits.isEmpty ? 0 : isNegative ? -1 : 1
    let otherSign = other.digits.isEmpty ? 0 : other.isNegative ? -1 : 1
    if sign != otherSign { return sign < otherSign }
    if sign == 0 { return false }
    let magnitudeLess: Bool
    if exponent != other.exponent {
      magnitudeLess = exponent < other.exponent
    } else if digits != other.digits {
      magnitudeLess = digits.lexicographicallyPrecedes(other.digits)
    } else {
      return false
    }
    return isNegative ? !magnitudeLess : magnitudeLess
  }
}
