import F1Kit

/// Models compared the way experiments are run: several training runs per
/// model, items that may come in groups, and a bootstrap that resamples
/// both.
///
/// A model's value is the mean of its runs' values: the quantity a paper
/// means by "model A scores 0.84" when A was trained with several seeds.
/// Its uncertainty has two sources, which seed was drawn and which test
/// items were drawn, so each bootstrap resample draws both: the runs of each
/// model with replacement, then a test set of the same size under the
/// ``ResamplingDesign`` (items, items within gold classes, or whole groups),
/// shared by every run of every model so the comparison stays paired
/// (Bouthillier et al. 2021). With one run per model this is the ordinary
/// paired bootstrap.
///
/// Intervals are BCa when every model has one run, with a jackknife that
/// leaves out one item (or one group). With several runs, resampling both
/// runs and items counts each run's item-level noise more than once, so the
/// two-level resamples are moved onto a method-of-moments variance (the
/// runs' spread less that noise, plus the test-set variance; see
/// `RunVariance`) and onto Student's *t* with Welch–Satterthwaite degrees
/// of freedom, and the interval is the percentile interval of the moved
/// resamples (docs/statistics.md, "Experiments").
public struct ExperimentComparison: Sendable {
  /// One model's runs and their mean.
  public struct Model: Hashable, Sendable {
    /// The mean of the runs' values, with its interval.
    public var interval: ConfidenceInterval
    /// Each run's value on the whole test set.
    public var runValues: [Double]
  }

  /// The comparison of two models: the second minus the first.
  public struct Pair: Hashable, Sendable {
    /// The index of the first model.
    public var first: Int
    /// The index of the second model.
    public var second: Int
    /// The difference of the means, with its interval.
    public var difference: ConfidenceInterval
    /// The two-sided p-value of the (two-level) paired bootstrap, shifted
    /// to the null of no difference; with several runs, on the corrected
    /// resamples the interval comes from.
    public var bootstrapPValue: Double
    /// The permutation test swapping whole groups, when items are grouped
    /// and each model has one run.
    public var groupPermutation: PermutationTest?
    /// Almost Stochastic Order of the second model's runs over the first's,
    /// when each model has at least two runs.
    public var almostStochasticOrder: AlmostStochasticOrder?
    /// The standard deviation of the difference when only test items are
    /// resampled (every run kept): the square root of the item part of the
    /// difference's variance.
    public var itemStandardError: Double
    /// The square root of the seed part of the difference's variance: each
    /// model's between-run variance of its mean less the item-level noise
    /// its runs carry, at least 0, summed over the two models; 0 when every
    /// model has one run. With several runs, its square plus
    /// ``itemStandardError``'s is the interval's variance.
    public var seedStandardError: Double
    /// McNemar's test for grouped items (``ClusteredMcNemarTest``), when
    /// items are grouped and each model has one run.
    public var clusteredMcNemar: ClusteredMcNemarTest? = nil
    /// The difference's variance split into its seed and test-item parts,
    /// with what its degrees of freedom rest on, when runs were resampled
    /// (some model has several runs); `nil` otherwise. The size a margin
    /// or a difference would need comes from it (``MarginReachability``).
    public var varianceSplit: DifferenceVariance? = nil
    /// The groups whose swap changes either model's table, when the group
    /// permutation test ran: the units it exchanges, so its p-value is at
    /// least 2 / 2 to that power (``verdictFloors(adjustment:)``).
    public var exchangeableGroups: Int? = nil
    /// The degrees of freedom of the difference's squared standard error,
    /// from the jackknife's leave-one-out differences over the resampled
    /// units (whole groups when grouped), when each model has one run,
    /// whatever the interval method (``MarginReachability/standardErrorDegrees``).
    public var standardErrorDegrees: Double? = nil
  }

