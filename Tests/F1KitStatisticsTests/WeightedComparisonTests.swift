import F1Kit
import F1KitReading
import Foundation
import Testing
import _TestSupport

@testable import F1KitStatistics

/// One comparison of fixtures/goldens/weighted.json, made by
/// tools/make_weighted_goldens.py: two models on the same weighted items,
/// with scikit-learn's value of every metric for each (`sample_weight`).
struct WeightedComparisonCase: Decodable, Sendable, CustomTestStringConvertible {
  let name: String
  let yTrue: [String]
  let yPredA: [String]
  let yPredB: [String]
  let sampleWeight: [Double]
  let labels: [String]?
  let zeroDivision: ZeroDivision
  let beta: Double
  let posLabel: String?
  let expected: [[String: Double?]]
  enum CodingKeys: String, CodingKey {
    case name, labels, beta, expected
    case yTrue = "y_true"
    case yPredA = "y_pred_a"
    case yPredB = "y_pred_b"
    case sampleWeight = "sample_weight"
    case zeroDivision = "zero_division"
    case posLabel = "pos_label"
  }
  var testDescription: String { name }

  /// The two models aligned over one label order.
  func aligned() throws -> AlignedPredictions {
    let labels = Array(Set(yTrue + yPredA + yPredB)).sorted()
    let code = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Int32($0)) })
    let gold = yTrue.map { code[$0]! }
    return try AlignedPredictions(
      [yPredA, yPredB].map {
        ItemPredictions(labels: labels, gold: gold, predicted: $0.map { code[$0]! })
      }, names: ["A", "B"], labels: self.labels)
  }

  var evaluation: EvaluationOptions {
    EvaluationOptions(
      labels: labels, positiveLabel: posLabel, problem: posLabel == nil ? .multiclass : .binary,
      zeroDivision: zeroDivision, beta: beta)
  }
}

private struct WeightedComparisonFile: Decodable {
  let comparisons: [WeightedComparisonCase]
}

let weightedComparisonCases: [WeightedComparisonCase] =
  (try? Fixtures.decode(WeightedComparisonFile.self, from: "goldens/weighted.json").comparisons)
  ?? []

@Suite("The comparison engine with sample weights")
struct WeightedComparisonTests {
  @Test("the golden file holds its comparisons")
  func goldenFileIsComplete() {
    #expect(weightedComparisonCases.count >= 30)
    #expect(weightedComparisonCases.contains { $0.posLabel != nil })
    #expect(weightedComparisonCases.contains { $0.sampleWeight.contains(0) })
    #expect(weightedComparisonCases.contains { $0.sampleWeight.contains { $0 != $0.rounded() } })
  }

  @Test(
    "every model's value of every metric equals scikit-learn's with sample_weight, and each difference is B − A",
    arguments: weightedComparisonCases)
  func valuesEqualScikitLearn(golden: WeightedComparisonCase) throws {
    let metrics = Metric.allCases.filter { golden.posLabel != nil || !$0.isBinaryOnly }
    let comparison = try ModelComparison(
      counts: ComparisonCounts(try golden.aligned(), weights: golden.sampleWeight),
      names: ["A", "B"], evaluation: golden.evaluation,
      options: ComparisonOptions(
        metrics: metrics, bootstrap: BootstrapOptions(resamples: 20), seed: 3))
    #expect(comparison.isWeighted)
    let total = golden.sampleWeight.reduce(0, +)
    #expect(abs(try #require(comparison.totalWeight) - total) <= 1e-12 * total)
    #expect(!comparison.options.tests.contains(.mcnemar))
    for (index, model) in comparison.models.enumerated() {
      for metric in metrics {
        let wanted = try #require(golden.expected[index][metric.rawValue])
        #expect(
          agrees(try #require(model.value(of: metric)), wanted, tolerance: 1e-12),
          "\(model.name) \(metric.rawValue)")
      }
    }
    for pair in comparison.pairs {
      let a = try #require(golden.expected[0][pair.metric.rawValue] ?? nil)
      let b = try #require(golden.expected[1][pair.metric.rawValue] ?? nil)
      guard !a.isNaN, !b.isNaN else { continue }
      #expect(abs(pair.difference.estimate - (b - a)) <= 1e-12, "\(pair.metric.rawValue)")
      #expect(pair.mcnemar == nil)
    }
  }

