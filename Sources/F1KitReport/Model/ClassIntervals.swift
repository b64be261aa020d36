import F1KitStatistics

/// Confidence intervals for one class's precision, recall and F1.
///
/// An interval is `nil` where it could not be computed, for example a
/// score that is undefined in every resample.
public struct ClassIntervals: Hashable, Sendable {
  /// The class label.
  public var label: String
  /// The interval of the class's precision.
  public var precision: ConfidenceInterval?
  /// The interval of the class's recall.
  public var recall: ConfidenceInterval?
  /// The interval of the class's F1.
  public var f1: ConfidenceInterval?

  /// Creates the intervals of one class.
  ///
  /// - Parameters:
  ///   - label: The class label.
  ///   - precision: The interval of precision, if known.
  ///   - recall: The interval of recall, if known.
  ///   - f1: The interval of F1, if known.
  public init(
    label: String, precision: ConfidenceInterval? = nil, recall: ConfidenceInterval? = nil,
    f1: ConfidenceInterval? = nil
  ) {
    self.label = label
    self.precision = precision
    self.recall = recall
    self.f1 = f1
  }
}

extension ConfidenceInterval {
  /// The interval when both ends are finite and in order, else `nil`.
  var finite: ConfidenceInterval? {
    lower.isFinite && upper.isFinite && lower <= upper ? self : nil
  }

  /// Whether the interval has no width: every resample gave the same value,
  /// as for the F1 of a class that is never predicted ([0, 0]). Such an
  /// interval shows that resampling cannot vary the score, not that the
  /// score is certain.
  var isDegenerate: Bool {
    upper - lower <= 1e-12 * max(1, abs(upper))
  }

  /// The interval's ends as a range, for drawing.
  var range: ClosedRange<Double> { lower...upper }
}
