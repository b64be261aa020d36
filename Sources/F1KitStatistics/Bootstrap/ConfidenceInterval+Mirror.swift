extension ConfidenceInterval {
  /// The interval of the negated statistic: its ends and estimate negated
  /// and exchanged, its method, confidence, standard error and resample
  /// counts kept.
  var mirrored: ConfidenceInterval {
    var interval = self
    interval.lower = -upper
    interval.upper = -lower
    interval.estimate = -estimate
    return interval
  }
}
