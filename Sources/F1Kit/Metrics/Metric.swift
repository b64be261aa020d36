/// A headline metric computed from a confusion matrix.
///
/// The raw value is the metric's stable key in F1Kit's JSON output and the
/// name the command line accepts (`--metric macro_f1`).
public enum Metric: String, CaseIterable, Hashable, Sendable, Codable {
  /// The fraction of items predicted correctly.
  case accuracy
  /// The mean recall over classes that occur in the gold labels.
  case balancedAccuracy = "balanced_accuracy"
  /// Precision of the pooled counts of the evaluated classes.
  case microPrecision = "micro_precision"
  /// Recall of the pooled counts of the evaluated classes.
  case microRecall = "micro_recall"
  /// F1 of the pooled counts; equals accuracy when every class is evaluated.
  case microF1 = "micro_f1"
  /// The unweighted mean of per-class precision.
  case macroPrecision = "macro_precision"
  /// The unweighted mean of per-class recall.
  case macroRecall = "macro_recall"
  /// The unweighted mean of per-class F1 (not the F1 of macro precision and
  /// macro recall).
  case macroF1 = "macro_f1"
  /// The support-weighted mean of per-class precision.
  case weightedPrecision = "weighted_precision"
  /// The support-weighted mean of per-class recall.
  case weightedRecall = "weighted_recall"
  /// The support-weighted mean of per-class F1.
  case weightedF1 = "weighted_f1"
  /// The Matthews correlation coefficient in its multiclass form
  /// (Gorodkin's R_K).
  case matthewsCorrelation = "mcc"
  /// Cohen's kappa between gold and predicted labels.
  case cohenKappa = "cohen_kappa"
  /// Precision of the positive label.
  case binaryPrecision = "binary_precision"
  /// Recall of the positive label.
  case binaryRecall = "binary_recall"
  /// F1 of the positive label: the primary metric of a binary problem.
  case binaryF1 = "binary_f1"
  /// F-beta of the pooled counts, for the scope's ``MetricScope/beta``.
  case microFBeta = "micro_fbeta"
  /// The unweighted mean of per-class F-beta.
  case macroFBeta = "macro_fbeta"
  /// The support-weighted mean of per-class F-beta.
  case weightedFBeta = "weighted_fbeta"
  /// F-beta of the positive label.
  case binaryFBeta = "binary_fbeta"

  /// The metrics reported for every problem, in report order.
  public static let multiclassMetrics: [Metric] = allCases.filter {
    !$0.isBinaryOnly && !$0.isFBeta
  }

  /// Whether the metric exists only for binary problems.
  public var isBinaryOnly: Bool {
    switch self {
    case .binaryPrecision, .binaryRecall, .binaryF1, .binaryFBeta: true
    default: false
    }
  }

  /// Whether the metric is a macro average: the unweighted mean of a
  /// per-class precision, recall or F-score over the evaluated classes.
  public var isMacroAverage: Bool {
    switch self {
    case .macroPrecision, .macroRecall, .macroF1, .macroFBeta: true
    default: false
    }
  }

  /// Whether the metric is an F-beta average, reported only when a beta is
  /// chosen (`--beta`) and computed with the scope's ``MetricScope/beta``.
  public var isFBeta: Bool {
    switch self {
    case .microFBeta, .macroFBeta, .weightedFBeta, .binaryFBeta: true
    default: false
    }
  }

  /// The metrics reported for a problem of the given kind, in report order.
  ///
  /// - Parameters:
  ///   - problem: The kind of problem.
  ///   - includesFBeta: Whether to add the F-beta averages after the others.
  /// - Returns: Every metric for binary problems; the others otherwise.
  public static func reported(for problem: ProblemKind, includesFBeta: Bool = false) -> [Metric] {
    allCases.filter { metric in
      (problem == .binary || !metric.isBinaryOnly) && (includesFBeta || !metric.isFBeta)
    }
  }

  /// The metric a best-model choice should use for a problem of this kind.
  ///
  /// - Parameter problem: The kind of problem.
  /// - Returns: ``binaryF1`` for binary problems, ``macroF1`` otherwise.
  public static func primary(for problem: ProblemKind) -> Metric {
    problem == .binary ? .binaryF1 : .macroF1
  }

  /// The averaging and score a precision, recall or F-score metric
  /// combines, or `nil` for the other metrics.
  ///
  /// - Parameter beta: The beta of the F-beta metrics.
  package func averagedScore(beta: Double) -> (average: Average, score: Score)? {
    switch self {
    case .microPrecision: (.micro, .precision)
    case .microRecall: (.micro, .recall)
    case .microF1: (.micro, .fScore(beta: 1))
    case .macroPrecision: (.macro, .precision)
    case .macroRecall: (.macro, .recall)
    case .macroF1: (.macro, .fScore(beta: 1))
    case .weightedPrecision: (.weighted, .precision)
    case .weightedRecall: (.weighted, .recall)
    case .weightedF1: (.weighted, .fScore(beta: 1))
    case .binaryPrecision: (.binary, .precision)
    case .binaryRecall: (.binary, .recall)
    case .binaryF1: (.binary, .fScore(beta: 1))
    case .microFBeta: (.micro, .fScore(beta: beta))
    case .macroFBeta: (.macro, .fScore(beta: beta))
    case .weightedFBeta: (.weighted, .fScore(beta: beta))
    case .binaryFBeta: (.binary, .fScore(beta: beta))
    case .accuracy, .balancedAccuracy, .matthewsCorrelation, .cohenKappa: nil
    }
  }
}

/// A per-class score that averages combine.
public enum Score: Hashable, Sendable {
  /// True positives over predicted positives.
  case precision
  /// True positives over actual positives.
  case recall
  /// The weighted harmonic mean of precision and recall; `beta` > 1 favours
  /// recall.
  case fScore(beta: Double)
}
