extension PredictionReader {
  /// The line of one of the file's items, for a message that points at
  /// it: the line of its gold label, which is where the item starts unless
  /// a quoted field before it holds line breaks.
  ///
  /// Items are counted as every read counts them: records in file order,
  /// blank lines and the header not counted. The file is read again, up to
  /// that item, so this is for error messages, not for every item.
  ///
  /// - Parameter item: The item's position in the file, counted from 0.
  /// - Returns: Its 1-based line, or `nil` for standard input (which
  ///   cannot be read twice), a file with fewer items, or one that cannot
  ///   be read.
  /// - Complexity: O(*b*) for the *b* bytes up to the item.
  public func line(ofItem item: Int) -> Int? {
    goldLocation(ofItem: item)?.line
  }

  /// Where one of the file's items has its gold label: the line, and the
  /// field (CSV, TSV) or byte (JSON Lines) that holds it, for a message
  /// about that label.
  ///
  /// - Parameter item: The item's position in the file, counted from 0.
  /// - Returns: The gold label's place, or `nil` as ``line(ofItem:)``
  ///   returns `nil`.
  /// - Complexity: O(*b*) for the *b* bytes up to the item.
  public func goldLocation(ofItem item: Int) -> PredictionFileError.Location? {
    guard path != "-", item >= 0 else { return nil }
    var options = self.options
    // One pass, so that the parser's line is the file's.
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: path, options: options) else { return nil }
    var sink = ItemLineSink()
    sink.stopsAt = item
    do {
      _ = try parser.parse(into: &sink, readsIDs: false)
    } catch {
      // The sink refuses the item it stops at, and the parser's refusal
      // names that item's line and its gold label's column.
      guard sink.isStopped, case .countOverflow = error.reason else { return nil }
      return error.location
    }
    return nil
  }
}

extension PredictionReader {
  /// The id of the file's first item, read without reading further: a
  /// cheap way to tell files of the same items (runs of a model) from
  /// shards of one data set, which hold different items.
  ///
  /// - Returns: The id, or `nil` for standard input, a file without an id
  ///   column or one that cannot be read.
  /// - Complexity: O(*b*) for the *b* bytes up to the second record.
  public func firstID() -> String? {
    guard path != "-", options.idColumn?.isEmpty != true else { return nil }
    var options = self.options
    options.minimumParallelByteCount = .max
    guard let parser = try? PredictionFileParser(path: path, options: options) else { return nil }
    var sink = FirstIDSink()
    _ = try? parser.parse(into: &sink, readsIDs: true)
    return sink.id
  }
}

/// Keeps the first record's id and refuses the second record, so that the
/// parse stops there.
struct FirstIDSink: RecordSink {
  /// The first record's id, once read.
  private(set) var id: String?
  private var count = 0

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    count += 1
    return count < 2
  }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    if id == nil {
      id = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
    return .added
  }

  mutating func append(_ other: consuming FirstIDSink, codes: [Int32], lineOffset: Int) -> Bool {
    false
  }
}

/// Counts records and refuses the one at ``stopsAt``, so that the parse
/// stops there with an error placed on its line.
struct ItemLineSink: RecordSink {
  /// The position of the record to stop at.
  var stopsAt = 0
  /// The number of records taken.
  private var count = 0
  /// Whether the record at ``stopsAt`` was reached (and refused).
  private(set) var isStopped = false

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    guard count < stopsAt, weight == 1 else {
      isStopped = weight == 1
      return false
    }
    count += 1
    return true
  }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    .added
  }

  mutating func append(_ other: consuming ItemLineSink, codes: [Int32], lineOffset: Int) -> Bool {
    // Never read in halves (see `line(ofItem:)`).
    false
  }
}
