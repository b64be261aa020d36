import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps the raw bytes of labels to dense codes in first-seen order.
///
/// Bytes are hashed eight at a time (see ``ByteWords``) into an
/// open-addressing table of codes with linear probing. Each label keeps its
/// length and first sixteen bytes as two words, so a label of up to sixteen
/// bytes is compared with two word comparisons; the bytes of longer labels
/// are kept in an arena. A `String` is made only the first time a label is
/// seen. A value type, so that the parsing loop can own it without the
/// dynamic exclusivity checks that class properties need.
struct LabelInterner {
  /// What is kept of each label to recognise it.
  private struct Entry {
    /// The first eight bytes, zero-padded.
    var first: UInt64
    /// Bytes 8 to 15, zero-padded.
    var second: UInt64
    var count: Int
    /// Where the label's bytes start in `arena`, for labels past 16 bytes.
    var offset: Int
    var hash: UInt64
  }

  /// The label of each code.
  private(set) var names: [String] = []
  /// Where each code's label was first read, by code, as recorded by
  /// `noteFirstPlace(of:_:)`; shorter than `names` when some labels came
  /// from the options rather than the file.
  private(set) var firstPlaces: [PredictionFileError.Location] = []
  /// By hash slot: the high 32 bits of the hash and the code plus one in the
  /// low 32 bits, so most mismatches are rejected without touching an
  /// entry; 0 marks an empty slot.
  private var table = [UInt64](repeating: 0, count: 64)
  private var mask = 63
  private var entries: [Entry] = []
  /// The bytes of labels longer than 16 bytes.
  private var arena: [UInt8] = []
  /// By byte value: the code plus one of the one-byte label with that byte,
  /// or 0. Labels such as `0`, `1` and `2` are the common case, and a
  /// lookup here takes neither a hash nor a probe.
  private var oneByteCodes = [Int32](repeating: 0, count: 256)

  /// The number of labels seen.
  var count: Int { names.count }

  /// The code of the label with these bytes, adding it if it is new.
  ///
  /// Reads only `bytes[0..<count]`.
  ///
  /// - Returns: The code, or `nil` if the label is new and not valid UTF-8.
  @inline(__always)
  mutating func code(of bytes: UnsafePointer<UInt8>, count: Int) -> Int32? {
    let words = ByteWords(bytes, count: count)
    return code(of: bytes, count: count, words: words)
  }

  /// The code of the label with these bytes, adding it if it is new, for
  /// bytes followed by at least 8 readable bytes (see ``ByteWords``).
  ///
  /// - Returns: The code, or `nil` if the label is new and not valid UTF-8.
  // Transparent rather than `@inline(__always)`: the parsing loop is past
  // the caller size up to which the inliner honours that, and with the
  // one-byte table this was called out of line there, costing more than
  // the table saved.
  @_transparent
  mutating func code(ofPadded bytes: UnsafePointer<UInt8>, count: Int) -> Int32? {
    if count == 1 {
      let known = oneByteCodes[Int(bytes[0])]
      if known > 0 { return known &- 1 }
    }
    let words = ByteWords(padded: bytes, count: count)
    return code(of: bytes, count: count, words: words)
  }

  /// The code of `label`, adding it if it is new.
  mutating func code(of label: String) -> Int32 {
    let bytes = Array(label.utf8) + [0]
    return bytes.withUnsafeBufferPointer { code(of: $0.baseAddress!, count: bytes.count - 1)! }
  }

  /// Records where the label of `code` was read, if it is the first place
  /// recorded for it: a comparison per call, and an append per label.
  @inline(__always)
  mutating func noteFirstPlace(
    of code: Int32, _ place: @autoclosure () -> PredictionFileError.Location
  ) {
    if Int(code) >= firstPlaces.count {
      let location = place()
      while firstPlaces.count <= Int(code) { firstPlaces.append(location) }
    }
  }

  /// Adds the labels of `other`, read after this interner's from a point
  /// `lineOffset` lines further on, keeping their first places.
  ///
  /// - Returns: The code here of each of `other`'s codes.
  mutating func merge(_ other: LabelInterner, lineOffset: Int) -> [Int32] {
    other.names.enumerated().map { index, name in
      let code = code(of: name)
      if index < other.firstPlaces.count {
        var place = other.firstPlaces[index]
        place.line += lineOffset
        noteFirstPlace(of: code, place)
      }
      return code
    }
  }