  /// The metric compared.
  public let metric: Metric
  /// The label set, positive class and zero-division rule.
  public let scope: MetricScope
  /// Resamples, confidence and interval method.
  public let options: BootstrapOptions
  /// How test sets were resampled.
  public let design: ResamplingDesign
  /// The test whose p-value each pair's verdict rests on: the group
  /// permutation test when it ran (grouped items, one run per model), as a
  /// permutation test heads `f1kit compare`'s other verdicts, since it
  /// holds its size over few groups where the grouped bootstrap's p-value
  /// is liberal (docs/statistics.md); otherwise the (two-level) paired
  /// bootstrap.
  public let verdictTest: ComparisonOptions.Test
  /// The counts compared.
  public let counts: ExperimentCounts
  /// Each model, in input order.
  public let models: [Model]
  /// Every pair, first before second in input order.
  public let pairs: [Pair]
  /// How many interval ends reached past the metric's range and were cut
  /// at its bounds (several runs only; see ``cautions(names:)``).
  public let cutIntervalEnds: Int
  /// Under ``ResamplingDesign/groups``, how much wider the intervals are
  /// than if items were resampled one by one; `nil` until
  /// ``measureGroupWidening(seed:)`` is called.
  public internal(set) var groupWidening: GroupWidening?

  /// Compares the models of an experiment on one metric.
  ///
  /// Randomness is drawn in a fixed order from `generator`: one output
  /// seeds the bootstrap resamples and each pair's group permutation test,
  /// which run in blocks on every core, each block with a generator seeded
  /// from that output, a stream and the block's index (so the results
  /// depend on the seed, never on the number of cores); then each pair's
  /// Almost Stochastic Order test draws from `generator` itself.
  ///
  /// All of it runs on the models in an order of the data alone
  /// (`ExperimentCounts.canonicalModelOrder()`), with the distinct rows
  /// and groups sorted: a model gets the same value and interval in any
  /// position, and a pair given the other way round is the exact mirror
  /// image — the difference and interval ends negated and exchanged, the
  /// same p-values, standard errors and degrees of freedom, and Almost
  /// Stochastic Order of the reverse claim computed from the same draws
  /// (``AlmostStochasticOrder`` is directional). Two models that tie on
  /// every count are the same data in either order and get the same
  /// numbers.
  ///
  /// - Parameters:
  ///   - counts: The experiment's counts.
  ///   - metric: The metric compared.
  ///   - scope: The label set, positive class and zero-division rule.
  ///   - design: How test sets are resampled.
  ///   - options: Resamples, confidence and interval method.
  ///   - tests: The tests to run besides the paired bootstrap, which the
  ///     intervals come from and which always runs: with grouped items and
  ///     one run per model, ``ComparisonOptions/Test/permutation`` adds
  ///     the group permutation test (and makes it ``verdictTest``) and
  ///     ``ComparisonOptions/Test/mcnemar`` the clustered McNemar test;
  ///     other designs run neither.
  ///   - generator: The source of randomness.
  /// - Throws: ``StatisticsError`` when the options are invalid, the scope
  ///   does not fit the counts, or `design` is ``ResamplingDesign/groups``
  ///   for ungrouped counts.
  /// - Complexity: O(*R* · (*d* + *r* · *k*²)) for *R* resamples, *d*
  ///   distinct rows (at most the number of items) or group entries, *r*
  ///   runs and *k* classes; independent of the number of items once
  ///   counted.
  public init(
    counts: ExperimentCounts, metric: Metric, scope: MetricScope,
    design: ResamplingDesign = .items, options: BootstrapOptions = BootstrapOptions(),
    tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases,
    using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) {
    try self.init(
      counts: counts, metric: metric, scope: scope, design: design, options: options,
      tests: tests, minimumGroups: Self.minimumGroups, using: &generator)
  }

