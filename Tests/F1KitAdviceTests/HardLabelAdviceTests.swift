import F1Kit
import F1KitStatistics
import Testing

@testable import F1KitAdvice

/// Scores that are really hard labels (`df["score"] = clf.predict(X)`)
/// get the `hard-label-scores` warning, and no advice that reads a cut-off
/// curve, a calibration or a ranking into them.
@Suite("Hard-label score advice")
struct HardLabelAdviceTests {
  /// 10 items: 4 positives, 3 of them scored 1; 6 negatives, 1 of them
  /// scored 1. scikit-learn: roc_auc_score 0.7917 = (3/4 + 5/6) / 2,
  /// average_precision_score 0.6625, log_loss 2 · 36.0437 / 10 = 7.2087.
  private static let gold = [true, true, true, true, false, false, false, false, false, false]
  private static let decision = [1.0, 1, 1, 0, 1, 0, 0, 0, 0, 0]

  private static func hard(_ values: (low: Double, high: Double) = (0, 1)) throws -> BinaryScores {
    try BinaryScores(
      scores: decision.map { $0 == 1 ? values.high : values.low }, isPositive: gold)
  }

  /// Every way the cut-off can be known, and none.
  static let choices: [(ThresholdChoice?, Double?)] = [
    (ThresholdChoice(threshold: 0.5, source: .defaultValue), nil),
    (ThresholdChoice(threshold: 0.5, source: .given), nil),
    (
      ThresholdChoice(
        threshold: 1,
        source: .tuned(
          file: "dev.csv",
          tuning: ThresholdTuning(
            threshold: 1, metric: .binaryF1, value: 0.8, positiveCount: 4),
          isEvaluatedFile: false)), nil
    ),
    (nil, 1),
    (nil, nil),
  ]

