import F1Kit

/// Reads a file of gold labels and predictions (CSV, TSV or JSON Lines) into
/// label counts or per-item predictions.
///
/// The file is read in chunks of `options.chunkSize` bytes and parsed as
/// bytes; labels are interned from their raw bytes, so the counting path uses
/// memory proportional to the square of the number of labels, not to the
/// number of rows. The path `-` reads standard input (which can be read
/// once).
///
/// ```swift
/// let reader = try PredictionReader(path: "preds.csv")
/// let matrix = try reader.readConfusionMatrix()
/// ```
///
/// Columns are found by name in the header (for JSON Lines, in the keys of
/// the first object): the gold column is `label`, `gold`, `y_true` or
/// `target`, the prediction column `prediction`, `pred` or `y_pred`, each
/// matched exactly first and ignoring case second, unless the options name
/// them. See ``PredictionFileOptions`` for score columns and count tables.
public struct PredictionReader: Sendable {
  /// The file to read, or `-` for standard input.
  public var path: String
  /// How to read the file.
  public var options: PredictionFileOptions

  /// Creates a reader, checking the options; the file is opened by each read.
  ///
  /// - Parameters:
  ///   - path: The file to read, or `-` for standard input.
  ///   - options: How to read the file.
  /// - Throws: ``PredictionFileError`` with reason `.invalidOptions` when the
  ///   prediction would come from more than one source, names repeat, the
  ///   threshold is not finite or the chunk size is not positive.
  public init(path: String, options: PredictionFileOptions = PredictionFileOptions())
    throws(PredictionFileError)
  {
    if let problem = options.validationProblem() {
      throw PredictionFileError(
        path: path == "-" ? "<stdin>" : path, reason: .invalidOptions(problem))
    }
    self.path = path
    self.options = options
  }

  /// Counts the (gold, predicted) label pairs in the file.
  ///
  /// In a file of items with an id column (`id`, a data frame's index, or
  /// ``PredictionFileOptions/idColumn``) the ids must be distinct, as
  /// ``readItems()`` requires: a file concatenated with itself would
  /// otherwise count every item twice. Ids that strictly increase (numbers
  /// compared as numbers, as pandas' index 0, 1, 2, …) are distinct and cost
  /// a few nanoseconds each (docs/performance.md). Any others are distinct
  /// when their 64-bit hashes are: hashed while reading when they stop
  /// increasing within the first 65,536 ids (a shuffled frame's index),
  /// else in a second reading of a regular file. Equal hashes are checked
  /// byte by byte in another reading, which also places the error; from
  /// standard input the ids are kept instead.
  ///
  /// In a count table each row adds its count to its cell. When every label
  /// is a number, labels are compared by value (`1`, `1.0` and `1e0` are one
  /// label, spelled `1`; see ``LabelCounts/hasNumericLabels``). With a binary
  /// score column, the predictions are the positive label when the score is at
  /// least the threshold and the negative label otherwise (see
  /// ``PredictionFileOptions/positiveLabel``).
  ///
  /// - Returns: The labels in first-seen order and the non-zero counts.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, and with reason `.duplicateID` for a repeated id.
  /// - Complexity: O(*n*) time for *n* bytes; O(*k*²) memory for *k* labels,
  ///   plus, for ids that do not increase, 8 bytes an id for *m* items (and
  ///   a second pass over a regular file whose ids increased past the
  ///   first 65,536), or the bytes of the ids read from standard input.
  public func readCounts() throws(PredictionFileError) -> LabelCounts {
    try readCounts(keepingIDs: false).counts
  }

