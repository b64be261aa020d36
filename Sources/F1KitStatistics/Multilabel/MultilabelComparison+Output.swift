import F1Kit
import F1KitSupport

extension MultilabelComparison {
  /// The comparison on one metric as F1Kit's stable JSON document, the
  /// output of `f1kit compare --format json` for multilabel files.
  ///
  /// The shape is that of ``ModelComparison/jsonDocument(metric:)``: `n`,
  /// `metric`, `seed`, `labels`, then `problem` (`"multilabel"`) and
  /// `weighted` (`true` only for weighted items), `models` (name, value —
  /// null when undefined —, interval, and with
  /// ``Options/includesLabelIntervals`` `per_label_f1` — `per_label_fbeta`
  /// with a beta —: each label's score, support and interval), then for two models `difference`
  /// and `tests` (`permutation`, `paired_bootstrap`, `mcnemar` on exact
  /// matches) and, when the verdict says how large a test set would detect
  /// the difference, `detection` (``MarginReachability/jsonMembers(hasSeveralRuns:)``),
  /// and for more models `adjustment` and `comparisons`.
  /// `cautions`, last, is there only when ``cautions(metric:)`` or
  /// `labelIntervalCautions(number:style:)` has any: an array of
  /// sentences.
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: The document.
  public func jsonDocument(metric: MultilabelMetric? = nil) -> JSONValue {
    let metric = metric ?? options.metric
    var document: [(key: String, value: JSONValue)] = [
      ("n", .integer(itemCount)),
      ("metric", .string(metric.rawValue)),
      (
        "seed",
        options.seed <= UInt64(Int.max)
          ? .integer(Int(options.seed)) : .string(String(options.seed))
      ),
      ("labels", .array(models[0].metrics.labels.map(JSONValue.string))),
      ("problem", .string("multilabel")),
    ]
    if isWeighted { document.append(("weighted", .bool(true))) }
    document.append(("models", .array(models.map { modelJSON($0, metric: metric) })))
    let pairs = self.pairs(on: metric)
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
    document += JSONValue.cautionsMember(
      cautions(metric: metric) + labelIntervalCautions(number: ModelComparison.number))
    return .object(document)
  }

  /// The caution for basic per-label F-score intervals
  /// (``Model/labelIntervals``) with an end past [0, 1], as
  /// ``cautions(metric:)`` words those of the metrics: they are left as
  /// computed.
  ///
  /// - Parameters:
  ///   - number: How the output writes a number.
  ///   - style: The output's number style, for the range's bounds.
  /// - Returns: One sentence without a leading "Note:", or none.
  package func labelIntervalCautions(
    number: (Double) -> String, style: NumberText.Style = .plain
  ) -> [String] {
    let intervals = models.flatMap { model in
      let name = model.metrics.beta == nil ? "F1" : "F-beta"
      return zip(model.metrics.perLabel(beta: model.metrics.scope.beta), model.labelIntervals)
        .map { score, interval in
          (
            subject: "\(model.name)'s \(name) of \(TerminalText.quoted(score.label))",
            interval: interval, range: 0.0...1.0
          )
        }
    }
    return [ConfidenceInterval.basicRangeCaution(intervals, number: number, style: style)]
      .compactMap(\.self)
  }

  /// Cautions about the numbers shown on one metric, as
  /// ``ModelComparison/cautions(metric:)`` gives them for single-label
  /// problems: a test that cannot reach p below α
  /// (``verdictFloors(on:)``), basic intervals of the models past the metric's range, and
  /// basic intervals of differences past a difference's range, which are
  /// left as computed.
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(metric: MultilabelMetric? = nil) -> [String] {
    let metric = metric ?? options.metric
    return verdictFloors(on: metric).cautions
      + ConfidenceInterval.basicRangeCautions(
        models: models.map { ($0.name, $0.intervals[metric]) },
        differences: pairs(on: metric).map {
          (models[$0.first].name, models[$0.second].name, $0.difference)
        },
        metricName: metric.displayName, range: metric.valueRange, number: ModelComparison.number)
  }

  private func modelJSON(_ model: Model, metric: MultilabelMetric) -> JSONValue {
    let value = model.value(of: metric)
    var members: [(key: String, value: JSONValue)] = [
      ("name", .string(model.name)), ("value", value.isNaN ? .null : .number(value)),
    ]
    if let interval = model.intervals[metric] {
      members.append(("interval", ModelComparison.intervalJSON(interval)))
    }
    if !model.labelIntervals.isEmpty {
      let scores = model.metrics.perLabel(beta: model.metrics.scope.beta)
      members.append(
        (
          model.metrics.beta == nil ? "per_label_f1" : "per_label_fbeta",
          .array(
            zip(scores, model.labelIntervals).map { score, interval in
              .object([
                ("label", .string(score.label)),
                ("value", score.fScore.isNaN ? .null : .number(score.fScore)),
                ("support", .number(score.support)),
                ("interval", ModelComparison.intervalJSON(interval)),
              ])
            })
        ))
    }
    return .object(members)
  }

