import F1Kit

/// Multilabel models compared on the same items: each model's bootstrap
/// interval, and for every pair the bootstrap interval of the difference,
/// the paired bootstrap and permutation tests and McNemar's test on exact
/// matches — the comparison engine's part for label sets.
///
/// Resampling is over items, through their distinct patterns: items with
/// the same gold set, the same predicted sets and the same weight are
/// interchangeable, so a bootstrap resample of *N* items is a multinomial
/// draw over the patterns (see ``ResamplingStrategy``), and each metric is
/// recomputed from per-pattern sufficient statistics — per-item counts of
/// gold, predicted and shared labels for the samples averages, per-label
/// true positive, false positive and false negative counts for micro,
/// macro and weighted averages (`MultilabelScope`). A permutation
/// exchanges the two models' predicted sets on a random half of the items:
/// for each pattern whose two sets differ, the number exchanged is one
/// Binomial(count, ½) draw. The cost per resample is O(*g* · *s* + *m* ·
/// *k*) for *g* patterns of at most *s* labels, *m* metrics and *k*
/// labels, whatever the number of items.
///
/// ## Randomness
///
/// As in ``ModelComparison``, each step draws from its own
/// ``Xoshiro256StarStar`` seeded by ``Options/seed`` and the kind of step
/// alone: every model's bootstrap from the same generator, so identical
/// models get identical intervals whatever their position, and each pair's
/// paired bootstrap and permutation test from their own. Every metric of a
/// step is scored on the same draws.
///
/// The patterns are kept in an order of their own (label sets compared by
/// label, over the evaluation's label order), not in the order the items
/// came in, so the draws do not depend on which file came first. Each
/// pair's paired bootstrap and permutation test run on one orientation of
/// the two models that does not depend on their order either, as a
/// single-label comparison's do, and are mirrored back: swapping the two
/// models negates each difference and its interval and keeps every
/// p-value and standard-error degrees.
///
/// BCa's acceleration comes from a jackknife over the patterns, each
/// leave-one-item-out total being the full total minus one item, so it
/// costs O(*g* · (*s* + *m* · *k*)), about as much as one resample per
/// pattern.
public struct MultilabelComparison: Sendable {
  /// What to compare and how.
  public struct Options: Hashable, Sendable {
    /// The metrics compared, the headline metric first; not empty.
    public var metrics: [MultilabelMetric]
    /// Further metrics each model gets an interval for, without being
    /// compared.
    public var additionalIntervalMetrics: [MultilabelMetric]
    /// The tests to run; the difference's interval is always computed.
    /// McNemar's test compares exact matches (subset accuracy).
    public var tests: [ComparisonOptions.Test]
    /// Resamples (also the number of permutations), confidence, interval
    /// method and resampling strategy.
    public var bootstrap: BootstrapOptions
    /// How McNemar's p-value is computed.
    public var mcnemarMethod: McNemarTest.Method
    /// The adjustment of each test's p-values over all pairs of a metric.
    public var adjustment: PValueAdjustment
    /// The seed of the one generator every step draws from.
    public var seed: UInt64
    /// Whether each model also gets an interval for every evaluated
    /// label's F-score (``Model/labelIntervals``), from the same resamples:
    /// O(*R* · *k*) more work and *R* · *k* values of memory per model, no
    /// extra random draws.
    public var includesLabelIntervals = false

    /// Creates options.
    ///
    /// - Parameters:
    ///   - metrics: The metrics compared, headline first; not empty.
    ///   - additionalIntervalMetrics: Further metrics with intervals.
    ///   - tests: The tests to run.
    ///   - bootstrap: The resampling options.
    ///   - mcnemarMethod: How McNemar's p-value is computed.
    ///   - adjustment: The p-value adjustment over pairs.
    ///   - seed: The seed.
    public init(
      metrics: [MultilabelMetric] = [.samplesF1],
      additionalIntervalMetrics: [MultilabelMetric] = [],
      tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases,
      bootstrap: BootstrapOptions = BootstrapOptions(), mcnemarMethod: McNemarTest.Method = .midP,
      adjustment: PValueAdjustment = .holm, seed: UInt64 = Xoshiro256StarStar.defaultSeed
    ) {
      precondition(!metrics.isEmpty, "a comparison needs at least one metric")
      self.metrics = metrics
      self.additionalIntervalMetrics = additionalIntervalMetrics
      self.tests = tests
      self.bootstrap = bootstrap
      self.mcnemarMethod = mcnemarMethod
      self.adjustment = adjustment
      self.seed = seed
    }

    /// The headline metric.
    public var metric: MultilabelMetric { metrics[0] }

    /// ``metrics``, then the additional interval metrics not among them.
    public var intervalMetrics: [MultilabelMetric] {
      metrics + additionalIntervalMetrics.filter { !metrics.contains($0) }
    }
  }

