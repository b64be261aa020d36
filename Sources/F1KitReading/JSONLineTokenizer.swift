import F1Kit

/// Parses one JSON Lines line, an object, picking out the values of the keys
/// it is asked for.
///
/// Strings are unescaped in place in the read buffer; numbers, `true`,
/// `false` and `null` are left as their tokens; arrays and objects are left as
/// their text, checked only for balanced brackets and strings (the score
/// array parser checks an array it uses). `NaN`, `Infinity` and `-Infinity`,
/// which Python's `json` module writes, are read as numbers so that a score
/// can be reported as not finite rather than as malformed JSON.
final class JSONLineTokenizer {
  /// A syntax error at a buffer offset.
  enum SyntaxError: Error {
    case malformed(expected: String, offset: Int)
    case invalidUTF8Key(offset: Int)
  }

  /// The keys whose values are wanted, as UTF-8.
  private let keys: [[UInt8]]
  /// The value of each wanted key in the last line.
  let values: UnsafeMutablePointer<ValueSlice>
  /// Whether each wanted key was in the last line.
  let isPresent: UnsafeMutablePointer<Bool>
  /// Every key of the last line, in order, when collecting them.
  private(set) var collectedKeys: [String] = []
  private let isCollectingKeys: Bool

  /// Creates a tokenizer that picks out `keys`, or one that collects every
  /// key when `keys` is `nil`.
  init(keys: [String]?) {
    self.keys = (keys ?? []).map { Array($0.utf8) }
    isCollectingKeys = keys == nil
    values = .allocate(capacity: max(self.keys.count, 1))
    isPresent = .allocate(capacity: max(self.keys.count, 1))
    isPresent.initialize(repeating: false, count: max(self.keys.count, 1))
  }

  deinit {
    values.deallocate()
    isPresent.deallocate()
  }

  /// The keys of the object on one line, read from a copy of the line.
  ///
  /// Tokenizing unescapes strings in place, so tokenizing the line itself
  /// would leave `"\u00e9"` as `é00e9` (and `"a \"b\""` as a stray quote)
  /// for the pass that then reads the same line as data.
  ///
  /// - Parameters:
  ///   - line: The line's first byte.
  ///   - count: The line's length, without its line feed.
  /// - Returns: The keys in order, or `nil` for a blank line.
  /// - Throws: ``SyntaxError`` with offsets counted from the line's start.
  static func keys(ofLine line: UnsafePointer<UInt8>, count: Int) throws(SyntaxError) -> [String]? {
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
    defer { copy.deallocate() }
    copy.update(from: line, count: count)
    let tokenizer = JSONLineTokenizer(keys: nil)
    guard try tokenizer.tokenize(copy, from: 0, to: count) else { return nil }
    return tokenizer.collectedKeys
  }

  /// Parses the line in `start..<end` (without its line feed).
  ///
  /// - Returns: `false` if the line is blank.
  func tokenize(
    _ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int
  ) throws(SyntaxError) -> Bool {
    for index in 0..<keys.count { isPresent[index] = false }
    collectedKeys.removeAll(keepingCapacity: true)
    var position = start
    skipWhitespace(base, &position, end)
    if position == end { return false }
    guard base[position] == .openingBrace else {
      throw .malformed(expected: "'{' to start an object", offset: position)
    }
    position += 1
    skipWhitespace(base, &position, end)
    if position < end, base[position] == .closingBrace {
      position += 1
    } else {
      while true {
        guard position < end, base[position] == .quote else {
          throw .malformed(expected: "a string key", offset: position)
        }
        let keyOffset = position
        let key = try string(base, &position, end)
        skipWhitespace(base, &position, end)
        guard position < end, base[position] == .colon else {
          throw .malformed(expected: "':' after a key", offset: position)
        }
        position += 1
        skipWhitespace(base, &position, end)
        let value = try self.value(base, &position, end)
        try record(key: key, value: value, base: base, keyOffset: keyOffset)
        skipWhitespace(base, &position, end)
        guard position < end else {
          throw .malformed(expected: "',' or '}' after a value", offset: position)
        }
        if base[position] == .comma {
          position += 1
          skipWhitespace(base, &position, end)
          continue
        }
        guard base[position] == .closingBrace else {
          throw .malformed(expected: "',' or '}' after a value", offset: position)
        }
        position += 1
        break
      }
    }
    skipWhitespace(base, &position, end)
    guard position == end else {
      throw .malformed(expected: "the end of the line after the object", offset: position)
    }
    return true
  }

