import F1Kit
import Testing
import _TestSupport

@testable import F1KitAdvice

/// The advice on binary probabilities that forecast no better than the
/// positive rate.
@Suite("Poorly calibrated probabilities")
struct CalibrationAdviceTests {
  private func advice(_ scores: [Double], _ isPositive: [Bool]) throws -> Advice? {
    let binary = try BinaryScores(scores: scores, isPositive: isPositive)
    return MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .binary(binary), threshold: nil)]
    ).first { $0.rule == .poorlyCalibratedProbabilities }
  }

  @Test(
    "overconfident probabilities on 1:40 data warn, citing Brier against p(1 − p), ECE and log loss"
  )
  func overconfidentProbabilitiesWarn() throws {
    // 10 positives scored 0.9, 400 negatives scored 0.6: ranked perfectly
    // (ROC-AUC 1) but far off as probabilities. scikit-learn:
    // brier_score_loss 0.35146341463414627, against p(1 − p)
    // 0.023795359904818562 for p = 10/410; log_loss 0.8965119461127808,
    // and 0.11466528220290656 for the constant p. ECE over 10 bins:
    // (400 × 0.6 + 10 × 0.1) / 410.
    let advice = try #require(
      try advice(
        Array(repeating: 0.9, count: 10) + Array(repeating: 0.6, count: 400),
        Array(repeating: true, count: 10) + Array(repeating: false, count: 400)))
    #expect(advice.severity == .warning)
    let evidence = Dictionary(uniqueKeysWithValues: advice.evidence.map { ($0.name, $0.value) })
    #expect(agrees(try #require(evidence["brier_score"]), 0.35146341463414627))
    #expect(agrees(try #require(evidence["base_rate_brier_score"]), 0.023795359904818562))
    #expect(agrees(try #require(evidence["brier_skill_score"]), -13.770249999999995))
    #expect(agrees(try #require(evidence["log_loss"]), 0.8965119461127808))
    #expect(agrees(try #require(evidence["base_rate_log_loss"]), 0.11466528220290656))
    #expect(agrees(try #require(evidence["ece"]), 241.0 / 410))
    #expect(
      advice.message.hasPrefix(
        "Read as probabilities, the scores have a Brier score of 0.3515, no better than forecasting the positive rate p = 0.0244 for every item, whose Brier score is p(1 − p) = 0.0238"
      ))
    #expect(
      advice.message.contains(
        "recalibrate them on held-out data (Platt scaling or isotonic regression"))
    #expect(advice.message.contains("before applying a cut-off such as 0.5 or reporting log loss"))
    #expect(
      advice.message.contains("ROC-AUC and average precision read only the order of the scores"))
  }

  @Test("well-calibrated probabilities, constant scores and scores outside [0, 1] do not warn")
  func calibratedProbabilitiesDoNotWarn() throws {
    // 100 items scored 0.1 with 10 positives, 100 scored 0.9 with 90:
    // calibrated. scikit-learn: brier_score_loss 0.09 against 0.25.
    let gold =
      Array(repeating: true, count: 10) + Array(repeating: false, count: 90)
      + Array(repeating: true, count: 90) + Array(repeating: false, count: 10)
    let scores = Array(repeating: 0.1, count: 100) + Array(repeating: 0.9, count: 100)
    #expect(try advice(scores, gold) == nil)
    // The constant positive rate has Brier p(1 − p) exactly: constant-scores
    // speaks for it.
    #expect(try advice(Array(repeating: 0.5, count: 200), gold) == nil)
    // Margins, not probabilities: no Brier score to judge.
    #expect(try advice(scores.map { $0 * 4 - 2 }, gold) == nil)
  }
}
