extension ExperimentComparison.Pair {
  /// The same pair with its two models exchanged: the difference and its
  /// interval negated (ends exchanged), the group permutation test's
  /// difference negated, the clustered McNemar test's discordant counts
  /// and the variance split's models exchanged; p-values, standard errors
  /// and degrees of freedom kept.
  ///
  /// - Parameter reverse: Almost Stochastic Order of the exchanged claim
  ///   (the first model's runs over the second's), drawn with this pair's
  ///   (``AlmostStochasticOrder/bothClaims(first:second:confidence:iterations:step:using:)``),
  ///   since ε_min is not the mirror image of the claim's.
  /// - Returns: The pair of `second` and `first`.
  func mirrored(almostStochasticOrder reverse: AlmostStochasticOrder?) -> Self {
    var pair = self
    pair.first = second
    pair.second = first
    pair.difference = difference.mirrored
    pair.groupPermutation = groupPermutation.map {
      var test = $0
      test.difference = 0 - test.difference
      return test
    }
    pair.almostStochasticOrder = reverse
    pair.clusteredMcNemar = clusteredMcNemar.map {
      var test = $0
      swap(&test.firstOnlyCorrect, &test.secondOnlyCorrect)
      return test
    }
    pair.varianceSplit = varianceSplit.map {
      var split = $0
      split.models.reverse()
      return split
    }
    return pair
  }
}
