import F1Kit

/// Every item's gold label, predicted label and scores, in file order: what
/// the score metrics, curves and threshold tuning read.
///
/// A binary file gives one score per item, for ``positiveLabel``
/// (`--score-column`); a multiclass file gives one score per class
/// (`--score-columns` or `--score-array-column`), named by
/// ``scoredLabels``.
public struct ItemScores: Sendable {
  /// The gold and predicted labels (the prediction being the thresholded
  /// score or the argmax), with the ids.
  public var predictions: ItemPredictions
  /// The label each score is for: the positive label alone for a binary
  /// score column, else one label per class column.
  public var scoredLabels: [String]
  /// The scores, row-major: item *i*'s score for `scoredLabels[k]` is
  /// `scores[i * scoredLabels.count + k]`.
  public var scores: [Double]
  /// The positive label when the scores come from one binary score column,
  /// else `nil`.
  public var positiveLabel: String?

  /// Creates item scores.
  ///
  /// - Parameters:
  ///   - predictions: The items' labels and ids.
  ///   - scoredLabels: The label of each score column.
  ///   - scores: The scores, row-major.
  ///   - positiveLabel: The positive label of a binary score column.
  public init(
    predictions: ItemPredictions, scoredLabels: [String], scores: [Double],
    positiveLabel: String? = nil
  ) {
    self.predictions = predictions
    self.scoredLabels = scoredLabels
    self.scores = scores
    self.positiveLabel = positiveLabel
  }

  /// The number of items.
  public var count: Int { predictions.count }

  /// Whether the scores are one binary score column.
  public var isBinary: Bool { positiveLabel != nil }

  /// Whether each item's gold label is the positive label of a binary score
  /// column.
  ///
  /// - Complexity: O(*n*).
  public var isPositive: [Bool] {
    guard let positiveLabel else { return [] }
    let code = predictions.labels.firstIndex { $0.utf8.elementsEqual(positiveLabel.utf8) }
    return predictions.gold.map { Int($0) == code }
  }

  /// The binary scores, sorted once and ready for every score metric.
  ///
  /// - Returns: The scores with the positive flags.
  /// - Throws: `ScoreMetricsError` when there are no items or the file's
  ///   scores are per-class (`.tooFewClasses(_:)`).
  /// - Complexity: O(*n* log *n*).
  public func binaryScores() throws(ScoreMetricsError) -> BinaryScores {
    guard isBinary else { throw .tooFewClasses(1) }
    return try BinaryScores(scores: scores, isPositive: isPositive)
  }

  /// The per-class scores, sorted once per class and ready for every score
  /// metric.
  ///
  /// - Returns: The scores with each item's gold class.
  /// - Throws: `ScoreMetricsError/goldLabelNotScored(item:label:scoredLabels:)`
  ///   for a gold label without a score column, and the errors of
  ///   `MulticlassScores/init(scores:classCount:gold:)`.
  /// - Complexity: O(*K* *n* log *n*) for *K* classes.
  public func multiclassScores() throws(ScoreMetricsError) -> MulticlassScores {
    let columns = scoredLabels.exactLabelPositions()
    let columnOfCode = predictions.labels.map { columns[ExactLabel($0)] ?? -1 }
    var gold: [Int] = []
    gold.reserveCapacity(count)
    for (item, code) in predictions.gold.enumerated() {
      let column = columnOfCode[Int(code)]
      guard column >= 0 else {
        throw .goldLabelNotScored(
          item: item, label: predictions.labels[Int(code)], scoredLabels: scoredLabels)
      }
      gold.append(column)
    }
    var model = try MulticlassScores(scores: scores, classCount: scoredLabels.count, gold: gold)
    model.classNames = scoredLabels
    return model
  }
}

