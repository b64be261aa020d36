import F1Kit

/// Two multilabel models' predictions for the same items, counted as
/// distinct joint patterns (gold set, first set, second set, weight): the
/// sufficient statistics of every paired test between them.
///
/// The patterns are laid out for one ``MultilabelScope`` as two groups
/// each — group 2*j* is pattern *j* with the first model's set, group
/// 2*j* + 1 with the second's — so any resample or exchange of items is
/// two vectors of multiplicities over the same scope: the first model's
/// items, then the second's.
struct PairedLabelSets {
  /// One joint pattern: a gold set, the two models' sets and a weight,
  /// with the number of items that have them.
  struct Pattern: Equatable {
    var gold: LabelSet
    var first: LabelSet
    var second: LabelSet
    var weight: Double
    var count: Int

    /// The pattern's place in the canonical order.
    var key: LabelSetPatternKey { LabelSetPatternKey([gold, first, second], weight: weight) }
  }

  /// The distinct patterns, over the scope's label order, in
  /// ``LabelSetPatternKey`` order.
  let patterns: [Pattern]
  /// The item count of each joint pattern.
  let counts: [Int]
  /// Whether the two sets of each pattern differ.
  let differs: [Bool]
  /// Whether each pattern's first and second sets equal its gold set.
  let firstExact: [Bool]
  let secondExact: [Bool]
  /// The scope over the 2 × patterns groups.
  let scope: MultilabelScope

  /// Counts the joint patterns.
  ///
  /// - Parameters:
  ///   - gold: The gold set of each item.
  ///   - first: The first model's set of each item.
  ///   - second: The second model's set of each item.
  ///   - weights: One weight per item, or `nil`.
  ///   - mapping: The scope's index of each of the sets' label indices.
  ///   - labelCount: The number of labels.
  ///   - scope: The scope the models were scored with, whose evaluated
  ///     labels, zero-division rule and beta are kept.
  init(
    gold: [LabelSet], first: [LabelSet], second: [LabelSet], weights: [Double]?,
    mapping: [Int], labelCount: Int, scope base: MultilabelScope
  ) {
    struct Key: Hashable {
      var gold: LabelSet
      var first: LabelSet
      var second: LabelSet
      var weight: UInt64
    }
    var index: [Key: Int] = [:]
    var keys: [Key] = []
    var counts: [Int] = []
    for item in gold.indices {
      let key = Key(
        gold: gold[item], first: first[item], second: second[item],
        weight: (weights?[item] ?? 1).bitPattern)
      if let position = index[key] {
        counts[position] += 1
      } else {
        index[key] = keys.count
        keys.append(key)
        counts.append(1)
      }
    }
    let identity = mapping.indices.allSatisfy { mapping[$0] == $0 }
    func mapped(_ set: LabelSet) -> LabelSet { identity ? set : set.mapped(by: mapping) }
    self.init(
      patterns: zip(keys, counts).map { key, count in
        Pattern(
          gold: mapped(key.gold), first: mapped(key.first), second: mapped(key.second),
          weight: Double(bitPattern: key.weight), count: count)
      }, labelCount: labelCount, scope: base)
  }

  /// Lays out distinct patterns in canonical order, so that the same items
  /// give the same groups whatever order they came in.
  ///
  /// - Parameters:
  ///   - patterns: Distinct patterns over the scope's labels, in any order.
  ///   - labelCount: The number of labels.
  ///   - scope: The scope whose evaluated labels, zero-division rule and
  ///     beta are kept.
  init(patterns: [Pattern], labelCount: Int, scope base: MultilabelScope) {
    let patterns = LabelSetPatternKey.sortedPositions(patterns.map(\.key)).map { patterns[$0] }
    var groups: [MultilabelCounts.Group] = []
    groups.reserveCapacity(2 * patterns.count)
    for pattern in patterns {
      groups.append(
        .init(
          gold: pattern.gold, predicted: pattern.first, weight: pattern.weight,
          itemCount: pattern.count))
      groups.append(
        .init(gold: pattern.gold, predicted: pattern.second, weight: pattern.weight, itemCount: 0))
    }
    self.patterns = patterns
    counts = patterns.map(\.count)
    differs = patterns.map { $0.first != $0.second }
    firstExact = patterns.map { $0.first == $0.gold }
    secondExact = patterns.map { $0.second == $0.gold }
    scope = MultilabelScope(
      labelCount: labelCount, groups: groups, evaluatedLabelCount: base.evaluatedLabelCount,
      zeroDivision: base.zeroDivision, beta: base.beta)
  }

  /// The values of each metric for the first and the second model when
  /// pattern *j* counts `first[j]` items with the first model's set and
  /// `second[j]` with the second's, in each model's tallies.
  private struct Scorer {
    let scope: MultilabelScope
    var firstMultiplicities: [Double]
    var secondMultiplicities: [Double]
    var firstTallies: MultilabelTallies
    var secondTallies: MultilabelTallies

