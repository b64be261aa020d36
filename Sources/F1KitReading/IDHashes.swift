/// The 64-bit hashes of a file's ids, kept beside `IncreasingIDCheck` so
/// that ids that do not increase can be shown distinct without reading the
/// file again.
///
/// While the ids increase, only the first ``prefixLimit`` are hashed: a
/// file whose ids stop increasing within them (a shuffled or sorted-by-label
/// data frame's index) keeps every hash from then on, 8 bytes an id, and
/// distinct hashes prove distinct ids. A file whose ids increase past the
/// limit keeps none (its memory stays flat), and is left incomplete: the
/// caller hashes it in a second pass if its ids stop increasing later. Equal
/// hashes prove nothing; the caller then compares the ids' bytes.
struct IDHashes {
  /// How many ids are hashed while they increase: 512 KiB of hashes.
  static let prefixLimit = 1 << 16

  /// The hash of each id added, in order, while ``isComplete``.
  private(set) var hashes: [UInt64] = []
  /// Whether ``hashes`` holds every id added.
  private(set) var isComplete = true

  /// Creates an empty list.
  init() {}

  /// Adds the next id, hashed unless the ids still increase past
  /// ``prefixLimit``.
  ///
  /// - Parameters:
  ///   - bytes: The id's bytes, followed by at least 8 readable bytes.
  ///   - count: The number of bytes.
  ///   - isIncreasing: Whether the ids, this one included, still increase;
  ///     `false` hashes the id whatever came before.
  /// - Returns: The outcome: added, or not UTF-8 (checked for a hashed id
  ///   that is not ASCII, as `IdentifierRecorder` checks it, since a file
  ///   shown distinct by its hashes is not read again).
  @inline(__always)
  mutating func add(_ bytes: UnsafePointer<UInt8>, count: Int, isIncreasing: Bool) -> IDOutcome {
    guard isComplete else { return .added }
    if isIncreasing, hashes.count >= Self.prefixLimit {
      isComplete = false
      hashes = []
      return .added
    }
    let words = ByteWords(padded: bytes, count: count)
    if count > 16 || (words.first | words.second) & 0x8080_8080_8080_8080 != 0,
      String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self) == nil
    {
      return .invalidUTF8
    }
    hashes.append(words.hash)
    return .added
  }

  /// Adds the hashes of `other`, read after these.
  mutating func append(_ other: consuming IDHashes) {
    guard isComplete, other.isComplete else {
      isComplete = false
      hashes = []
      return
    }
    hashes += other.hashes
  }

  /// The first hash equal to an earlier one (see
  /// ``firstRepeat(in:)``), comparing the bits of `mask`.
  ///
  /// - Parameter mask: The bits compared
  ///   (`PredictionFileOptions.idHashMask`).
  func firstRepeat(mask: UInt64) -> (position: Int, first: Int)? {
    Self.firstRepeat(in: Self.masked(hashes, by: mask))
  }

  /// The bits of `mask` of each hash: the hashes themselves with every
  /// bit, as outside tests (see `PredictionFileOptions.idHashMask`).
  static func masked(_ hashes: [UInt64], by mask: UInt64) -> [UInt64] {
    mask == .max ? hashes : hashes.map { $0 & mask }
  }

  /// The first hash of a list equal to an earlier one: the smallest
  /// position whose hash is also at an earlier position, with the first
  /// such position.
  ///
  /// The hashes are grouped by their top bits into partitions of about
  /// 4,096, keeping their order, and each partition is looked through with
  /// a small table that stays in cache; within a partition positions
  /// increase, so the first repeat found there is its smallest.
  ///
  /// - Parameter hashes: The hashes, in order.
  /// - Returns: The positions, or `nil` when the hashes are distinct.
  /// - Complexity: O(*n*) on average for *n* hashes; 12 bytes a hash.
  static func firstRepeat(in hashes: [UInt64]) -> (position: Int, first: Int)? {
    let count = hashes.count
    guard count > 1 else { return nil }
    precondition(count < Int(UInt32.max), "too many ids")
    var partitionBits: UInt64 = 0
    while partitionBits < 16, (count >> partitionBits) > 4096 { partitionBits += 1 }
    let partitionCount = 1 << partitionBits
    let shift: UInt64 = 64 - partitionBits
    var starts = [Int](repeating: 0, count: partitionCount + 1)
    for hash in hashes { starts[Int(truncatingIfNeeded: hash >> shift) + 1] += 1 }
    var largest = 0
    for partition in 0..<partitionCount {
      largest = max(largest, starts[partition + 1])
      starts[partition + 1] += starts[partition]
    }
    var groupedHashes = [UInt64](repeating: 0, count: count)
    var groupedPositions = [UInt32](repeating: 0, count: count)
    var cursors = Array(starts.dropLast())
    for (position, hash) in hashes.enumerated() {
      let partition = Int(truncatingIfNeeded: hash >> shift)
      groupedHashes[cursors[partition]] = hash
      groupedPositions[cursors[partition]] = UInt32(truncatingIfNeeded: position)
      cursors[partition] += 1
    }
    // A table of at least twice the largest partition, a power of two so
    // that a slot is the hash's low bits (the partition took the top ones).
    var size = 2
    while size < 2 * largest { size <<= 1 }
    let mask = size - 1
    var slots = [UInt32](repeating: 0, count: size)
    var found: (position: Int, first: Int)?
    for partition in 0..<partitionCount {
      let start = starts[partition]
      for index in start..<starts[partition + 1] {
        let hash = groupedHashes[index]
        var slot = Int(truncatingIfNeeded: hash) & mask
        var isRepeat = false
        while slots[slot] != 0 {
          let earlier = start + Int(slots[slot]) - 1
          if groupedHashes[earlier] == hash {
            let position = Int(groupedPositions[index])
            if found == nil || position < found!.position {
              found = (position, Int(groupedPositions[earlier]))
            }
            isRepeat = true
            break
          }
          slot = (slot + 1) & mask
        }
        if isRepeat { break }
        slots[slot] = UInt32(truncatingIfNeeded: index - start + 1)
      }
      if starts[partition + 1] > start {
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      }
    }
    return found
  }
}
