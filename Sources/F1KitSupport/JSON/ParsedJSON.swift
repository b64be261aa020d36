/// A JSON document as read, numbers kept as their text so that each
/// converts exactly once, with the standard library's correctly rounded
/// `Double(_:)`.
///
/// Foundation's `JSONSerialization` on Linux rounds some numbers to a
/// neighbouring `Double` (0.37787015227147086 reads as 0.3778701522714708),
/// which moves a frozen cut-off and can flip the prediction of an item
/// scored at it. This reader is for the small JSON files F1Kit reads whole,
/// such as the threshold file `f1kit tune --out` writes.
///
/// `NaN`, `Infinity` and `-Infinity`, which Python's `json` module writes,
/// are read as numbers, so a caller can report them as not finite rather
/// than as malformed JSON.
package enum ParsedJSON: Equatable, Sendable {
  /// An object's members, in order.
  case object([(key: String, value: ParsedJSON)])
  /// An array's elements.
  case array([ParsedJSON])
  /// A string, unescaped.
  case string(String)
  /// A number, as written.
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// Why a text is not one JSON value.
  package struct SyntaxError: Error, Equatable {
    /// The byte offset where the text stops making sense.
    package let offset: Int
    /// What was expected there.
    package let expected: String
  }

  /// Reads one JSON value, with nothing but white space around it (and a
  /// UTF-8 byte order mark before it, as Windows editors write).
  ///
  /// - Parameter bytes: The UTF-8 text.
  /// - Throws: A ``SyntaxError`` at the first byte that breaks the grammar.
  /// - Complexity: O(*n*) for *n* bytes; nesting deeper than 512 levels is
  ///   refused.
  package init(parsing bytes: some Collection<UInt8>) throws(SyntaxError) {
    var reader = JSONByteReader(bytes: Array(bytes))
    _ = reader.consume("\u{FEFF}")
    reader.skipWhiteSpace()
    self = try reader.value(depth: 0)
    reader.skipWhiteSpace()
    guard reader.isAtEnd else { throw reader.error("the end of the text") }
  }

  /// The value of an object's member, or `nil` when this is not an object
  /// or has no such member (the first, if the key is repeated).
  package subscript(key: String) -> ParsedJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The number as the correctly rounded `Double`: infinite when it
  /// overflows, NaN for `NaN`; `nil` when this is not a number.
  package var double: Double? {
    guard case .number(let text) = self else { return nil }
    switch text {
    case "NaN": return .nan
    case "Infinity": return .infinity
    case "-Infinity": return -.infinity
    default: return Double(text)
    }
  }

  /// The number as an `Int` when it is written as one (no fraction or
  /// exponent) and fits; otherwise `nil`.
  package var integer: Int? {
    guard case .number(let text) = self else { return nil }
    return Int(text)
  }

  /// The string, or `nil` when this is not a string.
  package var text: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// Whether this is `null`.
  package var isNull: Bool { self == .null }

  package static func == (lhs: ParsedJSON, rhs: ParsedJSON) -> Bool {
    switch (lhs, rhs) {
    case (.object(let left), .object(let right)):
      left.count == right.count
        && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let left), .array(let right)): left == right
    case (.string(let left), .string(let right)): left == right
    case (.number(let left), .number(let right)): left == right
    case (.bool(let left), .bool(let right)): left == right
    case (.null, .null): true
    default: false
    }
  }
}

/// The cursor of ``ParsedJSON/init(parsing:)`` over a byte array.
private struct JSONByteReader {
  let bytes: [UInt8]
  var position = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { position == bytes.count }

  func error(_ expected: String) -> ParsedJSON.SyntaxError {
    ParsedJSON.SyntaxError(offset: position, expected: expected)
  }

