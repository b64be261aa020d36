import F1Kit

/// Everything a report shows, computed and ready to render: the models'
/// scores and intervals, the comparisons between them, the baselines, the
/// training curve, the advice and how it was all made.
///
/// Build one with ``ReportBuilder``, or fill it in yourself, and render it
/// with ``HTMLReport``.
public struct ReportModel: Sendable {
  /// The report's title.
  public var title: String
  /// The models, in the order given; the first is the reference of the
  /// comparisons.
  public var models: [ModelEvaluation]
  /// Comparisons of each later model with the first, per metric.
  public var comparisons: [MetricComparison]
  /// Where each later model's predictions part from the first's; empty
  /// when the files have no per-item predictions.
  public var disagreements: [ModelDisagreement]
  /// The no-skill baselines on the same gold labels.
  public var baselines: [BaselineScores]
  /// Metrics measured during training, if a log was given.
  public var trainingCurve: TrainingCurve?
  /// Advice computed from all of the above.
  public var advice: [Advice]
  /// How the report was made.
  public var metadata: RunMetadata

  /// Creates a report model.
  ///
  /// - Parameters:
  ///   - title: The report's title.
  ///   - models: The models; at least one.
  ///   - comparisons: Comparisons between models.
  ///   - disagreements: Where later models' predictions part from the first's.
  ///   - baselines: No-skill baselines.
  ///   - trainingCurve: Metrics measured during training.
  ///   - advice: Advice about the metrics.
  ///   - metadata: How the report was made.
  public init(
    title: String, models: [ModelEvaluation], comparisons: [MetricComparison] = [],
    disagreements: [ModelDisagreement] = [], baselines: [BaselineScores] = [],
    trainingCurve: TrainingCurve? = nil, advice: [Advice] = [],
    metadata: RunMetadata
  ) {
    precondition(!models.isEmpty, "a report needs at least one model")
    self.title = title
    self.models = models
    self.comparisons = comparisons
    self.disagreements = disagreements
    self.baselines = baselines
    self.trainingCurve = trainingCurve
    self.advice = advice
    self.metadata = metadata
  }

  /// The first model's metrics, whose gold labels every model shares.
  public var reference: ClassificationMetrics { models[0].metrics }

  /// The comparisons on one metric, in model order.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: The comparisons of each later model with the first.
  public func comparisons(on metric: Metric) -> [MetricComparison] {
    comparisons.filter { $0.metric == metric }
  }

  /// Whether any interval, test or bootstrap distribution is present.
  public var hasStatistics: Bool {
    models.contains { !$0.intervals.isEmpty } || comparisons.contains { $0.interval != nil }
  }
}
