import F1Kit
import F1KitSupport

/// One model's score metrics as `f1kit evaluate` shows them: each value or
/// why it has none, optionally with bootstrap intervals over items and
/// DeLong's interval for ROC-AUC, in text, JSON and CSV.
///
/// The intervals come from the comparison engine (``ScoreComparison``
/// with one model), so `evaluate --ci`, `compare` and `report` agree.
public struct ScoreSummary: Sendable {
  /// Every score metric's value or why it has none.
  public private(set) var metrics: ScoreMetrics
  /// The engine's result for the model, when intervals were asked for.
  public private(set) var intervals: ScoreComparison.Model?
  /// The options of the intervals, when asked for.
  public let intervalOptions: ScoreComparison.Options?
  /// Where the scores came from, for the text heading, such as
  /// `score column "score", positive label "1"`.
  public private(set) var source: String
  /// The cut-off applied to a binary score and where it came from, if
  /// known.
  public let threshold: ThresholdChoice?
  /// How far F1 at that cut-off is from the best on these items, for a
  /// binary score with a known cut-off.
  public let thresholdAdvice: ThresholdAdvice?

  /// Summarizes a model's scores.
  ///
  /// - Parameters:
  ///   - model: The model's scores.
  ///   - source: Where the scores came from, for the text heading.
  ///   - intervalOptions: The resampling options for intervals, or `nil`
  ///     for none; their metrics are replaced by every reported metric.
  ///   - threshold: The cut-off applied to a binary score, if any; it adds
  ///     the ``thresholdAdvice``.
  ///   - progress: Called as resampling advances.
  /// - Throws: ``StatisticsError`` when the resampling options are invalid.
  public init(
    model: ScoredModel, source: String, intervalOptions: ScoreComparison.Options? = nil,
    threshold: ThresholdChoice? = nil, progress: ResamplingProgress? = nil
  ) throws(StatisticsError) {
    metrics = model.metrics
    self.source = source
    self.threshold = threshold
    if let threshold, case .binary(let scores) = model {
      thresholdAdvice = ThresholdAdvice(scores, threshold: threshold.threshold)
    } else {
      thresholdAdvice = nil
    }
    if var options = intervalOptions {
      options.metrics = model.reportedMetrics.filter { model.value(of: $0) != nil }
      options.tests = []
      let comparison = try ScoreComparison(
        models: [model], names: ["model"], options: options, progress: progress)
      intervals = comparison.models[0]
      self.intervalOptions = options
    } else {
      intervals = nil
      self.intervalOptions = nil
    }
  }

  /// Adds the binary average precision and ROC-AUC of the positive
  /// label's column to the summary of two per-class columns, with their
  /// intervals when both summaries have them, and names the column in the
  /// heading.
  ///
  /// - Parameters:
  ///   - binary: The summary of the positive label's column
  ///     (`ItemScores.positiveColumn(_:)`) of the same items.
  ///   - positiveLabel: The positive label.
  package mutating func addPositiveColumn(_ binary: ScoreSummary, positiveLabel: String) {
    let added = ScoreMetric.binaryOnlyMetrics
    metrics = metrics.appending(binary.metrics, metrics: added)
    if var own = intervals, let other = binary.intervals {
      for metric in added { own.intervals[metric] = other.intervals[metric] }
      own.delongInterval = other.delongInterval
      intervals = own
    }
    source +=
      "; \(added.map(\.rawValue).joined(separator: " and ")) of the column of the positive label \(TerminalText.quoted(positiveLabel))"
  }

