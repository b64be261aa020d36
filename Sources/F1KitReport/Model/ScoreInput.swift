import F1KitReading
import F1KitStatistics

/// One model's per-item scores, as a report reads them for its score
/// section: threshold-free metrics, curves, calibration and the cut-off.
public struct ScoreInput: Sendable {
  /// The items with their scores, in file order.
  public var items: ItemScores
  /// Where the scores were read from, for people, such as `the score
  /// column “score”`.
  public var source: String
  /// The cut-off that made the predictions from a binary score and where
  /// it came from; `nil` when the predictions come from a prediction
  /// column and the scores were read beside them.
  public var threshold: ThresholdChoice?
  /// For two per-class columns of a binary problem, the positive label
  /// whose column gives binary average precision and ROC-AUC, as
  /// `f1kit evaluate` and `compare --metric roc_auc` read it; else `nil`.
  public var positiveColumnLabel: String?

  /// Creates a score input.
  ///
  /// - Parameters:
  ///   - items: The items with their scores.
  ///   - source: Where the scores were read from.
  ///   - threshold: The cut-off that made the predictions, if it did.
  ///   - positiveColumnLabel: For two per-class columns, the positive
  ///     label whose column gives binary average precision and ROC-AUC.
  public init(
    items: ItemScores, source: String, threshold: ThresholdChoice?,
    positiveColumnLabel: String? = nil
  ) {
    self.items = items
    self.source = source
    self.threshold = threshold
    self.positiveColumnLabel = positiveColumnLabel
  }
}
