import F1Kit

extension ReleaseDecision {
  /// `"pass"` or `"fail"`, the decision's key in JSON.
  public var outcome: String { passes ? "pass" : "fail" }

  /// One plain sentence stating the decision and the interval it rests on,
  /// such as "PASS: candidate is not worse than baseline by more than
  /// 0.010 on macro-F1: difference −0.004, 95% CI [−0.008, 0.001]."
  ///
  /// Numbers have three decimals and a true minus sign.
  public var sentence: String {
    let metricName = metric.displayName
    let margin = Self.number(gate.margin)
    let claim: String
    var reason = ""
    let lower = Self.number(difference.lower)
    let upper = Self.number(difference.upper)
    switch gate.mode {
    case .nonInferiority:
      claim =
        passes
        ? "candidate is not worse than baseline by more than \(margin) on \(metricName)"
        : "candidate may be worse than baseline by more than \(margin) on \(metricName)"
      reason = "the lower end \(lower) is not above −\(margin)"
    case .superiority:
      let by = gate.margin == 0 ? "" : " by more than \(margin)"
      claim =
        passes
        ? "candidate is better than baseline\(by) on \(metricName)"
        : "candidate is not shown to be better than baseline\(by) on \(metricName)"
      reason = "the lower end \(lower) is not above \(margin)"
    case .equivalence:
      claim =
        passes
        ? "candidate and baseline are equivalent within ±\(margin) on \(metricName)"
        : "candidate and baseline are not shown to be equivalent within ±\(margin) on \(metricName)"
      reason =
        difference.lower > -gate.margin
        ? "the upper end \(upper) is not below \(margin)"
        : "the lower end \(lower) is not above −\(margin)"
    }
    let evidence = "difference \(Self.number(difference.estimate)), \(intervalText)"
    return passes
      ? "PASS: \(claim): \(evidence)." : "FAIL: \(claim): \(evidence); \(reason)."
  }

  /// The interval as the sentence writes it: "95% CI [−0.008, 0.001]".
  public var intervalText: String {
    "\(ModelComparison.percent(difference.confidence)) CI [\(Self.number(difference.lower)), \(Self.number(difference.upper))]"
  }

  /// A sentence saying the test set is too small for the margin and how
  /// many items would be needed, or `nil` when the margin is within reach
  /// (or, for superiority, when the candidate passes).
  ///
  /// For example: "With 1,379 items the interval is ±0.017 wide, so a 0.010
  /// margin can never pass for a candidate no better than the baseline;
  /// about 3,950 items would give an 80% chance of passing if the models
  /// are equally good."
  public var reachabilityNote: String? {
    let items = ModelComparison.count(itemCount)
    let width = Self.number(reachability.halfWidth)
    let margin = Self.number(gate.margin)
    let chance = ModelComparison.percent(reachability.power)
    let needed = reachability.requiredItemCount.map {
      "about \(ModelComparison.count($0)) items would give an \(chance) chance of passing"
    }
    switch gate.mode {
    case .nonInferiority, .equivalence:
      guard !reachability.isReachable else { return nil }
      let whom = gate.mode == .equivalence ? "" : " for a candidate no better than the baseline"
      let head =
        "With \(items) items the interval is ±\(width) wide, so a \(margin) margin can never pass\(whom)"
      guard let needed else { return head + "." }
      return head + "; \(needed) if the models are equally good."
    case .superiority:
      guard !passes else { return nil }
      guard reachability.isReachable else {
        return
          "The observed difference \(Self.number(difference.estimate)) is not above the \(margin) margin, so more items would not make this candidate pass."
      }
      guard let needed else { return nil }
      return
        "With \(items) items the interval is ±\(width) wide; \(needed) if the true difference is the observed \(Self.number(difference.estimate))."
    }
  }

  /// Three decimals with a true minus sign; "undefined" for NaN.
  static func number(_ value: Double) -> String {
    let text = ModelComparison.number(value)
    guard text.hasPrefix("-") else { return text }
    let digits = text.dropFirst()
    return digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : "−" + digits
  }
}
