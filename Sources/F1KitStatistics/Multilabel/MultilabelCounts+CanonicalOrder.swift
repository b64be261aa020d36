import F1Kit

extension MultilabelCounts {
  /// The same counts over the labels in the order an evaluation of
  /// `labels` reports them, with the groups in ``LabelSetPatternKey`` order.
  ///
  /// Scoring these counts gives each number — a point value, a bootstrap
  /// interval — that depends on the items alone, not on the order they
  /// were read in: `f1kit evaluate --ci` on one file and `f1kit compare`
  /// with the file in either position give the file's model the same
  /// interval.
  ///
  /// - Parameter labels: The labels to evaluate, or `nil` for all.
  /// - Returns: The counts, ready for `MultilabelMetrics.init(counts:options:)`.
  /// - Throws: `MetricsError/duplicateLabel(_:)` when a label repeats.
  /// - Complexity: O(*g* · *s* + *g* log *g* + *k* log *k*) for *g* groups
  ///   of at most *s* labels and *k* labels.
  package func canonicallyOrdered(evaluating labels: [String]?) throws(MetricsError)
    -> MultilabelCounts
  {
    // Named numbers take the spellings the sets use (`1.0` names `1`), as
    // `MultilabelMetrics.init(counts:options:)` matches them.
    let named = EvaluationOptions(labels: labels).spellingNumbers(like: self.labels).labels
    let relabeled = try reordered(to: named)
    let keys = relabeled.groups.map {
      LabelSetPatternKey([$0.gold, $0.predicted], weight: $0.weight)
    }
    var result = MultilabelCounts(labels: relabeled.labels, isWeighted: isWeighted)
    for position in LabelSetPatternKey.sortedPositions(keys) {
      let group = relabeled.groups[position]
      result.add(
        gold: group.gold, predicted: group.predicted, weight: group.weight,
        count: group.itemCount)
    }
    return result
  }
}
