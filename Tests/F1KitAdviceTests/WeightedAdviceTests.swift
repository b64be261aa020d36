import F1Kit
import Testing

@testable import F1KitAdvice

/// Advice and baselines on sample-weighted items: sizes are weight sums
/// beside item counts, never a rounded weight called items, and the
/// baselines are scikit-learn's `DummyClassifier` fitted with
/// `sample_weight`.
@Suite("Advice and baselines with sample weights")
struct WeightedAdviceTests {
  /// `fixtures/examples/weighted.csv`, model `a`: 10 items per class whose
  /// weights sum to 13, 17.5 and 8.5.
  static func exampleMetrics() throws -> ClassificationMetrics {
    var matrix = WeightedConfusionMatrix(labels: ["neg", "neu", "pos"])
    // (gold, predicted, weight, items), from the fixture's rows.
    let cells: [(Int, Int, Double, Int)] = [
      (0, 0, 12.5, 9), (0, 1, 0.5, 1), (1, 1, 16.5, 9), (1, 2, 1, 1), (2, 1, 1, 1), (2, 2, 7.5, 9),
    ]
    for (gold, predicted, weight, count) in cells {
      matrix.add(goldIndex: gold, predictedIndex: predicted, weight: weight, count: count)
    }
    return try ClassificationMetrics(weightedConfusionMatrix: matrix)
  }

  @Test("small classes quote no Wilson interval of items over weight, and name weight and items")
  func smallClassesWithoutItemIntervals() throws {
    let advice = MetricAdvisor().advice(for: try Self.exampleMetrics())
    let small = try #require(advice.first { $0.rule == .smallClassSupport })
    #expect(small.message.contains("\"neg\" (recall 0.96 at weight 13, 10 items)"))
    #expect(small.message.contains("\"neu\" (recall 0.94 at weight 17.5, 10 items)"))
    #expect(!small.message.contains("Wilson interval ["))
    #expect(small.message.contains("No Wilson interval is quoted"))
    #expect(!small.message.contains("13 items"))
    #expect(!small.evidence.contains { $0.name == "recall_wilson_interval_width" })
    let support = small.evidence.filter { $0.name == "support" }.map(\.value)
    #expect(support == [13, 17.5, 8.5])
  }

  @Test("class imbalance is the imbalance of weight sums, with items beside them")
  func imbalanceByWeight() throws {
    // Equal item counts, but class "1" weighs 4 times as much as "0".
    var matrix = WeightedConfusionMatrix(labels: ["0", "1"])
    matrix.add(goldIndex: 0, predictedIndex: 0, weight: 40, count: 40)
    matrix.add(goldIndex: 1, predictedIndex: 1, weight: 160, count: 40)
    let metrics = try ClassificationMetrics(weightedConfusionMatrix: matrix)
    let advice = MetricAdvisor().advice(for: metrics)
    let imbalance = try #require(advice.first { $0.rule == .imbalancedClasses })
    #expect(imbalance.message.contains("\"1\" (weight 160, 40 items, 80.0%)"))
    #expect(imbalance.message.contains("is 4.0× the smallest, \"0\" (weight 40, 40 items)"))
    #expect(!advice.contains { $0.rule == .balancedBinaryMetricsAgree })
  }

  /// Advice for 10 items per class weighing 100, 100 and 10; "a" and "b"
  /// are all found, every "c" item is predicted as class `predicted`.
  static func lightClassAdvice(cPredictedAs predicted: Int) throws -> [Advice] {
    var matrix = WeightedConfusionMatrix(labels: ["a", "b", "c"])
    matrix.add(goldIndex: 0, predictedIndex: 0, weight: 100, count: 10)
    matrix.add(goldIndex: 1, predictedIndex: 1, weight: 100, count: 10)
    matrix.add(goldIndex: 2, predictedIndex: predicted, weight: 10, count: 10)
    return MetricAdvisor().advice(for: try ClassificationMetrics(weightedConfusionMatrix: matrix))
  }

  @Test("multiclass imbalance: accuracy and micro-F1 count items by their weight, not once")
  func imbalanceCountsItemsByWeight() throws {
    let advice = try Self.lightClassAdvice(cPredictedAs: 2)
    let imbalance = try #require(advice.first { $0.rule == .imbalancedClasses })
    #expect(imbalance.message.contains("count every item by its sample weight, so they"))
    #expect(!imbalance.message.contains("every item once"))
    // Unweighted, the same counts are counted once each.
    let unweighted = try AdviceTestData.metrics(
      ["a", "b", "c"], [[100, 0, 0], [0, 100, 0], [0, 0, 10]])
    let plain = try #require(
      MetricAdvisor().advice(for: unweighted).first { $0.rule == .imbalancedClasses })
    #expect(plain.message.contains("count every item once"))
  }

  @Test("weighted-F1 hides the class of least weight, which it weights by gold weight")
  func weightedF1HidesLightClass() throws {
    // "c" is always missed.
    let advice = try Self.lightClassAdvice(cPredictedAs: 0)
    let hidden = try #require(advice.first { $0.rule == .weightedF1HidesMinorityClasses })
    #expect(hidden.message.contains("weights each class by its gold weight"))
    #expect(hidden.message.contains("\"c\" (weight 10, 10 items, 4.8%) has F1 0:"))
    let never = try #require(advice.first { $0.rule == .classNeverPredicted })
    #expect(never.message.contains("\"c\" (weight 10, 10 items) is never predicted"))
    #expect(never.message.contains("counts it as a complete miss."))
  }

  @Test("baselines are DummyClassifier's fitted with sample_weight")
  func weightedBaselines() throws {
    let metrics = try Self.exampleMetrics()
    // DummyClassifier(strategy="most_frequent").fit(X, y, sample_weight=w)
    // predicts "neu" (weight 17.5 of 39), though every class has 10 items.
    let majority = BaselineScores(.majorityClass, for: metrics)
    #expect(majority.predictedLabel == "neu")
    #expect(abs(majority.value(of: .accuracy) - 17.5 / 39) < 1e-12)
    #expect(abs(majority.value(of: .macroF1) - 0.20648967551622419) < 1e-12)
    // Σp² with the weight shares 13/39, 17.5/39 and 8.5/39.
    let stratified = BaselineScores(.stratifiedRandom, for: metrics)
    let shares = [13.0, 17.5, 8.5].map { $0 / 39 }
    #expect(
      abs(stratified.value(of: .accuracy) - shares.reduce(0) { $0 + $1 * $1 }) < 1e-12)
    #expect(abs(stratified.value(of: .accuracy) - 0.3599605522682446) < 1e-12)
  }

  @Test("another zero_division keeps the sample weights")
  func rescoringKeepsWeights() throws {
    let metrics = try Self.exampleMetrics()
    let rescored = metrics.scored(zeroDivision: .one)
    #expect(rescored.isWeighted)
    #expect(rescored.value(of: .accuracy) == metrics.value(of: .accuracy))
    #expect(rescored.scope.zeroDivision == .one)
  }
}
