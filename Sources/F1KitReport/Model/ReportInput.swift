import F1Kit
import F1KitReading

/// One model's predictions, as a report reads them.
public struct ReportInput: Sendable {
  /// The model's display name.
  public var name: String
  /// The prediction file, as the user named it.
  public var sourceFile: String
  /// The counts of gold and predicted labels.
  public var confusionMatrix: ConfusionMatrix
  /// The per-item predictions, for paired comparisons; `nil` for a count
  /// table, which supports intervals but not paired tests.
  public var items: ItemPredictions?
  /// The weight sums of the counts' cells, when the items carry sample
  /// weights: every score is then weighted. The report's comparison must
  /// then come from weighted counts (`ComparisonCounts(_:weights:)`).
  public var weightedConfusionMatrix: WeightedConfusionMatrix?
  /// The per-item scores, for the score section; `nil` without scores.
  public var scores: ScoreInput? = nil

  /// Creates an input from per-item predictions.
  ///
  /// - Parameters:
  ///   - name: The model's display name.
  ///   - sourceFile: The prediction file.
  ///   - items: The per-item predictions.
  /// - Throws: `ConfusionMatrixError` if the items cannot be counted.
  /// - Complexity: O(*n* + *k* log *k*) for *n* items and *k* labels, counted
  ///   from the items' label codes: no label is made per item.
  public init(name: String, sourceFile: String, items: ItemPredictions) throws(ConfusionMatrixError)
  {
    self.name = name
    self.sourceFile = sourceFile
    self.items = items
    self.confusionMatrix = try Self.counts(of: items)
  }

  /// The confusion matrix of items, over the labels that occur in
  /// `LabelOrdering` order, as `ConfusionMatrix(gold:predicted:)` orders the
  /// same labels.
  private static func counts(of items: ItemPredictions) throws(ConfusionMatrixError)
    -> ConfusionMatrix
  {
    guard items.gold.count == items.predicted.count else {
      throw .lengthMismatch(gold: items.gold.count, predicted: items.predicted.count)
    }
    var occurs = [Bool](repeating: false, count: items.labels.count)
    for (gold, predicted) in zip(items.gold, items.predicted) {
      occurs[Int(gold)] = true
      occurs[Int(predicted)] = true
    }
    let occurring = items.labels.indices.filter { occurs[$0] }.map { items.labels[$0] }
    let order = try ConfusionMatrix.labelOrder(naming: nil, occurring: occurring)
    let position = order.exactLabelPositions()
    let codes = items.labels.indices.map {
      occurs[$0] ? position[ExactLabel(items.labels[$0])]! : -1
    }
    var matrix = ConfusionMatrix(labels: order)
    for (gold, predicted) in zip(items.gold, items.predicted) {
      matrix.add(goldIndex: codes[Int(gold)], predictedIndex: codes[Int(predicted)])
    }
    return matrix
  }

  /// Creates an input from counts alone.
  ///
  /// - Parameters:
  ///   - name: The model's display name.
  ///   - sourceFile: The prediction file.
  ///   - confusionMatrix: The counts.
  public init(name: String, sourceFile: String, confusionMatrix: ConfusionMatrix) {
    self.name = name
    self.sourceFile = sourceFile
    self.confusionMatrix = confusionMatrix
    self.items = nil
  }
}
