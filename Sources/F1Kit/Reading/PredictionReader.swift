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
  public init(path: String, options: PredictionFileOptions = PredictionFileOptions()) throws(PredictionFileError) {
    if let problem = options.validationProblem() {
      throw PredictionFileError(path: path == "-" ? "<stdin>" : path, reason: .invalidOptions(problem))
    }
    self.path = path
    self.options = options
  }

  /// Counts the (gold, predicted) label pairs in the file.
  ///
  /// In a count table each row adds its count to its cell. With a binary
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
    var cells = sink.table.nonZeroCells().map {
      LabelCounts.Cell(gold: $0.gold, predicted: $0.predicted, count: $0.count)
    }
    if parser.isThresholded {
      let (negative, positive) = try parser.resolveBinaryLabels()
      for index in cells.indices {
        cells[index].predicted = Int(cells[index].predicted == 1 ? positive : negative)
      }
    }
    return LabelCounts(labels: parser.interner.names, cells: cells, rowCount: rowCount)
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
    _ = try parser.parse(into: &sink, readsIDs: true)
    if parser.isThresholded {
      let (negative, positive) = try parser.resolveBinaryLabels()
      for index in sink.predicted.indices {
        sink.predicted[index] = sink.predicted[index] == 1 ? positive : negative
      }
    }
    return ItemPredictions(
      labels: parser.interner.names, gold: sink.gold, predicted: sink.predicted,
      ids: sink.hasIDs ? sink.ids.names : nil)
  }
}

/// Adds records up in a `CountTable`.
struct CountingSink: RecordSink {
  var table = CountTable()

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    table.add(gold: gold, predicted: predicted, weight: weight)
  }

  mutating func add(id bytes: UnsafePointer<UInt8>, count: Int, line: Int) -> IDOutcome { .added }
}

/// Keeps every record's codes and id; ids are interned by their bytes to find
/// duplicates quickly.
struct ItemSink: RecordSink {
  var gold: [Int32] = []
  var predicted: [Int32] = []
  var ids = LabelInterner()
  var hasIDs = false
  private var firstLines: [Int] = []

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    self.gold.append(gold)
    self.predicted.append(predicted)
    return true
  }

  mutating func add(id bytes: UnsafePointer<UInt8>, count: Int, line: Int) -> IDOutcome {
    hasIDs = true
    guard let code = ids.code(of: bytes, count: count) else { return .invalidUTF8 }
    if Int(code) < firstLines.count {
      return .duplicate(id: ids.names[Int(code)], firstLine: firstLines[Int(code)])
    }
    firstLines.append(line)
    return .added
  }
}
