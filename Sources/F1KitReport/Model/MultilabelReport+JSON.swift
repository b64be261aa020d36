import F1Kit
import F1KitAdvice
import F1KitStatistics

extension MultilabelReport {
  /// Every number the multilabel report shows, as a JSON document.
  ///
  /// Keys, in order: `title`, `problem` (`"multilabel"`), `n`, `labels`,
  /// `weighted` (only when `true`), then
  /// - `models`: each model's `name`, `file`, `metrics` (one `{"value",
  ///   "low", "high"}` object per tabulated metric; `low` and `high` are
  ///   `null` without intervals), `per_label` (every label's `label`,
  ///   `precision`, `recall`, `f1`, `jaccard`, `support`, `f1_low`,
  ///   `f1_high`) and `cardinality` (items with 0, 1, 2, … predicted
  ///   labels);
  /// - `gold_cardinality`: items with 0, 1, 2, … gold labels;
  /// - `gold_support`: the number of items whose gold set holds each label;
  /// - `cooccurrence`: every pair of labels sharing a gold set as `[a, b,
  ///   items]` with *a* < *b*, indices into `labels`;
  /// - `comparisons`: for each compared metric (`samples_f1`, `micro_f1`,
  ///   `macro_f1`), the comparison engine's own document, equal to `f1kit
  ///   compare FILES --metric M --format json` with the same seed,
  ///   resamples and confidence; empty without resampling;
  /// - `advice`: as `f1kit advise --format json` writes it.
  ///
  /// - Returns: The document.
  public func jsonDocument() -> JSONValue {
    func number(_ value: Double) -> JSONValue { value.isNaN ? .null : .number(value) }
    let modelsJSON: [JSONValue] = models.map { model in
      let metrics: [(key: String, value: JSONValue)] = Self.tabulatedMetrics.map { metric in
        let interval = model.intervals[metric]
        return (
          metric.rawValue,
          .object([
            ("value", number(model.metrics.value(of: metric))),
            ("low", interval.map { .number($0.lower) } ?? .null),
            ("high", interval.map { .number($0.upper) } ?? .null),
          ])
        )
      }
      let perLabel: [JSONValue] = model.metrics.perLabel(beta: 1).enumerated().map {
        index, scores in
        let interval = index < model.labelIntervals.count ? model.labelIntervals[index] : nil
        return .object([
          ("label", .string(scores.label)), ("precision", number(scores.precision)),
          ("recall", number(scores.recall)), ("f1", number(scores.fScore)),
          ("jaccard", number(scores.jaccard)), ("support", .number(scores.support)),
          ("f1_low", interval.map { .number($0.lower) } ?? .null),
          ("f1_high", interval.map { .number($0.upper) } ?? .null),
        ])
      }
      return .object([
        ("name", .string(model.name)), ("file", .string(model.sourceFile)),
        ("metrics", .object(metrics)), ("per_label", .array(perLabel)),
        ("cardinality", .array(model.cardinality.map(JSONValue.integer))),
      ])
    }
    let cells: [JSONValue] = cooccurrences.map {
      .array([.integer($0.first), .integer($0.second), .integer($0.itemCount)])
    }
    var document: [(key: String, value: JSONValue)] = [
      ("title", .string(title)), ("problem", .string("multilabel")), ("n", .integer(itemCount)),
      ("labels", .array(labels.map(JSONValue.string))),
    ]
    if isWeighted { document.append(("weighted", .bool(true))) }
    document += [
      ("models", .array(modelsJSON)),
      ("gold_cardinality", .array(goldCardinality.map(JSONValue.integer))),
      ("gold_support", .array(goldSupports.map(JSONValue.integer))),
      ("cooccurrence", .array(cells)),
      (
        "comparisons",
        .object(
          comparison.map { comparison in
            comparison.options.metrics.map { ($0.rawValue, comparison.jsonDocument(metric: $0)) }
          } ?? [])
      ),
      ("advice", .array(advice.map { $0.jsonValue() })),
    ]
    return .object(document)
  }

  /// Writes ``jsonDocument()`` to a file atomically.
  ///
  /// - Parameter path: The file to write.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)`` or
  ///   ``ReportError/writeFailed(path:reason:)``, as ``HTMLReport/write(toFile:)``.
  public func writeJSON(toFile path: String) throws(ReportError) {
    try HTMLReport.writeAtomically(jsonDocument().serialized() + "\n", toFile: path)
  }
}
