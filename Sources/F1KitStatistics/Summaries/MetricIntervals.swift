import F1Kit
import F1KitSupport
import Foundation

/// Confidence intervals for every reported metric of one set of
/// predictions: bootstrap intervals from one resampling pass, plus the
/// analytic intervals (Wilson for accuracy, the delta method for F1) beside
/// them.
public struct MetricIntervals: Sendable {
  /// The bootstrap interval of each reported metric.
  public let bootstrap: [Metric: ConfidenceInterval]
  /// The analytic interval of accuracy (Wilson) and of each F1 average
  /// (delta method).
  public let analytic: [Metric: ConfidenceInterval]
  /// The metrics with intervals, in report order.
  public let metrics: [Metric]
  /// The options the bootstrap ran with.
  public let options: BootstrapOptions
  /// The seed of the bootstrap's generator.
  public let seed: UInt64
  /// How the bootstrap drew its test sets: items, items within gold
  /// classes, or whole groups.
  public internal(set) var design: ResamplingDesign = .items
  /// The number of groups resampled, under ``ResamplingDesign/groups``.
  public internal(set) var groupCount: Int?
  /// How the items are spread over the groups, under
  /// ``ResamplingDesign/groups``; `nil` otherwise.
  public internal(set) var groupBalance: GroupBalance?
  /// Under ``ResamplingDesign/groups``, each metric's interval when items
  /// are resampled one by one, from the same number of resamples and seed:
  /// what ignoring the groups gives, for comparing widths.
  public internal(set) var itemLevel: [Metric: ConfidenceInterval] = [:]
  /// Under ``ResamplingDesign/stratifiedByGold``, the caution that gold
  /// classes of fewer than ``ExperimentComparison/smallStratum`` items
  /// barely vary in the resamples
  /// (``ExperimentComparison/smallStrataNote(goldCounts:labels:)``); `nil`
  /// otherwise.
  public internal(set) var smallStrataNote: String?

  /// The metrics that get an analytic interval beside the bootstrap one.
  public static let analyticMetrics: [Metric] = [
    .accuracy, .binaryF1, .microF1, .macroF1, .weightedF1,
  ]

  /// Computes intervals for every metric a classification reports.
  ///
  /// - Parameters:
  ///   - classification: The scored predictions.
  ///   - options: Resamples, confidence and interval method.
  ///   - seed: The seed of the random number generator.
  ///   - progress: Called as resampling advances.
  /// - Throws: ``StatisticsError`` when the options are invalid.
  /// - Complexity: O(*R* × cells) for *R* resamples.
  public init(
    for classification: ClassificationMetrics, options: BootstrapOptions = .init(),
    seed: UInt64 = Xoshiro256StarStar.defaultSeed, progress: ResamplingProgress? = nil
  ) throws(StatisticsError) {
    let metrics = classification.reportedMetrics
    var generator = Xoshiro256StarStar(seed: seed)
    bootstrap = try Bootstrap(options: options).intervals(
      for: metrics, of: classification, progress: progress, using: &generator)
    var analytic: [Metric: ConfidenceInterval] = [:]
    analytic[.accuracy] = try AnalyticInterval.wilson(
      accuracyOf: classification, confidence: options.confidence)
    for metric in Self.analyticMetrics.dropFirst() where metrics.contains(metric) {
      analytic[metric] = try AnalyticInterval.deltaMethod(
        for: metric, of: classification, confidence: options.confidence)
    }
    self.analytic = analytic
    self.metrics = metrics
    self.options = options
    self.seed = seed
  }

  /// Computes bootstrap intervals for every metric of weighted items: the
  /// bootstrap resamples items, each carrying its sample weight (see
  /// ``Bootstrap/intervals(for:weighted:scope:progress:using:)``).
  ///
  /// The analytic intervals (Wilson, the delta method) count items, so
  /// none is computed: ``analytic`` is empty.
  ///
  /// - Parameters:
  ///   - classification: The weighted scores; its label order is the
  ///     rows' class order.
  ///   - rows: The items' distinct (gold, predicted, weight) rows over the
  ///     classification's labels.
  ///   - options: Resamples, confidence and interval method.
  ///   - seed: The seed of the random number generator.
  ///   - progress: Called as resampling advances.
  /// - Throws: ``StatisticsError`` when the options are invalid, the rows
  ///   do not fit, or every weight is zero.
  /// - Complexity: O(*R* × *r*) for *R* resamples and *r* distinct rows.
  public init(
    for classification: ClassificationMetrics, weighted rows: WeightedPredictions,
    options: BootstrapOptions = .init(), seed: UInt64 = Xoshiro256StarStar.defaultSeed,
    progress: ResamplingProgress? = nil
  ) throws(StatisticsError) {
    let metrics = classification.reportedMetrics
    var generator = Xoshiro256StarStar(seed: seed)
    bootstrap = try Bootstrap(options: options).intervals(
      for: metrics, weighted: rows, scope: classification.scope, progress: progress,
      using: &generator)
    analytic = [:]
    self.metrics = metrics
    self.options = options
    self.seed = seed
  }

