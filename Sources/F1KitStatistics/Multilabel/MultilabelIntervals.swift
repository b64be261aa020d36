import F1Kit
import F1KitSupport
import Foundation

/// Bootstrap confidence intervals for every multilabel metric, resampling
/// items through their distinct label-set patterns.
///
/// Items with the same (gold set, predicted set, weight) are
/// interchangeable, so a resample of *N* items is a multinomial draw of how
/// many items each pattern gets (the same draw as resampling items one by
/// one), and each metric is recomputed from the pattern totals with
/// `MultilabelScope/tally(into:multiplicities:)`. Sample weights are
/// carried: an item keeps its weight in every resample. The cost is
/// O(*R* · *g* · *s*) for *R* resamples of *g* patterns with at most *s*
/// labels, whatever the number of items; BCa's jackknife adds O(*g* · (*s*
/// + *m* · *k*)) for *m* metrics over *k* labels, since each
/// leave-one-item-out total is the full total minus one item.
public struct MultilabelIntervals: Sendable {
  /// The bootstrap interval of each reported metric.
  public let intervals: [MultilabelMetric: ConfidenceInterval]
  /// The metrics with intervals, in report order.
  public let metrics: [MultilabelMetric]
  /// The options the bootstrap ran with.
  public let options: BootstrapOptions
  /// The seed of the generator.
  public let seed: UInt64

  /// Computes intervals for every metric a multilabel evaluation reports.
  ///
  /// The intervals rest on the items alone: the bootstrap runs over the
  /// evaluation's counts in canonical order (labels in report order,
  /// patterns sorted), so counts that hold the same items added in any
  /// order give the same intervals to the last bit, and the same as
  /// `f1kit evaluate --ci` and `f1kit compare` give.
  ///
  /// - Parameters:
  ///   - evaluation: The scored predictions.
  ///   - options: Resamples, confidence and interval method.
  ///   - seed: The seed of the random number generator.
  /// - Throws: ``StatisticsError`` when the options are invalid or there are
  ///   no items.
  /// - Complexity: O(*R* · *g* · *s*); see the type's discussion.
  /// - Precondition: `evaluation` keeps its patterns (it was made by
  ///   `MultilabelMetrics.init(counts:options:)`, not from an accumulator).
  public init(
    for evaluation: MultilabelMetrics, options: BootstrapOptions = .init(),
    seed: UInt64 = Xoshiro256StarStar.defaultSeed
  ) throws(StatisticsError) {
    try options.validate()
    guard evaluation.itemCount > 0 else { throw .noItems }
    guard let canonical = evaluation.canonicallyOrdered() else {
      preconditionFailure(
        "a bootstrap resamples patterns; score with MultilabelMetrics(counts:options:)")
    }
    let metrics = canonical.reportedMetrics
    var generator = Xoshiro256StarStar(seed: seed)
    let intervals = Self.intervals(
      for: canonical, metrics: metrics, options: options, using: &generator)
    self.intervals = intervals.metrics
    self.metrics = metrics
    self.options = options
    self.seed = seed
  }

