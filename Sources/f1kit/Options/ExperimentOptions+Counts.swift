import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension ExperimentOptions {
  /// The counts an experiment comparison resamples, read from one file per
  /// run of every model, aligned item by item, with each item's group read
  /// from the first file: what `compare` and `report` both resample.
  ///
  /// - Parameters:
  ///   - runFiles: Each model's run files, in order.
  ///   - inputs: How each file of `runFiles.joined()` is read.
  ///   - groupColumn: The column naming each item's group, if any.
  ///   - options: How the first run is scored, for the problem and scope.
  /// - Returns: The counts, the label order and the first run's metrics.
  /// - Throws: A one-line failure with the reader's exit status.
  /// - Complexity: O(*n* · *r*) for *n* items and *r* runs in all.
  static func counts(
    ofRuns runFiles: [[String]], inputs: [InputOptions], groupColumn: String?,
    options: EvaluationOptions
  ) throws(CommandFailure) -> (
    counts: ExperimentCounts, labels: [String], classification: ClassificationMetrics
  ) {
    let files = Array(runFiles.joined())
    if groupColumn != nil && files[0] == "-" {
      throw .usage("--group-column needs a file: standard input cannot be read twice")
    }
    // The group column is read beside the prediction files, not after them.
    let groupRead = groupColumn.map {
      GroupColumnRead(column: $0, path: files[0], input: inputs[0])
    }
    let aligned: AlignedPredictions
    do {
      aligned = try CompareCommand.align(files, inputs: inputs, names: ModelNames.defaults(files))
    } catch {
      // The prediction files' error comes first, as when groups were read
      // after them; no thread is left reading.
      groupRead?.wait()
      throw error
    }
    // Alignment keeps the first file's row order, so its groups line up.
    let groups = try groupRead.map { read throws(CommandFailure) in
      try read.codes(itemCount: aligned.itemCount)
    }
    let classification: ClassificationMetrics
    do {
      classification = try ClassificationMetrics(
        confusionMatrix: aligned.confusionMatrix(ofModel: 0), options: options)
    } catch {
      throw .usage(error.description)
    }
    var runs: [[[Int32]]] = []
    var offset = 0
    for model in runFiles {
      runs.append((offset..<(offset + model.count)).map { aligned.predictions[$0] })
      offset += model.count
    }
    do {
      let counts = try ExperimentCounts(
        gold: aligned.gold, runs: runs, groups: groups, classCount: aligned.labels.count)
      return (counts, aligned.labels, classification)
    } catch {
      throw .data(error.description)
    }
  }
}
