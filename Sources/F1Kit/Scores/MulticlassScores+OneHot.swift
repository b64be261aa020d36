extension MulticlassScores {
  /// Whether every row is one-hot: each score 0 or 1, exactly one 1 a row,
  /// as `label_binarize(clf.predict(X))` or `pd.get_dummies` writes
  /// predictions where `clf.predict_proba(X)` was meant.
  ///
  /// Such rows rank nothing beyond the predicted class: each class's
  /// one-vs-rest ROC-AUC is the balanced accuracy of one decision (see
  /// ``HardLabelScores``), and each wrong item costs log loss −log(ε) ≈
  /// 36.04.
  ///
  /// - Complexity: O(*K* *n*) for *n* items and *K* classes.
  public var isOneHot: Bool {
    stride(from: 0, to: scores.count, by: classCount).allSatisfy { row in
      var ones = 0
      for value in scores[row..<(row + classCount)] {
        if value == 1 {
          ones += 1
        } else if value != 0 {
          return false
        }
      }
      return ones == 1
    }
  }
}
