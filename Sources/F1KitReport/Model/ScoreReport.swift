import F1Kit
import F1KitAdvice
import F1KitStatistics

/// The report's score section: every model's threshold-free metrics with
/// their intervals, the paired tests between models from the comparison
/// engine (`ScoreComparison`), and for binary scores the cut-off each
/// model's predictions came from, where it lies on the curves, and how far
/// F1 moves with it.
///
/// ``ReportBuilder`` fills it in when the inputs carry ``ScoreInput``s;
/// ``HTMLReport`` draws it and ``ReportModel/jsonDocument()`` writes it
/// under `"scores"`.
public struct ScoreReport: Sendable {
  /// Where a binary model's predictions lie: the rates of its confusion
  /// matrix, which is a point on its ROC and precision–recall curves.
  public struct OperatingPoint: Hashable, Sendable {
    /// The share of negative items predicted positive (NaN without
    /// negative items).
    public var falsePositiveRate: Double
    /// The share of positive items predicted positive (NaN without
    /// positive items).
    public var recall: Double
    /// The share of items predicted positive that are positive (0 when
    /// none is predicted positive).
    public var precision: Double
    /// Binary F1 of the positive label.
    public var f1: Double

    /// The operating point of a binary confusion matrix.
    ///
    /// - Parameters:
    ///   - matrix: The confusion matrix.
    ///   - positive: The positive label's index in it.
    public init(_ matrix: ConfusionMatrix, positive: Int) {
      var tp = 0
      var fp = 0
      var fn = 0
      var tn = 0
      for gold in matrix.labels.indices {
        for predicted in matrix.labels.indices {
          let count = matrix[gold: gold, predicted: predicted]
          switch (gold == positive, predicted == positive) {
          case (true, true): tp += count
          case (false, true): fp += count
          case (true, false): fn += count
          case (false, false): tn += count
          }
        }
      }
      falsePositiveRate = fp + tn > 0 ? Double(fp) / Double(fp + tn) : .nan
      recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : .nan
      precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
      f1 = 2 * tp + fp + fn > 0 ? Double(2 * tp) / Double(2 * tp + fp + fn) : 0
    }
  }

  /// One model's scores and cut-off.
  public struct Model: Sendable {
    /// The model's display name.
    public var name: String
    /// The model's scores, aligned with the first model's items.
    public var scores: ScoredModel
    /// Where the scores were read from, for people.
    public var source: String
    /// The cut-off that made the predictions and where it came from;
    /// `nil` when the predictions come from a prediction column.
    public var threshold: ThresholdChoice?
    /// For predictions read from a prediction column: the cut-off they
    /// equal (every item predicted positive scores at least it, every
    /// other item less), or `nil` when no cut-off gives them.
    public var impliedThreshold: Double?
    /// Where the predictions lie on the curves (binary scores).
    public var operatingPoint: OperatingPoint?
    /// How far F1 at the cut-off is from the best on these items, and its
    /// range across cut-offs (binary scores with a known cut-off).
    public var thresholdAdvice: ThresholdAdvice?

    /// The cut-off of the predictions: given, default, tuned or implied.
    public var cutoff: Double? { threshold?.threshold ?? impliedThreshold }

    /// The binary scores, or `nil` for per-class scores.
    public var binaryScores: BinaryScores? {
      if case .binary(let scores) = scores { return scores }
      return nil
    }
  }

  /// Binary average precision and ROC-AUC of the positive label's column
  /// of two per-class columns, as `f1kit evaluate` adds them to the
  /// per-class metrics and `compare --metric roc_auc` compares them.
  public struct PositiveColumn: Sendable {
    /// The positive label, whose column is read.
    public var label: String
    /// Each model's binary scores: its positive label's column, aligned
    /// with the first model's items.
    public var models: [ScoredModel]
    /// The metrics with intervals and tests: those defined for every
    /// model.
    public var comparedMetrics: [ScoreMetric]
    /// The comparison engine's result on ``comparedMetrics``, with the
    /// binary tests; `nil` without resampling.
    public var comparison: ScoreComparison?

    /// Creates the positive column's part of the section.
    ///
    /// - Parameters:
    ///   - label: The positive label.
    ///   - models: Each model's binary scores.
    ///   - comparedMetrics: The metrics with intervals and tests.
    ///   - comparison: The comparison engine's result, if computed.
    public init(
      label: String, models: [ScoredModel], comparedMetrics: [ScoreMetric],
      comparison: ScoreComparison?
    ) {
      self.label = label
      self.models = models
      self.comparedMetrics = comparedMetrics
      self.comparison = comparison
    }
  }