  /// Each metric's bootstrap interval over items, drawn from a caller's
  /// generator: the step `MultilabelComparison` runs for each model.
  ///
  /// Per-label F-scores read the same resampled totals as the metrics, so
  /// their intervals add O(*R* · *k*) work and no random draws: the
  /// metrics' intervals are the same with or without them.
  ///
  /// - Parameters:
  ///   - evaluation: The scored predictions, with at least one item.
  ///   - metrics: The metrics to give intervals.
  ///   - options: Valid resampling options.
  ///   - includesLabels: Whether to give each evaluated label's F-score
  ///     (the evaluation's beta, 1 by default) an interval too.
  ///   - progress: Called as resamples complete.
  ///   - generator: The source of randomness.
  /// - Returns: The interval of each metric, and of each label's F-score
  ///   in label order (empty unless `includesLabels`).
  /// - Complexity: O(*R* · (*g* · *s* + *k*)) for *R* resamples of *g*
  ///   patterns over *k* labels.
  static func intervals(
    for evaluation: MultilabelMetrics, metrics: [MultilabelMetric], options: BootstrapOptions,
    includesLabels: Bool = false, progress: ResamplingProgress? = nil,
    using generator: inout some RandomNumberGenerator
  ) -> (metrics: [MultilabelMetric: ConfidenceInterval], labels: [ConfidenceInterval]) {
    precondition(
      evaluation.counts != nil,
      "a bootstrap resamples patterns; score with MultilabelMetrics(counts:options:)")
    let scope = evaluation.scope
    let counts = scope.groupItemCounts.map { Int($0) }
    let resampler = Resampler(cellCounts: counts, strategy: options.strategy)
    var draws = [Int](repeating: 0, count: resampler.counts.count)
    var multiplicities = [Double](repeating: 0, count: counts.count)
    var tallies = MultilabelTallies(evaluatedLabelCount: scope.evaluatedLabelCount)
    let labelScore = LabelScore.fScore(beta: scope.beta)
    let labelCount = includesLabels ? scope.evaluatedLabelCount : 0
    var values = [[Double]](repeating: [], count: metrics.count + labelCount)
    for index in values.indices { values[index].reserveCapacity(options.resamples) }
    let reporter = ProgressReporter(progress, total: options.resamples)
    withResamplingGenerator(&generator) { generator in
      for resample in 0..<options.resamples {
        draws.withUnsafeMutableBufferPointer { resampler.draw(into: $0, using: &generator) }
        for (cell, position) in resampler.cellIndices.enumerated() {
          multiplicities[position] = Double(draws[cell])
        }
        multiplicities.withUnsafeBufferPointer { scope.tally(into: &tallies, multiplicities: $0) }
        for (index, metric) in metrics.enumerated() {
          values[index].append(scope.value(of: metric, in: tallies))
        }
        for label in 0..<labelCount {
          values[metrics.count + label].append(
            scope.value(of: labelScore, forLabel: label, in: tallies))
        }
        reporter.report(resample + 1)
      }
    }
    let method = options.method
    let accelerations =
      method == .bca
      ? Self.accelerations(
        scope: scope, counts: counts, metrics: metrics, labelCount: labelCount)
      : [Double](repeating: 0, count: values.count)
    let total = evaluation.tallies
    func interval(_ index: Int, estimate: Double) -> ConfidenceInterval {
      BootstrapDistribution(values: values[index], estimate: estimate).interval(
        method: method, confidence: options.confidence, acceleration: accelerations[index])
    }
    var intervals: [MultilabelMetric: ConfidenceInterval] = [:]
    for (index, metric) in metrics.enumerated() {
      intervals[metric] = interval(index, estimate: evaluation.value(of: metric))
    }
    let labels = (0..<labelCount).map { label in
      interval(
        metrics.count + label,
        estimate: scope.value(of: labelScore, forLabel: label, in: total))
    }
    return (intervals, labels)
  }

  /// BCa accelerations from the leave-one-item-out values: one per pattern,
  /// weighted by its item count, each made by subtracting one item from
  /// the totals (`MultilabelScope/leavingOutOneItem(ofGroup:from:into:)`);
  /// the metrics' first, then the first `labelCount` labels' F-scores.
  private static func accelerations(
    scope: MultilabelScope, counts: [Int], metrics: [MultilabelMetric], labelCount: Int
  ) -> [Double] {
    let total = scope.tally()
    let labelScore = LabelScore.fScore(beta: scope.beta)
    var tallies = MultilabelTallies(evaluatedLabelCount: scope.evaluatedLabelCount)
    var leaveOneOut = [[Double]](repeating: [], count: metrics.count + labelCount)
    for index in leaveOneOut.indices { leaveOneOut[index].reserveCapacity(counts.count) }
    for group in counts.indices {
      scope.leavingOutOneItem(ofGroup: group, from: total, into: &tallies)
      for (index, metric) in metrics.enumerated() {
        leaveOneOut[index].append(scope.value(of: metric, in: tallies))
      }
      for label in 0..<labelCount {
        leaveOneOut[metrics.count + label].append(
          scope.value(of: labelScore, forLabel: label, in: tallies))
      }
    }
    return leaveOneOut.map { BootstrapDistribution.acceleration(values: $0, weights: counts) }
  }

