/// A metric computed from per-item scores rather than predicted labels.
///
/// The raw value is the metric's stable key in F1Kit's JSON output and the
/// name the command line accepts (`--metric roc_auc`). Binary metrics read
/// the positive label's score; the multiclass ones read one score per class.
/// `log_loss`, `brier_score` and `ece` exist in both forms.
public enum ScoreMetric: String, CaseIterable, Hashable, Sendable, Codable {
  /// Average precision (`average_precision_score`): the area under the
  /// step-wise precision–recall curve.
  case averagePrecision = "average_precision"
  /// The area under the ROC curve (`roc_auc_score`).
  case rocAUC = "roc_auc"
  /// The mean negative log-likelihood of the gold label (`log_loss`);
  /// lower is better.
  case logLoss = "log_loss"
  /// The mean squared distance between the probabilities and the one-hot
  /// gold label (`brier_score_loss`); lower is better.
  case brierScore = "brier_score"
  /// The expected calibration error over 15 equal-width bins; lower is
  /// better.
  case expectedCalibrationError = "ece"
  /// The unweighted mean of each class's one-vs-rest ROC-AUC.
  case rocAUCOneVsRestMacro = "roc_auc_ovr_macro"
  /// The prevalence-weighted mean of each class's one-vs-rest ROC-AUC.
  case rocAUCOneVsRestWeighted = "roc_auc_ovr_weighted"
  /// The unweighted mean over class pairs of the one-vs-one ROC-AUC
  /// (Hand and Till, 2001); needs probability rows.
  case rocAUCOneVsOneMacro = "roc_auc_ovo_macro"
  /// The unweighted mean of each class's one-vs-rest average precision.
  case averagePrecisionMacro = "average_precision_macro"

  /// The metrics of a binary problem, in report order.
  public static let binaryMetrics: [ScoreMetric] = [
    .averagePrecision, .rocAUC, .logLoss, .brierScore, .expectedCalibrationError,
  ]

  /// The metrics of a multiclass problem, in report order.
  public static let multiclassMetrics: [ScoreMetric] = [
    .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted, .rocAUCOneVsOneMacro,
    .averagePrecisionMacro, .logLoss, .brierScore, .expectedCalibrationError,
  ]

  /// The metrics that read one binary score per item and have no per-class
  /// form: average precision and ROC-AUC.
  package static let binaryOnlyMetrics: [ScoreMetric] = [.averagePrecision, .rocAUC]

  /// The binary metric a per-class one averages over classes (ROC-AUC for
  /// every ROC-AUC average); the metric itself when it has both forms or
  /// is binary.
  package var binaryCounterpart: ScoreMetric {
    switch self {
    case .averagePrecisionMacro: .averagePrecision
    case .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted, .rocAUCOneVsOneMacro: .rocAUC
    default: self
    }
  }

  /// The per-class average of a binary metric (its macro one-vs-rest
  /// form); the metric itself when it has both forms or is per-class.
  package var perClassCounterpart: ScoreMetric {
    switch self {
    case .averagePrecision: .averagePrecisionMacro
    case .rocAUC: .rocAUCOneVsRestMacro
    default: self
    }
  }

  /// The metrics reported for a problem of the given kind, in report order.
  ///
  /// - Parameter problem: The kind of problem.
  /// - Returns: ``binaryMetrics`` or ``multiclassMetrics``.
  public static func reported(for problem: ProblemKind) -> [ScoreMetric] {
    problem == .binary ? binaryMetrics : multiclassMetrics
  }

  /// Whether a larger value is better: `false` for the losses and ECE.
  public var isHigherBetter: Bool {
    switch self {
    case .logLoss, .brierScore, .expectedCalibrationError: false
    default: true
    }
  }

  /// Whether the metric needs the scores to be probabilities.
  public var needsProbabilities: Bool {
    switch self {
    case .logLoss, .brierScore, .expectedCalibrationError, .rocAUCOneVsOneMacro: true
    default: false
    }
  }

  /// Whether the metric reads only the order of the items by each class's
  /// score (ROC-AUC and average precision in all their averages), so any
  /// strictly increasing transform of the scores leaves it unchanged.
  ///
  /// A paired permutation test exchanges such a metric's ranks rather than
  /// its raw scores, so that two models on different scales are compared
  /// on one.
  package var isRankBased: Bool {
    switch self {
    case .averagePrecision, .rocAUC, .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted,
      .rocAUCOneVsOneMacro, .averagePrecisionMacro:
      true
    case .logLoss, .brierScore, .expectedCalibrationError: false
    }
  }

  /// The metric's name in prose, such as "ROC-AUC" or "log loss".
  public var displayName: String {
    switch self {
    case .averagePrecision: "average precision"
    case .rocAUC: "ROC-AUC"
    case .logLoss: "log loss"
    case .brierScore: "Brier score"
    case .expectedCalibrationError: "ECE"
    case .rocAUCOneVsRestMacro: "macro one-vs-rest ROC-AUC"
    case .rocAUCOneVsRestWeighted: "weighted one-vs-rest ROC-AUC"
    case .rocAUCOneVsOneMacro: "macro one-vs-one ROC-AUC"
    case .averagePrecisionMacro: "macro average precision"
    }
  }
}