  /// Compares the models of an experiment, resampling groups from
  /// `minimumGroups` groups on: the simulations in docs/statistics.md
  /// lower it to show what the refusal below ``minimumGroups`` prevents.
  init(
    counts: ExperimentCounts, metric: Metric, scope: MetricScope,
    design: ResamplingDesign, options: BootstrapOptions,
    tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases, minimumGroups: Int,
    using generator: inout some RandomNumberGenerator
  ) throws(StatisticsError) {
    try options.validate()
    guard scope.classCount == counts.classCount else {
      throw .classCountMismatch(data: counts.classCount, scope: scope.classCount)
    }
    if design == .groups && !counts.isGrouped { throw .noGroups }
    if design == .groups && counts.groupCount < minimumGroups {
      throw .tooFewGroups(counts.groupCount)
    }
    // Everything is computed on the models in an order of the data alone,
    // with the distinct rows and groups sorted, and put back in the given
    // order at the end: each model and pair gets the same numbers (a pair
    // mirrored) whatever order the models and items were given in.
    let order = counts.canonicalModelOrder()
    let given = counts
    let counts = counts.projected(models: order)
    let scorer = RunScorer(counts: counts, scope: scope, metric: metric)
    let draws = ExperimentResampling(counts: counts, design: design, strategy: options.strategy)
    // One output of the generator seeds the resampling blocks of the
    // bootstrap (stream 0, shared by every model and pair) and of every
    // pair's permutation test (stream 1, whatever the pair's position).
    let blockSeed = generator.next()
    let distributions = scorer.resampledMeans(
      resamples: options.resamples, draws: draws, seed: blockSeed)
    let fullValues = scorer.runValues(weights: counts.patternCounts.map(Double.init))
    let hasSeveralRuns = counts.runCounts.contains { $0 > 1 }
    let method: IntervalMethod = hasSeveralRuns ? .percentile : options.method
    // One leave-one-unit-out pass gives BCa's acceleration and, whatever
    // the interval method, the squared standard error's degrees of freedom
    // that bracket a needed size (one evaluation per group or distinct row).
    let jackknife =
      hasSeveralRuns ? nil : scorer.jackknifeModelValues(grouped: design == .groups)
    let modelCount = counts.runCounts.count
    let estimates = (0..<modelCount).map { model in
      Self.mean(scorer.runs(ofModel: model).map { fullValues[$0] })
    }
    let covariance = ItemCovariance(itemsOnly: distributions.itemsOnly)
    let variances = (0..<modelCount).map { model in
      let runs = scorer.runs(ofModel: model)
      return RunVariance(
        runValues: runs.map { fullValues[$0] }, covariance: covariance, runs: runs)
    }

    // Each model's interval and each pair's interval and p-value sort their
    // 9,999 or so resamples and, with several runs, invert Student's t a
    // few dozen times: they run on every core, each at its own index, so
    // the numbers are the same for any number of threads.
    let pairModels = (0..<modelCount).flatMap { first in
      ((first + 1)..<modelCount).map { (first: first, second: $0) }
    }
    @Sendable func modelInterval(_ model: Int) -> ConfidenceInterval {
      if hasSeveralRuns {
        let variance = variances[model].variance
        return TwoLevelDistribution(
          values: distributions.twoLevel[model], estimate: estimates[model], variance: variance,
          degreesOfFreedom: RunVariance.degreesOfFreedom(
            variance: variance, models: [variances[model]])
        ).interval(confidence: options.confidence)
      }
      let distribution = BootstrapDistribution(
        values: distributions.twoLevel[model], estimate: estimates[model])
      let acceleration =
        method == .bca
        ? jackknife.map { values in
          BootstrapDistribution.acceleration(
            values: values.values[model], weights: values.weights)
        } ?? 0 : 0
      return distribution.interval(
        method: method, confidence: options.confidence, acceleration: acceleration)
    }
    @Sendable func pairDifference(first: Int, second: Int) -> (
      interval: ConfidenceInterval, pValue: Double
    ) {
      let differences = zip(distributions.twoLevel[second], distributions.twoLevel[first])
        .map { $0 - $1 }
      let estimate = estimates[second] - estimates[first]
      if hasSeveralRuns {
        let itemVariance = covariance.variance(
          of: Self.differenceWeights(
            first: scorer.runs(ofModel: first), second: scorer.runs(ofModel: second)))
        let seedVariance = variances[second].seedVariance + variances[first].seedVariance
        let variance = seedVariance + itemVariance
        let corrected = TwoLevelDistribution(
          values: differences, estimate: estimate, variance: variance,
          degreesOfFreedom: RunVariance.degreesOfFreedom(
            variance: variance, models: [variances[first], variances[second]]))
        return (corrected.interval(confidence: options.confidence), corrected.pValue)
      }
      let distribution = BootstrapDistribution(values: differences, estimate: estimate)
      var acceleration = 0.0
      if method == .bca, let jackknife {
        acceleration = BootstrapDistribution.acceleration(
          values: zip(jackknife.values[second], jackknife.values[first]).map { $0 - $1 },
          weights: jackknife.weights)
      }
      return (
        distribution.interval(
          method: method, confidence: options.confidence, acceleration: acceleration),
        PairedComparison.shiftedPValue(distribution)
      )
    }
    let summaries = [(interval: ConfidenceInterval, pValue: Double)](
      count: modelCount + pairModels.count
    ) { index in
      index < modelCount
        ? (modelInterval(index), .nan)
        : pairDifference(
          first: pairModels[index - modelCount].first,
          second: pairModels[index - modelCount].second)
    }
    var models = (0..<modelCount).map { model in
      Model(
        interval: summaries[model].interval,
        runValues: scorer.runs(ofModel: model).map { fullValues[$0] })
    }
    var pairs: [Pair] = []
    for (pairIndex, (first, second)) in pairModels.enumerated() {
      let itemVariance = covariance.variance(
        of: Self.differenceWeights(
          first: scorer.runs(ofModel: first), second: scorer.runs(ofModel: second)))
      let seedVariance = variances[second].seedVariance + variances[first].seedVariance
      let (difference, pValue) = summaries[modelCount + pairIndex]
      let leaveOneOut = jackknife.map { values in
        zip(values.values[second], values.values[first]).map { $0 - $1 }
      }
      pairs.append(
        Pair(
          first: first, second: second, difference: difference, bootstrapPValue: pValue,
          groupPermutation: nil, almostStochasticOrder: nil,
          itemStandardError: itemVariance.squareRoot(),
          seedStandardError: seedVariance.squareRoot(),
          varianceSplit: hasSeveralRuns
            ? DifferenceVariance(
              itemVariance: itemVariance,
              models: [variances[first], variances[second]].map {
                DifferenceVariance.Model(
                  runCount: $0.runCount, meanSquare: $0.meanSquare,
                  seedVariance: $0.seedVariance)
              }) : nil,
          standardErrorDegrees: leaveOneOut.flatMap { values in
            jackknife.flatMap {
              MarginReachability.standardErrorDegrees(leaveOneOut: values, weights: $0.weights)
            }
          }))
    }
    let permutesGroups = design == .groups && !hasSeveralRuns && tests.contains(.permutation)
    if permutesGroups {
      for index in pairs.indices {
        pairs[index].groupPermutation = scorer.groupPermutationTest(
          first: pairs[index].first, second: pairs[index].second,
          observed: pairs[index].difference.estimate, resamples: options.resamples,
          seed: blockSeed, stream: 1)
        pairs[index].exchangeableGroups =
          scorer.groupSwaps(
            firstRun: counts.firstRun(ofModel: pairs[index].first),
            secondRun: counts.firstRun(ofModel: pairs[index].second)
          ).swappableCount
      }
    }
    if design == .groups && !hasSeveralRuns && tests.contains(.mcnemar) {
      for index in pairs.indices {
        pairs[index].clusteredMcNemar = ClusteredMcNemarTest(
          counts: counts, firstRun: counts.firstRun(ofModel: pairs[index].first),
          secondRun: counts.firstRun(ofModel: pairs[index].second))
      }
    }
    // Each pair's claim and the reverse claim from one set of draws, so
    // the given order reports the claim its pair makes.
    var reverseOrders = [AlmostStochasticOrder?](repeating: nil, count: pairs.count)
    if counts.runCounts.allSatisfy({ $0 >= 2 }) {
      for index in pairs.indices {
        let pair = pairs[index]
        let claims = try AlmostStochasticOrder.bothClaims(
          first: models[pair.second].runValues, second: models[pair.first].runValues,
          confidence: 0.95, using: &generator)
        pairs[index].almostStochasticOrder = claims.claimed
        reverseOrders[index] = claims.reverse
      }
    }
    cutIntervalEnds =
      hasSeveralRuns ? Self.cutToRange(models: &models, pairs: &pairs, metric: metric) : 0
    (models, pairs) = Self.givenOrder(
      models: models, pairs: pairs, reverseOrders: reverseOrders, order: order)
    self.metric = metric
    self.scope = scope
    self.options = options
    self.design = design
    self.verdictTest = permutesGroups ? .permutation : .bootstrap
    self.counts = given
    self.pairs = pairs
    self.models = models
  }