  mutating func skipWhiteSpace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
      position += 1
    }
  }

  /// Whether the bytes at the cursor spell `word`; if so, moves past it.
  mutating func consume(_ word: String) -> Bool {
    let utf8 = Array(word.utf8)
    guard bytes.count - position >= utf8.count,
      bytes[position..<position + utf8.count].elementsEqual(utf8)
    else { return false }
    position += utf8.count
    return true
  }

  mutating func value(depth: Int) throws(ParsedJSON.SyntaxError) -> ParsedJSON {
    guard depth < 512 else { throw error("less nesting") }
    guard position < bytes.count else { throw error("a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    default: break
    }
    if consume("true") { return .bool(true) }
    if consume("false") { return .bool(false) }
    if consume("null") { return .null }
    for word in ["NaN", "Infinity", "-Infinity"] where consume(word) { return .number(word) }
    return .number(try number())
  }

  mutating func object(depth: Int) throws(ParsedJSON.SyntaxError) -> ParsedJSON {
    position += 1
    var members: [(key: String, value: ParsedJSON)] = []
    skipWhiteSpace()
    if consume("}") { return .object(members) }
    while true {
      skipWhiteSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("a string key")
      }
      let key = try string()
      skipWhiteSpace()
      guard consume(":") else { throw error("':' after a key") }
      skipWhiteSpace()
      members.append((key, try value(depth: depth + 1)))
      skipWhiteSpace()
      if consume("}") { return .object(members) }
      guard consume(",") else { throw error("',' or '}' after a member") }
    }
  }

  mutating func array(depth: Int) throws(ParsedJSON.SyntaxError) -> ParsedJSON {
    position += 1
    var elements: [ParsedJSON] = []
    skipWhiteSpace()
    if consume("]") { return .array(elements) }
    while true {
      skipWhiteSpace()
      elements.append(try value(depth: depth + 1))
      skipWhiteSpace()
      if consume("]") { return .array(elements) }
      guard consume(",") else { throw error("',' or ']' after an element") }
    }
  }

  /// A number's text, checked against JSON's grammar: an optional minus,
  /// an integer part without leading zeros, an optional fraction and an
  /// optional exponent.
  mutating func number() throws(ParsedJSON.SyntaxError) -> String {
    let start = position
    _ = consume("-")
    let integerStart = position
    let integerDigits = digits()
    guard integerDigits > 0 else { throw error("a value") }
    guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
      throw error("no leading zero")
    }
    if consume(".") {
      guard digits() > 0 else { throw error("a digit after '.'") }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if !consume("+") { _ = consume("-") }
      guard digits() > 0 else { throw error("a digit in the exponent") }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  /// Moves past ASCII digits.
  ///
  /// - Returns: How many there were.
  mutating func digits() -> Int {
    let start = position
    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
    {
      position += 1
    }
    return position - start
  }

  /// A string's value, unescaped; the cursor is on its opening quote.
  mutating func string() throws(ParsedJSON.SyntaxError) -> String {
    position += 1
    var scalars = String.UnicodeScalarView()
    var run = position
    func flush(_ end: Int) {
      scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
    }
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        flush(position)
        position += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush(position)
        position += 1
        scalars.append(try escape())
        run = position
      case 0..<0x20:
        throw error("no control character in a string")
      default:
        position += 1
      }
    }
    throw error("'\"' to end a string")
  }

  /// The character an escape stands for; the cursor is after the backslash.
  mutating func escape() throws(ParsedJSON.SyntaxError) -> Unicode.Scalar {
    guard position < bytes.count else { throw error("an escape") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let unit = try hexUnit()
      if (0xD800..<0xDC00).contains(unit), consume("\\u") {
        let low = try hexUnit()
        if (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        {
          return scalar
        }
      }
      return Unicode.Scalar(unit) ?? "\u{FFFD}"
    default:
      position -= 1
      throw error("a valid escape")
    }
  }

  /// Four hexadecimal digits of a `\u` escape.
  mutating func hexUnit() throws(ParsedJSON.SyntaxError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw error("four hexadecimal digits") }
    var unit: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = hexDigit(bytes[position]) else {
        throw error("four hexadecimal digits")
      }
      unit = unit << 4 | digit
      position += 1
    }
    return unit
  }

  func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