  /// One model's metrics and intervals.
  public struct Model: Sendable {
    /// The model's name.
    public var name: String
    /// Every metric of the model's predictions.
    public var metrics: MultilabelMetrics
    /// The bootstrap interval of each metric of
    /// ``Options/intervalMetrics``; its estimate is the model's value.
    public var intervals: [MultilabelMetric: ConfidenceInterval]
    /// The bootstrap interval of each evaluated label's F-score (F1, or
    /// F-beta for the evaluation's beta), in label order, from the same
    /// resamples; empty unless ``Options/includesLabelIntervals``.
    public var labelIntervals: [ConfidenceInterval] = []

    /// The model's value of a metric.
    ///
    /// - Parameter metric: The metric.
    /// - Returns: Its value on all items; NaN when undefined.
    public func value(of metric: MultilabelMetric) -> Double { metrics.value(of: metric) }
  }

  /// Two models compared on one metric: the second minus the first.
  public struct Pair: Hashable, Sendable {
    /// The metric.
    public var metric: MultilabelMetric
    /// The index of the first model (A).
    public var first: Int
    /// The index of the second model (B).
    public var second: Int
    /// B − A with its bootstrap interval.
    public var difference: ConfidenceInterval
    /// The paired bootstrap test's p-value, if run.
    public var bootstrapPValue: Double?
    /// The permutation test's p-value, if run; NaN when the observed
    /// difference is undefined.
    public var permutationPValue: Double?
    /// Permutations whose difference was undefined, left out of the
    /// p-value.
    public var undefinedPermutations: Int
    /// McNemar's test on exact matches, if run.
    public var mcnemar: McNemarTest?
    /// Each test's p-value adjusted over all pairs on the same metric.
    public var adjustedPValues: [ComparisonOptions.Test: Double]
    /// The degrees of freedom of the difference's squared standard error,
    /// from how its jackknife variance moves over the first resamples of
    /// the paired bootstrap; `nil` with sample weights or when the
    /// variances are undefined or 0.
    public var standardErrorDegrees: Double? = nil

    /// The raw p-value of a test, if it was run.
    ///
    /// - Parameter test: The test.
    /// - Returns: Its two-sided p-value.
    public func pValue(of test: ComparisonOptions.Test) -> Double? {
      switch test {
      case .permutation: permutationPValue
      case .bootstrap: bootstrapPValue
      case .mcnemar: mcnemar?.pValue
      }
    }
  }

  /// The number of items.
  public let itemCount: Int
  /// The label order, evaluated labels first.
  public let labels: [String]
  /// Whether the items carry sample weights.
  public let isWeighted: Bool
  /// The options.
  public let options: Options
  /// Each model, in input order.
  public let models: [Model]
  /// Every pair (A, B) with A before B, all pairs on the first metric,
  /// then on the second, and so on.
  public let pairs: [Pair]

