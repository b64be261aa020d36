import F1Kit
import F1KitStatistics
import Foundation
import Testing

@Suite("Multilabel bootstrap intervals over items")
struct MultilabelIntervalsTests {
  /// 600 items over four labels from a fixed generator.
  static func evaluation(weighted: Bool = false) throws -> MultilabelMetrics {
    var generator = SplitMix64Generator(seed: 7)
    var gold: [[String]] = []
    var predicted: [[String]] = []
    var weights: [Double] = []
    let labels = ["a", "b", "c", "d"]
    for _ in 0..<600 {
      let goldSet = labels.filter { _ in generator.unit() < 0.35 }
      gold.append(goldSet)
      predicted.append(labels.filter { goldSet.contains($0) != (generator.unit() < 0.15) })
      weights.append(Double(1 + Int(generator.unit() * 3)))
    }
    let counts = try MultilabelCounts(
      gold: gold, predicted: predicted, weights: weighted ? weights : nil)
    return try MultilabelMetrics(counts: counts)
  }

  @Test("the bootstrap standard error of samples-F1 equals the per-item F1's sd / √n")
  func samplesStandardError() throws {
    let evaluation = try Self.evaluation()
    let intervals = try MultilabelIntervals(
      for: evaluation, options: BootstrapOptions(resamples: 4_000, method: .percentile), seed: 3)
    let interval = try #require(intervals.intervals[.samplesF1])
    // The per-item F1 values, recomputed from the patterns.
    var values: [Double] = []
    for group in try #require(evaluation.counts).groups {
      let shared = Double(group.gold.intersectionCount(with: group.predicted))
      let total = Double(group.gold.count + group.predicted.count)
      let f1 = total == 0 ? 0 : 2 * shared / total
      values += repeatElement(f1, count: group.itemCount)
    }
    let mean = values.reduce(0, +) / Double(values.count)
    #expect(abs(mean - evaluation.value(of: .samplesF1)) < 1e-12)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    let expected = (variance / Double(values.count)).squareRoot()
    #expect(abs(interval.standardError - expected) / expected < 0.06)
    #expect(interval.lower < interval.estimate && interval.estimate < interval.upper)
  }

  @Test("every reported metric gets an interval; a seed reproduces them; weights are carried")
  func reproducible() throws {
    for weighted in [false, true] {
      let evaluation = try Self.evaluation(weighted: weighted)
      let options = BootstrapOptions(resamples: 300)
      let first = try MultilabelIntervals(for: evaluation, options: options, seed: 11)
      let second = try MultilabelIntervals(for: evaluation, options: options, seed: 11)
      #expect(Set(first.intervals.keys) == Set(evaluation.reportedMetrics))
      #expect(first.intervals == second.intervals)
      for (metric, interval) in first.intervals {
        #expect(interval.estimate == evaluation.value(of: metric) || interval.estimate.isNaN)
        #expect(interval.lower <= interval.upper, "\(metric)")
      }
    }
  }

  @Test(
    "the same items added in another order give the same intervals",
    arguments: [(false, IntervalMethod.bca), (false, .percentile), (true, .bca), (true, .basic)])
  func orderIndependent(isWeighted: Bool, method: IntervalMethod) throws {
    var generator = SplitMix64Generator(seed: 19)
    let labels = ["a", "b", "c", "d", "e"]
    var items: [(gold: [String], predicted: [String], weight: Double)] = []
    for _ in 0..<400 {
      let gold = labels.filter { _ in generator.unit() < 0.3 }
      let predicted = labels.filter { gold.contains($0) != (generator.unit() < 0.2) }
      // Weights that are not whole numbers, so sums taken in another
      // order would differ in the last bit.
      items.append((gold, predicted, isWeighted ? 0.1 + generator.unit() : 1))
    }
    func intervals(_ items: [(gold: [String], predicted: [String], weight: Double)]) throws
      -> [MultilabelMetric: ConfidenceInterval]
    {
      let counts = try MultilabelCounts(
        gold: items.map(\.gold), predicted: items.map(\.predicted),
        weights: isWeighted ? items.map(\.weight) : nil)
      let evaluation = try MultilabelMetrics(counts: counts)
      let options = BootstrapOptions(resamples: 200, method: method)
      return try MultilabelIntervals(for: evaluation, options: options, seed: 5).intervals
    }
    let forward = try intervals(items)
    #expect(forward.count > 0)
    #expect(try intervals(items.reversed()) == forward)
    #expect(try intervals(items.sorted { $0.predicted.count < $1.predicted.count }) == forward)
  }
}

/// SplitMix64 for test data.
private struct SplitMix64Generator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func unit() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
  }
}
