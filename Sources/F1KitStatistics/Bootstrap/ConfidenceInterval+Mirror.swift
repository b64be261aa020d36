extension ConfidenceInterval {
  /// The interval of the negated statistic: its ends and estimate negated
  /// and exchanged, its method, confidence, standard error and resample
  /// counts kept.
  ///
  /// An end at 0 stays +0 (0 − *x*, not −*x*): a mirrored end of exactly 0
  /// then reads "0.000" wherever it is printed, not "-0.000".
  var mirrored: ConfidenceInterval {
    var interval = self
    interval.lower = 0 - upper
    interval.upper = 0 - lower
    interval.estimate = 0 - estimate
    return interval
  }
}