  /// Scores and compares aligned multilabel models.
  ///
  /// - Parameters:
  ///   - gold: The gold set of each item.
  ///   - predictions: Each model's predicted set of each item.
  ///   - labels: The labels the sets' indices refer to.
  ///   - weights: One sample weight per item, or `nil`.
  ///   - names: A name for each model.
  ///   - evaluation: The evaluated labels, zero-division rule and beta.
  ///   - options: The metrics, tests, resampling and seed.
  ///   - progress: Called as resampling advances, with the work done and
  ///     the total over the whole comparison.
  /// - Throws: `MetricsError` when the evaluation options do not fit the
  ///   data; ``StatisticsError`` when the resampling options are invalid or
  ///   there are no items.
  /// - Complexity: O(*n* · *s*) to count the patterns, then O(*R* · (*g* ·
  ///   *s* + *m* · *k*)) per model and pair; see the type's discussion.
  public init(
    gold: [LabelSet], predictions: [[LabelSet]], labels: [String], weights: [Double]? = nil,
    names: [String], evaluation: EvaluationOptions = EvaluationOptions(),
    options: Options = Options(), progress: ResamplingProgress? = nil
  ) throws {
    precondition(predictions.count == names.count && !names.isEmpty)
    precondition(predictions.allSatisfy { $0.count == gold.count })
    try options.bootstrap.validate()
    guard !gold.isEmpty else { throw StatisticsError.noItems }
    let resamples = options.bootstrap.resamples
    let pairIndices = names.indices.flatMap { a in (a + 1..<names.count).map { (a, $0) } }
    let stepsPerPair = 1 + (options.tests.contains(.permutation) ? 1 : 0)
    let totalSteps = (names.count + pairIndices.count * stepsPerPair) * resamples
    var completed = 0
    func stepProgress() -> ResamplingProgress? {
      guard let progress else { return nil }
      let offset = completed
      return { done, _ in progress(offset + done, totalSteps) }
    }

    var models: [Model] = []
    for (index, name) in names.enumerated() {
      // Every model from the same generator: identical models get identical
      // intervals, whatever their position (ResamplingStream).
      var generator = ResamplingStream.marginal.generator(seed: options.seed)
      var counts = MultilabelCounts(labels: labels, isWeighted: weights != nil)
      for item in gold.indices {
        counts.add(
          gold: gold[item], predicted: predictions[index][item], weight: weights?[item] ?? 1)
      }
      let metrics = try MultilabelMetrics(
        counts: counts.canonicallyOrdered(evaluating: evaluation.labels), options: evaluation)
      let intervals = MultilabelIntervals.intervals(
        for: metrics, metrics: options.intervalMetrics, options: options.bootstrap,
        includesLabels: options.includesLabelIntervals, progress: stepProgress(),
        using: &generator)
      completed += resamples
      models.append(
        Model(
          name: name, metrics: metrics, intervals: intervals.metrics,
          labelIntervals: intervals.labels))
    }
    let ordered = models[0].metrics.allLabels
    let mapping: [Int] = {
      let position = ordered.exactLabelPositions()
      return labels.map { position[ExactLabel($0)]! }
    }()

    var byPair: [[Pair]] = []
    for (a, b) in pairIndices {
      let joint = PairedLabelSets(
        gold: gold, first: predictions[a], second: predictions[b], weights: weights,
        mapping: mapping, labelCount: ordered.count, scope: models[0].metrics.scope)
      let bootstrapProgress = stepProgress()
      completed += resamples
      let permutes = options.tests.contains(.permutation)
      let permutationProgress = permutes ? stepProgress() : nil
      if permutes { completed += resamples }
      let (differences, permutation) = joint.orientedTests(
        metrics: options.metrics, options: options.bootstrap, permutes: permutes,
        isWeighted: weights != nil, seed: options.seed, bootstrapProgress: bootstrapProgress,
        permutationProgress: permutationProgress)
      let mcnemar =
        options.tests.contains(.mcnemar)
        ? joint.mcnemar(method: options.mcnemarMethod) : nil
      byPair.append(
        options.metrics.enumerated().map { index, metric in
          Pair(
            metric: metric, first: a, second: b, difference: differences[index].interval,
            bootstrapPValue: options.tests.contains(.bootstrap)
              ? differences[index].pValue : nil,
            permutationPValue: permutation?[index].pValue,
            undefinedPermutations: permutation?[index].undefined ?? 0, mcnemar: mcnemar,
            adjustedPValues: [:], standardErrorDegrees: differences[index].standardErrorDegrees)
        })
    }
    var pairs: [Pair] = []
    for index in options.metrics.indices {
      var metricPairs = byPair.map { $0[index] }
      for test in options.tests {
        let raw = metricPairs.map { $0.pValue(of: test) ?? .nan }
        guard raw.contains(where: { !$0.isNaN }) else { continue }
        let adjusted = try options.adjustment.adjusted(raw)
        for position in metricPairs.indices where !raw[position].isNaN {
          metricPairs[position].adjustedPValues[test] = adjusted[position]
        }
      }
      pairs += metricPairs
    }
    itemCount = gold.count
    self.labels = ordered
    isWeighted = weights != nil
    self.options = options
    self.models = models
    self.pairs = pairs
  }

  /// Every pair compared on one metric, in pair order.
  ///
  /// - Parameter metric: A compared metric.
  /// - Returns: The pairs; empty for a metric not compared.
  public func pairs(on metric: MultilabelMetric) -> [Pair] {
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
  /// - Returns: The p-value, or `nil` when no test ran or it is undefined.
  public func decisionPValue(for pair: Pair) -> Double? {
    guard let test = primaryTest else { return nil }
    let p = models.count > 2 ? pair.adjustedPValues[test] : pair.pValue(of: test)
    return p.flatMap { $0.isNaN ? nil : $0 }
  }

  /// The significance level the verdicts use: one minus the confidence.
  public var significanceLevel: Double { options.bootstrap.significanceLevel }

  /// The test-set size at which a pair's observed difference would be
  /// significant with probability `power`, from the paired bootstrap's
  /// standard error, as ``ModelComparison/requiredItemCount(for:power:)``.
  ///
  /// - Parameters:
  ///   - pair: The pair.
  ///   - power: The wanted probability of detecting the difference.
  /// - Returns: The number of items, or `nil` when it cannot be estimated
  ///   or is not above this test set's (the approximation then does not
  ///   hold on a pair its test did not call significant, as
  ///   ``ModelComparison/requiredItemCount(for:power:)`` says).
  public func requiredItemCount(for pair: Pair, power: Double = 0.8) -> Int? {
    detectionSize(for: pair, power: power).requiredCount
  }

  /// The test-set size at which a pair's observed difference would be
  /// significant with probability `power` (``requiredItemCount(for:power:)``),
  /// with the range one test set allows for it when the items are
  /// unweighted: from the squared standard error's degrees of freedom
  /// (``Pair/standardErrorDegrees``), as ``ModelComparison`` and `f1kit
  /// gate` bracket theirs.
  ///
  /// - Parameters:
  ///   - pair: The pair.
  ///   - power: The wanted probability of detecting the difference.
  /// - Returns: The size.
  public func detectionSize(for pair: Pair, power: Double = 0.8) -> MarginReachability {
    MarginReachability(
      detecting: pair.difference, count: itemCount, power: power,
      standardErrorDegrees: pair.standardErrorDegrees)
  }
}
