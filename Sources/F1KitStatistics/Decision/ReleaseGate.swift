import F1Kit

/// A release decision from a difference interval: is the candidate model at
/// least as good as the baseline within a margin (non-inferiority), better
/// by more than a margin (superiority), or the same within a margin
/// (equivalence)?
///
/// A p-value from a test of "no difference" does not answer these
/// questions: a non-significant difference is not evidence that the
/// candidate is no worse. The gate reads the two-sided interval of
/// candidate − baseline at confidence 1 − α and decides with strict
/// inequalities, so a bound that lands exactly on the margin fails:
///
/// | Mode | Passes when |
/// | --- | --- |
/// | ``Mode/nonInferiority`` | lower > −*D* |
/// | ``Mode/superiority`` | lower > +*D* |
/// | ``Mode/equivalence`` | −*D* < lower and upper < +*D* |
///
/// The lower end of a two-sided interval at confidence 1 − α is a one-sided
/// bound at 1 − α/2, so non-inferiority and superiority are one-sided tests
/// at level α/2 (2.5% at the default 95%). Equivalence is the two one-sided
/// tests (TOST) of [Schuirmann 1987](https://doi.org/10.1007/BF01068419),
/// each at level α/2: rejecting both "difference ≤ −*D*" and "difference ≥
/// +*D*" at α/2 is the same as the two-sided 1 − α interval lying inside
/// (−*D*, +*D*). The conventional TOST at 5% per side uses the 90% interval
/// (`confidence` 0.90).
///
/// An interval with an undefined end (NaN) never passes. A decision also
/// does not pass on an interval that resampling could not fill: of no
/// width, or from fewer than 10 items the models label differently, unless
/// an exact bound settles the question (``ResamplingShortfall``).
public struct ReleaseGate: Hashable, Sendable {
  /// The question the gate answers.
  public enum Mode: String, CaseIterable, Hashable, Sendable, Codable {
    /// The candidate is not worse than the baseline by more than the margin:
    /// the interval's lower end is above −*D*.
    case nonInferiority = "non-inferiority"
    /// The candidate is better than the baseline by more than the margin:
    /// the interval's lower end is above +*D*; *D* may be 0.
    case superiority
    /// The candidate and the baseline differ by less than the margin either
    /// way: the whole interval lies inside (−*D*, +*D*).
    case equivalence
  }

  /// The question the gate answers.
  public let mode: Mode
  /// The margin *D*, on the metric's own scale (0.01 is one point of F1).
  public let margin: Double

  /// Creates a gate.
  ///
  /// - Parameters:
  ///   - mode: The question to answer; non-inferiority by default.
  ///   - margin: The margin *D*: positive for non-inferiority and
  ///     equivalence, zero or more for superiority.
  /// - Throws: ``ReleaseGateError/invalidMargin(_:mode:)`` when the margin
  ///   is not finite or out of range for the mode.
  public init(mode: Mode = .nonInferiority, margin: Double) throws(ReleaseGateError) {
    let isValid =
      margin.isFinite && (mode == .superiority ? margin >= 0 : margin > 0)
    guard isValid else { throw .invalidMargin(margin, mode: mode) }
    self.mode = mode
    self.margin = margin
  }

  /// Whether an interval of candidate − baseline passes the gate.
  ///
  /// For a lower-is-better metric (log loss, Brier score, ECE) the
  /// candidate is worse when the difference is positive, so the rules read
  /// the interval the other way round: non-inferiority passes when the
  /// upper end is below +*D*, superiority when it is below −*D*.
  ///
  /// - Parameters:
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - isHigherBetter: Whether larger values of the metric are better;
  ///     `true` by default.
  /// - Returns: `true` when the interval clears the margin by a strict
  ///   inequality; `false` on the boundary or when an end is undefined.
  public func passes(_ difference: ConfidenceInterval, isHigherBetter: Bool = true) -> Bool {
    let lower = isHigherBetter ? difference.lower : -difference.upper
    let upper = isHigherBetter ? difference.upper : -difference.lower
    return switch mode {
    case .nonInferiority: lower > -margin
    case .superiority: lower > margin
    case .equivalence: lower > -margin && upper < margin
    }
  }

