import F1Kit
import F1KitReading

/// Several models scored on the same items, with an interval for each and
/// paired tests between every pair on one or more metrics: the numbers
/// behind "B beats A on macro-F1 by 0.031, 95% CI [0.012, 0.049],
/// p = 0.002".
///
/// This is F1Kit's one comparison engine: `f1kit compare`, `f1kit report`
/// and their JSON get every interval, difference, p-value, multiplicity
/// adjustment and test-set size from it.
///
/// Every model is scored over the same label set (the union of all labels,
/// or the caller's), so a class one model never predicts still counts in
/// every model's average.
///
/// ## Randomness
///
/// Each resampling step draws from its own ``Xoshiro256StarStar``, seeded
/// by ``ComparisonOptions/seed`` and the kind of step alone, never by a
/// model's or pair's position: every model's bootstrap starts from the
/// generator `f1kit evaluate` uses, so two models with the same predictions
/// get the same intervals and a model's interval does not depend on the
/// other models; every pair's paired bootstrap and permutation test start
/// from their own generators and run on one orientation of the pair (the
/// one whose joint cells come first in a fixed order), so swapping the two models
/// mirrors every difference and keeps every p-value. A step's draws depend
/// on the counts alone, never on the metrics, and each step scores every
/// metric from the same draws. So a comparison on several metrics gives,
/// for each metric *M*, exactly the numbers of a comparison on *M* alone
/// with the same seed, resamples and tests.
public struct ModelComparison: Sendable {
  /// One model's scores.
  public struct Model: Hashable, Sendable {
    /// The model's name, usually its file name.
    public var name: String
    /// The bootstrap interval of each metric in
    /// ``ComparisonOptions/intervalMetrics``; its
    /// ``ConfidenceInterval/estimate`` is the model's value.
    public var intervals: [Metric: ConfidenceInterval]

    /// Creates a model's scores.
    ///
    /// - Parameters:
    ///   - name: The model's name.
    ///   - intervals: The interval of each metric.
    public init(name: String, intervals: [Metric: ConfidenceInterval]) {
      self.name = name
      self.intervals = intervals
    }

    /// The model's value of a metric, if it was scored.
    ///
    /// - Parameter metric: The metric.
    /// - Returns: The value on all items, or `nil`.
    public func value(of metric: Metric) -> Double? { intervals[metric]?.estimate }

    /// The bootstrap interval of a metric, if it was scored.
    ///
    /// - Parameter metric: The metric.
    /// - Returns: The interval, or `nil`.
    public func interval(of metric: Metric) -> ConfidenceInterval? { intervals[metric] }
  }

  /// The comparison of two models on one metric: the second minus the
  /// first.
  public struct Pair: Hashable, Sendable {
    /// The metric compared.
    public var metric: Metric
    /// The index of the first model (A).
    public var first: Int
    /// The index of the second model (B).
    public var second: Int
    /// B − A with its bootstrap interval.
    public var difference: ConfidenceInterval
    /// The paired bootstrap the difference's interval comes from, with its
    /// sorted resampled differences; always computed, whether or not the
    /// paired bootstrap test was asked for.
    public var bootstrap: PairedBootstrapTest
    /// The permutation test, if run.
    public var permutation: PermutationTest?
    /// The paired bootstrap test, if asked for.
    public var pairedBootstrap: PairedBootstrapTest?
    /// McNemar's test, if run.
    public var mcnemar: McNemarTest?
    /// Each test's p-value adjusted over all pairs on the same metric;
    /// equal to the raw p-value when only two models are compared.
    public var adjustedPValues: [ComparisonOptions.Test: Double]
    /// The number of items the two models label differently; `nil` when
    /// not known. A release gate does not trust a resampled interval from
    /// fewer than ``ResamplingShortfall/minimumDifferingItemCount``.
    public var differingItemCount: Int? = nil

    /// The raw p-value of a test, if it was run.
    ///
    /// - Parameter test: The test.
    /// - Returns: Its two-sided p-value.
    public func pValue(of test: ComparisonOptions.Test) -> Double? {
      switch test {
      case .permutation: permutation?.pValue
      case .bootstrap: pairedBootstrap?.pValue
      case .mcnemar: mcnemar?.pValue
      }
    }
  }

