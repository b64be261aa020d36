import F1Kit

/// The items of a multilabel prediction file in file order: each item's
/// gold and predicted label sets, its weight and its id, for comparing
/// models item by item.
///
/// Unlike `MultilabelCounts`, which keeps only distinct patterns, this
/// keeps one entry per item, so that several files can be aligned.
public struct LabelSetItems: Sendable {
  /// The labels the sets' indices refer to, in first-seen order (score
  /// columns first when the predictions come from scores).
  public var labels: [String]
  /// The gold labels of each item.
  public var gold: [LabelSet]
  /// The predicted labels of each item.
  public var predicted: [LabelSet]
  /// The sample weight of each item, or `nil` when the file has no weight
  /// column.
  public var weights: [Double]?
  /// The id of each item, or `nil` when the file has no id column.
  public var identifiers: ItemIdentifiers?

  /// Creates items.
  ///
  /// - Parameters:
  ///   - labels: The labels the indices refer to.
  ///   - gold: The gold sets.
  ///   - predicted: The predicted sets, one per gold set.
  ///   - weights: One weight per item, or `nil`.
  ///   - identifiers: One id per item, or `nil`.
  public init(
    labels: [String], gold: [LabelSet], predicted: [LabelSet], weights: [Double]? = nil,
    identifiers: ItemIdentifiers? = nil
  ) {
    precondition(gold.count == predicted.count)
    precondition(weights.map { $0.count == gold.count } ?? true)
    precondition(identifiers.map { $0.count == gold.count } ?? true)
    self.labels = labels
    self.gold = gold
    self.predicted = predicted
    self.weights = weights
    self.identifiers = identifiers
  }

  /// The number of items.
  public var count: Int { gold.count }
}

extension LabelSetReader {
  /// Reads a multilabel file item by item, with ids when the file has an id
  /// column (``PredictionFileOptions/idColumn``, or `id`; an empty name
  /// reads none).
  ///
  /// - Returns: The items in file order.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, a bad weight, a repeated id (naming both lines), or
  ///   weights that sum to zero.
  /// - Complexity: O(*n*) time for *n* bytes; memory O(*i*) for *i* items.
  public func readItems() throws(PredictionFileError) -> LabelSetItems {
    let walker = try LabelSetWalker(path: path, options: options, readsIDs: true)
    var gold: [LabelSet] = []
    var predicted: [LabelSet] = []
    var weights: [Double] = []
    var ids = ItemIdentifiers.Builder()
    var places: [PredictionFileError.Location] = []
    var totalWeight = 0.0
    try walker.walk { record throws(PredictionFileError) in
      gold.append(try record.labelSet(.gold))
      predicted.append(try record.predictedSet())
      if let weight = try record.weight() {
        weights.append(weight)
        totalWeight += weight
      }
      if let place = record.idLocation {
        try record.withIDBytes { ids.append($0, count: $1) }
        places.append(place)
      }
    }
    let labels = try walker.finishLabelSets()
    try walker.checkTotalWeight(totalWeight)
    var identifiers: ItemIdentifiers?
    if walker.idSlot != nil {
      let (built, repeated) = ids.build()
      if let repeated {
        throw PredictionFileError(
          path: path == "-" ? "<stdin>" : path,
          location: places[repeated.position],
          reason: .duplicateID(
            built[repeated.position], column: walker.idColumn ?? "",
            firstLine: places[repeated.first].line))
      }
      identifiers = built
    }
    return LabelSetItems(
      labels: labels, gold: gold, predicted: predicted,
      weights: options.weightColumn == nil ? nil : weights, identifiers: identifiers)
  }
}