  @Test(
    "two-valued scores get the hard-label warning and no other score advice", arguments: choices)
  func hardLabelsReplaceTheOtherScoreRules(choice: ThresholdChoice?, implied: Double?) throws {
    let advice = MetricAdvisor().scoreAdvice(
      for: [
        AdvisedScores(
          name: "m", scores: .binary(try Self.hard()), threshold: choice,
          impliedThreshold: implied)
      ])
    #expect(advice.map(\.rule) == [.hardLabelScores])
    let warning = try #require(advice.first)
    #expect(warning.severity == .warning)
    #expect(
      warning.title == "The scores hold only two values, 0 and 1: hard predictions, not scores")
    #expect(
      warning.message.contains(
        "ROC-AUC (0.7917) is only the balanced accuracy of that decision, (recall 0.7500 + specificity 0.8333) / 2"
      ))
    #expect(warning.message.contains("average precision (0.6625) a single step"))
    #expect(warning.message.contains("Log loss (7.2087) is the error rate, 0.2000"))
    #expect(warning.message.contains("predict_proba(X)[:, 1]"))
    let evidence = Dictionary(uniqueKeysWithValues: warning.evidence.map { ($0.name, $0.value) })
    #expect(evidence["distinct_scores"] == 2)
    #expect(evidence["items_at_upper_score"] == 4)
    #expect(abs(try #require(evidence["roc_auc"]) - 19.0 / 24) < 1e-12)
    #expect(abs(try #require(evidence["balanced_accuracy"]) - 19.0 / 24) < 1e-12)
    // Any cut-off in (0, 1] gives the predictions the scores are.
    #expect(
      evidence["score_equals_prediction_share"] == (choice == nil && implied == nil ? nil : 1))
  }

  @Test(
    "a cut-off outside the two values is cited by the share of items it predicts as the scores do")
  func cutoffOutsideTheValues() throws {
    let advice = MetricAdvisor().scoreAdvice(
      for: [
        AdvisedScores(
          name: "m", scores: .binary(try Self.hard()),
          threshold: ThresholdChoice(threshold: 1.5, source: .given))
      ])
    let warning = try #require(advice.first { $0.rule == .hardLabelScores })
    // Nothing is predicted positive: the 6 items scored 0 agree.
    #expect(warning.evidence.first { $0.name == "score_equals_prediction_share" }?.value == 0.6)
    #expect(warning.message.contains("the predictions follow the scores on 60.0% of the items"))
  }

  @Test("two values other than 0 and 1 are hard labels too, without the log-loss sentence")
  func otherTwoValues() throws {
    let advice = MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .binary(try Self.hard((0.2, 0.8))), threshold: nil)])
    let warning = try #require(advice.first)
    #expect(advice.count == 1)
    #expect(
      warning.title
        == "The scores hold only two values, 0.2 and 0.8: they rank no further than one decision")
    #expect(!warning.message.contains("Log loss"))
    #expect(!warning.message.contains("clf.predict(X)"))
    // Two values may be a coarse model's probabilities: the calibration
    // warning stays (10 positives at 0.9, 400 negatives at 0.6: Brier
    // 0.3515 > p(1 − p) = 0.0238).
    let coarse = try BinaryScores(
      scores: Array(repeating: 0.9, count: 10) + Array(repeating: 0.6, count: 400),
      isPositive: Array(repeating: true, count: 10) + Array(repeating: false, count: 400))
    let rules = MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .binary(coarse), threshold: nil)]
    ).map(\.rule)
    #expect(rules == [.hardLabelScores, .poorlyCalibratedProbabilities])
  }

  @Test("three distinct scores keep the threshold advice", arguments: [0.5, 0.3])
  func threeValuesAreScores(third: Double) throws {
    var scores = Self.decision
    scores[3] = third
    let binary = try BinaryScores(scores: scores, isPositive: Self.gold)
    #expect(HardLabelScores(binary) == nil)
    let advice = MetricAdvisor().scoreAdvice(
      for: [
        AdvisedScores(
          name: "m", scores: .binary(binary),
          threshold: ThresholdChoice(threshold: 0.9, source: .given))
      ])
    #expect(!advice.contains { $0.rule == .hardLabelScores })
    #expect(advice.contains { $0.rule == .thresholdSensitivity })
  }

  @Test("the rule reads one decision: ROC-AUC equals the balanced accuracy of the two values")
  func rocAUCIsBalancedAccuracy() throws {
    let scores = try Self.hard()
    let hard = try #require(HardLabelScores(scores))
    #expect(hard.lowerValue == 0 && hard.upperValue == 1 && hard.isZeroOne)
    #expect(hard.upperCount == 4 && hard.positiveCount == 4 && hard.positivesAtUpper == 3)
    #expect(abs(try #require(scores.value(of: .rocAUC)) - hard.balancedAccuracy) < 1e-12)
    #expect(abs(hard.errorRate - 0.2) < 1e-15)
    #expect(hard.agreement(withCutoff: 0.5) == 1)
    #expect(hard.agreement(withCutoff: 0) == 0.4)
    // One value is a constant score, not a hard label.
    #expect(
      HardLabelScores(try BinaryScores(scores: [1, 1, 1], isPositive: [true, false, true])) == nil)
  }

  @Test("two-valued scores of the other class get the hard-label warning, saying so")
  func invertedHardLabels() throws {
    let flipped = try BinaryScores(
      scores: Self.decision.map { 1 - $0 }, isPositive: Self.gold)
    let advice = MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .binary(flipped), threshold: nil)])
    #expect(advice.map(\.rule) == [.hardLabelScores])
    #expect(
      advice[0].message.contains("It is far below 0.5: 1 marks the negative items more often"))
  }

  @Test("one-hot per-class rows get the hard-label warning; probability rows do not")
  func oneHotRows() throws {
    // Three classes; items 0–3 predicted right, item 4 (gold 2) as class 0.
    let oneHot = try MulticlassScores(
      scores: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0], classCount: 3, gold: [0, 1, 2, 0, 2])
    #expect(oneHot.isOneHot)
    let advice = MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .multiclass(oneHot), threshold: nil)])
    let warning = try #require(advice.first)
    #expect(advice.map(\.rule) == [.hardLabelScores])
    #expect(warning.title.hasPrefix("Every row of the per-class scores is one-hot"))
    #expect(warning.evidence.first { $0.name == "error_rate" }?.value == 0.2)
    let soft = try MulticlassScores(
      scores: [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0, 0, 1], classCount: 3, gold: [0, 1, 2])
    #expect(!soft.isOneHot)
    #expect(
      MetricAdvisor().scoreAdvice(
        for: [AdvisedScores(name: "m", scores: .multiclass(soft), threshold: nil)]
      ).isEmpty)
  }
}
