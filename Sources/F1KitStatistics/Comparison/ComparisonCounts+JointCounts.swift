import F1Kit
import F1KitReading

extension ComparisonCounts {
  /// Counts a comparison from joint counts: each model's confusion matrix
  /// and each pair's (gold, A, B) cells, summed over the other models.
  ///
  /// The result equals, count for count and in the same label order, what
  /// ``init(_:)`` gives for the items the table summarizes, so
  /// ``ModelComparison`` gives bit-identical intervals and tests with the
  /// same seed: every resampling step draws from these counts alone.
  ///
  /// - Parameters:
  ///   - joint: The joint counts of two or more models.
  ///   - labels: The caller's label order, if any, as for
  ///     `AlignedPredictions`.
  /// - Throws: `ConfusionMatrixError/duplicateLabel(_:)` when `labels`
  ///   repeats a label.
  /// - Complexity: O(*m*² · *c* log *c* + *k* log *k*) for *m* models,
  ///   *c* cells and *k* labels, plus O(*m* *k*²) for dense matrices; never
  ///   dependent on the number of items.
  public init(_ joint: JointCounts, labels: [String]? = nil) throws(ConfusionMatrixError) {
    let order = try joint.labelOrder(leading: labels)
    let position = joint.positions(in: order)
    let modelCount = joint.models.count
    var matrices = [ConfusionMatrix](repeating: ConfusionMatrix(labels: order), count: modelCount)
    for cell in joint.cells {
      for model in 0..<modelCount {
        matrices[model].add(
          goldIndex: position[cell.gold], predictedIndex: position[cell.predictions[model]],
          count: cell.count)
      }
    }
    var pairs: [(first: Int, second: Int, predictions: PairedPredictions)] = []
    for first in 0..<modelCount {
      for second in (first + 1)..<modelCount {
        let cells = joint.cells.map {
          PairedPredictions.Cell(
            gold: position[$0.gold], first: position[$0.predictions[first]],
            second: position[$0.predictions[second]], count: $0.count)
        }
        do {
          pairs.append(
            (first, second, try PairedPredictions(classCount: order.count, cells: cells)))
        } catch {
          // Codes come from the label order and counts are positive.
          preconditionFailure("joint counts out of range: \(error)")
        }
      }
    }
    self.init(labels: order, itemCount: joint.itemCount, matrices: matrices, pairs: pairs)
  }
}
