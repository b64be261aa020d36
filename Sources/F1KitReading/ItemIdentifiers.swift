import F1Kit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ids of the items of a prediction file, kept as UTF-8 bytes back to
/// back, with a hash index from id to position.
///
/// Reading a file with millions of ids makes no `String` per id: a `String`
/// is made only when an id is asked for (`self[position]`). Finding an id's
/// position, in this list or for every id of another list
/// (``positions(in:)``), hashes bytes and makes no `String` either.
///
/// ```swift
/// let first = try PredictionReader(path: "model-a.csv").readItems()
/// let second = try PredictionReader(path: "model-b.csv").readItems()
/// if let a = first.identifiers, let b = second.identifiers {
///   let matches = a.positions(in: b)   // b's position of each of a's ids
/// }
/// ```
///
/// The index is built once, after the ids are read, in cache-sized pieces:
/// the ids are partitioned by the top bits of their hashes, and each
/// partition gets its own small open-addressing table. Building it is also
/// how a reader finds the first repeated id.
public struct ItemIdentifiers: RandomAccessCollection, Hashable, Sendable {
  /// The UTF-8 bytes of every id, back to back.
  private var utf8: [UInt8]
  /// The offset in `utf8` one past each id's last byte.
  private var ends: [Int]
  /// By partition, where its table starts in `slots`; one more entry for the
  /// end. Each table's size is a power of two.
  private var tableStarts: [Int]
  /// How far to shift a hash right to get its partition (64 for one
  /// partition).
  private var partitionShift: UInt64
  /// The tables: a tag of the hash (see `tag(_:)`) in the high 32 bits and
  /// the position plus one in the low 32 bits; 0 marks an empty slot.
  private var slots: [UInt64]

  /// Creates an empty list of ids.
  public init() {
    self = Builder().build().identifiers
  }

  /// Creates a list of ids.
  ///
  /// - Parameter ids: The ids, in order. A repeated id is kept, but
  ///   ``firstIndex(of:)`` finds its first position.
  /// - Complexity: O(*n*) for *n* bytes of ids.
  public init(_ ids: some Sequence<String>) {
    var builder = Builder()
    for var id in ids {
      id.withUTF8 { bytes in
        builder.append(bytes.baseAddress ?? Self.emptyBytes, count: bytes.count)
      }
    }
    self = builder.build().identifiers
  }

  fileprivate init(
    utf8: [UInt8], ends: [Int], tableStarts: [Int], partitionShift: UInt64, slots: [UInt64]
  ) {
    self.utf8 = utf8
    self.ends = ends
    self.tableStarts = tableStarts
    self.partitionShift = partitionShift
    self.slots = slots
  }

  // MARK: - Collection

  /// The position of the first id.
  public var startIndex: Int { 0 }
  /// One past the position of the last id.
  public var endIndex: Int { ends.count }

