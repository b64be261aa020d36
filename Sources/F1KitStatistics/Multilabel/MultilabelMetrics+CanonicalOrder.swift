import F1Kit

extension MultilabelMetrics {
  /// The same evaluation scored over its counts in canonical order
  /// (``MultilabelCounts/canonicallyOrdered(evaluating:)``), so that a
  /// bootstrap over it draws and sums its patterns in an order that rests
  /// on the items alone, not on the order a caller added them in.
  ///
  /// An evaluation made from counts already in canonical order, as the
  /// `f1kit` commands make them, gives an evaluation equal to it to the
  /// last bit: the sort leaves the patterns where they are.
  ///
  /// - Returns: The canonical evaluation, or `nil` when this one keeps no
  ///   counts (it was made from a ``MultilabelAccumulator``).
  /// - Complexity: O(*g* · *s* + *g* log *g* + *k* log *k*) for *g*
  ///   patterns of at most *s* labels and *k* labels.
  package func canonicallyOrdered() -> MultilabelMetrics? {
    guard let counts else { return nil }
    // The evaluated labels, named explicitly, give the same label order
    // and the same evaluated count as the options this evaluation was made
    // with (all labels in order when those named none).
    let options = EvaluationOptions(labels: labels, zeroDivision: scope.zeroDivision, beta: beta)
    do {
      return try MultilabelMetrics(
        counts: counts.canonicallyOrdered(evaluating: labels), options: options)
    } catch {
      // The labels, the beta and the total weight were all accepted when
      // this evaluation was made, so scoring the same items again cannot
      // fail.
      preconditionFailure("rescoring a valid multilabel evaluation failed: \(error)")
    }
  }
}