  /// The models, in the report's order.
  public var models: [Model]
  /// The positive label of binary scores, else `nil`.
  public var positiveLabel: String?
  /// The metrics reported for the kind of scores, in display order.
  public var reportedMetrics: [ScoreMetric]
  /// The metrics with intervals and tests: those defined for every model.
  public var comparedMetrics: [ScoreMetric]
  /// The comparison engine's result on ``comparedMetrics``; `nil` without
  /// resampling.
  public var comparison: ScoreComparison?
  /// For two per-class columns of a binary problem, binary average
  /// precision and ROC-AUC of the positive label's column.
  public var positiveColumn: PositiveColumn?

  /// Creates a score section.
  ///
  /// - Parameters:
  ///   - models: The models.
  ///   - positiveLabel: The positive label of binary scores.
  ///   - reportedMetrics: The metrics reported.
  ///   - comparedMetrics: The metrics with intervals and tests.
  ///   - comparison: The comparison engine's result, if computed.
  ///   - positiveColumn: Binary average precision and ROC-AUC of the
  ///     positive label's column of two per-class columns, if any.
  public init(
    models: [Model], positiveLabel: String?, reportedMetrics: [ScoreMetric],
    comparedMetrics: [ScoreMetric], comparison: ScoreComparison?,
    positiveColumn: PositiveColumn? = nil
  ) {
    self.models = models
    self.positiveLabel = positiveLabel
    self.reportedMetrics = reportedMetrics
    self.comparedMetrics = comparedMetrics
    self.comparison = comparison
    self.positiveColumn = positiveColumn
  }

  /// Whether the scores are one binary score per item.
  public var isBinary: Bool { positiveLabel != nil }

  /// The metrics shown: ``reportedMetrics``, then binary average
  /// precision and ROC-AUC of the ``positiveColumn``, if any.
  public var shownMetrics: [ScoreMetric] {
    reportedMetrics + (positiveColumn == nil ? [] : ScoreMetric.binaryOnlyMetrics)
  }

  /// A model's values of ``shownMetrics``: its own, then those of its
  /// positive label's column, if any.
  ///
  /// - Parameter model: The model's index.
  /// - Returns: The values, with why each undefined one is undefined.
  public func metrics(ofModel model: Int) -> ScoreMetrics {
    let own = models[model].scores.metrics
    guard let positiveColumn else { return own }
    return own.appending(
      positiveColumn.models[model].metrics, metrics: ScoreMetric.binaryOnlyMetrics)
  }

  /// The comparison that holds a metric: the ``positiveColumn``'s for
  /// binary average precision and ROC-AUC of per-class scores, else
  /// ``comparison``.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: The comparison, or `nil` without resampling.
  public func comparison(of metric: ScoreMetric) -> ScoreComparison? {
    if let positiveColumn, ScoreMetric.binaryOnlyMetrics.contains(metric) {
      return positiveColumn.comparison
    }
    return comparison
  }

  /// Every comparison: ``comparison``, then the ``positiveColumn``'s.
  public var comparisons: [ScoreComparison] {
    [comparison, positiveColumn?.comparison].compactMap(\.self)
  }

  /// A model's bootstrap interval of a metric, if computed.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - model: The model's index.
  /// - Returns: The interval.
  public func interval(of metric: ScoreMetric, model: Int) -> ConfidenceInterval? {
    comparison(of: metric)?.models[model].intervals[metric]
  }

  /// A model's DeLong interval of ROC-AUC, if computed.
  ///
  /// - Parameter model: The model's index.
  /// - Returns: The interval.
  public func delongInterval(model: Int) -> ConfidenceInterval? {
    comparison(of: .rocAUC)?.models[model].delongInterval
  }

  /// The engine's pairs on one metric, in pair order.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: The pairs, empty without a comparison.
  public func pairs(on metric: ScoreMetric) -> [ScoreComparison.Pair] {
    comparison(of: metric)?.pairs.filter { $0.metric == metric } ?? []
  }
}

extension ScoreReport {
  /// The models as the score advice rules read them.
  public var advised: [AdvisedScores] {
    models.map {
      AdvisedScores(
        name: $0.name, scores: $0.scores, threshold: $0.threshold,
        impliedThreshold: $0.impliedThreshold)
    }
  }
}