  /// Items with every weight 1 are the unweighted items: every interval,
  /// difference and p-value is the unweighted engine's, bit for bit.
  @Test("weights of 1 give the unweighted comparison to the last bit", arguments: [1, 7, 12])
  func unitWeightsAreUnweighted(index: Int) throws {
    let golden = weightedComparisonCases[index]
    let aligned = try golden.aligned()
    let options = ComparisonOptions(
      metrics: [.macroF1, .accuracy, .cohenKappa], tests: [.permutation, .bootstrap],
      bootstrap: BootstrapOptions(resamples: 300), seed: 9)
    let evaluation = EvaluationOptions(labels: golden.labels, zeroDivision: .zero)
    let plain = try ModelComparison(
      counts: ComparisonCounts(aligned), names: ["A", "B"], evaluation: evaluation,
      options: options)
    let weighted = try ModelComparison(
      counts: ComparisonCounts(aligned, weights: Array(repeating: 1, count: aligned.itemCount)),
      names: ["A", "B"], evaluation: evaluation, options: options)
    #expect(weighted.models == plain.models)
    #expect(weighted.pairs == plain.pairs)
    // Weighted items bracket no test-set size: compare passes neither the
    // jackknife's degrees of freedom nor the differing items.
    let plainSize = plain.detectionSize(for: try #require(plain.pairs.first))
    let weightedSize = weighted.detectionSize(for: try #require(weighted.pairs.first))
    #expect(plainSize.differingCount != nil)
    #expect(weightedSize.differingCount == nil && weightedSize.standardErrorDegrees == nil)
    #expect(weightedSize.requiredCountRange == nil)
  }

  /// The engine's rows are in one canonical order, so the same weighted
  /// items in another order give the same numbers, bit for bit.
  @Test("shuffled items give the same weighted comparison to the last bit")
  func orderDoesNotMatter() throws {
    let golden = weightedComparisonCases[4]
    let aligned = try golden.aligned()
    var generator = Xoshiro256StarStar(seed: 77)
    let order = Array(aligned.gold.indices).shuffled(using: &generator)
    let shuffled = try AlignedPredictions(
      aligned.predictions.map { predictions in
        ItemPredictions(
          labels: aligned.labels, gold: order.map { aligned.gold[$0] },
          predicted: order.map { predictions[$0] })
      }, names: ["A", "B"], labels: golden.labels)
    let options = ComparisonOptions(
      metrics: [.macroF1, .weightedF1], bootstrap: BootstrapOptions(resamples: 300), seed: 5)
    let first = try ModelComparison(
      counts: ComparisonCounts(aligned, weights: golden.sampleWeight), names: ["A", "B"],
      evaluation: golden.evaluation, options: options)
    let second = try ModelComparison(
      counts: ComparisonCounts(shuffled, weights: order.map { golden.sampleWeight[$0] }),
      names: ["A", "B"], evaluation: golden.evaluation, options: options)
    #expect(first.models == second.models)
    #expect(first.pairs == second.pairs)
  }

  /// A brute-force bootstrap that draws N items with replacement and
  /// scores each resample with `WeightedConfusionMatrix` and
  /// `ClassificationMetrics`, the way one would write it by hand, agrees
  /// with the engine's draws over distinct rows: 5,000 resamples each, so
  /// the quantiles' Monte Carlo error is about 0.005.
  @Test("the weighted bootstrap agrees with a brute-force item bootstrap")
  func agreesWithBruteForce() throws {
    let golden = weightedComparisonCases[2]
    let aligned = try golden.aligned()
    let labels = aligned.labels
    let gold = aligned.gold.map { labels[Int($0)] }
    let predicted = aligned.predictions[1].map { labels[Int($0)] }
    let weights = golden.sampleWeight
    let resamples = 5_000
    var generator = Xoshiro256StarStar(seed: 123)
    var bruteForce: [Double] = []
    for _ in 0..<resamples {
      let items = (0..<gold.count).map { _ in Int(generator.next(upperBound: UInt64(gold.count))) }
      guard items.contains(where: { weights[$0] > 0 }) else { continue }
      let matrix = try WeightedConfusionMatrix(
        gold: items.map { gold[$0] }, predicted: items.map { predicted[$0] },
        weights: items.map { weights[$0] }, labels: labels)
      bruteForce.append(
        try ClassificationMetrics(weightedConfusionMatrix: matrix).value(of: .macroF1))
    }
    let rows = try WeightedPredictions(
      gold: aligned.gold, predicted: aligned.predictions[1], weights: weights,
      classCount: labels.count)
    let interval = try #require(
      try Bootstrap(options: BootstrapOptions(resamples: resamples, method: .percentile))
        .intervals(
          for: [.macroF1], weighted: rows, scope: MetricScope(classCount: labels.count),
          using: &generator)[.macroF1])
    bruteForce.sort()
    func quantile(_ level: Double) -> Double {
      let position = level * Double(bruteForce.count - 1)
      let low = Int(position.rounded(.down))
      let high = min(low + 1, bruteForce.count - 1)
      return bruteForce[low] + (position - Double(low)) * (bruteForce[high] - bruteForce[low])
    }
    let mean = bruteForce.reduce(0, +) / Double(bruteForce.count)
    let deviation =
      (bruteForce.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(bruteForce.count - 1))
      .squareRoot()
    #expect(abs(interval.lower - quantile(0.025)) < 0.02, "\(interval.lower) vs \(quantile(0.025))")
    #expect(abs(interval.upper - quantile(0.975)) < 0.02, "\(interval.upper) vs \(quantile(0.975))")
    #expect(abs(interval.standardError - deviation) < 0.05 * deviation)
  }

  @Test("a negative, NaN or infinite weight, or a zero total weight, is refused")
  func badWeights() throws {
    let golden = weightedComparisonCases[0]
    let aligned = try golden.aligned()
    for bad in [-1.0, .nan, .infinity] {
      var weights = golden.sampleWeight
      weights[3] = bad
      #expect(throws: StatisticsError.self) { try ComparisonCounts(aligned, weights: weights) }
    }
    #expect(throws: StatisticsError.zeroTotalWeight) {
      try ComparisonCounts(aligned, weights: Array(repeating: 0, count: aligned.itemCount))
    }
    #expect(throws: StatisticsError.weightCountMismatch(items: aligned.itemCount, weights: 1)) {
      try ComparisonCounts(aligned, weights: [1])
    }
  }
}