  /// The intervals as a JSON member `intervals`: one object per metric with
  /// `low`, `high`, `method`, `confidence` and `resamples`; then `cautions`
  /// (an array of sentences) when ``cautions(digits:)`` has any.
  ///
  /// - Returns: The members, to append to an evaluation document.
  public func jsonMembers() -> [(key: String, value: JSONValue)] {
    let shown = metrics.compactMap { metric in
      intervals[metric].map { (metric.rawValue, ModelComparison.intervalJSON($0)) }
    }
    return [("intervals", .object(shown))] + JSONValue.cautionsMember(cautions())
  }

  /// Cautions about the intervals themselves: basic intervals with an end
  /// past their metric's range (see ``ConfidenceInterval/reachesPast(_:)``),
  /// which are left as computed, as `MetricIntervals/cautions(digits:)`
  /// says them for single-label problems.
  ///
  /// - Parameter digits: Decimal places of the numbers quoted.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(digits: Int = 4) -> [String] {
    let caution = ConfidenceInterval.basicRangeCaution(
      metrics.compactMap { metric in
        intervals[metric].map { (metric.rawValue, $0, metric.valueRange) }
      }, number: { Self.format($0, digits) })
    return caution.map { [$0] } ?? []
  }

  /// A text table of each metric's value and bootstrap interval, then a
  /// "Note:" line per caution (``cautions(digits:)``).
  ///
  /// - Parameter digits: Decimal places.
  /// - Returns: The table, ending with a newline.
  public func textTable(digits: Int = 4) -> String {
    let percent = ModelComparison.percent(options.confidence)
    let used = intervals.values.first?.method ?? options.method
    var text =
      "\(percent) confidence intervals (\(used.rawValue) bootstrap over items, \(options.resamples) resamples, seed \(seed))\n"
    let width = metrics.map { $0.rawValue.count }.max() ?? 0
    for metric in metrics {
      guard let interval = intervals[metric] else { continue }
      var line = metric.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
      line += "  " + Self.format(interval.estimate, digits)
      line += "  [" + Self.format(interval.lower, digits) + ", "
      line += Self.format(interval.upper, digits) + "]"
      if interval.undefinedResamples > 0 {
        line += "  (\(interval.undefinedResamples) resamples undefined)"
      }
      text += line + "\n"
    }
    return text + cautions(digits: digits).map { "Note: \($0)\n" }.joined()
  }

  /// The metrics as a tidy CSV table, `MultilabelMetrics/csvTable()`
  /// with `low` and `high` columns filled for the headline metrics.
  ///
  /// - Parameter evaluation: The scored predictions these intervals belong
  ///   to.
  /// - Returns: RFC 4180 text with a header row and CRLF line ends.
  public func csvTable(for evaluation: MultilabelMetrics) -> String {
    let rows = evaluation.csvRows()
    guard let header = rows.first else { return "" }
    var text = CSVText.record(header + ["low", "high"])
    for row in rows.dropFirst() {
      let interval =
        row[1].isEmpty ? MultilabelMetric(rawValue: row[0]).flatMap { intervals[$0] } : nil
      text += CSVText.record(
        row + [
          interval.map { CSVText.number($0.lower) } ?? "",
          interval.map { CSVText.number($0.upper) } ?? "",
        ])
    }
    return text
  }

  private static func format(_ value: Double, _ digits: Int) -> String {
    value.isNaN ? "nan" : String(format: "%.*f", digits, value)
  }
}
