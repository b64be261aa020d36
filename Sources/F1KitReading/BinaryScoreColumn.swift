import F1Kit

/// A binary score column read flat: each item's score and whether its gold
/// label is the positive label, with the (gold, thresholded prediction)
/// counts — what `f1kit evaluate --score-column` needs, and nothing more.
///
/// Unlike ``ItemScores``, which keeps each item's gold and predicted label
/// codes and its id, this keeps one `Double` and one `Bool` per item (9
/// bytes; 12 while the file is read, when each gold label is still a 4-byte
/// code). The exact ranking metrics (ROC-AUC, average precision) need every
/// score, so memory still grows with the rows, but at a few bytes per row.
/// The counts are those ``PredictionReader/readCounts()`` gives for the
/// same file and options, so every label metric is identical.
public struct BinaryScoreColumn: Sendable {
  /// The (gold, predicted) label counts, the prediction being the score
  /// thresholded at ``PredictionFileOptions/threshold``.
  public var counts: LabelCounts
  /// The positive label, spelled as in ``LabelCounts/labels``.
  public var positiveLabel: String
  /// Each item's score for the positive label, in file order.
  public var scores: [Double]
  /// Whether each item's gold label is the positive label, in file order.
  public var isPositive: [Bool]

  /// The number of items.
  public var count: Int { scores.count }

  /// Where the scores came from, for headings; the same words as
  /// ``ItemScores/sourceDescription`` for a binary score column.
  public var sourceDescription: String {
    "scores for positive label \(TerminalText.quoted(positiveLabel))"
  }
}

extension PredictionReader {
  /// Reads a binary score column flat: scores, positive flags and label
  /// counts, without ids.
  ///
  /// The file is parsed by the same byte-level parser as every other read,
  /// so a malformed record gets the same one-line error with its file, line
  /// and column. Ids are not kept, but a repeated one is refused, as
  /// ``readCounts()`` refuses it.
  ///
  /// - Returns: The items' scores and positive flags, and the label counts.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, with reason `.duplicateID` for a repeated id, and with
  ///   reason `.invalidOptions` when the options do not name a binary score
  ///   column (``PredictionFileOptions/scoreColumn``), and with reason
  ///   `.countTableHasNoItems` for a count table, whose rows are not items.
  /// - Complexity: O(*n*) time for *n* bytes; 12 bytes per item while
  ///   reading, 9 after.
  public func readBinaryScoreColumn() throws(PredictionFileError) -> BinaryScoreColumn {
    guard options.scoreColumn != nil else {
      throw PredictionFileError(
        path: path == "-" ? "<stdin>" : path,
        reason: .invalidOptions("a flat binary score read needs a score column"))
    }
    let parser = try PredictionFileParser(path: path, options: options)
    var sink = BinaryScoreSink()
    let rowCount = try parseCheckingIDs(parser, into: &sink, ids: \.counting.ids)
    if let column = parser.columns.count {
      // The counts would weight the label metrics but not the scores, each
      // row's counted once by the ranking metrics whatever its count.
      throw PredictionFileError(path: parser.path, reason: .countTableHasNoItems(column: column))
    }
    let resolution = try LabelResolution(parser)
    guard let binary = resolution.binary else {
      // A score column is always thresholded, so the resolution names both
      // labels or has thrown.
      throw PredictionFileError(
        path: parser.path, reason: .invalidOptions("the score column was not thresholded"))
    }
    let cells = sink.counting.table.nonZeroCells().map {
      LabelCounts.Cell(
        gold: Int(resolution.code(Int32($0.gold))),
        predicted: Int(resolution.predictedCode(Int32($0.predicted))), count: $0.count)
    }
    var counts = LabelCounts(
      labels: resolution.names, cells: cells, rowCount: rowCount,
      hasNumericLabels: resolution.isNumeric)
    counts.warnings = try warnings(parser)
    counts.goldColumn = parser.columns.gold
    counts.predictionColumn = parser.columns.prediction.joined(separator: ",")
    var isPositive = [Bool](repeating: false, count: sink.gold.count)
    sink.gold.withUnsafeBufferPointer { gold in
      isPositive.withUnsafeMutableBufferPointer { isPositive in
        for item in gold.indices {
          isPositive[item] = resolution.code(gold[item]) == binary.positive
        }
      }
    }
    sink.gold = []
    return BinaryScoreColumn(
      counts: counts, positiveLabel: resolution.names[Int(binary.positive)], scores: sink.scores,
      isPositive: isPositive)
  }
}

/// Counts records as `CountingSink` does, checking their ids as it does,
/// and keeps each one's gold code and score, nothing else.
struct BinaryScoreSink: RecordSink {
  var counting = CountingSink()
  var gold: [Int32] = []
  var scores: [Double] = []

  static var keepsScores: Bool { true }

  @inline(__always)
  mutating func add(score: Double) { scores.append(score) }

  mutating func reserveCapacity(_ count: Int) {
    gold.reserveCapacity(count)
    scores.reserveCapacity(count)
  }

  @inline(__always)
  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    self.gold.append(gold)
    return counting.add(gold: gold, predicted: predicted, weight: weight)
  }

  @inline(__always)
  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    counting.add(id: bytes, count: count, line: line, place: place)
  }

  mutating func append(_ other: consuming BinaryScoreSink, codes: [Int32], lineOffset: Int)
    -> Bool
  {
    // Thresholded scores are read in one pass, never in halves.
    gold += other.gold.lazy.map { codes[Int($0)] }
    scores += other.scores
    return counting.append(other.counting, codes: codes, lineOffset: lineOffset)
  }
}
