import F1Kit

/// The metric a release gate decides on: a metric of predicted labels or a
/// score metric, with the direction that counts as better.
///
/// Every label metric is higher-is-better; log loss, the Brier score and
/// ECE are lower-is-better, so a gate on them reads the interval of
/// candidate − baseline the other way round (see ``ReleaseGate``).
public struct GateMetric: Hashable, Sendable {
  /// The metric's stable name, as `--metric` and JSON spell it: `macro_f1`,
  /// `roc_auc`.
  public var name: String
  /// The metric's name in prose: "macro-F1", "ROC-AUC".
  public var displayName: String
  /// Whether larger values are better.
  public var isHigherBetter: Bool

  /// Creates a metric description.
  ///
  /// - Parameters:
  ///   - name: The stable name.
  ///   - displayName: The name in prose.
  ///   - isHigherBetter: Whether larger values are better.
  public init(name: String, displayName: String, isHigherBetter: Bool = true) {
    self.name = name
    self.displayName = displayName
    self.isHigherBetter = isHigherBetter
  }

  /// A metric of predicted labels; every one is higher-is-better.
  ///
  /// - Parameter metric: The metric.
  public init(_ metric: Metric) {
    self.init(name: metric.rawValue, displayName: metric.displayName)
  }

  /// A score metric, with its own direction.
  ///
  /// - Parameter metric: The metric.
  public init(_ metric: ScoreMetric) {
    self.init(
      name: metric.rawValue, displayName: metric.displayName,
      isHigherBetter: metric.isHigherBetter)
  }
}
