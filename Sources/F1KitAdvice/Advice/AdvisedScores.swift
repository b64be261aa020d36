import F1Kit
import F1KitStatistics

/// A model's scores as the score advice rules read them: the scores and
/// the cut-off that made its predictions.
public struct AdvisedScores: Sendable {
  /// The model's display name.
  public var name: String
  /// The model's per-item scores.
  public var scores: ScoredModel
  /// The cut-off applied to a binary score and where it came from; `nil`
  /// when the predictions come from a prediction column.
  public var threshold: ThresholdChoice?
  /// For predictions from a prediction column, the cut-off of the score
  /// they equal, if any.
  public var impliedThreshold: Double?

  /// Creates the advised scores.
  ///
  /// - Parameters:
  ///   - name: The model's name.
  ///   - scores: The model's scores.
  ///   - threshold: The cut-off and where it came from, if the predictions
  ///     come from the scores.
  ///   - impliedThreshold: The cut-off that predictions from a column
  ///     equal, if any.
  public init(
    name: String, scores: ScoredModel, threshold: ThresholdChoice?,
    impliedThreshold: Double? = nil
  ) {
    self.name = name
    self.scores = scores
    self.threshold = threshold
    self.impliedThreshold = impliedThreshold
  }
}
