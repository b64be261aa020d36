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
final class LabelInterner {
  /// The label of each code.
  private(set) var names: [String] = []
  private var table: UnsafeMutablePointer<Int32>
  private var mask: Int
  private var hashes: [UInt64] = []
  private var offsets: [Int] = []
  private var lengths: [Int] = []
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCount = 0
  private var arenaCapacity = 256

  init() {
    mask = 63
    table = .allocate(capacity: mask + 1)
    table.initialize(repeating: -1, count: mask + 1)
    arena = .allocate(capacity: arenaCapacity)
  }

  deinit {
    table.deallocate()
    arena.deallocate()
  }

  /// The number of labels seen.
  var count: Int { names.count }

  /// The code of the label with these bytes, adding it if it is new.
  ///
  /// - Returns: The code, or `nil` if the label is new and not valid UTF-8.
  @inline(__always)
  func code(of bytes: UnsafePointer<UInt8>, count: Int) -> Int32? {
    let hash = Self.hash(bytes, count: count)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let code = table[slot]
      if code < 0 { break }
      let index = Int(code)
      if hashes[index] == hash, lengths[index] == count,
        count == 0 || memcmp(arena + offsets[index], bytes, count) == 0
      {
        return code
      }
      slot = (slot + 1) & mask
    }
    guard let name = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    else { return nil }
    return insert(name, bytes: bytes, count: count, hash: hash, slot: slot)
  }

  /// The code of `label`, adding it if it is new.
  func code(of label: String) -> Int32 {
    var label = label
    return label.withUTF8 { buffer in
      guard let base = buffer.baseAddress else {
        var empty: UInt8 = 0
        return code(of: &empty, count: 0)!
      }
      return code(of: base, count: buffer.count)!
    }
  }

  private func insert(
    _ name: String, bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64, slot: Int
  ) -> Int32 {
    let code = Int32(names.count)
    if arenaCount + count > arenaCapacity {
      let newCapacity = max(arenaCapacity * 2, arenaCount + count)
      let newArena = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newArena.update(from: arena, count: arenaCount)
      arena.deallocate()
      arena = newArena
      arenaCapacity = newCapacity
    }
    (arena + arenaCount).update(from: bytes, count: count)
    offsets.append(arenaCount)
    lengths.append(count)
    hashes.append(hash)
    arenaCount += count
    names.append(name)
    table[slot] = code
    if names.count * 2 > mask + 1 { rehash() }
    return code
  }

  private func rehash() {
    let newMask = mask * 2 + 1
    let newTable = UnsafeMutablePointer<Int32>.allocate(capacity: newMask + 1)
    newTable.initialize(repeating: -1, count: newMask + 1)
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & newMask
      while newTable[slot] >= 0 { slot = (slot + 1) & newMask }
      newTable[slot] = Int32(index)
    }
    table.deallocate()
    table = newTable
    mask = newMask
  }

  /// 64-bit FNV-1a.
  @inline(__always)
  static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in 0..<count {
      hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
    }
    return hash ^ (hash >> 29)
  }
}
