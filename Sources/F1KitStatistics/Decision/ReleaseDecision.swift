import F1Kit

/// A release gate's verdict on one comparison: pass or fail, the interval
/// it rests on, and whether the test set could ever let the margin pass.
public struct ReleaseDecision: Hashable, Sendable {
  /// How the comparison behind a decision resampled, when it was an
  /// experiment: several runs per model, grouped items or strata.
  public struct Experiment: Hashable, Sendable {
    /// How test sets were resampled.
    public var design: ResamplingDesign
    /// The number of runs of the baseline and of the candidate.
    public var runCounts: [Int]
    /// The number of groups, when whole groups were resampled.
    public var groupCount: Int?

    /// Creates an experiment description.
    ///
    /// - Parameters:
    ///   - design: How test sets were resampled.
    ///   - runCounts: The runs of the baseline and of the candidate.
    ///   - groupCount: The number of groups, when grouped.
    public init(design: ResamplingDesign, runCounts: [Int], groupCount: Int? = nil) {
      self.design = design
      self.runCounts = runCounts
      self.groupCount = groupCount
    }

    /// Whether either model has more than one run.
    public var hasSeveralRuns: Bool { runCounts.contains { $0 > 1 } }
  }

  /// The gate that decided.
  public var gate: ReleaseGate
  /// The metric the models were compared on.
  public var metric: GateMetric
  /// The baseline model's name.
  public var baseline: String
  /// The candidate model's name.
  public var candidate: String
  /// Candidate − baseline with its two-sided interval.
  public var difference: ConfidenceInterval
  /// The number of test items.
  public var itemCount: Int
  /// Runs, groups and strata, when the comparison was an experiment.
  public var experiment: Experiment?
  /// Whether the candidate passes.
  public var passes: Bool
  /// How the margin compares with what this test set can resolve.
  public var reachability: MarginReachability
  /// The sum of the items' sample weights when the comparison was
  /// weighted; `nil` otherwise.
  public var totalWeight: Double? = nil
  /// The positive label, when ``metric`` is about it alone (binary F1, a
  /// binary score metric): the sentence and the JSON name it, so a CI log
  /// says which class the decision is about.
  public var positiveLabel: String? = nil
  /// Cautions about the interval the decision rests on, the ones `f1kit
  /// compare` prints for the same comparison: interval ends cut at the
  /// metric's range, basic intervals past the metric's range or past a
  /// difference's, a model with one run beside models with several, too
  /// few groups. Each is one sentence without a leading "Note:"; empty
  /// when there is nothing to say.
  public var cautions: [String] = []
  /// Why the resampled interval could not be taken at its word, when it
  /// could not: no spread under resampling, or fewer than
  /// ``ResamplingShortfall/minimumDifferingItemCount`` items labelled
  /// differently (groups with such an item, when whole groups were
  /// resampled). The gate then passes only on an exact bound
  /// (``ResamplingShortfall/settles(_:on:)``); `nil` otherwise.
  public var shortfall: ResamplingShortfall? = nil

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
  ///   - experiment: Runs, groups and strata, if any.
  ///   - passes: Whether the candidate passes.
  ///   - reachability: How the margin compares with the test set.
  public init(
    gate: ReleaseGate, metric: GateMetric, baseline: String, candidate: String,
    difference: ConfidenceInterval, itemCount: Int, experiment: Experiment? = nil,
    passes: Bool, reachability: MarginReachability
  ) {
    self.gate = gate
    self.metric = metric
    self.baseline = baseline
    self.candidate = candidate
    self.difference = difference
    self.itemCount = itemCount
    self.experiment = experiment
    self.passes = passes
    self.reachability = reachability
  }

  /// Whether the interval alone clears the margin, as
  /// ``ReleaseGate/passes(_:isHigherBetter:)`` reads it; ``passes`` can
  /// still be `false` when there is a ``shortfall``.
  public var intervalPasses: Bool {
    gate.passes(difference, isHigherBetter: metric.isHigherBetter)
  }

  /// Records a shortfall of the resampled interval and decides again: the
  /// interval must pass and, when there is a shortfall, the exact bound
  /// must settle the question too. A pass on the exact bound adds a
  /// caution saying so.
  ///
  /// - Parameter shortfall: The shortfall, or `nil` for none.
  mutating func record(_ shortfall: ResamplingShortfall?) {
    self.shortfall = shortfall
    passes = intervalPasses && (shortfall?.settles(gate, on: metric) ?? true)
    if passes, let shortfall {
      cautions.append(shortfall.passingCaution(for: gate, on: metric, digits: decimals))
    }
  }
}
