import F1Kit

extension ReleaseDecision {
  /// The decision as F1Kit's stable JSON document:
  /// `{"decision", "mode", "metric", "margin", "difference": {"value",
  /// "low", "high", "confidence", "method"}, "baseline", "candidate", "n",
  /// "reachability"}`.
  ///
  /// `difference` has the keys and numbers of the `difference` object of
  /// ``ModelComparison/jsonDocument(metric:)`` for the same pair.
  ///
  /// - Returns: The document.
  public func jsonDocument() -> JSONValue {
    var reach: [(key: String, value: JSONValue)] = [
      ("half_width", .number(reachability.halfWidth)),
      ("reachable", .bool(reachability.isReachable)),
      ("assumed_difference", .number(reachability.assumedDifference)),
      ("power", .number(reachability.power)),
      ("required_n", reachability.requiredItemCount.map(JSONValue.integer) ?? .null),
    ]
    if let note = reachabilityNote { reach.append(("note", .string(note))) }
    return .object([
      ("decision", .string(outcome)),
      ("mode", .string(gate.mode.rawValue)),
      ("metric", .string(metric.rawValue)),
      ("margin", .number(gate.margin)),
      (
        "difference",
        .object([
          ("value", .number(difference.estimate)),
          ("low", .number(difference.lower)), ("high", .number(difference.upper)),
          ("confidence", .number(difference.confidence)),
          ("method", .string(difference.method.rawValue)),
        ])
      ),
      ("baseline", .string(baseline)),
      ("candidate", .string(candidate)),
      ("n", .integer(itemCount)),
      ("sentence", .string(sentence)),
      ("reachability", .object(reach)),
    ])
  }
}
