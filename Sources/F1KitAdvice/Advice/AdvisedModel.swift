import F1Kit
import F1KitStatistics

/// One model as ``MetricAdvisor`` reads it: its name, its scores and, when
/// they were computed, the intervals of its per-class F1.
public struct AdvisedModel: Sendable {
  /// The model's name, as every output names it.
  public var name: String
  /// The model's metrics.
  public var metrics: ClassificationMetrics
  /// The interval of each class's F1 in label order, `nil` where it could
  /// not be computed; empty when no intervals were computed.
  public var classF1Intervals: [ConfidenceInterval?]

  /// Creates a model for the advisor.
  ///
  /// - Parameters:
  ///   - name: The model's name.
  ///   - metrics: The model's metrics.
  ///   - classF1Intervals: The interval of each class's F1 in label order,
  ///     or none.
  public init(
    name: String, metrics: ClassificationMetrics, classF1Intervals: [ConfidenceInterval?] = []
  ) {
    self.name = name
    self.metrics = metrics
    self.classF1Intervals = classF1Intervals
  }
}
