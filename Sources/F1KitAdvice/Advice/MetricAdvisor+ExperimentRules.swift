import F1Kit
import F1KitStatistics

extension MetricAdvisor {
  /// Advice about how an experiment was run: one training run per model,
  /// and grouped test items.
  ///
  /// - ``AdviceRule/singleRunPerModel`` for each pair on which both models
  ///   have one run and the difference is small (its interval includes 0,
  ///   or it is below ``AdviceThresholds/smallDifference``).
  /// - ``AdviceRule/fewGroups`` when items were resampled in fewer than
  ///   `ExperimentComparison/fewGroups` groups.
  /// - ``AdviceRule/groupedIntervals`` when items were resampled in groups:
  ///   how many, and how much wider the group intervals are than item-level
  ///   ones when `ExperimentComparison/groupWidening` was measured.
  ///
  /// - Parameters:
  ///   - experiment: The comparison.
  ///   - names: Each model's name.
  /// - Returns: The advice, most severe first.
  public func advice(for experiment: ExperimentComparison, names: [String]) -> [Advice] {
    var result: [Advice] = []
    if experiment.design == .groups {
      let balance = experiment.counts.groupBalance
      if let balance, let advice = fewGroups(balance) { result.append(advice) }
      result.append(
        groupedIntervals(
          groupCount: experiment.counts.groupCount, itemCount: experiment.counts.itemCount,
          balance: balance,
          metric: experiment.metric, widening: experiment.groupWidening, names: names,
          pairs: experiment.pairs.map { (names[$0.first], names[$0.second]) },
          hasSeveralRuns: experiment.counts.runCounts.contains { $0 > 1 }))
    }
    for pair in experiment.pairs
    where experiment.counts.runCounts[pair.first] == 1
      && experiment.counts.runCounts[pair.second] == 1
    {
      if let advice = singleRunPerModel(
        difference: pair.difference, metric: experiment.metric, first: names[pair.first],
        second: names[pair.second])
      {
        result.append(advice)
      }
    }
    return result.enumerated().sorted {
      ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
    }.map(\.element)
  }

  /// Advice about one model's intervals by group, for `f1kit advise
  /// --group-column`: how many groups, how much wider the group interval
  /// of the primary metric is than the item-level one, and a warning
  /// under `ExperimentComparison/fewGroups` groups.
  ///
  /// - Parameters:
  ///   - intervals: Intervals computed with
  ///     `ResamplingDesign/groups`.
  ///   - metric: The metric whose widths are compared.
  ///   - itemCount: The number of items.
  /// - Returns: The advice, most severe first; empty unless the intervals
  ///   are by group.
  public func advice(forGrouped intervals: MetricIntervals, metric: Metric, itemCount: Int)
    -> [Advice]
  {
    guard intervals.design == .groups, let groupCount = intervals.groupCount else { return [] }
    var result: [Advice] = []
    let balance = intervals.groupBalance
    if let balance, let advice = fewGroups(balance) { result.append(advice) }
    let ratio = intervals.bootstrap[metric].flatMap { interval in
      intervals.itemLevel[metric].flatMap { MetricIntervals.widthRatio(interval, $0) }
    }
    result.append(
      groupedIntervals(
        groupCount: groupCount, itemCount: itemCount, balance: balance, metric: metric,
        ratios: ratio.map { [("", $0)] } ?? []))
    return result
  }

  /// The width ratio from which group intervals are clearly wider than
  /// item-level ones: 1.1. The item-level reference uses at most
  /// `ExperimentComparison/wideningResampleLimit` resamples, so ratios
  /// within a few percent of 1 are Monte Carlo noise, and ratios below 1
  /// mean the groups add no measurable correlation.
  static let clearWidening = 1.1

  /// A width ratio for people: `1.84×`.
  static func times(_ ratio: Double) -> String { DisplayNumber.score(ratio, digits: 2) + "×" }

