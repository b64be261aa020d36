import F1Kit
import F1KitStatistics
import Foundation
import Testing

/// Multilabel data drawn from a known process: each of four labels is in
/// an item's gold set with its own probability, and each model flips each
/// label with its own error rate.
private struct MultilabelProcess {
  var goldRates = [0.5, 0.3, 0.15, 0.05]
  var firstErrors = [0.2, 0.2, 0.2, 0.2]
  var secondErrors = [0.1, 0.15, 0.2, 0.25]

  static func unit(_ generator: inout Xoshiro256StarStar) -> Double {
    Double(generator.next() >> 11) * 0x1p-53
  }

  func draw(items: Int, using generator: inout Xoshiro256StarStar)
    -> (gold: [LabelSet], first: [LabelSet], second: [LabelSet])
  {
    var gold: [LabelSet] = []
    var first: [LabelSet] = []
    var second: [LabelSet] = []
    for _ in 0..<items {
      var g = LabelSet()
      var a = LabelSet()
      var b = LabelSet()
      for label in goldRates.indices {
        let isGold = Self.unit(&generator) < goldRates[label]
        if isGold { g.insert(label) }
        if isGold != (Self.unit(&generator) < firstErrors[label]) { a.insert(label) }
        if isGold != (Self.unit(&generator) < secondErrors[label]) { b.insert(label) }
      }
      gold.append(g)
      first.append(a)
      second.append(b)
    }
    return (gold, first, second)
  }
}

private let labelNames = ["a", "b", "c", "d"]

/// Metrics of label sets computed from scratch, item by item, through the
/// public `MultilabelCounts` and `MultilabelMetrics`.
private func bruteForceMetrics(gold: [LabelSet], predicted: [LabelSet]) throws
  -> MultilabelMetrics
{
  var counts = MultilabelCounts(labels: labelNames)
  for (g, p) in zip(gold, predicted) { counts.add(gold: g, predicted: p) }
  return try MultilabelMetrics(counts: counts)
}

private func bruteForceValue(
  _ metric: MultilabelMetric, gold: [LabelSet], predicted: [LabelSet]
) throws -> Double {
  try bruteForceMetrics(gold: gold, predicted: predicted).value(of: metric)
}

@Suite("Multilabel comparisons: intervals and paired tests over items")
struct MultilabelComparisonTests {
  @Test("model values equal MultilabelMetrics; B − A is the difference of the values")
  func estimates() throws {
    var generator = Xoshiro256StarStar(seed: 5)
    let data = MultilabelProcess().draw(items: 400, using: &generator)
    let metrics: [MultilabelMetric] = [
      .samplesF1, .microF1, .macroF1, .hammingLoss, .jaccardSamples,
    ]
    let comparison = try MultilabelComparison(
      gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
      names: ["A", "B"],
      options: .init(metrics: metrics, bootstrap: BootstrapOptions(resamples: 200)))
    for metric in metrics {
      let a = try bruteForceValue(metric, gold: data.gold, predicted: data.first)
      let b = try bruteForceValue(metric, gold: data.gold, predicted: data.second)
      #expect(abs(comparison.models[0].value(of: metric) - a) < 1e-12)
      #expect(abs(comparison.models[1].value(of: metric) - b) < 1e-12)
      let pair = try #require(comparison.pairs(on: metric).first)
      #expect(abs(pair.difference.estimate - (b - a)) < 1e-12)
      #expect(pair.difference.lower <= pair.difference.estimate)
      #expect(pair.difference.estimate <= pair.difference.upper)
    }
  }

  @Test("a seed reproduces every number; another seed changes the intervals")
  func reproducible() throws {
    var generator = Xoshiro256StarStar(seed: 9)
    let data = MultilabelProcess().draw(items: 200, using: &generator)
    func run(_ seed: UInt64) throws -> MultilabelComparison {
      try MultilabelComparison(
        gold: data.gold, predictions: [data.first, data.second, data.first], labels: labelNames,
        names: ["A", "B", "C"],
        options: .init(metrics: [.microF1], bootstrap: BootstrapOptions(resamples: 300), seed: seed)
      )
    }
    let first = try run(1)
    let again = try run(1)
    let other = try run(2)
    #expect(first.pairs == again.pairs)
    #expect(first.models.map(\.intervals) == again.models.map(\.intervals))
    #expect(first.pairs[0].difference != other.pairs[0].difference)
    // Three models: every pair, Holm-adjusted p-values not below the raw ones.
    #expect(first.pairs.count == 3)
    for pair in first.pairs {
      let raw = try #require(pair.pValue(of: .permutation))
      let adjusted = try #require(pair.adjustedPValues[.permutation])
      #expect(adjusted >= raw)
    }
    // A model compared with itself: difference 0, p = 1.
    let same = try #require(first.pairs.first { $0.first == 0 && $0.second == 2 })
    #expect(same.difference.estimate == 0)
    #expect(same.permutationPValue == 1)
  }

