import F1Kit

/// Reads numbers from raw bytes without making a `String` per value (except
/// transiently for the final, correctly rounded conversion).
enum NumberScanner {
  /// The result of reading a score.
  enum Score: Equatable {
    case value(Double)
    /// NaN or an infinity, spelled out or overflowing.
    case notFinite
    case invalid
  }

  /// Reads a decimal floating-point number.
  ///
  /// Accepts an optional sign, digits with an optional decimal point (at
  /// least one digit in all), and an optional exponent, as Python's `float`
  /// does, but no surrounding whitespace, underscores or hexadecimal.
  /// `nan`, `inf` and `infinity` in any case, with an optional sign, are
  /// `.notFinite`, as are values too large for `Double`.
  ///
  /// A number of at most 19 significant digits whose decimal exponent is in
  /// the table of ``PowersOfTen`` is converted directly (the Eisel-Lemire
  /// algorithm, ``exactDouble(significand:exponent:isNegative:)``), which
  /// gives the correctly rounded `Double` or declines; anything else, or a
  /// declined case, goes through the standard library's correctly rounded
  /// conversion. Both give the same bits.
  static func score(_ bytes: UnsafePointer<UInt8>, count: Int) -> Score {
    var position = 0
    var isNegative = false
    if position < count,
      bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
    {
      isNegative = bytes[position] == UInt8(ascii: "-")
      position += 1
    }
    if isNonFiniteWord(bytes + position, count: count - position) { return .notFinite }
    var digits = 0
    // The digits as an integer, ignoring leading zeros, while at most 19
    // are significant; the decimal exponent of its last digit.
    var significand: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    while position < count, isDigit(bytes[position]) {
      accumulate(bytes[position], into: &significand, digits: &significantDigits)
      position += 1
      digits += 1
    }
    if position < count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      while position < count, isDigit(bytes[position]) {
        accumulate(bytes[position], into: &significand, digits: &significantDigits)
        exponent -= 1
        position += 1
        digits += 1
      }
    }
    guard digits > 0 else { return .invalid }
    if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      var isExponentNegative = false
      if position < count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        isExponentNegative = bytes[position] == UInt8(ascii: "-")
        position += 1
      }
      var exponentDigits = 0
      var written = 0
      while position < count, isDigit(bytes[position]) {
        // Saturates far outside the table, so no overflow.
        if written < 100_000 { written = written &* 10 &+ Int(bytes[position] &- 48) }
        position += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return .invalid }
      exponent += isExponentNegative ? -written : written
    }
    guard position == count else { return .invalid }
    if significantDigits <= 19 {
      if significand == 0 { return .value(isNegative ? -0.0 : 0.0) }
      if let value = exactDouble(
        significand: significand, exponent: exponent, isNegative: isNegative)
      {
        return .value(value)
      }
    }
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    guard let value = Double(text) else { return .invalid }
    return value.isFinite ? .value(value) : .notFinite
  }

  /// Adds a decimal digit to a significand, counting significant digits
  /// (those from the first nonzero one); past 19 the significand is no
  /// longer exact and only the count grows.
  @inline(__always)
  private static func accumulate(_ byte: UInt8, into significand: inout UInt64, digits: inout Int) {
    if digits > 0 || byte != UInt8(ascii: "0") { digits &+= 1 }
    if digits <= 19 { significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0")) }
  }

  /// The `Double` nearest to significand × 10^exponent, correctly rounded
  /// (ties to even), or `nil` when this fast conversion cannot be sure.
  ///
  /// This is the Eisel-Lemire algorithm (Daniel Lemire, [Number Parsing at
  /// a Gigabyte per Second](https://arxiv.org/abs/2101.11408), 2021): the
  /// significand, normalised to 64 bits, is multiplied by the 128 leading
  /// bits of 10^exponent (``PowersOfTen``); when the product's discarded
  /// bits leave the rounding in doubt (a value too close to halfway
  /// between two doubles), and for results that would be subnormal,
  /// infinite or outside the table, it returns `nil` so the caller falls
  /// back to a full conversion.
  ///
  /// - Parameters:
  ///   - significand: The decimal digits as an integer, not zero.
  ///   - exponent: The power of ten it is multiplied by.
  ///   - isNegative: Whether the number is negative.
  /// - Returns: The correctly rounded value, or `nil`.
  static func exactDouble(significand: UInt64, exponent: Int, isNegative: Bool) -> Double? {
    guard significand != 0, exponent >= PowersOfTen.minimumExponent,
      exponent <= PowersOfTen.maximumExponent
    else { return nil }
    let leadingZeros = significand.leadingZeroBitCount
    let normalized = significand &<< UInt64(leadingZeros)
    // The biased binary exponent: floor(exponent × log2(10)) + 64 + 1023,
    // less the normalisation shift.
    var binaryExponent = UInt64(
      bitPattern: Int64(((217_706 &* exponent) &>> 16) &+ 64 &+ 1023 &- leadingZeros))
    let row = (exponent &- PowersOfTen.minimumExponent) &* 2
    let (powerHigh, powerLow) = (PowersOfTen.words[row], PowersOfTen.words[row &+ 1])
    var (high, low) = normalized.multipliedFullWidth(by: powerHigh)
    if high & 0x1FF == 0x1FF && low &+ normalized < normalized {
      // The truncated power may matter: add the next 64 bits.
      let (nextHigh, nextLow) = normalized.multipliedFullWidth(by: powerLow)
      var mergedHigh = high
      let mergedLow = low &+ nextHigh
      if mergedLow < low { mergedHigh &+= 1 }
      if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && nextLow &+ normalized < normalized {
        return nil
      }
      (high, low) = (mergedHigh, mergedLow)
    }
    let topBit = high &>> 63
    var mantissa = high &>> (topBit &+ 9)
    binaryExponent &-= 1 ^ topBit
    // Exactly halfway between two doubles, or too close to tell.
    if low == 0 && high & 0x1FF == 0 && mantissa & 3 == 1 { return nil }
    mantissa &+= mantissa & 1
    mantissa &>>= 1
    if mantissa &>> 53 > 0 {
      mantissa &>>= 1
      binaryExponent &+= 1
    }
    // Subnormal (0 or below, wrapped) or infinite (0x7FF and above).
    if binaryExponent &- 1 >= 0x7FF - 1 { return nil }
    let bits =
      binaryExponent &<< 52 | mantissa & 0x000F_FFFF_FFFF_FFFF | (isNegative ? 1 &<< 63 : 0)
    return Double(bitPattern: bits)
  }

  /// Reads a non-negative decimal integer: ASCII digits only.
  ///
  /// - Returns: The value, or `nil` for anything else or an overflow.
  static func count(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int? {
    guard count > 0 else { return nil }
    var value = 0
    for index in 0..<count {
      let byte = bytes[index]
      guard isDigit(byte) else { return nil }
      let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
      if overflow1 || overflow2 { return nil }
      value = sum
    }
    return value
  }

  /// The result of reading an array of scores.
  enum ArgmaxResult: Equatable {
    /// The index of the first highest score, and the number of scores.
    case argmax(index: Int, count: Int)
    /// The element at `index` is NaN or infinite; `text` is its spelling.
    case notFinite(text: String)
    /// The element spelled `text` is not a number.
    case invalidElement(text: String)
    /// The text is not an array of numbers.
    case notAnArray
  }

  /// Finds the highest score in a JSON-style array such as `[0.1, 0.9]`.
  ///
  /// Ties go to the first (lowest-index) highest score, as NumPy's `argmax`
  /// does. Whitespace around elements and brackets is allowed.
  static func argmax(_ bytes: UnsafePointer<UInt8>, count: Int) -> ArgmaxResult {
    var position = 0
    func skipWhitespace() {
      while position < count,
        bytes[position] == .space || bytes[position] == .tab || bytes[position] == .lineFeed
          || bytes[position] == .carriageReturn
      {
        position += 1
      }
    }
    skipWhitespace()
    guard position < count, bytes[position] == UInt8(ascii: "[") else { return .notAnArray }
    position += 1
    skipWhitespace()
    var best = -Double.infinity
    var bestIndex = -1
    var elementCount = 0
    if position < count, bytes[position] == UInt8(ascii: "]") {
      position += 1
    } else {
      while true {
        let elementStart = position
        while position < count, bytes[position] != .comma, bytes[position] != UInt8(ascii: "]"),
          bytes[position] != .space, bytes[position] != .tab, bytes[position] != .lineFeed,
          bytes[position] != .carriageReturn
        {
          position += 1
        }
        let elementLength = position - elementStart
        let text = {
          String(
            decoding: UnsafeBufferPointer(start: bytes + elementStart, count: elementLength),
            as: UTF8.self)
        }
        switch score(bytes + elementStart, count: elementLength) {
        case .value(let value):
          if bestIndex < 0 || value > best {
            best = value
            bestIndex = elementCount
          }
        case .notFinite:
          return .notFinite(text: text())
        case .invalid:
          return elementLength == 0 ? .notAnArray : .invalidElement(text: text())
        }
        elementCount += 1
        skipWhitespace()
        guard position < count else { return .notAnArray }
        if bytes[position] == .comma {
          position += 1
          skipWhitespace()
          continue
        }
        guard bytes[position] == UInt8(ascii: "]") else { return .notAnArray }
        position += 1
        break
      }
    }
    skipWhitespace()
    guard position == count else { return .notAnArray }
    return .argmax(index: bestIndex, count: elementCount)
  }

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  private static func isNonFiniteWord(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
    guard count == 3 || count == 8 else { return false }
    let lowered = (0..<count).map { bytes[$0] | 0x20 }
    return lowered.elementsEqual("nan".utf8) || lowered.elementsEqual("inf".utf8)
      || lowered.elementsEqual("infinity".utf8)
  }
}