  /// Counts the (gold, predicted) label pairs in the file, as
  /// ``readCounts()`` does, and keeps how its ids ran, for a check across
  /// files (see ``ShardIDCheck``).
  ///
  /// - Parameter keepingIDs: Whether to return the ids' summary; from
  ///   standard input, the ids themselves are kept.
  /// - Returns: The counts, and the ids' summary when asked for and the
  ///   file has ids.
  /// - Throws: As ``readCounts()``.
  func readCounts(keepingIDs: Bool) throws(PredictionFileError) -> (
    counts: LabelCounts, ids: ShardIDCheck.Shard?
  ) {
    let parser = try PredictionFileParser(path: path, options: options)
    var sink = CountingSink()
    let rowCount = try parseCheckingIDs(parser, into: &sink, ids: \.ids)
    let shard = keepingIDs ? try shard(of: sink.ids, parser: parser) : nil
    let resolution = try LabelResolution(parser)
    let cells = sink.table.nonZeroCells().map {
      LabelCounts.Cell(
        gold: Int(resolution.code(Int32($0.gold))),
        predicted: Int(resolution.predictedCode(Int32($0.predicted))), count: $0.count)
    }
    try ItemRowsEvidence.refuseItems(
      path: path, displayPath: parser.path, options: options,
      columns: [parser.columns.gold] + parser.columns.prediction,
      countColumn: parser.columns.detectedCount, indexColumn: parser.idColumn, rows: rowCount,
      combinations: cells.count)
    try RepeatedTestSetEvidence.refuseRepeats(
      path: path, displayPath: parser.path, options: options, goldColumn: parser.columns.gold,
      columns: parser.columns.prediction, countColumn: parser.columns.count, rows: rowCount,
      combinations: cells.count)
    if !parser.isThresholded {
      var check = LabelSetCheck(labelCount: resolution.names.count)
      for cell in cells {
        check.goldCounts[cell.gold] &+= cell.count
        check.predictedCounts[cell.predicted] &+= cell.count
      }
      try check.check(
        names: resolution.names, columns: parser.columns, options: options, path: parser.path)
    }
    var counts = LabelCounts(
      labels: resolution.names, cells: cells, rowCount: rowCount,
      hasNumericLabels: resolution.isNumeric)
    counts.warnings = try warnings(parser)
    if let note = Self.itemsCountedAsCells(
      rows: rowCount, cells: cells.count, column: parser.columns.detectedCount, path: parser.path),
      let column = parser.columns.detectedCount,
      !ItemRowsEvidence.isGroupedOnMoreColumns(
        path: path, options: options, columns: [parser.columns.gold] + parser.columns.prediction,
        countColumn: column)
    {
      counts.warnings.append(note)
      counts.countColumnNote = note
    }
    counts.goldColumn = parser.columns.gold
    counts.predictionColumn = parser.columns.prediction.joined(separator: ",")
    return (counts, shard)
  }

  /// Reads the gold and predicted label of every item, in file order.
  ///
  /// Ids come from the id column when there is one (`id`, or
  /// ``PredictionFileOptions/idColumn``) and must be distinct.
  ///
  /// - Returns: The labels in first-seen order, the codes of each item, and
  ///   the ids if there is an id column.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, for a duplicate id, and for a count table.
  /// - Complexity: O(*n*) time for *n* bytes; O(*m*) memory for *m* items.
  public func readItems() throws(PredictionFileError) -> ItemPredictions {
    var sink: ItemSink
    let parser: PredictionFileParser
    (sink, parser) = try parsedItems()
    return try items(from: &sink, parser: parser)
  }

  /// The file's records read into an `ItemSink`, ids and all, with the
  /// parser that read them.
  ///
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed; a repeated id before a malformed record is reported first.
  private func parsedItems() throws(PredictionFileError) -> (ItemSink, PredictionFileParser) {
    let parser = try PredictionFileParser(path: path, options: options)
    var sink = ItemSink()
    do {
      _ = try parser.parse(into: &sink, readsIDs: true)
    } catch {
      _ = try sink.takeIdentifiers(of: parser)
      throw error
    }
    return (sink, parser)
  }

  /// Parses the file into `sink`, reading the records' ids into the
  /// summary at `ids` (from standard input, the ids themselves), and
  /// refuses the first id that repeats an earlier one.
  ///
  /// - Parameters:
  ///   - parser: The file's parser.
  ///   - sink: The sink to read the records into.
  ///   - ids: Where the sink keeps its ids' summary.
  /// - Returns: The number of rows read.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, and with reason `.duplicateID` for a repeated id, which
  ///   is reported first when it comes before a malformed record, as
  ///   ``readItems()`` reports it.
  func parseCheckingIDs<Sink: RecordSink>(
    _ parser: PredictionFileParser, into sink: inout Sink, ids: WritableKeyPath<Sink, IDSummary>
  ) throws(PredictionFileError) -> Int {
    parser.checksIDs = true
    if parser.source.regularFileSize == nil { sink[keyPath: ids].recorder = IdentifierRecorder() }
    let rowCount: Int
    do {
      rowCount = try parser.parse(into: &sink, readsIDs: false)
    } catch {
      try checkIDs(of: sink[keyPath: ids], parser: parser)
      throw error
    }
    try checkIDs(of: sink[keyPath: ids], parser: parser)
    return rowCount
  }

