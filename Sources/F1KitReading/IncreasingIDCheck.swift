import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a file's ids strictly increase, checked as they are read, keeping
/// only the first and the last: the cheap look for a repeated id in a pass
/// that keeps no ids (see `CountingSink`).
///
/// Ids that are all integers (pandas' index 0, 1, 2, …, `-5`, `007`) compare
/// as numbers; any other ids compare as bytes (`item-0001`, `item-0002`).
/// Strictly increasing ids are distinct: two equal byte strings are the same
/// number. Ids that do not increase may still be distinct, so the caller
/// checks them exactly, in another pass; once they stop increasing, adding
/// an id costs nothing.
struct IncreasingIDCheck {
  /// How the ids compare: fixed by the first id.
  private enum Kind {
    case none
    case integers
    case bytes
  }

  /// Whether every id read is above the one before it.
  private(set) var isIncreasing = true
  private var kind = Kind.none
  private var firstInteger: Int64 = 0
  private var lastInteger: Int64 = 0
  private var firstBytes: [UInt8] = []
  private var lastBytes: [UInt8] = []

  /// Whether no id was added.
  var isEmpty: Bool { kind == .none }

  /// Adds the next id.
  ///
  /// - Parameters:
  ///   - bytes: The id's bytes, followed by at least 8 readable bytes (see
  ///     `ChunkedByteSource.padding`).
  ///   - count: The number of bytes.
  /// - Returns: The outcome: added, or not UTF-8 (checked only while the ids
  ///   increase; the exact check reports it otherwise).
  /// - Complexity: O(1) for an integer, O(*b*) for *b* bytes.
  @inline(__always)
  mutating func add(_ bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    guard isIncreasing else { return .added }
    switch kind {
    case .integers:
      guard let value = Self.integer(bytes, count: count), value > lastInteger else {
        isIncreasing = false
        return .added
      }
      lastInteger = value
      return .added
    case .bytes:
      guard Self.isUTF8(bytes, count: count) else { return .invalidUTF8 }
      guard Self.compare(bytes, count: count, with: lastBytes) > 0 else {
        isIncreasing = false
        return .added
      }
      lastBytes.removeAll(keepingCapacity: true)
      lastBytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
      return .added
    case .none:
      if let value = Self.integer(bytes, count: count) {
        kind = .integers
        (firstInteger, lastInteger) = (value, value)
        return .added
      }
      guard Self.isUTF8(bytes, count: count) else { return .invalidUTF8 }
      kind = .bytes
      firstBytes = Array(UnsafeBufferPointer(start: bytes, count: count))
      lastBytes = firstBytes
      return .added
    }
  }

  /// Adds the ids of `other`, read after these.
  mutating func append(_ other: IncreasingIDCheck) {
    if other.isEmpty { return }
    if isEmpty {
      self = other
      return
    }
    guard isIncreasing, other.isIncreasing, kind == other.kind else {
      isIncreasing = false
      return
    }
    switch kind {
    case .integers:
      isIncreasing = other.firstInteger > lastInteger
      lastInteger = other.lastInteger
    case .bytes:
      isIncreasing =
        other.firstBytes.withUnsafeBufferPointer {
          Self.compare($0.baseAddress!, count: $0.count, with: lastBytes)
        } > 0
      lastBytes = other.lastBytes
    case .none:
      break
    }
  }

  /// The value of an id written as an integer of at most 18 digits with an
  /// optional `-`, or `nil`.
  @inline(__always)
  static func integer(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int64? {
    let isNegative = count > 1 && bytes[0] == UInt8(ascii: "-")
    var index = isNegative ? 1 : 0
    guard count &- index > 0, count &- index <= 18 else { return nil }
    var value: Int64 = 0
    while index < count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int64(digit)
      index &+= 1
    }
    return isNegative ? -value : value
  }

  /// How `bytes` order against `other` byte by byte, a prefix first:
  /// negative, zero or positive.
  @inline(__always)
  private static func compare(_ bytes: UnsafePointer<UInt8>, count: Int, with other: [UInt8])
    -> Int
  {
    other.withUnsafeBufferPointer { other in
      let common = min(count, other.count)
      if common > 0 {
        let order = memcmp(bytes, other.baseAddress!, common)
        if order != 0 { return Int(order) }
      }
      return count - other.count
    }
  }

  /// Whether `bytes` are UTF-8, as `ItemSink` requires of an id: ASCII a
  /// word at a time, anything else validated.
  @inline(__always)
  private static func isUTF8(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
    let raw = UnsafeRawPointer(bytes)
    var highBits: UInt64 = 0
    var offset = 0
    while offset < count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      highBits |= word & ByteWords.mask(count &- offset)
      offset &+= 8
    }
    if highBits & 0x8080_8080_8080_8080 == 0 { return true }
    return String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
      != nil
  }
}
