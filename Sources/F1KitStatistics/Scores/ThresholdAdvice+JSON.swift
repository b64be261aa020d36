import F1Kit

extension ThresholdAdvice {
  /// The advice as `advise`'s JSON and the report's JSON write it under
  /// `"threshold_advice"`, so the two documents cannot drift apart.
  ///
  /// - Returns: An object with `f1_at_threshold`, `best_threshold_on_this_file`,
  ///   `best_f1_on_this_file`, `lowest_f1`, `average_precision`,
  ///   `is_far_from_best`, `is_constant` and `is_hard_labels` (the scores
  ///   hold exactly two values: see `HardLabelScores`).
  public func jsonValue() -> JSONValue {
    .object([
      ("f1_at_threshold", .number(f1AtThreshold)),
      ("best_threshold_on_this_file", .number(bestThreshold)),
      ("best_f1_on_this_file", .number(bestF1)),
      ("lowest_f1", .number(lowestF1)),
      ("average_precision", averagePrecision.map(JSONValue.number) ?? .null),
      ("is_far_from_best", .bool(isFarFromBest)),
      ("is_constant", .bool(isConstant)),
      ("is_hard_labels", .bool(hardLabels != nil)),
    ])
  }
}