  private func record(
    key: ValueSlice, value: ValueSlice, base: UnsafeMutablePointer<UInt8>, keyOffset: Int
  ) throws(SyntaxError) {
    if isCollectingKeys {
      guard
        let name = String(
          validating: UnsafeBufferPointer(start: base + key.start, count: key.count), as: UTF8.self)
      else { throw .invalidUTF8Key(offset: keyOffset) }
      collectedKeys.append(name)
      return
    }
    for (index, wanted) in keys.enumerated() where wanted.count == key.count {
      let isEqual = wanted.withUnsafeBufferPointer { wantedBytes in
        (0..<key.count).allSatisfy { wantedBytes[$0] == base[key.start + $0] }
      }
      if isEqual {
        values[index] = value
        isPresent[index] = true
      }
    }
  }

  @inline(__always)
  private func skipWhitespace(
    _ base: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ end: Int
  ) {
    while position < end {
      let byte = base[position]
      guard byte == .space || byte == .tab || byte == .carriageReturn || byte == .lineFeed else {
        return
      }
      position += 1
    }
  }

  private func value(
    _ base: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ end: Int
  ) throws(SyntaxError) -> ValueSlice {
    guard position < end else { throw .malformed(expected: "a value", offset: position) }
    let start = position
    switch base[position] {
    case .quote:
      return try string(base, &position, end)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if base[position] == UInt8(ascii: "-"), position + 1 < end,
        base[position + 1] == UInt8(ascii: "I")
      {
        position += 1
        try literal("Infinity", base, &position, end)
      } else {
        try number(base, &position, end)
      }
      return ValueSlice(start: start, count: position - start, kind: .number, origin: start)
    case UInt8(ascii: "N"):
      try literal("NaN", base, &position, end)
      return ValueSlice(start: start, count: position - start, kind: .number, origin: start)
    case UInt8(ascii: "I"):
      try literal("Infinity", base, &position, end)
      return ValueSlice(start: start, count: position - start, kind: .number, origin: start)
    case UInt8(ascii: "t"):
      try literal("true", base, &position, end)
      return ValueSlice(start: start, count: position - start, kind: .boolean, origin: start)
    case UInt8(ascii: "f"):
      try literal("false", base, &position, end)
      return ValueSlice(start: start, count: position - start, kind: .boolean, origin: start)
    case UInt8(ascii: "n"):
      try literal("null", base, &position, end)
      return ValueSlice(start: start, count: position - start, kind: .null, origin: start)
    case UInt8(ascii: "["), .openingBrace:
      let kind: ValueKind = base[position] == .openingBrace ? .object : .array
      try skipContainer(base, &position, end)
      return ValueSlice(start: start, count: position - start, kind: kind, origin: start)
    default:
      throw .malformed(expected: "a value", offset: position)
    }
  }

  private func literal(
    _ text: StaticString, _ base: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ end: Int
  ) throws(SyntaxError) {
    let start = position
    let count = text.utf8CodeUnitCount
    let bytes = text.utf8Start
    guard end - position >= count, (0..<count).allSatisfy({ base[position + $0] == bytes[$0] })
    else { throw .malformed(expected: "a value", offset: start) }
    position += count
  }

