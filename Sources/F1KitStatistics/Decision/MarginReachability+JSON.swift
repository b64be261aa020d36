import F1Kit

extension MarginReachability {
  /// The reachability's members as `f1kit gate --format json` writes them
  /// under `reachability`, and `f1kit compare` under a pair's `detection`:
  /// `half_width`, `reachable`, `assumed_difference`, `power`, `unit`,
  /// `count` and `required_n`; when one test set brackets the needed size,
  /// `required_n_low`, `required_n_high`, `differing` (the differing
  /// items, `null` for groups) and, when the range rests on them, the
  /// squared standard error's degrees of freedom `se_degrees`
  /// (``requiredCountRange``); with several runs `seed_share` and
  /// `limited_by_seeds`.
  ///
  /// - Parameter hasSeveralRuns: Whether some model has several runs.
  /// - Returns: The members, in order.
  public func jsonMembers(hasSeveralRuns: Bool) -> [(key: String, value: JSONValue)] {
    var members: [(key: String, value: JSONValue)] = [
      ("half_width", .number(halfWidth)),
      ("reachable", .bool(isReachable)),
      ("assumed_difference", .number(assumedDifference)),
      ("power", .number(power)),
      ("unit", .string(unit.rawValue)),
      ("count", .integer(count)),
      ("required_n", requiredCount.map(JSONValue.integer) ?? .null),
    ]
    if let range = requiredCountRange {
      members.append(("required_n_low", .integer(range.lowerBound)))
      members.append(("required_n_high", .integer(range.upperBound)))
      members.append(("differing", differingCount.map(JSONValue.integer) ?? .null))
      if let standardErrorDegrees {
        members.append(("se_degrees", .number(standardErrorDegrees)))
      }
    }
    if hasSeveralRuns {
      members.append(("seed_share", .number(seedShare)))
      members.append(("limited_by_seeds", .bool(isLimitedBySeeds)))
    }
    return members
  }
}
