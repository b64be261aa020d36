import F1Kit
import F1KitReading
import Testing
import _TestSupport

@testable import F1KitStatistics

@Suite("The comparison engine")
struct ModelComparisonTests {
  /// Three models of different accuracy on the same 300 items of 3 classes.
  static let aligned: AlignedPredictions = {
    var generator = Xoshiro256StarStar(seed: 2_026)
    let labels = ["a", "b", "c"]
    let gold = (0..<300).map { _ in Int32(generator.next() % 3) }
    func model(accuracy: Double) -> ItemPredictions {
      let predicted = gold.map { label -> Int32 in
        Double(generator.next() % 1_000) / 1_000 < accuracy
          ? label : Int32((Int(label) + 1 + Int(generator.next() % 2)) % 3)
      }
      return ItemPredictions(labels: labels, gold: gold, predicted: predicted)
    }
    let models = [model(accuracy: 0.6), model(accuracy: 0.7), model(accuracy: 0.62)]
    return try! AlignedPredictions(models, names: ["A", "B", "C"])
  }()

  static let metrics: [Metric] = [.macroF1, .accuracy, .matthewsCorrelation, .weightedF1]

  static func comparison(
    _ metrics: [Metric], additional: [Metric] = [],
    tests: [ComparisonOptions.Test] = ComparisonOptions.Test.allCases
  ) throws -> ModelComparison {
    try ModelComparison(
      aligned: aligned, names: ["A", "B", "C"],
      options: ComparisonOptions(
        metrics: metrics, additionalIntervalMetrics: additional, tests: tests,
        bootstrap: BootstrapOptions(resamples: 400), seed: 11))
  }

  @Test(
    "comparing on several metrics gives each metric exactly the numbers of comparing on it alone",
    arguments: metrics)
  func severalMetricsEqualOneAtATime(metric: Metric) throws {
    let together = try Self.comparison(Self.metrics, additional: [.cohenKappa])
    let alone = try Self.comparison([metric])
    #expect(together.pairs(on: metric) == alone.pairs)
    #expect(together.pairs(on: metric).count == 3)
    for (model, single) in zip(together.models, alone.models) {
      #expect(model.interval(of: metric) == single.interval(of: metric))
    }
    #expect(
      together.jsonDocument(metric: metric).serialized() == alone.jsonDocument().serialized())
    #expect(together.textSummary(metric: metric) == alone.textSummary())
  }

  @Test("every pair is adjusted over the pairs of its own metric, as Holm on its raw p-values")
  func adjustsPerMetric() throws {
    let comparison = try Self.comparison(Self.metrics)
    for metric in Self.metrics {
      let pairs = comparison.pairs(on: metric)
      #expect(pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
      let raw = pairs.map { $0.permutation!.pValue }
      let adjusted = try PValueAdjustment.holm.adjusted(raw)
      #expect(pairs.map { $0.adjustedPValues[.permutation]! } == adjusted)
      #expect(pairs.map { comparison.decisionPValue(for: $0)! } == adjusted)
    }
  }

  @Test("the difference's interval, the bootstrap test and its resampled differences agree")
  func exposesTheBootstrap() throws {
    let comparison = try Self.comparison([.macroF1], tests: [.permutation])
    for pair in comparison.pairs {
      #expect(pair.pairedBootstrap == nil)
      #expect(pair.bootstrap.difference == pair.difference)
      #expect(pair.bootstrap.resampledDifferences.count == 400)
      let expected = PowerAnalysis.requiredItemCount(
        difference: pair.difference.estimate, standardError: pair.difference.standardError,
        itemCount: 300)
      #expect(comparison.requiredItemCount(for: pair) == expected)
    }
  }

  @Test("models without paired items get intervals and no pairs")
  func unpairedModels() throws {
    let matrices = (0..<3).map { Self.aligned.confusionMatrix(ofModel: $0) }
    let counts = ComparisonCounts(labels: Self.aligned.labels, matrices: matrices)
    #expect(!counts.isPaired)
    let comparison = try ModelComparison(
      counts: counts, names: ["A", "B", "C"],
      options: ComparisonOptions(
        metrics: [.macroF1], bootstrap: BootstrapOptions(resamples: 400), seed: 11))
    #expect(comparison.pairs.isEmpty)
    let paired = try Self.comparison([.macroF1])
    #expect(comparison.models == paired.models)
  }

  @Test("a label no gold item has is recorded when some runs predict it and some do not")
  func labelsOutsideGold() {
    let labels = ["all", "none", "some", "x", "y"]
    let scope = MetricScope(classCount: 5)
    // Gold has x and y; every run predicts "all", no run predicts "none",
    // and run 2 of model 0 and model 1's run predict "some".
    let predicted = [[1, 0, 0, 4, 5], [2, 0, 1, 3, 4], [1, 0, 3, 3, 3]]
    let found = LabelOutsideGold.find(
      labels: labels, scope: scope, goldCounts: [0, 0, 0, 5, 5], predictedCounts: predicted,
      runCounts: [2, 1])
    #expect(
      found == [
        LabelOutsideGold(
          label: "some", predictingRuns: [1, 1], runCounts: [2, 1], zeroDivision: .zero)
      ])
    #expect(found.first?.predictingModels == [0, 1])
    // Labels past the evaluated ones (--labels) and zero division nan,
    // under which a model that never predicts a label leaves it out.
    for scope in [
      MetricScope(classCount: 5, evaluatedClassCount: 2),
      MetricScope(classCount: 5, zeroDivision: .nan),
    ] {
      #expect(
        LabelOutsideGold.find(
          labels: labels, scope: scope, goldCounts: [0, 0, 0, 5, 5], predictedCounts: predicted,
          runCounts: [2, 1]
        ).isEmpty)
    }
  }
}
