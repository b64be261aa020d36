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
      let tables = ResultTable.experimentTables(
        comparison, description: description, groupColumn: groupColumn, digits: digits)
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
    let runNames = ModelNames.defaults(paths)
    let aligned = try Self.align(paths, inputs: pathInputs, names: runNames)
    let groups = try groupCodes(itemCount: aligned.itemCount)
    let classification: ClassificationMetrics
    do {
      classification = try ClassificationMetrics(
        confusionMatrix: aligned.confusionMatrix(ofModel: 0), options: scoring.evaluation)
    } catch {
      throw .usage(error.description)
    }
    let metric = self.metric ?? Metric.primary(for: classification.problem)
    if metric.isBinaryOnly && classification.problem != .binary {
      throw .usage(
        "The metric '\(metric.rawValue)' needs a binary problem; this one has \(aligned.labels.count) labels"
      )
    }
    var runs: [[[Int32]]] = []
    var offset = 0
    for files in modelFiles {
      runs.append((offset..<(offset + files.count)).map { aligned.predictions[$0] })
      offset += files.count
    }
    let comparison: ExperimentComparison
    do {
      let counts = try ExperimentCounts(
        gold: aligned.gold, runs: runs, groups: groups, classCount: aligned.labels.count)
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
        options: resampling.bootstrap, seed: resampling.seed)
      try measured.measureGroupWidening(seed: resampling.seed)
      comparison = measured
    } catch {
      throw .data(error.description)
    }
    let description = ExperimentComparison.Description(
      names: names, runFiles: modelFiles, labels: aligned.labels, seed: resampling.seed,
      adjustment: adjustment.adjustment, positiveLabel: classification.positiveLabel)
    return (comparison, description)
  }

  /// The group of each item, read from the first file in its row order,
  /// which is the order alignment keeps.
  private func groupCodes(itemCount: Int) throws(CommandFailure) -> [Int]? {
    guard let groupColumn else { return nil }
    return try ExperimentOptions.groupCodes(
      column: groupColumn, path: paths[0], input: input, itemCount: itemCount)
  }
}
