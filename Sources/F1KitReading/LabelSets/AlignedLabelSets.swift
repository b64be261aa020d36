import F1Kit

/// Several multilabel models' predicted label sets for the same items,
/// aligned item by item over one label order: what a paired multilabel
/// comparison needs.
///
/// Files are aligned by id when every file has an id column, and row by
/// row otherwise, as ``AlignedPredictions`` aligns single-label files. The
/// gold sets must agree item by item. Sample weights come from the first
/// file and must agree item by item in every file that has them.
public struct AlignedLabelSets: Sendable {
  /// The label order every set's indices refer to: the caller's labels
  /// first, then the others that occur (or are score columns), in
  /// `LabelOrdering` order — the order `MultilabelMetrics` gives the same
  /// data.
  public let labels: [String]
  /// The gold labels of each item.
  public let gold: [LabelSet]
  /// Each model's predicted labels of each item, in model order.
  public let predictions: [[LabelSet]]
  /// The sample weight of each item, or `nil` for unweighted items.
  public let weights: [Double]?
  /// The id of each item, when the files were aligned by id.
  public let identifiers: ItemIdentifiers?

  /// Aligns models' label sets.
  ///
  /// - Parameters:
  ///   - models: Each model's items, read from its file.
  ///   - names: A name for each model (its file name), used in errors.
  ///   - labels: The caller's label order, if any.
  /// - Throws: ``AlignmentError`` when the models cover different items,
  ///   disagree on a gold set or a weight, or `labels` repeats a label.
  /// - Complexity: O(*m* · *n* · *s*) for *m* models of *n* items with at
  ///   most *s* labels each.
  public init(_ models: [LabelSetItems], names: [String], labels: [String]? = nil)
    throws(AlignmentError)
  {
    precondition(models.count == names.count && !models.isEmpty)
    let order: [String]
    do {
      let occurring = try ConfusionMatrix.labelOrder(
        naming: nil, occurring: models.flatMap(\.labels))
      // `--labels 1.0` names the number the sets write `1`, as NumPy
      // compares them; unmatched, it would add a label no item has.
      let named = EvaluationOptions(labels: labels).spellingNumbers(like: occurring).labels
      order = try ConfusionMatrix.labelOrder(naming: named, occurring: occurring)
    } catch {
      guard case .duplicateLabel(let label) = error else { preconditionFailure() }
      throw .duplicateLabel(label)
    }
    let position = order.exactLabelPositions()
    let reference = models[0]
    let isAlignedByID = models.allSatisfy { $0.identifiers != nil }
    try AlignmentError.refuseMixedIdentifiers(models.map { $0.identifiers != nil }, names: names)
    var gold: [LabelSet] = []
    var predictions: [[LabelSet]] = []
    var weights: [Double]?
    var weightSource = 0
    for (index, model) in models.enumerated() {
      let mapping = model.labels.map { position[ExactLabel($0)]! }
      var permutation: [Int]?
      if isAlignedByID, index > 0 {
        let referenceIDs = reference.identifiers!
        let ids = model.identifiers!
        guard ids.count == referenceIDs.count else {
          throw .differentIDCounts(referenceIDs, ids, first: names[0], other: names[index])
        }
        let positions = referenceIDs.positions(in: ids)
        if let missing = positions.firstIndex(of: nil) {
          throw .missingItem(id: referenceIDs[missing], file: names[index], presentIn: names[0])
        }
        permutation = positions.map { $0! }
      } else if model.count != reference.count {
        throw .differentItemCounts(
          first: names[0], firstCount: reference.count, other: names[index],
          otherCount: model.count)
      }
      func item(_ row: Int) -> Int { permutation?[row] ?? row }
      let modelGold = (0..<reference.count).map { model.gold[item($0)].mapped(by: mapping) }
      if index == 0 {
        gold = modelGold
      } else if let row = gold.indices.first(where: { gold[$0] != modelGold[$0] }) {
        throw .goldMismatch(
          item: reference.identifiers?[row] ?? String(row + 1), firstFile: names[0],
          firstLabel: Self.text(gold[row], order), otherFile: names[index],
          otherLabel: Self.text(modelGold[row], order), otherItem: item(row))
      }
      if let own = model.weights {
        let aligned = (0..<reference.count).map { own[item($0)] }
        if let weights, let row = weights.indices.first(where: { weights[$0] != aligned[$0] }) {
          throw .weightMismatch(
            item: reference.identifiers?[row] ?? String(row + 1),
            firstFile: names[weightSource], firstWeight: weights[row],
            otherFile: names[index], otherWeight: aligned[row], otherItem: item(row))
        }
        if weights == nil {
          weights = aligned
          weightSource = index
        }
      }
      predictions.append(
        (0..<reference.count).map { model.predicted[item($0)].mapped(by: mapping) })
    }
    self.labels = order
    self.gold = gold
    self.predictions = predictions
    self.weights = weights
    self.identifiers = isAlignedByID ? reference.identifiers : nil
  }

  /// The number of items.
  public var itemCount: Int { gold.count }

  /// One model's distinct patterns, as `MultilabelMetrics` scores them.
  ///
  /// - Parameter model: The model's index.
  /// - Returns: The counts over ``labels``.
  /// - Complexity: O(*n* · *s*) for *n* items.
  public func counts(ofModel model: Int) -> MultilabelCounts {
    var counts = MultilabelCounts(labels: labels, isWeighted: weights != nil)
    for item in gold.indices {
      counts.add(gold: gold[item], predicted: predictions[model][item], weight: weights?[item] ?? 1)
    }
    return counts
  }

  /// A set as `a|b`, or `{}` for the empty set, for messages.
  static func text(_ set: LabelSet, _ labels: [String]) -> String {
    set.isEmpty ? "{}" : set.indices.map { labels[$0] }.joined(separator: "|")
  }
}