  @Test("the paired bootstrap agrees with a brute-force item bootstrap")
  func bruteForceBootstrap() throws {
    var generator = Xoshiro256StarStar(seed: 21)
    let data = MultilabelProcess().draw(items: 120, using: &generator)
    let metrics: [MultilabelMetric] = [.samplesF1, .macroF1, .microF1]
    let resamples = 2_000
    let comparison = try MultilabelComparison(
      gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
      names: ["A", "B"],
      options: .init(
        metrics: metrics, tests: [.bootstrap],
        bootstrap: BootstrapOptions(resamples: resamples, method: .percentile), seed: 4))
    // Brute force: draw 120 item indices with replacement, rebuild both
    // models' label lists and score them from scratch.
    var draws = Xoshiro256StarStar(seed: 1234)
    var values = [[Double]](repeating: [], count: metrics.count)
    for _ in 0..<resamples {
      var gold: [LabelSet] = []
      var first: [LabelSet] = []
      var second: [LabelSet] = []
      for _ in 0..<data.gold.count {
        let item = Int(draws.next(upperBound: UInt64(data.gold.count)))
        gold.append(data.gold[item])
        first.append(data.first[item])
        second.append(data.second[item])
      }
      let a = try bruteForceMetrics(gold: gold, predicted: first)
      let b = try bruteForceMetrics(gold: gold, predicted: second)
      for (index, metric) in metrics.enumerated() {
        values[index].append(b.value(of: metric) - a.value(of: metric))
      }
    }
    for (index, metric) in metrics.enumerated() {
      let sorted = values[index].sorted()
      let mean = sorted.reduce(0, +) / Double(resamples)
      let sd = (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(resamples - 1))
        .squareRoot()
      let pair = try #require(comparison.pairs(on: metric).first)
      // Monte Carlo error of a standard error from 2,000 resamples is
      // about 1.6%, of a 2.5% quantile about 0.12 sd.
      #expect(abs(pair.difference.standardError - sd) / sd < 0.08, "\(metric)")
      let low = sorted[Int(0.025 * Double(resamples))]
      let high = sorted[Int(0.975 * Double(resamples)) - 1]
      #expect(abs(pair.difference.lower - low) < 0.3 * sd, "\(metric)")
      #expect(abs(pair.difference.upper - high) < 0.3 * sd, "\(metric)")
    }
  }

  @Test("the permutation p-value agrees with exact enumeration of every swap")
  func exactPermutation() throws {
    var generator = Xoshiro256StarStar(seed: 77)
    var process = MultilabelProcess()
    process.secondErrors = [0.05, 0.1, 0.1, 0.3]
    let data = process.draw(items: 14, using: &generator)
    let metric = MultilabelMetric.samplesF1
    let observed =
      try bruteForceValue(metric, gold: data.gold, predicted: data.second)
      - bruteForceValue(metric, gold: data.gold, predicted: data.first)
    var atLeast = 0
    let n = data.gold.count
    for mask in 0..<(1 << n) {
      var first = data.first
      var second = data.second
      for item in 0..<n where mask & (1 << item) != 0 { swap(&first[item], &second[item]) }
      let delta =
        try bruteForceValue(metric, gold: data.gold, predicted: second)
        - bruteForceValue(metric, gold: data.gold, predicted: first)
      if abs(delta) >= abs(observed) - 1e-12 { atLeast += 1 }
    }
    let exact = Double(atLeast) / Double(1 << n)
    let comparison = try MultilabelComparison(
      gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
      names: ["A", "B"],
      options: .init(
        metrics: [metric], tests: [.permutation],
        bootstrap: BootstrapOptions(resamples: 20_000, method: .percentile), seed: 8))
    let p = try #require(comparison.pairs[0].permutationPValue)
    // The standard error of a p-value near 0.3 from 20,000 permutations
    // is about 0.003.
    #expect(abs(p - exact) < 0.015, "exact \(exact), approximate \(p)")
  }

