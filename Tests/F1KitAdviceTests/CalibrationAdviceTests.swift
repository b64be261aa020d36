import F1Kit
import Foundation
import Testing
import _TestSupport

@testable import F1KitAdvice

/// The advice on binary probabilities that forecast no better than the
/// positive rate, or better but miscalibrated.
@Suite("Poorly calibrated probabilities")
struct CalibrationAdviceTests {
  private func advice(
    _ scores: [Double], _ isPositive: [Bool], rule: AdviceRule = .poorlyCalibratedProbabilities
  ) throws -> Advice? {
    try allAdvice(scores, isPositive).first { $0.rule == rule }
  }

  private func allAdvice(_ scores: [Double], _ isPositive: [Bool]) throws -> [Advice] {
    let binary = try BinaryScores(scores: scores, isPositive: isPositive)
    return MetricAdvisor().scoreAdvice(
      for: [AdvisedScores(name: "m", scores: .binary(binary), threshold: nil)])
  }

  /// A calibrated grid: 100 items at each of the scores 0.05, 0.15, …,
  /// 0.95, of which round(100 q) are positive (tools/calibration_test_check.py).
  private static let grid: (scores: [Double], isPositive: [Bool]) = {
    var scores: [Double] = []
    var isPositive: [Bool] = []
    for level in 0..<10 {
      let score = Double(level) * 0.1 + 0.05
      let positives = Int((100 * score).rounded())
      scores += Array(repeating: score, count: 100)
      isPositive += Array(repeating: true, count: positives)
      isPositive += Array(repeating: false, count: 100 - positives)
    }
    return (scores, isPositive)
  }()

  private static func logitScaled(_ score: Double, by factor: Double) -> Double {
    1 / (1 + exp(-factor * log(score / (1 - score))))
  }

  private static func evidence(_ advice: Advice) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: advice.evidence.map { ($0.name, $0.value) })
  }

  @Test(
    "scores shifted up by 0.2 beat the positive rate but warn as too high, citing ECE, both z and the bins"
  )
  func shiftedUpScoresWarn() throws {
    let scores = Self.grid.scores.map { min($0 + 0.2, 1) }
    let all = try allAdvice(scores, Self.grid.isPositive)
    #expect(!all.contains { $0.rule == .poorlyCalibratedProbabilities })
    let advice = try #require(all.first { $0.rule == .miscalibratedProbabilities })
    #expect(advice.severity == .warning)
    let evidence = Self.evidence(advice)
    // tools/calibration_test_check.py.
    #expect(agrees(try #require(evidence["spiegelhalter_z"]), 10.601212308535294, tolerance: 1e-9))
    #expect(
      agrees(
        try #require(evidence["calibration_in_the_large_z"]), -14.69693845669907, tolerance: 1e-9))
    #expect(agrees(try #require(evidence["ece"]), 0.18, tolerance: 1e-12))
    #expect(agrees(try #require(evidence["brier_skill_score"]), 0.19199999999999995))
    #expect(agrees(try #require(evidence["mean_score"]), 0.68))
    #expect(advice.title == "The scores are too high as probabilities (ECE 0.1800)")
    #expect(
      advice.message.hasPrefix(
        "The scores forecast better than the positive rate alone (Brier skill score 0.1920), but read as probabilities they are too high"
      ))
    #expect(advice.message.contains("Their mean is 0.6800 against a positive rate of 0.5000"))
    #expect(
      advice.message.contains(
        "Spiegelhalter's z is +10.60 and the calibration-in-the-large z −14.70 (p < 0.001"))
    // Every bin of 100 items is 0.2 off (0.35 and 0.45 a hair more in
    // floating point); the top bin holds 0.75, 0.85 and 0.95 shifted, 300
    // items 0.133 off on average: 40 items' worth, the most.
    #expect(
      advice.message.contains(
        "The reliability bins that show it most: [0.333, 0.400): 100 items, mean score 0.350, 15.0% positive; [0.400, 0.467): 100 items, mean score 0.450, 25.0% positive; [0.933, 1]: 300 items, mean score 0.983, 85.0% positive."
      ))
    #expect(advice.message.contains("CalibratedClassifierCV(method=\"sigmoid\")"))
  }

  @Test(
    "scores shifted down warn as too low; logit stretched and squeezed warn as over- and underconfident",
    arguments: [
      ("too low", -0.15, 1.0, 0.14),
      ("overconfident", 0, 3, 0.14395029788441135),
      ("underconfident", 0, 0.3, 0.14745962268993126),
    ])
  func directions(word: String, shift: Double, stretch: Double, ece: Double) throws {
    let scores = Self.grid.scores.map {
      min(max(Self.logitScaled($0, by: stretch) + shift, 0), 1)
    }
    let advice = try #require(
      try advice(scores, Self.grid.isPositive, rule: .miscalibratedProbabilities))
    #expect(advice.title.hasPrefix("The scores are \(word) as probabilities (ECE"))
    #expect(agrees(try #require(Self.evidence(advice)["ece"]), ece, tolerance: 1e-12))
    #expect(try self.advice(scores, Self.grid.isPositive) == nil)
  }

  @Test("calibrated scores and scores worse than the positive rate get no miscalibration warning")
  func calibratedOrWorseThanRateDoNotWarnTwice() throws {
    #expect(try allAdvice(Self.grid.scores, Self.grid.isPositive).isEmpty)
    // p^0.3: Brier skill −0.030, so the positive-rate warning speaks for
    // it, alone.
    let rules = try allAdvice(Self.grid.scores.map { pow($0, 0.3) }, Self.grid.isPositive).map(
      \.rule)
    #expect(rules.contains(.poorlyCalibratedProbabilities))
    #expect(!rules.contains(.miscalibratedProbabilities))
  }

  @Test("hard 0 and 1 scores keep their own advice, and no calibration warning")
  func hardLabelsKeepTheirAdvice() throws {
    // 0 and 1, wrong on 30 of 100 items: as probabilities far off, but the
    // hard-label warning says what they are.
    let gold = (0..<100).map { $0 < 50 }
    let scores = (0..<100).map { ($0 < 35 || $0 >= 85) ? 1.0 : 0.0 }
    let rules = try allAdvice(scores, gold).map(\.rule)
    #expect(rules == [.hardLabelScores])
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
