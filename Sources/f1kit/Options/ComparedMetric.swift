import CommandLineSupport
import F1Kit

/// What `compare --metric` accepts: a metric of the predicted labels or,
/// for files read with their scores, a score metric.
enum ComparedMetric: Hashable, Sendable, ExpressibleByArgument {
  /// A metric computed from the confusion matrix.
  case classification(Metric)
  /// A metric computed from per-item scores.
  case score(ScoreMetric)
  /// A metric only a multilabel problem has, such as `samples_f1`.
  case multilabel(MultilabelMetric)

  init?(argument: String) {
    let argument = Self.scikitLearnScorers[argument] ?? argument
    if let metric = Metric(rawValue: argument) {
      self = .classification(metric)
    } else if let metric = ScoreMetric(rawValue: argument) {
      self = .score(metric)
    } else if let metric = MultilabelMetric(rawValue: argument) {
      self = .multilabel(metric)
    } else {
      return nil
    }
  }

  var defaultValueDescription: String {
    switch self {
    case .classification(let metric): metric.rawValue
    case .score(let metric): metric.rawValue
    case .multilabel(let metric): metric.rawValue
    }
  }

  /// scikit-learn's scorer names (`cross_val_score(scoring=…)`) for the
  /// metrics F1Kit names otherwise, so that `--metric f1_macro` means what
  /// a scikit-learn user means by it. The `neg_` losses are left out: their
  /// sign is the opposite of the metric F1Kit reports.
  static let scikitLearnScorers: [String: String] = {
    var names = [
      "f1": "binary_f1", "precision": "binary_precision", "recall": "binary_recall",
      "matthews_corrcoef": "mcc", "roc_auc_ovr": "roc_auc_ovr_macro",
      "roc_auc_ovo": "roc_auc_ovo_macro",
    ]
    for metric in ["f1", "precision", "recall"] {
      for average in ["micro", "macro", "weighted", "samples"] {
        names["\(metric)_\(average)"] = "\(average)_\(metric)"
      }
    }
    return names
  }()

  /// How far apart two models' values can be: 1 for a metric on [0, 1],
  /// 2 for the Matthews correlation and Cohen's kappa (on [−1, 1]), `nil`
  /// for log loss, which has no upper bound.
  var rangeWidth: Double? {
    switch self {
    case .classification(let metric):
      metric == .matthewsCorrelation || metric == .cohenKappa ? 2 : 1
    case .score(let metric): metric == .logLoss ? nil : 1
    case .multilabel: 1
    }
  }

  static var allValueStrings: [String] {
    Metric.allCases.map(\.rawValue) + ScoreMetric.allCases.map(\.rawValue)
      + MultilabelMetric.allCases.map(\.rawValue).filter { Metric(rawValue: $0) == nil }
  }

  static var valueExpectation: String { "one of " + allValueStrings.joined(separator: ", ") }
}
