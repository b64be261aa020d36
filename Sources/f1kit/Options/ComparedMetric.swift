import CommandLineSupport
import F1Kit

/// What `compare --metric` accepts: a metric of the predicted labels or,
/// for files read with their scores, a score metric.
enum ComparedMetric: Hashable, Sendable, ExpressibleByArgument {
  /// A metric computed from the confusion matrix.
  case classification(Metric)
  /// A metric computed from per-item scores.
  case score(ScoreMetric)

  init?(argument: String) {
    if let metric = Metric(rawValue: argument) {
      self = .classification(metric)
    } else if let metric = ScoreMetric(rawValue: argument) {
      self = .score(metric)
    } else {
      return nil
    }
  }

  var defaultValueDescription: String {
    switch self {
    case .classification(let metric): metric.rawValue
    case .score(let metric): metric.rawValue
    }
  }

  static var allValueStrings: [String] {
    Metric.allCases.map(\.rawValue) + ScoreMetric.allCases.map(\.rawValue)
  }

  static var valueExpectation: String { "one of " + allValueStrings.joined(separator: ", ") }
}