  @Test("coverage of 95% intervals and the size of the permutation test, by simulation")
  func coverageAndSize() throws {
    // The true values come from one very large sample of the process.
    var population = Xoshiro256StarStar(seed: 1)
    let process = MultilabelProcess()
    let big = process.draw(items: 50_000, using: &population)
    let metrics: [MultilabelMetric] = [.samplesF1, .microF1]
    let truth = try metrics.map { metric in
      try bruteForceValue(metric, gold: big.gold, predicted: big.first)
    }
    let truthDifference = try metrics.map { metric in
      try bruteForceValue(metric, gold: big.gold, predicted: big.second)
        - bruteForceValue(metric, gold: big.gold, predicted: big.first)
    }
    var sampler = Xoshiro256StarStar(seed: 2)
    let simulations = 100
    var covered = [Int](repeating: 0, count: metrics.count)
    var coveredDifference = [Int](repeating: 0, count: metrics.count)
    var rejections = 0
    var detected = 0
    for simulation in 0..<simulations {
      let data = process.draw(items: 200, using: &sampler)
      let comparison = try MultilabelComparison(
        gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
        names: ["A", "B"],
        options: .init(
          metrics: metrics, tests: [.bootstrap],
          bootstrap: BootstrapOptions(resamples: 199), seed: UInt64(simulation)))
      if try #require(comparison.pairs(on: .samplesF1)[0].bootstrapPValue) < 0.05 { detected += 1 }
      for index in metrics.indices {
        if comparison.models[0].intervals[metrics[index]]!.contains(truth[index]) {
          covered[index] += 1
        }
        if comparison.pairs(on: metrics[index])[0].difference.contains(truthDifference[index]) {
          coveredDifference[index] += 1
        }
      }
      // Size: two models with the same error process on the same gold sets.
      var errors = Xoshiro256StarStar(seed: UInt64(5_000 + simulation))
      let flip = { (gold: LabelSet, generator: inout Xoshiro256StarStar) -> LabelSet in
        var result = LabelSet()
        for label in 0..<4
        where gold.contains(label) != (MultilabelProcess.unit(&generator) < 0.2) {
          result.insert(label)
        }
        return result
      }
      let first = data.gold.map { flip($0, &errors) }
      let second = data.gold.map { flip($0, &errors) }
      let nullComparison = try MultilabelComparison(
        gold: data.gold, predictions: [first, second], labels: labelNames, names: ["A", "B"],
        options: .init(
          metrics: [.samplesF1], tests: [.permutation],
          bootstrap: BootstrapOptions(resamples: 99, method: .percentile),
          seed: UInt64(simulation)))
      if try #require(nullComparison.pairs[0].permutationPValue) < 0.05 { rejections += 1 }
    }
    // With 100 simulations, the binomial 99% range of a true 95% coverage
    // is about [0.89, 1]; of a true 5% size about [0, 0.11]. The truth
    // comes from 50,000 items, whose own error is below 0.003.
    for index in metrics.indices {
      let coverage = Double(covered[index]) / Double(simulations)
      let differenceCoverage = Double(coveredDifference[index]) / Double(simulations)
      #expect(coverage >= 0.88 && coverage <= 0.995, "\(metrics[index]): \(coverage)")
      #expect(
        differenceCoverage >= 0.88 && differenceCoverage <= 0.995,
        "\(metrics[index]) difference: \(differenceCoverage)")
    }
    let size = Double(rejections) / Double(simulations)
    #expect(size <= 0.11, "size \(size)")
    // The two processes do differ, and the paired bootstrap sees it often.
    let power = Double(detected) / Double(simulations)
    #expect(truthDifference[0] > 0.03)
    #expect(power >= 0.2 && power > size, "power \(power), true difference \(truthDifference[0])")
  }

  @Test("McNemar's test counts the items only one model predicts exactly")
  func mcnemarOnExactMatches() throws {
    let gold = [LabelSet([0]), LabelSet([0, 1]), LabelSet([1]), LabelSet(), LabelSet([2])]
    let first = [LabelSet([0]), LabelSet([0]), LabelSet([1]), LabelSet([1]), LabelSet([2])]
    let second = [LabelSet([0]), LabelSet([0, 1]), LabelSet(), LabelSet(), LabelSet([1])]
    let comparison = try MultilabelComparison(
      gold: gold, predictions: [first, second], labels: ["x", "y", "z"], names: ["A", "B"],
      options: .init(metrics: [.subsetAccuracy], bootstrap: BootstrapOptions(resamples: 50)))
    let test = try #require(comparison.pairs[0].mcnemar)
    // A alone exact: items 3 and 5; B alone exact: items 2 and 4.
    #expect(test.firstOnlyCorrect == 2)
    #expect(test.secondOnlyCorrect == 2)
  }

  @Test(
    "weights are carried: doubling every weight changes nothing, one heavy item moves the value")
  func weights() throws {
    var generator = Xoshiro256StarStar(seed: 3)
    let data = MultilabelProcess().draw(items: 150, using: &generator)
    func run(_ weights: [Double]?) throws -> MultilabelComparison {
      try MultilabelComparison(
        gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
        weights: weights, names: ["A", "B"],
        options: .init(
          metrics: [.samplesF1], tests: [.permutation, .bootstrap],
          bootstrap: BootstrapOptions(resamples: 300), seed: 6))
    }
    let plain = try run(nil)
    let doubled = try run(Array(repeating: 2, count: 150))
    #expect(doubled.isWeighted)
    #expect(
      abs(plain.pairs[0].difference.estimate - doubled.pairs[0].difference.estimate) < 1e-12)
    #expect(abs(plain.pairs[0].difference.lower - doubled.pairs[0].difference.lower) < 1e-12)
    var heavy = Array(repeating: 1.0, count: 150)
    heavy[0] = 50
    let weighted = try run(heavy)
    #expect(weighted.models[0].value(of: .samplesF1) != plain.models[0].value(of: .samplesF1))
  }
}

