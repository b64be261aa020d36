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
  /// The per-item scores, for the score section; `nil` without scores.
  public var scores: ScoreInput? = nil

  /// Creates an input from per-item predictions.
  ///
  /// - Parameters:
  ///   - name: The model's display name.
  ///   - sourceFile: The prediction file.
  ///   - items: The per-item predictions.
  /// - Throws: `ConfusionMatrixError` if the items cannot be counted.
  public init(name: String, sourceFile: String, items: ItemPredictions) throws(ConfusionMatrixError)
  {
    self.name = name
    self.sourceFile = sourceFile
    self.items = items
    self.confusionMatrix = try ConfusionMatrix(
      gold: items.goldLabels, predicted: items.predictedLabels)
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
