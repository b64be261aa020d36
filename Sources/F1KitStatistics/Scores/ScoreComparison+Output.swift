import F1Kit
import F1KitSupport

extension ScoreComparison {
  /// The comparison on the headline score metric as F1Kit's stable JSON
  /// document, the output of `f1kit compare --metric roc_auc --format json`.
  ///
  /// The shape is that of ``ModelComparison/jsonDocument(metric:)``: `n`,
  /// `metric`, `seed`, `models` (name, value — null when undefined —,
  /// interval, and DeLong's `analytic_interval` for ROC-AUC), then for two
  /// models `difference` and `tests` (`permutation`, `paired_bootstrap`,
  /// `delong` with `p_value` and `statistic` = (AUC_second − AUC_first) /
  /// SE), and for more models `adjustment` and `comparisons`. `cautions`,
  /// last, is there only when ``cautions(metric:)`` has any: an array of
  /// sentences.
  ///
  /// - Parameter positiveLabel: The label whose scores were read, for
  ///   binary scores; written as `positive_label` after `seed`.
  /// - Returns: The document.
  public func jsonDocument(positiveLabel: String? = nil) -> JSONValue {
    let metric = options.metrics[0]
    var document: [(key: String, value: JSONValue)] = [
      ("n", .integer(itemCount)),
      ("metric", .string(metric.rawValue)),
      (
        "seed",
        options.seed <= UInt64(Int.max)
          ? .integer(Int(options.seed)) : .string(String(options.seed))
      ),
    ]
    if let positiveLabel { document.append(("positive_label", .string(positiveLabel))) }
    document.append(("models", .array(models.map { modelJSON($0, metric: metric) })))
    let pairs = self.pairs.filter { $0.metric == metric }
    if models.count == 2, let pair = pairs.first {
      document += pairMembers(pair)
    } else {
      document.append(("adjustment", .string(options.adjustment.rawValue)))
      document.append(
        (
          "comparisons",
          .array(
            pairs.map { pair in
              .object(
                [
                  ("first", .string(models[pair.first].name)),
                  ("second", .string(models[pair.second].name)),
                ] + pairMembers(pair))
            })
        ))
    }
    document += JSONValue.cautionsMember(cautions(metric: metric))
    return .object(document)
  }

  /// Cautions about the numbers shown on one metric, as
  /// ``ModelComparison/cautions(metric:)`` gives them for metrics of
  /// predicted labels: a test that cannot reach p below α
  /// (``verdictFloors(on:test:)``), basic intervals of the models past the metric's
  /// range (log loss has no upper bound), and basic intervals of
  /// differences past a difference's range, which are left as computed.
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(metric: ScoreMetric? = nil) -> [String] {
    guard let metric = metric ?? options.metrics.first else { return [] }
    return verdictFloors(on: metric).cautions
      + ConfidenceInterval.basicRangeCautions(
        models: models.map { ($0.name, $0.intervals[metric]) },
        differences: pairs.filter { $0.metric == metric }.map {
          (models[$0.first].name, models[$0.second].name, $0.difference)
        },
        metricName: metric.displayName, range: metric.valueRange, number: ModelComparison.number)
  }