  /// What a check across files needs of the ids a parse summarized (see
  /// ``ShardIDCheck``), or `nil` for a file without ids.
  ///
  /// - Parameters:
  ///   - ids: The ids' summary, checked for repeats within the file.
  ///   - parser: The parser that read them.
  /// - Returns: The summary, with the ids kept from standard input.
  /// - Throws: ``PredictionFileError`` for ids kept that repeat, which
  ///   ``checkIDs(of:parser:)`` has refused already.
  func shard(of ids: IDSummary, parser: PredictionFileParser) throws(PredictionFileError)
    -> ShardIDCheck.Shard?
  {
    guard !ids.isEmpty else { return nil }
    var shard = ShardIDCheck.Shard(
      reader: self, path: parser.path, column: parser.idColumn ?? "", order: ids.order,
      hashes: ids.hashes)
    if var recorder = ids.recorder {
      let identifiers = try recorder.take(path: parser.path, column: shard.column)
      shard.kept = (identifiers, recorder)
    }
    return shard
  }

  /// Refuses the first id of a parse that repeats an earlier one, when the
  /// ids do not increase: from the ids kept; else from their hashes, kept
  /// by the parse or made by reading the file's ids again, when they are
  /// distinct; else by reading the ids again and comparing their bytes.
  ///
  /// - Parameters:
  ///   - ids: What the parse kept of the ids.
  ///   - parser: The parser that read them.
  /// - Throws: ``PredictionFileError`` with reason `.duplicateID` at the
  ///   repeated id, naming the line of the first; or the error that stops
  ///   the exact reading.
  func checkIDs(of ids: IDSummary, parser: PredictionFileParser)
    throws(PredictionFileError)
  {
    guard !ids.order.isIncreasing else { return }
    if var recorder = ids.recorder {
      // The ids are taken again when kept for a check across files.
      _ = try recorder.take(path: parser.path, column: parser.idColumn ?? "")
      return
    }
    guard let hashes = ids.hashes.isComplete ? ids.hashes : hashedIDs() else {
      return try checkIDsExactly()
    }
    guard let candidate = hashes.firstRepeat(mask: options.idHashMask) else { return }
    try refuseRepeat(at: candidate)
  }

  /// Refuses the repeat two equal hashes point at, reading the two ids
  /// again to compare their bytes and place the error.
  ///
  /// - Parameter candidate: The position of the first hash equal to an
  ///   earlier one, and of that earlier one.
  /// - Throws: ``PredictionFileError`` with reason `.duplicateID` when the
  ///   ids are equal; when they are not (two ids with one hash), the
  ///   outcome of the exact check.
  private func refuseRepeat(at candidate: (position: Int, first: Int))
    throws(PredictionFileError)
  {
    var options = self.options
    options.minimumParallelByteCount = .max
    if let again = try? PredictionFileParser(path: path, options: options) {
      again.checksIDs = true
      var sink = IdentifierSink<PickedIDs>()
      sink.ids.positions = (candidate.first, candidate.position)
      _ = try? again.parse(into: &sink, readsIDs: false)
      let picks = sink.ids.picks
      if picks.count == 2, picks[0].bytes == picks[1].bytes {
        throw PredictionFileError(
          path: again.path, location: picks[1].place,
          reason: .duplicateID(
            String(decoding: picks[1].bytes, as: UTF8.self), column: again.idColumn ?? "",
            firstLine: picks[0].line))
      }
    }
    try checkIDsExactly()
  }

  /// Reads the file's ids again, every one, and refuses the first that
  /// repeats an earlier one.
  private func checkIDsExactly() throws(PredictionFileError) {
    var read = try recordedIDs()
    _ = try read.recorder.take(path: read.path, column: read.column)
  }

