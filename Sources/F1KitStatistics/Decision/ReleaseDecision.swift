import F1Kit

/// A release gate's verdict on one comparison: pass or fail, the interval
/// it rests on, and whether the test set could ever let the margin pass.
public struct ReleaseDecision: Hashable, Sendable {
  /// The gate that decided.
  public var gate: ReleaseGate
  /// The metric the models were compared on.
  public var metric: Metric
  /// The baseline model's name.
  public var baseline: String
  /// The candidate model's name.
  public var candidate: String
  /// Candidate − baseline with its two-sided interval.
  public var difference: ConfidenceInterval
  /// The number of test items.
  public var itemCount: Int
  /// Whether the candidate passes.
  public var passes: Bool
  /// How the margin compares with what this test set can resolve.
  public var reachability: MarginReachability

  /// Creates a decision; ``ReleaseGate/decision(for:itemCount:metric:baseline:candidate:power:)``
  /// is the usual way to get one.
  ///
  /// - Parameters:
  ///   - gate: The gate that decided.
  ///   - metric: The compared metric.
  ///   - baseline: The baseline's name.
  ///   - candidate: The candidate's name.
  ///   - difference: Candidate − baseline with its interval.
  ///   - itemCount: The number of test items.
  ///   - passes: Whether the candidate passes.
  ///   - reachability: How the margin compares with the test set.
  public init(
    gate: ReleaseGate, metric: Metric, baseline: String, candidate: String,
    difference: ConfidenceInterval, itemCount: Int, passes: Bool,
    reachability: MarginReachability
  ) {
    self.gate = gate
    self.metric = metric
    self.baseline = baseline
    self.candidate = candidate
    self.difference = difference
    self.itemCount = itemCount
    self.passes = passes
    self.reachability = reachability
  }
}
