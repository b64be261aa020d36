import CommandLineSupport
import F1Kit
import F1KitAdvice
import F1KitReading
import F1KitStatistics

extension AdviseCommand {
  /// The resamples behind the group advice's width ratio: enough for a
  /// ratio, quick for a command that otherwise does no resampling.
  static let groupResamples = 1_999

  /// The file's advice plus the advice about its groups: how many, how much
  /// wider the primary metric's interval by group is than the item-level
  /// one (``AdviseCommand/groupResamples`` resamples each, the default
  /// seed), and a warning under about 30 groups.
  func adviseGroups() throws(CommandFailure) -> CommandOutput {
    guard let groupColumn else { return "" }
    // The groups are read in the same pass as the items.
    let (items, groupRead) = try ExperimentOptions.readItems(
      path, input: input, groupColumn: groupColumn)
    let aligned: AlignedPredictions
    do {
      aligned = try AlignedPredictions(
        [items], names: ModelNames.defaults([path]), labels: input.labels)
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
    let groups = try ExperimentOptions.checkedCodes(
      groupRead, path: path, itemCount: aligned.itemCount, groupColumn: groupColumn)
    let advisor = MetricAdvisor()
    let groupAdvice: [Advice]
    do {
      let counts = try ExperimentCounts(
        gold: aligned.gold, runs: [[aligned.predictions[0]]], groups: groups,
        classCount: aligned.labels.count)
      let intervals = try MetricIntervals(
        for: metrics, counts: counts, design: .groups,
        options: BootstrapOptions(resamples: Self.groupResamples))
      groupAdvice = advisor.advice(
        forGrouped: intervals, metric: metrics.primaryMetric, itemCount: aligned.itemCount)
    } catch .tooFewGroups(let count) {
      // Advice, unlike an interval, can still be given: that the grouping
      // is too coarse.
      groupAdvice = [advisor.advice(forTooFewGroups: count)]
    } catch {
      throw .data(error.description)
    }
    let advice = advisor.advice(for: metrics) + groupAdvice
    let sorted = advice.enumerated().sorted {
      ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
    }.map(\.element)
    return render(sorted, metrics: metrics)
  }
}