  /// ``AdviceRule/singleRunPerModel``: one run per model and a small
  /// difference (its interval includes 0, or it is below
  /// ``AdviceThresholds/smallDifference``).
  ///
  /// - Parameters:
  ///   - difference: The difference, second model minus first, with its
  ///     interval.
  ///   - metric: The metric compared.
  ///   - first: The first model's name.
  ///   - second: The second model's name.
  /// - Returns: The advice, or `nil` when the difference is not small.
  public func singleRunPerModel(
    difference: ConfidenceInterval, metric: Metric, first: String, second: String
  ) -> Advice? {
    let isSmall =
      difference.contains(0) || abs(difference.estimate) < thresholds.smallDifference
    guard isSmall, !difference.estimate.isNaN else { return nil }
    return Advice(
      rule: .singleRunPerModel, severity: .recommendation,
      title:
        "\(second) vs \(first): one run per model cannot separate seed luck from model quality",
      message:
        "The difference on \(metric.displayName) is \(DisplayNumber.signed(difference.estimate)) "
        + "\(DisplayNumber.interval(difference)), "
        + (difference.contains(0)
          ? "and its interval contains 0. That interval counts only the variation of the test "
            + "items; another training seed adds its own, and could reverse the difference"
          : "small enough that another training seed could reverse it")
        + " (Reimers & Gurevych 2017). One run per model cannot separate seed luck from "
        + "model quality: train each model with several seeds and compare the runs "
        + "(f1kit compare NAME=run1.csv,run2.csv,… NAME2=…).",
      evidence: [
        AdviceEvidence("difference", value: difference.estimate),
        AdviceEvidence("interval_lower", value: difference.lower),
        AdviceEvidence("interval_upper", value: difference.upper),
        AdviceEvidence("runs_per_model", count: 1),
      ])
  }

  /// ``AdviceRule/fewGroups`` for a grouping too coarse to resample at
  /// all: fewer than `ExperimentComparison/minimumGroups` groups, where
  /// no group interval is computed.
  ///
  /// - Parameter groupCount: The number of groups.
  /// - Returns: The warning.
  public func advice(forTooFewGroups groupCount: Int) -> Advice {
    Advice(
      rule: .fewGroups, severity: .warning,
      title:
        "Only \(DisplayNumber.count(groupCount)) groups: too few to resample by group",
      message:
        "F1Kit resamples whole groups only from \(ExperimentComparison.minimumGroups) groups on: "
        + "over fewer, the group permutation test cannot reach p ≤ 0.05, and docs/statistics.md "
        + "measures 73% coverage for a 95% interval over 3 groups of 15 items. Intervals that "
        + "ignore the groups would be too narrow, so collect test items from more groups (about "
        + "\(ExperimentComparison.fewGroups)).",
      evidence: [
        AdviceEvidence("groups", count: groupCount),
        AdviceEvidence("groups_required", count: ExperimentComparison.minimumGroups),
        AdviceEvidence("groups_recommended", count: ExperimentComparison.fewGroups),
      ])
  }

