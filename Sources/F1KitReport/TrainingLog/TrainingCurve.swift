import Foundation

/// Metrics measured during training, one row per evaluation, as the
/// F1KitEvaluation CSV results log writes them (`epoch,steps,<metric
/// columns>`).
public struct TrainingCurve: Hashable, Sendable {
  /// One evaluation.
  public struct Point: Hashable, Sendable {
    /// The epoch, fractional within an epoch; -1 when not recorded.
    public var epoch: Double
    /// The global training step; -1 when not recorded.
    public var step: Int
    /// One value per metric column, in ``TrainingCurve/metricNames``
    /// order; NaN where the log has `nan` or an empty field.
    public var values: [Double]

    /// Creates a point.
    ///
    /// - Parameters:
    ///   - epoch: The epoch, or -1.
    ///   - step: The global step, or -1.
    ///   - values: One value per metric column.
    public init(epoch: Double, step: Int, values: [Double]) {
      self.epoch = epoch
      self.step = step
      self.values = values
    }
  }

  /// The metric columns, in the log's order.
  public var metricNames: [String]
  /// The evaluations, in the log's order.
  public var points: [Point]
  /// The log's file name, for the report.
  public var source: String

  /// Creates a curve.
  ///
  /// - Parameters:
  ///   - metricNames: The metric columns.
  ///   - points: The evaluations.
  ///   - source: The log's file name.
  public init(metricNames: [String], points: [Point], source: String) {
    self.metricNames = metricNames
    self.points = points
    self.source = source
  }

  /// The metric columns a chart should draw: the primary metrics first
  /// (`binary_f1`, `macro_f1`), then accuracy and MCC, at most `limit`;
  /// the first columns when none of those is present.
  ///
  /// - Parameter limit: The most columns to return.
  /// - Returns: Indices into ``metricNames``.
  public func plottedMetricIndices(limit: Int = 4) -> [Int] {
    let preferred = ["binary_f1", "macro_f1", "accuracy", "mcc", "micro_f1", "weighted_f1"]
    var chosen: [Int] = []
    for name in preferred {
      if let index = metricNames.firstIndex(where: { $0 == name || $0.hasSuffix("_" + name) }),
        !chosen.contains(index)
      {
        chosen.append(index)
      }
    }
    if chosen.isEmpty { chosen = Array(metricNames.indices) }
    return Array(chosen.prefix(limit))
  }

  /// Whether the log records steps (not all -1).
  public var hasSteps: Bool { points.contains { $0.step >= 0 } }

  /// Whether the log records epochs (not all -1).
  public var hasEpochs: Bool { points.contains { $0.epoch >= 0 } }
}
