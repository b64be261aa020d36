import F1Kit
import F1KitAdvice
import F1KitStatistics
import F1KitSupport

extension ResultTable {
  /// One row per model and one column per metric, each cell the model's
  /// value with its bootstrap interval: "0.842 [0.791, 0.883]".
  ///
  /// The numbers are the comparison engine's intervals, the ones `f1kit
  /// report` shows.
  ///
  /// - Parameters:
  ///   - comparison: The engine's comparison.
  ///   - metrics: The columns; every metric the comparison has intervals
  ///     for, by default.
  ///   - digits: Decimal places; 3 by default.
  /// - Returns: The table.
  public static func metricsTable(
    _ comparison: ModelComparison, metrics: [Metric]? = nil, digits: Int = 3
  ) -> ResultTable {
    let options = comparison.options
    let columns = metrics ?? options.intervalMetrics
    func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }
    let rows = comparison.models.map { model in
      [model.name]
        + columns.map { metric in
          guard let interval = model.interval(of: metric) else { return "—" }
          return
            "\(number(interval.estimate)) [\(number(interval.lower)), \(number(interval.upper))]"
        }
    }
    let confidence = ComparisonWording.percent(options.bootstrap.confidence)
    let method = ComparisonWording.methodName(options.bootstrap.method)
    var caption =
      "Scores of each model on the same \(DisplayNumber.count(comparison.itemCount)) test items\(comparison.totalWeight.map { ", weighted by sample weights (total \(NumberText.shortestBare($0)))" } ?? ""), with \(confidence) \(method) bootstrap intervals in brackets (\(DisplayNumber.count(options.bootstrap.resamples)) resamples, seed \(options.seed))."
    if columns.contains(where: \.isMacroAverage),
      let sentence = ComparisonWording.outsideGoldSentence(
        comparison.labelsOutsideGold, names: comparison.models.map(\.name))
    {
      caption += " " + sentence
    }
    return ResultTable(
      caption: caption, label: "f1kit-scores",
      header: ["Model"] + columns.map { title($0, beta: comparison.beta) },
      rows: rows)
  }
}
