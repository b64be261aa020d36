import F1Kit

extension PairedComparison {
  /// Runs the paired bootstrap and, when asked, the permutation test of
  /// one pair so that swapping the two models gives the exact mirror image:
  /// each difference, interval end and resampled difference negated, the
  /// same p-values and standard-error degrees.
  ///
  /// Both run on the orientation ``PairedPredictions/resamplesExchanged``
  /// picks, from generators seeded by `seed` and their step alone
  /// (``ResamplingStream``), and their results are mirrored back when that
  /// orientation is the exchanged one.
  ///
  /// - Parameters:
  ///   - metrics: The metrics to compare.
  ///   - options: The resamples, confidence level, interval method and
  ///     resampling strategy.
  ///   - permutes: Whether to run the permutation test.
  ///   - seed: The comparison's seed.
  ///   - bootstrapProgress: Called as the paired bootstrap advances.
  ///   - permutationProgress: Called as the permutation test advances.
  /// - Returns: Each metric's paired bootstrap, and its permutation test
  ///   when `permutes`.
  /// - Throws: ``StatisticsError`` when the options are invalid.
  func orientedTests(
    for metrics: [Metric], options: BootstrapOptions, permutes: Bool, seed: UInt64,
    bootstrapProgress: ResamplingProgress?, permutationProgress: ResamplingProgress?
  ) throws(StatisticsError) -> (
    bootstrap: [Metric: PairedBootstrapTest], permutation: [Metric: PermutationTest]
  ) {
    let isExchanged = predictions.resamplesExchanged
    let resampled =
      isExchanged ? try PairedComparison(predictions: predictions.exchanged, scope: scope) : self
    var generator = ResamplingStream.pairedBootstrap.generator(seed: seed)
    var bootstrap = try resampled.bootstrap(
      for: metrics, options: options, progress: bootstrapProgress, using: &generator)
    var permutation: [Metric: PermutationTest] = [:]
    if permutes {
      var generator = ResamplingStream.permutation.generator(seed: seed)
      permutation = try resampled.permutationTest(
        for: metrics, resamples: options.resamples, progress: permutationProgress,
        using: &generator)
    }
    if isExchanged {
      bootstrap = bootstrap.mapValues(\.mirrored)
      permutation = permutation.mapValues {
        var test = $0
        test.difference = -test.difference
        return test
      }
    }
    return (bootstrap, permutation)
  }
}