  /// Models and pairs computed in the canonical order put back in the
  /// given order: each model from its canonical position, each pair from
  /// the canonical pair of its two models, mirrored when the canonical
  /// order has them the other way round.
  ///
  /// - Parameters:
  ///   - models: The models in the canonical order.
  ///   - pairs: Their pairs, first before second in the canonical order.
  ///   - reverseOrders: For each pair, Almost Stochastic Order of the
  ///     reverse claim, when the test ran.
  ///   - order: The given index of the model in each canonical position.
  /// - Returns: The models and pairs in the given order.
  private static func givenOrder(
    models: [Model], pairs: [Pair], reverseOrders: [AlmostStochasticOrder?], order: [Int]
  ) -> (models: [Model], pairs: [Pair]) {
    var position = [Int](repeating: 0, count: order.count)
    for (canonical, model) in order.enumerated() { position[model] = canonical }
    var pairIndex: [Int: Int] = [:]
    for (index, pair) in pairs.enumerated() {
      pairIndex[pair.first * order.count + pair.second] = index
    }
    var given: [Pair] = []
    given.reserveCapacity(pairs.count)
    for first in order.indices {
      for second in (first + 1)..<order.count {
        let (a, b) = (position[first], position[second])
        if a < b {
          var pair = pairs[pairIndex[a * order.count + b]!]
          (pair.first, pair.second) = (first, second)
          given.append(pair)
        } else {
          let index = pairIndex[b * order.count + a]!
          var pair = pairs[index].mirrored(almostStochasticOrder: reverseOrders[index])
          (pair.first, pair.second) = (first, second)
          given.append(pair)
        }
      }
    }
    return (position.map { models[$0] }, given)
  }

