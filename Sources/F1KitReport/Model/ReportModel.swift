import F1Kit
import F1KitAdvice
import F1KitStatistics

/// Everything a report shows, computed and ready to render: the models'
/// scores and intervals, the comparisons between them, the baselines, the
/// training curve, the advice and how it was all made.
///
/// Build one with ``ReportBuilder``, or fill it in yourself, and render it
/// with ``HTMLReport``.
public struct ReportModel: Sendable {
  /// The report's title.
  public var title: String
  /// The models, in the order given; the first model's gold labels are the
  /// data the advice describes.
  public var models: [ModelEvaluation]
  /// The metrics every pair of models is compared on, primary first.
  public var comparedMetrics: [Metric]
  /// The comparison engine's result: every model's intervals and, when the
  /// files have per-item predictions, every pair's difference, interval,
  /// tests and adjusted p-values on each compared metric; `nil` when no
  /// statistics were computed.
  public var comparison: ModelComparison?
  /// Where each pair's predictions part; empty when the files have no
  /// per-item predictions.
  public var disagreements: [ModelDisagreement]
  /// The no-skill baselines on the same gold labels.
  public var baselines: [BaselineScores]
  /// Metrics measured during training, if a log was given.
  public var trainingCurve: TrainingCurve?
  /// Advice computed from all of the above.
  public var advice: [Advice]
  /// How the report was made.
  public var metadata: RunMetadata
  /// A few items with their text: misclassified items and items on which
  /// models disagree; empty until text is attached with
  /// ``attachingTexts(_:)``, and without per-item predictions.
  public var examples: [ItemExamples] = []
  /// The score section: threshold-free metrics, curves and cut-offs, when
  /// the inputs have scores.
  public var scores: ScoreReport? = nil
  /// Several runs per model, grouped items or strata, compared on the
  /// primary metric; `nil` for a plain comparison of single files.
  public var experiment: ExperimentReport?

  /// Creates a report model.
  ///
  /// - Parameters:
  ///   - title: The report's title.
  ///   - models: The models; at least one.
  ///   - comparedMetrics: The metrics pairs are compared on, primary first.
  ///   - comparison: The comparison engine's result, if computed.
  ///   - disagreements: Where each pair's predictions part.
  ///   - baselines: No-skill baselines.
  ///   - trainingCurve: Metrics measured during training.
  ///   - advice: Advice about the metrics.
  ///   - metadata: How the report was made.
  public init(
    title: String, models: [ModelEvaluation], comparedMetrics: [Metric] = [],
    comparison: ModelComparison? = nil,
    disagreements: [ModelDisagreement] = [], baselines: [BaselineScores] = [],
    trainingCurve: TrainingCurve? = nil, advice: [Advice] = [],
    metadata: RunMetadata
  ) {
    precondition(!models.isEmpty, "a report needs at least one model")
    self.title = title
    self.models = models
    self.comparedMetrics = comparedMetrics
    self.comparison = comparison
    self.disagreements = disagreements
    self.baselines = baselines
    self.trainingCurve = trainingCurve
    self.advice = advice
    self.metadata = metadata
  }

  /// The first model's metrics, whose gold labels every model shares.
  public var reference: ClassificationMetrics { models[0].metrics }

  /// One pair's difference on one metric, with the comparison engine's
  /// statistics when they were computed.
  public struct Difference: Sendable {
    /// The index of the first model (A).
    public var first: Int
    /// The index of the second model (B).
    public var second: Int
    /// The metric compared.
    public var metric: Metric
    /// B − A.
    public var estimate: Double
    /// The engine's pair: interval, tests and adjusted p-values; `nil`
    /// without statistics or per-item predictions.
    public var statistics: ModelComparison.Pair?
  }

  /// Every pair of models (A before B in input order) on every compared
  /// metric, pair by pair; empty with one model.
  public var differences: [Difference] {
    var result: [Difference] = []
    for first in models.indices {
      for second in models.indices where second > first {
        result += comparedMetrics.map { difference(first, second, on: $0) }
      }
    }
    return result
  }

  /// Every pair of models on one metric, in pair order.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: The pairs' differences.
  public func differences(on metric: Metric) -> [Difference] {
    differences.filter { $0.metric == metric }
  }

  private func difference(_ first: Int, _ second: Int, on metric: Metric) -> Difference {
    let pair = comparison?.pairs.first {
      $0.metric == metric && $0.first == first && $0.second == second
    }
    return Difference(
      first: first, second: second, metric: metric,
      estimate: pair?.difference.estimate
        ?? models[second].metrics.value(of: metric) - models[first].metrics.value(of: metric),
      statistics: pair)
  }

  /// Whether any interval, test or bootstrap distribution is present.
  public var hasStatistics: Bool { comparison != nil }

  /// The report's Methods list, one line per method: the run metadata's
  /// ``RunMetadata/methods`` for a plain report; with an experiment, the
  /// experiment's methods (``ExperimentReport/methods``, which the
  /// Summary's verdict and Runs and groups use), then a heading for the
  /// sections built from each model's first run and their methods
  /// (``RunMetadata/firstRunMethods``), so that no line presents the first
  /// runs' item-level tests as the report's.
  public var methods: [String] {
    guard let experiment else { return metadata.methods }
    let hasScoreTests = scores?.comparison?.pairs.isEmpty == false
    return experiment.methods + [experiment.firstRunMethodsHeading(hasScoreTests: hasScoreTests)]
      + metadata.firstRunMethods
  }
}
