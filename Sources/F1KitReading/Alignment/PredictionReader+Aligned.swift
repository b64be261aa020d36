import F1Kit

extension PredictionReader {
  /// Reads the items of a file that holds the items of `reference`, in
  /// `reference`'s order, without keeping this file's ids.
  ///
  /// This is how a second model's file is aligned by id with little memory:
  /// each record's id is looked up in `reference` as it is read (its bytes
  /// compared, so two ids are matched only when they are equal), and its
  /// labels are stored at that position. No id of this file is kept, so
  /// the items cost 8 bytes each.
  ///
  /// The file is read in one pass on one thread. When its ids are not
  /// `reference`'s one to one (an id that `reference` lacks, an id given
  /// twice, fewer items, no id column), or the file cannot be read, the
  /// result is `nil` and nothing is reported: reading the file with
  /// ``readItems()`` and aligning with `AlignedPredictions` then gives the
  /// error, as it would have without this path.
  ///
  /// - Parameter reference: The ids of the first model's file.
  /// - Returns: The items in `reference`'s order, with `reference` as their
  ///   ids, or `nil` when the ids do not match.
  /// - Complexity: O(*n*) on average for *n* bytes; O(*m*) memory for *m*
  ///   items, 8 bytes each.
  public func readItems(alignedTo reference: ItemIdentifiers) -> ItemPredictions? {
    guard path != "-" else { return nil }
    var options = self.options
    // The sink stores labels by the reference's positions, so one pass.
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: path, options: options) else { return nil }
    var sink = AligningSink()
    sink.start(reference)
    guard (try? parser.parse(into: &sink, readsIDs: true)) != nil, sink.isComplete,
      let resolution = try? LabelResolution(parser)
    else { return nil }
    if parser.isThresholded || resolution.codes != nil {
      for index in sink.gold.indices {
        sink.gold[index] = resolution.code(sink.gold[index])
        sink.predicted[index] = resolution.predictedCode(sink.predicted[index])
      }
    }
    if !parser.isThresholded {
      var check = LabelSetCheck(labelCount: resolution.names.count)
      for (gold, predicted) in zip(sink.gold, sink.predicted) {
        check.goldCounts[Int(gold)] += 1
        check.predictedCounts[Int(predicted)] += 1
      }
      do {
        try check.check(
          names: resolution.names, columns: parser.columns, options: options, path: parser.path)
      } catch {
        return nil
      }
    }
    var items = ItemPredictions(
      labels: resolution.names, gold: sink.gold, predicted: sink.predicted,
      identifiers: reference, hasNumericLabels: resolution.isNumeric)
    items.warnings = warnings(parser)
    return items
  }
}

/// Stores each record's label codes at the position of its id in a
/// reference list of ids; stops the read (by refusing a record) at the
/// first id that the reference lacks or that repeats.
struct AligningSink: RecordSink {
  /// The gold label code at each reference position; -1 until its record is
  /// read.
  var gold: [Int32] = []
  /// The predicted label code at each reference position.
  var predicted: [Int32] = []
  private var reference = ItemIdentifiers()
  /// The reference position of the record being read, or -1.
  private var position = -1
  /// The number of records stored.
  private var count = 0

  /// Starts storing by `reference`'s positions.
  mutating func start(_ reference: ItemIdentifiers) {
    self.reference = reference
    gold = [Int32](repeating: -1, count: reference.count)
    predicted = [Int32](repeating: -1, count: reference.count)
  }

  /// Whether every reference position got exactly one record.
  var isComplete: Bool { count == reference.count }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    let hash = ByteWords(padded: bytes, count: count).hash
    position = reference.position(of: bytes, count: count, hash: hash) ?? -1
    return .added
  }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    // No id, an id the reference lacks, a repeated id or a count row: stop.
    guard position >= 0, weight == 1, self.gold[position] < 0 else { return false }
    self.gold[position] = gold
    self.predicted[position] = predicted
    count += 1
    position = -1
    return true
  }

  mutating func append(_ other: consuming AligningSink, codes: [Int32], lineOffset: Int) -> Bool {
    // Never read in halves (see `readItems(alignedTo:)`).
    false
  }
}
