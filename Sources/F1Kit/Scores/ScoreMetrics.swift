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

  /// The metrics with some of another set's entries after their own, such
  /// as the binary average precision and ROC-AUC of the positive label's
  /// column after the per-class metrics of two per-class columns.
  ///
  /// - Parameters:
  ///   - other: The metrics to take entries from, of the same items.
  ///   - metrics: Which of `other`'s metrics to take.
  /// - Returns: These metrics, then the chosen entries of `other`.
  package func appending(_ other: ScoreMetrics, metrics: [ScoreMetric]) -> ScoreMetrics {
    ScoreMetrics(
      problem: problem, itemCount: itemCount, isProbability: isProbability,
      entries: entries + other.entries.filter { metrics.contains($0.metric) })
  }
}