  private func pairMembers(_ pair: Pair) -> [(key: String, value: JSONValue)] {
    let includesAdjusted = models.count > 2
    func adjusted(_ test: ComparisonOptions.Test) -> [(key: String, value: JSONValue)] {
      guard includesAdjusted, let value = pair.adjustedPValues[test] else { return [] }
      return [("adjusted_p_value", .number(value))]
    }
    var tests: [(key: String, value: JSONValue)] = []
    if let p = pair.permutationPValue {
      var members: [(key: String, value: JSONValue)] = [
        ("p_value", p.isNaN ? .null : .number(p)),
        ("resamples", .integer(options.bootstrap.resamples)),
      ]
      if pair.undefinedPermutations > 0 {
        members.append(("undefined_resamples", .integer(pair.undefinedPermutations)))
      }
      tests.append(("permutation", .object(members + adjusted(.permutation))))
    }
    if let p = pair.bootstrapPValue {
      tests.append(
        (
          "paired_bootstrap",
          .object(
            [
              ("p_value", p.isNaN ? .null : .number(p)),
              ("resamples", .integer(pair.difference.resamples)),
            ] + adjusted(.bootstrap))
        ))
    }
    if let test = pair.mcnemar {
      tests.append(
        (
          "mcnemar",
          .object(
            [
              ("p_value", .number(test.pValue)), ("statistic", .number(test.statistic)),
              ("method", .string(test.method.rawValue)),
              (
                "discordant",
                .array([.integer(test.firstOnlyCorrect), .integer(test.secondOnlyCorrect)])
              ),
              ("on", .string("exact_match")),
            ] + adjusted(.mcnemar))
        ))
    }
    let difference: JSONValue = .object([
      ("value", .number(pair.difference.estimate)),
      ("low", .number(pair.difference.lower)), ("high", .number(pair.difference.upper)),
      ("confidence", .number(pair.difference.confidence)),
      ("method", .string(pair.difference.method.rawValue)),
    ])
    return [("difference", difference), ("tests", .object(tests))]
      + (reportedDetectionSize(for: pair).map {
        [("detection", .object($0.jsonMembers(hasSeveralRuns: false)))]
      } ?? [])
  }

  /// A pair's ``detectionSize(for:power:)`` when its verdict ends with the
  /// size's sentence: a pair the verdict calls not significant, with a
  /// size above this test set's; `nil` otherwise.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The size, or `nil`.
  func reportedDetectionSize(for pair: Pair) -> MarginReachability? {
    ModelComparison.reportedDetectionSize(
      primaryTest == nil ? nil : decisionPValue(for: pair),
      isWithheld: verdictFloors(on: pair.metric).verdictSentence != nil,
      significanceLevel: significanceLevel, difference: pair.difference
    ) { detectionSize(for: pair) }
  }

  /// A plain-text summary on one metric: each model's value and interval,
  /// each pair's difference and tests, a verdict sentence per pair, and a
  /// "Note:" line per caution (``cautions(metric:)``).
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: The summary, ending with a newline.
  public func textSummary(metric: MultilabelMetric? = nil) -> String {
    let metric = metric ?? options.metric
    let name = metric.rawValue
    let method = options.bootstrap.method
    var text =
      "Compared on \(name) (multilabel, \(models[0].metrics.labels.count) labels\(isWeighted ? ", weighted" : "")) over \(ModelComparison.count(itemCount)) items (seed \(options.seed), \(options.bootstrap.resamples) resamples, \(ModelComparison.percent(options.bootstrap.confidence)) \(method.rawValue) intervals over items)\n\n"
    let valueWidth = max(name.count, 6)
    let rows = models.map { model -> (name: String, columns: String) in
      let value = NumberText.fixed(model.value(of: metric), digits: 4)
      let columns =
        "  " + String(repeating: " ", count: max(0, valueWidth - value.count)) + value
        + (model.intervals[metric].map { "  " + ModelComparison.range($0) } ?? "")
      return (model.name, columns)
    }
    let table = ModelComparison.nameColumnTable(
      header: "  " + String(repeating: " ", count: valueWidth - name.count) + name + "  interval",
      rows: rows)
    text += table.text
    let pairs = self.pairs(on: metric)
    for pair in pairs {
      text += "\n" + pairSummary(pair, isStacked: table.isStacked)
    }
    text += "\n" + pairs.map(verdict(for:)).joined(separator: "\n") + "\n"
    let cautions = cautions(metric: metric)
    for caution in cautions { text += "\nNote: \(caution)" }
    return text + (cautions.isEmpty ? "" : "\n")
  }