/// The needed test-set size of a multilabel pair, bracketed from the
/// difference's leave-one-item-out values as a single-label pair's is.
@Suite("Multilabel comparisons: the range around the size that would detect a difference")
struct MultilabelDetectionSizeTests {
  /// Two equally good models, so that the pair is not significant and its
  /// verdict gives a needed size.
  private static func data(items: Int, seed: UInt64)
    -> (gold: [LabelSet], first: [LabelSet], second: [LabelSet])
  {
    var generator = Xoshiro256StarStar(seed: seed)
    let process = MultilabelProcess(
      firstErrors: [0.2, 0.2, 0.2, 0.2], secondErrors: [0.2, 0.2, 0.2, 0.2])
    return process.draw(items: items, using: &generator)
  }

  private static func comparison(
    _ data: (gold: [LabelSet], first: [LabelSet], second: [LabelSet]),
    metric: MultilabelMetric = .microF1, resamples: Int = 299,
    method: IntervalMethod = .percentile
  ) throws -> MultilabelComparison {
    try MultilabelComparison(
      gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
      names: ["A", "B"],
      options: .init(
        metrics: [metric], bootstrap: BootstrapOptions(resamples: resamples, method: method)))
  }

  @Test(
    "ν comes from the resamples' jackknife variances, the same whatever the interval method",
    arguments: [MultilabelMetric.microF1, .macroF1, .samplesF1])
  func degreesFromResamples(metric: MultilabelMetric) throws {
    let data = Self.data(items: 400, seed: 3)
    let percentile = try Self.comparison(data, metric: metric)
    let bca = try Self.comparison(data, metric: metric, method: .bca)
    let degrees = try #require(percentile.pairs[0].standardErrorDegrees)
    #expect(bca.pairs[0].standardErrorDegrees == degrees)
    // The Monte Carlo term alone caps ν at R − 1.
    #expect(degrees > 10 && degrees < 298)
  }

  @Test("ν grows about as the items: four times the items, about four times ν")
  func degreesGrowWithItems() throws {
    let small = try #require(
      try Self.comparison(Self.data(items: 500, seed: 7), resamples: 9_999)
        .pairs[0].standardErrorDegrees)
    let large = try #require(
      try Self.comparison(Self.data(items: 2_000, seed: 7), resamples: 9_999)
        .pairs[0].standardErrorDegrees)
    #expect(large / small > 2.5 && large / small < 6)
  }

  @Test("a pair not called significant gets the range in compare's verdict, JSON, advice and gate")
  func rangeEverywhere() throws {
    let data = Self.data(items: 1_500, seed: 11)
    let comparison = try Self.comparison(data, resamples: 499)
    let pair = comparison.pairs[0]
    let size = comparison.detectionSize(for: pair)
    let required = try #require(size.requiredCount)
    let range = try #require(size.requiredCountRange)
    #expect(range.lowerBound <= required && required <= range.upperBound)
    #expect(range.lowerBound < range.upperBound)
    #expect(comparison.verdict(for: pair).contains("could be anywhere from about"))
    guard case .object(let members) = comparison.jsonDocument(),
      case .object(let detection)? = members.first(where: { $0.key == "detection" })?.value
    else {
      Issue.record("no detection member")
      return
    }
    #expect(detection.contains { $0.key == "required_n_low" })
    #expect(detection.contains { $0.key == "required_n_high" })
    let decision = try ReleaseGate(margin: 0.01).decision(for: comparison)
    #expect(decision.reachability.requiredCountRange != nil)
  }

  @Test("sample weights leave the size without a range")
  func weightedHasNoRange() throws {
    let data = Self.data(items: 400, seed: 5)
    let weights = data.gold.indices.map { Double(1 + $0 % 3) }
    let comparison = try MultilabelComparison(
      gold: data.gold, predictions: [data.first, data.second], labels: labelNames,
      weights: weights, names: ["A", "B"],
      options: .init(metrics: [.microF1], bootstrap: BootstrapOptions(resamples: 99)))
    #expect(comparison.pairs[0].standardErrorDegrees == nil)
    #expect(comparison.detectionSize(for: comparison.pairs[0]).requiredCountRange == nil)
  }
}
