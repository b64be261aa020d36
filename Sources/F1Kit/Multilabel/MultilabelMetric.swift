/// A metric of a multilabel problem, where each item has a set of gold
/// labels and a set of predicted labels.
///
/// The raw value is the metric's stable key in F1Kit's JSON output. Each
/// equals scikit-learn's function on the label-indicator matrices (one
/// column per label), such as `f1_score(y_true, y_pred, average="samples")`.
public enum MultilabelMetric: String, CaseIterable, Hashable, Sendable, Codable {
  /// The fraction of items whose predicted set equals the gold set
  /// (scikit-learn's `accuracy_score` on indicator matrices).
  case subsetAccuracy = "subset_accuracy"
  /// The fraction of item-label cells predicted wrongly, over every label
  /// in the label order (`hamming_loss`); lower is better.
  case hammingLoss = "hamming_loss"
  /// Precision of the true and false positives pooled over labels.
  case microPrecision = "micro_precision"
  /// Recall of the counts pooled over labels.
  case microRecall = "micro_recall"
  /// F1 of the counts pooled over labels.
  case microF1 = "micro_f1"
  /// The unweighted mean of per-label precision.
  case macroPrecision = "macro_precision"
  /// The unweighted mean of per-label recall.
  case macroRecall = "macro_recall"
  /// The unweighted mean of per-label F1.
  case macroF1 = "macro_f1"
  /// The mean of per-label precision weighted by support.
  case weightedPrecision = "weighted_precision"
  /// The mean of per-label recall weighted by support.
  case weightedRecall = "weighted_recall"
  /// The mean of per-label F1 weighted by support.
  case weightedF1 = "weighted_f1"
  /// The mean over items of the precision of each item's predicted set.
  case samplesPrecision = "samples_precision"
  /// The mean over items of the recall of each item's gold set.
  case samplesRecall = "samples_recall"
  /// The mean over items of each item's F1.
  case samplesF1 = "samples_f1"
  /// The mean over items of |gold ∩ predicted| / |gold ∪ predicted|.
  case jaccardSamples = "jaccard_samples"
  /// The unweighted mean of per-label Jaccard indices.
  case jaccardMacro = "jaccard_macro"
  /// The Jaccard index of the counts pooled over labels.
  case jaccardMicro = "jaccard_micro"
  /// The mean of per-label Jaccard indices weighted by support.
  case jaccardWeighted = "jaccard_weighted"
  /// F-beta of the pooled counts, for the chosen beta.
  case microFBeta = "micro_fbeta"
  /// The unweighted mean of per-label F-beta.
  case macroFBeta = "macro_fbeta"
  /// The support-weighted mean of per-label F-beta.
  case weightedFBeta = "weighted_fbeta"
  /// The mean over items of each item's F-beta.
  case samplesFBeta = "samples_fbeta"

  /// Whether the metric is an F-beta, reported only when a beta is chosen.
  public var isFBeta: Bool {
    switch self {
    case .microFBeta, .macroFBeta, .weightedFBeta, .samplesFBeta: true
    default: false
    }
  }

  /// Whether a lower value is better (only ``hammingLoss``).
  public var isLowerBetter: Bool { self == .hammingLoss }

  /// The values the metric can take: [0, 1] for every multilabel metric,
  /// Hamming loss included.
  public var valueRange: ClosedRange<Double> { 0...1 }

  /// The metrics reported, in report order.
  ///
  /// - Parameter includesFBeta: Whether to add the F-beta metrics last.
  /// - Returns: The metrics.
  public static func reported(includesFBeta: Bool = false) -> [MultilabelMetric] {
    allCases.filter { includesFBeta || !$0.isFBeta }
  }

  /// The metric's name in prose, such as "samples-F1".
  public var displayName: String {
    switch self {
    case .subsetAccuracy: "subset accuracy"
    case .hammingLoss: "Hamming loss"
    case .microPrecision: "micro precision"
    case .microRecall: "micro recall"
    case .microF1: "micro-F1"
    case .macroPrecision: "macro precision"
    case .macroRecall: "macro recall"
    case .macroF1: "macro-F1"
    case .weightedPrecision: "weighted precision"
    case .weightedRecall: "weighted recall"
    case .weightedF1: "weighted-F1"
    case .samplesPrecision: "samples precision"
    case .samplesRecall: "samples recall"
    case .samplesF1: "samples-F1"
    case .jaccardSamples: "samples Jaccard"
    case .jaccardMacro: "macro Jaccard"
    case .jaccardMicro: "micro Jaccard"
    case .jaccardWeighted: "weighted Jaccard"
    case .microFBeta: "micro F-beta"
    case .macroFBeta: "macro F-beta"
    case .weightedFBeta: "weighted F-beta"
    case .samplesFBeta: "samples F-beta"
    }
  }
}
