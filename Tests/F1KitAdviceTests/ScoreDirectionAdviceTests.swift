import F1Kit
import Testing

@testable import F1KitAdvice

/// Score advice that must follow the direction of the scores: inverted
/// scores are flagged whether or not a cut-off made the predictions, and
/// the average-precision advice neither praises their ROC-AUC nor sends a
/// user to `--positive` without the other class's scores.
@Suite("Score direction advice")
struct ScoreDirectionAdviceTests {
  /// 4 positives and 36 negatives; the positives score lowest, as the
  /// scores of `predict_proba(X)[:, 1]` do once `--positive` names the
  /// other class. scikit-learn: roc_auc_score 0.0, average_precision_score
  /// 0.1 (the four positives come last among 40).
  private static func inverted() throws -> BinaryScores {
    try BinaryScores(
      scores: [0.01, 0.02, 0.03, 0.04] + (1...36).map { 0.1 + Double($0) / 40 },
      isPositive: Array(repeating: true, count: 4) + Array(repeating: false, count: 36))
  }

  /// The score advice on one model's scores, with no cut-off.
  private static func advice(_ scores: BinaryScores) -> [Advice] {
    MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .binary(scores), threshold: nil)])
  }

  @Test("inverted scores warn without a cut-off, when predictions come from a column")
  func invertedScoresWarnWithoutCutoff() throws {
    let scores = try Self.inverted()
    #expect(scores.value(of: .rocAUC) == 0)
    // No cut-off and none implied: the predictions come from a column.
    let advice = Self.advice(scores)
    let warning = try #require(advice.first { $0.rule == .invertedScores })
    #expect(warning.severity == .warning)
    #expect(warning.message.hasPrefix("ROC-AUC is 0.0000: in 100.0% of positive–negative pairs"))
    #expect(warning.message.contains("or 1 − score, whose ROC-AUC is 1.0000; a cut-off"))
    // With an implied cut-off it is given once, not twice.
    let implied = MetricAdvisor().scoreAdvice(
      for: [
        AdvisedScores(name: "m", scores: .binary(scores), threshold: nil, impliedThreshold: 0.5)
      ])
    #expect(implied.filter { $0.rule == .invertedScores }.count == 1)
  }

  @Test("inverted tied scores: the shares of pairs won, lost and tied, and 1 − score's ROC-AUC")
  func invertedTiedScoresCountTiesAsHalf() throws {
    // 20 positives (10 at 0.2, 10 at 0.5), 30 negatives (10 at 0.5, 20 at
    // 0.8): of 600 pairs the negative wins 500 and 100 tie. scikit-learn:
    // roc_auc_score 0.08333333333333334, and 0.9166666666666667 for
    // 1 − score; the best F1 on precision_recall_curve is 0.5714 at 0.2,
    // every item positive. 1 − ROC-AUC (91.7%) is not the share the
    // negative item wins.
    let scores = try BinaryScores(
      scores: Array(repeating: 0.2, count: 10) + Array(repeating: 0.5, count: 20)
        + Array(repeating: 0.8, count: 20),
      isPositive: Array(repeating: true, count: 20) + Array(repeating: false, count: 30))
    let warning = try #require(
      Self.advice(scores).first { $0.rule == .invertedScores })
    #expect(
      warning.message.hasPrefix(
        "ROC-AUC is 0.0833: the negative item scores higher in 83.3% of positive–negative pairs, the positive item in 0.0%, and the two tie in 16.7% (ROC-AUC counts a tie as half a pair)."
      ))
    #expect(warning.message.contains("or 1 − score, whose ROC-AUC is 0.9167 (ties stay ties)"))
    #expect(
      warning.message.contains(
        "the best F1 over cut-offs, 0.5714, predicts 50 of 50 items positive"))
    let evidence = Dictionary(uniqueKeysWithValues: warning.evidence.map { ($0.name, $0.value) })
    #expect(evidence["tied_pair_share"] == 100.0 / 600)
    #expect(evidence["negative_higher_share"].map { abs($0 - 500.0 / 600) < 1e-12 } == true)
  }

  @Test("inverted scores get no average-precision advice that calls their ROC-AUC high")
  func invertedScoresGetNoAveragePrecisionAdvice() throws {
    let advice = Self.advice(try Self.inverted())
    #expect(!advice.contains { $0.rule == .averagePrecisionUnderImbalance })
    #expect(advice.contains { $0.rule == .invertedScores })
  }

  @Test("majority positives: reading the rare class's average precision needs its own scores")
  func majorityPositivesNeedTheRareClassScores() throws {
    // 8 positives of 10, ranked first: AP 1, ROC-AUC 1.
    let common = try BinaryScores(
      scores: [0.95, 0.9, 0.8, 0.7, 0.7, 0.6, 0.6, 0.2, 0.1, 0.05],
      isPositive: Array(repeating: true, count: 8) + [false, false])
    let advice = try #require(
      Self.advice(common).first { $0.rule == .averagePrecisionUnderImbalance })
    #expect(
      advice.message.contains(
        "--positive with its label, and with its own scores (1 − score when the scores are "
          + "probabilities of the current positive label)"))
    #expect(!advice.message.contains("(--positive) to read its average precision"))
  }
}
