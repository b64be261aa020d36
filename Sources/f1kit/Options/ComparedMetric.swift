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

  static var allValueStrings: [String] {
    Metric.allCases.map(\.rawValue) + ScoreMetric.allCases.map(\.rawValue)
      + MultilabelMetric.allCases.map(\.rawValue).filter { Metric(rawValue: $0) == nil }
  }

  static var valueExpectation: String { "one of " + allValueStrings.joined(separator: ", ") }
}
