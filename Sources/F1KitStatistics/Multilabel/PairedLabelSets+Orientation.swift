import F1Kit

extension PairedLabelSets {
  /// The same items with the two models exchanged: each pattern's first
  /// and second sets swapped, in canonical order.
  var exchanged: PairedLabelSets {
    PairedLabelSets(
      patterns: patterns.map {
        Pattern(
          gold: $0.gold, first: $0.second, second: $0.first, weight: $0.weight, count: $0.count)
      }, labelCount: scope.labelCount, scope: scope)
  }

  /// Whether the resampling runs on the models exchanged, so that swapping
  /// the two models gives the exact mirror image of every resampled number.
  ///
  /// As `PairedPredictions.resamplesExchanged` decides for single-label
  /// cells: the resampling runs on whichever of these patterns and their
  /// ``exchanged`` patterns comes first, compared pattern by pattern (key,
  /// then count). Both orders of the same two models pick the same
  /// patterns, so they draw the same resamples and exchanges; when the
  /// patterns equal their exchanged patterns, both orders are the same
  /// data and give the same numbers.
  var resamplesExchanged: Bool { resamples(exchanged: exchanged) }

  /// Whether the resampling runs on `exchanged`, these patterns with the
  /// models exchanged, rather than on these: ``resamplesExchanged`` for a
  /// caller that has built ``exchanged`` already and resamples it.
  private func resamples(exchanged: PairedLabelSets) -> Bool {
    for (pattern, swapped) in zip(patterns, exchanged.patterns) where pattern != swapped {
      let (key, swappedKey) = (pattern.key, swapped.key)
      return swappedKey == key ? swapped.count < pattern.count : swappedKey < key
    }
    return false
  }

  /// Runs the paired bootstrap and, when asked, the permutation test so
  /// that swapping the two models gives the exact mirror image: each
  /// difference's interval mirrored, the same p-values, undefined
  /// permutations and standard-error degrees.
  ///
  /// Both run on the orientation ``resamplesExchanged`` picks, from
  /// generators seeded by `seed` and their step alone (`ResamplingStream`),
  /// and their results are mirrored back when that orientation is the
  /// exchanged one.
  ///
  /// - Parameters:
  ///   - metrics: The metrics compared.
  ///   - options: Valid resampling options.
  ///   - permutes: Whether to run the permutation test.
  ///   - isWeighted: Whether the items carry sample weights.
  ///   - seed: The comparison's seed.
  ///   - bootstrapProgress: Called as the paired bootstrap advances.
  ///   - permutationProgress: Called as the permutation test advances.
  /// - Returns: Each metric's paired bootstrap, and its permutation test
  ///   when `permutes`, in metric order.
  func orientedTests(
    metrics: [MultilabelMetric], options: BootstrapOptions, permutes: Bool, isWeighted: Bool,
    seed: UInt64, bootstrapProgress: ResamplingProgress?,
    permutationProgress: ResamplingProgress?
  ) -> (
    bootstrap: [(interval: ConfidenceInterval, pValue: Double, standardErrorDegrees: Double?)],
    permutation: [(pValue: Double, undefined: Int)]?
  ) {
    // Built once: both deciding the orientation and resampling it need it.
    let swapped = exchanged
    let isExchanged = resamples(exchanged: swapped)
    let resampled = isExchanged ? swapped : self
    var generator = ResamplingStream.pairedBootstrap.generator(seed: seed)
    var bootstrap = resampled.bootstrap(
      metrics: metrics, options: options, isWeighted: isWeighted, progress: bootstrapProgress,
      using: &generator)
    if isExchanged {
      bootstrap = bootstrap.map { ($0.interval.mirrored, $0.pValue, $0.standardErrorDegrees) }
    }
    guard permutes else { return (bootstrap, nil) }
    // A permutation's |difference| and its p-value do not change sign.
    var permutationGenerator = ResamplingStream.permutation.generator(seed: seed)
    let permutation = resampled.permutationTest(
      metrics: metrics, resamples: options.resamples, progress: permutationProgress,
      using: &permutationGenerator)
    return (bootstrap, permutation)
  }
}