extension PredictionReader {
  /// Reads every item's gold label, prediction and scores, in file order.
  ///
  /// The options must take the prediction from scores: a binary score
  /// column (``PredictionFileOptions/scoreColumn``), per-class score
  /// columns or a score-array column.
  ///
  /// - Returns: The items with their scores.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, for a duplicate id, with reason `.labelsDoNotMatch` when
  ///   the argmax labels cannot be meant for the gold labels (as
  ///   ``readItems()`` checks), and with reason `.invalidOptions` when the
  ///   options name no scores.
  /// - Complexity: O(*n*) time for *n* bytes; O(*m* *K*) memory for *m*
  ///   items with *K* scores each.
  public func readItemScores() throws(PredictionFileError) -> ItemScores {
    guard
      options.scoreColumn != nil || !options.scoreColumns.isEmpty
        || options.scoreArrayColumn != nil
    else {
      throw PredictionFileError(
        path: path == "-" ? "<stdin>" : path,
        reason: .invalidOptions(
          "per-item scores need a score column, per-class score columns or a score-array column"))
    }
    let parser = try PredictionFileParser(path: path, options: options)
    var sink = ScoreSink()
    do {
      _ = try parser.parse(into: &sink, readsIDs: true)
    } catch {
      _ = try sink.items.takeIdentifiers(of: parser)
      throw error
    }
    let identifiers = try sink.items.takeIdentifiers(of: parser)
    let resolution = try LabelResolution(parser)
    if parser.isThresholded || resolution.codes != nil {
      for index in sink.items.gold.indices {
        sink.items.gold[index] = resolution.code(sink.items.gold[index])
        sink.items.predicted[index] = resolution.predictedCode(sink.items.predicted[index])
      }
    }
    if !parser.isThresholded {
      var check = LabelSetCheck(labelCount: resolution.names.count)
      check.count(gold: sink.items.gold, predicted: sink.items.predicted)
      try check.check(
        names: resolution.names, columns: parser.columns, options: options, path: parser.path)
    }
    var positiveLabel: String?
    let scoredLabels: [String]
    if let binary = resolution.binary {
      positiveLabel = resolution.names[Int(binary.positive)]
      scoredLabels = [positiveLabel!]
    } else if !options.scoreColumns.isEmpty {
      scoredLabels = options.scoreColumns.map(resolution.normalized)
    } else {
      let width = sink.items.gold.isEmpty ? 0 : sink.scores.count / sink.items.gold.count
      scoredLabels = (options.labels ?? (0..<width).map(String.init)).map(resolution.normalized)
    }
    var predictions = ItemPredictions(
      labels: resolution.names, gold: sink.items.gold, predicted: sink.items.predicted,
      identifiers: sink.items.hasIDs ? identifiers : nil, hasNumericLabels: resolution.isNumeric)
    predictions.warnings = try warnings(parser)
    return ItemScores(
      predictions: predictions, scoredLabels: scoredLabels, scores: sink.scores,
      positiveLabel: positiveLabel)
  }
}

/// Keeps every record's codes, id and scores.
struct ScoreSink: RecordSink {
  var items = ItemSink()
  var scores: [Double] = []

  static var keepsScores: Bool { true }

  mutating func add(score: Double) { scores.append(score) }

  mutating func flush() { items.flush() }

  mutating func reserveCapacity(_ count: Int) {
    items.reserveCapacity(count)
    scores.reserveCapacity(count)
  }

  mutating func add(gold: Int32, predicted: Int32, weight: Int) -> Bool {
    items.add(gold: gold, predicted: predicted, weight: weight)
  }

  mutating func add(
    id bytes: UnsafePointer<UInt8>, count: Int, line: Int, place: PredictionFileError.Location
  ) -> IDOutcome {
    items.add(id: bytes, count: count, line: line, place: place)
  }

  mutating func append(_ other: consuming ScoreSink, codes: [Int32], lineOffset: Int) -> Bool {
    scores += other.scores
    return items.append(other.items, codes: codes, lineOffset: lineOffset)
  }
}

extension ItemScores {
  /// The counts of (gold, predicted) label pairs, for the confusion matrix.
  ///
  /// - Complexity: O(*n*).
  public var labelCounts: LabelCounts {
    var counts: [Int: Int] = [:]
    let width = predictions.labels.count
    for (gold, predicted) in zip(predictions.gold, predictions.predicted) {
      counts[Int(gold) * width + Int(predicted), default: 0] += 1
    }
    let cells = counts.keys.sorted().map {
      LabelCounts.Cell(gold: $0 / width, predicted: $0 % width, count: counts[$0]!)
    }
    return LabelCounts(labels: predictions.labels, cells: cells, rowCount: count)
  }

  /// Where the scores came from, for headings: the score column and
  /// positive label, or the score columns' labels.
  public var sourceDescription: String {
    if let positiveLabel {
      return "scores for positive label \(TerminalText.quoted(positiveLabel))"
    }
    return "per-class scores for \(TerminalText.list(scoredLabels))"
  }
}

extension ItemScores {
  /// The items in another order, such as another file's order by id.
  ///
  /// - Parameter order: For each new position, the item's current position.
  /// - Returns: The reordered items; their labels keep their codes.
  /// - Complexity: O(*n* *K*).
  public func reordered(by order: [Int]) -> ItemScores {
    let width = scoredLabels.count
    var scores: [Double] = []
    scores.reserveCapacity(self.scores.count)
    for item in order { scores += self.scores[(item * width)..<((item + 1) * width)] }
    let ids = predictions.identifiers.map { identifiers in order.map { identifiers[$0] } }
    let reordered = ItemPredictions(
      labels: predictions.labels, gold: order.map { predictions.gold[$0] },
      predicted: order.map { predictions.predicted[$0] }, ids: ids)
    return ItemScores(
      predictions: reordered, scoredLabels: scoredLabels, scores: scores,
      positiveLabel: positiveLabel)
  }
}
