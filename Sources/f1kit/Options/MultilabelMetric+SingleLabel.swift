import CommandLineSupport
import F1Kit

extension MultilabelMetric {
  /// The usage failure for this multilabel-only metric asked of files with
  /// one label per item, naming the single-label metric that equals it
  /// where there is one, rather than comparing on the default metric.
  ///
  /// - Parameter command: The command's name, for the message.
  /// - Returns: A usage failure naming the single-label metrics.
  func singleLabelRefusal(in command: String) -> CommandFailure {
    let equivalent: String
    switch self {
    case .subsetAccuracy:
      equivalent = "subset accuracy is then accuracy: use --metric accuracy"
    case .hammingLoss:
      equivalent =
        "the Hamming loss is then 1 − accuracy: use --metric accuracy"
    case .samplesPrecision, .samplesRecall, .samplesF1, .samplesFBeta:
      equivalent =
        "every per-item (samples) average is then accuracy: use --metric accuracy"
    case .jaccardSamples, .jaccardMacro, .jaccardMicro, .jaccardWeighted:
      equivalent = "F1Kit has no single-label Jaccard index"
    default:
      equivalent = "use a single-label metric"
    }
    let names = Metric.allCases.map(\.rawValue).joined(separator: ", ")
    return .usage(
      "\(command) --metric \(rawValue) is a multilabel metric, but the files hold one label per item; \(equivalent) (single-label metrics: \(names); with scores also \(ScoreMetric.allCases.map(\.rawValue).joined(separator: ", ")))"
    )
  }
}
