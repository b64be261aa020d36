/// A floor on precision or recall under which a threshold is not
/// acceptable, for ``ThresholdTuner/tune(scores:gold:constraint:)``.
public enum ThresholdConstraint: Hashable, Sendable {
  /// Maximise recall among thresholds whose precision is at least this.
  case minimumPrecision(Double)
  /// Maximise precision among thresholds whose recall is at least this.
  case minimumRecall(Double)

  /// A short description, such as `precision >= 0.9`.
  public var description: String {
    switch self {
    case .minimumPrecision(let precision): "precision >= \(precision)"
    case .minimumRecall(let recall): "recall >= \(recall)"
    }
  }
}