  /// Intervals already computed.
  init(
    bootstrap: [Metric: ConfidenceInterval], analytic: [Metric: ConfidenceInterval],
    metrics: [Metric], options: BootstrapOptions, seed: UInt64
  ) {
    self.bootstrap = bootstrap
    self.analytic = analytic
    self.metrics = metrics
    self.options = options
    self.seed = seed
  }

  /// The intervals as JSON members: `intervals` (bootstrap, one object per
  /// metric with `low`, `high`, `method`, `confidence`, `resamples`) and
  /// `analytic_intervals`, then `cautions` (an array of sentences) when
  /// there is a ``smallStrataNote`` or ``cautions(digits:)`` has any.
  ///
  /// - Returns: The members, to append to an evaluation document.
  public func jsonMembers() -> [(key: String, value: JSONValue)] {
    var members: [(key: String, value: JSONValue)] = [
      (
        "intervals",
        .object(
          metrics.compactMap { metric in
            bootstrap[metric].map { (metric.rawValue, ModelComparison.intervalJSON($0)) }
          })
      ),
      (
        "analytic_intervals",
        .object(
          metrics.compactMap { metric in
            analytic[metric].map { interval in
              (
                metric.rawValue,
                .object([
                  ("low", .number(interval.lower)), ("high", .number(interval.upper)),
                  ("method", .string(interval.method.rawValue)),
                  ("confidence", .number(interval.confidence)),
                ])
              )
            }
          })
      ),
    ]
    if design != .items { members += designJSONMembers() }
    members += JSONValue.cautionsMember([smallStrataNote].compactMap(\.self) + cautions())
    return members
  }

  /// Cautions about the intervals themselves: basic intervals with an end
  /// past their metric's range (see
  /// ``ConfidenceInterval/reachesPast(_:)``), which are left as computed.
  ///
  /// - Parameter digits: Decimal places of the numbers quoted.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(digits: Int = 4) -> [String] {
    let intervals = metrics.compactMap { metric in
      bootstrap[metric].map { (subject: metric.rawValue, interval: $0, range: metric.valueRange) }
    }
    return [
      ConfidenceInterval.basicRangeCaution(intervals, number: { Self.format($0, digits) })
    ].compactMap(\.self)
  }

  /// A text table of each metric's value with its bootstrap and analytic
  /// intervals.
  ///
  /// - Parameter digits: Decimal places.
  /// - Returns: The table, ending with a newline.
  public func textTable(digits: Int = 4) -> String {
    let percent = ModelComparison.percent(options.confidence)
    var text =
      "\(percent) confidence intervals (\(options.method.rawValue) bootstrap\(designPhrase), \(options.resamples) resamples, seed \(seed))\n"
    let width = metrics.map { $0.rawValue.count }.max() ?? 0
    for metric in metrics {
      guard let interval = bootstrap[metric] else { continue }
      var line = metric.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
      line += "  " + Self.format(interval.estimate, digits)
      line +=
        "  [" + Self.format(interval.lower, digits) + ", " + Self.format(interval.upper, digits)
        + "]"
      if let analytic = analytic[metric] {
        line +=
          "  \(analytic.method.rawValue) [" + Self.format(analytic.lower, digits) + ", "
          + Self.format(analytic.upper, digits) + "]"
      }
      if let items = itemLevel[metric] {
        line +=
          "  items [" + Self.format(items.lower, digits) + ", " + Self.format(items.upper, digits)
          + "]"
        if let ratio = Self.widthRatio(interval, items) {
          line += "  " + String(format: "%.2f", ratio) + "× as wide"
        }
      }
      if interval.undefinedResamples > 0 {
        line += "  (\(interval.undefinedResamples) resamples undefined)"
      }
      text += line + "\n"
    }
    return text + (designNotes + cautions(digits: digits)).map { "Note: \($0)\n" }.joined()
  }

  static func format(_ value: Double, _ digits: Int) -> String {
    NumberText.fixed(value, digits: digits)
  }
}

extension MetricIntervals {
  /// The metrics as a tidy CSV table with the bootstrap interval of each
  /// headline metric: columns `metric,label,value,low,high`.
  ///
  /// The rows are those of `ClassificationMetrics/csvTable()`; per-class
  /// rows have empty `low` and `high`.
  ///
  /// - Parameter classification: The scored predictions these intervals
  ///   belong to.
  /// - Returns: RFC 4180 text with a header row and CRLF line ends.
  public func csvTable(for classification: ClassificationMetrics) -> String {
    let rows = classification.csvRows()
    guard let header = rows.first else { return "" }
    var text = CSVText.record(header + ["low", "high"])
    for row in rows.dropFirst() {
      let interval = Metric(rawValue: row[0]).flatMap { bootstrap[$0] }
      text += CSVText.record(
        row + [
          interval.map { CSVText.number($0.lower) } ?? "",
          interval.map { CSVText.number($0.upper) } ?? "",
        ])
    }
    return text
  }
}
