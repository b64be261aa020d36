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
  ///   `f1`, `support`, then the ends of their intervals:
  ///   `precision_low`, `precision_high`, `recall_low`, `recall_high`,
  ///   `f1_low`, `f1_high`), however many the page shows; the positive
  ///   class of a binary problem has the headline `binary_precision`,
  ///   `binary_recall` and `binary_f1` intervals; `confusion_cells` lists the confusion matrix's non-empty
  ///   cells as `[gold, predicted, count]`, indices into `labels`. With
  ///   sample weights, `support` is the class's weight sum (as `evaluate`
  ///   gives it) beside its gold `items`, and `weight_cells` lists the
  ///   evaluated labels' non-empty weight sums as `[gold, predicted,
  ///   weight]`, the cells the page shows.
  /// - `comparisons`: every pair on every compared metric, metric by metric
  ///   and pair by pair, as `{"metric", "first", "second", "difference",
  ///   "tests"}`, then `detection` for a pair not called significant
  ///   (`ModelComparison.jsonDocument(metric:)`). Apart from `metric`,
  ///   each object is the comparison engine's own JSON for the pair, so
  ///   for each metric *M* it equals `f1kit compare FILES --metric M
  ///   --format json` (its `comparisons`, or with two models its top-level
  ///   `difference`, `tests` and `detection`) with the
  ///   same seed, resamples and confidence. Empty without statistics or
  ///   per-item predictions.
  /// - `advice`: each piece of advice as `f1kit advise --format json`
  ///   writes it (`id`, `severity`, `model` when named, `title`, `message`,
  ///   `evidence`).
  /// - `scores`, when the inputs have scores: ``ScoreReport/jsonValue()``.
  /// - `experiment`, only with several runs per model, grouped items or
  ///   strata: the primary metric's comparison as `f1kit compare
  ///   NAME=run1.csv,… --format json` gives it (`design` with `resampling`,
  ///   `runs`, `groups` and, by group, `item_level` width ratios; `models`
  ///   with their `runs`; the differences and tests). Its numbers are the
  ///   ones to quote. `models`, `comparisons` and `scores`, which come from
  ///   each model's first run with items resampled one by one, then move
  ///   into `first_run` {`note`, `files`, `resampling`: `"items"`,
  ///   `models`, `comparisons`, `scores`}, so that no reader of the top
  ///   level takes them for the experiment's.
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
      let isWeighted = evaluation.metrics.isWeighted
      let items = evaluation.metrics.confusionMatrix.goldTotals
      let perClass: [JSONValue] = rows.indices.map { index in
        let row = rows[index]
        let intervals = evaluation.classIntervals(at: index)
        // ClassScores.support rounds a weight sum: give the exact sum, and
        // the items apart.
        let support: [(key: String, value: JSONValue)] =
          isWeighted
          ? [("support", .number(row.supportWeight)), ("items", .integer(items[index]))]
          : [("support", .integer(row.support))]
        return .object(
          [
            ("label", .string(row.label)), ("precision", .number(row.precision)),
            ("recall", .number(row.recall)), ("f1", .number(row.fScore)),
          ] + support
            + [
              ("precision", intervals?.precision), ("recall", intervals?.recall),
              ("f1", intervals?.f1),
            ].flatMap { score, interval in
              [
                ("\(score)_low", interval.map { .number($0.lower) } ?? .null),
                ("\(score)_high", interval.map { .number($0.upper) } ?? .null),
              ]
            })
      }
      let cells: [JSONValue] = evaluation.metrics.confusionMatrix.nonEmptyCells.map {
        .array([.integer($0.gold), .integer($0.predicted), .integer($0.count)])
      }
      var members: [(key: String, value: JSONValue)] = [
        ("name", .string(evaluation.name)), ("metrics", .object(metrics)),
        ("per_class", .array(perClass)), ("confusion_cells", .array(cells)),
      ]
      if isWeighted {
        let weights = ReportMatrix(evaluated: evaluation.metrics).nonEmptyCells.map {
          JSONValue.array([.integer($0.gold), .integer($0.predicted), .number($0.value)])
        }
        members.append(("weight_cells", .array(weights)))
      }
      return .object(members)
    }
    let comparisonsJSON: [JSONValue] =
      comparison.map { comparison in
        comparison.pairs.map { pair in
          .object([("metric", .string(pair.metric.rawValue))] + comparison.comparisonMembers(pair))
        }
      } ?? []
    var document: [(key: String, value: JSONValue)] = [("n", .integer(reference.itemCount))]
    if reference.isWeighted {
      document += [("weighted", .bool(true)), ("total_weight", .number(reference.totalWeight))]
    }
    document.append(("labels", .array(reference.labels.map(JSONValue.string))))
    guard let experiment else {
      document += [
        ("models", .array(modelsJSON)),
        ("comparisons", .array(comparisonsJSON)),
        ("advice", .array(advice.map { $0.jsonValue() })),
      ]
      if let scores { document.append(("scores", scores.jsonValue())) }
      return .object(document)
    }
    // With an experiment, what comes from each model's first run with items
    // resampled one by one is kept apart, under a name that says so.
    var firstRun: [(key: String, value: JSONValue)] = [
      (
        "note",
        .string(
          experiment.firstRunNote(isAboutIntervals: true)
            ?? "Each model's predictions, items resampled one by one.")
      ),
      ("files", .array(metadata.inputFiles.map(JSONValue.string))),
      ("resampling", .string("items")),
      ("models", .array(modelsJSON)),
      ("comparisons", .array(comparisonsJSON)),
    ]
    if let scores { firstRun.append(("scores", scores.jsonValue())) }
    document += [
      ("first_run", .object(firstRun)),
      ("advice", .array(advice.map { $0.jsonValue() })),
      ("experiment", experiment.comparison.jsonDocument(experiment.description)),
    ]
    return .object(document)
  }

  /// Writes ``jsonDocument()`` to a file atomically: a temporary file in
  /// the same folder, synced, then renamed over `path`.
  ///
  /// - Parameter path: The file to write.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)`` or
  ///   ``ReportError/writeFailed(path:reason:)``, as ``HTMLReport/write(toFile:)``.
  public func writeJSON(toFile path: String) throws(ReportError) {
    try HTMLReport.writeAtomically(jsonDocument().serialized() + "\n", toFile: path)
  }
}
