/// Keeps every record's id, with where it is, and nothing else: the exact
/// check of a file whose ids may repeat, read again after counting (see
/// `PredictionReader.readCounts()`), keeps no label codes.
struct IdentifierSink: RecordSink {
  /// The ids read, with their places.
  var recorder = IdentifierRecorder()

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool { true }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    recorder.add(id: bytes, count: count, line: line, place: place)
  }

  mutating func reserveCapacity(_ count: Int) {
    recorder.reserveCapacity(count)
  }

  mutating func append(_ other: consuming IdentifierSink, codes: [Int32], lineOffset: Int)
    -> Bool
  {
    recorder.append(other.recorder, lineOffset: lineOffset)
    return true
  }
}
