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
/// half of the items: their ranks for the ranking metrics (ROC-AUC and
/// average precision in all their averages; each model's scores, for
/// multiclass models each class's column, replaced by their ranks, ties
/// sharing their mean rank), and their probabilities for log loss, Brier
/// score and ECE. The ranking metrics read only each model's order, and
/// ranks put two models whose scores are on different scales
/// (probabilities against logits, say) on one, so the permutation null
/// stays valid ([Venkatraman and Begg,
/// 1996](https://doi.org/10.1093/biomet/83.4.835)); exchanging raw scores
/// on different scales mixes the scales and miscalibrates the p-values.
/// Both models' ranks (for multiclass models, each class's two columns)
/// are sorted together once (`ExchangeableBinaryScores`,
/// `ExchangeableMulticlassScores`), so a permutation is one O(*n*) pass
/// per column with exactly the values a fresh sort would give.
///
/// ## Randomness
///
/// Resamples run in blocks of 64 on every core (`ResampleBlocks`). Each
/// block has its own ``Xoshiro256StarStar``, seeded from
/// ``ScoreComparison/Options/seed``, a stream number and the block's index,
/// so the results depend on the seed alone, never on the number of cores.
/// Stream 0 draws the bootstrap resamples, shared by every model and every
/// pair: each model's interval and each pair's difference are scored on the
/// same draws, as a paired bootstrap should be. Stream 1 draws every pair's
/// permutations, so a pair's p-value does not depend on its position. Every
/// metric of a step is scored on the same draws. The draws follow the
/// items' order, which the command line makes the order of the items' ids
/// (`ItemIdentifiers.positionsInByteOrder()`), so that swapping two files
/// gives the mirror image of every difference and the same p-values.
public struct ScoreComparison: Sendable {
  /// A paired test on score metrics.
  public enum Test: String, CaseIterable, Hashable, Sendable, Codable {
    /// Exchange each item's two scores (or score rows) at random: ranks for
    /// the ranking metrics, probabilities for the others.
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
  /// - Complexity: O(*R* × *n*) per model for the bootstrap (one draw of
  ///   *n* items per resample, shared by every model and pair), and
  ///   O(*R* × *K* × *n*) per pair for the permutation test (*K* = 1 for
  ///   binary models; *K*² *n* for one-vs-one ROC-AUC), for *R* resamples
  ///   of *n* items and *K* classes, without sorting again; divided among
  ///   the cores.
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
    let permutes = options.tests.contains(.permutation)
    let totalSteps = resamples * (1 + (permutes ? pairIndices.count : 0))
    var completed = 0
    let report: (Int) -> Void = { done in progress?(completed + done, totalSteps) }
    let metrics = options.metrics
    let bootstrap = ItemBootstrap(count: count)
    let isBCa = options.bootstrap.method == .bca

