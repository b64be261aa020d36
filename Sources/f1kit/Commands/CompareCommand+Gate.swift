import CommandLineSupport
import F1Kit
import F1KitStatistics

extension CompareCommand {
  /// The comparison `gate` decides on: `compare`'s for two models, with
  /// `compare`'s defaults for McNemar's method and the adjustment, so the
  /// difference interval is `compare`'s own.
  ///
  /// - Parameters:
  ///   - models: The baseline and the candidate, each with its run files.
  ///   - names: Their names.
  ///   - design: The resampling design, when the experiment engine is
  ///     needed.
  ///   - groupColumn: The column naming each item's group, if any.
  ///   - metric: The metric to compare on.
  ///   - scoring: How predictions are scored.
  ///   - resampling: Resamples, confidence, interval method and seed.
  ///   - input: How the files are read.
  ///   - predictionColumns: The two models' prediction columns, when one
  ///     file (or its shards) holds both.
  ///   - scoreColumnsOf: The two models' score columns, when one file holds
  ///     both.
  init(
    gatingModels models: [ExperimentOptions.Model], names: [String], design: ResamplingDesign?,
    groupColumn: String?, metric: ComparedMetric, scoring: ScoringOptions,
    resampling: ResamplingOptions, input: InputOptions, predictionColumns: [String]? = nil,
    scoreColumnsOf: ModelScoreColumns? = nil
  ) {
    modelFiles = models.map(\.files)
    paths = predictionColumns == nil ? models.flatMap(\.files) : models[0].files
    self.names = names
    self.design = design
    self.groupColumn = groupColumn
    self.predictionColumns = predictionColumns
    self.scoreColumnsOf = scoreColumnsOf
    format = .json
    digits = TableOptions.defaultDigits
    switch metric {
    case .classification(let metric):
      self.metric = metric
      scoreMetric = nil
    case .score(let metric):
      self.metric = nil
      scoreMetric = metric
    case .multilabel:
      self.metric = nil
      scoreMetric = nil
    }
    metricName = metric.defaultValueDescription
    // For two models on a score metric the difference interval is drawn
    // before any permutation, so leaving out the permutation test (the
    // costly part: it sorts the scores again for every resample) keeps the
    // interval compare's to the last digit.
    test = scoreMetric == nil ? .all : .bootstrap
    mcnemar = .midP
    adjustment = .holm
    isTimed = false
    self.scoring = scoring
    self.resampling = resampling
    self.input = input
    if scoreMetric != nil { self.input.readsScoresUncut() }
  }
}
