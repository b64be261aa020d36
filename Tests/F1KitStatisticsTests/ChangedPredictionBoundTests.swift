import F1Kit
import Testing

@testable import F1KitStatistics

@Suite("Worst-case cap of a metric when at most k predictions change")
struct ChangedPredictionBoundTests {
  /// Every metric the cap covers.
  static let boundedMetrics = Metric.allCases.filter(ChangedPredictionBound.isBounded)

  /// The true worst decrease and increase of each metric over every way
  /// to change the predicted label of at most `k` items (of `changeable`,
  /// every item by default), gold fixed; `nil` for a metric whose
  /// definedness changed somewhere.
  static func bruteForce(
    gold: [Int], predicted: [Int], k: Int, scope: MetricScope, metrics: [Metric],
    changeable: [Int]? = nil
  ) -> [Metric: (decrease: Double, increase: Double, isDefinednessFixed: Bool)] {
    let changeable = changeable ?? Array(gold.indices)
    let classCount = scope.classCount
    var counts = [Double](repeating: 0, count: classCount * classCount)
    for (g, p) in zip(gold, predicted) { counts[g * classCount + p] += 1 }
    func values() -> [Double] {
      counts.withUnsafeBufferPointer { buffer in metrics.map { scope.value(of: $0, counts: buffer) }
      }
    }
    let base = values()
    var decrease = [Double](repeating: 0, count: metrics.count)
    var increase = [Double](repeating: 0, count: metrics.count)
    var isFixed = [Bool](repeating: true, count: metrics.count)
    // Changes items in increasing order, each to another label, up to k.
    func visit(from start: Int, left: Int) {
      for (index, value) in values().enumerated() {
        if value.isNaN != base[index].isNaN { isFixed[index] = false }
        guard !value.isNaN, !base[index].isNaN else { continue }
        decrease[index] = max(decrease[index], base[index] - value)
        increase[index] = max(increase[index], value - base[index])
      }
      guard left > 0 else { return }
      for position in start..<changeable.count {
        let item = changeable[position]
        let old = predicted[item]
        for new in 0..<classCount where new != old {
          counts[gold[item] * classCount + old] -= 1
          counts[gold[item] * classCount + new] += 1
          visit(from: position + 1, left: left - 1)
          counts[gold[item] * classCount + new] -= 1
          counts[gold[item] * classCount + old] += 1
        }
      }
    }
    visit(from: 0, left: k)
    var result: [Metric: (Double, Double, Bool)] = [:]
    for (index, metric) in metrics.enumerated() {
      result[metric] = (decrease[index], increase[index], isFixed[index])
    }
    return result
  }

  static func matrix(gold: [Int], predicted: [Int], classCount: Int) -> ConfusionMatrix {
    var matrix = ConfusionMatrix(labels: (0..<classCount).map { "c\($0)" })
    for (g, p) in zip(gold, predicted) { matrix.add(goldIndex: g, predictedIndex: p) }
    return matrix
  }