  /// Whether an interval of candidate − baseline lies wholly beyond the
  /// margin on the failing side, so that the data already show the
  /// candidate worse than the gate allows and no larger test set would
  /// make it pass.
  ///
  /// For non-inferiority the whole interval is below −*D* (above +*D* for
  /// a lower-is-better metric); for equivalence it is below −*D* or above
  /// +*D*; for superiority it is below +*D* (above −*D*, or above 0 with
  /// a margin of 0, for a lower-is-better metric).
  ///
  /// - Parameters:
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - isHigherBetter: Whether larger values of the metric are better;
  ///     `true` by default.
  /// - Returns: Whether the interval is wholly beyond the margin; `false`
  ///   for an undefined interval.
  public func isWhollyBeyondMargin(
    _ difference: ConfidenceInterval, isHigherBetter: Bool = true
  ) -> Bool {
    let lower = isHigherBetter ? difference.lower : -difference.upper
    let upper = isHigherBetter ? difference.upper : -difference.lower
    return switch mode {
    case .nonInferiority: upper < -margin
    case .superiority: upper < margin
    case .equivalence: upper < -margin || lower > margin
    }
  }

  /// Decides on an interval of candidate − baseline and says whether the
  /// test set is large enough for the margin.
  ///
  /// - Parameters:
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - itemCount: The number of test items the interval comes from.
  ///   - metric: The metric the models were compared on.
  ///   - baseline: The baseline model's name.
  ///   - candidate: The candidate model's name.
  ///   - experiment: Runs, groups and strata, when the interval comes from
  ///     an experiment; the margin's reachability is then counted in
  ///     groups when grouped.
  ///   - seedShare: The share of the difference's variance that comes
  ///     from training seeds; 0 by default.
  ///   - power: The chance of passing that the needed test-set size aims
  ///     for; 0.8 by default.
  ///   - variance: The difference's variance split into seed and test-item
  ///     parts, when runs were resampled: the needed size then uses
  ///     Student's *t* as the interval does. `nil` by default.
  ///   - differingCount: How many items the two models label differently,
  ///     when each has one run and the items are unweighted and ungrouped:
  ///     it brackets the needed size
  ///     (``MarginReachability/requiredCountRange``). `nil` by default.
  ///   - standardErrorDegrees: The degrees of freedom of the interval's
  ///     squared standard error from the jackknife, when known
  ///     (``MarginReachability/standardErrorDegrees``): it brackets the
  ///     needed size in items or groups. `nil` by default.
  /// - Returns: The decision.
  public func decision(
    for difference: ConfidenceInterval, itemCount: Int, metric: GateMetric, baseline: String,
    candidate: String, experiment: ReleaseDecision.Experiment? = nil, seedShare: Double = 0,
    power: Double = 0.8, variance: DifferenceVariance? = nil, differingCount: Int? = nil,
    standardErrorDegrees: Double? = nil
  ) -> ReleaseDecision {
    let groupCount = experiment?.groupCount
    var result = ReleaseDecision(
      gate: self, metric: metric, baseline: baseline, candidate: candidate,
      difference: difference, itemCount: itemCount, experiment: experiment,
      passes: passes(difference, isHigherBetter: metric.isHigherBetter),
      reachability: MarginReachability(
        gate: self, difference: difference, count: groupCount ?? itemCount,
        unit: groupCount == nil ? .items : .groups, seedShare: seedShare,
        isHigherBetter: metric.isHigherBetter, power: power, variance: variance,
        differingCount: differingCount, standardErrorDegrees: standardErrorDegrees))
    // An interval of no width says resampling saw no spread, not that the
    // difference is known exactly.
    let isPoint = difference.lower == difference.upper && difference.lower.isFinite
    result.record(
      ResamplingShortfall(
        differingItemCount: nil, itemCount: itemCount,
        constantDifference: isPoint ? difference.lower : nil,
        intervalConfidence: difference.confidence))
    return result
  }

  /// Decides on an interval of candidate − baseline on a metric of
  /// predicted labels.
  ///
  /// - Parameters:
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - itemCount: The number of test items the interval comes from.
  ///   - metric: The metric the models were compared on.
  ///   - baseline: The baseline model's name.
  ///   - candidate: The candidate model's name.
  ///   - power: The chance of passing that the needed test-set size aims
  ///     for; 0.8 by default.
  /// - Returns: The decision.
  public func decision(
    for difference: ConfidenceInterval, itemCount: Int, metric: Metric, baseline: String,
    candidate: String, power: Double = 0.8
  ) -> ReleaseDecision {
    decision(
      for: difference, itemCount: itemCount, metric: GateMetric(metric), baseline: baseline,
      candidate: candidate, power: power)
  }