  /// The code of a label that is already known, without adding it.
  ///
  /// - Returns: The code, or `nil` for a label not seen.
  func existingCode(of bytes: UnsafePointer<UInt8>, count: Int) -> Int32? {
    let words = ByteWords(bytes, count: count)
    var slot = Int(truncatingIfNeeded: words.hash) & mask
    let tag = words.hash & 0xFFFF_FFFF_0000_0000
    while true {
      let entry = table[slot]
      if entry == 0 { return nil }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let index = Int(entry & 0xFFFF_FFFF) - 1
        if matches(entries[index], bytes, count: count, words: words) { return Int32(index) }
      }
      slot = (slot + 1) & mask
    }
  }

  @inline(__always)
  private mutating func code(of bytes: UnsafePointer<UInt8>, count: Int, words: ByteWords) -> Int32?
  {
    let hash = words.hash
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = hash & 0xFFFF_FFFF_0000_0000
    while true {
      let entry = table[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let index = Int(entry & 0xFFFF_FFFF) - 1
        if matches(entries[index], bytes, count: count, words: words) { return Int32(index) }
      }
      slot = (slot + 1) & mask
    }
    guard
      let name = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    else { return nil }
    return insert(name, bytes: bytes, count: count, words: words, slot: slot)
  }

  @inline(__always)
  private func matches(
    _ entry: Entry, _ bytes: UnsafePointer<UInt8>, count: Int, words: ByteWords
  ) -> Bool {
    guard entry.count == count, entry.first == words.first, entry.second == words.second else {
      return false
    }
    if count <= 16 { return true }
    return arena.withUnsafeBufferPointer { stored in
      memcmp(stored.baseAddress! + entry.offset + 16, bytes + 16, count - 16) == 0
    }
  }

  private mutating func insert(
    _ name: String, bytes: UnsafePointer<UInt8>, count: Int, words: ByteWords, slot: Int
  ) -> Int32 {
    let code = Int32(names.count)
    entries.append(
      Entry(
        first: words.first, second: words.second, count: count, offset: arena.count,
        hash: words.hash))
    if count > 16 { arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
    names.append(name)
    table[slot] = Self.entry(hash: words.hash, code: code)
    if count == 1 { oneByteCodes[Int(bytes[0])] = code + 1 }
    if names.count * 2 > mask + 1 { rehash() }
    return code
  }

  private mutating func rehash() {
    let newMask = mask * 2 + 1
    var newTable = [UInt64](repeating: 0, count: newMask + 1)
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & newMask
      while newTable[slot] != 0 { slot = (slot + 1) & newMask }
      newTable[slot] = Self.entry(hash: entry.hash, code: Int32(index))
    }
    table = newTable
    mask = newMask
  }

  @inline(__always)
  private static func entry(hash: UInt64, code: Int32) -> UInt64 {
    hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
  }
}

/// A byte string's first sixteen bytes as two little-endian words, and a
/// 64-bit hash of all of it, computed eight bytes at a time.
///
/// The same bytes give the same words and hash whichever initializer reads
/// them: `init(padded:count:)` loads whole words, reading up to 7 bytes past
/// the end (which must be readable, and are masked off); `init(_:count:)`
/// reads only the bytes given.
struct ByteWords {
  /// Bytes 0 to 7, zero-padded.
  var first: UInt64
  /// Bytes 8 to 15, zero-padded.
  var second: UInt64
  var hash: UInt64

  /// Reads `bytes[0..<count]`, loading whole words; the 8 bytes after them
  /// must be readable.
  @inline(__always)
  init(padded bytes: UnsafePointer<UInt8>, count: Int) {
    let raw = UnsafeRawPointer(bytes)
    if count <= 8 {
      first = Self.load(raw, at: 0) & Self.mask(count)
      second = 0
      hash = Self.finish(
        Self.mix(UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15, first))
    } else if count <= 16 {
      first = Self.load(raw, at: 0)
      second = Self.load(raw, at: 8) & Self.mask(count - 8)
      let state = Self.mix(UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15, first)
      hash = Self.finish(Self.mix(state, second))
    } else {
      first = Self.load(raw, at: 0)
      second = Self.load(raw, at: 8)
      var state = Self.mix(UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15, first)
      state = Self.mix(state, second)
      var offset = 16
      while offset + 8 <= count {
        state = Self.mix(state, Self.load(raw, at: offset))
        offset += 8
      }
      if offset < count {
        state = Self.mix(
          state, Self.load(raw, at: offset) & Self.mask(count - offset))
      }
      hash = Self.finish(state)
    }
  }

  /// Reads exactly `bytes[0..<count]`.
  @inline(__always)
  init(_ bytes: UnsafePointer<UInt8>, count: Int) {
    first = Self.word(bytes, count: min(count, 8))
    second = count > 8 ? Self.word(bytes + 8, count: min(count - 8, 8)) : 0
    var state = Self.mix(UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15, first)
    if count > 8 { state = Self.mix(state, second) }
    var offset = 16
    while offset < count {
      state = Self.mix(state, Self.word(bytes + offset, count: min(count - offset, 8)))
      offset += 8
    }
    hash = Self.finish(state)
  }

  /// The little-endian word at `offset`.
  @inline(__always)
  private static func load(_ raw: UnsafeRawPointer, at offset: Int) -> UInt64 {
    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// Up to 8 bytes as a little-endian word, zero-padded.
  @inline(__always)
  private static func word(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    if count == 8 {
      return UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
    }
    var word: UInt64 = 0
    for index in 0..<count { word |= UInt64(bytes[index]) << (8 * index) }
    return word
  }

  /// The mask of the low `count` bytes of a word, for `count` in 0...8.
  @inline(__always)
  static func mask(_ count: Int) -> UInt64 {
    count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: 8 &* count)) &- 1
  }

  @inline(__always)
  private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
    let product = (state ^ word).multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
    return product.high ^ product.low
  }

  /// MurmurHash3's 64-bit finaliser, so that the low bits used for the table
  /// index depend on every byte.
  @inline(__always)
  private static func finish(_ state: UInt64) -> UInt64 {
    var hash = state
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    return hash ^ (hash >> 33)
  }
}
