import F1Kit
import F1KitStatistics

extension MetricAdvisor {
  /// ``AdviceRule/noSignificantDifference``: two models are not
  /// significantly different; says how many test items would be needed to
  /// detect the observed difference.
  ///
  /// Every number comes from the comparison engine: the difference and its
  /// interval, the decision p-value (adjusted when more than two models are
  /// compared) and the test-set size, so the advice says what `f1kit
  /// compare` says.
  func noSignificantDifference(
    _ pair: ModelComparison.Pair, in comparison: ModelComparison, positiveLabel: String? = nil
  ) -> Advice? {
    let p = comparison.decisionPValue(for: pair)
    let isSignificant = p.map { $0 < comparison.significanceLevel } ?? !pair.difference.contains(0)
    // A resampled test that cannot reach p below α, or a bootstrap with no
    // spread (no p-value), tells nothing about the models: `compare` gives
    // no verdict and its cautions say why, so no advice either.
    guard !isSignificant, !(p?.isNaN ?? false),
      !comparison.resamplingPreventsSignificance(on: pair.metric)
    else { return nil }
    var metric = pair.metric.displayName
    if pair.metric.isBinaryOnly, let positiveLabel {
      metric += " of \(AdviceText.quoted(positiveLabel))"
    }
    return noSignificantDifference(
      ComparedPair(
        first: comparison.models[pair.first].name, second: comparison.models[pair.second].name,
        metricName: metric, difference: pair.difference, decisionPValue: p,
        test: comparison.primaryTest,
        adjustment: comparison.models.count > 2 ? comparison.options.adjustment : nil,
        itemCount: comparison.itemCount,
        requiredItemCount: comparison.requiredItemCount(for: pair, power: thresholds.power),
        requiredItemRange: comparison.detectionSize(for: pair, power: thresholds.power)
          .roughRequiredCountRange,
        significanceLevel: comparison.significanceLevel))
  }

  /// ``AdviceRule/noSignificantDifference`` for a pair already known not to
  /// differ significantly, from any comparison engine's numbers.
  func noSignificantDifference(_ pair: ComparedPair) -> Advice {
    let alpha = pair.significanceLevel
    let interval = pair.difference
    let p = pair.decisionPValue
    let first = pair.first
    let second = pair.second
    let difference = interval.estimate
    let metric = pair.metricName
    var evidence = [
      AdviceEvidence("difference", value: difference),
      AdviceEvidence("interval_lower", value: interval.lower),
      AdviceEvidence("interval_upper", value: interval.upper),
    ]
    var statement =
      "\(second) and \(first) are not significantly different on \(metric): the difference is "
      + "\(DisplayNumber.signed(difference)) \(DisplayNumber.interval(interval))"
    if let p, let test = pair.test {
      let adjusted = pair.adjustment.map { "\($0.displayName)-adjusted " } ?? ""
      statement += ", \(adjusted)\(DisplayNumber.pValue(p)) (\(test.displayName))"
      evidence.append(AdviceEvidence("p_value", value: p))
    }
    statement += "."
    // An interval that excludes 0 beside a test that does not reject reads
    // as a contradiction: say so as `compare`'s verdict does, with its
    // sentence. An interval of no width (no bootstrap spread) is no
    // evidence either way.
    if interval.lower < interval.upper {
      statement += ModelComparison.disagreementSentence(
        interval: interval, isSignificant: false, isAdjusted: pair.adjustment != nil)
    }
    let itemCount = pair.itemCount
    evidence.append(AdviceEvidence("n", count: itemCount))
    if let required = pair.requiredItemCount {
      evidence.append(AdviceEvidence("n_required", count: required))
      statement +=
        " To detect a difference of \(DisplayNumber.score(abs(difference))) with "
        + "\(DisplayNumber.percent(thresholds.power, digits: 0)) power at the "
        + "\(DisplayNumber.percent(alpha, digits: 0)) level, a test set of about "
        + "\(DisplayNumber.count(required)) items would be needed (this one has "
        + "\(DisplayNumber.count(itemCount))), assuming the standard error "
        + "(\(DisplayNumber.score(interval.standardError))) shrinks as 1/√n"
      if let range = pair.requiredItemRange {
        // The standard error is itself an estimate from this test set.
        statement +=
          "; that standard error is itself estimated from this test set, so the size could be "
          + "anywhere from about \(DisplayNumber.count(range.lowerBound)) to "
          + "\(DisplayNumber.count(range.upperBound)) items"
        evidence.append(AdviceEvidence("n_required_low", count: range.lowerBound))
        evidence.append(AdviceEvidence("n_required_high", count: range.upperBound))
      }
      statement += "."
    } else if difference == 0 {
      statement += " The models score exactly the same; no test-set size would separate them."
    }
    statement +=
      " Choose between them on other grounds (cost, speed, size), or collect more test data."
    return Advice(
      rule: .noSignificantDifference, severity: .recommendation,
      title: "\(second) vs \(first): no significant difference",
      message: statement, evidence: evidence)
  }
}

/// The numbers ``MetricAdvisor/noSignificantDifference(_:)`` cites for one
/// compared pair, whichever engine compared it.
struct ComparedPair {
  var first: String
  var second: String
  /// The metric's name in prose.
  var metricName: String
  /// The difference second − first, with its interval.
  var difference: ConfidenceInterval
  var decisionPValue: Double?
  var test: ComparisonOptions.Test?
  /// The multiplicity adjustment, when more than two models are compared.
  var adjustment: PValueAdjustment?
  var itemCount: Int
  var requiredItemCount: Int?
  /// The range one test set allows for ``requiredItemCount``, its ends
  /// rounded to two significant digits, when the comparison gives one.
  var requiredItemRange: ClosedRange<Int>? = nil
  var significanceLevel: Double
}
