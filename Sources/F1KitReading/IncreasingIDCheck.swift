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
/// Two orders are followed at once, and the ids increase when either holds
/// throughout: byte by byte (`a` < `ab` < `b`, as a sort of text gives), or
/// shorter first and then byte by byte, which is the order of numbers as
/// numbers (pandas' index 0, 1, …, 9, 10) and of numbered names (`item-9` <
/// `item-10`). Each is a total order of byte strings, so strictly
/// increasing ids are distinct. Ids that do not increase may still be
/// distinct, so the caller checks them by their hashes (see `IDHashes`).
///
/// An ASCII id of up to 16 bytes is compared as two words, with no branch
/// on its bytes; any other goes through `addOther(_:count:)`.
struct IncreasingIDCheck {
  private var isByteOrder = true
  private var isShortFirstOrder = true
  /// The length of the last id, or -1 before the first.
  private var lastCount = -1
  /// The last id's bytes 0 to 7 and 8 to 15, big-endian and zero-padded,
  /// when it has at most 16 bytes.
  private var lastHigh: UInt64 = 0
  private var lastLow: UInt64 = 0
  /// The last id, when it has more than 16 bytes.
  private var lastBytes: [UInt8] = []
  /// The first id, to compare with the last of the ids read before these
  /// (see `append(_:)`).
  private var firstBytes: [UInt8] = []

  /// Whether every id read is above the one before it, in one of the two
  /// orders.
  var isIncreasing: Bool { isByteOrder || isShortFirstOrder }

  /// Whether no id was added.
  var isEmpty: Bool { lastCount < 0 }

  /// Adds the next id.
  ///
  /// - Parameters:
  ///   - bytes: The id's bytes, followed by at least 8 readable bytes (see
  ///     `ChunkedByteSource.padding`).
  ///   - count: The number of bytes.
  /// - Returns: The outcome: added, or not UTF-8 (checked only while the ids
  ///   increase; the exact check reports it otherwise).
  /// - Complexity: O(1) for an ASCII id of up to 16 bytes, O(*b*) for *b*
  ///   bytes otherwise.
  @inline(__always)
  mutating func add(_ bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    if count <= 16, lastCount <= 16 {
      let raw = UnsafeRawPointer(bytes)
      let first =
        UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & ByteWords.mask(count)
      let second =
        count > 8
        ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
          & ByteWords.mask(count &- 8) : 0
      if (first | second) & 0x8080_8080_8080_8080 == 0, lastCount >= 0 {
        let high = first.byteSwapped
        let low = second.byteSwapped
        let isWordAbove = high > lastHigh || (high == lastHigh && low > lastLow)
        let isWordEqual = high == lastHigh && low == lastLow
        isByteOrder = isByteOrder && (isWordAbove || (isWordEqual && count > lastCount))
        isShortFirstOrder =
          isShortFirstOrder && (count > lastCount || (count == lastCount && isWordAbove))
        (lastCount, lastHigh, lastLow) = (count, high, low)
        return .added
      }
    }
    return addOther(bytes, count: count)
  }

  /// Adds the first id, or an id that is not ASCII or is longer than 16
  /// bytes, or follows such an id.
  @inline(never)
  private mutating func addOther(_ bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    guard isIncreasing else { return .added }
    guard Self.isUTF8(bytes, count: count) else { return .invalidUTF8 }
    let id = UnsafeRawBufferPointer(start: bytes, count: count)
    if isEmpty {
      firstBytes = Array(id)
    } else {
      let (isByteAbove, isShortFirstAbove) = withLastBytes { Self.orders(id, after: $0) }
      isByteOrder = isByteOrder && isByteAbove
      isShortFirstOrder = isShortFirstOrder && isShortFirstAbove
    }
    setLast(id)
    return .added
  }

  /// Adds the ids of `other`, read after these.
  mutating func append(_ other: IncreasingIDCheck) {
    if other.isEmpty { return }
    if isEmpty {
      self = other
      return
    }
    let (isByteAbove, isShortFirstAbove) = other.firstBytes.withUnsafeBytes { first in
      withLastBytes { Self.orders(first, after: $0) }
    }
    isByteOrder = isByteOrder && other.isByteOrder && isByteAbove
    isShortFirstOrder = isShortFirstOrder && other.isShortFirstOrder && isShortFirstAbove
    (lastCount, lastHigh, lastLow, lastBytes) =
      (other.lastCount, other.lastHigh, other.lastLow, other.lastBytes)
  }

  /// Makes `id` the last id.
  private mutating func setLast(_ id: UnsafeRawBufferPointer) {
    lastCount = id.count
    if id.count <= 16 {
      var words: (UInt64, UInt64) = (0, 0)
      withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: id) }
      (lastHigh, lastLow) = (
        UInt64(littleEndian: words.0).byteSwapped, UInt64(littleEndian: words.1).byteSwapped
      )
      lastBytes = []
    } else {
      lastBytes = Array(id)
    }
  }

  /// Calls `body` with the last id's bytes.
  private func withLastBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if lastCount > 16 { return lastBytes.withUnsafeBytes(body) }
    var words = (lastHigh.byteSwapped.littleEndian, lastLow.byteSwapped.littleEndian)
    return withUnsafeBytes(of: &words) { body(UnsafeRawBufferPointer(rebasing: $0[..<lastCount])) }
  }

  /// Whether `id` is above `last` byte by byte, and shorter first.
  private static func orders(_ id: UnsafeRawBufferPointer, after last: UnsafeRawBufferPointer)
    -> (byte: Bool, shortFirst: Bool)
  {
    let common = min(id.count, last.count)
    let order = common == 0 ? 0 : memcmp(id.baseAddress!, last.baseAddress!, common)
    let isByteAbove = order > 0 || (order == 0 && id.count > last.count)
    let isShortFirstAbove = id.count > last.count || (id.count == last.count && order > 0)
    return (isByteAbove, isShortFirstAbove)
  }

  /// Whether `bytes` are UTF-8, as `ItemSink` requires of an id: ASCII a
  /// word at a time, anything else validated.
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
