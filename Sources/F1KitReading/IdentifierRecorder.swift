/// The ids of a file's records as a sink reads them, with where each one
/// is, so that the first repeated id can be reported at its line and field
/// once every id is read (see `ItemIdentifiers.Builder`).
///
/// Places are kept sparsely: only for the ids whose record does not start
/// on the line after the previous id's, or whose place is not on that line
/// in the previous id's column. Any other id's line and place follow from
/// the last of these before it.
struct IdentifierRecorder {
  /// Whether any id was added.
  private(set) var hasIDs = false
  private var builder = ItemIdentifiers.Builder()
  private var jumps: [(position: Int, line: Int, place: PredictionFileError.Location)] = []
  private var nextLine = -1
  private var column = -1

  /// Makes room for about `count` more ids.
  mutating func reserveCapacity(_ count: Int) {
    builder.reserveCapacity(count)
  }

  /// Adds the id of the record about to be added (see
  /// `RecordSink.add(id:count:line:place:)`).
  ///
  /// - Returns: The outcome: added, or not UTF-8.
  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    hasIDs = true
    let words = ByteWords(padded: bytes, count: count)
    let isASCII = count <= 16 && (words.first | words.second) & 0x8080_8080_8080_8080 == 0
    if !isASCII,
      String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self) == nil
    {
      return .invalidUTF8
    }
    if line != nextLine || place.line != line || place.column != column {
      jumps.append((builder.count, line, place))
    }
    nextLine = line + 1
    column = place.column
    builder.append(bytes, count: count)
    return .added
  }

  /// Adds the ids of `other`, read after these, whose lines are
  /// `lineOffset` further on.
  mutating func append(_ other: consuming IdentifierRecorder, lineOffset: Int) {
    hasIDs = hasIDs || other.hasIDs
    let positionOffset = builder.count
    for jump in other.jumps {
      var place = jump.place
      place.line += lineOffset
      jumps.append((jump.position + positionOffset, jump.line + lineOffset, place))
    }
    if !other.jumps.isEmpty {
      nextLine = other.nextLine + lineOffset
      column = other.column
    }
    let otherBuilder = other.builder
    other.builder = ItemIdentifiers.Builder()
    builder.append(contentsOf: consume otherBuilder)
  }

  /// Builds the ids' index, leaving the recorder without ids.
  ///
  /// - Parameters:
  ///   - path: The file as named in messages.
  ///   - column: The id column's name, for the message.
  /// - Returns: The ids, in the order added.
  /// - Throws: ``PredictionFileError`` with reason `.duplicateID` at the
  ///   first id that repeats an earlier one.
  mutating func take(path: String, column: String) throws(PredictionFileError)
    -> ItemIdentifiers
  {
    let taken = builder
    builder = ItemIdentifiers.Builder()
    let (identifiers, repeated) = taken.build()
    if let repeated {
      let (_, place) = self.place(of: repeated.position)
      let (firstLine, _) = self.place(of: repeated.first)
      throw PredictionFileError(
        path: path, location: place,
        reason: .duplicateID(identifiers[repeated.position], column: column, firstLine: firstLine))
    }
    return identifiers
  }

  /// The line of the record of the id at `position`, and where the id is.
  func place(of position: Int) -> (line: Int, place: PredictionFileError.Location) {
    var low = 0
    var high = jumps.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if jumps[middle].position <= position { low = middle } else { high = middle }
    }
    let jump = jumps[low]
    if jump.position == position { return (jump.line, jump.place) }
    let line = jump.line + position - jump.position
    return (line, .init(line: line, column: jump.place.column, unit: jump.place.unit))
  }
}