  private func modelJSON(_ model: Model, metric: ScoreMetric) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("name", .string(model.name)),
      ("value", model.metrics[metric].map(JSONValue.number) ?? .null),
    ]
    if let interval = model.intervals[metric] {
      members.append(("interval", ModelComparison.intervalJSON(interval)))
    }
    if metric == .rocAUC, let delong = model.delongInterval {
      members.append(
        (
          "analytic_interval",
          .object([
            ("low", .number(delong.lower)), ("high", .number(delong.upper)),
            ("method", .string(delong.method.rawValue)),
            ("confidence", .number(delong.confidence)),
          ])
        ))
    }
    if let reason = model.metrics.entries.first(where: { $0.metric == metric })?.undefinedReason {
      members.append(("note", .string(reason.description)))
    }
    return .object(members)
  }

  /// A pair's `difference` and `tests` members, as ``jsonDocument(positiveLabel:)``
  /// writes them for each pair.
  package func pairMembers(_ pair: Pair) -> [(key: String, value: JSONValue)] {
    let includesAdjusted = models.count > 2
    var tests: [(key: String, value: JSONValue)] = []
    func adjusted(_ test: Test) -> [(key: String, value: JSONValue)] {
      guard includesAdjusted, let value = pair.adjustedPValues[test] else { return [] }
      return [("adjusted_p_value", .number(value))]
    }
    if let p = pair.permutationPValue {
      tests.append(
        (
          "permutation",
          .object(
            [("p_value", .number(p)), ("resamples", .integer(options.bootstrap.resamples))]
              + adjusted(.permutation))
        ))
    }
    if let p = pair.bootstrapPValue {
      tests.append(
        (
          "paired_bootstrap",
          .object(
            [("p_value", .number(p)), ("resamples", .integer(options.bootstrap.resamples))]
              + adjusted(.bootstrap))
        ))
    }
    if let delong = pair.delong {
      tests.append(
        (
          "delong",
          .object(
            [("p_value", .number(delong.pValue)), ("statistic", .number(delong.statistic))]
              + adjusted(.delong))
        ))
    }
    return [
      (
        "difference",
        .object([
          ("value", .number(pair.difference.estimate)),
          ("low", .number(pair.difference.lower)), ("high", .number(pair.difference.upper)),
          ("confidence", .number(pair.difference.confidence)),
          ("method", .string(pair.difference.method.rawValue)),
        ])
      ),
      ("tests", .object(tests)),
    ]
  }

  /// A plain-text summary on the headline score metric: each model's value
  /// and interval, each pair's difference and tests, a verdict sentence per
  /// pair, and a "Note:" line per caution (``cautions(metric:)``).
  ///
  /// - Parameter positiveLabel: The label whose scores were read, for
  ///   binary scores; named in the first line.
  /// - Returns: The summary, ending with a newline.
  public func textSummary(positiveLabel: String? = nil) -> String {
    let metric = options.metrics[0]
    let confidence = ModelComparison.percent(options.bootstrap.confidence)
    var text =
      "Compared on \(metric.rawValue)\(ModelComparison.positivePhrase(positiveLabel)) over \(ModelComparison.count(itemCount)) items (seed \(options.seed), \(options.bootstrap.resamples) resamples, \(confidence) \(options.bootstrap.method.rawValue) intervals over items)\n\n"
    let valueWidth = max(metric.rawValue.count, 6)
    let rows = models.map { model -> (name: String, columns: String) in
      guard let value = model.metrics[metric] else {
        let reason = model.metrics.entries.first { $0.metric == metric }?.undefinedReason
        return (model.name, "  n/a (\(reason?.description ?? "undefined"))")
      }
      let shown = NumberText.fixed(value, digits: 4)
      var columns = "  " + String(repeating: " ", count: max(0, valueWidth - shown.count)) + shown
      if let interval = model.intervals[metric] {
        columns += "  " + ModelComparison.range(interval)
      }
      if metric == .rocAUC, let delong = model.delongInterval {
        columns += "  delong " + ModelComparison.range(delong)
      }
      return (model.name, columns)
    }
    let table = ModelComparison.nameColumnTable(
      header: "  " + String(repeating: " ", count: valueWidth - metric.rawValue.count)
        + metric.rawValue + "  interval",
      rows: rows)
    text += table.text
    for pair in pairs where pair.metric == metric {
      let first = models[pair.first].name
      let second = models[pair.second].name
      text +=
        "\n"
        + ModelComparison.pairHeading(
          second: second, first: first,
          difference:
            "\(ModelComparison.number(pair.difference.estimate)), \(confidence) CI \(ModelComparison.range(pair.difference))",
          isStacked: table.isStacked)
      var tests: [ModelComparison.TestLine] = []
      for test in options.tests {
        guard let p = pair.pValue(of: test) else { continue }
        let name: String
        switch test {
        case .permutation: name = "permutation test"
        case .bootstrap: name = "paired bootstrap"
        case .delong: name = "DeLong's test"
        }
        var details: [String] = []
        if test == .delong, let z = pair.delong?.statistic, z.isFinite {
          details.append("z = \(NumberText.fixed(z, digits: 3))")
        } else if test != .delong {
          details.append("\(options.bootstrap.resamples) resamples")
        }
        var result = "p = \(p.isNaN ? "undefined" : ModelComparison.pValue(p))"
        // Written as the label path writes it: "p = 0.012 (Holm-adjusted 0.036)".
        if models.count > 2, let adjusted = pair.adjustedPValues[test] {
          result +=
            " (\(options.adjustment.displayName)-adjusted \(ModelComparison.pValue(adjusted)))"
        }
        tests.append(
          ModelComparison.TestLine(
            name: name, result: result, detail: details.joined(separator: "  ")))
      }
      text += ModelComparison.aligned(tests, isStacked: table.isStacked)
      text += "\n" + verdict(for: pair, positiveLabel: positiveLabel) + "\n"
    }
    let cautions = cautions(metric: metric)
    for caution in cautions { text += "\nNote: \(caution)" }
    return text + (cautions.isEmpty ? "" : "\n")
  }

  /// One sentence on a pair: who is better by how much, or that they do not
  /// differ significantly, with the p-value of the first test run.
  ///
  /// - Parameters:
  ///   - pair: The pair.
  ///   - positiveLabel: The label whose scores were compared, for binary
  ///     scores; the sentence names it.
  /// - Returns: The sentence.
  public func verdict(for pair: Pair, positiveLabel: String? = nil) -> String {
    let first = models[pair.first].name
    let second = models[pair.second].name
    let name = pair.metric.displayName + ModelComparison.positivePhrase(positiveLabel)
    let difference = pair.difference
    let confidence = ModelComparison.percent(difference.confidence)
    let test = options.tests.first { pair.pValue(of: $0).map { !$0.isNaN } ?? false }
    guard let test, let p = models.count > 2 ? pair.adjustedPValues[test] : pair.pValue(of: test)
    else {
      return
        "\(second) − \(first) on \(name): \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference))."
    }
    let testName =
      test == .permutation ? "permutation test" : test == .bootstrap ? "paired bootstrap" : "DeLong"
    let level = ModelComparison.significanceLevelClause(confidence: options.bootstrap.confidence)
    // With more than two models p is adjusted, and says so, as the label
    // path's verdict does.
    let adjusted = models.count > 2 ? ", \(options.adjustment.displayName)-adjusted" : ""
    let evidence = "p = \(ModelComparison.pValue(p)) (\(testName)\(adjusted)\(level))"
    if let withheld = verdictFloors(on: pair.metric, test: test).verdictSentence {
      // No p-value this test can give is below α: no verdict.
      return
        "\(second) − \(first) on \(name): \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference)), \(evidence). "
        + withheld
    }
    let alpha = options.bootstrap.significanceLevel
    if p < alpha, difference.estimate != 0 {
      let secondIsBetter = (difference.estimate > 0) == pair.metric.isHigherBetter
      let (winner, loser) = secondIsBetter ? (second, first) : (first, second)
      return
        "\(winner) beats \(loser) on \(name) (\(pair.metric.isHigherBetter ? "higher" : "lower") is better): \(second) − \(first) = \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference)), \(evidence)."
        + ModelComparison.disagreementSentence(
          interval: difference, isSignificant: true, isAdjusted: models.count > 2)
    }
    return
      "\(second) and \(first) do not differ significantly on \(name): \(second) − \(first) = \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference)), \(evidence)."
      + ModelComparison.disagreementSentence(
        interval: difference, isSignificant: false, isAdjusted: models.count > 2)
  }
}
