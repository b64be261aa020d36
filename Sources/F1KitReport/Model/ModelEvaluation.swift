import F1Kit

/// One model's scores on the test set, with intervals where statistics are
/// available.
public struct ModelEvaluation: Sendable {
  /// The model's display name, such as `test-minilm-l6`.
  public var name: String
  /// The prediction file the scores come from, as the user named it.
  public var sourceFile: String
  /// Every metric of the model, computed from its confusion matrix.
  public var metrics: ClassificationMetrics
  /// Confidence intervals of headline metrics, in report order; empty when
  /// statistics were not computed.
  public var intervals: [(metric: Metric, interval: ClosedRange<Double>)]
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
    intervals: [(metric: Metric, interval: ClosedRange<Double>)] = [],
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
  public func interval(of metric: Metric) -> ClosedRange<Double>? {
    intervals.first { $0.metric == metric }?.interval
  }

  /// The intervals of a class's scores, if computed.
  ///
  /// - Parameter label: The class label.
  /// - Returns: Its intervals, or `nil`.
  public func classIntervals(of label: String) -> ClassIntervals? {
    classIntervals.first { $0.label.utf8.elementsEqual(label.utf8) }
  }
}
