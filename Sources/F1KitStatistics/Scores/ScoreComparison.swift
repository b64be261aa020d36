import F1Kit

/// Models compared on score metrics (ROC-AUC, average precision, log loss,
/// …) over the same items: each model's bootstrap interval, and for every
/// pair the bootstrap interval of the difference, the paired bootstrap and
/// permutation tests and, for ROC-AUC, DeLong's test.
///
/// This is the comparison engine's part for per-item scores. Resampling is
/// over items: each model's scores are sorted once, and a bootstrap
/// resample only reweights the items (see `ItemBootstrap`), so it never
/// sorts again. A permutation exchanges the two models' scores on a random
/// half of the items; for binary models both models' scores are sorted
/// together once (`ExchangeableBinaryScores`), so a permutation is one
/// O(*n*) pass with exactly the values a fresh sort would give, while
/// multiclass models are sorted again for each permutation.
///
/// ## Randomness
///
/// One ``Xoshiro256StarStar`` seeded with ``ScoreComparison/Options/seed``
/// feeds, in order: each model's bootstrap, then for each pair its paired
/// bootstrap and its permutation test. Every metric of a step is scored on
/// the same draws.
public struct ScoreComparison: Sendable {
  /// A paired test on score metrics.
  public enum Test: String, CaseIterable, Hashable, Sendable, Codable {
    /// Exchange each item's two scores (or score rows) at random.
    case permutation
    /// The paired bootstrap of the difference, shifted to the null.
    case bootstrap = "paired_bootstrap"
    /// DeLong's z test of two ROC-AUCs (binary `ScoreMetric/rocAUC` only).
    case delong
  }

  /// What to compare and how.
  public struct Options: Hashable, Sendable {
    /// The metrics compared, the headline metric first.
    public var metrics: [ScoreMetric]
    /// The tests to run.
    public var tests: [Test]
    /// The resamples (also the number of permutations), confidence level
    /// and interval method.
    public var bootstrap: BootstrapOptions
    /// The adjustment of each test's p-values over all pairs.
    public var adjustment: PValueAdjustment
    /// The seed of the generator.
    public var seed: UInt64

    /// Creates options.
    ///
    /// - Parameters:
    ///   - metrics: The metrics compared.
    ///   - tests: The tests to run.
    ///   - bootstrap: The resampling options.
    ///   - adjustment: The p-value adjustment.
    ///   - seed: The seed.
    public init(
      metrics: [ScoreMetric], tests: [Test] = Test.allCases,
      bootstrap: BootstrapOptions = BootstrapOptions(), adjustment: PValueAdjustment = .holm,
      seed: UInt64 = Xoshiro256StarStar.defaultSeed
    ) {
      self.metrics = metrics
      self.tests = tests
      self.bootstrap = bootstrap
      self.adjustment = adjustment
      self.seed = seed
    }
  }

  /// One model's score metrics with their intervals.
  public struct Model: Sendable {
    /// The model's name.
    public var name: String
    /// Every score metric's value, or why it has none.
    public var metrics: ScoreMetrics
    /// The bootstrap interval of each compared metric that is defined.
    public var intervals: [ScoreMetric: ConfidenceInterval]
    /// DeLong's interval for a binary model's ROC-AUC.
    public var delongInterval: ConfidenceInterval?
  }

  /// Two models compared on one metric: the second minus the first.
  public struct Pair: Sendable {
    /// The metric.
    public var metric: ScoreMetric
    /// The index of the first model (A).
    public var first: Int
    /// The index of the second model (B).
    public var second: Int
    /// B − A with its bootstrap interval; NaN when either is undefined.
    public var difference: ConfidenceInterval
    /// The paired bootstrap test's p-value, if run.
    public var bootstrapPValue: Double?
    /// The permutation test's p-value, if run.
    public var permutationPValue: Double?
    /// DeLong's test, for binary ROC-AUC when asked for.
    public var delong: DeLongTest?
    /// Each test's p-value adjusted over all pairs on the same metric.
    public var adjustedPValues: [Test: Double]

    /// The raw p-value of a test, if it was run.
    ///
    /// - Parameter test: The test.
    /// - Returns: Its two-sided p-value.
    public func pValue(of test: Test) -> Double? {
      switch test {
      case .permutation: permutationPValue
      case .bootstrap: bootstrapPValue
      case .delong: delong?.pValue
      }
    }
  }