  /// The JSON members: `"score_metrics"` (null for an undefined metric),
  /// `"score_metric_notes"` (why each undefined metric is null),
  /// `"score_cautions"` when ``cautions(digits:)`` has any, and, with
  /// intervals, `"score_intervals"` and `"score_analytic_intervals"`.
  ///
  /// - Returns: Members to add to the evaluation document.
  public func jsonMembers() -> [(key: String, value: JSONValue)] {
    var members: [(key: String, value: JSONValue)] = [
      (
        "score_metrics",
        .object(
          metrics.entries.map { ($0.metric.rawValue, $0.value.map(JSONValue.number) ?? .null) })
      ),
      (
        "score_metric_notes",
        .object(
          metrics.entries.compactMap { entry in
            entry.undefinedReason.map { (entry.metric.rawValue, .string($0.description)) }
          })
      ),
    ]
    let cautions = cautions()
    if !cautions.isEmpty {
      members.append(("score_cautions", .array(cautions.map(JSONValue.string))))
    }
    if let threshold { members.append(("threshold", threshold.jsonValue())) }
    if let advice = thresholdAdvice { members.append(("threshold_advice", advice.jsonValue())) }
    if let intervals {
      members.append(
        (
          "score_intervals",
          .object(
            metrics.entries.compactMap { entry in
              intervals.intervals[entry.metric].map {
                (entry.metric.rawValue, ModelComparison.intervalJSON($0))
              }
            })
        ))
      members.append(
        (
          "score_analytic_intervals",
          .object(
            intervals.delongInterval.map { interval in
              [
                (
                  ScoreMetric.rocAUC.rawValue,
                  JSONValue.object([
                    ("low", .number(interval.lower)), ("high", .number(interval.upper)),
                    ("method", .string(interval.method.rawValue)),
                    ("confidence", .number(interval.confidence)),
                  ])
                )
              ]
            } ?? [])
        ))
    }
    return members
  }

  /// Cautions about the intervals themselves: basic intervals with an end
  /// past their metric's range (see ``ConfidenceInterval/reachesPast(_:)``),
  /// such as ROC-AUC [0.97, 1.004], which are left as computed, as
  /// `MetricIntervals/cautions(digits:)` says them for the label metrics.
  ///
  /// - Parameter digits: Decimal places of the numbers quoted.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(digits: Int = 4) -> [String] {
    guard let intervals else { return [] }
    let shown = metrics.entries.compactMap { entry in
      intervals.intervals[entry.metric].map {
        (subject: entry.metric.rawValue, interval: $0, range: entry.metric.valueRange)
      }
    }
    return [
      ConfidenceInterval.basicRangeCaution(
        shown, number: { NumberText.fixed($0, digits: digits) })
    ].compactMap(\.self)
  }

  /// The text section: one line per metric, `n/a` with the reason for an
  /// undefined one, and the intervals when asked for.
  ///
  /// - Parameter digits: Decimal places.
  /// - Returns: Lines ending in a newline.
  public func textSection(digits: Int = 4) -> String {
    var text = "score metrics (\(source))\n"
    let width = metrics.entries.map { $0.metric.rawValue.count }.max() ?? 0
    for entry in metrics.entries {
      var line = entry.metric.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
      if let value = entry.value {
        line += NumberText.fixed(value, digits: digits)
        if let interval = intervals?.intervals[entry.metric] {
          line +=
            "  [" + NumberText.fixed(interval.lower, digits: digits) + ", "
            + NumberText.fixed(interval.upper, digits: digits) + "]"
        }
        if entry.metric == .rocAUC, let delong = intervals?.delongInterval {
          line +=
            "  delong [" + NumberText.fixed(delong.lower, digits: digits) + ", "
            + NumberText.fixed(delong.upper, digits: digits) + "]"
        }
      } else {
        line += "n/a (\(entry.undefinedReason?.description ?? "undefined"))"
      }
      text += line + "\n"
    }
    if let options = intervalOptions {
      text +=
        "(\(ModelComparison.percent(options.bootstrap.confidence)) intervals: \(options.bootstrap.method.rawValue) bootstrap over items, \(options.bootstrap.resamples) resamples, seed \(options.seed))\n"
    }
    text += cautions(digits: digits).map { "Note: \($0)\n" }.joined()
    if let threshold { text += threshold.sentence(digits: digits) + "\n" }
    if let advice = thresholdAdvice, let threshold {
      text += advice.sentences(for: threshold, digits: digits).map { $0 + "\n" }.joined()
    }
    return text
  }

  /// CSV rows `metric,label,value` (plus `low,high` with intervals), the
  /// label empty and an undefined value empty.
  ///
  /// - Parameter includesIntervals: Whether to add the `low` and `high`
  ///   fields.
  /// - Returns: RFC 4180 records without a header.
  public func csvRecords(includesIntervals: Bool) -> String {
    var text = ""
    for entry in metrics.entries {
      var fields = [entry.metric.rawValue, "", entry.value.map(CSVText.number) ?? ""]
      if includesIntervals {
        let interval = intervals?.intervals[entry.metric]
        fields += [
          interval.map { CSVText.number($0.lower) } ?? "",
          interval.map { CSVText.number($0.upper) } ?? "",
        ]
      }
      text += CSVText.record(fields)
    }
    return text
  }
}
