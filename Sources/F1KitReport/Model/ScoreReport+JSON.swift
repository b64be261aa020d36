import F1Kit
import F1KitStatistics
import F1KitSupport

extension ScoreReport {
  /// The section as the report's JSON writes it under `"scores"`:
  ///
  /// - `positive_label` (null for per-class scores),
  ///   `positive_column_label` (for two per-class columns, the label whose
  ///   column gives binary `average_precision` and `roc_auc`, else null),
  ///   `compared_metrics` (the metrics with intervals and tests) and
  ///   `tests` (those of the binary comparisons when there are any);
  /// - `models`: each model's `name`, `source`, `score_metrics` (null for
  ///   an undefined metric), `score_metric_notes` (why), `score_intervals`
  ///   (bootstrap), `score_analytic_intervals` (DeLong's, for ROC-AUC), and
  ///   for binary scores `threshold` (`value` and `source`: `default`,
  ///   `given`, `tuned` with `tuned_on` and `tuned_on_evaluated_file`, or
  ///   `prediction_column` with the `value` the predictions equal, null
  ///   when none), `operating_point` and `threshold_advice`;
  /// - `comparisons`: every pair on every compared metric, metric by
  ///   metric, each `{"metric", "first", "second", "difference", "tests"}`
  ///   with `difference` and `tests` as `f1kit compare --metric M --format
  ///   json` writes them.
  ///
  /// - Returns: The object.
  public func jsonValue() -> JSONValue {
    let modelsJSON: [JSONValue] = models.enumerated().map { index, model in
      modelJSON(model, index: index)
    }
    var comparisons: [JSONValue] = []
    for comparison in self.comparisons {
      for pair in comparison.pairs {
        comparisons.append(
          .object(
            [
              ("metric", .string(pair.metric.rawValue)),
              ("first", .string(models[pair.first].name)),
              ("second", .string(models[pair.second].name)),
            ] + comparison.pairMembers(pair)))
      }
    }
    let compared = comparedMetrics + (positiveColumn?.comparedMetrics ?? [])
    let tests = (positiveColumn?.comparison ?? comparison)?.options.tests ?? []
    return .object([
      ("positive_label", positiveLabel.map(JSONValue.string) ?? .null),
      ("positive_column_label", positiveColumn.map { .string($0.label) } ?? .null),
      ("compared_metrics", .array(compared.map { .string($0.rawValue) })),
      ("tests", .array(tests.map { .string($0.rawValue) })),
      ("models", .array(modelsJSON)),
      ("comparisons", .array(comparisons)),
    ])
  }

  private func modelJSON(_ model: Model, index: Int) -> JSONValue {
    let metrics = metrics(ofModel: index)
    var members: [(key: String, value: JSONValue)] = [
      ("name", .string(model.name)),
      ("source", .string(model.source)),
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
      (
        "score_intervals",
        .object(
          metrics.entries.compactMap { entry in
            interval(of: entry.metric, model: index).map {
              (entry.metric.rawValue, Self.intervalJSON($0))
            }
          })
      ),
    ]
    var analytic: [(key: String, value: JSONValue)] = []
    if let delong = delongInterval(model: index) {
      analytic.append(
        (
          ScoreMetric.rocAUC.rawValue,
          .object([
            ("low", .number(delong.lower)), ("high", .number(delong.upper)),
            ("method", .string(delong.method.rawValue)),
            ("confidence", .number(delong.confidence)),
          ])
        ))
    }
    members.append(("score_analytic_intervals", .object(analytic)))
    guard isBinary else { return .object(members) }
    if let threshold = model.threshold {
      members.append(("threshold", threshold.jsonValue()))
    } else {
      members.append(
        (
          "threshold",
          .object([
            ("value", model.impliedThreshold.map(JSONValue.number) ?? .null),
            ("source", .string("prediction_column")),
          ])
        ))
    }
    if let point = model.operatingPoint {
      members.append(
        (
          "operating_point",
          .object([
            ("false_positive_rate", .number(point.falsePositiveRate)),
            ("recall", .number(point.recall)), ("precision", .number(point.precision)),
            ("f1", .number(point.f1)),
          ])
        ))
    }
    if let advice = model.thresholdAdvice {
      members.append(("threshold_advice", advice.jsonValue()))
    }
    return .object(members)
  }

  /// An interval as `f1kit compare` writes one.
  static func intervalJSON(_ interval: ConfidenceInterval) -> JSONValue {
    .object([
      ("low", .number(interval.lower)), ("high", .number(interval.upper)),
      ("method", .string(interval.method.rawValue)),
      ("confidence", .number(interval.confidence)),
      ("resamples", .integer(interval.resamples)),
    ])
  }
}