  /// Decides on the engine's comparison of two models.
  ///
  /// The interval is the comparison's own, so the gate and `f1kit compare`
  /// never disagree, and the decision carries the cautions `compare`
  /// prints for it (``ModelComparison/cautions(metric:)``).
  ///
  /// - Parameters:
  ///   - comparison: A comparison holding the pair.
  ///   - metric: One of the compared metrics; the headline metric by
  ///     default.
  ///   - baseline: The index of the baseline model; 0 by default.
  ///   - candidate: The index of the candidate model, after the baseline; 1
  ///     by default.
  ///   - power: The chance of passing that the needed test-set size aims
  ///     for; 0.8 by default.
  /// - Returns: The decision.
  /// - Throws: ``ReleaseGateError/noSuchPair(baseline:candidate:)`` when
  ///   the comparison holds no pair (baseline, candidate) in that order on
  ///   the metric.
  public func decision(
    for comparison: ModelComparison, metric: Metric? = nil, baseline: Int = 0,
    candidate: Int = 1, power: Double = 0.8
  ) throws(ReleaseGateError) -> ReleaseDecision {
    let metric = metric ?? comparison.options.metric
    guard
      let pair = comparison.pairs(on: metric).first(where: {
        $0.first == baseline && $0.second == candidate
      })
    else { throw .noSuchPair(baseline: baseline, candidate: candidate) }
    // Weights make the standard error rest on more than the count of
    // differing items, so that count brackets only unweighted sizes.
    var result = decision(
      for: pair.difference, itemCount: comparison.itemCount, metric: GateMetric(metric),
      baseline: comparison.models[baseline].name, candidate: comparison.models[candidate].name,
      power: power,
      differingCount: comparison.weightedItems == nil ? pair.differingItemCount : nil,
      standardErrorDegrees: comparison.weightedItems == nil
        ? pair.bootstrap.standardErrorDegrees : nil)
    result.totalWeight = comparison.totalWeight
    result.metric.displayName = comparison.displayName(of: metric)
    result.cautions = comparison.cautions(metric: metric)
    var shortfall = ResamplingShortfall(
      differingItemCount: pair.differingItemCount, itemCount: comparison.itemCount,
      constantDifference: ResamplingShortfall.constantValue(
        of: pair.bootstrap.resampledDifferences),
      intervalConfidence: pair.difference.confidence)
    shortfall?.addChangeBound(
      metric: metric, baseline: comparison.matrices[baseline], scope: comparison.scope,
      weighted: comparison.weightedItems?[baseline])
    result.record(shortfall)
    return result
  }

