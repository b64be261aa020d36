import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics

extension CompareCommand {
  /// Compares models with several runs each, grouped items or strata,
  /// through the statistics module's experiment comparison.
  func runExperiment(design: ResamplingDesign) throws(CommandFailure) -> CommandOutput {
    let (comparison, description) = try experimentComparison(design: design)
    switch format {
    case .json: return CommandOutput(comparison.jsonDocument(description).serialized() + "\n")
    case .text: return CommandOutput(comparison.textSummary(description))
    case .markdown, .latex:
      let tables = Self.captioning(
        ResultTable.experimentTables(
          comparison, description: description, groupColumn: groupColumn, digits: digits),
        with: try thresholdChoices())
      return CommandOutput(tables.rendered(as: format == .latex ? .latex : .markdown))
    }
  }

  /// Reads the runs, counts them and compares the models under `design`,
  /// as `compare` and `gate` do.
  ///
  /// - Parameter design: How test sets are resampled.
  /// - Returns: The comparison and what its outputs name.
  func experimentComparison(design: ResamplingDesign) throws(CommandFailure) -> (
    ExperimentComparison, ExperimentComparison.Description
  ) {
    let clock = ContinuousClock()
    let readingStart = clock.now
    let (counts, labels, classification, runFiles) = try experimentCounts()
    Console.writeWarnings(
      StrayPredictedLabels.warnings(
        counts: counts, labels: labels, runFiles: runFiles, evaluation: scoring.evaluation))
    let metric = self.metric ?? Metric.primary(for: classification.problem)
    if metric.isBinaryOnly && classification.problem != .binary {
      throw .usage(
        "the metric '\(metric.rawValue)' needs a binary problem; this one has \(labels.count) labels"
      )
    }
    let comparison: ExperimentComparison
    do {
      let readingTime = clock.now - readingStart
      let resamplingStart = clock.now
      defer {
        if isTimed {
          Console.writeError(
            "timings: reading, aligning and counting \(Self.seconds(readingTime)) s, scoring and resampling \(Self.seconds(clock.now - resamplingStart)) s\n"
          )
        }
      }
      var measured = try ExperimentComparison(
        counts: counts, metric: metric, scope: classification.scope, design: design,
        options: resampling.bootstrap, tests: test.tests, seed: resampling.seed)
      try measured.measureGroupWidening(seed: resampling.seed)
      comparison = measured
    } catch {
      throw ExperimentOptions.designFailure(
        error, groupFile: runFiles.first?.first, groupColumn: groupColumn)
    }
    let description = ExperimentComparison.Description(
      names: names, runFiles: runFiles, labels: labels, seed: resampling.seed,
      adjustment: adjustment.adjustment, positiveLabel: classification.positiveLabel)
    return (comparison, description)
  }

  /// The experiment's counts: from the files aligned item by item, or
  /// from the joint counts of one file's prediction columns (and groups)
  /// summed over its shards, which resample exactly alike.
  ///
  /// - Returns: The counts, the label order, the first model's metrics
  ///   (for the problem and scope) and each model's run sources.
  private func experimentCounts() throws(CommandFailure) -> (
    ExperimentCounts, [String], ClassificationMetrics, [[String]]
  ) {
    if let predictionColumns {
      let read = try ModelColumns.experimentCounts(
        paths, columns: predictionColumns, input: input, groupColumn: groupColumn,
        options: scoring.evaluation, metric: metric)
      return (read.counts, read.labels, read.classification, read.runFiles)
    }
    let read = try ExperimentOptions.counts(
      ofRuns: modelFiles, inputs: pathInputs, groupColumn: groupColumn,
      options: scoring.evaluation, metric: metric)
    return (read.counts, read.labels, read.classification, modelFiles)
  }
}