  /// The hashes of every id of the file, read again to hash them.
  ///
  /// - Returns: The hashes, or `nil` when the reading fails (the exact
  ///   reading then reports why).
  func hashedIDs() -> IDHashes? {
    guard let parser = try? PredictionFileParser(path: path, options: options) else {
      return nil
    }
    parser.checksIDs = true
    var sink = IdentifierSink<IDHashes>()
    guard (try? parser.parse(into: &sink, readsIDs: false)) != nil, sink.ids.isComplete
    else { return nil }
    return sink.ids
  }

  /// The file's ids read again, with their places: the exact check of ids
  /// that may repeat.
  ///
  /// - Returns: The ids, the file as named in messages and the id
  ///   column's name.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or
  ///   is malformed; a repeated id before a malformed record is reported
  ///   first.
  func recordedIDs() throws(PredictionFileError) -> (
    recorder: IdentifierRecorder, path: String, column: String
  ) {
    let parser = try PredictionFileParser(path: path, options: options)
    parser.checksIDs = true
    var sink = IdentifierSink<IdentifierRecorder>()
    do {
      _ = try parser.parse(into: &sink, readsIDs: false)
    } catch {
      _ = try sink.ids.take(path: parser.path, column: parser.idColumn ?? "")
      throw error
    }
    return (sink.ids, parser.path, parser.idColumn ?? "")
  }

  /// The items a parse left in `sink`: the ids checked for repeats, the
  /// label codes resolved and the label sets checked.
  ///
  /// - Parameters:
  ///   - sink: The sink `parser` read every record into; left without ids.
  ///   - parser: The parser, once it has read the file.
  /// - Returns: The items, with the parser's warnings.
  /// - Throws: ``PredictionFileError`` for a duplicate id or labels that do
  ///   not fit.
  func items(from sink: inout ItemSink, parser: PredictionFileParser)
    throws(PredictionFileError) -> ItemPredictions
  {
    let identifiers = try sink.takeIdentifiers(of: parser)
    let resolution = try LabelResolution(parser)
    if parser.isThresholded || resolution.codes != nil {
      for index in sink.gold.indices {
        sink.gold[index] = resolution.code(sink.gold[index])
        sink.predicted[index] = resolution.predictedCode(sink.predicted[index])
      }
    }
    if !parser.isThresholded {
      var check = LabelSetCheck(labelCount: resolution.names.count)
      check.count(gold: sink.gold, predicted: sink.predicted)
      try check.check(
        names: resolution.names, columns: parser.columns, options: options, path: parser.path)
    }
    var items = ItemPredictions(
      labels: resolution.names, gold: sink.gold, predicted: sink.predicted,
      identifiers: sink.hasIDs ? identifiers : nil, hasNumericLabels: resolution.isNumeric)
    items.warnings = try warnings(parser)
    return items
  }

  /// What the reader noticed that does not stop it, one line each.
  ///
  /// - Throws: ``PredictionFileError/Reason/defaultThresholdOutsideScores(threshold:lowest:highest:)``
  ///   when a default cut-off no one chose lies outside every score.
  /// A warning for a count column found by name in a file with many more
  /// rows than distinct combinations of the other columns read: a count
  /// table made by `GROUP BY` has one row a combination, so such a file is
  /// more likely one item a row with a `count` of something else, each
  /// item weighted by it.
  ///
  /// A joint table (`GROUP BY label, model_a, model_b`) repeats each
  /// (gold, model_a) pair across model_b's predictions, so its rows are
  /// compared with the combinations of every column read, not one model's
  /// pairs.
  ///
  /// - Parameters:
  ///   - rows: The data rows read.
  ///   - cells: The distinct combinations of the columns read (other than
  ///     the count column) with a count.
  ///   - column: The count column found by name, or `nil`.
  ///   - path: The file, for the message.
  ///   - columns: The columns combined, when more than one model's
  ///     prediction (or a group) is read; `nil` for (gold, prediction).
  /// - Returns: The warning, or `nil`.
  static func itemsCountedAsCells(
    rows: Int, cells: Int, column: String?, path: String, columns: [String]? = nil
  ) -> String? {
    guard let column, rows >= 20, rows > 4 * max(cells, 1) else { return nil }
    let combinations =
      columns.map { "combinations of (\($0.joined(separator: ", ")))" }
      ?? "(gold, prediction) pairs"
    return
      "\(path): the column \"\(column)\" makes each of the \(rows) rows a cell of a count table, but there are only \(cells) distinct \(combinations), as if the rows were items and \"\(column)\" something else; give --count-column '' to read one item a row"
  }

