extension PairedBootstrapTest {
  /// The same test with the two models exchanged: the estimates swapped,
  /// the difference, its interval and every resampled difference negated,
  /// the p-value and standard-error degrees kept.
  var mirrored: PairedBootstrapTest {
    var test = PairedBootstrapTest(
      metric: metric, firstEstimate: secondEstimate, secondEstimate: firstEstimate,
      difference: difference.mirrored, pValue: pValue,
      resampledDifferences: resampledDifferences.reversed().map { -$0 })
    test.standardErrorDegrees = standardErrorDegrees
    return test
  }
}
