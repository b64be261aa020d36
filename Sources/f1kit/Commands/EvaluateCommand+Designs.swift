import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension EvaluateCommand {
  /// Scores one file with intervals whose bootstrap resamples whole groups
  /// (`--group-column`) or items within each gold class (`--stratify gold`).
  ///
  /// The scores are those of the plain report; only the intervals change.
  /// By group, each interval is shown beside the item-level one so the
  /// widening the groups cause can be read off.
  func evaluateDesign(_ design: ResamplingDesign) throws(CommandFailure) -> CommandOutput {
    let option = design == .groups ? "--group-column" : "--stratify gold"
    guard isIntervalRequested || format == .markdown || format == .latex else {
      throw .usage("\(option) changes only the intervals: add --ci")
    }
    guard paths.count == 1, predictionColumns == nil else {
      throw .usage("\(option) is not available with shards or --pred-columns yet")
    }
    guard !input.isMultilabel(path, problem: scoring.problem),
      input.labelSets.weightColumn == nil, !input.hasScores
    else {
      throw .usage(
        "\(option) is not available with multilabel files, --weight-column or score columns yet")
    }
    let name = ModelNames.defaults([path])[0]
    // By group, the groups are read in the same pass as the items.
    var groupRead: Result<ItemGroups, PredictionFileError>?
    let items: ItemPredictions
    (items, groupRead) = try readDesignItems(option: option)
    let aligned: AlignedPredictions
    do {
      aligned = try AlignedPredictions([items], names: [name], labels: input.labels)
    } catch {
      throw .data(error.description)
    }
    let metrics: ClassificationMetrics
    do {
      metrics = try ClassificationMetrics(
        confusionMatrix: aligned.confusionMatrix(ofModel: 0), options: scoring.evaluation)
    } catch {
      throw .usage(error.description)
    }
    if !scoring.isZeroDivisionChosen { Self.warnAboutUndefinedScores(metrics) }
    let groups = try groupRead.map { read throws(CommandFailure) in
      try ExperimentOptions.checkedCodes(
        read, path: path, itemCount: aligned.itemCount, groupColumn: groupColumn ?? "")
    }
    let intervals: MetricIntervals
    do {
      let counts = try ExperimentCounts(
        gold: aligned.gold, runs: [[aligned.predictions[0]]], groups: groups,
        classCount: aligned.labels.count)
      intervals = try MetricIntervals(
        for: metrics, counts: counts, design: design, options: resampling.bootstrap,
        seed: resampling.seed)
    } catch {
      throw ExperimentOptions.designFailure(error, groupFile: path, groupColumn: groupColumn)
    }
    return try output(metrics, scores: nil, name: name, intervals: intervals)
  }
}

extension EvaluateCommand {
  /// Reads the one file's items for intervals by design, with its groups
  /// when `--group-column` is given.
  ///
  /// A count table is refused as such: its rows are cells, and resampling
  /// groups or items within each gold class needs the items (reading its
  /// cells as items, as `--count-column ''` would, scores each cell once).
  ///
  /// - Parameter option: The design's option, for the message.
  /// - Returns: The items, and the groups read (or why not) by group.
  /// - Throws: A usage failure for a count table, else a one-line failure
  ///   with the reader's exit status.
  private func readDesignItems(option: String) throws(CommandFailure) -> (
    ItemPredictions, Result<ItemGroups, PredictionFileError>?
  ) {
    let path = paths[0]
    let options = try input.readerOptions(for: path)
    do {
      let reader = try PredictionReader(path: path, options: options)
      if let groupColumn {
        let read = try reader.readItems(groupColumn: groupColumn)
        Console.writeWarnings(read.items.warnings)
        return (read.items, read.groups)
      }
      let items = try reader.readItems()
      Console.writeWarnings(items.warnings)
      return (items, nil)
    } catch {
      guard case .countTableHasNoItems(let column) = error.reason else {
        throw InputOptions.failure(error)
      }
      throw .usage(
        "\(error.path): the file is a count table (column \(TerminalText.quoted(column))), whose rows are cells, and evaluate's \(option) intervals resample items, so they are read from a file of items only (a count table's cells read as items, with --count-column '', would each count once); give the file of items, or leave out \(option) for the intervals a count table gives"
      )
    }
  }
}