  /// The number of items.
  public let itemCount: Int
  /// The sum of the items' sample weights when they carry weights; `nil`
  /// for unweighted items.
  ///
  /// With weights every value, interval and test is weighted: the
  /// bootstrap resamples items, each carrying its weight, and the
  /// permutation test swaps each item's predictions, its weight attached.
  /// McNemar's test counts items, so it is not run on weighted items.
  public let totalWeight: Double?
  /// The beta of the F-beta metrics, when one was chosen.
  public let beta: Double?
  /// The labels scored, evaluated labels first.
  public let labels: [String]
  /// The positive label of a binary problem, which the binary metrics
  /// score; `nil` otherwise.
  public let positiveLabel: String?
  /// The labels that no gold item has and that some models predict but
  /// not all: every model's macro averages count them, so a model that
  /// never predicts one scores otherwise than on its own.
  public let labelsOutsideGold: [LabelOutsideGold]
  /// The evaluated labels some gold item has, in label order: what
  /// `--labels` names to score every model on the gold labels alone.
  let goldLabels: [String]
  /// How many labels the macro averages run over.
  let evaluatedLabelCount: Int
  /// The options the comparison ran with.
  public let options: ComparisonOptions
  /// Each model's confusion matrix, its weighted items when the items
  /// carry weights, and the scope every metric is scored with: what a
  /// release gate's worst-case cap starts from
  /// (``ResamplingShortfall/changeBound``).
  let matrices: [ConfusionMatrix]
  let weightedItems: [WeightedPredictions]?
  let scope: MetricScope
  /// Each model's scores, in input order.
  public let models: [Model]
  /// Every pair (A, B) with A before B in input order, on every metric of
  /// ``ComparisonOptions/metrics``: all pairs on the first metric, then all
  /// pairs on the second, and so on. Empty when the models' items are not
  /// paired.
  public let pairs: [Pair]

  /// A new generator of the draws behind every model's own intervals: the
  /// one each model's bootstrap starts from, so a report that resamples
  /// more of a model's statistics (each class's F1) from it resamples the
  /// same test sets as the model's headline intervals.
  ///
  /// - Parameter seed: The comparison's seed.
  /// - Returns: A generator that depends on the seed alone.
  public static func modelIntervalGenerator(seed: UInt64) -> Xoshiro256StarStar {
    ResamplingStream.marginal.generator(seed: seed)
  }

  /// Scores and compares aligned models.
  ///
  /// - Parameters:
  ///   - aligned: The models' predictions for the same items.
  ///   - names: A name for each model.
  ///   - evaluation: The labels, positive label and zero-division rule.
  ///   - options: The metrics, tests, resampling and seed.
  ///   - progress: Called as resampling advances, with the work done and
  ///     the total over the whole comparison.
  /// - Throws: `MetricsError` when the evaluation options do not fit the
  ///   data, ``StatisticsError`` when the resampling options are invalid.
  /// - Complexity: O(*R* × cells) per model and pair for *R* resamples,
  ///   independent of the number of items once the cells are counted.
  public init(
    aligned: AlignedPredictions, names: [String], evaluation: EvaluationOptions = .init(),
    options: ComparisonOptions = .init(), progress: ResamplingProgress? = nil
  ) throws {
    try self.init(
      counts: ComparisonCounts(aligned), names: names, evaluation: evaluation, options: options,
      progress: progress)
  }

