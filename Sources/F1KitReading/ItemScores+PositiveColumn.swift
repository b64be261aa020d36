import F1Kit

extension ItemScores {
  /// The items with the positive label's score alone, as a binary score
  /// column gives them: what binary average precision and ROC-AUC read from
  /// the two per-class columns of a binary problem, as scikit-learn's
  /// `average_precision_score(y, P[:, 1])` reads `predict_proba`'s second
  /// column.
  ///
  /// The predictions (the argmax of the two columns) and the ids are kept.
  ///
  /// - Parameter positiveLabel: The positive label, one of the two scored
  ///   labels.
  /// - Returns: The binary items, or `nil` unless exactly two labels are
  ///   scored, `positiveLabel` is one of them and every gold label is one
  ///   of them.
  /// - Complexity: O(*n*) for *n* items.
  package func positiveColumn(_ positiveLabel: String) -> ItemScores? {
    guard scoredLabels.count == 2, !isBinary,
      let column = scoredLabels.firstIndex(where: { $0.utf8.elementsEqual(positiveLabel.utf8) })
    else { return nil }
    let isScored = predictions.labels.map { label in
      scoredLabels.contains { $0.utf8.elementsEqual(label.utf8) }
    }
    guard predictions.gold.allSatisfy({ isScored[Int($0)] }) else { return nil }
    let positiveScores = stride(from: column, to: scores.count, by: 2).map { scores[$0] }
    return ItemScores(
      predictions: predictions, scoredLabels: [scoredLabels[column]], scores: positiveScores,
      positiveLabel: scoredLabels[column])
  }
}
