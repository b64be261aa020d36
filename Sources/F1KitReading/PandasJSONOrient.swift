/// The layouts pandas' `DataFrame.to_json` writes other than JSON Lines,
/// recognized from a file's first bytes so that a file that fails to read
/// as JSON Lines can say how it was written and how to write it instead.
public enum PandasJSONOrient: String, Hashable, Sendable {
  /// `{"column": {"0": value, …}, …}`: `to_json`'s default.
  case columns
  /// `{"0": {"column": value, …}, …}`.
  case index
  /// `{"columns": […], "index": […], "data": […]}`.
  case split
  /// `{"schema": {…}, "data": […]}`.
  case table
  /// `[[value, …], …]`.
  case values

  /// The layout that `opening`, a file's first bytes, begins, or `nil`
  /// when it is none of them.
  ///
  /// The `columns` and `index` layouts are recognized only with a
  /// default `RangeIndex` (index keys `"0"`, `"1"`, …), so that a JSON
  /// Lines record whose first value is an object is not taken for one.
  ///
  /// - Parameter opening: The first bytes of the file (a few hundred are
  ///   enough).
  /// - Returns: The layout, or `nil`.
  public init?(opening: some Collection<UInt8>) {
    var bytes = Array(opening.prefix(512))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var scanner = Scanner(bytes: bytes)
    if scanner.take("[") {
      guard scanner.take("[") else { return nil }
      self = .values
      return
    }
    guard scanner.take("{"), let key = scanner.string(), scanner.take(":") else { return nil }
    if key == "columns", scanner.take("[") {
      self = .split
    } else if key == "schema", scanner.take("{") {
      self = .table
    } else if scanner.take("{"), let inner = scanner.string(), scanner.take(":") {
      if Self.isIndexKey(key) {
        self = .index
      } else if Self.isIndexKey(inner) {
        self = .columns
      } else {
        return nil
      }
    } else {
      return nil
    }
  }

  /// The argument to give `to_json` for this layout.
  public var argument: String {
    self == .columns ? "" : ", orient=\"\(rawValue)\""
  }

  private static func isIndexKey(_ key: String) -> Bool {
    !key.isEmpty && key.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// Reads JSON punctuation and simple strings, spaces aside.
  private struct Scanner {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Skips spaces and takes `character` if it comes next.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
      while offset < bytes.count, PredictionFileParser.isWhitespace(bytes[offset]) { offset += 1 }
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: character) else { return false }
      offset += 1
      return true
    }

    /// Takes a string without escapes if one comes next.
    mutating func string() -> String? {
      guard take("\"") else { return nil }
      let start = offset
      while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
        if bytes[offset] == UInt8(ascii: "\\") { return nil }
        offset += 1
      }
      guard offset < bytes.count else { return nil }
      defer { offset += 1 }
      return String(decoding: bytes[start..<offset], as: UTF8.self)
    }
  }
}
