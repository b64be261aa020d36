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
    if let groupColumn {
      (items, groupRead) = try ExperimentOptions.readItems(
        path, input: input, groupColumn: groupColumn)
    } else {
      items = try input.readItems(path)
    }
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
