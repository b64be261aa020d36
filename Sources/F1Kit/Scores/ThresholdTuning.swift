/// The threshold a ``ThresholdTuner`` chose and what it scored.
public struct ThresholdTuning: Hashable, Sendable {
  /// The threshold: an item is positive when its score is at least this.
  public let threshold: Double
  /// The metric that was maximised.
  public let metric: Metric
  /// The metric's value at the threshold on the tuning data.
  public let value: Double
  /// How many tuning items the threshold predicts positive.
  public let positiveCount: Int
  /// How many candidate thresholds were tried.
  public let candidateCount: Int
  /// The floor on precision or recall the threshold had to meet, if any.
  public let constraint: ThresholdConstraint?

  /// Creates a tuning result, for example to freeze a threshold tuned
  /// elsewhere and report it the way the evaluator does.
  ///
  /// - Parameters:
  ///   - threshold: The threshold.
  ///   - metric: The metric that was maximised.
  ///   - value: The metric's value at the threshold.
  ///   - positiveCount: How many tuning items the threshold predicts
  ///     positive.
  ///   - candidateCount: How many candidate thresholds were tried.
  ///   - constraint: The floor the threshold had to meet, if any.
  public init(
    threshold: Double, metric: Metric, value: Double, positiveCount: Int,
    candidateCount: Int = 0, constraint: ThresholdConstraint? = nil
  ) {
    self.threshold = threshold
    self.metric = metric
    self.value = value
    self.positiveCount = positiveCount
    self.candidateCount = candidateCount
    self.constraint = constraint
  }

  init(
    _ sweep: ThresholdSweep, at index: Int, metric: Metric, value: Double,
    constraint: ThresholdConstraint? = nil
  ) {
    self.init(
      threshold: sweep.thresholds[index], metric: metric, value: value,
      positiveCount: sweep.truePositives[index] + sweep.falsePositives[index],
      candidateCount: sweep.count - (sweep.isCandidate(0) ? 0 : 1), constraint: constraint)
  }
}