  /// The number of items.
  public let itemCount: Int
  /// The options.
  public let options: Options
  /// Each model, in input order.
  public let models: [Model]
  /// Every pair (A, B) with A before B, all pairs on the first metric, then
  /// on the second, and so on.
  public let pairs: [Pair]

  /// Scores and compares models on the same items.
  ///
  /// - Parameters:
  ///   - models: Each model's scores; all binary with the same positives or
  ///     all multiclass with the same gold classes.
  ///   - names: A name for each model.
  ///   - options: The metrics, tests, resampling and seed.
  ///   - progress: Called as resampling advances, with the work done and
  ///     the total.
  /// - Throws: ``StatisticsError`` when the resampling options are invalid
  ///   or the models do not score the same items.
  /// - Complexity: O(*R* × *n*) per model and pair for the bootstrap, and
  ///   O(*R* × *n*) per pair for the permutation test of binary models
  ///   (O(*R* × *n* log *n*) for multiclass ones), for *R*
  ///   resamples of *n* items.
  public init(
    models: [ScoredModel], names: [String], options: Options,
    progress: ResamplingProgress? = nil
  ) throws(StatisticsError) {
    precondition(models.count == names.count && !models.isEmpty)
    try options.bootstrap.validate()
    let count = models[0].count
    for model in models.dropFirst() where !model.isPaired(with: models[0]) {
      throw .unpairedModels
    }
    let resamples = options.bootstrap.resamples
    let pairIndices = models.indices.flatMap { a in (a + 1..<models.count).map { (a, $0) } }
    let stepsPerPair = 1 + (options.tests.contains(.permutation) ? 1 : 0)
    let totalSteps = (models.count + pairIndices.count * stepsPerPair) * resamples
    var completed = 0
    let report: (Int) -> Void = { done in progress?(completed + done, totalSteps) }

    var generator = Xoshiro256StarStar(seed: options.seed)
    let bootstrap = ItemBootstrap(count: count)
    let metrics = options.metrics
    var results: [Model] = []
    for (model, name) in zip(models, names) {
      let values = Self.resampledValues(
        count: bootstrap.count, metrics: metrics, resamples: resamples, generator: &generator,
        report: report
      ) { metric, weights in model.value(of: metric, weights: weights) }
      completed += resamples
      var intervals: [ScoreMetric: ConfidenceInterval] = [:]
      for (index, metric) in metrics.enumerated() {
        guard let estimate = model.value(of: metric) else { continue }
        let distribution = BootstrapDistribution(values: values[index], estimate: estimate)
        let acceleration =
          options.bootstrap.method == .bca
          ? bootstrap.acceleration { model.value(of: metric, weights: $0) } : 0
        intervals[metric] = distribution.interval(
          method: options.bootstrap.method, confidence: options.bootstrap.confidence,
          acceleration: acceleration)
      }
      var delongInterval: ConfidenceInterval?
      if case .binary(let scores) = model {
        delongInterval = DeLongTest.interval(
          for: scores, confidence: options.bootstrap.confidence)
      }
      results.append(
        Model(
          name: name, metrics: model.metrics, intervals: intervals, delongInterval: delongInterval))
    }

    var byPair: [[Pair]] = []
    for (a, b) in pairIndices {
      let (first, second) = (models[a], models[b])
      func difference(_ metric: ScoreMetric, _ weights: UnsafeBufferPointer<Double>) -> Double {
        second.value(of: metric, weights: weights) - first.value(of: metric, weights: weights)
      }
      let values = Self.resampledValues(
        count: count, metrics: metrics, resamples: resamples, generator: &generator,
        report: report, statistic: difference)
      completed += resamples
      var permutationPValues: [Double?] = Array(repeating: nil, count: metrics.count)
      if options.tests.contains(.permutation) {
        permutationPValues = Self.permutationPValues(
          first, second, metrics: metrics, resamples: resamples, generator: &generator,
          report: report)
        completed += resamples
      }
      var delong: DeLongTest?
      if options.tests.contains(.delong), case .binary(let x) = first, case .binary(let y) = second
      {
        delong = DeLongTest(first: x, second: y)
      }
      byPair.append(
        metrics.enumerated().map { index, metric in
          let estimate = (second.value(of: metric) ?? .nan) - (first.value(of: metric) ?? .nan)
          let distribution = BootstrapDistribution(values: values[index], estimate: estimate)
          let acceleration =
            options.bootstrap.method == .bca && !estimate.isNaN
            ? bootstrap.acceleration { difference(metric, $0) } : 0
          return Pair(
            metric: metric, first: a, second: b,
            difference: distribution.interval(
              method: options.bootstrap.method, confidence: options.bootstrap.confidence,
              acceleration: acceleration),
            bootstrapPValue: options.tests.contains(.bootstrap)
              ? PairedComparison.shiftedPValue(distribution) : nil,
            permutationPValue: permutationPValues[index] ?? nil,
            delong: metric == .rocAUC ? delong : nil, adjustedPValues: [:])
        })
    }
    var pairs: [Pair] = []
    for index in metrics.indices {
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
    itemCount = count
    self.options = options
    self.models = results
    self.pairs = pairs
  }

  /// Each metric's statistic over bootstrap resamples of the items.
  private static func resampledValues(
    count: Int, metrics: [ScoreMetric], resamples: Int, generator: inout Xoshiro256StarStar,
    report: (Int) -> Void,
    statistic: (ScoreMetric, UnsafeBufferPointer<Double>) -> Double
  ) -> [[Double]] {
    var values = [[Double]](repeating: [], count: metrics.count)
    for index in values.indices { values[index].reserveCapacity(resamples) }
    var weights = [Double](repeating: 0, count: count)
    let bootstrap = ItemBootstrap(count: count)
    let stride = max(1, resamples / 100)
    for resample in 0..<resamples {
      weights.withUnsafeMutableBufferPointer { bootstrap.draw(into: $0, using: &generator) }
      weights.withUnsafeBufferPointer { weights in
        for (index, metric) in metrics.enumerated() {
          values[index].append(statistic(metric, weights))
        }
      }
      if (resample + 1) % stride == 0 || resample + 1 == resamples { report(resample + 1) }
    }
    return values
  }

  /// Each metric's permutation p-value: (r + 1) / (R + 1), where r counts
  /// defined permutations whose |difference| is at least the observed one.
  private static func permutationPValues(
    _ first: ScoredModel, _ second: ScoredModel, metrics: [ScoreMetric], resamples: Int,
    generator: inout Xoshiro256StarStar, report: (Int) -> Void
  ) -> [Double?] {
    let observed = metrics.map {
      (second.value(of: $0) ?? .nan) - (first.value(of: $0) ?? .nan)
    }
    var exceedances = [Int](repeating: 0, count: metrics.count)
    var defined = [Int](repeating: 0, count: metrics.count)
    var swaps = [Bool](repeating: false, count: first.count)
    let stride = max(1, resamples / 100)
    // Two binary models are sorted together once; each permutation is then
    // O(n) per metric. Multiclass models are sorted again per permutation.
    var exchangeable: ExchangeableBinaryScores?
    if case .binary(let a) = first, case .binary(let b) = second {
      let pair = ExchangeableBinaryScores(a, b)
      if pair.hasProbabilityTerms || !metrics.contains(where: \.needsProbabilities) {
        exchangeable = pair
      }
    }
    for resample in 0..<resamples {
      for item in swaps.indices { swaps[item] = generator.next() & 1 == 1 }
      var exchanged: (ScoredModel, ScoredModel)?
      if exchangeable == nil {
        guard let models = try? first.exchangingScores(with: second, where: swaps) else { break }
        exchanged = models
      }
      for (index, metric) in metrics.enumerated() {
        let pair: (Double?, Double?)
        if let exchangeable {
          pair = swaps.withUnsafeBufferPointer { exchangeable.values(of: metric, swaps: $0) }
        } else if let exchanged {
          pair = (exchanged.0.value(of: metric), exchanged.1.value(of: metric))
        } else {
          continue
        }
        guard let x = pair.0, let y = pair.1 else { continue }
        defined[index] += 1
        if PairedComparison.isAtLeast(abs(y - x), abs(observed[index])) {
          exceedances[index] += 1
        }
      }
      if (resample + 1) % stride == 0 || resample + 1 == resamples { report(resample + 1) }
    }
    return observed.indices.map { index in
      observed[index].isNaN
        ? nil : Double(exceedances[index] + 1) / Double(defined[index] + 1)
    }
  }
}