  /// Cuts the intervals of several-run comparisons at the metric's range
  /// (a difference at the range's width either way): Student's *t* with the
  /// one or two degrees of freedom of two runs can move resamples far past
  /// any value a test set can give.
  ///
  /// - Returns: The number of interval ends cut.
  private static func cutToRange(models: inout [Model], pairs: inout [Pair], metric: Metric)
    -> Int
  {
    let range = metric.valueRange
    var cut = 0
    func clamp(_ interval: inout ConfidenceInterval, to bounds: ClosedRange<Double>) {
      if interval.lower < bounds.lowerBound {
        interval.lower = bounds.lowerBound
        cut += 1
      }
      if interval.upper > bounds.upperBound {
        interval.upper = bounds.upperBound
        cut += 1
      }
    }
    for index in models.indices { clamp(&models[index].interval, to: range) }
    for index in pairs.indices {
      clamp(&pairs[index].difference, to: ConfidenceInterval.differenceRange(of: range))
    }
    return cut
  }

  /// Whether a pair's paired bootstrap has no spread: every resample gave
  /// the observed nonzero difference, so its p-value is NaN (see
  /// ``PairedBootstrapTest/hasNoSpread``).
  ///
  /// - Parameter pair: The pair.
  /// - Returns: `true` when the bootstrap p-value is NaN, the difference
  ///   defined and its interval of no width.
  public func hasNoSpread(_ pair: Pair) -> Bool {
    pair.bootstrapPValue.isNaN && !pair.difference.estimate.isNaN
      && pair.difference.lower == pair.difference.upper
  }

