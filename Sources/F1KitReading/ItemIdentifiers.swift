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
///
/// Each id costs its bytes plus about 10 bytes: a 4-byte end offset and
/// 1.5 four-byte slots of the index (a load factor of 2/3). A slot holds a
/// position only, so every match is confirmed by comparing bytes: two ids
/// are one only when their bytes are equal.
public struct ItemIdentifiers: RandomAccessCollection, Hashable, Sendable {
  /// The UTF-8 bytes of every id, back to back.
  private var utf8: [UInt8]
  /// The offset in `utf8` one past each id's last byte, modulo 2³².
  private var ends: [UInt32]
  /// The positions at which `ends` passes another multiple of 2³², in
  /// order: empty unless the ids take 4 GiB or more.
  private var wraps: [Int]
  /// By partition, where its table starts in `slots`; one more entry for the
  /// end.
  private var tableStarts: [Int]
  /// How far to shift a hash right to get its partition (64 for one
  /// partition).
  private var partitionShift: UInt64
  /// The tables: each slot holds a position plus one; 0 marks an empty
  /// slot.
  private var slots: [UInt32]

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
    utf8: [UInt8], ends: [UInt32], wraps: [Int], tableStarts: [Int], partitionShift: UInt64,
    slots: [UInt32]
  ) {
    self.utf8 = utf8
    self.ends = ends
    self.wraps = wraps
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
    let range = Self.byteRange(of: position, ends: ends, wraps: wraps)
    return try utf8.withUnsafeBufferPointer { storage in
      try body(UnsafeBufferPointer(rebasing: storage[range]))
    }
  }

  /// Where the id at `position` is in the bytes.
  @inline(__always)
  fileprivate static func byteRange(of position: Int, ends: [UInt32], wraps: [Int]) -> Range<Int> {
    if wraps.isEmpty {
      return (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
    }
    let end = unwrapped(position, ends: ends, wraps: wraps)
    return (position == 0 ? 0 : unwrapped(position - 1, ends: ends, wraps: wraps))..<end
  }

  /// The end offset of the id at `position`, with the multiples of 2³² it
  /// passed added back.
  private static func unwrapped(_ position: Int, ends: [UInt32], wraps: [Int]) -> Int {
    var low = 0
    var high = wraps.count
    while low < high {
      let middle = (low + high) / 2
      if wraps[middle] <= position { low = middle + 1 } else { high = middle }
    }
    return low << 32 | Int(ends[position])
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
        indices.map { position in
          let range = Self.byteRange(of: position, ends: ends, wraps: wraps)
          let base = storage.baseAddress.map { $0 + range.lowerBound } ?? Self.emptyBytes
          let hash = ByteWords(base, count: range.count).hash
          return other.find(base, count: range.count, hash: hash, in: otherStorage)
        }
      }
    }
  }

  /// The first position of the id with these bytes, whose hash (from
  /// `ByteWords`) is `hash`.
  func position(of bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64) -> Int? {
    utf8.withUnsafeBufferPointer { storage in find(bytes, count: count, hash: hash, in: storage) }
  }

  private func find(
    _ bytes: UnsafePointer<UInt8>, count: Int, hash: UInt64, in storage: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    let partition = Int(truncatingIfNeeded: hash >> partitionShift)
    let tableStart = tableStarts[partition]
    let size = tableStarts[partition + 1] - tableStart
    var slot = Self.slot(hash, size: size)
    while true {
      let entry = slots[tableStart + slot]
      if entry == 0 { return nil }
      let position = Int(entry) - 1
      if Self.equals(storage, ends, wraps, position, bytes, count) { return position }
      slot = slot + 1 == size ? 0 : slot + 1
    }
  }

  /// Whether the id at `position` has these bytes.
  @inline(__always)
  fileprivate static func equals(
    _ storage: UnsafeBufferPointer<UInt8>, _ ends: [UInt32], _ wraps: [Int], _ position: Int,
    _ bytes: UnsafePointer<UInt8>, _ count: Int
  ) -> Bool {
    let range = byteRange(of: position, ends: ends, wraps: wraps)
    guard range.count == count else { return false }
    return count == 0 || memcmp(storage.baseAddress! + range.lowerBound, bytes, count) == 0
  }

  /// The first slot to probe for a hash in a table of `size` slots: the low
  /// 32 bits of the hash scaled to the size (the partition takes the top
  /// bits). The parentheses matter: Swift's `>>` binds tighter than `&*`,
  /// and without them every probe started at slot 0, which made reading
  /// ids quadratic.
  @inline(__always)
  static func slot(_ hash: UInt64, size: Int) -> Int {
    Int(truncatingIfNeeded: ((hash & 0xFFFF_FFFF) &* UInt64(size)) >> 32)
  }

  /// The number of slots of a table for `count` ids: a load factor of at
  /// most 2/3, and always one empty slot.
  fileprivate static func tableSize(forCount count: Int) -> Int {
    count + count / 2 + 1
  }

  /// A readable address for an empty id.
  fileprivate static var emptyBytes: UnsafePointer<UInt8> {
    UnsafePointer(bitPattern: 1)!
  }

  // MARK: - Equality

  /// Whether two lists hold the same ids in the same order.
  public static func == (lhs: ItemIdentifiers, rhs: ItemIdentifiers) -> Bool {
    lhs.ends == rhs.ends && lhs.wraps == rhs.wraps && lhs.utf8 == rhs.utf8
  }

  /// Hashes the ids in order.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ends)
    hasher.combine(wraps)
    hasher.combine(utf8)
  }
}

