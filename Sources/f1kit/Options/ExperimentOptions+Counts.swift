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
  ///   - metric: The compared metric, if named: one that uses no positive
  ///     label scores two undecided labels as a multiclass problem
  ///     (``EvaluationOptions/fitted(to:metric:)``).
  /// - Returns: The counts, the label order and the first run's metrics.
  /// - Throws: A one-line failure with the reader's exit status.
  /// - Complexity: O(*n* · *r*) for *n* items and *r* runs in all.
  static func counts(
    ofRuns runFiles: [[String]], inputs: [InputOptions], groupColumn: String?,
    options: EvaluationOptions, metric: Metric? = nil
  ) throws(CommandFailure) -> (
    counts: ExperimentCounts, labels: [String], classification: ClassificationMetrics
  ) {
    let files = Array(runFiles.joined())
    // The first file's groups are read in the same pass as its items, and
    // so are the other files'; a group error is reported after the
    // prediction files' errors.
    let first: CompareCommand.FileRead
    if let groupColumn {
      let read = try readItems(files[0], input: inputs[0], groupColumn: groupColumn)
      first = CompareCommand.FileRead(items: read.items, groups: read.groups, isInFirstOrder: true)
    } else {
      first = CompareCommand.FileRead(
        items: try inputs[0].readItems(files[0]), groups: nil, isInFirstOrder: true)
    }
    // The first file's items are handed on, not kept here: alignment
    // recodes their arrays in place, which a second reference would copy.
    var reads = try CompareCommand.readFiles(
      files, inputs: inputs, first: consume first, groupColumn: groupColumn)
    let groupReads = reads.map { read in
      OtherGroups(
        groups: read.groups, check: read.check,
        identifiers: read.isInFirstOrder ? nil : read.items.identifiers)
    }
    let items = reads.map(\.items)
    reads = []
    let aligned: AlignedPredictions
    do {
      aligned = try AlignedPredictions(
        consume items, names: ModelNames.defaults(files), labels: inputs.first?.labels)
    } catch {
      throw InputOptions.alignmentFailure(
        error, paths: files, names: ModelNames.defaults(files), inputs: inputs)
    }
    // Alignment keeps the first file's row order, so its groups line up.
    var groups: [Int]?
    if let groupColumn, let firstRead = groupReads[0].groups {
      try refuseGroupsOnlyInLaterFiles(
        firstRead, reads: groupReads, files: files, groupColumn: groupColumn)
      let firstGroups = try checkedGroups(
        firstRead, path: files[0], itemCount: aligned.itemCount, groupColumn: groupColumn)
      try checkAgreement(
        of: firstGroups, with: groupReads, files: files, inputs: inputs,
        groupColumn: groupColumn, identifiers: aligned.identifiers)
      groups = firstGroups.codes
    }
    let classification: ClassificationMetrics
    do {
      let matrix = aligned.confusionMatrix(ofModel: 0)
      classification = try ClassificationMetrics(
        confusionMatrix: matrix, options: options.fitted(to: matrix, metric: metric))
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

  /// Refuses a first file without the group column when a later file has
  /// it, saying where groups are read from: the reader's "no group
  /// column" alone sends the user to a file that was never meant to hold
  /// them.
  ///
  /// - Parameters:
  ///   - first: The first file's groups, or why there are none.
  ///   - reads: Each file's groups, the first file's first.
  ///   - files: The files, in order.
  ///   - groupColumn: The group column.
  /// - Throws: A data failure (exit 65) naming the first later file with
  ///   the column; nothing otherwise.
  private static func refuseGroupsOnlyInLaterFiles(
    _ first: Result<ItemGroups, PredictionFileError>, reads: [OtherGroups], files: [String],
    groupColumn: String
  ) throws(CommandFailure) {
    guard case .failure(let error) = first, case .missingColumn(.group, _, _) = error.reason,
      let other = reads.indices.dropFirst().first(where: { index in
        if case .success = reads[index].groups { return true }
        return reads[index].check != nil
      })
    else { return }
    let failure = InputOptions.failure(error)
    throw CommandFailure(
      failure.message
        + "; groups are read from the first file given (the first model's first run), and \(InputOptions.displayName(of: files[other])) has the column \"\(groupColumn)\": give a file with it first",
      status: failure.status)
  }
}
