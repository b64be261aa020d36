/// Confidence intervals for one class's precision, recall and F1.
///
/// An interval is `nil` where it could not be computed, for example a
/// score that is undefined in every resample.
public struct ClassIntervals: Hashable, Sendable {
  /// The class label.
  public var label: String
  /// The interval of the class's precision.
  public var precision: ClosedRange<Double>?
  /// The interval of the class's recall.
  public var recall: ClosedRange<Double>?
  /// The interval of the class's F1.
  public var f1: ClosedRange<Double>?

  /// Creates the intervals of one class.
  ///
  /// - Parameters:
  ///   - label: The class label.
  ///   - precision: The interval of precision, if known.
  ///   - recall: The interval of recall, if known.
  ///   - f1: The interval of F1, if known.
  public init(
    label: String, precision: ClosedRange<Double>? = nil, recall: ClosedRange<Double>? = nil,
    f1: ClosedRange<Double>? = nil
  ) {
    self.label = label
    self.precision = precision
    self.recall = recall
    self.f1 = f1
  }
}

extension ClosedRange where Bound == Double {
  /// The interval between two numbers, or `nil` when either is not finite
  /// or they are out of order.
  ///
  /// - Parameters:
  ///   - lower: The lower end.
  ///   - upper: The upper end.
  /// - Returns: `lower...upper`, or `nil`.
  static func finite(_ lower: Double, _ upper: Double) -> ClosedRange<Double>? {
    guard lower.isFinite, upper.isFinite, lower <= upper else { return nil }
    return lower...upper
  }

  /// The distance from the lower to the upper end.
  var width: Double { upperBound - lowerBound }
}
