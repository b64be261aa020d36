import CommandLineSupport
import Dispatch
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
    let (aligned, groups) = try alignedWithGroups(names: runNames)
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

  /// Reads and aligns the files and, with `--group-column`, the group of
  /// each item from the first file in its row order (the order alignment
  /// keeps), reading the group column while the files are read.
  ///
  /// Failures come in the order of reading one after the other: the files
  /// first, then the group column.
  private func alignedWithGroups(names: [String]) throws(CommandFailure) -> (
    AlignedPredictions, [Int]?
  ) {
    guard let groupColumn, paths[0] != "-" else {
      let aligned = try Self.align(paths, input: input, names: names)
      guard let groupColumn else { return (aligned, nil) }
      return (
        aligned,
        try ExperimentOptions.groupCodes(
          column: groupColumn, path: paths[0], input: input, itemCount: aligned.itemCount)
      )
    }
    let path = paths[0]
    let options = input.reader
    let reading = DispatchGroup()
    let groupRead = GroupColumnRead()
    DispatchQueue.global().async(group: reading) {
      groupRead.result = Result { () throws(PredictionFileError) -> ItemGroups in
        try PredictionReader(path: path, options: options).readGroups(column: groupColumn)
      }
    }
    let alignment = Result { () throws(CommandFailure) -> AlignedPredictions in
      try Self.align(paths, input: input, names: names)
    }
    reading.wait()
    let aligned = try alignment.get()
    switch groupRead.result {
    case .success(let groups):
      return (
        aligned,
        try ExperimentOptions.checkedCodes(groups, path: path, itemCount: aligned.itemCount)
      )
    case .failure(let error): throw InputOptions.failure(error)
    case nil: throw .ioError("\(path): the group column was not read")
    }
  }
}

/// The group column read on another thread; written once before the
/// reading group is left, read after it.
private final class GroupColumnRead: @unchecked Sendable {
  var result: Result<ItemGroups, PredictionFileError>?
}
