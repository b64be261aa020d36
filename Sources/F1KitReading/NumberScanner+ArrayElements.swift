extension NumberScanner {
  /// Calls `body` with each number of an array that ``argmax(_:count:)``
  /// has already accepted, in order.
  ///
  /// - Parameters:
  ///   - bytes: The array's bytes, such as `[0.1, 0.9]`.
  ///   - count: The number of bytes.
  ///   - body: Called with each element's value.
  /// - Complexity: O(*n*) for *n* bytes.
  @inline(__always)
  static func forEachArrayElement(
    _ bytes: UnsafePointer<UInt8>, count: Int, _ body: (Double) -> Void
  ) {
    var position = 0
    func isSeparator(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == .comma || byte == .space
        || byte == .tab || byte == .lineFeed || byte == .carriageReturn
    }
    while position < count {
      while position < count, isSeparator(bytes[position]) { position += 1 }
      let start = position
      while position < count, !isSeparator(bytes[position]) { position += 1 }
      guard position > start else { continue }
      if case .value(let value) = score(bytes + start, count: position - start) { body(value) }
    }
  }
}
