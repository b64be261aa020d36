/// What a pass that counts records, without keeping them, keeps of their
/// ids: whether they increase, their hashes while that is not yet known
/// (see `IDHashes`), and the ids themselves when a `recorder` is given, for
/// a source that cannot be read again.
///
/// It is enough to refuse a repeated id afterwards (see
/// `PredictionReader.checkIDs(of:parser:)`), within a file and across the
/// shards of one (see ``ShardIDCheck``), whatever the pass counts: labels
/// (`CountingSink`) or the rows of several prediction columns (`RowSink`).
struct IDSummary {
  /// Whether the ids read so far increase.
  private(set) var order = IncreasingIDCheck()
  /// The ids' hashes, kept while the ids have not stopped increasing
  /// after `IDHashes.prefixLimit` of them.
  private(set) var hashes = IDHashes()
  /// The ids read, with their places, when they are kept.
  var recorder: IdentifierRecorder?

  /// Whether no id was added.
  var isEmpty: Bool { order.isEmpty }

  /// Adds the id of the record about to be added (see
  /// `RecordSink.add(id:count:line:place:)`).
  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    if recorder != nil { return record(id: bytes, count: count, line: line, place: place) }
    let outcome = order.add(bytes, count: count)
    // Past the first ids of a file whose ids increase, the hashes are no
    // longer complete: one load and branch an id.
    guard hashes.isComplete, outcome == .added else { return outcome }
    return hash(id: bytes, count: count)
  }

  /// Hashes an id: out of line, so that the loop of a file whose ids
  /// increase does not carry the hashing's code.
  @inline(never)
  private mutating func hash(id bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    hashes.add(bytes, count: count, isIncreasing: order.isIncreasing)
  }

  /// Adds an id to both the check and the recorder: out of line, as it
  /// runs only for a source read once.
  @inline(never)
  private mutating func record(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    let outcome = recorder!.add(id: bytes, count: count, line: line, place: place)
    return outcome == .added ? order.add(bytes, count: count) : outcome
  }

  /// Adds what `other` kept of the ids read after these, whose lines are
  /// `lineOffset` further on.
  mutating func append(_ other: consuming IDSummary, lineOffset: Int) {
    order.append(other.order)
    hashes.append(other.hashes)
    if recorder != nil, let otherRecorder = other.recorder {
      recorder!.append(otherRecorder, lineOffset: lineOffset)
    }
  }
}
