#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps the raw bytes of labels to dense codes in first-seen order.
///
/// Bytes are hashed with 64-bit FNV-1a into an open-addressing table of codes
/// with linear probing; the bytes of each label are kept in an arena for
/// comparison, and a `String` is made only the first time a label is seen.
/// A value type, so that the parsing loop can own it without the dynamic
/// exclusivity checks that class properties need.
struct LabelInterner {
  /// The label of each code.
  private(set) var names: [String] = []
  /// By hash slot: the high 32 bits of the hash and the code plus one in the
  /// low 32 bits, so most mismatches are rejected without touching another
  /// cache line; 0 marks an empty slot.
  private var table = [UInt64](repeating: 0, count: 64)
  private var mask = 63
  private var hashes: [UInt64] = []
  private var offsets: [Int] = []
  private var lengths: [Int] = []
  private var arena: [UInt8] = []

  /// The number of labels seen.
  var count: Int { names.count }

  /// The code of the label with these bytes, adding it if it is new.
  ///
  /// - Returns: The code, or `nil` if the label is new and not valid UTF-8.
  @inline(__always)
  mutating func code(of bytes: UnsafePointer<UInt8>, count: Int) -> Int32? {
    let hash = Self.hash(bytes, count: count)
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = hash & 0xFFFF_FFFF_0000_0000
    while true {
      let entry = table[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let index = Int(entry & 0xFFFF_FFFF) - 1
        if lengths[index] == count, equals(bytes, count: count, at: offsets[index]) {
          return Int32(index)
        }
      }
      slot = (slot + 1) & mask
    }
    guard let name = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    else { return nil }
    return insert(name, bytes: bytes, count: count, hash: hash, slot: slot)
  }

  /// The code of `label`, adding it if it is new.
  mutating func code(of label: String) -> Int32 {
    let bytes = Array(label.utf8) + [0]
    return bytes.withUnsafeBufferPointer { code(of: $0.baseAddress!, count: bytes.count - 1)! }
  }

  @inline(__always)
  private func equals(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
    if count == 0 { return true }
    return arena.withUnsafeBufferPointer { stored in
      let base = stored.baseAddress! + offset
      if count > 16 { return memcmp(base, bytes, count) == 0 }
      for index in 0..<count where base[index] != bytes[index] { return false }
      return true
    }
  }

  private mutating func insert(
    _ name: String, bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64, slot: Int
  ) -> Int32 {
    let code = Int32(names.count)
    offsets.append(arena.count)
    lengths.append(count)
    hashes.append(hash)
    arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    names.append(name)
    table[slot] = Self.entry(hash: hash, code: code)
    if names.count * 2 > mask + 1 { rehash() }
    return code
  }

  private mutating func rehash() {
    let newMask = mask * 2 + 1
    var newTable = [UInt64](repeating: 0, count: newMask + 1)
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & newMask
      while newTable[slot] != 0 { slot = (slot + 1) & newMask }
      newTable[slot] = Self.entry(hash: hash, code: Int32(index))
    }
    table = newTable
    mask = newMask
  }

  @inline(__always)
  private static func entry(hash: UInt64, code: Int32) -> UInt64 {
    hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
  }

  /// 64-bit FNV-1a, finished with MurmurHash3's mixer so that the low bits
  /// used for the table index depend on every byte.
  @inline(__always)
  static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in 0..<count {
      hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
    }
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    return hash ^ (hash >> 33)
  }
}
