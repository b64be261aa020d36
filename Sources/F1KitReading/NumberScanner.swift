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
  static func score(_ bytes: UnsafePointer<UInt8>, count: Int) -> Score {
    var position = 0
    if position < count,
      bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
    {
      position += 1
    }
    if isNonFiniteWord(bytes + position, count: count - position) { return .notFinite }
    var digits = 0
    while position < count, isDigit(bytes[position]) {
      position += 1
      digits += 1
    }
    if position < count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      while position < count, isDigit(bytes[position]) {
        position += 1
        digits += 1
      }
    }
    guard digits > 0 else { return .invalid }
    if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      var exponentDigits = 0
      while position < count, isDigit(bytes[position]) {
        position += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return .invalid }
    }
    guard position == count else { return .invalid }
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    guard let value = Double(text) else { return .invalid }
    return value.isFinite ? .value(value) : .notFinite
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
