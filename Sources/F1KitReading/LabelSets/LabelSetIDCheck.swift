/// Refuses a repeated id in a file that `LabelSetReader` reads for label
/// sets or sample weights, as `PredictionReader.readCounts()` does on the
/// counting path: ids that increase, or whose hashes are distinct, cost no
/// second reading; any others are checked exactly, by reading the ids
/// again or, from standard input, from the ids kept.
struct LabelSetIDCheck {
  private var ids = IncreasingIDCheck()
  private var hashes = IDHashes()
  /// Whether an id could not be followed cheaply (it is not UTF-8), so
  /// only the exact check can tell.
  private var needsExactCheck = false
  /// Every id and where it is, for a source that cannot be read again.
  private var kept: (ids: ItemIdentifiers.Builder, places: [PredictionFileError.Location])?

  /// Creates a check.
  ///
  /// - Parameter keepsIDs: Whether to keep every id, for standard input.
  init(keepsIDs: Bool) {
    if keepsIDs { kept = (ItemIdentifiers.Builder(), []) }
  }

  /// Adds the id of the walker's current record, if it has one.
  ///
  /// - Throws: `.emptyID` for an empty id.
  mutating func add(_ record: LabelSetWalker) throws(PredictionFileError) {
    guard let place = record.idLocation else { return }
    try record.withIDBytes { bytes, count in
      if kept != nil {
        kept!.ids.append(bytes, count: count)
        kept!.places.append(place)
      }
      if ids.add(bytes, count: count) != .added
        || hashes.add(bytes, count: count, isIncreasing: ids.isIncreasing) != .added
      {
        needsExactCheck = true
      }
    }
  }

  /// Refuses the first repeated id, if any.
  ///
  /// - Parameters:
  ///   - walker: The walker that read the file.
  ///   - reader: The reader, to read the ids again.
  /// - Throws: ``PredictionFileError`` with reason `.duplicateID` at the
  ///   repeated id, naming the line of the first; or the error that stops
  ///   the second reading.
  func check(_ walker: LabelSetWalker, reader: LabelSetReader) throws(PredictionFileError) {
    guard walker.idSlot != nil else { return }
    if !needsExactCheck {
      if ids.isIncreasing { return }
      if hashes.isComplete && hashes.firstRepeat(mask: reader.options.file.idHashMask) == nil {
        return
      }
    }
    if let kept {
      try Self.refuseRepeat(
        kept.ids, places: kept.places, column: walker.idColumn ?? "", path: reader.path)
    } else {
      try Self.checkExactly(reader)
    }
  }

  /// Reads the file's ids again and refuses the first repeated one.
  private static func checkExactly(_ reader: LabelSetReader) throws(PredictionFileError) {
    let walker = try LabelSetWalker(path: reader.path, options: reader.options, readsIDs: true)
    var ids = ItemIdentifiers.Builder()
    var places: [PredictionFileError.Location] = []
    try walker.walk { record throws(PredictionFileError) in
      guard let place = record.idLocation else { return }
      try record.withIDBytes { ids.append($0, count: $1) }
      places.append(place)
    }
    try refuseRepeat(ids, places: places, column: walker.idColumn ?? "", path: reader.path)
  }

  /// Refuses the first id of `ids` that repeats an earlier one.
  static func refuseRepeat(
    _ ids: ItemIdentifiers.Builder, places: [PredictionFileError.Location], column: String,
    path: String
  ) throws(PredictionFileError) {
    let (built, repeated) = ids.build()
    guard let repeated else { return }
    throw PredictionFileError(
      path: path == "-" ? "<stdin>" : path, location: places[repeated.position],
      reason: .duplicateID(
        built[repeated.position], column: column, firstLine: places[repeated.first].line))
  }
}