extension ItemIdentifiers {
  /// Collects ids; `build()` makes the index.
  struct Builder {
    private var utf8: [UInt8] = []
    private var ends: [UInt32] = []
    private var wraps: [Int] = []

    /// The number of ids collected.
    var count: Int { ends.count }

    /// Makes room for `count` ids (of up to 8 bytes, for the bytes).
    mutating func reserveCapacity(_ count: Int) {
      utf8.reserveCapacity(count * 8)
      ends.reserveCapacity(count)
    }

    /// Adds an id.
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
      precondition(ends.count < Int(UInt32.max), "too many ids")
      let before = utf8.count
      utf8.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
      ends.append(UInt32(truncatingIfNeeded: utf8.count))
      for _ in 0..<(utf8.count >> 32 - before >> 32) { wraps.append(ends.count - 1) }
    }

    /// Adds the ids of `other` after these, letting go of `other`'s bytes
    /// once copied.
    mutating func append(contentsOf other: consuming Builder) {
      precondition(ends.count + other.ends.count <= Int(UInt32.max), "too many ids")
      let offset = utf8.count
      utf8 += other.utf8
      other.utf8 = []
      let position = ends.count
      var start = offset
      for index in other.ends.indices {
        let range = ItemIdentifiers.byteRange(of: index, ends: other.ends, wraps: other.wraps)
        let end = offset + range.upperBound
        ends.append(UInt32(truncatingIfNeeded: end))
        for _ in 0..<(end >> 32 - start >> 32) { wraps.append(position + index) }
        start = end
      }
    }

    /// The id at `position` as a `String`.
    func string(at position: Int) -> String {
      let range = ItemIdentifiers.byteRange(of: position, ends: ends, wraps: wraps)
      return String(decoding: utf8[range], as: UTF8.self)
    }

    /// Builds the index.
    ///
    /// The ids are partitioned by the top bits of their hashes, about 2,048
    /// to a partition, keeping their order; then each partition's table is
    /// filled in turn, so that each fill stays within a cache-sized table.
    /// Hashes are computed from the bytes, once to size the partitions, once
    /// to group the positions and once to fill the tables, rather than
    /// kept: building takes 4 bytes per id beyond the index.
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
      let (ends, wraps) = (self.ends, self.wraps)

      var repeated: (position: Int, first: Int)?
      var tableStarts = [Int](repeating: 0, count: partitionCount + 1)
      var slots: [UInt32] = []
      utf8.withUnsafeBufferPointer { storage in
        func hash(_ position: Int) -> UInt64 {
          let range = ItemIdentifiers.byteRange(of: position, ends: ends, wraps: wraps)
          let base = storage.baseAddress.map { $0 + range.lowerBound } ?? ItemIdentifiers.emptyBytes
          return ByteWords(base, count: range.count).hash
        }
        // Partition sizes, then where each partition's ids and table start.
        var sizes = [Int](repeating: 0, count: partitionCount)
        for position in 0..<count { sizes[Int(truncatingIfNeeded: hash(position) >> shift)] += 1 }
        var cursors = [Int](repeating: 0, count: partitionCount)
        var total = 0
        for partition in 0..<partitionCount {
          cursors[partition] = total
          total += sizes[partition]
          tableStarts[partition + 1] =
            tableStarts[partition] + ItemIdentifiers.tableSize(forCount: sizes[partition])
        }

        // The positions, grouped by partition in file order: 4 bytes each
        // (positions fit in 32 bits, see `append`), the hash computed again
        // when filling rather than kept beside them.
        var grouped = [UInt32](repeating: 0, count: count)
        grouped.withUnsafeMutableBufferPointer { grouped in
          cursors.withUnsafeMutableBufferPointer { cursors in
            for position in 0..<count {
              let partition = Int(truncatingIfNeeded: hash(position) >> shift)
              grouped[cursors[partition]] = UInt32(truncatingIfNeeded: position)
              cursors[partition] += 1
            }
          }
        }

        slots = [UInt32](repeating: 0, count: tableStarts[partitionCount])
        var next = 0
        for partition in 0..<partitionCount {
          let tableStart = tableStarts[partition]
          let size = tableStarts[partition + 1] - tableStart
          for _ in 0..<sizes[partition] {
            let position = Int(grouped[next])
            let hash = hash(position)
            next += 1
            var slot = ItemIdentifiers.slot(hash, size: size)
            let range = ItemIdentifiers.byteRange(of: position, ends: ends, wraps: wraps)
            let bytes =
              storage.baseAddress.map { $0 + range.lowerBound } ?? ItemIdentifiers.emptyBytes
            while true {
              let entry = slots[tableStart + slot]
              if entry == 0 {
                slots[tableStart + slot] = UInt32(position + 1)
                break
              }
              let first = Int(entry) - 1
              if ItemIdentifiers.equals(storage, ends, wraps, first, bytes, range.count) {
                if repeated == nil || position < repeated!.position {
                  repeated = (position, first)
                }
                break
              }
              slot = slot + 1 == size ? 0 : slot + 1
            }
          }
        }
      }
      let identifiers = ItemIdentifiers(
        utf8: utf8, ends: ends, wraps: wraps, tableStarts: tableStarts, partitionShift: shift,
        slots: slots)
      return (identifiers, repeated)
    }
  }
}
