import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps the raw bytes of group values to dense codes in first-seen order,
/// for columns with many distinct values (a query or premise per group).
///
/// `LabelInterner` suits a few labels; with thousands of groups each of its
/// lookups touches two places at random (a table slot, then the entry the
/// slot names), and both fall out of the processor's caches while a file
/// streams past them. Here a slot keeps the value's first eight bytes
/// beside its code, so a value of up to eight bytes (`q17`, `g4096`) is
/// found with one memory access; a longer one is confirmed against its
/// bytes, kept once in an arena. The table is at most three quarters full.
/// A `String` is made only the first time a value is seen.
struct GroupInterner {
  /// Two words per slot: the value's first eight bytes, zero-padded; then
  /// the high 24 bits of its hash, its length (up to 255) in bits 32 to
  /// 39, and its code plus one in the low 32 bits (0 marks an empty slot).
  private var slots = [UInt64](repeating: 0, count: 2 * 64)
  private var mask = 63
  /// The value of each code.
  private(set) var names: [String] = []
  /// Whether each code's value is a text pandas reads as a missing value
  /// (``MissingValueText``), looked up per record by its code.
  private(set) var isMissingValue: [Bool] = []
  /// Where each code's bytes start in `arena`, how many there are (the
  /// bytes are kept only for values past eight bytes) and their hash.
  private var extents: [(offset: Int, count: Int, hash: UInt64)] = []
  /// The bytes of values longer than eight bytes.
  private var arena: [UInt8] = []

  /// The number of values seen.
  var count: Int { names.count }

  private static let tagMask: UInt64 = 0xFFFF_FF00_0000_0000

  /// The code of the value with these bytes, adding it if it is new.
  ///
  /// - Parameters:
  ///   - bytes: The value's bytes, followed by at least 8 readable bytes
  ///     (see `ByteWords`).
  ///   - count: The number of bytes.
  /// - Returns: The code, or `nil` if the value is new and not valid UTF-8.
  /// - Complexity: O(`count`) expected.
  @inline(__always)
  mutating func code(ofPadded bytes: UnsafePointer<UInt8>, count: Int) -> Int32? {
    let words = ByteWords(padded: bytes, count: count)
    let key = words.hash & Self.tagMask | UInt64(min(count, 255)) << 32
    var slot = Int(truncatingIfNeeded: words.hash) & mask
    while true {
      let meta = slots[2 &* slot &+ 1]
      if meta == 0 { break }
      if meta & 0xFFFF_FFFF_0000_0000 == key, slots[2 &* slot] == words.first {
        let code = Int32(truncatingIfNeeded: meta) &- 1
        if count <= 8 || matches(code, bytes, count: count) { return code }
      }
      slot = (slot &+ 1) & mask
    }
    guard
      let name = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    else { return nil }
    return insert(name, bytes: bytes, count: count, words: words, key: key, slot: slot)
  }

  /// The code of `value`, adding it if it is new.
  mutating func code(of value: String) -> Int32 {
    let bytes = Array(value.utf8) + Array(repeating: 0, count: 8)
    return bytes.withUnsafeBufferPointer {
      code(ofPadded: $0.baseAddress!, count: bytes.count - 8)!
    }
  }

  /// Adds the values of `other`, read after this interner's.
  ///
  /// - Returns: The code here of each of `other`'s codes: values new here
  ///   take the next codes in `other`'s first-seen order, as one pass over
  ///   both would number them.
  mutating func merge(_ other: GroupInterner) -> [Int32] {
    other.names.map { code(of: $0) }
  }

  /// Whether the value of `code` has these bytes.
  private func matches(_ code: Int32, _ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
    let extent = extents[Int(code)]
    guard extent.count == count else { return false }
    return arena.withUnsafeBufferPointer { stored in
      memcmp(stored.baseAddress! + extent.offset, bytes, count) == 0
    }
  }

  private mutating func insert(
    _ name: String, bytes: UnsafePointer<UInt8>, count: Int, words: ByteWords, key: UInt64,
    slot: Int
  ) -> Int32 {
    let code = Int32(names.count)
    extents.append((arena.count, count, words.hash))
    if count > 8 { arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
    names.append(name)
    isMissingValue.append(MissingValueText.isMissing(name))
    slots[2 * slot] = words.first
    slots[2 * slot + 1] = key | UInt64(code + 1)
    if names.count * 4 > (mask + 1) * 3 { rehash() }
    return code
  }

  /// Doubles the table, placing each value by its hash again.
  private mutating func rehash() {
    let old = slots
    let oldCapacity = mask + 1
    mask = mask * 2 + 1
    slots = [UInt64](repeating: 0, count: 2 * (mask + 1))
    for index in 0..<oldCapacity where old[2 * index + 1] != 0 {
      let code = Int(truncatingIfNeeded: old[2 * index + 1] & 0xFFFF_FFFF) - 1
      let hash = extents[code].hash
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
      slots[2 * slot] = old[2 * index]
      slots[2 * slot + 1] = old[2 * index + 1]
    }
  }
}
