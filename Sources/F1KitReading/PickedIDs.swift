/// Keeps the bytes and places of the ids at two positions, and nothing
/// else: what an `IdentifierSink` keeps in the reading that confirms a
/// repeat two equal hashes point at (see
/// `PredictionReader.checkIDs(of:parser:)`) and places its error, without
/// keeping every id.
///
/// Positions count the records of one pass: the parse must not be split
/// into halves (`PredictionFileOptions.minimumParallelByteCount`).
struct PickedIDs: IdentifierKeeper {
  /// An id read at one of the positions.
  struct Pick {
    var bytes: [UInt8]
    /// The line on which its record starts.
    var line: Int
    /// Where the id is.
    var place: PredictionFileError.Location
  }

  /// The positions of the ids to keep, in order.
  var positions: (first: Int, repeated: Int) = (-1, -1)
  /// The ids kept, in order.
  private(set) var picks: [Pick] = []
  /// The number of ids read.
  private var count = 0

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    if self.count == positions.first || self.count == positions.repeated {
      picks.append(
        Pick(
          bytes: Array(UnsafeBufferPointer(start: bytes, count: count)), line: line,
          place: place))
    }
    self.count &+= 1
    return .added
  }

  mutating func append(_ other: consuming PickedIDs, lineOffset: Int) {
    preconditionFailure("picked ids are read in one pass")
  }
}