    init(scope: MultilabelScope) {
      self.scope = scope
      firstMultiplicities = Array(repeating: 0, count: scope.groupCount)
      secondMultiplicities = firstMultiplicities
      firstTallies = MultilabelTallies(evaluatedLabelCount: scope.evaluatedLabelCount)
      secondTallies = firstTallies
    }

    /// Sets pattern *j*: `kept` items keep their own sets, `exchanged`
    /// items have the two models' sets swapped.
    @inline(__always)
    mutating func set(pattern: Int, kept: Double, exchanged: Double) {
      firstMultiplicities[2 * pattern] = kept
      firstMultiplicities[2 * pattern + 1] = exchanged
      secondMultiplicities[2 * pattern] = exchanged
      secondMultiplicities[2 * pattern + 1] = kept
    }

    /// Tallies both models and writes second − first of each metric.
    mutating func differences(_ metrics: [MultilabelMetric], into values: inout [Double]) {
      firstMultiplicities.withUnsafeBufferPointer {
        scope.tally(into: &firstTallies, multiplicities: $0)
      }
      secondMultiplicities.withUnsafeBufferPointer {
        scope.tally(into: &secondTallies, multiplicities: $0)
      }
      for (index, metric) in metrics.enumerated() {
        values[index] =
          scope.value(of: metric, in: secondTallies) - scope.value(of: metric, in: firstTallies)
      }
    }
  }

  /// The observed second − first of each metric.
  func observedDifferences(_ metrics: [MultilabelMetric]) -> [Double] {
    var scorer = Scorer(scope: scope)
    for pattern in counts.indices {
      scorer.set(pattern: pattern, kept: Double(counts[pattern]), exchanged: 0)
    }
    var values = [Double](repeating: 0, count: metrics.count)
    scorer.differences(metrics, into: &values)
    return values
  }

  /// The paired bootstrap of each metric's difference: its interval,
  /// shifted p-value and, for unweighted items, the degrees of freedom of
  /// its squared standard error, which bracket the test-set size that
  /// would detect the difference.
  ///
  /// The degrees come from how the jackknife variance of the difference
  /// moves over the first ``degreesResamples`` resamples
  /// (``MarginReachability/standardErrorDegrees(resampledVariances:resamples:)``),
  /// not from the kurtosis of the observed leave-one-out values alone: a
  /// multilabel F1's denominators add up several labels per item, and how
  /// they move from one test set to another widens the standard error's
  /// spread by as much again as the kurtosis term (micro-F1 over three
  /// labels: the kurtosis alone held the needed size in 86–87% of
  /// simulated test sets, this 93–94%; docs/gate.md).
  func bootstrap(
    metrics: [MultilabelMetric], options: BootstrapOptions, isWeighted: Bool,
    progress: ResamplingProgress?, using generator: inout some RandomNumberGenerator
  ) -> [(interval: ConfidenceInterval, pValue: Double, standardErrorDegrees: Double?)] {
    let resampler = Resampler(cellCounts: counts, strategy: options.strategy)
    var draws = [Int](repeating: 0, count: resampler.counts.count)
    var scorer = Scorer(scope: scope)
    var values = [[Double]](repeating: [], count: metrics.count)
    for index in values.indices { values[index].reserveCapacity(options.resamples) }
    var differences = [Double](repeating: 0, count: metrics.count)
    // Sample weights make the standard error rest on more than the items'
    // leave-one-out values, as `ModelComparison` finds: no degrees.
    let degreesResamples = isWeighted ? 0 : min(options.resamples, Self.degreesResamples)
    var variances = [[Double]](repeating: [], count: metrics.count)
    var patternDraws = [Int](repeating: 0, count: counts.count)
    let reporter = ProgressReporter(progress, total: options.resamples)
    withResamplingGenerator(&generator) { generator in
      for resample in 0..<options.resamples {
        draws.withUnsafeMutableBufferPointer { resampler.draw(into: $0, using: &generator) }
        for (cell, pattern) in resampler.cellIndices.enumerated() {
          scorer.set(pattern: pattern, kept: Double(draws[cell]), exchanged: 0)
          patternDraws[pattern] = draws[cell]
        }
        scorer.differences(metrics, into: &differences)
        for index in metrics.indices { values[index].append(differences[index]) }
        if resample < degreesResamples {
          let jackknife = leaveOneItemOutDifferences(metrics, counts: patternDraws)
          for index in metrics.indices {
            variances[index].append(
              LeaveOneOutMoments(values: jackknife.values[index], weights: jackknife.weights)?
                .jackknifeVariance ?? .nan)
          }
        }
        reporter.report(resample + 1)
      }
    }
    let observed = observedDifferences(metrics)
    let method = options.method
    let leaveOneOut = method == .bca ? leaveOneItemOutDifferences(metrics, counts: counts) : nil
    return metrics.indices.map { index in
      let distribution = BootstrapDistribution(values: values[index], estimate: observed[index])
      let acceleration =
        leaveOneOut.map {
          BootstrapDistribution.acceleration(values: $0.values[index], weights: $0.weights)
        } ?? 0
      return (
        distribution.interval(
          method: method, confidence: options.confidence, acceleration: acceleration),
        PairedComparison.shiftedPValue(distribution),
        MarginReachability.standardErrorDegrees(
          resampledVariances: variances[index], resamples: options.resamples)
      )
    }
  }

