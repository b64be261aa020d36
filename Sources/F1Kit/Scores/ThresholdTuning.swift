import F1KitSupport

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
  /// The beta of an F-beta ``metric``, as scikit-learn's
  /// `fbeta_score(beta=)`; `nil` for every other metric.
  public let beta: Double?
  /// The lowest and highest score of the tuning data, when known: a
  /// cut-off carries over only to scores of the same kind, and the range
  /// tells probabilities (0 to 1) from logits or a scale of their own.
  public let scoreRange: ClosedRange<Double>?

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
  ///   - beta: The beta of an F-beta `metric`; ignored for other metrics.
  ///   - scoreRange: The lowest and highest score of the tuning data, if
  ///     known.
  public init(
    threshold: Double, metric: Metric, value: Double, positiveCount: Int,
    candidateCount: Int = 0, constraint: ThresholdConstraint? = nil, beta: Double? = nil,
    scoreRange: ClosedRange<Double>? = nil
  ) {
    self.threshold = threshold
    self.metric = metric
    self.value = value
    self.positiveCount = positiveCount
    self.candidateCount = candidateCount
    self.constraint = constraint
    self.beta = metric.isFBeta ? beta : nil
    self.scoreRange = scoreRange
  }

  init(
    _ sweep: ThresholdSweep, at index: Int, metric: Metric, value: Double,
    constraint: ThresholdConstraint? = nil, beta: Double? = nil
  ) {
    self.init(
      threshold: sweep.thresholds[index], metric: metric, value: value,
      positiveCount: sweep.truePositives[index] + sweep.falsePositives[index],
      candidateCount: sweep.count - (sweep.isCandidate(0) ? 0 : 1), constraint: constraint,
      beta: beta, scoreRange: sweep.scoreRange)
  }

  /// The maximised metric as messages name it: its raw value, with the
  /// beta of an F-beta metric, such as `binary_fbeta (beta 2)`.
  public var objectiveName: String {
    guard let beta else { return metric.rawValue }
    return "\(metric.rawValue) (beta \(NumberText.shortestBare(beta)))"
  }
}