  /// Scans a number as JSON spells it.
  private func number(
    _ base: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ end: Int
  ) throws(SyntaxError) {
    let start = position
    func isDigit(_ offset: Int) -> Bool {
      offset < end && base[offset] >= UInt8(ascii: "0") && base[offset] <= UInt8(ascii: "9")
    }
    if base[position] == UInt8(ascii: "-") { position += 1 }
    guard isDigit(position) else { throw .malformed(expected: "a number", offset: start) }
    if base[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while isDigit(position) { position += 1 }
    }
    if position < end, base[position] == UInt8(ascii: ".") {
      position += 1
      guard isDigit(position) else {
        throw .malformed(expected: "a digit after '.'", offset: position)
      }
      while isDigit(position) { position += 1 }
    }
    if position < end, base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E") {
      position += 1
      if position < end, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard isDigit(position) else {
        throw .malformed(expected: "a digit in the exponent", offset: position)
      }
      while isDigit(position) { position += 1 }
    }
  }

  /// Skips an array or object, checking only that brackets balance outside
  /// strings.
  private func skipContainer(
    _ base: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ end: Int
  ) throws(SyntaxError) {
    var closers: [UInt8] = []
    let start = position
    while position < end {
      let byte = base[position]
      switch byte {
      case UInt8(ascii: "["):
        closers.append(UInt8(ascii: "]"))
      case .openingBrace:
        closers.append(.closingBrace)
      case UInt8(ascii: "]"), .closingBrace:
        guard closers.last == byte else {
          throw .malformed(
            expected: "a matching '\(Character(Unicode.Scalar(closers.last ?? byte)))'",
            offset: position)
        }
        closers.removeLast()
        if closers.isEmpty {
          position += 1
          return
        }
      case .quote:
        position += 1
        while position < end, base[position] != .quote {
          position += base[position] == UInt8(ascii: "\\") ? 2 : 1
        }
        if position >= end { throw .malformed(expected: "a closing '\"'", offset: start) }
      default:
        break
      }
      position += 1
    }
    throw .malformed(expected: "a closing bracket", offset: start)
  }

  /// Parses a string at `position` (its opening quote) and unescapes it in
  /// place.
  private func string(
    _ base: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ end: Int
  ) throws(SyntaxError) -> ValueSlice {
    let opening = position
    position += 1
    var write = position
    while true {
      guard position < end else {
        throw .malformed(
          expected: "a closing '\"' for the string that starts here", offset: opening)
      }
      let byte = base[position]
      if byte == .quote {
        position += 1
        return ValueSlice(
          start: opening + 1, count: write - opening - 1, kind: .string, origin: opening)
      }
      if byte < 0x20 {
        throw .malformed(expected: "no control characters in a string", offset: position)
      }
      if byte != UInt8(ascii: "\\") {
        base[write] = byte
        write += 1
        position += 1
        continue
      }
      guard position + 1 < end else {
        throw .malformed(expected: "an escape after '\\'", offset: position)
      }
      let escaped = base[position + 1]
      let replacement: UInt8
      switch escaped {
      case .quote, UInt8(ascii: "\\"), UInt8(ascii: "/"): replacement = escaped
      case UInt8(ascii: "b"): replacement = 0x08
      case UInt8(ascii: "f"): replacement = 0x0C
      case UInt8(ascii: "n"): replacement = .lineFeed
      case UInt8(ascii: "r"): replacement = .carriageReturn
      case UInt8(ascii: "t"): replacement = .tab
      case UInt8(ascii: "u"):
        let escapeStart = position
        var scalarValue = try hexQuad(base, position + 2, end, escapeStart)
        position += 6
        if scalarValue >= 0xD800, scalarValue < 0xDC00 {
          guard end - position >= 6, base[position] == UInt8(ascii: "\\"),
            base[position + 1] == UInt8(ascii: "u")
          else {
            throw .malformed(
              expected: "a low surrogate '\\u' escape after a high surrogate", offset: position)
          }
          let low = try hexQuad(base, position + 2, end, position)
          guard low >= 0xDC00, low < 0xE000 else {
            throw .malformed(
              expected: "a low surrogate '\\u' escape after a high surrogate", offset: position)
          }
          scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
          position += 6
        } else if scalarValue >= 0xDC00, scalarValue < 0xE000 {
          throw .malformed(expected: "a high surrogate before a low surrogate", offset: escapeStart)
        }
        for unit in UTF8.encode(Unicode.Scalar(scalarValue)!)! {
          base[write] = unit
          write += 1
        }
        continue
      default:
        throw .malformed(
          expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'", offset: position)
      }
      base[write] = replacement
      write += 1
      position += 2
    }
  }

  private func hexQuad(
    _ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, _ escapeStart: Int
  ) throws(SyntaxError) -> UInt32 {
    guard end - start >= 4 else {
      throw .malformed(expected: "four hex digits after '\\u'", offset: escapeStart)
    }
    var value: UInt32 = 0
    for offset in start..<start + 4 {
      let byte = base[offset]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw .malformed(expected: "four hex digits after '\\u'", offset: escapeStart)
      }
      value = value << 4 | digit
    }
    return value
  }
}

extension UInt8 {
  static let colon: UInt8 = 0x3A
  static let closingBrace: UInt8 = 0x7D
}
