import F1Kit

extension Metric {
  /// The metric's name for people: `macro-F1`, `balanced accuracy`, `MCC`.
  var displayName: String {
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
    case .binaryPrecision: "precision"
    case .binaryRecall: "recall"
    case .binaryF1: "F1"
    }
  }
}
