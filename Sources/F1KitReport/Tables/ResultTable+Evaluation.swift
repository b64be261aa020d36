import F1Kit
import F1KitAdvice
import F1KitStatistics

extension ResultTable {
  /// The tables of one model's evaluation: a row with its headline metrics
  /// (each with its bootstrap interval when `intervals` is given), and a
  /// per-class table of precision, recall, F1 and support.
  ///
  /// - Parameters:
  ///   - metrics: The model's scores.
  ///   - intervals: Bootstrap intervals of the same scores, if computed.
  ///   - name: The model's name, usually its file name.
  ///   - digits: Decimal places; 3 by default.
  ///   - groupColumn: The column that named each item's group, when the
  ///     intervals resample whole groups; the caption names it.
  /// - Returns: The two tables. When the intervals resample whole groups
  ///   or items within each gold class, the caption says so, and names
  ///   gold classes too small to vary within.
  public static func evaluationTables(
    _ metrics: ClassificationMetrics, intervals: MetricIntervals?, name: String, digits: Int = 3,
    groupColumn: String? = nil
  ) -> [ResultTable] {
    let headline: [Metric] =
      (metrics.problem == .binary ? [.binaryF1] : [])
      + [.accuracy, .balancedAccuracy, .macroF1, .weightedF1, .matthewsCorrelation]
    func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }
    let cells = headline.map { metric in
      let value = metrics.value(of: metric)
      guard let interval = intervals?.bootstrap[metric] else { return number(value) }
      return "\(number(value)) [\(number(interval.lower)), \(number(interval.upper))]"
    }
    let items = DisplayNumber.count(metrics.itemCount)
    var caption =
      "Scores of \(name) on \(items) test items"
      + (metrics.positiveLabel.map { "; binary F1 for the positive label \($0)" } ?? "")
    if let intervals {
      let options = intervals.options
      caption +=
        ", with \(ComparisonWording.percent(options.confidence)) \(ComparisonWording.methodName(options.method)) bootstrap intervals in brackets (\(DisplayNumber.count(options.resamples)) resamples, seed \(intervals.seed))"
      caption +=
        intervals.design == .items
        ? "."
        : " that resample \(ExperimentWording.units(of: intervals.design, groupCount: intervals.groupCount, groupColumn: groupColumn))."
      let shown = headline.compactMap { metric in
        intervals.bootstrap[metric].map {
          (subject: metric.displayName, interval: $0, range: metric.valueRange)
        }
      }
      if let caution = ConfidenceInterval.basicRangeCaution(
        shown, number: number, style: .typographic)
      {
        caption += " " + ExperimentWording.sentence(caution, names: [])
      }
      if let note = intervals.smallStrataNote {
        caption += " " + ExperimentWording.sentence(note, names: [])
      }
    } else {
      caption += "; no intervals were computed."
    }
    let summary = ResultTable(
      caption: caption, label: "f1kit-evaluation",
      header: ["Model"] + headline.map { Self.title($0) }, rows: [[name] + cells])
    let perClass = metrics.perClass()
    let classes = ResultTable(
      caption:
        "Per-class precision, recall, F1 and support (gold items) of \(name) on \(items) test items.",
      label: "f1kit-per-class", header: ["Class", "Precision", "Recall", "F1", "Support"],
      rows: perClass.map { scores in
        [
          scores.label, number(scores.precision), number(scores.recall), number(scores.fScore),
          DisplayNumber.count(scores.support),
        ]
      })
    return [summary, classes]
  }

  /// A metric's name as a column title: "Macro-F1", "MCC".
  static func title(_ metric: Metric, beta: Double? = nil) -> String {
    let name = metric.displayName(beta: beta)
    return name.prefix(1).uppercased() + name.dropFirst()
  }
}
