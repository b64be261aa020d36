/// A model's scores for an evaluator's pairs and the labels predicted from
/// them.
public struct Predictions: Hashable, Sendable {
  /// One row of scores per pair, as the model returned them.
  public let scores: [[Double]]
  /// The predicted class of each pair; empty for a multilabel task.
  public let classes: [Int]
  /// The predicted classes of each pair; one-element sets for a
  /// single-label task.
  public let classSets: [Set<Int>]
  /// The threshold a single-output binary decision used, fixed or tuned;
  /// `nil` otherwise.
  public let threshold: Double?
}