  @Test(
    "never falls below the true worst change, and equals it where it says it is exact",
    arguments: [(ZeroDivision.zero, 1.0), (.one, 2.0), (.nan, 0.5)])
  func boundIsSound(zeroDivision: ZeroDivision, beta: Double) throws {
    var generator = Xoshiro256StarStar(seed: 20_261_202 &+ UInt64(beta * 10))
    var checked = 0
    var exact = 0
    let matrixCount = 200
    for _ in 0..<matrixCount {
      let classCount = Int.random(in: 2...4, using: &generator)
      let itemCount = Int.random(in: 1...(classCount == 4 ? 8 : 10), using: &generator)
      let k = Int.random(in: 0...(classCount == 2 ? 5 : 3), using: &generator)
      // Skewed labels, so that rare and absent classes occur.
      let gold = (0..<itemCount).map { _ in
        min(
          Int.random(in: 0..<classCount, using: &generator),
          Int.random(in: 0..<classCount, using: &generator))
      }
      let predicted = gold.map { label in
        Bool.random(using: &generator) ? label : Int.random(in: 0..<classCount, using: &generator)
      }
      let scope = MetricScope(
        classCount: classCount,
        evaluatedClassCount: Bool.random(using: &generator) ? classCount : classCount - 1,
        positiveClass: Int.random(in: 0..<classCount - 1, using: &generator),
        zeroDivision: zeroDivision, beta: beta)
      let truth = Self.bruteForce(
        gold: gold, predicted: predicted, k: k, scope: scope, metrics: Self.boundedMetrics)
      let matrix = Self.matrix(gold: gold, predicted: predicted, classCount: classCount)
      for metric in Self.boundedMetrics {
        let worst = try #require(truth[metric])
        guard
          let bound = ChangedPredictionBound(
            metric: metric, baseline: matrix, scope: scope, changedItemCount: k)
        else { continue }
        // The looser programme over touches alone, used for many classes,
        // is never below the worst case nor below the tighter one.
        let loose = try #require(
          ChangedPredictionBound(
            metric: metric, baseline: matrix, scope: scope, changedItemCount: k,
            combiningStepLimit: 0))
        #expect(loose.largestDecrease >= bound.largestDecrease - 1e-12)
        #expect(loose.largestIncrease >= bound.largestIncrease - 1e-12)
        checked += 1
        let context = "\(metric) k=\(k) gold=\(gold) predicted=\(predicted) \(scope)"
        #expect(worst.isDefinednessFixed, "\(context)")
        #expect(bound.largestDecrease >= worst.decrease - 1e-12, "\(context)")
        #expect(bound.largestIncrease >= worst.increase - 1e-12, "\(context)")
        if bound.isExact {
          exact += 1
          #expect(abs(bound.largestDecrease - worst.decrease) <= 1e-12, "\(context)")
          #expect(abs(bound.largestIncrease - worst.increase) <= 1e-12, "\(context)")
        }
      }
    }
    // The check is not vacuous: most metrics get a bound, binary ones exact.
    // The check is not vacuous: most metrics get a bound (fewer with
    // zero_division nan, where a class's score may turn undefined), and
    // accuracy and the binary averages an exact one.
    let possible = matrixCount * Self.boundedMetrics.count
    #expect(checked * 10 > possible * (zeroDivision == .nan ? 6 : 9))
    #expect(exact * 10 > matrixCount * 5 * (zeroDivision == .nan ? 6 : 9))
  }

  @Test("binary F1 of a two-class matrix: the cap is the exact worst case, by hand")
  func binaryF1ByHand() throws {
    // tp 3, fp 1, fn 1, tn 5: F1 = 6 / 8 = 0.75. Two changes: lose two
    // true positives → 2 / 6 … or lose one and gain a false positive → 4 / 8.
    let gold = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    let predicted = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0]
    let matrix = Self.matrix(gold: gold, predicted: predicted, classCount: 2)
    let scope = MetricScope(classCount: 2, positiveClass: 1)
    let bound = try #require(
      ChangedPredictionBound(metric: .binaryF1, baseline: matrix, scope: scope, changedItemCount: 2)
    )
    // Lose two true positives: 2·1 / (4 + 2) = 0.333; one and a false
    // positive: 2·2 / (4 + 4) = 0.5; gain two false positives: 6 / 10.
    #expect(abs(bound.largestDecrease - (0.75 - 1.0 / 3)) < 1e-15)
    // Gain the missed positive and lose the false positive: 8 / 8.
    #expect(abs(bound.largestIncrease - 0.25) < 1e-15)
    #expect(bound.isExact)
  }

  @Test(
    "the Matthews correlation and Cohen's kappa get no cap",
    arguments: [Metric.matthewsCorrelation, .cohenKappa])
  func unboundedMetrics(metric: Metric) {
    let matrix = Self.matrix(gold: [0, 1, 1], predicted: [0, 1, 0], classCount: 2)
    #expect(!ChangedPredictionBound.isBounded(metric))
    #expect(
      ChangedPredictionBound(
        metric: metric, baseline: matrix, scope: MetricScope(classCount: 2), changedItemCount: 1)
        == nil)
  }

  @Test("weighted accuracy's cap is the heaviest k items the baseline gets right, or wrong")
  func weightedAccuracy() throws {
    let items = try WeightedPredictions(
      classCount: 2,
      cells: [
        .init(gold: 0, predicted: 0, weight: 5, count: 1),
        .init(gold: 0, predicted: 0, weight: 1, count: 3),
        .init(gold: 1, predicted: 0, weight: 2, count: 1),
        .init(gold: 1, predicted: 1, weight: 0.5, count: 4),
      ])
    let bound = try #require(ChangedPredictionBound(accuracyOf: items, changedItemCount: 2))
    // Total weight 5 + 3 + 2 + 2 = 12; right: 5, 1; wrong: 2.
    #expect(bound.largestDecrease == 6.0 / 12)
    #expect(bound.largestIncrease == 2.0 / 12)
  }
}
