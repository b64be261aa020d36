import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

/// A model's interval is a property of its predictions, the gold labels and
/// the seed: not of its position or of the other models. Swapping two
/// models mirrors every difference and keeps every p-value.
@Suite("One interval per statistic: shared resamples and mirrored pairs")
struct IdenticalModelIntervalsTests {
  static let labels = ["a", "b", "c"]

  /// 400 items of 3 classes: gold labels, and predictions right with
  /// probability `accuracy`.
  static func predictions(accuracy: Double, seed: UInt64) -> ItemPredictions {
    var goldGenerator = Xoshiro256StarStar(seed: 7)
    let gold = (0..<400).map { _ in Int32(goldGenerator.next() % 3) }
    var generator = Xoshiro256StarStar(seed: seed)
    let predicted = gold.map { label -> Int32 in
      Double(generator.next() % 1_000) / 1_000 < accuracy
        ? label : Int32((Int(label) + 1 + Int(generator.next() % 2)) % 3)
    }
    return ItemPredictions(labels: labels, gold: gold, predicted: predicted)
  }

  static let a = predictions(accuracy: 0.6, seed: 1)
  static let b = predictions(accuracy: 0.7, seed: 2)
  static let c = predictions(accuracy: 0.65, seed: 3)
  static let metrics: [Metric] = [.macroF1, .accuracy, .matthewsCorrelation]

  static func compare(_ models: [ItemPredictions]) throws -> ModelComparison {
    let names = models.indices.map { "m\($0)" }
    return try ModelComparison(
      aligned: try AlignedPredictions(models, names: names), names: names,
      options: ComparisonOptions(
        metrics: metrics, bootstrap: BootstrapOptions(resamples: 500), seed: 5))
  }

  @Test("a model and its copy get identical intervals on every metric")
  func identicalModelsIdenticalIntervals() throws {
    let comparison = try Self.compare([Self.a, Self.b, Self.a])
    #expect(comparison.models[0].intervals == comparison.models[2].intervals)
    let pair = try Self.compare([Self.a, Self.a])
    #expect(pair.models[0].intervals == pair.models[1].intervals)
  }

  @Test("a model's interval does not move when the other model changes or the order does")
  func intervalIndependentOfOtherModels() throws {
    let withB = try Self.compare([Self.a, Self.b])
    let withC = try Self.compare([Self.a, Self.c])
    let second = try Self.compare([Self.b, Self.a])
    #expect(withB.models[0].intervals == withC.models[0].intervals)
    #expect(withB.models[0].intervals == second.models[1].intervals)
    #expect(withB.models[1].intervals == second.models[0].intervals)
  }

  @Test("a model's interval in a comparison is the one evaluate gives it")
  func intervalEqualsEvaluate() throws {
    let comparison = try Self.compare([Self.b, Self.a])
    var counts = Array(repeating: Array(repeating: 0, count: 3), count: 3)
    for (gold, predicted) in zip(Self.a.gold, Self.a.predicted) {
      counts[Int(gold)][Int(predicted)] += 1
    }
    let classification = try ClassificationMetrics(
      confusionMatrix: try ConfusionMatrix(labels: Self.labels, counts: counts))
    let alone = try Bootstrap(options: BootstrapOptions(resamples: 500)).intervals(
      for: Self.metrics, of: classification, seed: 5)
    for metric in Self.metrics {
      #expect(comparison.models[1].interval(of: metric) == alone[metric])
    }
  }

  @Test("a pair's numbers do not depend on the pairs before it")
  func pairIndependentOfPosition() throws {
    let three = try Self.compare([Self.a, Self.b, Self.c])
    let alone = try Self.compare([Self.b, Self.c])
    for metric in Self.metrics {
      let inThree = try #require(three.pairs(on: metric).first { $0.first == 1 && $0.second == 2 })
      let single = try #require(alone.pairs(on: metric).first)
      #expect(inThree.difference == single.difference)
      #expect(inThree.permutation?.pValue == single.permutation?.pValue)
      #expect(inThree.bootstrap.pValue == single.bootstrap.pValue)
    }
  }

