import F1Kit

extension PredictionReader {
  /// Reads the items of a file that holds the items of `reference`, in
  /// `reference`'s order, keeping neither this file's ids nor its gold
  /// labels.
  ///
  /// This is how a second model's file is aligned by id with little memory:
  /// each record's id is looked up in `reference`'s ids as it is read (its
  /// bytes compared, so two ids are matched only when they are equal), and
  /// its labels are stored at that position. The gold labels are kept only
  /// until they are checked against `reference`'s, by name, one byte each
  /// when the file has at most 256 labels; the items returned share
  /// `reference`'s gold codes (the same storage), so they cost 4 bytes each.
  ///
  /// The returned labels are `reference`'s labels, in order, followed by
  /// this file's other labels in first-seen order, so that `reference`'s
  /// gold codes name the same labels here. `AlignedPredictions` recognises
  /// such gold and neither checks nor copies it again.
  ///
  /// The file is read in one pass on one thread. When its ids are not
  /// `reference`'s one to one (an id that `reference` lacks, an id given
  /// twice, fewer items, no id column), an item's gold label differs from
  /// `reference`'s, or the file cannot be read, the result is `nil` and
  /// nothing is reported: reading the file with ``readItems()`` and
  /// aligning with `AlignedPredictions` then gives the error, as it would
  /// have without this path.
  ///
  /// - Parameter reference: The items of the first model's file, with ids.
  /// - Returns: The items in `reference`'s order, with `reference`'s ids and
  ///   gold codes, or `nil` when the ids or the gold labels do not match.
  /// - Complexity: O(*n*) on average for *n* bytes; O(*m*) memory for *m*
  ///   items: 4 bytes each, and 1 more (4 with over 256 labels) while the
  ///   gold labels are checked.
  public func readItems(alignedTo reference: ItemPredictions) -> ItemPredictions? {
    readAligned(to: reference, groupColumn: nil)?.items
  }

  /// Reads the items of a file that holds the items of `reference`, in
  /// `reference`'s order, and, when `groupColumn` is given, the group of
  /// each in the same pass (see `readItems(alignedTo:groupColumn:)`).
  ///
  /// - Returns: The items and, with a group column, their groups in
  ///   `reference`'s order or the column's absence; `nil` as
  ///   ``readItems(alignedTo:)`` returns it.
  func readAligned(to reference: ItemPredictions, groupColumn: String?) -> (
    items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>?
  )? {
    guard path != "-", let identifiers = reference.identifiers,
      reference.gold.count == identifiers.count
    else { return nil }
    var options = self.options
    // The sink stores labels by the reference's positions, so one pass.
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: path, options: options) else { return nil }
    parser.groupColumn = groupColumn
    var sink = AligningSink()
    sink.start(identifiers, readsGroups: groupColumn != nil)
    guard (try? parser.parse(into: &sink, readsIDs: true)) != nil, sink.isComplete,
      let resolution = try? LabelResolution(parser)
    else { return nil }
    var gold = sink.takeGold()
    var predicted = sink.takePredicted()

