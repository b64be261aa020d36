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
  /// In a count table each row adds its count to its cell. When every label
  /// is a number, labels are compared by value (`1`, `1.0` and `1e0` are one
  /// label, spelled `1`; see ``LabelCounts/hasNumericLabels``). With a binary
  /// score column, the predictions are the positive label when the score is at
  /// least the threshold and the negative label otherwise (see
  /// ``PredictionFileOptions/positiveLabel``).
  ///
  /// - Returns: The labels in first-seen order and the non-zero counts.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed.
  /// - Complexity: O(*n*) time for *n* bytes; O(*k*²) memory for *k* labels.
  public func readCounts() throws(PredictionFileError) -> LabelCounts {
    let parser = try PredictionFileParser(path: path, options: options)
    var sink = CountingSink()
    let rowCount = try parser.parse(into: &sink, readsIDs: false)
    let resolution = try LabelResolution(parser)
    let cells = sink.table.nonZeroCells().map {
      LabelCounts.Cell(
        gold: Int(resolution.code(Int32($0.gold))),
        predicted: Int(resolution.predictedCode(Int32($0.predicted))), count: $0.count)
    }
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
      rows: rowCount, cells: cells.count, column: parser.columns.detectedCount, path: parser.path)
    {
      counts.warnings.append(note)
    }
    counts.goldColumn = parser.columns.gold
    counts.predictionColumn = parser.columns.prediction.joined(separator: ",")
    return counts
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
    let parser = try PredictionFileParser(path: path, options: options)
    var sink = ItemSink()
    do {
      _ = try parser.parse(into: &sink, readsIDs: true)
    } catch {
      // An id repeated before the malformed record is reported first.
      _ = try sink.takeIdentifiers(path: parser.path)
      throw error
    }
    return try items(from: &sink, parser: parser)
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
    let identifiers = try sink.takeIdentifiers(path: parser.path)
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
  /// rows than (gold, prediction) pairs: a count table made by `GROUP BY`
  /// has one row a pair, so such a file is more likely one item a row with
  /// a `count` of something else, each item weighted by it.
  ///
  /// - Parameters:
  ///   - rows: The data rows read.
  ///   - cells: The distinct (gold, prediction) pairs with a count.
  ///   - column: The count column found by name, or `nil`.
  ///   - path: The file, for the message.
  /// - Returns: The warning, or `nil`.
  static func itemsCountedAsCells(rows: Int, cells: Int, column: String?, path: String)
    -> String?
  {
    guard let column, rows >= 20, rows > 4 * max(cells, 1) else { return nil }
    return
      "\(path): the column \"\(column)\" makes each of the \(rows) rows a cell of a count table, but there are only \(cells) distinct (gold, prediction) pairs, as if the rows were items and \"\(column)\" something else; give --count-column '' to read one item a row"
  }

  func warnings(_ parser: PredictionFileParser) throws(PredictionFileError) -> [String] {
    var warnings = parser.notes
    if let range = parser.scoreRange, !range.contains(options.threshold) {
      // Constant scores get their own advice: no cut-off separates them.
      if options.isDefaultThreshold, range.lowerBound < range.upperBound {
        throw PredictionFileError(
          path: parser.path,
          reason: .defaultThresholdOutsideScores(
            threshold: options.threshold, lowest: range.lowerBound, highest: range.upperBound))
      }
      let outcome =
        options.threshold > range.upperBound
        ? "no item is predicted positive" : "every item is predicted positive"
      warnings.append(
        "\(parser.path): the threshold \(options.threshold) is outside the scores read (\(range.lowerBound) to \(range.upperBound)), so \(outcome)"
      )
    }
    return warnings
  }
}

/// Adds records up in a `CountTable`.
///
/// The total is checked against `LabelCounts.maximumTotalCount` as it grows,
/// so no cell, row or column sum can overflow later, and every count
/// converts to a `Double` exactly.
struct CountingSink: RecordSink {
  var table = CountTable()
  /// The number of items added.
  private(set) var total = 0

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    let (sum, overflow) = total.addingReportingOverflow(weight)
    guard !overflow, sum <= LabelCounts.maximumTotalCount else { return false }
    total = sum
    return table.add(gold: gold, predicted: predicted, weight: weight)
  }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome { .added }

  mutating func append(_ other: consuming CountingSink, codes: [Int32], lineOffset: Int) -> Bool {
    for cell in other.table.nonZeroCells() {
      guard add(gold: codes[cell.gold], predicted: codes[cell.predicted], weight: cell.count)
      else {
        return false
      }
    }
    return true
  }
}

/// Keeps every record's codes and id; ids are collected as bytes, and
/// checked for repeats once read (see `ItemIdentifiers.Builder`).
///
/// Codes are written to a small block first, through pointers, and
/// appended to `gold` and `predicted` a block at a time, so that adding
/// a record checks no array's uniqueness or capacity: the arrays hold every
/// record once `flush()` has run, as `PredictionFileParser.parse(into:readsIDs:)`
/// and `append(_:codes:lineOffset:)` run it.
struct ItemSink: RecordSink {
  var gold: [Int32] = []
  var predicted: [Int32] = []
  var hasIDs = false
  /// The block of codes not yet appended; one per sink, never shared by
  /// two sinks that add records.
  private let block = CodeBlock()
  /// The number of codes in `block`.
  private var blockCount = 0
  private var builder = ItemIdentifiers.Builder()
  /// Where ids are, kept sparsely: the ids whose record does not start on
  /// the line after the previous id's, or whose place is not on that line
  /// in the previous id's column. Any other id's line and place follow from
  /// the last of these before it.
  private var jumps: [(position: Int, line: Int, place: PredictionFileError.Location)] = []
  private var nextLine = -1
  private var column = -1

  mutating func reserveCapacity(_ count: Int) {
    gold.reserveCapacity(count)
    predicted.reserveCapacity(count)
    builder.reserveCapacity(count)
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

  /// Builds the ids' index, leaving the sink without ids.
  ///
  /// - Throws: ``PredictionFileError`` with reason `.duplicateID` at the
  ///   first id that repeats an earlier one.
  mutating func takeIdentifiers(path: String) throws(PredictionFileError) -> ItemIdentifiers {
    let taken = builder
    builder = ItemIdentifiers.Builder()
    let (identifiers, repeated) = taken.build()
    if let repeated {
      let (_, place) = self.place(of: repeated.position)
      let (firstLine, _) = self.place(of: repeated.first)
      throw PredictionFileError(
        path: path, location: place,
        reason: .duplicateID(identifiers[repeated.position], firstLine: firstLine))
    }
    return identifiers
  }

  /// The line of the record of the id at `position`, and where the id is.
  private func place(of position: Int) -> (line: Int, place: PredictionFileError.Location) {
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