  @Test("swapping two models mirrors each difference and keeps each p-value and needed size")
  func swappingMirrors() throws {
    let forward = try Self.compare([Self.a, Self.b])
    let backward = try Self.compare([Self.b, Self.a])
    for metric in Self.metrics {
      let x = try #require(forward.pairs(on: metric).first)
      let y = try #require(backward.pairs(on: metric).first)
      #expect(x.difference.lower == -y.difference.upper)
      #expect(x.difference.upper == -y.difference.lower)
      #expect(x.difference.estimate == -y.difference.estimate)
      #expect(x.permutation?.pValue == y.permutation?.pValue)
      #expect(x.bootstrap.pValue == y.bootstrap.pValue)
      #expect(x.mcnemar?.pValue == y.mcnemar?.pValue)
      #expect(x.bootstrap.standardErrorDegrees == y.bootstrap.standardErrorDegrees)
      #expect(
        forward.detectionSize(for: x).requiredCount
          == backward.detectionSize(for: y).requiredCount)
    }
  }

  /// A random set of the first `labelCount` labels, each in it with
  /// probability 1 / `odds`.
  static func labelSet(
    of labelCount: Int, oneIn odds: UInt64, using generator: inout Xoshiro256StarStar
  ) -> LabelSet {
    var set = LabelSet()
    for label in 0..<labelCount where generator.next() % odds == 0 { set.insert(label) }
    return set
  }

  @Test("multilabel: a model and its copy get identical intervals, whatever their position")
  func multilabelIdenticalIntervals() throws {
    var generator = Xoshiro256StarStar(seed: 3)
    func labelSet() -> LabelSet { Self.labelSet(of: 3, oneIn: 2, using: &generator) }
    let gold = (0..<200).map { _ in labelSet() }
    let first = (0..<200).map { _ in labelSet() }
    let second = gold.map { generator.next() % 4 == 0 ? labelSet() : $0 }
    let options = MultilabelComparison.Options(
      metrics: [.samplesF1, .microF1], bootstrap: BootstrapOptions(resamples: 300), seed: 4)
    let three = try MultilabelComparison(
      gold: gold, predictions: [first, second, first], labels: ["x", "y", "z"],
      names: ["a", "b", "c"], options: options)
    let two = try MultilabelComparison(
      gold: gold, predictions: [second, first], labels: ["x", "y", "z"], names: ["b", "a"],
      options: options)
    #expect(three.models[0].intervals == three.models[2].intervals)
    #expect(three.models[0].intervals == two.models[1].intervals)
    #expect(three.models[1].intervals == two.models[0].intervals)
  }

  @Test(
    "multilabel: swapping two models, reversing the items and reordering the labels mirrors each pair",
    arguments: [false, true])
  func multilabelSwappingMirrors(isWeighted: Bool) throws {
    var generator = Xoshiro256StarStar(seed: 9)
    func labelSet() -> LabelSet { Self.labelSet(of: 4, oneIn: 3, using: &generator) }
    let gold = (0..<300).map { _ in labelSet() }
    let first = gold.map { generator.next() % 3 == 0 ? labelSet() : $0 }
    let second = gold.map { generator.next() % 5 == 0 ? labelSet() : $0 }
    let weights = isWeighted ? gold.indices.map { Double(1 + $0 % 3) } : nil
    // Label i of the first comparison is label relabeling[i] of the second.
    let relabeling = [2, 0, 3, 1]
    let labels = ["w", "x", "y", "z"]
    var relabeled = labels
    for (index, label) in labels.enumerated() { relabeled[relabeling[index]] = label }
    func moved(_ sets: [LabelSet]) -> [LabelSet] {
      sets.reversed().map { $0.mapped(by: relabeling) }
    }
    let options = MultilabelComparison.Options(
      metrics: [.samplesF1, .macroF1, .hammingLoss], bootstrap: BootstrapOptions(resamples: 300),
      seed: 4)
    let forward = try MultilabelComparison(
      gold: gold, predictions: [first, second], labels: labels, weights: weights,
      names: ["a", "b"], options: options)
    let backward = try MultilabelComparison(
      gold: moved(gold), predictions: [moved(second), moved(first)], labels: relabeled,
      weights: weights?.reversed(), names: ["b", "a"], options: options)
    #expect(forward.models[0].intervals == backward.models[1].intervals)
    #expect(forward.models[1].intervals == backward.models[0].intervals)
    #expect(forward.pairs.count == 3)
    for (x, y) in zip(forward.pairs, backward.pairs) {
      #expect(x.difference.estimate != 0)
      #expect(x.difference.estimate == -y.difference.estimate)
      #expect(x.difference.lower == -y.difference.upper)
      #expect(x.difference.upper == -y.difference.lower)
      #expect(x.bootstrapPValue == y.bootstrapPValue)
      #expect(x.permutationPValue == y.permutationPValue)
      #expect(x.mcnemar?.pValue == y.mcnemar?.pValue)
      #expect(x.standardErrorDegrees == y.standardErrorDegrees)
      #expect((x.standardErrorDegrees == nil) == isWeighted)
      #expect(
        forward.detectionSize(for: x).requiredCount
          == backward.detectionSize(for: y).requiredCount)
    }
  }

  @Test("scores: swapping two models mirrors the log-loss difference and keeps the p-values")
  func scoresMirror() throws {
    var generator = Xoshiro256StarStar(seed: 8)
    let isPositive = (0..<300).map { _ in generator.next() % 2 == 0 }
    func scores(_ shift: Double) -> ScoredModel {
      let values = isPositive.map { positive in
        let noise = Double(generator.next() % 1_000) / 1_000
        return min(0.99, max(0.01, (positive ? shift : 1 - shift) * 0.5 + noise * 0.5))
      }
      return .binary(try! BinaryScores(scores: values, isPositive: isPositive))
    }
    let (x, y, z) = (scores(0.7), scores(0.9), scores(0.8))
    let options = ScoreComparison.Options(
      metrics: [.logLoss, .rocAUC], bootstrap: BootstrapOptions(resamples: 300), seed: 6)
    let forward = try ScoreComparison(models: [x, y], names: ["x", "y"], options: options)
    let backward = try ScoreComparison(models: [y, x], names: ["y", "x"], options: options)
    let three = try ScoreComparison(models: [z, x, y], names: ["z", "x", "y"], options: options)
    for (f, b) in zip(forward.pairs, backward.pairs) {
      #expect(f.difference.lower == -b.difference.upper)
      #expect(f.difference.upper == -b.difference.lower)
      #expect(f.permutationPValue == b.permutationPValue)
    }
    // The pair (x, y) is the third pair of three models: the same p-value.
    for metric in options.metrics {
      let inThree = try #require(three.pairs.first { $0.metric == metric && $0.first == 1 })
      let alone = try #require(forward.pairs.first { $0.metric == metric })
      #expect(inThree.permutationPValue == alone.permutationPValue)
      #expect(inThree.difference == alone.difference)
    }
  }
}
