import F1Kit
import F1KitSupport

extension ScoredModel {
  /// A one-line warning when binary scores rank the other class first:
  /// ROC-AUC below `ThresholdAdvice.invertedAUCLimit`, as the negative
  /// class's column of `predict_proba` gives (`predict_proba(X)[:, 0]`
  /// where `[:, 1]` was meant); `nil` otherwise, for per-class scores, and
  /// for scores of two values, whose `hardLabelWarning` speaks instead.
  ///
  /// Commands that print no advice (`evaluate`, `compare`, `gate`, `tune`,
  /// `curves`) print it on standard error (`warning: FILE: …`) and keep
  /// their exit status; the advice rule `inverted-scores` says the same at
  /// length.
  ///
  /// - Parameter digits: Decimal places of ROC-AUC.
  /// - Returns: The sentence, lower case, without a final period.
  /// - Complexity: O(*n*) for *n* items: the scores are already sorted.
  public func invertedScoresWarning(digits: Int = 4) -> String? {
    guard case .binary(let scores) = self, HardLabelScores(scores) == nil,
      let auc = scores.value(of: .rocAUC), auc < ThresholdAdvice.invertedAUCLimit
    else { return nil }
    let number = { (value: Double) in NumberText.fixed(value, digits: digits) }
    return
      "the scores rank the other class first: ROC-AUC is \(number(auc)), far below 0.5, so the negative items score above the positive ones, as the other class's scores do (predict_proba(X)[:, 0] where [:, 1] was meant, or --positive naming the class the scores are not for); a cut-off on them picks mostly the wrong items: give the positive class's scores, or 1 − score, whose ROC-AUC is \(number(1 - auc))"
  }
}
