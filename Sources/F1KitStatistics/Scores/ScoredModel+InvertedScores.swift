import F1Kit
import F1KitSupport

extension ScoredModel {
  /// A one-line warning when binary scores rank the other class first:
  /// ROC-AUC below `ThresholdAdvice.invertedAUCLimit`, as the negative
  /// class's column of `predict_proba` gives (`predict_proba(X)[:, 0]`
  /// where `[:, 1]` was meant), or per-class columns of which some rank
  /// their own class's items below the others (one-vs-rest ROC-AUC below
  /// that limit: columns named in another order than the model's
  /// classes); `nil` otherwise, and for scores of two values or one-hot
  /// rows, whose `hardLabelWarning` speaks instead.
  ///
  /// Commands that print no advice (`evaluate`, `compare`, `gate`, `tune`,
  /// `curves`) print it on standard error (`warning: FILE: …`) and keep
  /// their exit status; the advice rule `inverted-scores` says the same at
  /// length.
  ///
  /// - Parameter digits: Decimal places of ROC-AUC.
  /// - Returns: The sentence, lower case, without a final period.
  /// - Complexity: O(*n*) for *n* items (O(*K* *n*) for *K* classes): the
  ///   scores are already sorted.
  public func invertedScoresWarning(digits: Int = 4) -> String? {
    let number = { (value: Double) in NumberText.fixed(value, digits: digits) }
    if case .multiclass(let scores) = self {
      return Self.misnamedColumnsWarning(scores, number: number)
    }
    guard case .binary(let scores) = self, HardLabelScores(scores) == nil,
      let auc = scores.value(of: .rocAUC), auc < ThresholdAdvice.invertedAUCLimit
    else { return nil }
    return
      "the scores rank the other class first: ROC-AUC is \(number(auc)), far below 0.5, so the negative items score above the positive ones, as the other class's scores do (predict_proba(X)[:, 0] where [:, 1] was meant, or --positive naming the class the scores are not for); a cut-off on them picks mostly the wrong items: give the positive class's scores, or 1 − score, whose ROC-AUC is \(number(1 - auc))"
  }

  /// The warning for per-class columns of which some rank their own
  /// class's items below the others (one-vs-rest ROC-AUC below
  /// `ThresholdAdvice.invertedAUCLimit`): the columns are most likely
  /// named in another order than the model's classes (two columns of
  /// `predict_proba` swapped, or named by a label encoder's order); `nil`
  /// for one-hot rows, whose `hardLabelWarning` speaks instead.
  private static func misnamedColumnsWarning(
    _ scores: MulticlassScores, number: (Double) -> String
  ) -> String? {
    guard !scores.isOneHot else { return nil }
    let inverted = (0..<scores.classCount).compactMap { column -> (String, Double)? in
      guard let auc = scores.oneVersusRestROCAUC(of: column),
        auc < ThresholdAdvice.invertedAUCLimit
      else { return nil }
      let name = column < scores.classNames.count ? scores.classNames[column] : "\(column)"
      return ("\"\(name)\" (\(number(auc)))", auc)
    }
    guard !inverted.isEmpty else { return nil }
    let columns = inverted.map(\.0)
    let list =
      columns.count == 1
      ? columns[0]
      : columns.dropLast().joined(separator: ", ") + " and " + columns[columns.count - 1]
    return
      "the score \(columns.count == 1 ? "column" : "columns") \(list) \(columns.count == 1 ? "ranks its" : "rank their") own class's items below the others (one-vs-rest ROC-AUC far below 0.5), so the columns are most likely named in another order than the model's classes (predict_proba's columns follow clf.classes_): name them with pd.DataFrame(clf.predict_proba(X), columns=clf.classes_)"
  }
}
