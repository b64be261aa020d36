import F1Kit
import F1KitSupport

extension ReleaseDecision {
  /// `"pass"` or `"fail"`, the decision's key in JSON.
  public var outcome: String { passes ? "pass" : "fail" }

  /// One plain sentence stating the decision and the interval it rests on,
  /// such as "PASS: candidate is not worse than baseline by more than
  /// 0.010 on macro-F1: difference −0.004, 95% CI [−0.008, 0.001]."
  ///
  /// Numbers have three decimals and a true minus sign. When the interval
  /// clears the margin but has a ``shortfall`` the exact bound does not
  /// settle, the reason is the shortfall, with the bound: "FAIL: … 95% CI
  /// [0.000, 0.000]; the models label 0 of the 20 items differently, …".
  public var sentence: String {
    let metricName = metric.displayName + ModelComparison.positivePhrase(positiveLabel)
    let margin = Self.number(digits: decimals, gate.margin)
    let claim: String
    var reason = ""
    let lower = Self.number(digits: decimals, difference.lower)
    let upper = Self.number(digits: decimals, difference.upper)
    // For a lower-is-better metric the failing end is the upper one, and
    // "worse" means a positive difference.
    let isHigherBetter = metric.isHigherBetter
    switch gate.mode {
    case .nonInferiority:
      claim =
        passes
        ? "candidate is not worse than baseline by more than \(margin) on \(metricName)"
        : "candidate may be worse than baseline by more than \(margin) on \(metricName)"
      reason =
        isHigherBetter
        ? "the lower end \(lower) is not above −\(margin)"
        : "the upper end \(upper) is not below \(margin)"
    case .superiority:
      let by = gate.margin == 0 ? "" : " by more than \(margin)"
      claim =
        passes
        ? "candidate is better than baseline\(by) on \(metricName)"
        : "candidate is not shown to be better than baseline\(by) on \(metricName)"
      reason =
        isHigherBetter
        ? "the lower end \(lower) is not above \(margin)"
        : "the upper end \(upper) is not below \(gate.margin == 0 ? margin : "−" + margin)"
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
    // An interval that clears the margin but could not be trusted fails
    // for that reason, with the exact bound the gate read instead.
    if !passes, intervalPasses, let shortfall {
      reason = shortfall.reason(for: gate, on: metric, digits: decimals)
    }
    let evidence =
      "difference \(Self.number(digits: decimals, difference.estimate)), \(intervalText)"
    return passes
      ? "PASS: \(claim): \(evidence)." : "FAIL: \(claim): \(evidence); \(reason)."
  }

  /// The interval as the sentence writes it: "95% CI [−0.008, 0.001]".
  public var intervalText: String {
    "\(ModelComparison.percent(difference.confidence)) CI [\(Self.number(digits: decimals, difference.lower)), \(Self.number(digits: decimals, difference.upper))]"
  }

  /// A sentence saying the test set is too small for the margin and how
  /// many items (or groups) would be needed, or `nil` when the margin is
  /// within reach (or, for superiority, when the candidate passes).
  ///
  /// For example: "With 1,379 items the interval is ±0.017 wide, so a 0.010
  /// margin can never pass for a candidate no better than the baseline;
  /// about 3,950 items would give an 80% chance of passing if the models
  /// are equally good." When whole groups were resampled the sizes are in
  /// groups; with several runs per model the sentence names the runs, and
  /// says so when the spread between runs alone keeps the interval too
  /// wide for any test set. A non-inferiority candidate that passes all the
  /// same is told it did so on its observed lead. When the whole interval
  /// lies beyond the margin (``MarginReachability/isBeyondMargin``), more
  /// data would not help, and the sentence says so instead: "The whole
  /// interval lies below −0.020, beyond the margin, so more items would not
  /// make this candidate pass." `nil` when the interval is undefined.
  public var reachabilityNote: String? {
    guard !reachability.halfWidth.isNaN else { return nil }
    let unit = reachability.unit.rawValue
    let units = "\(ModelComparison.count(reachability.count)) \(unit)"
    let sample: String
    if let experiment, experiment.hasSeveralRuns {
      let runs = experiment.runCounts
      let perModel =
        runs.allSatisfy({ $0 == runs[0] })
        ? "\(runs[0]) runs per model" : "\(runs.map(String.init).joined(separator: " and ")) runs"
      sample = "\(perModel) and \(units)"
    } else {
      sample = units
    }
    let width = Self.number(digits: decimals, reachability.halfWidth)
    let margin = Self.number(digits: decimals, gate.margin)
    let chance = ModelComparison.percent(reachability.power)
    let sameRuns = experiment?.hasSeveralRuns == true ? " (with the same runs)" : ""
    let needed = reachability.requiredCount.map {
      "about \(ModelComparison.count($0)) \(unit)\(sameRuns) would give an \(chance) chance of passing"
    }
    let seeds =
      "the spread between training runs alone keeps the interval wider than that, so more test \(unit) cannot make it pass; more runs per model would."
    switch gate.mode {
    case .nonInferiority, .equivalence:
      guard !reachability.isReachable else { return nil }
      // The data already show the candidate worse than the margin allows:
      // a size for an equally good one would answer a question they rule
      // out.
      if reachability.isBeyondMargin {
        let side = difference.upper < -gate.margin ? "below −\(margin)" : "above \(margin)"
        return
          "The whole interval lies \(side), beyond the margin, so more \(unit) would not make this candidate pass."
      }
      let whom = gate.mode == .equivalence ? "" : " for a candidate no better than the baseline"
      // A candidate that passes an unreachable margin can only have done
      // so on an observed lead, which the sentence says before warning
      // about an equally good one.
      let opening =
        passes && gate.mode == .nonInferiority
        ? "It passes on its observed lead over the baseline; with" : "With"
      let head =
        "\(opening) \(sample) the interval is ±\(width) wide, so a \(margin) margin can never pass\(whom)"
      if reachability.isLimitedBySeeds { return head + "; " + seeds }
      guard let needed else { return head + "." }
      return head + "; \(needed) if the models are equally good\(neededRangeClause)."
    case .superiority:
      guard !passes else { return nil }
      guard reachability.isReachable else {
        let side = metric.isHigherBetter ? "above" : "below"
        let bound = metric.isHigherBetter || gate.margin == 0 ? margin : "−" + margin
        return
          "The observed difference \(Self.number(digits: decimals, difference.estimate)) is not \(side) the \(bound) margin, so more \(unit) would not make this candidate pass."
      }
      let head = "With \(sample) the interval is ±\(width) wide"
      if reachability.isLimitedBySeeds { return head + "; " + seeds }
      guard let needed else { return nil }
      return
        head
        + "; \(needed) if the true difference is the observed \(Self.number(digits: decimals, difference.estimate))."
    }
  }

  /// The clause after the needed size that says how far one test set
  /// pins it down (``MarginReachability/rangeClause(_:unit:count:differingCount:)``);
  /// empty without a range.
  var neededRangeClause: String {
    guard let range = reachability.requiredCountRange else { return "" }
    return MarginReachability.rangeClause(
      range, unit: reachability.unit, count: reachability.count,
      differingCount: reachability.differingCount)
  }

  /// A count rounded to two significant digits (counts under 100 as they
  /// are), so that a range's ends do not claim more precision than it has.
  static func roughCount(_ count: Int, rounding rule: FloatingPointRoundingRule) -> Int {
    guard count >= 100 else { return count }
    var step = 1
    while count / step >= 100 { step *= 10 }
    let rounded = (Double(count) / Double(step)).rounded(rule) * Double(step)
    return Int(rounded)
  }

  /// The ``cautions`` as the text output writes them, as `compare` does:
  /// one "Note: …" line each; empty when there are none.
  public var cautionLines: String {
    cautions.map { "Note: \($0)\n" }.joined()
  }

  /// The decimals the decision's sentence writes: three, or more (up to
  /// six) when the margin has more, or when an interval end would round to
  /// the bound it is compared with ("the lower end −0.025 is not above
  /// −0.025"), so that a policy of 0.0005 is not printed as 0.001 and the
  /// reason for a decision can be read off its numbers.
  public var decimals: Int {
    let bounds = [gate.margin, -gate.margin]
    let ends = [difference.lower, difference.upper].filter(\.isFinite)
    func shows(_ digits: Int) -> Bool {
      guard Self.number(digits: digits, gate.margin) == Self.number(digits: 12, gate.margin) else {
        return false
      }
      return !ends.contains { end in
        bounds.contains {
          end != $0 && Self.number(digits: digits, end) == Self.number(digits: digits, $0)
        }
      }
    }
    return (3...6).first(where: shows) ?? 6
  }

  /// Three decimals (or `digits`) with a true minus sign; "undefined" for
  /// NaN. Trailing zeros past the third decimal are dropped.
  static func number(digits: Int = 3, _ value: Double) -> String {
    var text = NumberText.fixed(
      value, digits: digits, style: NumberText.Style.plain.spellingNaN(as: "undefined"))
    if digits > 3, text.contains(".") {
      while text.hasSuffix("0"), text.split(separator: ".").last!.count > 3 { text.removeLast() }
    }
    guard text.hasPrefix("-") else { return text }
    let digits = text.dropFirst()
    return digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : "−" + digits
  }
}