  /// Decides on an experiment's comparison of two models: several runs
  /// per model, grouped items or strata.
  ///
  /// The interval is the experiment's own (the one `f1kit compare` prints
  /// for the same runs, groups and seed). With groups the margin's
  /// reachability is counted in groups, and so, with one run per model,
  /// are the differing items' floor and exact bound
  /// (``ResamplingShortfall/differingGroups``); with several runs it
  /// allows for the share of the width that comes from seeds. The decision carries
  /// the cautions `compare` prints for the comparison
  /// (``ExperimentComparison/cautions(names:)``,
  /// ``ExperimentComparison/fewGroupsNote``,
  /// ``ExperimentComparison/labelCautions(_:)``).
  ///
  /// - Parameters:
  ///   - comparison: The experiment's comparison.
  ///   - description: Each model's name (in the comparison's order), run
  ///     files and the labels.
  ///   - baseline: The index of the baseline model; 0 by default.
  ///   - candidate: The index of the candidate model, after the baseline; 1
  ///     by default.
  ///   - power: The chance of passing that the needed test-set size aims
  ///     for; 0.8 by default.
  /// - Returns: The decision.
  /// - Throws: ``ReleaseGateError/noSuchPair(baseline:candidate:)`` when
  ///   the comparison holds no such pair.
  public func decision(
    for comparison: ExperimentComparison, description: ExperimentComparison.Description,
    baseline: Int = 0, candidate: Int = 1, power: Double = 0.8
  ) throws(ReleaseGateError) -> ReleaseDecision {
    let names = description.names
    guard
      let pair = comparison.pairs.first(where: {
        $0.first == baseline && $0.second == candidate
      }), names.indices.contains(baseline), names.indices.contains(candidate)
    else { throw .noSuchPair(baseline: baseline, candidate: candidate) }
    let counts = comparison.counts
    let experiment = ReleaseDecision.Experiment(
      design: comparison.design,
      runCounts: [counts.runCounts[baseline], counts.runCounts[candidate]],
      groupCount: comparison.design == .groups ? counts.groupCount : nil)
    let differing = counts.differingItemCount(baseline, candidate)
    var result = decision(
      for: pair.difference, itemCount: counts.itemCount, metric: GateMetric(comparison.metric),
      baseline: names[baseline], candidate: names[candidate], experiment: experiment,
      seedShare: comparison.seedShare(of: pair) ?? 0, power: power,
      variance: pair.varianceSplit,
      differingCount: comparison.design == .groups ? nil : differing,
      standardErrorDegrees: pair.standardErrorDegrees)
    result.cautions =
      comparison.cautions(names: names) + [comparison.fewGroupsNote].compactMap(\.self)
      + comparison.labelCautions(description)
    // With one run per model the differing items are known, as for one
    // file per model, and when whole groups are resampled so are the
    // groups they fall in, which the floor and the bounds then count; with
    // several runs only an interval of no width counts.
    if let differing {
      var shortfall = ResamplingShortfall(
        differingItemCount: differing, itemCount: counts.itemCount,
        differingGroups: comparison.design == .groups
          ? counts.differingGroups(baseline, candidate) : nil,
        constantDifference: result.shortfall?.constantDifference,
        intervalConfidence: pair.difference.confidence)
      shortfall?.addChangeBound(
        metric: comparison.metric, baseline: Self.matrix(ofOneRunModel: baseline, in: counts),
        scope: comparison.scope)
      result.record(shortfall)
    }
    return result
  }

  /// The confusion matrix of a model with one run, from an experiment's
  /// distinct rows (labels named by their index).
  private static func matrix(ofOneRunModel model: Int, in counts: ExperimentCounts)
    -> ConfusionMatrix
  {
    var matrix = ConfusionMatrix(labels: (0..<counts.classCount).map { "\($0)" })
    let run = counts.firstRun(ofModel: model)
    for (pattern, count) in counts.patternCounts.enumerated() {
      matrix.add(
        goldIndex: counts.gold(ofPattern: pattern),
        predictedIndex: counts.prediction(ofPattern: pattern, run: run), count: count)
    }
    return matrix
  }

  /// Decides on the engine's comparison of two models on a score metric
  /// (ROC-AUC, average precision, log loss, …).
  ///
  /// The interval is the comparison's bootstrap interval, the one `f1kit
  /// compare --metric M --score-column …` prints; lower-is-better metrics
  /// are decided in their own direction. The decision carries the cautions
  /// `compare` prints for the comparison
  /// (``ScoreComparison/cautions(metric:)``).
  ///
  /// - Parameters:
  ///   - comparison: A comparison holding the pair.
  ///   - metric: One of the compared metrics; the headline metric by
  ///     default.
  ///   - baseline: The index of the baseline model; 0 by default.
  ///   - candidate: The index of the candidate model, after the baseline; 1
  ///     by default.
  ///   - power: The chance of passing that the needed test-set size aims
  ///     for; 0.8 by default.
  /// - Returns: The decision.
  /// - Throws: ``ReleaseGateError/noSuchPair(baseline:candidate:)`` when
  ///   the comparison holds no such pair on the metric.
  public func decision(
    for comparison: ScoreComparison, metric: ScoreMetric? = nil, baseline: Int = 0,
    candidate: Int = 1, power: Double = 0.8
  ) throws(ReleaseGateError) -> ReleaseDecision {
    guard let metric = metric ?? comparison.options.metrics.first,
      let pair = comparison.pairs.first(where: {
        $0.metric == metric && $0.first == baseline && $0.second == candidate
      })
    else { throw .noSuchPair(baseline: baseline, candidate: candidate) }
    var result = decision(
      for: pair.difference, itemCount: comparison.itemCount, metric: GateMetric(metric),
      baseline: comparison.models[baseline].name, candidate: comparison.models[candidate].name,
      power: power)
    result.cautions = comparison.cautions(metric: metric)
    return result
  }
}
