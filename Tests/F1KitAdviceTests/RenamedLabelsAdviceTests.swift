import F1Kit
import Testing

@testable import F1KitAdvice

/// A model whose labels are in another order than the data's: an NLI
/// cross-encoder's argmax written as the label of a dataset with another
/// order.
@Suite("Predicted labels that fit far better renamed")
struct RenamedLabelsAdviceTests {
  /// Gold rows entailment, neutral, contradiction; the model predicts
  /// each class 85% right, but writes entailment as "neutral", neutral as
  /// "contradiction" and contradiction as "entailment".
  static let rotated: [[Int]] = [[3, 85, 12], [10, 4, 86], [84, 9, 7]]

  @Test("a rotated NLI matrix gets a warning naming the renaming and both accuracies")
  func rotatedLabels() throws {
    let metrics = try AdviceTestData.metrics(
      ["entailment", "neutral", "contradiction"], Self.rotated)
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .renamedLabels })
    #expect(advice.severity == .warning)
    #expect(
      advice.message.hasPrefix(
        "Reading the predicted \"contradiction\" as \"neutral\", \"entailment\" as \"contradiction\" and \"neutral\" as \"entailment\" would raise accuracy from 0.0467 to 0.8500."
      ), "\(advice.message)")
    let renaming = try #require(LabelRenaming(bestFor: metrics.confusionMatrix))
    #expect(renaming.accuracy == 14.0 / 300 && renaming.renamedAccuracy == 255.0 / 300)
  }

  /// Matrices no renaming is far better for: a good model, a weak one
  /// whose errors spread, and too few items.
  static let quiet: [[[Int]]] = [
    [[85, 10, 5], [8, 80, 12], [6, 9, 85]],
    [[40, 35, 25], [30, 40, 30], [25, 35, 40]],
    [[0, 5], [5, 0]],
  ]

  @Test("a good model, a weak one and a tiny test set get no renaming advice", arguments: quiet)
  func noRenaming(rows: [[Int]]) throws {
    let labels: [String] = Array(["0", "1", "2"][..<rows.count])
    let metrics = try AdviceTestData.metrics(labels, rows)
    #expect(!MetricAdvisor().advice(for: metrics).contains { $0.rule == .renamedLabels })
    #expect(LabelRenaming(bestFor: metrics.confusionMatrix) == nil)
  }

  @Test("a binary model with its labels swapped gets both labels renamed")
  func swappedBinary() throws {
    let metrics = try AdviceTestData.metrics(["0", "1"], [[2, 48], [45, 5]])
    let renaming = try #require(LabelRenaming(bestFor: metrics.confusionMatrix))
    #expect(
      renaming.renamings == [
        LabelRenaming.Renaming(predicted: "0", gold: "1"),
        LabelRenaming.Renaming(predicted: "1", gold: "0"),
      ])
  }
}