  /// The resamples whose jackknife variances give the standard error's
  /// degrees of freedom: each costs about one resample per pattern drawn,
  /// and 200 put the degrees within about 10% of their limit.
  static let degreesResamples = 200

  /// Each metric's difference with one item of each pattern that has
  /// items left out, one value per such pattern, weighted by the
  /// pattern's item count; each leave-one-out total is the full total
  /// minus that item.
  ///
  /// - Parameters:
  ///   - metrics: The metrics.
  ///   - counts: Each pattern's item count: the observed counts or a
  ///     resample's.
  /// - Returns: The values of each metric and their weights.
  /// - Complexity: O(*g* · (*s* + *m* · *k*)) for *g* patterns.
  private func leaveOneItemOutDifferences(_ metrics: [MultilabelMetric], counts: [Int])
    -> (values: [[Double]], weights: [Int])
  {
    var first = [Double](repeating: 0, count: scope.groupCount)
    var second = first
    for pattern in counts.indices {
      first[2 * pattern] = Double(counts[pattern])
      second[2 * pattern + 1] = Double(counts[pattern])
    }
    var firstTotal = MultilabelTallies(evaluatedLabelCount: scope.evaluatedLabelCount)
    var secondTotal = firstTotal
    first.withUnsafeBufferPointer { scope.tally(into: &firstTotal, multiplicities: $0) }
    second.withUnsafeBufferPointer { scope.tally(into: &secondTotal, multiplicities: $0) }
    var firstTallies = firstTotal
    var secondTallies = secondTotal
    var leaveOneOut = [[Double]](repeating: [], count: metrics.count)
    for index in leaveOneOut.indices { leaveOneOut[index].reserveCapacity(counts.count) }
    var weights: [Int] = []
    weights.reserveCapacity(counts.count)
    for pattern in counts.indices where counts[pattern] > 0 {
      scope.leavingOutOneItem(ofGroup: 2 * pattern, from: firstTotal, into: &firstTallies)
      scope.leavingOutOneItem(ofGroup: 2 * pattern + 1, from: secondTotal, into: &secondTallies)
      for (index, metric) in metrics.enumerated() {
        leaveOneOut[index].append(
          scope.value(of: metric, in: secondTallies) - scope.value(of: metric, in: firstTallies))
      }
      weights.append(counts[pattern])
    }
    return (leaveOneOut, weights)
  }

  /// Approximate randomization: each permutation exchanges the two sets of
  /// a Binomial(count, ½) number of each pattern's items. The p-value is
  /// (r + 1) / (R′ + 1), where r counts permutations whose |difference| is
  /// at least the observed one and R′ those whose difference is defined.
  func permutationTest(
    metrics: [MultilabelMetric], resamples: Int, progress: ResamplingProgress?,
    using generator: inout some RandomNumberGenerator
  ) -> [(pValue: Double, undefined: Int)] {
    let observed = observedDifferences(metrics)
    var scorer = Scorer(scope: scope)
    for pattern in counts.indices {
      scorer.set(pattern: pattern, kept: Double(counts[pattern]), exchanged: 0)
    }
    let swappable = counts.indices.filter { differs[$0] }
    var exceedances = [Int](repeating: 0, count: metrics.count)
    var undefined = [Int](repeating: 0, count: metrics.count)
    var differences = [Double](repeating: 0, count: metrics.count)
    let reporter = ProgressReporter(progress, total: resamples)
    withResamplingGenerator(&generator) { generator in
      for resample in 0..<resamples {
        for pattern in swappable {
          let count = counts[pattern]
          let exchanged = BinomialSampler.sampleHalf(trials: count, using: &generator)
          scorer.set(
            pattern: pattern, kept: Double(count - exchanged), exchanged: Double(exchanged))
        }
        scorer.differences(metrics, into: &differences)
        for index in metrics.indices {
          if differences[index].isNaN {
            undefined[index] += 1
          } else if PairedComparison.isAtLeast(abs(differences[index]), abs(observed[index])) {
            exceedances[index] += 1
          }
        }
        reporter.report(resample + 1)
      }
    }
    return metrics.indices.map { index in
      let defined = resamples - undefined[index]
      let pValue =
        observed[index].isNaN ? .nan : Double(exceedances[index] + 1) / Double(defined + 1)
      return (pValue, undefined[index])
    }
  }

  /// McNemar's test on exact matches: the items only the first model
  /// predicts exactly, and those only the second does.
  func mcnemar(method: McNemarTest.Method) -> McNemarTest {
    var firstOnly = 0
    var secondOnly = 0
    for pattern in counts.indices {
      if firstExact[pattern] && !secondExact[pattern] { firstOnly += counts[pattern] }
      if secondExact[pattern] && !firstExact[pattern] { secondOnly += counts[pattern] }
    }
    return McNemarTest(firstOnlyCorrect: firstOnly, secondOnlyCorrect: secondOnly, method: method)
  }
}