  /// Cautions about the numbers themselves: paired bootstraps with no
  /// spread (``hasNoSpread(_:)``), interval ends cut at the
  /// metric's range, basic intervals past it or past a difference's range,
  /// resamples left out as undefined (``undefinedResamplesCaution(names:)``),
  /// runs of a model that predict alike on every item (a
  /// file given twice, most likely), runs of two models that do (a file
  /// given for the wrong model), and models whose one run leaves their
  /// seed luck uncounted beside models with several.
  ///
  /// - Parameter names: Each model's name.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(names: [String]) -> [String] {
    var cautions: [String] = []
    if cutIntervalEnds > 0 {
      let range = metric.valueRange
      let ends = cutIntervalEnds == 1 ? "end" : "ends"
      let verb = cutIntervalEnds == 1 ? "was" : "were"
      let cut =
        "\(cutIntervalEnds) interval \(ends) reached past \(metric.displayName)'s range [\(ConfidenceInterval.bound(range.lowerBound)), \(ConfidenceInterval.bound(range.upperBound))] and \(verb) cut at its bounds"
      // A model with one run has no seed variance of its own; the few
      // degrees of freedom are those of the models with several.
      if let fewest = counts.runCounts.filter({ $0 > 1 }).min() {
        cautions.append(
          cut
            + ": with \(fewest) runs for a model the seed variance rests on very few degrees of freedom, so Student's t makes the intervals very wide; train more runs (5 or more per model)."
        )
      } else {
        cautions.append(cut + ".")
      }
    }
    func name(_ model: Int) -> String { Self.name(of: model, in: names) }
    if let caution = ModelComparison.noSpreadCaution(
      pairs.filter(hasNoSpread).map { (name($0.first), name($0.second), $0.difference.estimate) })
    {
      cautions.append(caution)
    }
    cautions += ConfidenceInterval.basicRangeCautions(
      models: models.indices.map { (name($0), models[$0].interval) },
      differences: pairs.map { (name($0.first), name($0.second), $0.difference) },
      metricName: metric.displayName, range: metric.valueRange, number: ModelComparison.number)
    if let caution = undefinedResamplesCaution(names: names) { cautions.append(caution) }
    for model in counts.runCounts.indices {
      for (first, second) in counts.identicalRuns(ofModel: model) {
        cautions.append(
          "\(name(model))'s runs \(first + 1) and \(second + 1) predict the same label for every item: if one file was given twice, drop the copy, since each copy counts as a run and makes the spread over runs, the seed share and Almost Stochastic Order look more certain than they are."
        )
      }
    }
    for pair in counts.identicalRunsAcrossModels() {
      let (first, second) = (name(pair.firstModel), name(pair.secondModel))
      cautions.append(
        "\(second)'s run \(pair.secondRun + 1) predicts the same label for every item as \(first)'s run \(pair.firstRun + 1): two models' runs rarely agree on every item, so check that a file of \(first) (or a copy of it, perhaps in another order) was not given for \(second); if it was, the difference between the models is understated."
      )
    }
    if counts.runCounts.contains(where: { $0 > 1 }) {
      for (model, runCount) in counts.runCounts.enumerated() where runCount == 1 {
        cautions.append(
          "\(name(model)) has one run: its seed luck cannot be estimated and counts as 0, so the intervals that involve it are too narrow, and Almost Stochastic Order, which needs two runs per model, is not reported; train \(name(model)) with several seeds too."
        )
      }
    }
    return cautions
  }

  /// Cautions for the outputs that show Almost Stochastic Order (compare's
  /// text and JSON, the report, the tables; not the gate, which decides on
  /// the interval alone): each ε_min that claims dominance on too few runs
  /// to mean it (``AlmostStochasticOrder/restsOnTooFewRuns``).
  ///
  /// - Parameter names: Each model's name.
  /// - Returns: One sentence per such pair, without a leading "Note:".
  public func almostStochasticOrderCautions(names: [String]) -> [String] {
    func name(_ model: Int) -> String { Self.name(of: model, in: names) }
    return pairs.compactMap { pair in
      pair.almostStochasticOrder?.fewRunsCaution(claimed: name(pair.second), over: name(pair.first))
    }
  }

  /// A model's name for the cautions: its given name, or "model 3" past
  /// the names given.
  static func name(of model: Int, in names: [String]) -> String {
    model < names.count ? names[model] : "model \(model + 1)"
  }

  /// Compares the models of an experiment with a generator seeded by
  /// `seed`.
  ///
  /// - Parameters:
  ///   - counts: The experiment's counts.
  ///   - metric: The metric compared.
  ///   - scope: The label set, positive class and zero-division rule.
  ///   - design: How test sets are resampled.
  ///   - options: Resamples, confidence and interval method.
  ///   - tests: The tests to run besides the paired bootstrap, as in
  ///     ``init(counts:metric:scope:design:options:tests:using:)``.
  ///   - seed: The seed of the random number generator.
  /// - Throws: As ``init(counts:metric:scope:design:options:tests:using:)``.
  public init(
    counts: ExperimentCounts, metric: Metric, scope: MetricScope,
    design: ResamplingDesign = .items, options: BootstrapOptions = BootstrapOptions(),
    tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases,
    seed: UInt64 = Xoshiro256StarStar.defaultSeed
  ) throws(StatisticsError) {
    var generator = Xoshiro256StarStar(seed: seed)
    try self.init(
      counts: counts, metric: metric, scope: scope, design: design, options: options,
      tests: tests, using: &generator)
  }

  /// The weights that make a weighted sum of runs the second model's mean
  /// less the first's.
  static func differenceWeights(first: Range<Int>, second: Range<Int>)
    -> [(run: Int, weight: Double)]
  {
    second.map { ($0, 1 / Double(second.count)) } + first.map { ($0, -1 / Double(first.count)) }
  }

  static func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
  }

  static func standardDeviation(_ values: [Double]) -> Double {
    let defined = values.filter { !$0.isNaN }
    guard defined.count > 1 else { return defined.isEmpty ? .nan : 0 }
    let mean = mean(defined)
    let squares = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(defined.count - 1)).squareRoot()
  }
}
