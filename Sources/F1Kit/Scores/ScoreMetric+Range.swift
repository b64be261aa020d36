extension ScoreMetric {
  /// The values the metric can take: [0, ∞) for log loss, [0, 1] for
  /// every other (the ROC-AUCs, the average precisions, the Brier score
  /// and ECE).
  ///
  /// An interval that reaches past these bounds says nothing more than one
  /// cut at them, since no test set can give a value outside them.
  public var valueRange: ClosedRange<Double> {
    switch self {
    case .logLoss: 0...Double.infinity
    default: 0...1
    }
  }
}
