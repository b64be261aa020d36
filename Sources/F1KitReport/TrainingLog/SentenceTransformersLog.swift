/// A results log written by one of Sentence-Transformers' cross-encoder
/// evaluators, known by its metric columns.
///
/// Sentence-Transformers names its CSV columns in its own way (`F1`,
/// `Average_Precision`) and selects on its own primary metric, so a report
/// of its log leads with that metric, not with F1Kit's. A log is recognised
/// only when its metric columns after `epoch,steps` are exactly, in order
/// and in case, those the evaluator writes.
public struct SentenceTransformersLog: Hashable, Sendable {
  /// The evaluator's class name, such as `CrossEncoderClassificationEvaluator`.
  public var evaluator: String
  /// The column of the evaluator's primary metric, such as
  /// `Average_Precision`.
  public var primaryMetric: String
  /// The columns a chart draws, the primary metric first; no threshold.
  public var plottedMetrics: [String]

  /// A known log: the evaluators that write it, its metric columns, and
  /// what a chart draws.
  private struct Schema {
    let evaluators: [String]
    let metricNames: [String]
    let plottedMetrics: [String]
  }

  /// The logs of `CrossEncoderClassificationEvaluator` (and, for a
  /// one-output model, the older `CEBinaryClassificationEvaluator`): its
  /// primary metric is `average_precision` for one output and `f1_macro`
  /// for several.
  private static let schemas = [
    Schema(
      evaluators: ["CrossEncoderClassificationEvaluator", "CEBinaryClassificationEvaluator"],
      metricNames: [
        "Accuracy", "Accuracy_Threshold", "F1", "F1_Threshold", "Precision", "Recall",
        "Average_Precision",
      ],
      plottedMetrics: ["Average_Precision", "F1", "Accuracy"]),
    Schema(
      evaluators: ["CrossEncoderClassificationEvaluator"],
      metricNames: ["Macro_F1", "Micro_F1", "Weighted_F1"],
      plottedMetrics: ["Macro_F1", "Micro_F1", "Weighted_F1"]),
  ]

  /// Recognises a log by its metric columns.
  ///
  /// - Parameters:
  ///   - metricNames: The columns after `epoch` and `steps`, in order.
  ///   - source: The file name; when it starts with an evaluator's class
  ///     name (`CEBinaryClassificationEvaluator_dev_results.csv`), that
  ///     evaluator is named.
  /// - Returns: `nil` when the columns are not a known evaluator's.
  public init?(metricNames: [String], source: String) {
    guard let schema = Self.schemas.first(where: { $0.metricNames == metricNames }) else {
      return nil
    }
    evaluator =
      schema.evaluators.first { source.hasPrefix($0 + "_") }
      ?? schema.evaluators[0]
    primaryMetric = schema.plottedMetrics[0]
    plottedMetrics = schema.plottedMetrics
  }
}