    // One set of draws for every model: value (model, metric) of each
    // resample, from which each pair's differences follow.
    // Binary ranking metrics sweep the whole-number counts; any other
    // metric gets them as `Double` weights.
    let resampled = models.map(ResampledModel.init)
    let needsWeights = resampled.contains { model in
      metrics.contains { !model.takesCounts($0) }
    }
    let values = ResampleBlocks(seed: options.seed, stream: 0, resamples: resamples).run(
      width: models.count * metrics.count, report: report
    ) { range, generator, store in
      // 16-bit counts; a resample whose counter wraps is drawn again, from
      // the same generator state, into 32-bit ones.
      let counts = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: count)
      let wideCounts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: count)
      let weights = UnsafeMutableBufferPointer<Double>.allocate(capacity: needsWeights ? count : 0)
      defer {
        counts.deallocate()
        wideCounts.deallocate()
        weights.deallocate()
      }
      for resample in range {
        let start = generator
        let isNarrow = bootstrap.draw(into: counts, using: &generator)
        if !isNarrow {
          generator = start
          bootstrap.draw(into: wideCounts, using: &generator)
        }
        if needsWeights {
          for item in 0..<count {
            weights[item] = isNarrow ? Double(counts[item]) : Double(wideCounts[item])
          }
        }
        for (index, model) in resampled.enumerated() {
          for (position, metric) in metrics.enumerated() {
            let value =
              if !model.takesCounts(metric) {
                model.value(of: metric, weights: UnsafeBufferPointer(weights))
              } else if isNarrow {
                model.value(of: metric, counts: UnsafeBufferPointer(counts))
              } else {
                model.value(of: metric, counts: UnsafeBufferPointer(wideCounts))
              }
            store.store(value, index: index * metrics.count + position, resample: resample)
          }
        }
      }
    }
    completed += resamples
    func resampledValues(model: Int, metric position: Int) -> ArraySlice<Double> {
      let start = (model * metrics.count + position) * resamples
      return values[start..<(start + resamples)]
    }

    var leaveOneOut: [[[Double]?]] = []
    var results: [Model] = []
    for (index, (model, name)) in zip(models, names).enumerated() {
      leaveOneOut.append(
        metrics.map { metric in
          guard isBCa, case .binary(let scores) = model else { return nil }
          return scores.leaveOneOutValues(of: metric)
        })
      var intervals: [ScoreMetric: ConfidenceInterval] = [:]
      for (position, metric) in metrics.enumerated() {
        guard let estimate = model.value(of: metric) else { continue }
        let distribution = BootstrapDistribution(
          values: resampledValues(model: index, metric: position), estimate: estimate)
        var acceleration = 0.0
        if let values = leaveOneOut[index][position] {
          acceleration = ItemBootstrap.acceleration(leaveOneOut: values)
        } else if isBCa {
          acceleration = bootstrap.acceleration { model.value(of: metric, weights: $0) }
        }
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
      var permutationPValues: [Double?] = Array(repeating: nil, count: metrics.count)
      if permutes {
        permutationPValues = Self.permutationPValues(
          first, second, metrics: metrics,
          blocks: ResampleBlocks(
            seed: options.seed, stream: 1, resamples: resamples),
          report: report)
        completed += resamples
      }
      var delong: DeLongTest?
      if options.tests.contains(.delong), case .binary(let x) = first, case .binary(let y) = second
      {
        delong = DeLongTest(first: x, second: y)
      }
      byPair.append(
        metrics.enumerated().map { position, metric in
          let estimate = (second.value(of: metric) ?? .nan) - (first.value(of: metric) ?? .nan)
          let differences = zip(
            resampledValues(model: a, metric: position),
            resampledValues(model: b, metric: position)
          ).map { $1 - $0 }
          // The interval is worked out on the differences of one sign
          // convention, the same whichever model is first, and mirrored
          // back: swapping the models then negates it to the last bit.
          let sign = Self.orientation(estimate: estimate, differences: differences)
          let distribution = BootstrapDistribution(
            values: sign < 0 ? differences.map { -$0 } : differences, estimate: sign * estimate)
          var acceleration = 0.0
          if isBCa, !estimate.isNaN {
            if let x = leaveOneOut[a][position], let y = leaveOneOut[b][position] {
              acceleration = ItemBootstrap.acceleration(
                leaveOneOut: zip(x, y).map { sign * ($1 - $0) })
            } else {
              acceleration = bootstrap.acceleration { sign * difference(metric, $0) }
            }
          }
          let interval = distribution.interval(
            method: options.bootstrap.method, confidence: options.bootstrap.confidence,
            acceleration: acceleration)
          return Pair(
            metric: metric, first: a, second: b,
            difference: sign < 0 ? interval.mirrored : interval,
            bootstrapPValue: options.tests.contains(.bootstrap)
              ? PairedComparison.shiftedPValue(distribution) : nil,
            permutationPValue: permutationPValues[position] ?? nil,
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

  /// The sign that puts a pair's differences in the one orientation both
  /// orders of the two models share: +1 when the observed difference is
  /// positive, or is zero and the first non-zero resampled difference is
  /// positive; −1 otherwise. The differences of the swapped pair are the
  /// exact negatives of these, so they get the opposite sign and the same
  /// oriented values.
  ///
  /// - Parameters:
  ///   - estimate: The observed difference, second minus first.
  ///   - differences: The resampled differences, in resample order.
  /// - Returns: +1 or −1.
  static func orientation(estimate: Double, differences: [Double]) -> Double {
    let leading =
      estimate != 0 && !estimate.isNaN
      ? estimate : differences.first { $0 != 0 && !$0.isNaN } ?? 0
    return leading < 0 ? -1 : 1
  }

  /// Each metric's permutation p-value: (r + 1) / (R + 1), where r counts
  /// defined permutations whose |difference| is at least the observed one.
  private static func permutationPValues(
    _ first: ScoredModel, _ second: ScoredModel, metrics: [ScoreMetric], blocks: ResampleBlocks,
    report: (Int) -> Void
  ) -> [Double?] {
    let observed = metrics.map {
      (second.value(of: $0) ?? .nan) - (first.value(of: $0) ?? .nan)
    }
    let count = first.count
    let exchange = PermutationExchange(first, second, metrics: metrics)
    // |difference| of each metric after each permutation; NaN if undefined.
    let differences = blocks.run(width: metrics.count, report: report) {
      range, generator, store in
      var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
      for resample in range {
        for word in bits.indices { bits[word] = generator.next() }
        for (position, pair) in exchange.values(of: metrics, swapBits: bits).enumerated() {
          guard let x = pair.0, let y = pair.1 else { continue }
          store.store(abs(y - x), index: position, resample: resample)
        }
      }
    }
    return observed.indices.map { position in
      guard !observed[position].isNaN else { return nil }
      var exceedances = 0
      var defined = 0
      let row = differences[(position * blocks.resamples)..<((position + 1) * blocks.resamples)]
      for value in row where !value.isNaN {
        defined += 1
        if PairedComparison.isAtLeast(value, abs(observed[position])) { exceedances += 1 }
      }
      return Double(exceedances + 1) / Double(defined + 1)
    }
  }
}

/// One model prepared for bootstrap resampling: a binary model's ranking is
/// packed (`PackedBinaryRanking`) so the ranking metrics sweep one array.
private struct ResampledModel: Sendable {
  let model: ScoredModel
  let packed: PackedBinaryRanking?

  init(_ model: ScoredModel) {
    self.model = model
    if case .binary(let scores) = model {
      packed = PackedBinaryRanking(scores)
    } else {
      packed = nil
    }
  }

  /// Whether a metric is worked out from whole-number counts
  /// (``value(of:counts:)``): a binary ranking metric, with few enough items
  /// for the integer sums to be exact.
  func takesCounts(_ metric: ScoreMetric) -> Bool {
    guard let packed, packed.allowsCounts else { return false }
    return metric == .rocAUC || metric == .averagePrecision
  }

  /// One ranking metric's value with counted items; NaN when undefined.
  @inline(__always)
  func value(of metric: ScoreMetric, counts: UnsafeBufferPointer<UInt32>) -> Double {
    packed?.value(of: metric, counts: counts) ?? .nan
  }

  /// One ranking metric's value with items counted in 16 bits; NaN when
  /// undefined.
  @inline(__always)
  func value(of metric: ScoreMetric, counts: UnsafeBufferPointer<UInt16>) -> Double {
    packed?.value(of: metric, counts: counts) ?? .nan
  }

  /// One metric's value with weighted items; NaN when undefined.
  @inline(__always)
  func value(of metric: ScoreMetric, weights: UnsafeBufferPointer<Double>) -> Double {
    if let packed, metric == .rocAUC || metric == .averagePrecision {
      return packed.value(of: metric, weights: weights) ?? .nan
    }
    return model.value(of: metric, weights: weights)
  }
}

/// Two models prepared for permutations: sorted together once when they
/// allow it, otherwise exchanged and sorted again each time.
///
/// The ranking metrics (``ScoreMetric/isRankBased``) exchange the models'
/// ranks and the others their scores, both with the same swap bits.
private struct PermutationExchange: Sendable {
  private enum Kind {
    case binary(ExchangeableBinaryScores)
    case multiclass(ExchangeableMulticlassScores)
    /// The two models, and the two ranked models (`ScoredModel/ranked()`).
    case sortingAgain(ScoredModel, ScoredModel, ranked: (ScoredModel, ScoredModel))
  }
  private let kind: Kind

  init(_ first: ScoredModel, _ second: ScoredModel, metrics: [ScoreMetric]) {
    let needsProbabilities = metrics.contains(where: \.needsProbabilities)
    switch (first, second) {
    case (.binary(let a), .binary(let b)):
      if let pair = ExchangeableBinaryScores(a, b),
        pair.hasProbabilityTerms || !needsProbabilities
      {
        kind = .binary(pair)
        return
      }
    case (.multiclass(let a), .multiclass(let b)):
      if let pair = ExchangeableMulticlassScores(a, b),
        pair.hasProbabilityTerms || !needsProbabilities
      {
        kind = .multiclass(pair)
        return
      }
    default:
      break
    }
    kind = .sortingAgain(first, second, ranked: (first.ranked(), second.ranked()))
  }

  /// Each metric's values for both models after exchanging the items whose
  /// bit is set.
  func values(of metrics: [ScoreMetric], swapBits bits: [UInt64]) -> [(Double?, Double?)] {
    switch kind {
    case .binary(let pair):
      return bits.withUnsafeBufferPointer { bits in
        metrics.map { pair.values(of: $0, swapBits: bits) }
      }
    case .multiclass(let pair):
      return bits.withUnsafeBufferPointer { bits in
        metrics.map { pair.values(of: $0, swapBits: bits) }
      }
    case .sortingAgain(let first, let second, let ranked):
      let swaps = (0..<first.count).map { (bits[$0 >> 6] >> UInt64($0 & 63)) & 1 == 1 }
      // Only the exchanges some metric reads. One-vs-one ROC-AUC is
      // undefined for rank rows, so it has no p-value on this path (taken
      // by multiclass models only past 2^29 − 1 items).
      let scores =
        metrics.allSatisfy(\.isRankBased)
        ? nil : try? first.exchangingScores(with: second, where: swaps)
      let ranks =
        metrics.contains(where: \.isRankBased)
        ? try? ranked.0.exchangingScores(with: ranked.1, where: swaps) : nil
      return metrics.map { metric in
        guard let (x, y) = metric.isRankBased ? ranks : scores else { return (nil, nil) }
        return (x.value(of: metric), y.value(of: metric))
      }
    }
  }
}
