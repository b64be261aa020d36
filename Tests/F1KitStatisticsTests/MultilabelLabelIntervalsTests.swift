import F1Kit
import F1KitStatistics
import Testing

@Suite("Per-label F1 intervals of a multilabel comparison")
struct MultilabelLabelIntervalsTests {
  /// Items over three labels from a fixed generator: gold sets with label
  /// rates 0.5, 0.3 and 0.1, and predictions that flip each label with
  /// probability 0.2.
  static func data(items: Int) -> (gold: [LabelSet], predicted: [LabelSet]) {
    var generator = Xoshiro256StarStar(seed: 11)
    func unit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }
    var gold: [LabelSet] = []
    var predicted: [LabelSet] = []
    for _ in 0..<items {
      var g = LabelSet()
      var p = LabelSet()
      for (label, rate) in [0.5, 0.3, 0.1].enumerated() {
        let isGold = unit() < rate
        if isGold { g.insert(label) }
        if isGold != (unit() < 0.2) { p.insert(label) }
      }
      gold.append(g)
      predicted.append(p)
    }
    return (gold, predicted)
  }

  static let labels = ["a", "b", "c"]

  func comparison(includesLabels: Bool, labels: [String]? = nil) throws -> MultilabelComparison {
    let data = Self.data(items: 300)
    var options = MultilabelComparison.Options(
      metrics: [.samplesF1], additionalIntervalMetrics: [.macroF1, .microF1],
      bootstrap: BootstrapOptions(resamples: 400), seed: 3)
    options.includesLabelIntervals = includesLabels
    return try MultilabelComparison(
      gold: data.gold, predictions: [data.predicted, data.gold], labels: Self.labels,
      names: ["noisy", "perfect"], evaluation: EvaluationOptions(labels: labels),
      options: options)
  }

  @Test("label intervals draw nothing: every other number is the same with or without them")
  func noExtraDraws() throws {
    let with = try comparison(includesLabels: true)
    let without = try comparison(includesLabels: false)
    #expect(with.models.map(\.intervals) == without.models.map(\.intervals))
    #expect(with.pairs == without.pairs)
    #expect(without.models.allSatisfy { $0.labelIntervals.isEmpty })
    #expect(with.models.allSatisfy { $0.labelIntervals.count == 3 })
  }

  @Test("each interval brackets its label's F1; a perfect model's interval is degenerate at 1")
  func bracketsEstimate() throws {
    let comparison = try comparison(includesLabels: true)
    let noisy = comparison.models[0]
    for (scores, interval) in zip(noisy.metrics.perLabel(), noisy.labelIntervals) {
      #expect(interval.estimate == scores.fScore)
      #expect(interval.lower < scores.fScore && scores.fScore < interval.upper, "\(scores.label)")
    }
    for interval in comparison.models[1].labelIntervals {
      #expect(interval.lower == 1 && interval.upper == 1)
    }
  }

  @Test("with one evaluated label, its F1 interval is exactly macro-F1's")
  func oneLabelEqualsMacro() throws {
    let comparison = try comparison(includesLabels: true, labels: ["b"])
    let model = comparison.models[0]
    let macro = try #require(model.intervals[.macroF1])
    #expect(model.labelIntervals.count == 1)
    #expect(model.labelIntervals.first == macro)
  }
}
