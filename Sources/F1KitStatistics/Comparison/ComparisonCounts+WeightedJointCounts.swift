import F1Kit
import F1KitReading

extension ComparisonCounts {
  /// Counts a weighted comparison from a joint count table whose last
  /// column holds each row's sample weight: `label,a,b,weight,count`, as
  /// `GROUP BY label, a, b, weight` gives, where `count` is the number of
  /// items that have that weight.
  ///
  /// The result equals, row for row and in the same label order, what
  /// ``init(_:weights:)`` gives for the weighted items the table
  /// summarizes, in any row order, so ``ModelComparison`` gives
  /// bit-identical intervals and tests with the same seed.
  ///
  /// - Parameters:
  ///   - joint: Joint counts whose last model is the weight column: its
  ///     "labels" are the weights, spelled as numbers.
  ///   - labels: The caller's label order, if any, as for
  ///     `AlignedPredictions`.
  /// - Throws: ``StatisticsError/invalidWeight(_:)`` for a weight that is
  ///   not a finite number of at least 0, ``StatisticsError/zeroTotalWeight``
  ///   when every weight is zero, and
  ///   ``StatisticsError/unknownLabel(_:)`` when `labels` repeats a label.
  /// - Complexity: O(*m*² · *c* log *c* + *k* log *k*) for *m* models, *c*
  ///   cells and *k* labels; never dependent on the number of items.
  public init(weightedJoint joint: JointCounts, labels: [String]? = nil)
    throws(StatisticsError)
  {
    let modelCount = joint.models.count - 1
    precondition(modelCount >= 1, "a weighted joint table needs a model and a weight column")
    // Class labels are those of the gold and model columns; the weight
    // column's values are numbers, not classes.
    var isClass = [Bool](repeating: false, count: joint.labels.count)
    for cell in joint.cells {
      isClass[cell.gold] = true
      for model in 0..<modelCount { isClass[cell.predictions[model]] = true }
    }
    let classLabels = joint.labels.indices.filter { isClass[$0] }.map { joint.labels[$0] }
    let order: [String]
    do {
      order = try ConfusionMatrix.labelOrder(
        naming: labels?.map(joint.normalizedLabel), occurring: classLabels)
    } catch {
      guard case .duplicateLabel(let label) = error else { throw .noItems }
      throw .unknownLabel(label)
    }
    let positionOf = order.exactLabelPositions()
    let position = joint.labels.map { positionOf[ExactLabel($0)] ?? -1 }
    var weightOf = [Double?](repeating: nil, count: joint.labels.count)
    var cellWeights: [Double] = []
    for cell in joint.cells {
      let code = cell.predictions[modelCount]
      if weightOf[code] == nil {
        guard let weight = Double(joint.labels[code]), weight.isFinite, weight >= 0 else {
          throw .invalidWeight(Double(joint.labels[code]) ?? .nan)
        }
        weightOf[code] = weight
      }
      cellWeights.append(weightOf[code]!)
    }
    var models: [WeightedPredictions] = []
    for model in 0..<modelCount {
      models.append(
        try WeightedPredictions(
          classCount: order.count,
          cells: zip(joint.cells, cellWeights).map { cell, weight in
            WeightedPredictions.Cell(
              gold: position[cell.gold], predicted: position[cell.predictions[model]],
              weight: weight, count: cell.count)
          }))
    }
    var pairs: [(first: Int, second: Int, predictions: PairedPredictions)] = []
    for first in 0..<modelCount {
      for second in (first + 1)..<modelCount {
        let cells = zip(joint.cells, cellWeights).map { cell, weight in
          PairedPredictions.Cell(
            gold: position[cell.gold], first: position[cell.predictions[first]],
            second: position[cell.predictions[second]], weight: weight, count: cell.count)
        }
        pairs.append(
          (first, second, try PairedPredictions(classCount: order.count, cells: cells)))
      }
    }
    try self.init(labels: order, weighted: models, pairs: pairs)
  }
}
