/// Hashes every record's id and keeps nothing else: the second pass over a
/// file whose ids stopped increasing after `IDHashes.prefixLimit` ids.
struct IDHashSink: RecordSink {
  /// The hash of every id read.
  var hashes = IDHashes(hashesEvery: true)

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool { true }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    hashes.add(bytes, count: count, isIncreasing: false)
  }

  mutating func append(_ other: consuming IDHashSink, codes: [Int32], lineOffset: Int) -> Bool {
    hashes.append(other.hashes)
    return true
  }
}
