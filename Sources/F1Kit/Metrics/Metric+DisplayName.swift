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