  func warnings(_ parser: PredictionFileParser) throws(PredictionFileError) -> [String] {
    var warnings = parser.notes
    guard options.isThresholdUsed else { return warnings }
    if let warning = Self.tunedScaleWarning(
      tunedRange: options.tunedScoreRange, range: parser.scoreRange,
      threshold: options.threshold, path: parser.path)
    {
      warnings.append(warning)
    }
    if let range = parser.scoreRange, !range.contains(options.threshold) {
      // Constant scores get their own advice: no cut-off separates them.
      if options.isDefaultThreshold, range.lowerBound < range.upperBound {
        throw PredictionFileError(
          path: parser.path,
          reason: .defaultThresholdOutsideScores(
            threshold: options.threshold, lowest: range.lowerBound, highest: range.upperBound))
      }
      if options.refusesThresholdOutsideScores, range.lowerBound < range.upperBound {
        throw PredictionFileError(
          path: parser.path,
          reason: .thresholdOutsideScores(
            threshold: options.threshold, lowest: range.lowerBound, highest: range.upperBound))
      }
      let outcome =
        options.threshold > range.upperBound
        ? "no item is predicted positive" : "every item is predicted positive"
      warnings.append(
        "\(parser.path): the threshold \(options.threshold) is outside the scores read (\(range.lowerBound) to \(range.upperBound)), so \(outcome)"
      )
    } else if options.isDefaultThreshold, parser.isThresholded, let range = parser.scoreRange,
      Self.isRatingScale(range)
    {
      throw PredictionFileError(
        path: parser.path,
        reason: .defaultThresholdOnScale(
          threshold: options.threshold, lowest: range.lowerBound, highest: range.upperBound))
    } else if let warning = Self.logitWarning(
      range: parser.scoreRange, threshold: options.threshold,
      isDefault: options.isDefaultThreshold && parser.isThresholded, path: parser.path)
    {
      warnings.append(warning)
    }
    return warnings
  }

  /// Whether scores are on a scale of their own, never negative and past
  /// 1, as ratings (STS-B's 0 to 5), percentages and counts are: neither
  /// probabilities nor similarities, nor logits, which take both signs, so
  /// a default cut-off of 0.5 means nothing on them, and
  /// `--threshold 0`, the fix for logits, would predict every item
  /// positive.
  ///
  /// Probabilities a float32 softmax rounds a little past 1 (1.0000001)
  /// are not such a scale: the highest score must pass 1.001.
  static func isRatingScale(_ range: ClosedRange<Double>) -> Bool {
    range.lowerBound >= 0 && range.upperBound > 1.001
  }

  /// The warning for scores cut at the default threshold that are clearly
  /// not probabilities: some below −1 or above 1, past the range of
  /// probabilities and of cosine similarities (which STS-B models give,
  /// −0.16 to 0.998 on its fixture, and which a cut at 0.5 suits), so
  /// logits or margins, which straddle 0.5 often enough to pass the check
  /// that the cut-off lies within the scores, and are then cut where a
  /// probability of 0.62 would be.
  ///
  /// - Parameters:
  ///   - range: The scores read, lowest to highest.
  ///   - threshold: The cut-off.
  ///   - isDefault: Whether no one chose the cut-off.
  ///   - path: The file, named first.
  /// - Returns: The warning, or `nil`.
  static func logitWarning(
    range: ClosedRange<Double>?, threshold: Double, isDefault: Bool, path: String
  ) -> String? {
    // Past rounding: a float32 softmax gives 1.0000001.
    guard isDefault, let range, range.lowerBound < -1.001 || range.upperBound > 1.001 else {
      return nil
    }
    return
      "\(path): the scores run from \(range.lowerBound) to \(range.upperBound), past -1 to 1, so they are neither probabilities nor similarities but look like logits or margins, yet are cut at the default threshold \(threshold), which assumes probabilities; give --threshold 0 for logits (a logit of 0 is a probability of 0.5), apply a sigmoid or softmax to the scores, or give --threshold-from a development file"
  }
}

