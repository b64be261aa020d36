import F1Kit
import F1KitStatistics
import Foundation

extension MetricAdvisor {
  /// ``AdviceRule/noSignificantDifference``: two models are not
  /// significantly different; says how many test items would be needed to
  /// detect the observed difference.
  func noSignificantDifference(
    _ comparison: MetricComparison, itemCount: Int, positiveLabel: String? = nil
  ) -> Advice? {
    let alpha = thresholds.significanceLevel
    let isSignificant: Bool
    if let significant = comparison.isSignificant(at: alpha) {
      isSignificant = significant
    } else if let interval = comparison.interval {
      isSignificant = !interval.contains(0)
    } else {
      return nil
    }
    guard !isSignificant else { return nil }
    var metric = comparison.metric.displayName
    if comparison.metric.isBinaryOnly, let positiveLabel {
      metric += " of \(AdviceText.quoted(positiveLabel))"
    }
    var evidence = [AdviceEvidence("difference", value: comparison.difference)]
    var statement =
      "\(comparison.candidate) and \(comparison.reference) are not significantly different on "
      + "\(metric): the difference is \(DisplayNumber.signed(comparison.difference))"
    if let interval = comparison.interval {
      statement += " \(DisplayNumber.interval(interval))"
      evidence.append(AdviceEvidence("interval_lower", value: interval.lowerBound))
      evidence.append(AdviceEvidence("interval_upper", value: interval.upperBound))
    }
    if let p = comparison.decisionPValue {
      statement += ", \(DisplayNumber.pValue(p))"
      if let test = comparison.testName { statement += " (\(test))" }
      evidence.append(AdviceEvidence("p_value", value: p))
    }
    statement += "."
    evidence.append(AdviceEvidence("n", count: itemCount))
    if let required = requiredItemCount(comparison, itemCount: itemCount) {
      evidence.append(AdviceEvidence("n_required", count: required))
      statement +=
        " To detect a difference of \(DisplayNumber.score(abs(comparison.difference))) with "
        + "\(DisplayNumber.percent(thresholds.power, digits: 0)) power at the "
        + "\(DisplayNumber.percent(alpha, digits: 0)) level, a test set of about "
        + "\(DisplayNumber.count(required)) items would be needed (this one has "
        + "\(DisplayNumber.count(itemCount))), assuming the standard error "
        + "(\(DisplayNumber.score(comparison.standardError ?? .nan))) shrinks as 1/√n."
    } else if comparison.difference == 0 {
      statement += " The models score exactly the same; no test-set size would separate them."
    }
    statement +=
      " Choose between them on other grounds (cost, speed, size), or collect more test data."
    return Advice(
      rule: .noSignificantDifference, severity: .recommendation,
      title: "\(comparison.candidate) vs \(comparison.reference): no significant difference",
      message: statement, evidence: evidence)
  }

  /// The test-set size at which the observed difference would be
  /// significant with the advisor's power.
  func requiredItemCount(_ comparison: MetricComparison, itemCount: Int) -> Int? {
    guard let standardError = comparison.standardError else { return nil }
    return PowerAnalysis.requiredItemCount(
      difference: comparison.difference, standardError: standardError, itemCount: itemCount,
      significanceLevel: thresholds.significanceLevel, power: thresholds.power)
  }
}