    // Reference labels first, then this file's others: each of this file's
    // final codes' place in that list.
    var labels = reference.labels
    var positions = reference.labels.exactLabelPositions()
    let finalCodes: [Int32] = resolution.names.map { name in
      if let position = positions[ExactLabel(name)] { return Int32(position) }
      positions[ExactLabel(name)] = labels.count
      labels.append(name)
      return Int32(labels.count - 1)
    }
    // Each parsed gold code's place in that list: reference's gold code of
    // the items that carry it.
    let goldCodes = (0..<parser.interner.names.count).map {
      finalCodes[Int(resolution.code(Int32($0)))]
    }
    var check = LabelSetCheck(labelCount: resolution.names.count)
    let isMatched = reference.gold.withUnsafeBufferPointer { referenceGold in
      predicted.withUnsafeMutableBufferPointer { predicted in
        for index in predicted.indices {
          let parsedGold = gold[index]
          guard goldCodes[Int(parsedGold)] == referenceGold[index] else { return false }
          let final = resolution.predictedCode(predicted[index])
          check.goldCounts[Int(resolution.code(parsedGold))] += 1
          check.predictedCounts[Int(final)] += 1
          predicted[index] = finalCodes[Int(final)]
        }
        return true
      }
    }
    gold = CompactCodes(count: 0)
    guard isMatched else { return nil }
    if !parser.isThresholded {
      do {
        try check.check(
          names: resolution.names, columns: parser.columns, options: options, path: parser.path)
      } catch {
        return nil
      }
    }
    var items = ItemPredictions(
      labels: labels, gold: reference.gold, predicted: predicted, identifiers: identifiers,
      hasNumericLabels: resolution.isNumeric)
    // A refused cut-off is reported by the general read.
    guard let warnings = try? warnings(parser) else { return nil }
    items.warnings = warnings
    guard groupColumn != nil else { return (items, nil) }
    if let missing = parser.missingGroupColumn { return (items, .failure(missing)) }
    return (items, .success(sink.itemGroups))
  }
}

/// Stores each record's label codes at the position of its id in a
/// reference list of ids; stops the read (by refusing a record) at the
/// first id that the reference lacks or that repeats.
struct AligningSink: RecordSink {
  /// The parsed gold label code at each reference position, one byte each
  /// while the codes fit.
  private var gold = CompactCodes(count: 0)
  /// The parsed predicted label code at each reference position; -1 until
  /// its record is read.
  private var predicted: [Int32] = []
  private var reference = ItemIdentifiers()
  /// The reference position of the record being read, or -1.
  private var position = -1
  /// The number of records stored.
  private var count = 0
  /// The group code at each reference position, when groups are read;
  /// codes number this file's group values in first-seen order.
  private var groupCodes: [Int] = []
  private var groupInterner = GroupInterner()
  /// The group code of the record being read.
  private var group = -1

  /// Starts storing by `reference`'s positions, with each record's group
  /// when `readsGroups` is set.
  mutating func start(_ reference: ItemIdentifiers, readsGroups: Bool = false) {
    self.reference = reference
    gold = CompactCodes(count: reference.count)
    predicted = [Int32](repeating: -1, count: reference.count)
    if readsGroups { groupCodes = [Int](repeating: -1, count: reference.count) }
  }

  /// The groups read, in the reference's order.
  var itemGroups: ItemGroups {
    ItemGroups(codes: groupCodes, values: groupInterner.names)
  }

  /// Whether every reference position got exactly one record.
  var isComplete: Bool { count == reference.count }

  /// The gold codes, leaving the sink without them.
  mutating func takeGold() -> CompactCodes {
    defer { gold = CompactCodes(count: 0) }
    return gold
  }

  /// The predicted codes, leaving the sink without them.
  mutating func takePredicted() -> [Int32] {
    defer { predicted = [] }
    return predicted
  }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    let hash = ByteWords(padded: bytes, count: count).hash
    position = reference.position(of: bytes, count: count, hash: hash) ?? -1
    return .added
  }

  @inline(__always)
  mutating func add(group bytes: UnsafePointer<UInt8>, count: Int) -> IDOutcome {
    guard count > 0 else { return .emptyGroup }
    guard let code = groupInterner.code(ofPadded: bytes, count: count) else { return .invalidUTF8 }
    guard !groupInterner.isMissingValue[Int(code)] else { return .missingValueGroup }
    group = Int(truncatingIfNeeded: code)
    return .added
  }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    // No id, an id the reference lacks, a repeated id or a count row: stop.
    guard position >= 0, weight == 1, self.predicted[position] < 0 else { return false }
    self.gold[position] = gold
    self.predicted[position] = predicted
    if !groupCodes.isEmpty { groupCodes[position] = group }
    count += 1
    position = -1
    return true
  }

  mutating func append(_ other: consuming AligningSink, codes: [Int32], lineOffset: Int) -> Bool {
    // Never read in halves (see `readItems(alignedTo:)`).
    false
  }
}
