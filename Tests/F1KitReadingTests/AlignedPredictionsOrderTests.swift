import F1Kit
import F1KitReading
import Testing

/// `AlignedPredictions` recodes and checks the models after the first on
/// several threads; what it gives and throws must not depend on that.
@Suite("Aligning many models at once")
struct AlignedPredictionsOrderTests {
  /// A model's items over `labels`, listed in the first-seen order of the
  /// codes given (so each model numbers its labels differently).
  private func items(gold: [Int], predicted: [Int], labels: [String]) -> ItemPredictions {
    var order: [String] = []
    func code(_ value: Int) -> Int32 {
      let label = labels[value]
      if let index = order.firstIndex(of: label) { return Int32(index) }
      order.append(label)
      return Int32(order.count - 1)
    }
    let goldCodes = gold.map(code)
    let predictedCodes = predicted.map(code)
    return ItemPredictions(labels: order, gold: goldCodes, predicted: predictedCodes)
  }

  /// Deterministic pseudo-random values below `bound`.
  private func values(_ count: Int, bound: Int, seed: UInt64) -> [Int] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  @Test("ten models' codes are each model's labels in the common order", arguments: [3, 40])
  func recodesEveryModel(labelCount: Int) throws {
    let labels = (0..<labelCount).map { "label-\($0)" }
    let gold = values(5_000, bound: labelCount, seed: 1)
    let predictions = (0..<10).map { values(5_000, bound: labelCount, seed: UInt64(2 + $0)) }
    let models = predictions.map { items(gold: gold, predicted: $0, labels: labels) }
    let aligned = try AlignedPredictions(
      models, names: (1...10).map { "run\($0).csv" })
    let sorted = labels.sorted()
    #expect(aligned.labels == sorted)
    let code = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
    #expect(aligned.gold == gold.map { code[labels[$0]]! })
    for (model, predicted) in predictions.enumerated() {
      #expect(aligned.predictions[model] == predicted.map { code[labels[$0]]! })
      var expected = ConfusionMatrix(labels: sorted)
      for (gold, predicted) in zip(aligned.gold, aligned.predictions[model]) {
        expected.add(goldIndex: Int(gold), predictedIndex: Int(predicted))
      }
      #expect(aligned.confusionMatrix(ofModel: model) == expected)
    }
  }

  @Test(
    "of several models with other gold labels, the first in order is reported at its first item")
  func reportsFirstMismatchInOrder() {
    let labels = ["a", "b", "c"]
    let gold = values(2_000, bound: 3, seed: 9)
    var models = (0..<10).map { model in
      items(gold: gold, predicted: values(2_000, bound: 3, seed: UInt64(model)), labels: labels)
    }
    // Models 4, 7 and 9 (from 0) disagree, 4 latest in the items.
    for (model, item) in [(7, 10), (4, 1_500), (9, 3)] {
      var changed = gold
      changed[item] = (gold[item] + 1) % 3
      models[model] = items(
        gold: changed, predicted: values(2_000, bound: 3, seed: UInt64(model)), labels: labels)
    }
    let names = (1...10).map { "run\($0).csv" }
    #expect(
      throws: AlignmentError.goldMismatch(
        item: "1501", firstFile: "run1.csv", firstLabel: labels[gold[1_500]],
        otherFile: "run5.csv", otherLabel: labels[(gold[1_500] + 1) % 3], otherItem: 1_500)
    ) { try AlignedPredictions(models, names: names) }
  }

  @Test("a confusion matrix of thousands of labels is counted cell by cell, as a small one")
  func countsManyLabels() throws {
    let labels = (0..<3_000).map { "c\($0)" }
    let gold = values(2_000, bound: 3_000, seed: 4)
    let predicted = values(2_000, bound: 3_000, seed: 5)
    let aligned = try AlignedPredictions(
      [
        items(gold: gold, predicted: predicted, labels: labels),
        items(gold: gold, predicted: gold, labels: labels),
      ], names: ["a", "b"])
    for model in 0..<2 {
      var expected = ConfusionMatrix(labels: aligned.labels)
      for (gold, predicted) in zip(aligned.gold, aligned.predictions[model]) {
        expected.add(goldIndex: Int(gold), predictedIndex: Int(predicted))
      }
      #expect(aligned.confusionMatrix(ofModel: model) == expected)
    }
  }
}
