extension Metric {
  /// The metric's name in prose, such as "macro-F1" or "Cohen's kappa".
  public var displayName: String {
    switch self {
    case .accuracy: "accuracy"
    case .balancedAccuracy: "balanced accuracy"
    case .microPrecision: "micro precision"
    case .microRecall: "micro recall"
    case .microF1: "micro-F1"
    case .macroPrecision: "macro precision"
    case .macroRecall: "macro recall"
    case .macroF1: "macro-F1"
    case .weightedPrecision: "weighted precision"
    case .weightedRecall: "weighted recall"
    case .weightedF1: "weighted-F1"
    case .matthewsCorrelation: "MCC"
    case .cohenKappa: "Cohen's kappa"
    case .binaryPrecision: "binary precision"
    case .binaryRecall: "binary recall"
    case .binaryF1: "binary F1"
    case .microFBeta: "micro F-beta"
    case .macroFBeta: "macro F-beta"
    case .weightedFBeta: "weighted F-beta"
    case .binaryFBeta: "binary F-beta"
    }
  }
}

extension Metric {
  /// The metric's name in prose with its beta written in, as an F-beta
  /// metric is conventionally named: "macro F2", "binary F0.5"; other
  /// metrics, and F-beta without a beta, keep ``displayName``.
  ///
  /// - Parameter beta: The beta of the F-beta metrics, if chosen.
  /// - Returns: The name.
  public func displayName(beta: Double?) -> String {
    guard isFBeta, let beta, beta.isFinite, beta >= 0 else { return displayName }
    let shown =
      beta == beta.rounded() && abs(beta) < 1e15 ? String(Int(beta)) : String(beta)
    let average =
      switch self {
      case .microFBeta: "micro"
      case .macroFBeta: "macro"
      case .weightedFBeta: "weighted"
      default: "binary"
      }
    return "\(average) F\(shown)"
  }
}
