/// What an `IdentifierSink` keeps of each id: its bytes and place
/// (`IdentifierRecorder`), its hash (`IDHashes`), or only the ids at two
/// positions (`PickedIDs`).
protocol IdentifierKeeper {
  /// Keeps nothing yet.
  init()
  /// Adds the id of the record about to be added (see
  /// `RecordSink.add(id:count:line:place:)`).
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome
  /// Adds what `other` kept of the ids read after these, whose lines are
  /// `lineOffset` further on.
  mutating func append(_ other: consuming Self, lineOffset: Int)
}

/// Keeps every record's id, and nothing else: a reading of a file's ids
/// alone, after counting found that they do not increase (see
/// `PredictionReader.readCounts()`), which keeps no label codes.
struct IdentifierSink<Keeper: IdentifierKeeper>: RecordSink {
  /// The ids read.
  var ids = Keeper()

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool { true }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    ids.add(id: bytes, count: count, line: line, place: place)
  }

  mutating func append(_ other: consuming IdentifierSink, codes: [Int32], lineOffset: Int)
    -> Bool
  {
    ids.append(other.ids, lineOffset: lineOffset)
    return true
  }
}

extension IdentifierRecorder: IdentifierKeeper {}

extension IDHashes: IdentifierKeeper {
  /// Hashes the id, whether or not the ids increase: a reading that only
  /// hashes ids keeps every hash.
  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    add(bytes, count: count, isIncreasing: false)
  }

  mutating func append(_ other: consuming IDHashes, lineOffset: Int) {
    append(other)
  }
}
