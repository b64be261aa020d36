import F1Kit

extension PredictionReader {
  /// Reads the gold and predicted label of every item and the group of
  /// each, in file order, in one pass over the file.
  ///
  /// The items are those ``readItems()`` returns and the groups those
  /// ``readGroups(column:)`` returns, read together: group values are
  /// interned from the read buffer beside the labels, one `String` per
  /// distinct group, in both halves of a large file. When the read fails,
  /// a file is read again as those two passes read it, so the error is the
  /// one they give: the items' error is thrown, and a group error (no such
  /// column, a value that is not UTF-8) is returned as the groups' failure,
  /// for the caller to report after anything it reads next; an empty group
  /// value is such an error. Standard input
  /// (`-`) can be read once: a missing group column is still returned as
  /// the groups' failure, but any other error is the first in the input.
  ///
  /// - Parameter column: The group column's name.
  /// - Returns: The items, and each item's group code (numbering the
  ///   distinct values in first-seen order) with the values, or why the
  ///   groups cannot be read.
  /// - Throws: ``PredictionFileError`` as ``readItems()`` throws it.
  /// - Complexity: O(*n*) time for *n* bytes; O(*m* + *g*) memory for *m*
  ///   items and *g* distinct groups.
  public func readItems(groupColumn column: String) throws(PredictionFileError) -> (
    items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>
  ) {
    var sink = GroupedItemSink()
    let parser: PredictionFileParser
    // The parser once opened, whose id column names a repeated id.
    var opened: PredictionFileParser?
    do {
      parser = try PredictionFileParser(path: path, options: options)
      opened = parser
      parser.groupColumn = column
      _ = try parser.parse(into: &sink, readsIDs: true)
    } catch {
      if case .groupColumnHasRole = error.reason { throw error }
      guard path != "-" else {
        // An id repeated before the malformed record is reported first.
        if let opened { _ = try sink.items.takeIdentifiers(of: opened) }
        throw error
      }
      let items = try readItems()
      return (items, Result { () throws(PredictionFileError) in try readGroups(column: column) })
    }
    let items = try items(from: &sink.items, parser: parser)
    if let missing = parser.missingGroupColumn { return (items, .failure(missing)) }
    return (items, .success(sink.groups.itemGroups))
  }

  /// Reads the items of a file that holds the items of `reference`, in
  /// `reference`'s order, as ``readItems(alignedTo:)`` does, and the group
  /// of each in the same pass.
  ///
  /// Group values are interned from the read buffer, one `String` per
  /// distinct group; their codes number this file's values in first-seen
  /// order, stored at each item's position in `reference`.
  ///
  /// - Parameters:
  ///   - reference: The items of the first model's file, with ids.
  ///   - groupColumn: The group column's name.
  /// - Returns: The items in `reference`'s order and their groups (or the
  ///   column's absence, as the groups' failure); `nil` when
  ///   ``readItems(alignedTo:)`` gives `nil`, or a group value is empty or
  ///   not UTF-8: ``readItems(groupColumn:)`` then reports why.
  /// - Complexity: O(*n*) on average for *n* bytes; O(*m* + *g*) memory for
  ///   *m* items and *g* distinct groups.
  public func readItems(alignedTo reference: ItemPredictions, groupColumn: String) -> (
    items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>
  )? {
    guard let read = readAligned(to: reference, groupColumn: groupColumn),
      let groups = read.groups
    else { return nil }
    return (read.items, groups)
  }

  /// Reads the group of every item from one column, in file order, with the
  /// byte-level reader that reads the predictions.
  ///
  /// Group values are interned from the read buffer as they are read, so
  /// no `String` is made per item: only one per distinct group. Records are
  /// read exactly as ``readItems()`` reads them (the same quoting, blank
  /// lines, delimiter and JSON Lines rules, the same halves of a large
  /// file), so the *i*-th code belongs to the *i*-th item it returns.
  /// ``readItems(groupColumn:)`` reads both in one pass.
  ///
  /// - Parameter column: The group column's name.
  /// - Returns: Each item's group code, numbering the distinct values in
  ///   first-seen order, and the values.
  /// - Throws: ``PredictionFileError`` when the file cannot be read, is
  ///   malformed, has no such column (role `.group`), or a group value is
  ///   empty or not UTF-8; standard input (`-`) is refused, since the predictions
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
      parser.checkedGroupColumn = column
      _ = try parser.parse(into: &sink, readsIDs: true)
    } catch {
      var error = error
      switch error.reason {
      case .missingColumn(.id, let accepted, let found):
        error.reason = .missingColumn(role: .group, accepted: accepted, found: found)
      case .emptyID(column, isNull: true):
        // JSON's missing value, as pandas writes NaN, read in the id's place.
        error.reason = .emptyGroup(column: column)
      case .unsupportedValue(column, _, let found):
        error.reason = .unsupportedValue(
          column: column, expected: "a group (a string, number or Boolean)", found: found)
      default:
        break
      }
      throw error
    }
    return sink.itemGroups
  }
}

/// Interns each record's group value into a code: given as its id (when
/// the group column takes the id column's place) or as its group.
///
/// Codes are kept as `Int`, the type `ItemGroups` hands on, so that no
/// array of codes is converted (and its pages touched) once read.
struct GroupSink: RecordSink {
  var interner = GroupInterner()
  var codes: [Int] = []

  /// The groups read, numbered in first-seen order.
  var itemGroups: ItemGroups {
    ItemGroups(codes: codes, values: interner.names)
  }

  mutating func reserveCapacity(_ count: Int) { codes.reserveCapacity(count) }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool { true }

  @inline(__always)
  mutating func add(group bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    guard count > 0 else { return .emptyGroup }
    guard let code = interner.code(ofPadded: bytes, count: count) else { return .invalidUTF8 }
    guard !interner.isMissingValue[Int(code)] else { return .missingValueGroup }
    codes.append(Int(truncatingIfNeeded: code))
    return .added
  }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    add(group: bytes, count: count)
  }

  mutating func append(_ other: consuming GroupSink, codes _: [Int32], lineOffset: Int) -> Bool {
    let mapping = interner.merge(other.interner)
    codes += other.codes.lazy.map { Int(truncatingIfNeeded: mapping[$0]) }
    return true
  }
}