/// Adds records up in a `CountTable`.
///
/// The total is checked against `LabelCounts.maximumTotalCount` as it grows,
/// so no cell, row or column sum can overflow later, and every count
/// converts to a `Double` exactly. Ids, when the parser gives them (see
/// `PredictionFileParser.checksIDs`), are summarized in `ids`.
struct CountingSink: RecordSink {
  var table = CountTable()
  /// The number of items added.
  private(set) var total = 0
  /// What is kept of the ids read.
  var ids = IDSummary()

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    let (sum, overflow) = total.addingReportingOverflow(weight)
    guard !overflow, sum <= LabelCounts.maximumTotalCount else { return false }
    total = sum
    return table.add(gold: gold, predicted: predicted, weight: weight)
  }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    ids.add(id: bytes, count: count, line: line, place: place)
  }

  mutating func append(_ other: consuming CountingSink, codes: [Int32], lineOffset: Int) -> Bool {
    for cell in other.table.nonZeroCells() {
      guard add(gold: codes[cell.gold], predicted: codes[cell.predicted], weight: cell.count)
      else {
        return false
      }
    }
    ids.append(other.ids, lineOffset: lineOffset)
    return true
  }
}

/// Keeps every record's codes and id; ids are collected as bytes, and
/// checked for repeats once read (see `IdentifierRecorder`).
///
/// Codes are written to a small block first, through pointers, and
/// appended to `gold` and `predicted` a block at a time, so that adding
/// a record checks no array's uniqueness or capacity: the arrays hold every
/// record once `flush()` has run, as `PredictionFileParser.parse(into:readsIDs:)`
/// and `append(_:codes:lineOffset:)` run it.
struct ItemSink: RecordSink {
  var gold: [Int32] = []
  var predicted: [Int32] = []
  /// Whether any record had an id.
  var hasIDs: Bool { identifiers.hasIDs }
  /// The block of codes not yet appended; one per sink, never shared by
  /// two sinks that add records.
  private let block = CodeBlock()
  /// The number of codes in `block`.
  private var blockCount = 0
  private var identifiers = IdentifierRecorder()

  mutating func reserveCapacity(_ count: Int) {
    gold.reserveCapacity(count)
    predicted.reserveCapacity(count)
    identifiers.reserveCapacity(count)
  }

  mutating func append(_ other: consuming ItemSink, codes: [Int32], lineOffset: Int) -> Bool {
    flush()
    other.flush()
    // Each of `other`'s arrays is let go once appended, so that merging
    // holds one array of the two halves at a time, not all of them.
    gold += other.gold.lazy.map { codes[Int($0)] }
    other.gold = []
    predicted += other.predicted.lazy.map { codes[Int($0)] }
    other.predicted = []
    let otherIdentifiers = other.identifiers
    other.identifiers = IdentifierRecorder()
    identifiers.append(otherIdentifiers, lineOffset: lineOffset)
    return true
  }

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    if blockCount == CodeBlock.capacity { flush() }
    block.gold[blockCount] = gold
    block.predicted[blockCount] = predicted
    blockCount &+= 1
    return true
  }

  mutating func flush() {
    guard blockCount > 0 else { return }
    gold.append(contentsOf: UnsafeBufferPointer(start: block.gold, count: blockCount))
    predicted.append(contentsOf: UnsafeBufferPointer(start: block.predicted, count: blockCount))
    blockCount = 0
  }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    identifiers.add(id: bytes, count: count, line: line, place: place)
  }

  /// Builds the ids' index, leaving the sink without ids.
  ///
  /// - Parameter parser: The parser that read the ids, for the message.
  /// - Throws: ``PredictionFileError`` with reason `.duplicateID` at the
  ///   first id that repeats an earlier one.
  mutating func takeIdentifiers(of parser: PredictionFileParser) throws(PredictionFileError)
    -> ItemIdentifiers
  {
    try identifiers.take(path: parser.path, column: parser.idColumn ?? "")
  }
}

/// A fixed block of codes that an `ItemSink` writes through pointers before
/// appending them to its arrays.
final class CodeBlock {
  /// The number of records a block holds.
  static let capacity = 1_024
  let gold = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
  let predicted = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)

  deinit {
    gold.deallocate()
    predicted.deallocate()
  }
}
