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
  /// Whether the log counted steps from 0 in every epoch and its
  /// evaluations were moved to steps from the start of training (see
  /// ``countingStepsFromStart()``).
  public var stepsWereCountedPerEpoch = false

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

  /// The metric columns a chart should draw, at most `limit`, never a
  /// cut-off column (see ``isThresholdColumn(_:)``).
  ///
  /// A log whose columns are Sentence-Transformers' (see
  /// ``sentenceTransformersLog``) leads with that evaluator's primary metric
  /// (`Average_Precision` for a one-output model). Any other log leads with
  /// F1Kit's primary metrics (`binary_f1`, `macro_f1`), then accuracy and
  /// MCC, names matched in any case and with or without an evaluator's
  /// prefix; with none of those present, it takes the metric columns in
  /// order.
  ///
  /// - Parameter limit: The most columns to return.
  /// - Returns: Indices into ``metricNames``; the first is the headline
  ///   metric.
  public func plottedMetricIndices(limit: Int = 4) -> [Int] {
    let isMetric = metricNames.map { !Self.isThresholdColumn($0) }
    if let log = sentenceTransformersLog {
      let chosen = log.plottedMetrics.compactMap { metricNames.firstIndex(of: $0) }
      return Array(chosen.prefix(limit))
    }
    let preferred = ["binary_f1", "macro_f1", "accuracy", "mcc", "micro_f1", "weighted_f1"]
    var chosen: [Int] = []
    for name in preferred {
      if let index = metricNames.indices.first(where: { index in
        let column = metricNames[index].lowercased()
        return isMetric[index] && (column == name || column.hasSuffix("_" + name))
      }),
        !chosen.contains(index)
      {
        chosen.append(index)
      }
    }
    if chosen.isEmpty { chosen = metricNames.indices.filter { isMetric[$0] } }
    if chosen.isEmpty { chosen = Array(metricNames.indices) }
    return Array(chosen.prefix(limit))
  }

  /// Whether a column holds a cut-off on the scores rather than a metric:
  /// `threshold`, a name ending in `_threshold` (Sentence-Transformers'
  /// `F1_Threshold`), or one holding `_threshold_` (F1Kit's
  /// `best_f1_threshold_tuned_on_this_set`), in any case.
  ///
  /// - Parameter name: A column name.
  /// - Returns: `true` for a threshold column.
  public static func isThresholdColumn(_ name: String) -> Bool {
    let name = name.lowercased()
    return name == "threshold" || name.hasSuffix("_threshold") || name.contains("_threshold_")
  }

  /// The Sentence-Transformers evaluator whose log this is, when its metric
  /// columns are exactly the ones that evaluator writes.
  public var sentenceTransformersLog: SentenceTransformersLog? {
    SentenceTransformersLog(metricNames: metricNames, source: source)
  }

  /// Whether the log records steps (not all -1).
  public var hasSteps: Bool { points.contains { $0.step >= 0 } }

  /// Whether the log records epochs (not all -1).
  public var hasEpochs: Bool { points.contains { $0.epoch >= 0 } }

  /// When an evaluation logged without a step was made.
  public enum Moment: Hashable, Sendable {
    /// Before any evaluation with a step: a baseline before training.
    case beforeTraining
    /// After an evaluation with a step: the evaluation after training.
    case afterTraining
  }

  /// When each evaluation was made, for those outside the training steps.
  ///
  /// Sentence-Transformers' evaluators log epoch -1 and steps -1 when they
  /// are called without them, as a training script does once training has
  /// ended (or before it starts). Such a row is no step of training, so
  /// charts keep it off the step axis. In a log that records no step at
  /// all, every evaluation is charted by its number instead, and none is
  /// outside.
  ///
  /// - Returns: One entry per point: for a point with epoch -1 and step -1
  ///   in a log that has steps, after training when an evaluation with a
  ///   step comes before it, else before training; `nil` for a step of
  ///   training.
  /// - Complexity: O(*n*) for *n* points.
  public func moments() -> [Moment?] {
    guard hasSteps else { return points.map { _ in nil } }
    var hasSeenStep = false
    return points.map { point in
      if point.step >= 0 { hasSeenStep = true }
      guard point.epoch < 0, point.step < 0 else { return nil }
      return hasSeenStep ? .afterTraining : .beforeTraining
    }
  }

  /// The indices of the points charted against steps or evaluation
  /// numbers: all but those made outside training (``moments()``).
  public var chartedPointIndices: [Int] {
    zip(points.indices, moments()).compactMap { $1 == nil ? $0 : nil }
  }

  /// The training runs in the log, as ranges of ``points`` indices.
  ///
  /// A new run starts at an evaluation whose step is lower than that of the
  /// evaluation with a step before it, at no later epoch, as when a second
  /// training run appends to the log of the same output folder. (A step
  /// that falls back as the epoch grows, as in logs whose steps count from
  /// zero in every epoch, starts no run.)
  ///
  /// - Returns: One range for a log of one run; never empty for a log with
  ///   points.
  /// - Complexity: O(*n*) for *n* points.
  public func runs() -> [Range<Int>] {
    var starts = [0]
    var previous: Point?
    for (index, point) in points.enumerated() where point.step >= 0 {
      if let previous, point.step < previous.step, !(point.epoch > previous.epoch) {
        starts.append(index)
      }
      previous = point
    }
    guard !points.isEmpty else { return [] }
    return zip(starts, starts.dropFirst() + [points.count]).map { $0..<$1 }
  }

  /// One line saying that the log holds several training runs, for
  /// standard error and the report; `nil` for a log of one run.
  ///
  /// - Returns: Such as `log.csv: the steps go back from 800 to 100 after
  ///   evaluation 9, as when a second training run appends to the same
  ///   log; its 2 runs are drawn as separate lines, earlier runs dashed`.
  public func severalRunsWarning() -> String? {
    let runs = runs()
    guard runs.count > 1 else { return nil }
    let start = runs[1].lowerBound
    let before = points[..<start].last { $0.step >= 0 }!
    return
      "\(source): the steps go back from \(before.step) to \(points[start].step) after evaluation "
      + "\(start), as when a second training run appends to the same log; its \(runs.count) runs "
      + "are drawn as separate lines, earlier runs dashed"
  }
}
