import F1Kit
import F1KitAdvice
import F1KitStatistics

/// One model's scores on the test set, with intervals where statistics are
/// available.
public struct ModelEvaluation: Sendable {
  /// The model's display name, such as `test-minilm-l6`.
  public var name: String
  /// The prediction file the scores come from, as the user named it.
  public var sourceFile: String
  /// Every metric of the model, computed from its confusion matrix.
  public var metrics: ClassificationMetrics
  /// The comparison engine's bootstrap interval of each headline metric
  /// whose ends are finite; empty when statistics were not computed.
  public var intervals: [Metric: ConfidenceInterval]
  /// Confidence intervals of per-class scores, in label order; empty when
  /// statistics were not computed.
  public var classIntervals: [ClassIntervals]

  /// Creates a model's evaluation.
  ///
  /// - Parameters:
  ///   - name: The model's display name.
  ///   - sourceFile: The prediction file the scores come from.
  ///   - metrics: The model's metrics.
  ///   - intervals: Intervals of headline metrics, if computed.
  ///   - classIntervals: Intervals of per-class scores in label order, if
  ///     computed.
  public init(
    name: String, sourceFile: String, metrics: ClassificationMetrics,
    intervals: [Metric: ConfidenceInterval] = [:],
    classIntervals: [ClassIntervals] = []
  ) {
    self.name = name
    self.sourceFile = sourceFile
    self.metrics = metrics
    self.intervals = intervals
    self.classIntervals = classIntervals
  }

  /// The interval of a headline metric, if computed.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its interval, or `nil`.
  public func interval(of metric: Metric) -> ConfidenceInterval? {
    intervals[metric]
  }

  /// The intervals of a class's scores, if computed.
  ///
  /// - Parameter label: The class label.
  /// - Returns: Its intervals, or `nil`.
  public func classIntervals(of label: String) -> ClassIntervals? {
    classIntervals.first { $0.label.utf8.elementsEqual(label.utf8) }
  }

  /// The intervals of the class at `index` in the label order, if
  /// computed; O(1) when the intervals are in label order, as the builder
  /// makes them.
  ///
  /// - Parameter index: An index into the metrics' labels.
  /// - Returns: Its intervals, or `nil`.
  func classIntervals(at index: Int) -> ClassIntervals? {
    let label = metrics.labels[index]
    if index < classIntervals.count, classIntervals[index].label.utf8.elementsEqual(label.utf8) {
      return classIntervals[index]
    }
    return classIntervals(of: label)
  }

  /// The model as the advisor reads it.
  var advised: AdvisedModel {
    AdvisedModel(
      name: name, metrics: metrics,
      classF1Intervals: classIntervals.isEmpty ? [] : classIntervals.map(\.f1))
  }
}
