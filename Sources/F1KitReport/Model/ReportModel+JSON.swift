import F1Kit
import F1KitAdvice
import F1KitStatistics
import Foundation

extension ReportModel {
  /// Every number the report shows, as a JSON document:
  /// `{"n", "labels", "models", "comparisons", "advice"}`.
  ///
  /// - `models`: each model's `name` and `metrics`, one
  ///   `{"value", "low", "high"}` object per headline metric (`low` and
  ///   `high` are `null` without intervals).
  ///   `per_class` lists every class (`label`, `precision`, `recall`,
  ///   `f1`, `support`, `f1_low`, `f1_high`), however many the page
  ///   shows; `confusion_cells` lists the confusion matrix's non-empty
  ///   cells as `[gold, predicted, count]`, indices into `labels`.
  /// - `comparisons`: every pair on every compared metric, metric by metric
  ///   and pair by pair, as `{"metric", "first", "second", "difference",
  ///   "tests"}`. Apart from `metric`, each object is the comparison
  ///   engine's own JSON for the pair, so for each metric *M* it equals
  ///   `f1kit compare FILES --metric M --format json` (its `comparisons`,
  ///   or with two models its top-level `difference` and `tests`) with the
  ///   same seed, resamples and confidence. Empty without statistics or
  ///   per-item predictions.
  /// - `advice`: each piece of advice as `f1kit advise --format json`
  ///   writes it (`id`, `severity`, `model` when named, `title`, `message`,
  ///   `evidence`).
  /// - `scores`, when the inputs have scores: ``ScoreReport/jsonValue()``.
  ///
  /// - Returns: The document.
  public func jsonDocument() -> JSONValue {
    let modelsJSON: [JSONValue] = models.enumerated().map { index, evaluation in
      let engine = comparison?.models[index]
      let metrics: [(key: String, value: JSONValue)] = evaluation.metrics.reportedMetrics.map {
        metric in
        let interval = evaluation.interval(of: metric)
        let value = engine?.value(of: metric) ?? evaluation.metrics.value(of: metric)
        return (
          metric.rawValue,
          .object([
            ("value", .number(value)),
            ("low", interval.map { .number($0.lower) } ?? .null),
            ("high", interval.map { .number($0.upper) } ?? .null),
          ])
        )
      }
      let rows = evaluation.metrics.perClass()
      let perClass: [JSONValue] = rows.indices.map { index in
        let row = rows[index]
        let f1 = evaluation.classIntervals(at: index)?.f1
        return .object([
          ("label", .string(row.label)), ("precision", .number(row.precision)),
          ("recall", .number(row.recall)), ("f1", .number(row.fScore)),
          ("support", .integer(row.support)),
          ("f1_low", f1.map { .number($0.lower) } ?? .null),
          ("f1_high", f1.map { .number($0.upper) } ?? .null),
        ])
      }
      let cells: [JSONValue] = evaluation.metrics.confusionMatrix.nonEmptyCells.map {
        .array([.integer($0.gold), .integer($0.predicted), .integer($0.count)])
      }
      return .object([
        ("name", .string(evaluation.name)), ("metrics", .object(metrics)),
        ("per_class", .array(perClass)), ("confusion_cells", .array(cells)),
      ])
    }
    let comparisonsJSON: [JSONValue] =
      comparison.map { comparison in
        comparison.pairs.map { pair in
          .object([("metric", .string(pair.metric.rawValue))] + comparison.comparisonMembers(pair))
        }
      } ?? []
    return .object(
      [
        ("n", .integer(reference.itemCount)),
        ("labels", .array(reference.labels.map(JSONValue.string))),
        ("models", .array(modelsJSON)),
        ("comparisons", .array(comparisonsJSON)),
        ("advice", .array(advice.map { $0.jsonValue() })),
      ] + (scores.map { [("scores", $0.jsonValue())] } ?? []))
  }

  /// Writes ``jsonDocument()`` to a file atomically: a temporary file in
  /// the same folder, synced, then renamed over `path`.
  ///
  /// - Parameter path: The file to write.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)``.
  public func writeJSON(toFile path: String) throws(ReportError) {
    try HTMLReport.writeAtomically(jsonDocument().serialized() + "\n", toFile: path)
  }
}
