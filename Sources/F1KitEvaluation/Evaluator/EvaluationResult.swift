/// The metrics of one evaluation, keyed for a training loop.
///
/// Keys carry the evaluator's name as a prefix (`stsb-dev_binary_f1`), so
/// the results of several evaluators merge into one dictionary without
/// clashes, as sentence-transformers' evaluators do.
public struct EvaluationResult: Hashable, Sendable {
  /// Every metric by prefixed key.
  public let metrics: [String: Double]
  /// The prefixed keys in report order; the results log uses this order.
  public let metricKeys: [String]
  /// The prefixed key of the metric a best-model choice should use.
  public let primaryMetricKey: String
  /// Whether a greater primary metric is better; every F1Kit primary metric
  /// is a score, so it is `true` unless an aggregation says otherwise.
  public let isGreaterBetter: Bool
  /// The threshold a binary single-output decision used, whether fixed or
  /// tuned; `nil` for argmax and for multiclass and multilabel tasks.
  public let threshold: Double?
  /// The epoch the evaluation was made at; fractional within an epoch, -1
  /// when not given.
  public let epoch: Double
  /// The global training step the evaluation was made at; -1 when not given.
  public let step: Int

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - metrics: The metrics as (prefixed key, value) pairs in report order.
  ///   - primaryMetricKey: The key of the primary metric; one of the keys.
  ///   - isGreaterBetter: Whether a greater primary metric is better.
  ///   - threshold: The binary decision threshold, if any.
  ///   - epoch: The epoch, or -1.
  ///   - step: The global step, or -1.
  /// - Throws: ``EvaluationError/unknownPrimaryMetric(_:)`` when
  ///   `primaryMetricKey` is not one of the keys.
  public init(
    metrics: [(key: String, value: Double)], primaryMetricKey: String,
    isGreaterBetter: Bool = true, threshold: Double? = nil, epoch: Double = -1, step: Int = -1
  ) throws(EvaluationError) {
    guard metrics.contains(where: { $0.key == primaryMetricKey }) else {
      throw .unknownPrimaryMetric(primaryMetricKey)
    }
    self.metricKeys = metrics.map(\.key)
    self.metrics = Dictionary(metrics, uniquingKeysWith: { _, last in last })
    self.primaryMetricKey = primaryMetricKey
    self.isGreaterBetter = isGreaterBetter
    self.threshold = threshold
    self.epoch = epoch
    self.step = step
  }

  /// The value of the primary metric.
  public var primaryValue: Double { metrics[primaryMetricKey]! }

  /// The value of a metric by its prefixed key.
  ///
  /// - Parameter key: A prefixed key such as `stsb-dev_macro_f1`.
  /// - Returns: The value, or `nil` when the result has no such metric.
  public subscript(key: String) -> Double? { metrics[key] }

  /// Returns whether this result's primary metric beats another's, for
  /// keeping the best checkpoint.
  ///
  /// NaN never beats a number, a number always beats NaN, and an equal
  /// value is not an improvement, so the earliest best step is kept.
  ///
  /// - Parameter other: The best result so far, or `nil` for none.
  /// - Returns: `true` when this result should replace `other`.
  public func isImprovement(over other: EvaluationResult?) -> Bool {
    guard let other else { return true }
    let (mine, theirs) = (primaryValue, other.primaryValue)
    if mine.isNaN { return false }
    if theirs.isNaN { return true }
    return isGreaterBetter ? mine > theirs : mine < theirs
  }
}
