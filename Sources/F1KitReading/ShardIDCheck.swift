/// Refuses an id that two files read as shards of one data set both hold:
/// the same item counted twice, as when a shard is written twice or two
/// shards overlap.
///
/// Each shard's counts (label counts, or the joint counts of several
/// prediction columns) are read through the check, which keeps a summary
/// of its ids (their order, and their hashes when they do not increase),
/// not the ids; ``check()`` then looks across the shards as
/// ``PredictionReader/readCounts()`` looks within one file: ids that
/// increase from shard to shard are distinct, as are ids whose hashes are;
/// any others are read again and compared byte by byte.
///
/// ```swift
/// var check = ShardIDCheck()
/// let first = try check.readCounts(PredictionReader(path: "part-0.csv"))
/// let second = try check.readCounts(PredictionReader(path: "part-1.csv"))
/// try check.check()
/// ```
public struct ShardIDCheck {
  /// What a shard's counting pass kept of its ids.
  struct Shard {
    /// The reader, to read the ids again.
    var reader: PredictionReader
    /// The file as named in messages.
    var path: String
    /// The id column's name.
    var column: String
    /// Whether the shard's ids increase, with its first and last.
    var order: IncreasingIDCheck
    /// The ids' hashes, complete or not.
    var hashes: IDHashes
    /// The ids and their places, for a source that cannot be read again.
    var kept: (identifiers: ItemIdentifiers, recorder: IdentifierRecorder)?
  }

  /// The shards read, in order; `nil` for a shard without ids.
  private var shards: [Shard?] = []

  /// Creates a check with no shards.
  public init() {}

  /// Counts the (gold, predicted) label pairs of the next shard, as
  /// ``PredictionReader/readCounts()`` does, keeping a summary of its ids.
  ///
  /// - Parameter reader: The shard's reader.
  /// - Returns: The shard's counts.
  /// - Throws: As ``PredictionReader/readCounts()``, a repeated id within
  ///   the shard included.
  public mutating func readCounts(_ reader: PredictionReader) throws(PredictionFileError)
    -> LabelCounts
  {
    let (counts, shard) = try reader.readCounts(keepingIDs: true)
    shards.append(shard)
    return counts
  }

  /// Counts the combinations of the gold label and several models'
  /// predicted labels in the next shard, as
  /// ``PredictionReader/readJointCounts(predictionColumns:groupColumn:)``
  /// does, keeping a summary of its ids.
  ///
  /// - Parameters:
  ///   - reader: The shard's reader.
  ///   - predictionColumns: Each model's prediction column, or `nil` for
  ///     the one prediction the reader's options give.
  ///   - groupColumn: The column naming each row's group, or `nil`.
  /// - Returns: The shard's joint counts.
  /// - Throws: As ``PredictionReader/readJointCounts(predictionColumns:groupColumn:)``,
  ///   a repeated id within the shard included.
  public mutating func readJointCounts(
    _ reader: PredictionReader, predictionColumns: [String]? = nil, groupColumn: String? = nil
  ) throws(PredictionFileError) -> JointCounts {
    let (counts, shard) = try reader.readJointCounts(
      predictionColumns: predictionColumns, groupColumn: groupColumn, keepingIDs: true)
    shards.append(shard)
    return counts
  }

  /// Refuses the first id of a shard that an earlier shard holds.
  ///
  /// - Throws: ``PredictionFileError`` with reason
  ///   `.duplicateShardID(_:column:firstPath:firstLine:)` at the id in the
  ///   later shard, naming the earlier shard and line; or the error that
  ///   stops reading a shard's ids again.
  /// - Complexity: O(1) for ids that increase from shard to shard; O(*m*)
  ///   for *m* ids otherwise, with a second reading of each shard whose
  ///   hashes were not kept, and a third when two hashes are equal.
  public func check() throws(PredictionFileError) {
    let shards = self.shards.compactMap { $0 }
    guard shards.count > 1 else { return }
    var order = IncreasingIDCheck()
    for shard in shards { order.append(shard.order) }
    if order.isIncreasing { return }
    var hashes: [UInt64] = []
    for shard in shards {
      guard let shardHashes = Self.hashes(of: shard) else { return try refuseRepeat(in: shards) }
      hashes += shardHashes
    }
    if IDHashes.firstRepeat(in: hashes) != nil { try refuseRepeat(in: shards) }
  }

  /// The hashes of a shard's ids: those kept, those of the ids kept, or
  /// those of a second reading; `nil` when that reading fails. Only the
  /// bits of the shard's `PredictionFileOptions.idHashMask` are kept.
  private static func hashes(of shard: Shard) -> [UInt64]? {
    let hashes: [UInt64]
    if let kept = shard.kept {
      hashes = kept.identifiers.indices.map { position in
        kept.identifiers.withUTF8(at: position) { bytes in
          ByteWords(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: bytes.count).hash
        }
      }
    } else if shard.hashes.isComplete {
      hashes = shard.hashes.hashes
    } else if let read = shard.reader.hashedIDs() {
      hashes = read.hashes
    } else {
      return nil
    }
    return IDHashes.masked(hashes, by: shard.reader.options.idHashMask)
  }

  /// Reads every shard's ids and refuses the first one an earlier shard
  /// holds, comparing bytes.
  private func refuseRepeat(in shards: [Shard]) throws(PredictionFileError) {
    var read: [(identifiers: ItemIdentifiers, recorder: IdentifierRecorder)] = []
    for shard in shards {
      if let kept = shard.kept {
        read.append(kept)
        continue
      }
      var ids = try shard.reader.recordedIDs()
      let identifiers = try ids.recorder.take(path: ids.path, column: ids.column)
      read.append((identifiers, ids.recorder))
    }
    for later in read.indices.dropFirst() {
      var found: (position: Int, shard: Int, first: Int)?
      for earlier in 0..<later {
        let positions = read[later].identifiers.positions(in: read[earlier].identifiers)
        guard
          let position = positions.firstIndex(where: { $0 != nil }),
          found == nil || position < found!.position
        else { continue }
        found = (position, earlier, positions[position]!)
      }
      guard let found else { continue }
      let place = read[later].recorder.place(of: found.position).place
      let firstLine = read[found.shard].recorder.place(of: found.first).line
      throw PredictionFileError(
        path: shards[later].path, location: place,
        reason: .duplicateShardID(
          read[later].identifiers[found.position], column: shards[later].column,
          firstPath: shards[found.shard].path, firstLine: firstLine))
    }
  }
}
