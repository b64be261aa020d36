import F1Kit
import F1KitSupport

extension HardLabelScores {
  /// The two values in prose: `0 and 1`.
  public var valuesText: String {
    "\(NumberText.shortestBare(lowerValue)) and \(NumberText.shortestBare(upperValue))"
  }

  /// What the two values mean, in one line for a `warning:` on standard
  /// error: they look like hard predictions (0 and 1) or rank no further
  /// than one decision (two other values), no cut-off is left to tune, ROC-AUC is the balanced
  /// accuracy of one decision, and what to write instead.
  ///
  /// - Parameter digits: Decimal places of the balanced accuracy.
  /// - Returns: The sentence, lower case, without a final period.
  public func sentence(digits: Int = 4) -> String {
    let upper = "\(upperCount) of \(itemCount) items at \(NumberText.shortestBare(upperValue))"
    let auc =
      balancedAccuracy.isNaN
      ? ""
      : ", and ROC-AUC (\(NumberText.fixed(balancedAccuracy, digits: digits))) is only the balanced accuracy of that one decision"
    let kind =
      isZeroOne
      ? "they look like hard predictions, not scores (clf.predict(X) where clf.predict_proba(X)[:, 1] was meant)"
      : "they rank the items no further than one decision, as hard predictions do"
    return
      "the scores hold only two values, \(valuesText) (\(upper)), so \(kind): every cut-off between the two gives the same predictions, so there is none to tune\(auc); write the positive class's probability (predict_proba(X)[:, 1]) or decision_function(X) as the score"
  }
}
