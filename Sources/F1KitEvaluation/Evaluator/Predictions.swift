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

  /// Creates single-label predictions, for example to test code that
  /// consumes an evaluator's output.
  ///
  /// - Parameters:
  ///   - scores: One row of scores per pair.
  ///   - classes: The predicted class of each pair.
  ///   - threshold: The threshold a single-output binary decision used.
  public init(scores: [[Double]], classes: [Int], threshold: Double? = nil) {
    self.init(
      scores: scores, classes: classes, classSets: classes.map { [$0] }, threshold: threshold)
  }

  /// Creates multilabel predictions: a set of classes per pair.
  ///
  /// - Parameters:
  ///   - scores: One row of scores per pair.
  ///   - classSets: The predicted classes of each pair.
  ///   - threshold: The threshold each output was compared with.
  public init(scores: [[Double]], classSets: [Set<Int>], threshold: Double? = nil) {
    self.init(scores: scores, classes: [], classSets: classSets, threshold: threshold)
  }

  init(scores: [[Double]], classes: [Int], classSets: [Set<Int>], threshold: Double?) {
    self.scores = scores
    self.classes = classes
    self.classSets = classSets
    self.threshold = threshold
  }
}