  /// Scores and compares models from their counts.
  ///
  /// With weighted counts (``ComparisonCounts/isWeighted``) every metric
  /// is weighted and McNemar's test, which counts items, is left out of
  /// ``ComparisonOptions/tests``.
  ///
  /// - Parameters:
  ///   - counts: Each model's confusion matrix and each pair's joint counts.
  ///   - names: A name for each model.
  ///   - evaluation: The labels, positive label and zero-division rule.
  ///   - options: The metrics, tests, resampling and seed.
  ///   - progress: Called as resampling advances.
  /// - Throws: `MetricsError` when the evaluation options do not fit the
  ///   data, ``StatisticsError`` when the resampling options are invalid.
  /// - Complexity: O(*R* × (*c* + *m* *k*²)) per model and pair for *R*
  ///   resamples, *c* non-empty cells, *m* metrics and *k* classes, with no
  ///   dependence on the number of items.
  public init(
    counts: ComparisonCounts, names: [String], evaluation: EvaluationOptions = .init(),
    options: ComparisonOptions = .init(), progress: ResamplingProgress? = nil
  ) throws {
    precondition(names.count == counts.matrices.count)
    var options = options
    if counts.isWeighted { options.tests.removeAll { $0 == .mcnemar } }
    let classification = try ClassificationMetrics(
      confusionMatrix: counts.matrices[0], options: evaluation)
    let scope = classification.scope
    let bootstrap = Bootstrap(options: options.bootstrap)
    let metrics = options.metrics
    let stepsPerPair = 1 + (options.tests.contains(.permutation) ? 1 : 0)
    let totalSteps = (names.count + counts.pairs.count * stepsPerPair) * options.bootstrap.resamples
    var completedSteps = 0
    func stepProgress(after skipped: Int = 0) -> ResamplingProgress? {
      guard let progress else { return nil }
      let offset = completedSteps + skipped
      return { done, _ in progress(offset + done, totalSteps) }
    }

    var models: [Model] = []
    for (index, name) in names.enumerated() {
      var generator = ResamplingStream.marginal.generator(seed: options.seed)
      let intervals =
        if let weighted = counts.weighted {
          try bootstrap.intervals(
            for: options.intervalMetrics, weighted: weighted[index], scope: scope,
            progress: stepProgress(), using: &generator)
        } else {
          try bootstrap.intervals(
            for: options.intervalMetrics, in: counts.matrices[index], scope: scope,
            progress: stepProgress(), using: &generator)
        }
      completedSteps += options.bootstrap.resamples
      models.append(Model(name: name, intervals: intervals))
    }

    // Pairs by pair first, as they are computed; reordered by metric below.
    var byPair: [[Pair]] = []
    for (first, second, predictions) in counts.pairs {
      let comparison = try PairedComparison(predictions: predictions, scope: scope)
      let permutes = options.tests.contains(.permutation)
      let tests = try comparison.orientedTests(
        for: metrics, options: options.bootstrap, permutes: permutes, seed: options.seed,
        bootstrapProgress: stepProgress(),
        permutationProgress: stepProgress(after: options.bootstrap.resamples))
      let bootstrapTests = tests.bootstrap
      let permutations = tests.permutation
      completedSteps += stepsPerPair * options.bootstrap.resamples
      let mcnemar =
        options.tests.contains(.mcnemar) ? comparison.mcnemar(method: options.mcnemarMethod) : nil
      byPair.append(
        metrics.map { metric in
          let bootstrapTest = bootstrapTests[metric]!
          return Pair(
            metric: metric, first: first, second: second, difference: bootstrapTest.difference,
            bootstrap: bootstrapTest, permutation: permutations[metric],
            pairedBootstrap: options.tests.contains(.bootstrap) ? bootstrapTest : nil,
            mcnemar: mcnemar, adjustedPValues: [:],
            differingItemCount: predictions.differingItemCount)
        })
    }
    var pairs: [Pair] = []
    for metricIndex in metrics.indices {
      var onMetric = byPair.map { $0[metricIndex] }
      try Self.adjust(&onMetric, tests: options.tests, by: options.adjustment)
      pairs += onMetric
    }

    self.itemCount = counts.itemCount
    self.totalWeight = counts.totalWeight
    self.beta = evaluation.beta
    self.labels = counts.labels
    self.positiveLabel = classification.positiveLabel
    self.labelsOutsideGold = LabelOutsideGold.find(
      labels: counts.labels, scope: scope, goldCounts: counts.matrices[0].goldTotals,
      predictedCounts: counts.matrices.map(\.predictedTotals),
      runCounts: Array(repeating: 1, count: counts.matrices.count))
    let evaluated = min(scope.evaluatedClassCount, counts.labels.count)
    self.evaluatedLabelCount = evaluated
    self.goldLabels = (0..<evaluated).filter { counts.matrices[0].goldTotals[$0] > 0 }
      .map { counts.labels[$0] }
    self.options = options
    self.matrices = counts.matrices
    self.weightedItems = counts.weighted
    self.scope = scope
    self.models = models
    self.pairs = pairs
  }

  /// Adjusts each test's p-values over the pairs of one metric, keeping
  /// input order.
  private static func adjust(
    _ pairs: inout [Pair], tests: [ComparisonOptions.Test], by adjustment: PValueAdjustment
  ) throws {
    for test in tests {
      let raw = pairs.compactMap { $0.pValue(of: test) }
      guard raw.count == pairs.count else { continue }
      let adjusted = try adjustment.adjusted(raw)
      for index in pairs.indices { pairs[index].adjustedPValues[test] = adjusted[index] }
    }
  }

  /// Whether the items carry sample weights, so every value, interval and
  /// test is weighted.
  public var isWeighted: Bool { totalWeight != nil }

  /// A metric's name in prose, with the comparison's beta written into an
  /// F-beta metric's name: "macro F2".
  ///
  /// - Parameter metric: The metric.
  /// - Returns: The name.
  public func displayName(of metric: Metric) -> String { metric.displayName(beta: beta) }

