import F1Kit

extension ScoredModel {
  /// A one-line warning when the scores look like hard predictions: a
  /// binary column of exactly two values (`HardLabelScores`) or per-class
  /// rows that are all one-hot (`MulticlassScores/isOneHot`); `nil`
  /// otherwise.
  ///
  /// Commands print it on standard error (`warning: FILE: …`); the advice
  /// rule `hard-label-scores` says the same at length.
  ///
  /// - Complexity: O(*n*) for binary scores, O(*K* *n*) for *K* classes.
  public var hardLabelWarning: String? {
    switch self {
    case .binary(let scores):
      return HardLabelScores(scores)?.sentence()
    case .multiclass(let scores):
      guard scores.isOneHot else { return nil }
      return
        "every row of the per-class scores is one-hot (one 1, the others 0), so they look like the predicted classes, not probabilities (label_binarize(clf.predict(X)) where clf.predict_proba(X) was meant): each class's one-vs-rest ROC-AUC is only the balanced accuracy of one decision, and log loss counts the errors; write clf.predict_proba(X) as the per-class scores"
    }
  }
}