@Suite("Weighted joint count tables")
struct WeightedJointCountsTests {
  /// The joint table `label,a,b,weight,count` of a golden comparison's
  /// items, its rows in a shuffled order, one cell split over two rows and
  /// a row counting zero items.
  static func table(_ golden: WeightedComparisonCase, seed: UInt64) throws -> JointCounts {
    var labels: [String] = []
    var codes: [String: Int] = [:]
    func code(_ label: String) -> Int {
      if let code = codes[label] { return code }
      codes[label] = labels.count
      labels.append(label)
      return labels.count - 1
    }
    var counts: [[Int]: Int] = [:]
    for item in golden.yTrue.indices {
      let key = [
        code(golden.yTrue[item]), code(golden.yPredA[item]), code(golden.yPredB[item]),
        code(String(golden.sampleWeight[item])),
      ]
      counts[key, default: 0] += 1
    }
    var cells = counts.map { key, count in
      JointCounts.Cell(gold: key[0], predictions: Array(key.dropFirst()), count: count)
    }
    var generator = Xoshiro256StarStar(seed: seed)
    cells.sort { $0.predictions.lexicographicallyPrecedes($1.predictions) }
    cells.shuffle(using: &generator)
    if let split = cells.firstIndex(where: { $0.count > 1 }) {
      cells[split].count -= 1
      cells.append(
        JointCounts.Cell(gold: cells[split].gold, predictions: cells[split].predictions, count: 1))
    }
    cells.append(JointCounts.Cell(gold: 0, predictions: [0, 0, code("7.5")], count: 0))
    return try JointCounts(
      labels: labels, models: ["a", "b", "w"], goldColumn: "label", cells: cells,
      rowCount: cells.count)
  }

  @Test(
    "a weighted joint table in any row order gives the raw items' comparison to the last bit",
    arguments: [0, 5, 13, 20])
  func tableEqualsItems(index: Int) throws {
    let golden = weightedComparisonCases[index]
    let options = ComparisonOptions(
      metrics: [golden.posLabel != nil ? .binaryF1 : .macroF1, .accuracy, .matthewsCorrelation],
      tests: [.permutation, .bootstrap], bootstrap: BootstrapOptions(resamples: 300), seed: 21)
    let items = try ModelComparison(
      counts: ComparisonCounts(try golden.aligned(), weights: golden.sampleWeight),
      names: ["a", "b"], evaluation: golden.evaluation, options: options)
    for seed in [1, 2] as [UInt64] {
      let table = try ModelComparison(
        counts: ComparisonCounts(
          weightedJoint: try Self.table(golden, seed: seed), labels: golden.labels),
        names: ["a", "b"], evaluation: golden.evaluation, options: options)
      #expect(table.labels == items.labels)
      #expect(table.itemCount == items.itemCount)
      #expect(table.totalWeight == items.totalWeight)
      #expect(table.models == items.models)
      #expect(table.pairs == items.pairs)
    }
  }

  @Test("a weight that is not a finite number of at least 0 is refused")
  func badWeight() throws {
    for bad in ["-1", "nan", "inf", "heavy"] {
      let joint = try JointCounts(
        labels: ["x", "y", bad], models: ["a", "b", "w"], goldColumn: "label",
        cells: [JointCounts.Cell(gold: 0, predictions: [0, 1, 2], count: 3)], rowCount: 1)
      #expect(throws: StatisticsError.self) { try ComparisonCounts(weightedJoint: joint) }
    }
  }
}
