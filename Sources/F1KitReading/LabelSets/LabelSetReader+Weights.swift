import F1Kit

extension LabelSetReader {
  /// Reads the sample weight of every record, in file order, for commands
  /// that read the labels with ``PredictionReader`` and the weights beside
  /// them (`compare`, `report` and `gate` with `--weight-column`).
  ///
  /// The gold and prediction cells are not parsed, so any label (a set
  /// included) is accepted here; the label reader checks them.
  ///
  /// - Returns: One weight per record.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, a missing weight column, a negative, NaN or infinite
  ///   weight (naming its line), or weights that sum to zero.
  /// - Complexity: O(*n*) time for *n* bytes; O(*r*) memory for *r*
  ///   records.
  public func readWeights() throws(PredictionFileError) -> [Double] {
    let walker = try LabelSetWalker(path: path, options: options)
    var weights: [Double] = []
    var total = 0.0
    try walker.walk { record throws(PredictionFileError) in
      let weight = try record.weight() ?? 1
      weights.append(weight)
      total += weight
    }
    try walker.checkTotalWeight(total)
    return weights
  }
}

extension LabelSetReader {
  /// One distinct (gold, predicted, weight) combination of a weighted
  /// single-label file, with how many records have it.
  public struct WeightedRow: Hashable, Sendable {
    /// The gold label's code in ``WeightedRows/labels``.
    public var gold: Int
    /// The predicted label's code.
    public var predicted: Int
    /// The sample weight.
    public var weight: Double
    /// The number of records.
    public var count: Int
  }

  /// The distinct weighted rows of a single-label file and its labels.
  public struct WeightedRows: Sendable {
    /// The labels in first-seen order.
    public var labels: [String]
    /// The distinct rows, in no particular order.
    public var rows: [WeightedRow]
    /// What the reader noticed that is not an error (Booleans read as the
    /// numbers 0 and 1), one line each, as ``LabelCounts/warnings`` holds
    /// for a file read without weights.
    public var warnings: [String]
  }

  /// The weighted confusion matrix of a single-label file, with what the
  /// reader noticed.
  public struct WeightedCounts: Sendable {
    /// The item counts and weight sums over the labels in first-seen order.
    public var matrix: WeightedConfusionMatrix
    /// What the reader noticed that is not an error (Booleans read as the
    /// numbers 0 and 1), one line each, as ``LabelCounts/warnings`` holds
    /// for a file read without weights.
    public var warnings: [String]
  }

  /// Reads a single-label file with sample weights into its distinct
  /// (gold, predicted, weight) rows, which a bootstrap of weighted items
  /// draws from.
  ///
  /// - Returns: The rows and labels (the classes ``readWeighted()`` reads),
  ///   with its warnings.
  /// - Throws: ``PredictionFileError`` as ``readWeighted()`` does.
  /// - Complexity: O(*n*) time for *n* bytes; memory O(*r*) for *r*
  ///   distinct rows.
  public func readWeightedRows() throws(PredictionFileError) -> WeightedRows {
    let walker = try LabelSetWalker(path: path, options: options, readsIDs: true)
    var ids = LabelSetIDCheck(keepsIDs: path == "-")
    struct Key: Hashable {
      var gold: Int
      var predicted: Int
      var weight: UInt64
    }
    var counts: [Key: Int] = [:]
    var total = 0.0
    try walker.walk { record throws(PredictionFileError) in
      try ids.add(record)
      let gold = try record.singleLabel(.gold)
      let predicted = try record.singleLabel(.prediction)
      let weight = try record.weight() ?? 1
      total += weight
      // +0 so that -0.0 and 0.0 are one weight.
      counts[Key(gold: gold, predicted: predicted, weight: (weight + 0).bitPattern), default: 0] +=
        1
    }
    try ids.check(walker, reader: self)
    try walker.checkTotalWeight(total)
    let classes = try SingleLabelClasses(
      pairs: counts.lazy.map { (gold: $0.key.gold, predicted: $0.key.predicted, count: $0.value) },
      walker: walker)
    // Rows whose labels become one class (`1` and `1.0`) become one row.
    var merged: [Key: Int] = [:]
    for (key, count) in counts {
      merged[
        Key(gold: classes(key.gold), predicted: classes(key.predicted), weight: key.weight),
        default: 0] += count
    }
    return WeightedRows(
      labels: classes.names,
      rows: merged.map {
        WeightedRow(
          gold: $0.key.gold, predicted: $0.key.predicted,
          weight: Double(bitPattern: $0.key.weight), count: $0.value)
      },
      warnings: classes.note.map { [$0] } ?? [])
  }
}
