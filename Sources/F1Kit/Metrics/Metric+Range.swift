extension Metric {
  /// The values the metric can take: [−1, 1] for the correlation-like
  /// metrics (MCC and Cohen's kappa), [0, 1] for every other.
  ///
  /// An interval that reaches past these bounds says nothing more than one
  /// cut at them, since no test set can give a value outside them.
  public var valueRange: ClosedRange<Double> {
    switch self {
    case .matthewsCorrelation, .cohenKappa: -1...1
    default: 0...1
    }
  }
}
