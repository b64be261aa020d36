import F1Kit

extension ModelComparison {
  /// The comparison on one metric as F1Kit's stable JSON document, the
  /// output of `f1kit compare --format json`.
  ///
  /// Weighted items add `weighted: true` and `total_weight` after `n`; an
  /// F-beta metric adds its `beta` after `metric`.
  /// For two models: `n`, `metric`, `seed`, `labels`, `positive_label`
  /// (binary problems only), `models` (name, value,
  /// interval), `difference` (B − A with its interval) and `tests`
  /// (`permutation`, `paired_bootstrap`, `mcnemar`, as run). For more models,
  /// `comparisons` lists every pair in that shape, with each test's
  /// `adjusted_p_value` and the `adjustment` used. An interval or test
  /// that left out undefined resamples adds `undefined_resamples` after its
  /// `resamples` (after `method` for the difference, which has no
  /// `resamples`): the count the interval or p-value does not rest on.
  /// A pair whose verdict is "do not differ significantly" and names the
  /// test-set size that would detect its difference adds `detection` after
  /// `tests`, in the shape of `f1kit gate`'s `reachability`
  /// (``MarginReachability/jsonMembers(hasSeveralRuns:)``): `required_n`
  /// and, when the verdict gives a range, `required_n_low` and
  /// `required_n_high`. `cautions`, last, is
  /// there only when ``cautions(metric:)`` has any: an array of sentences.
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: The document.
  public func jsonDocument(metric: Metric? = nil) -> JSONValue {
    let metric = metric ?? options.metric
    let pairs = self.pairs(on: metric)
    var document: [(key: String, value: JSONValue)] = [
      ("n", .integer(itemCount))
    ]
    if let totalWeight {
      document += [("weighted", .bool(true)), ("total_weight", .number(totalWeight))]
    }
    document.append(("metric", .string(metric.rawValue)))
    if metric.isFBeta, let beta { document.append(("beta", .number(beta))) }
    document += [
      (
        "seed",
        options.seed <= UInt64(Int.max)
          ? .integer(Int(options.seed)) : .string(String(options.seed))
      ),
      ("labels", .array(labels.map(JSONValue.string))),
    ]
    if let positiveLabel { document.append(("positive_label", .string(positiveLabel))) }
    document.append(("models", .array(models.map { Self.json($0, metric: metric) })))
    if models.count == 2, let pair = pairs.first {
      document += pairMembers(pair)
    } else {
      document.append(("adjustment", .string(options.adjustment.rawValue)))
      document.append(("comparisons", .array(pairs.map { .object(comparisonMembers($0)) })))
    }
    document += JSONValue.cautionsMember(cautions(metric: metric))
    return .object(document)
  }

  /// One pair's members as `f1kit compare --format json` writes them:
  /// `first`, `second` (the models' names), `difference` and `tests`, each
  /// test with its `adjusted_p_value` when more than two models are
  /// compared. With two models, compare writes `difference` and `tests`
  /// at the top level of its document.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The members, in order.
  public func comparisonMembers(_ pair: Pair) -> [(key: String, value: JSONValue)] {
    [
      ("first", .string(models[pair.first].name)),
      ("second", .string(models[pair.second].name)),
    ] + pairMembers(pair)
  }

  private static func json(_ model: Model, metric: Metric) -> JSONValue {
    guard let interval = model.interval(of: metric) else {
      return .object([("name", .string(model.name))])
    }
    return .object([
      ("name", .string(model.name)),
      ("value", .number(interval.estimate)),
      ("interval", intervalJSON(interval)),
    ])
  }

  static func intervalJSON(_ interval: ConfidenceInterval) -> JSONValue {
    .object(
      [
        ("low", .number(interval.lower)), ("high", .number(interval.upper)),
        ("method", .string(interval.method.rawValue)),
        ("confidence", .number(interval.confidence)),
        ("resamples", .integer(interval.resamples)),
      ] + undefinedMember(interval.undefinedResamples))
  }

  /// `undefined_resamples`, when some resamples were undefined and left
  /// out of an interval or test; nothing otherwise.
  static func undefinedMember(_ count: Int) -> [(key: String, value: JSONValue)] {
    count > 0 ? [("undefined_resamples", .integer(count))] : []
  }

  private func pairMembers(_ pair: Pair) -> [(key: String, value: JSONValue)] {
    let includesAdjusted = models.count > 2
    let difference: JSONValue = .object(
      [
        ("value", .number(pair.difference.estimate)),
        ("low", .number(pair.difference.lower)), ("high", .number(pair.difference.upper)),
        ("confidence", .number(pair.difference.confidence)),
        ("method", .string(pair.difference.method.rawValue)),
      ] + Self.undefinedMember(pair.difference.undefinedResamples))
    var tests: [(key: String, value: JSONValue)] = []
    func adjusted(_ test: ComparisonOptions.Test) -> [(key: String, value: JSONValue)] {
      guard includesAdjusted, let value = pair.adjustedPValues[test] else { return [] }
      return [("adjusted_p_value", .number(value))]
    }
    if let test = pair.permutation {
      tests.append(
        (
          "permutation",
          .object(
            [("p_value", .number(test.pValue)), ("resamples", .integer(test.resamples))]
              + Self.undefinedMember(test.undefinedResamples) + adjusted(.permutation))
        ))
    }
    if let test = pair.pairedBootstrap {
      tests.append(
        (
          "paired_bootstrap",
          .object(
            [
              ("p_value", .number(test.pValue)),
              ("resamples", .integer(test.difference.resamples)),
            ] + Self.undefinedMember(test.difference.undefinedResamples) + adjusted(.bootstrap))
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
            ] + adjusted(.mcnemar))
        ))
    }
    return [("difference", difference), ("tests", .object(tests))]
      + (reportedDetectionSize(for: pair).map {
        [("detection", .object($0.jsonMembers(hasSeveralRuns: false)))]
      } ?? [])
  }
}
