import F1Kit

extension PredictionReader {
  /// Reads the group of every item from one column, in file order, with the
  /// byte-level reader that reads the predictions.
  ///
  /// Group values are interned from the read buffer as they are read, so
  /// no `String` is made per item: only one per distinct group. Records are
  /// read exactly as ``readItems()`` reads them (the same quoting, blank
  /// lines, delimiter and JSON Lines rules, the same halves of a large
  /// file), so the *i*-th code belongs to the *i*-th item it returns.
  ///
  /// - Parameter column: The group column's name.
  /// - Returns: Each item's group code, numbering the distinct values in
  ///   first-seen order, and the values.
  /// - Throws: ``PredictionFileError`` when the file cannot be read, is
  ///   malformed, has no such column (role `.group`), or a group value is
  ///   not UTF-8; standard input (`-`) is refused, since the predictions
  ///   were read from it already.
  /// - Complexity: O(*n*) time for *n* bytes; O(*m* + *g*) memory for *m*
  ///   items and *g* distinct groups.
  public func readGroups(column: String) throws(PredictionFileError) -> ItemGroups {
    guard path != "-" else {
      throw PredictionFileError(
        path: path,
        reason: .invalidOptions("groups cannot be read from standard input; name a file"))
    }
    // The group column takes the id column's place in the reader: read as
    // bytes beside the labels, without a String per record.
    var groupOptions = options
    groupOptions.idColumn = column
    var sink = GroupSink()
    do {
      let parser = try PredictionFileParser(path: path, options: groupOptions)
      _ = try parser.parse(into: &sink, readsIDs: true)
    } catch {
      var error = error
      if case .missingColumn(.id, let accepted, let found) = error.reason {
        error.reason = .missingColumn(role: .group, accepted: accepted, found: found)
      }
      throw error
    }
    return ItemGroups(codes: sink.codes.map(Int.init), values: sink.interner.names)
  }
}

/// Interns each record's group value (given as its id) into a code.
struct GroupSink: RecordSink {
  var interner = LabelInterner()
  var codes: [Int32] = []

  mutating func reserveCapacity(_ count: Int) { codes.reserveCapacity(count) }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool { true }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    guard let code = interner.code(ofPadded: bytes, count: count) else { return .invalidUTF8 }
    codes.append(code)
    return .added
  }

  mutating func append(_ other: consuming GroupSink, codes _: [Int32], lineOffset: Int) -> Bool {
    let mapping = interner.merge(other.interner, lineOffset: lineOffset)
    codes += other.codes.lazy.map { mapping[Int($0)] }
    return true
  }
}
