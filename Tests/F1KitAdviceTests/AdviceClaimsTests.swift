import F1Kit
import F1KitStatistics
import Testing
import _TestSupport

@testable import F1KitAdvice

/// Each sentence of the advice is checked against the numbers it stands
/// beside: what a student would believe must be true of the data.
@Suite("Advice claims match the numbers")
struct AdviceClaimsTests {
  @Test("balanced classes with accuracy and F1 far apart do not get the note that they agree")
  func balancedButDisagreeing() throws {
    // 500 items of each class; the model finds 98 of the 500 positives and
    // predicts "0" for every other item. scikit-learn: accuracy 0.598,
    // f1_score 0.3277591973244147: 0.27 apart, not "the same story".
    let metrics = try AdviceTestData.metrics(["0", "1"], [[500, 0], [402, 98]])
    let advice = MetricAdvisor().advice(for: metrics)
    #expect(!advice.contains { $0.rule == .balancedBinaryMetricsAgree })
    // Within 0.05 the note stays, and says the agreement is observed.
    let agreeing = try AdviceTestData.metrics(["0", "1"], [[45, 5], [6, 44]])
    let note = try #require(
      MetricAdvisor().advice(for: agreeing).first { $0.rule == .balancedBinaryMetricsAgree })
    #expect(note.message.contains("differ by only 0.0011: they tell the same story"))
  }

  @Test("with several models the data advice cites each model's scores by name")
  func dataAdviceNamesEachModel() throws {
    let models = try ["r8/test-tfidf-logreg.csv", "r8/test-tfidf-nb.csv"].map {
      AdvisedModel(name: $0, metrics: try AdviceTestData.fixtureMetrics($0))
    }
    let advice = MetricAdvisor().advice(for: models)
    let imbalance = try #require(advice.first { $0.rule == .imbalancedClasses })
    // Before, the message quoted logreg's accuracy (0.9488) and macro-F1
    // (0.8417) unnamed, as if they were the data's; naive Bayes has 0.8196
    // and 0.3304.
    #expect(!imbalance.message.contains("Accuracy (0.9488)"))
    #expect(imbalance.message.contains("r8/test-tfidf-logreg.csv: accuracy 0.9488"))
    #expect(
      imbalance.message.contains(
        "r8/test-tfidf-nb.csv: accuracy 0.8196, micro-F1 0.8196, macro-F1 0.3304"))
    #expect(
      imbalance.evidence.contains {
        $0.name == "macro_f1" && $0.model == "r8/test-tfidf-nb.csv"
          && abs($0.value - 0.3304) < 5e-5
      })
    let micro = try #require(advice.first { $0.rule == .microF1EqualsAccuracy })
    #expect(micro.message.contains("r8/test-tfidf-nb.csv: micro-F1 0.8196, accuracy 0.8196"))
    // One model keeps its numbers in the sentence, as docs/choosing-a-metric.md shows.
    let alone = try #require(
      MetricAdvisor().advice(for: [models[0]]).first { $0.rule == .imbalancedClasses })
    #expect(alone.message.contains("Accuracy (0.9488) and micro-F1 (0.9488) count every item"))
    #expect(!alone.message.contains("Here:"))
  }

  @Test("balanced binary advice over two models names both and needs both to agree")
  func balancedAdviceAcrossModels() throws {
    let good = try AdviceTestData.metrics(["0", "1"], [[45, 5], [6, 44]])
    let skewed = try AdviceTestData.metrics(["0", "1"], [[20, 30], [2, 48]])
    let agreeing = [
      AdvisedModel(name: "a", metrics: good), AdvisedModel(name: "b", metrics: good),
    ]
    let note = try #require(
      MetricAdvisor().advice(for: agreeing).first { $0.rule == .balancedBinaryMetricsAgree })
    #expect(note.message.contains("Here: a: accuracy 0.8900, F1 of \"1\" 0.8889; b: accuracy"))
    // b predicts "1" for 78 of 100 items: accuracy 0.68, F1 0.75.
    let parted = [
      AdvisedModel(name: "a", metrics: good), AdvisedModel(name: "b", metrics: skewed),
    ]
    #expect(
      !MetricAdvisor().advice(for: parted).contains { $0.rule == .balancedBinaryMetricsAgree })
  }

  @Test("a label predicted but in no gold set costs macro-F1 under every zero_division")
  func predictedLabelWithoutGoldItems() throws {
    // 10 "a", 10 "b"; "d" predicted twice, never a gold label. scikit-learn:
    // f1_score(labels=["a","b","d"], average="macro") 0.525925925925926
    // under every zero_division, 0.788888888888889 over ["a","b"].
    let metrics = try AdviceTestData.metrics(
      ["a", "b", "d"], [[8, 1, 1], [2, 7, 1], [0, 0, 0]])
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .labelWithoutGoldItems })
    #expect(
      advice.message.contains(
        "\"d\" is predicted for 2 items, none of them correctly, so its precision and F1 are 0 "
          + "under every setting: macro-F1 (0.5259) counts it as a complete miss, where over the "
          + "labels with gold items it is 0.7889."))
    #expect(!advice.message.contains("macro-F1 moves with zero_division"))
    let values = Dictionary(advice.evidence.map { ($0.name, $0.value) }) { first, _ in first }
    let overOccurring = try #require(values["macro_f1_labels_with_gold_items"])
    #expect(abs(overOccurring - 0.788888888888889) < 1e-12)
    #expect(values["predicted"] == 2)
  }

  @Test("a label in no gold set and never predicted makes macro-F1 depend on zero_division")
  func unpredictedLabelWithoutGoldItems() throws {
    // scikit-learn, labels=["a","b","e"]: macro-F1 0.4995822890559733 with
    // zero_division=0, 0.8329156223893066 with 1, 0.7493734335839599 with nan.
    let metrics = try AdviceTestData.metrics(
      ["a", "b", "e"], [[8, 2, 0], [3, 7, 0], [0, 0, 0]],
      options: EvaluationOptions(labels: ["a", "b", "e"]))
    let advice = try #require(
      MetricAdvisor().advice(for: metrics).first { $0.rule == .labelWithoutGoldItems })
    #expect(
      advice.message.contains(
        "so macro-F1 moves with zero_division as well: 0.4996 with 0, 0.8329 with 1 and 0.7494 "
          + "with nan."))
    let values = Dictionary(advice.evidence.map { ($0.name, $0.value) }) { first, _ in first }
    let one = try #require(values["macro_f1_zero_division_1"])
    #expect(abs(one - 0.8329156223893066) < 1e-12)
  }

  @Test("no significant difference beside an interval that excludes 0 says the two disagree")
  func notSignificantButIntervalExcludesZero() {
    let interval = ConfidenceInterval(
      lower: 0.001, upper: 0.041, estimate: 0.021, method: .bca, confidence: 0.95,
      standardError: 0.0102)
    let pair = ComparedPair(
      first: "A", second: "B", metricName: "macro-F1", difference: interval,
      decisionPValue: 0.06, test: .permutation, adjustment: nil, itemCount: 1_000,
      requiredItemCount: 1_890, significanceLevel: 0.05)
    let advice = MetricAdvisor().noSignificantDifference(pair)
    let sentence = ModelComparison.disagreementSentence(
      interval: interval, isSignificant: false, isAdjusted: false)
    #expect(!sentence.isEmpty)
    #expect(advice.message.contains(sentence))
    // An interval that contains 0 agrees with the test: nothing added.
    var agreeing = pair
    agreeing.difference = ConfidenceInterval(
      lower: -0.019, upper: 0.061, estimate: 0.021, method: .bca, confidence: 0.95,
      standardError: 0.0204)
    #expect(!MetricAdvisor().noSignificantDifference(agreeing).message.contains("disagree"))
  }

  @Test("the one-run advice does not derive seed luck from the test-set interval")
  func singleRunWording() throws {
    let interval = ConfidenceInterval(
      lower: -0.025, upper: 0.009, estimate: -0.008, method: .bca, confidence: 0.95,
      standardError: 0.0088)
    let advice = try #require(
      MetricAdvisor().singleRunPerModel(
        difference: interval, metric: .binaryF1, first: "A", second: "B"))
    #expect(!advice.message.contains("contains 0, so another training seed"))
    #expect(
      advice.message.contains(
        "That interval counts only the variation of the test items; another training seed adds "
          + "its own"))
  }

  @Test("the average-precision advice reads as a sentence: counts of items, and what to read")
  func averagePrecisionWording() throws {
    // 2 positives among 10 items, ranked first: AP 1, ROC-AUC 1.
    let rare = try BinaryScores(
      scores: [0.9, 0.8, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1, 0.1, 0.05],
      isPositive: [true, true] + Array(repeating: false, count: 8))
    let advice = try #require(
      MetricAdvisor().scoreAdvice(
        for: [AdvisedScores(name: "m", scores: .binary(rare), threshold: nil)]
      ).first { $0.rule == .averagePrecisionUnderImbalance })
    #expect(advice.message.hasPrefix("Positives are 2 of 10 items (20.0%)."))
    let common = try BinaryScores(
      scores: rare.scores.map { 1 - $0 }, isPositive: rare.isPositive.map { !$0 })
    let majority = try #require(
      MetricAdvisor().scoreAdvice(
        for: [AdvisedScores(name: "m", scores: .binary(common), threshold: nil)]
      ).first { $0.rule == .averagePrecisionUnderImbalance })
    #expect(majority.message.hasPrefix("Positives are the majority, 8 of 10 items (80.0%)"))
    #expect(majority.message.contains("Read ROC-AUC (1.0000, no-skill 0.5), which does not move"))
  }
}