  /// ``AdviceRule/fewGroups``: fewer than about 30 effective groups
  /// (`GroupBalance/effectiveGroupCount`): few groups, or groups so
  /// unequal that a few hold most items.
  ///
  /// - Parameter balance: How the items are spread over the groups.
  /// - Returns: The warning, or `nil` with enough effective groups.
  func fewGroups(_ balance: GroupBalance) -> Advice? {
    guard balance.isFew else { return nil }
    let groupCount = balance.groupCount
    guard !balance.isUnequal else {
      let groups = DisplayNumber.count(groupCount)
      let effective = balance.effectiveGroupCountText
      let weight =
        "The bootstrap resamples \(groups) groups, but \(balance.largestGroupPhrase), so they weigh as about \(effective) equal groups (Kish's effective number of groups, (Σm)²/Σm²)."
      let coverage =
        " What sets a group bootstrap's coverage is how many groups carry the items: docs/statistics.md measures \(Self.dominantGroupCoverage) coverage for a 95% interval over 35 groups of which one holds 85% of the items, against \(Self.equalGroupsCoverage) over 35 equal groups."
      let remedy =
        " Read the intervals as possibly too narrow, and collect test items from more groups (about \(ExperimentComparison.fewGroups) effective groups); if the largest group only shares a placeholder (a missing group filled in), give its items groups of their own."
      return Advice(
        rule: .fewGroups, severity: .warning,
        title:
          "\(groups) unequal groups weigh as about \(effective): the group intervals can be too narrow",
        message: weight + coverage + remedy,
        evidence: [
          AdviceEvidence("groups", count: groupCount),
          AdviceEvidence("largest_group", count: balance.largestGroup),
          AdviceEvidence("effective_groups", value: balance.effectiveGroupCount),
          AdviceEvidence("groups_recommended", count: ExperimentComparison.fewGroups),
        ])
    }
    return Advice(
      rule: .fewGroups, severity: .warning,
      title:
        "Only \(DisplayNumber.count(groupCount)) groups: the group intervals can be too narrow",
      message:
        "The bootstrap resamples \(DisplayNumber.count(groupCount)) groups. With fewer than about "
        + "\(ExperimentComparison.fewGroups) groups a group bootstrap can undercover (docs/statistics.md "
        + "measures 92% coverage for a 95% interval at 10 groups of 15 items, and 94.4% at 20), "
        + "so read the intervals as possibly too narrow and collect test items from more groups.",
      evidence: [
        AdviceEvidence("groups", count: groupCount),
        AdviceEvidence("groups_recommended", count: ExperimentComparison.fewGroups),
      ])
  }

  /// The coverage docs/statistics.md measures for a 95% group interval
  /// over 35 groups of which one holds 85% of the items ("Dominant
  /// group").
  static let dominantGroupCoverage = "77.8% (BCa; 91.5% percentile)"
  /// The coverage docs/statistics.md measures for a 95% group interval
  /// over 35 equal groups of the same population.
  static let equalGroupsCoverage = "94.8% (94.0%)"

  /// ``AdviceRule/groupedIntervals`` for an experiment's widening.
  private func groupedIntervals(
    groupCount: Int, itemCount: Int, balance: GroupBalance?, metric: Metric,
    widening: GroupWidening?,
    names: [String], pairs: [(String, String)], hasSeveralRuns: Bool
  ) -> Advice {
    var ratios: [(String, Double)] = []
    if let widening {
      for (index, ratio) in widening.modelRatios.enumerated() {
        if let ratio { ratios.append((names[index], ratio)) }
      }
      for (index, ratio) in widening.differenceRatios.enumerated() {
        if let ratio { ratios.append(("\(pairs[index].1) − \(pairs[index].0)", ratio)) }
      }
    }
    return groupedIntervals(
      groupCount: groupCount, itemCount: itemCount, balance: balance, metric: metric,
      ratios: ratios, hasSeveralRuns: hasSeveralRuns)
  }