  /// The id at `position`, made into a `String`.
  ///
  /// - Complexity: O(*m*) for an id of *m* bytes.
  public subscript(position: Int) -> String {
    withUTF8(at: position) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of the id at `position`.
  ///
  /// - Parameters:
  ///   - position: The id's position.
  ///   - body: A closure that reads the bytes, which are valid only during
  ///     the call.
  /// - Returns: What `body` returns.
  public func withUTF8<Result>(
    at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    let start = position == 0 ? 0 : ends[position - 1]
    return try utf8.withUnsafeBufferPointer { storage in
      try body(UnsafeBufferPointer(rebasing: storage[start..<ends[position]]))
    }
  }

  // MARK: - Finding ids

  /// The first position of `id`.
  ///
  /// The same as `Collection.firstIndex(of:)`, found by hashing.
  ///
  /// - Parameter id: An id, compared by its UTF-8 bytes.
  /// - Returns: The position, or `nil` if `id` is not in the list.
  /// - Complexity: O(*m*) on average for an id of *m* bytes.
  public func firstIndex(of id: String) -> Int? {
    var id = id
    return id.withUTF8 { bytes in
      let base = bytes.baseAddress ?? Self.emptyBytes
      return utf8.withUnsafeBufferPointer { storage in
        find(base, count: bytes.count, hash: ByteWords(base, count: bytes.count).hash, in: storage)
      }
    }
  }

  /// The position in `other` of each id of this list.
  ///
  /// This aligns the items of two prediction files by id without making a
  /// `String` per id.
  ///
  /// - Parameter other: The ids to look in.
  /// - Returns: For each position of this list, the first position of its id
  ///   in `other`, or `nil` if `other` lacks it.
  /// - Complexity: O(*n*) on average for *n* bytes of ids.
  public func positions(in other: ItemIdentifiers) -> [Int?] {
    utf8.withUnsafeBufferPointer { storage in
      other.utf8.withUnsafeBufferPointer { otherStorage in
        var start = 0
        return ends.map { end in
          defer { start = end }
          let base = storage.baseAddress.map { $0 + start } ?? Self.emptyBytes
          let hash = ByteWords(base, count: end - start).hash
          return other.find(base, count: end - start, hash: hash, in: otherStorage)
        }
      }
    }
  }

  private func find(
    _ bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64, in storage: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    let partition = Int(truncatingIfNeeded: hash >> partitionShift)
    let tableStart = tableStarts[partition]
    let mask = tableStarts[partition + 1] - tableStart - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = Self.tag(hash)
    while true {
      let entry = slots[tableStart + slot]
      if entry == 0 { return nil }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let position = Int(entry & 0xFFFF_FFFF) - 1
        if Self.equals(storage, ends, position, bytes, count) { return position }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Whether the id at `position` has these bytes.
  @inline(__always)
  fileprivate static func equals(
    _ storage: UnsafeBufferPointer<UInt8>, _ ends: [Int], _ position: Int,
    _ bytes: UnsafePointer<UInt8>, _ count: Int
  ) -> Bool {
    let start = position == 0 ? 0 : ends[position - 1]
    guard ends[position] - start == count else { return false }
    return count == 0 || memcmp(storage.baseAddress! + start, bytes, count) == 0
  }

  /// The bits of a hash kept in a slot, bits 16 to 31, in the high half;
  /// they do not overlap the slot index (the low bits) of tables under
  /// 65,536 slots. A false match costs one comparison of bytes.
  @inline(__always)
  fileprivate static func tag(_ hash: UInt64) -> UInt64 {
    (hash & 0xFFFF_0000) << 32
  }

  /// A readable address for an empty id.
  fileprivate static var emptyBytes: UnsafePointer<UInt8> {
    UnsafePointer(bitPattern: 1)!
  }

  // MARK: - Equality

  /// Whether two lists hold the same ids in the same order.
  public static func == (lhs: ItemIdentifiers, rhs: ItemIdentifiers) -> Bool {
    lhs.ends == rhs.ends && lhs.utf8 == rhs.utf8
  }

  /// Hashes the ids in order.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ends)
    hasher.combine(utf8)
  }
}

extension ItemIdentifiers {
  /// Collects ids and their hashes; `build()` makes the index.
  struct Builder {
    private var utf8: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []

    /// The number of ids collected.
    var count: Int { ends.count }

    /// Makes room for `count` ids (of up to 8 bytes, for the bytes).
    mutating func reserveCapacity(_ count: Int) {
      utf8.reserveCapacity(count * 8)
      ends.reserveCapacity(count)
      hashes.reserveCapacity(count)
    }

    /// Adds an id.
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
      append(bytes, count: count, hash: ByteWords(bytes, count: count).hash)
    }

    /// Adds an id whose hash is known (from `ByteWords`).
    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64) {
      precondition(ends.count < Int(UInt32.max), "too many ids")
      utf8.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
      ends.append(utf8.count)
      hashes.append(hash)
    }

    /// Adds the ids of `other` after these.
    mutating func append(contentsOf other: Builder) {
      let offset = utf8.count
      utf8 += other.utf8
      ends += other.ends.lazy.map { $0 + offset }
      hashes += other.hashes
      precondition(ends.count <= Int(UInt32.max), "too many ids")
    }

    /// The id at `position` as a `String`.
    func string(at position: Int) -> String {
      let start = position == 0 ? 0 : ends[position - 1]
      return String(decoding: utf8[start..<ends[position]], as: UTF8.self)
    }

    /// Builds the index.
    ///
    /// The ids are partitioned by the top bits of their hashes, about 2,048
    /// to a partition, keeping their order; then each partition's table is
    /// filled in turn, so that each fill stays within a cache-sized table.
    ///
    /// - Returns: The ids, and the first repeated id, if any: the smallest
    ///   position whose id is also at an earlier position, and the first such
    ///   earlier position.
    /// - Complexity: O(*n*) on average for *n* bytes of ids.
    consuming func build() -> (identifiers: ItemIdentifiers, repeated: (position: Int, first: Int)?)
    {
      let count = ends.count
      var partitionBits: UInt64 = 0
      while partitionBits < 16, (count >> partitionBits) > 2048 { partitionBits += 1 }
      let partitionCount = 1 << partitionBits
      let shift: UInt64 = 64 - partitionBits

      // Partition sizes, then where each partition's ids and table start.
      var sizes = [Int](repeating: 0, count: partitionCount)
      for hash in hashes { sizes[Int(truncatingIfNeeded: hash >> shift)] += 1 }
      var tableStarts = [Int](repeating: 0, count: partitionCount + 1)
      var cursors = [Int](repeating: 0, count: partitionCount)
      var total = 0
      for partition in 0..<partitionCount {
        cursors[partition] = total
        total += sizes[partition]
        // A load factor of at most 2/3.
        var size = 1
        while size * 2 < 3 * sizes[partition] { size *= 2 }
        tableStarts[partition + 1] = tableStarts[partition] + size
      }

      // The low 32 bits of each hash (all that the slot and tag use) and the
      // position, grouped by partition in file order.
      var grouped = [UInt64](repeating: 0, count: count)
      grouped.withUnsafeMutableBufferPointer { grouped in
        cursors.withUnsafeMutableBufferPointer { cursors in
          for (position, hash) in hashes.enumerated() {
            let partition = Int(truncatingIfNeeded: hash >> shift)
            grouped[cursors[partition]] = hash << 32 | UInt64(position)
            cursors[partition] += 1
          }
        }
      }
      hashes = []

      var slots = [UInt64](repeating: 0, count: tableStarts[partitionCount])
      var repeated: (position: Int, first: Int)?
      utf8.withUnsafeBufferPointer { storage in
        var next = 0
        for partition in 0..<partitionCount {
          let tableStart = tableStarts[partition]
          let mask = tableStarts[partition + 1] - tableStart - 1
          for _ in 0..<sizes[partition] {
            let hash = grouped[next] >> 32
            let position = Int(grouped[next] & 0xFFFF_FFFF)
            next += 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            let tag = ItemIdentifiers.tag(hash)
            while true {
              let entry = slots[tableStart + slot]
              if entry == 0 {
                slots[tableStart + slot] = tag | UInt64(position + 1)
                break
              }
              if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let first = Int(entry & 0xFFFF_FFFF) - 1
                let start = position == 0 ? 0 : ends[position - 1]
                let bytes = storage.baseAddress.map { $0 + start } ?? ItemIdentifiers.emptyBytes
                if ItemIdentifiers.equals(storage, ends, first, bytes, ends[position] - start) {
                  if repeated == nil || position < repeated!.position {
                    repeated = (position, first)
                  }
                  break
                }
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
      let identifiers = ItemIdentifiers(
        utf8: utf8, ends: ends, tableStarts: tableStarts, partitionShift: shift, slots: slots)
      return (identifiers, repeated)
    }
  }
}
