/// The score metrics of one model on one set of items, each with its value
/// or the reason it has none.
public struct ScoreMetrics: Hashable, Sendable {
  /// One metric's outcome.
  public struct Entry: Hashable, Sendable {
    /// The metric.
    public let metric: ScoreMetric
    /// Its value, or `nil` when it is undefined for the data.
    public let value: Double?
    /// Why the value is `nil`; `nil` when there is a value.
    public let undefinedReason: UndefinedScoreMetricReason?
  }

  /// Whether the problem is binary or multiclass.
  public let problem: ProblemKind
  /// The number of scored items.
  public let itemCount: Int
  /// Whether the scores are probabilities (binary: every score in [0, 1];
  /// multiclass: every row a probability vector).
  public let isProbability: Bool
  /// Every reported metric, in report order.
  public let entries: [Entry]

  /// The value of a metric, or `nil` when it is undefined or not reported
  /// for this problem.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value.
  public subscript(metric: ScoreMetric) -> Double? {
    entries.first { $0.metric == metric }?.value
  }
}