  /// ``AdviceRule/groupedIntervals``: how many groups, and each width
  /// ratio (an empty name is the one model's). Only ratios of at least
  /// ``clearWidening`` are said to make item-level intervals too narrow.
  /// The others are said to show that the groups add no measurable
  /// correlation only when they can: not with fewer than
  /// `ExperimentComparison/fewGroups` groups, where the group interval is
  /// itself uncertain, nor with several runs per model, where the spread
  /// between runs can set most of both intervals' widths.
  ///
  /// - Parameters:
  ///   - groupCount: The number of groups.
  ///   - itemCount: The number of items.
  ///   - balance: How the items are spread over the groups, when known:
  ///     unequal groups add the largest group and the effective number.
  ///   - metric: The metric whose widths are compared.
  ///   - ratios: Each width ratio, named by its model or pair.
  ///   - hasSeveralRuns: Whether some model has several runs.
  /// - Returns: The advice.
  func groupedIntervals(
    groupCount: Int, itemCount: Int, balance: GroupBalance? = nil, metric: Metric,
    ratios: [(name: String, ratio: Double)], hasSeveralRuns: Bool = false
  ) -> Advice {
    let perGroup = String(format: "%.1f", Double(itemCount) / Double(max(groupCount, 1)))
    var spread = "(\(perGroup) items per group)."
    if let balance, balance.isUnequal {
      spread =
        "(\(perGroup) items per group on average, but \(balance.largestGroupPhrase); they weigh as about \(balance.effectiveGroupCountText) equal groups)."
    }
    var message =
      "Intervals resample whole groups: \(DisplayNumber.count(itemCount)) items in "
      + "\(DisplayNumber.count(groupCount)) groups " + spread
    var evidence = [
      AdviceEvidence("groups", count: groupCount), AdviceEvidence("n", count: itemCount),
    ]
    if let balance, balance.isUnequal {
      evidence += [
        AdviceEvidence("largest_group", count: balance.largestGroup),
        AdviceEvidence("effective_groups", value: balance.effectiveGroupCount),
      ]
    }
    // Few groups, or unequal ones that weigh as few, leave the group
    // intervals, and so the ratios, uncertain.
    let isFew = balance?.isFew ?? (groupCount < ExperimentComparison.fewGroups)
    var onlyFew = "\(DisplayNumber.count(groupCount)) groups"
    if let balance, balance.isUnequal {
      onlyFew = "about \(balance.effectiveGroupCountText) effective groups"
    }
    if !ratios.isEmpty {
      func listed(_ entries: [(name: String, ratio: Double)]) -> String {
        AdviceText.list(
          entries.map { (($0.name.isEmpty ? "" : "\($0.name) ") + Self.times($0.ratio)) }, limit: 8)
      }
      let wider = ratios.filter { $0.ratio >= Self.clearWidening }
      let others = ratios.filter { $0.ratio < Self.clearWidening }
      message +=
        " On \(metric.displayName) the group intervals are \(listed(ratios)) as wide as item-level ones"
      // With few groups a ratio above 1 is itself uncertain: independent
      // items in 12 groups give a ratio of 1.1 or more about one time in
      // five, so it suggests alike items rather than showing them.
      let alike =
        isFew
        ? "items of one group may be alike, and intervals that ignore the groups too narrow"
        : "items of one group are alike, and intervals that ignore the groups would be too narrow"
      if others.isEmpty {
        message +=
          ": \(alike)"
          + (isFew ? ", though with only \(onlyFew) the ratio is itself uncertain." : ".")
      } else if wider.isEmpty {
        let notAbove = "\(ratios.count == 1 ? "the ratio is not" : "no ratio is") clearly above 1"
        if isFew {
          message +=
            ": \(notAbove), but with only \(onlyFew) the ratios "
            + "are themselves uncertain (the group intervals can be too narrow), so this does not "
            + "show that intervals ignoring the groups would be wide enough."
        } else if hasSeveralRuns {
          message +=
            ": \(notAbove), but with several runs per model the spread between runs can set most "
            + "of each interval's width, so this shows that the seeds dominate, not that the "
            + "groups add no correlation (f1kit evaluate with --ci --group-column shows one run's "
            + "own widening)."
        } else {
          message +=
            ": \(notAbove), so the groups add no measurable correlation here, and intervals that "
            + "ignore them would not be too narrow."
        }
      } else {
        let ratioIs = others.count == 1 ? "the ratio is" : "the ratios are"
        let nearOne =
          isFew
          ? "\(ratioIs) near or below 1, which with only \(onlyFew) \(others.count == 1 ? "is itself" : "are themselves") uncertain"
          : hasSeveralRuns
            ? "\(ratioIs) near or below 1: the spread between runs sets most of the width"
            : "the groups add no measurable correlation (a ratio near or below 1)"
        message +=
          ". Where the ratio is clearly above 1 (\(listed(wider))), \(alike); for "
          + "\(listed(others)) \(nearOne)."
      }
      for entry in ratios {
        evidence.append(
          AdviceEvidence(
            "width_ratio", model: entry.name.isEmpty ? nil : entry.name, value: entry.ratio))
      }
    }
    return Advice(
      rule: .groupedIntervals, severity: .note,
      title: "Intervals by group: \(DisplayNumber.count(groupCount)) groups",
      message: message, evidence: evidence)
  }
}