  /// Every pair compared on one metric, in pair order.
  ///
  /// - Parameter metric: A metric of ``ComparisonOptions/metrics``.
  /// - Returns: The pairs; empty for a metric not compared.
  public func pairs(on metric: Metric) -> [Pair] {
    pairs.filter { $0.metric == metric }
  }

  /// The test whose p-value headlines a verdict: the permutation test when
  /// it ran, then the paired bootstrap, then McNemar.
  public var primaryTest: ComparisonOptions.Test? {
    [.permutation, .bootstrap, .mcnemar].first { options.tests.contains($0) }
  }

  /// The p-value a decision about a pair rests on: the primary test's,
  /// adjusted over the pairs when more than two models are compared.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The p-value, or `nil` when no test ran.
  public func decisionPValue(for pair: Pair) -> Double? {
    guard let test = primaryTest else { return nil }
    return models.count > 2 ? pair.adjustedPValues[test] : pair.pValue(of: test)
  }

  /// The test-set size at which a pair's observed difference would be
  /// significant at ``significanceLevel`` with probability `power`, from
  /// the paired bootstrap's standard error (see
  /// ``PowerAnalysis/requiredItemCount(difference:standardError:itemCount:significanceLevel:power:)``).
  ///
  /// - Parameters:
  ///   - pair: The pair.
  ///   - power: The wanted probability of detecting the difference.
  /// - Returns: The number of items, or `nil` when the difference is zero,
  ///   its standard error is not positive, or the size is not above this
  ///   test set's: the formula then says this test set should have
  ///   sufficed, which on a pair its test did not call significant means
  ///   the normal approximation behind it does not hold (a few items, a
  ///   skewed bootstrap), not that more items are needed.
  public func requiredItemCount(for pair: Pair, power: Double = 0.8) -> Int? {
    detectionSize(for: pair, power: power).requiredCount
  }

  /// The test-set size at which a pair's observed difference would be
  /// significant with probability `power` (``requiredItemCount(for:power:)``),
  /// with the range one test set allows for it when the items are
  /// unweighted: from the squared standard error's degrees of freedom
  /// (``PairedBootstrapTest/standardErrorDegrees``) and the items the
  /// models label differently, as `f1kit gate` brackets its needed size.
  ///
  /// - Parameters:
  ///   - pair: The pair.
  ///   - power: The wanted probability of detecting the difference.
  /// - Returns: The size.
  public func detectionSize(for pair: Pair, power: Double = 0.8) -> MarginReachability {
    // Weights make the standard error rest on more than the influence
    // values and the differing items count.
    let isUnweighted = weightedItems == nil
    return MarginReachability(
      detecting: pair.difference, count: itemCount, power: power,
      differingCount: isUnweighted ? pair.differingItemCount : nil,
      standardErrorDegrees: isUnweighted ? pair.bootstrap.standardErrorDegrees : nil)
  }

  /// A pair's ``detectionSize(for:power:)`` when its verdict ends with the
  /// size's sentence: a pair the verdict calls not significant, with a
  /// size above this test set's; `nil` otherwise.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The size, or `nil`.
  func reportedDetectionSize(for pair: Pair) -> MarginReachability? {
    Self.reportedDetectionSize(
      primaryTest == nil ? nil : decisionPValue(for: pair),
      isWithheld: verdictFloors(on: pair.metric).verdictSentence != nil,
      significanceLevel: significanceLevel, difference: pair.difference
    ) { detectionSize(for: pair) }
  }

  /// A pair's needed size when its verdict ends with the size's sentence:
  /// a verdict its test does not withhold, not significant (or of no
  /// difference), whose size is above the test set's; `nil` otherwise.
  /// The rule every comparison engine's verdict follows.
  ///
  /// - Parameters:
  ///   - decisionPValue: The p-value the verdict rests on, `nil` when no
  ///     test ran.
  ///   - isWithheld: Whether the verdict is withheld because no p-value
  ///     the test can give is below α.
  ///   - significanceLevel: α.
  ///   - difference: The pair's difference.
  ///   - size: The pair's needed size.
  /// - Returns: The size, or `nil`.
  static func reportedDetectionSize(
    _ decisionPValue: Double?, isWithheld: Bool, significanceLevel: Double,
    difference: ConfidenceInterval, size: () -> MarginReachability
  ) -> MarginReachability? {
    guard let p = decisionPValue, !p.isNaN, !isWithheld,
      p >= significanceLevel || difference.estimate == 0
    else { return nil }
    let size = size()
    return size.detectionSentence.isEmpty ? nil : size
  }
}