  private func pairSummary(_ pair: Pair, isStacked: Bool) -> String {
    let first = models[pair.first].name
    let second = models[pair.second].name
    let text = ModelComparison.pairHeading(
      second: second, first: first,
      difference:
        "\(ModelComparison.number(pair.difference.estimate)), \(ModelComparison.percent(pair.difference.confidence)) CI \(ModelComparison.range(pair.difference))",
      isStacked: isStacked)
    var lines: [ModelComparison.TestLine] = []
    func line(_ name: String, _ test: ComparisonOptions.Test, _ p: Double, _ detail: String) {
      var result = "p = " + (p.isNaN ? "undefined" : ModelComparison.pValue(p))
      if models.count > 2, let adjusted = pair.adjustedPValues[test] {
        result +=
          " (\(options.adjustment.displayName)-adjusted \(ModelComparison.pValue(adjusted)))"
      }
      lines.append(ModelComparison.TestLine(name: name, result: result, detail: detail))
    }
    if let p = pair.permutationPValue {
      line("permutation test", .permutation, p, "\(options.bootstrap.resamples) resamples")
    }
    if let p = pair.bootstrapPValue {
      line("paired bootstrap", .bootstrap, p, "\(pair.difference.resamples) resamples")
    }
    if let test = pair.mcnemar {
      line(
        "McNemar (\(test.method.rawValue.replacingOccurrences(of: "_", with: "-")))", .mcnemar,
        test.pValue,
        "exact matches: \(test.firstOnlyCorrect) only \(first), \(test.secondOnlyCorrect) only \(second)"
      )
    }
    return text + ModelComparison.aligned(lines, isStacked: isStacked)
  }

  /// One plain sentence on a pair, such as "B beats A on samples-F1 by
  /// 0.031, 95% CI [0.012, 0.049], p = 0.002 (permutation test)." For
  /// Hamming loss, where lower is better, the winner is the model with the
  /// lower loss and the sentence says so.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The sentence.
  public func verdict(for pair: Pair) -> String {
    let first = models[pair.first].name
    let second = models[pair.second].name
    let name = pair.metric.displayName
    let difference = pair.difference
    let confidence = ModelComparison.percent(difference.confidence)
    let range = ModelComparison.range(difference)
    guard let test = primaryTest, let p = decisionPValue(for: pair) else {
      return
        "\(second) − \(first) on \(name): \(ModelComparison.number(difference.estimate)), \(confidence) CI \(range)."
    }
    let evidence =
      "p = \(ModelComparison.pValue(p)) (\(test.displayName)\(models.count > 2 ? ", \(options.adjustment.displayName)-adjusted" : "")\(ModelComparison.significanceLevelClause(confidence: difference.confidence)))"
    if let withheld = verdictFloors(on: pair.metric).verdictSentence {
      // "Do not differ" would describe the resamples or the items, not the
      // models: no p-value this test can give is below α.
      return
        "\(second) − \(first) on \(name): \(ModelComparison.number(difference.estimate)), \(confidence) CI \(range), \(evidence). "
        + withheld
    }
    if p < significanceLevel && difference.estimate != 0 {
      let secondIsBetter = (difference.estimate > 0) != pair.metric.isLowerBetter
      let (winner, loser) = secondIsBetter ? (second, first) : (first, second)
      let disagreement = ModelComparison.disagreementSentence(
        interval: difference, isSignificant: true, isAdjusted: models.count > 2)
      if pair.metric.isLowerBetter {
        return
          "\(winner) beats \(loser) on \(name) (lower is better): \(second) − \(first) = \(ModelComparison.number(difference.estimate)), \(confidence) CI \(range), \(evidence)."
          + disagreement
      }
      let interval =
        difference.estimate > 0
        ? range
        : "[\(ModelComparison.number(-difference.upper)), \(ModelComparison.number(-difference.lower))]"
      return
        "\(winner) beats \(loser) on \(name) by \(ModelComparison.number(abs(difference.estimate))), \(confidence) CI \(interval), \(evidence)."
        + disagreement
    }
    let verdict =
      "\(second) and \(first) do not differ significantly on \(name): \(second) − \(first) = \(ModelComparison.number(difference.estimate)), \(confidence) CI \(range), \(evidence)."
      + ModelComparison.disagreementSentence(
        interval: difference, isSignificant: false, isAdjusted: models.count > 2)
    return verdict + detectionSize(for: pair).detectionSentence
  }
}
