import F1Kit

extension ModelComparison {
  /// The comparison as F1Kit's stable JSON document.
  ///
  /// For two models: `n`, `metric`, `seed`, `models` (name, value,
  /// interval), `difference` (B − A with its interval) and `tests`
  /// (`permutation`, `paired_bootstrap`, `mcnemar`, as run). For more models,
  /// `comparisons` lists every pair in that shape, with each test's
  /// `adjusted_p_value` and the `adjustment` used.
  ///
  /// - Returns: The document.
  public func jsonDocument() -> JSONValue {
    var document: [(key: String, value: JSONValue)] = [
      ("n", .integer(itemCount)),
      ("metric", .string(options.metric.rawValue)),
      (
        "seed",
        options.seed <= UInt64(Int.max)
          ? .integer(Int(options.seed)) : .string(String(options.seed))
      ),
      ("labels", .array(labels.map(JSONValue.string))),
      ("models", .array(models.map(Self.json))),
    ]
    if models.count == 2, let pair = pairs.first {
      document += pairMembers(pair, includesAdjusted: false)
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
                ] + pairMembers(pair, includesAdjusted: true))
            })
        ))
    }
    return .object(document)
  }

  private static func json(_ model: Model) -> JSONValue {
    .object([
      ("name", .string(model.name)),
      ("value", .number(model.value)),
      ("interval", intervalJSON(model.interval)),
    ])
  }

  static func intervalJSON(_ interval: ConfidenceInterval) -> JSONValue {
    .object([
      ("low", .number(interval.lower)), ("high", .number(interval.upper)),
      ("method", .string(interval.method.rawValue)),
      ("confidence", .number(interval.confidence)),
      ("resamples", .integer(interval.resamples)),
    ])
  }

  private func pairMembers(_ pair: Pair, includesAdjusted: Bool)
    -> [(key: String, value: JSONValue)]
  {
    let difference: JSONValue = .object([
      ("value", .number(pair.difference.estimate)),
      ("low", .number(pair.difference.lower)), ("high", .number(pair.difference.upper)),
      ("confidence", .number(pair.difference.confidence)),
      ("method", .string(pair.difference.method.rawValue)),
    ])
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
              + adjusted(.permutation))
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
            ] + adjusted(.mcnemar))
        ))
    }
    return [("difference", difference), ("tests", .object(tests))]
  }
}
