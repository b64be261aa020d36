import F1Kit
import F1KitSupport
import Foundation

extension ExperimentComparison {
  /// What an experiment's outputs name besides the numbers.
  public struct Description: Hashable, Sendable {
    /// Each model's name.
    public var names: [String]
    /// Each model's run files, in run order.
    public var runFiles: [[String]]
    /// The label order.
    public var labels: [String]
    /// The positive label of a binary problem, if any.
    public var positiveLabel: String?
    /// The seed of the random number generator.
    public var seed: UInt64
    /// The adjustment of p-values across pairs, with more than two models.
    public var adjustment: PValueAdjustment

    /// Creates a description.
    ///
    /// - Parameters:
    ///   - names: Each model's name.
    ///   - runFiles: Each model's run files.
    ///   - labels: The label order.
    ///   - seed: The seed of the random number generator.
    ///   - adjustment: The adjustment across pairs.
    ///   - positiveLabel: The positive label of a binary problem, if any.
    public init(
      names: [String], runFiles: [[String]], labels: [String], seed: UInt64,
      adjustment: PValueAdjustment = .holm, positiveLabel: String? = nil
    ) {
      self.names = names
      self.runFiles = runFiles
      self.labels = labels
      self.positiveLabel = positiveLabel
      self.seed = seed
      self.adjustment = adjustment
    }
  }

  /// The number of groups below which grouped intervals are unreliable:
  /// a bootstrap over fewer groups undercovers (docs/statistics.md
  /// measures it). Unequal groups count as their effective number
  /// (``GroupBalance/effectiveGroupCount``), equal groups as themselves.
  public static let fewGroups = 30

  /// The fewest groups a grouped bootstrap is run on: with fewer, the
  /// permutation test cannot reach p ≤ 0.05 at all (its smallest
  /// two-sided p-value over *g* groups is 2/2^*g*, 0.0625 at 5), and in
  /// simulation (docs/statistics.md, groups of 15) 95% intervals covered
  /// 73–85% over 3 to 5 groups and the paired bootstrap rejected a true
  /// zero difference 14–27% of the time, so their numbers are refused
  /// rather than printed beside a caution.
  public static let minimumGroups = 6

  /// The difference below which two models with one run each count as
  /// close enough for another training seed to reverse: 0.01, about the
  /// seed-to-seed spread Reimers & Gurevych (2017) report for fine-tuned
  /// models. A difference whose interval includes 0 is close too.
  public static let smallDifference = 0.01

  /// Each pair's bootstrap p-value adjusted across pairs.
  ///
  /// - Parameter adjustment: The adjustment.
  /// - Returns: The adjusted p-values, in pair order.
  /// - Throws: ``StatisticsError/invalidPValue(_:)`` for a p-value outside
  ///   [0, 1].
  public func adjustedBootstrapPValues(by adjustment: PValueAdjustment) throws(StatisticsError)
    -> [Double]
  {
    try adjustment.adjusted(pairs.map(\.bootstrapPValue))
  }

  /// Each pair's p-value of ``verdictTest``, in pair order.
  public var verdictPValues: [Double] {
    pairs.map { pair in
      verdictTest == .permutation
        ? pair.groupPermutation?.pValue ?? pair.bootstrapPValue : pair.bootstrapPValue
    }
  }

  /// The p-value each pair's verdict rests on, in pair order: its
  /// ``verdictTest``'s, adjusted across pairs when more than two models
  /// are compared, as the text, the paper tables and the report use it.
  ///
  /// - Parameter adjustment: The adjustment across pairs.
  /// - Returns: The p-values; NaN where an adjustment cannot be made.
  public func decisionPValues(adjustedBy adjustment: PValueAdjustment) -> [Double] {
    guard models.count > 2 else { return verdictPValues }
    return (try? adjustment.adjusted(verdictPValues))
      ?? Array(repeating: .nan, count: pairs.count)
  }

  /// Each pair's group permutation p-value adjusted across pairs, when
  /// the verdicts rest on it and more than two models are compared, as the
  /// text and the JSON give it beside the raw one; `nil` otherwise.
  private func adjustedPermutationPValues(by adjustment: PValueAdjustment) -> [Double]? {
    models.count > 2 && verdictTest == .permutation
      ? decisionPValues(adjustedBy: adjustment) : nil
  }

  /// The verdict test's name and what it resampled, as a verdict's
  /// evidence quotes it: "paired bootstrap, groups resampled" or
  /// "permutation test, whole groups swapped".
  public var verdictTestPhrase: String {
    verdictTest == .permutation
      ? "permutation test, whole groups swapped" : "paired bootstrap, \(resamplingPhrase())"
  }

  /// The comparison as JSON, in the shape of `f1kit compare --format json`
  /// with each model's runs and the resampling design added. An interval
  /// or test that left out undefined resamples adds `undefined_resamples`
  /// as compare's does: after `resamples` in a model's interval and in the
  /// paired bootstrap and permutation tests, after `method` in
  /// `difference`. A pair whose
  /// verdict ends with a test-set size (or asks for more runs) adds
  /// `detection` after `verdict_test`, in the shape of the gate's
  /// `reachability` (``MarginReachability/jsonMembers(hasSeveralRuns:)``).
  ///
  /// - Parameter description: Names, files, labels and seed.
  /// - Returns: The document.
  public func jsonDocument(_ description: Description) -> JSONValue {
    var document: [(key: String, value: JSONValue)] = [
      ("n", .integer(counts.itemCount)),
      ("metric", .string(metric.rawValue)),
      (
        "seed",
        description.seed <= UInt64(Int.max)
          ? .integer(Int(description.seed)) : .string(String(description.seed))
      ),
      ("labels", .array(description.labels.map(JSONValue.string))),
    ]
    if let positiveLabel = description.positiveLabel {
      document.append(("positive_label", .string(positiveLabel)))
    }
    document += [
      ("design", designJSON),
      (
        "models",
        .array(
          models.indices.map { index in
            let model = models[index]
            return .object([
              ("name", .string(description.names[index])),
              ("value", .number(model.interval.estimate)),
              ("interval", ModelComparison.intervalJSON(model.interval)),
              (
                "runs",
                .array(
                  zip(description.runFiles[index], model.runValues).map { file, value in
                    .object([("file", .string(file)), ("value", .number(value))])
                  })
              ),
            ])
          })
      ),
    ]
    // The few-groups warning is a caution about the numbers too, as the
    // text's notes and gate's JSON say.
    document += JSONValue.cautionsMember(
      floorCautions(description) + cautions(names: description.names)
        + almostStochasticOrderCautions(names: description.names)
        + outsideGoldCautions(description)
        + [fewGroupsNote, smallStrataNote(labels: description.labels)].compactMap(\.self))
    let adjusted =
      models.count > 2 ? try? adjustedBootstrapPValues(by: description.adjustment) : nil
    let adjustedPermutation = adjustedPermutationPValues(by: description.adjustment)
    let detections = reportedDetectionSizes(adjustment: description.adjustment)
    if models.count == 2, let pair = pairs.first {
      document += pairMembers(
        pair, adjusted: nil, adjustedPermutation: nil, detection: detections.first ?? nil)
    } else {
      document.append(("adjustment", .string(description.adjustment.rawValue)))
      document.append(
        (
          "comparisons",
          .array(
            pairs.indices.map { index in
              let pair = pairs[index]
              return .object(
                [
                  ("first", .string(description.names[pair.first])),
                  ("second", .string(description.names[pair.second])),
                ]
                  + pairMembers(
                    pair, adjusted: adjusted?[index],
                    adjustedPermutation: adjustedPermutation?[index],
                    detection: detections[index]))
            })
        ))
    }
    return .object(document)
  }

  private var designJSON: JSONValue {
    let resampling =
      switch design {
      case .items: "items"
      case .stratifiedByGold: "stratified_by_gold"
      case .groups: "groups"
      }
    var members: [(key: String, value: JSONValue)] = [
      ("resampling", .string(resampling)),
      ("runs", .array(counts.runCounts.map(JSONValue.integer))),
    ]
    if design == .groups, let balance = counts.groupBalance {
      members += [
        ("groups", .integer(balance.groupCount)),
        ("largest_group", .integer(balance.largestGroup)),
        ("effective_groups", .number(balance.effectiveGroupCount)),
      ]
    }
    if let widening = groupWidening {
      func ratio(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
      members.append(
        (
          "item_level",
          .object([
            (
              "models",
              .array(widening.itemLevelModels.map(ModelComparison.intervalJSON))
            ),
            (
              "differences",
              .array(widening.itemLevelDifferences.map(ModelComparison.intervalJSON))
            ),
            ("model_width_ratios", .array(widening.modelRatios.map(ratio))),
            ("difference_width_ratios", .array(widening.differenceRatios.map(ratio))),
          ])
        ))
    }
    return .object(members)
  }

  /// `degrees_of_freedom`, the Welch–Satterthwaite degrees of the
  /// interval's Student's *t*, when runs were resampled and they are
  /// finite; nothing otherwise.
  private func degreesOfFreedomMember(_ pair: Pair) -> [(key: String, value: JSONValue)] {
    guard let degrees = pair.varianceSplit?.degreesOfFreedom(scale: 1), degrees.isFinite,
      degrees < RunVariance.normalDegreesOfFreedom
    else { return [] }
    return [("degrees_of_freedom", .number(degrees))]
  }

  /// Each pair's ``detectionSize(for:)`` where its verdict ends with the
  /// size's sentence: a pair called not significant, with a size to give
  /// or more runs to ask for; `nil` for the other pairs.
  private func reportedDetectionSizes(adjustment: PValueAdjustment) -> [MarginReachability?] {
    let pValues = decisionPValues(adjustedBy: adjustment)
    let isWithheld = verdictFloors(adjustment: adjustment).verdictSentence != nil
    return pairs.indices.map { index in
      let pair = pairs[index]
      let p = pValues[index]
      let estimate = pair.difference.estimate
      guard !isWithheld, !p.isNaN, !estimate.isNaN,
        p >= BootstrapOptions.significanceLevel(confidence: pair.difference.confidence)
          || estimate == 0
      else { return nil }
      let size = detectionSize(for: pair)
      return size.detectionSentence.isEmpty ? nil : size
    }
  }

  private func pairMembers(
    _ pair: Pair, adjusted: Double?, adjustedPermutation: Double?, detection: MarginReachability?
  ) -> [(key: String, value: JSONValue)] {
    let difference: JSONValue = .object(
      [
        ("value", .number(pair.difference.estimate)),
        ("low", .number(pair.difference.lower)), ("high", .number(pair.difference.upper)),
        ("confidence", .number(pair.difference.confidence)),
        ("method", .string(pair.difference.method.rawValue)),
      ] + ModelComparison.undefinedMember(pair.difference.undefinedResamples)
        + [
          ("item_standard_error", .number(pair.itemStandardError)),
          ("seed_standard_error", .number(pair.seedStandardError)),
        ] + degreesOfFreedomMember(pair))
    // The p-value comes from the interval's resamples, so it leaves out
    // the same undefined ones.
    var bootstrap: [(key: String, value: JSONValue)] =
      [
        ("p_value", .number(pair.bootstrapPValue)),
        ("resamples", .integer(pair.difference.resamples)),
      ] + ModelComparison.undefinedMember(pair.difference.undefinedResamples)
    if let adjusted { bootstrap.append(("adjusted_p_value", .number(adjusted))) }
    var tests: [(key: String, value: JSONValue)] = [("paired_bootstrap", .object(bootstrap))]
    if let test = pair.groupPermutation {
      tests.append(
        (
          "permutation",
          .object(
            [
              ("p_value", .number(test.pValue)), ("resamples", .integer(test.resamples)),
            ] + ModelComparison.undefinedMember(test.undefinedResamples)
              + [("swaps", .string("groups"))]
              + (adjustedPermutation.map { [("adjusted_p_value", .number($0))] } ?? []))
        ))
    }
    if let test = pair.clusteredMcNemar {
      tests.append(
        (
          "mcnemar",
          .object([
            ("p_value", .number(test.pValue)), ("statistic", .number(test.statistic)),
            ("method", .string("clustered")),
            (
              "discordant",
              .array([.integer(test.firstOnlyCorrect), .integer(test.secondOnlyCorrect)])
            ),
            ("groups", .integer(test.groupCount)),
          ])
        ))
    }
    if let aso = pair.almostStochasticOrder {
      tests.append(
        (
          "aso",
          .object([
            ("epsilon_min", .number(aso.epsilonMinimum)),
            ("confidence", .number(aso.confidence)),
            (
              "runs",
              .array([.integer(aso.sampleSizes.second), .integer(aso.sampleSizes.first)])
            ),
          ])
        ))
    }
    return [
      ("difference", difference), ("tests", .object(tests)),
      ("verdict_test", .string(verdictTest.rawValue)),
    ]
      + (detection.map {
        [
          (
            "detection",
            .object($0.jsonMembers(hasSeveralRuns: counts.runCounts.contains { $0 > 1 }))
          )
        ]
      } ?? [])
  }

  /// A plain-text summary: each model's mean with its interval and runs,
  /// each pair's difference and tests, where the interval's width comes
  /// from, and notes on the design.
  ///
  /// Names long enough to carry a model's line or a pair's heading past
  /// 80 columns go on lines of their own, as in the single-run summaries
  /// (``ModelComparison/textSummary(metric:)``): a model's numbers under
  /// its name, a pair's subtraction written down a column ("B", "− A",
  /// "= 0.052, 95% CI …"), and each line of numbers broken to fit the
  /// width. A run's line is broken after its file whenever the file
  /// carries it past the width. The verdicts and notes are paragraphs, one
  /// a line, as there.
  ///
  /// - Parameter description: Names, files, labels and seed.
  /// - Returns: The summary, ending with a newline.
  public func textSummary(_ description: Description) -> String {
    let names = description.names
    let confidence = models.first.map { ModelComparison.percent($0.interval.confidence) } ?? ""
    let heads = models.map {
      "\(String(format: "%.4f", $0.interval.estimate)) \(confidence) CI \(ModelComparison.range($0.interval)) (\($0.interval.method.rawValue))"
    }
    let differences = pairs.map {
      "\(ModelComparison.number($0.difference.estimate)), \(confidence) CI \(ModelComparison.range($0.difference))"
    }
    let isStacked =
      zip(names, heads).contains { $0.count + 2 + $1.count > ModelComparison.lineWidth }
      || zip(pairs, differences).contains { pair, difference in
        ModelComparison.pairHeading(
          second: names[pair.second], first: names[pair.first], difference: difference,
          isStacked: false
        ).count - 1 > ModelComparison.lineWidth
      }
    // A line of numbers: as it is beside short names; with the names on
    // lines of their own, broken between words when it is too wide, each
    // later line indented two spaces past the first.
    func fitted(_ line: String) -> String {
      guard isStacked, line.count > ModelComparison.lineWidth else { return line + "\n" }
      let content = line.drop { $0 == " " }
      let indent = String(repeating: " ", count: line.count - content.count)
      return ModelComparison.wrapped(
        String(content), indent: indent + "  ", firstIndent: indent, breakingAfter: [""])
    }
    var text = fitted(
      "Compared on \(metric.rawValue)\(metric.isBinaryOnly ? ModelComparison.positivePhrase(description.positiveLabel) : "") over \(ModelComparison.count(counts.itemCount)) items (\(resamplingPhrase(countingGroups: true)), seed \(description.seed), \(models.first?.interval.resamples ?? 0) resamples)"
    )
    text += "\n"
    for (index, model) in models.enumerated() {
      let values = model.runValues
      let runs =
        values.count > 1
        ? "mean of \(values.count) runs: sd \(String(format: "%.4f", Self.standardDeviation(values))), min \(String(format: "%.4f", values.min() ?? .nan)), max \(String(format: "%.4f", values.max() ?? .nan))"
        : nil
      if isStacked {
        text += "\(names[index])\n  \(heads[index])\n" + (runs.map { "  \($0)\n" } ?? "")
      } else {
        text += "\(names[index]): \(heads[index])" + (runs.map { ", \($0)" } ?? "") + "\n"
      }
      if values.count > 1 {
        for (file, value) in zip(description.runFiles[index], values) {
          // Broken after the file's colon, so a long path keeps its value
          // on the next line.
          text += ModelComparison.wrapped(
            "run \(file): \(String(format: "%.4f", value))", indent: "    ", firstIndent: "  ",
            breakingAfter: [":"])
        }
      }
    }
    let adjusted =
      models.count > 2 ? try? adjustedBootstrapPValues(by: description.adjustment) : nil
    let adjustedPermutation = adjustedPermutationPValues(by: description.adjustment)
    for (index, pair) in pairs.enumerated() {
      let first = names[pair.first]
      let second = names[pair.second]
      text +=
        "\n"
        + ModelComparison.pairHeading(
          second: second, first: first, difference: differences[index], isStacked: isStacked)
      func result(_ p: Double, adjusted: [Double]?) -> String {
        "p = \(ModelComparison.pValue(p))"
          + (adjusted.map {
            " (\(description.adjustment.displayName)-adjusted \(ModelComparison.pValue($0[index])))"
          } ?? "")
      }
      var tests = [
        ModelComparison.TestLine(
          name: "paired bootstrap", result: result(pair.bootstrapPValue, adjusted: adjusted),
          detail: "(\(resamplingPhrase()))")
      ]
      if let test = pair.groupPermutation {
        tests.append(
          ModelComparison.TestLine(
            name: "permutation test", result: result(test.pValue, adjusted: adjustedPermutation),
            detail: "(whole groups swapped)"))
      }
      if let test = pair.clusteredMcNemar {
        tests.append(
          ModelComparison.TestLine(
            name: "McNemar (clustered)", result: result(test.pValue, adjusted: nil),
            detail:
              "(discordant items \(ModelComparison.count(test.firstOnlyCorrect)) vs \(ModelComparison.count(test.secondOnlyCorrect)), variance from \(ModelComparison.count(test.groupCount)) groups)"
          ))
      }
      text += ModelComparison.aligned(tests, isStacked: isStacked)
      if let aso = pair.almostStochasticOrder {
        let isDefined = !aso.epsilonMinimum.isNaN
        let result =
          "  ASO                   ε_min = "
          + (isDefined ? String(format: "%.3f", aso.epsilonMinimum) : "undefined")
        // An undefined ε_min is not below 0.5: say why instead of how to
        // read a number.
        let detail =
          isDefined
          ? "for \"\(second) is better than \(first)\" (below 0.5: almost stochastically dominant; 0.2 is the strict threshold)"
          : "for \"\(second) is better than \(first)\": a run's value is undefined, so the runs cannot be ordered"
        // With the names on lines of their own, the claim goes under the
        // number, as a test's detail does.
        text +=
          isStacked && result.count + 1 + detail.count > ModelComparison.lineWidth
          ? result + "\n"
            + ModelComparison.wrapped(detail, indent: "    ", breakingAfter: [""])
          : result + " " + detail + "\n"
      }
      if let share = seedShare(of: pair) {
        let widening = fewRunsWidening(of: pair).map {
          "; Student's t at \(String(format: "%.1f", $0.degreesOfFreedom)) degrees of freedom (few runs) makes the interval \(String(format: "%.2f", $0.ratio))× as wide as normal quantiles would"
        }
        text += fitted(
          "  variance: \(Int((share * 100).rounded()))% from training seeds, \(Int(((1 - share) * 100).rounded()))% from test \(design == .groups ? "groups" : "items")\(widening ?? "")"
        )
      }
      if let widening = groupWidening, let ratio = widening.differenceRatios[index] {
        let reference = widening.itemLevelDifferences[index]
        // The reference spends fewer resamples (a ratio needs less
        // precision), so its last digit can differ from an item-level run's.
        let resamples =
          reference.resamples < options.resamples
          ? " (\(ModelComparison.count(reference.resamples)) resamples)" : ""
        text += fitted(
          "  groups: the interval over \(ModelComparison.count(counts.groupCount)) groups is \(String(format: "%.2f", ratio))× as wide as the item-level one \(ModelComparison.range(reference))\(resamples)"
        )
      }
    }
    text +=
      "\n"
      + pairs.indices.map { verdict(for: $0, description: description) }
      .joined(separator: "\n") + "\n"
    let notes =
      floorCautions(description) + cautions(names: names)
      + almostStochasticOrderCautions(names: names) + labelCautions(description) + notes
    for note in notes { text += "\nNote: \(note)" }
    return text + (notes.isEmpty ? "" : "\n")
  }

  /// One plain sentence saying what a pair's numbers mean, from the
  /// experiment's own interval and the p-value of its ``verdictTest`` (the
  /// group permutation test when it ran, otherwise the paired bootstrap,
  /// two-level with several runs; adjusted across pairs with more than two
  /// models), such
  /// as "slow and fast do not differ significantly on binary F1: slow −
  /// fast = 0.006, 95% CI [-0.005, 0.017], p = 0.287 (paired bootstrap,
  /// runs and items resampled)."
  ///
  /// - Parameters:
  ///   - index: The pair's index in ``pairs``.
  ///   - description: Names, labels and the adjustment.
  /// - Returns: The sentence.
  public func verdict(for index: Int, description: Description) -> String {
    let pair = pairs[index]
    let first = description.names[pair.first]
    let second = description.names[pair.second]
    let name =
      metric.displayName
      + (metric.isBinaryOnly ? ModelComparison.positivePhrase(description.positiveLabel) : "")
    let difference = pair.difference
    let confidence = ModelComparison.percent(difference.confidence)
    let isAdjusted = models.count > 2
    let p = decisionPValues(adjustedBy: description.adjustment)[index]
    guard !p.isNaN, !difference.estimate.isNaN else {
      let bare =
        "\(second) − \(first) on \(name): \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference))."
      guard hasNoSpread(pair) else { return bare }
      return bare
        + " No verdict: every paired-bootstrap resample gives this same difference, so the bootstrap has no spread and gives no p-value (see the note)."
    }
    let evidence =
      "p = \(ModelComparison.pValue(p)) (\(verdictTestPhrase)\(isAdjusted ? ", \(description.adjustment.displayName)-adjusted" : "")\(ModelComparison.significanceLevelClause(confidence: difference.confidence)))"
    if let withheld = verdictFloors(adjustment: description.adjustment).verdictSentence {
      // No p-value the verdict's test can give is below α: no verdict.
      return
        "\(second) − \(first) on \(name): \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference)), \(evidence). "
        + withheld
    }
    if p < BootstrapOptions.significanceLevel(confidence: difference.confidence)
      && difference.estimate != 0
    {
      let (winner, loser) = difference.estimate > 0 ? (second, first) : (first, second)
      let interval =
        difference.estimate > 0
        ? ModelComparison.range(difference)
        : "[\(ModelComparison.number(-difference.upper)), \(ModelComparison.number(-difference.lower))]"
      return
        "\(winner) beats \(loser) on \(name) by \(ModelComparison.number(abs(difference.estimate))), \(confidence) CI \(interval), \(evidence)."
        + ModelComparison.disagreementSentence(
          interval: difference, isSignificant: true, isAdjusted: isAdjusted)
    }
    return
      "\(second) and \(first) do not differ significantly on \(name): \(second) − \(first) = \(ModelComparison.number(difference.estimate)), \(confidence) CI \(ModelComparison.range(difference)), \(evidence)."
      + ModelComparison.disagreementSentence(
        interval: difference, isSignificant: false, isAdjusted: isAdjusted)
      + detectionSize(for: pair).detectionSentence
  }

  /// How large a test set would detect a pair's observed difference with
  /// 80% power, from the experiment's own standard error, counted in what
  /// was resampled (items or groups) and, with several runs, growing only
  /// the test-set share of the variance, with Student's *t* at the degrees
  /// of freedom each size would have: the calculation `f1kit gate` uses
  /// (``MarginReachability``). With one run per model the range one test
  /// set allows comes from the jackknife's degrees of freedom (groups) or
  /// from them and the differing items (items), as the gate's does.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: The size; its ``MarginReachability/detectionSentence`` ends the verdict
  ///   of a pair not called significant.
  public func detectionSize(for pair: Pair) -> MarginReachability {
    let isGrouped = design == .groups
    return MarginReachability(
      detecting: pair.difference,
      count: isGrouped ? counts.groupCount : counts.itemCount,
      unit: isGrouped ? .groups : .items, seedShare: seedShare(of: pair) ?? 0,
      variance: pair.varianceSplit,
      differingCount: isGrouped ? nil : counts.differingItemCount(pair.first, pair.second),
      standardErrorDegrees: pair.standardErrorDegrees)
  }

  /// The share of a pair's difference variance that comes from seeds,
  /// when runs were resampled: the seed part over the seed part plus the
  /// item part of the corrected variance.
  ///
  /// - Parameter pair: The pair.
  /// - Returns: Between 0 and 1, or `nil` with one run per model.
  public func seedShare(of pair: Pair) -> Double? {
    guard counts.runCounts.contains(where: { $0 > 1 }) else { return nil }
    let seed = pair.seedStandardError * pair.seedStandardError
    let item = pair.itemStandardError * pair.itemStandardError
    guard seed + item > 0 else { return nil }
    return seed / (seed + item)
  }

  /// What each bootstrap resample draws, as the text output and the
  /// tables' captions say it: "items resampled", "runs and items
  /// resampled", "groups resampled", "runs and groups resampled", "items
  /// resampled within each gold class" or "runs and items resampled within
  /// each gold class".
  ///
  /// - Parameter countingGroups: Whether to say how many groups: "40
  ///   groups resampled".
  /// - Returns: The phrase.
  public func resamplingPhrase(countingGroups: Bool = false) -> String {
    let runs = counts.runCounts.contains { $0 > 1 } ? "runs and " : ""
    switch design {
    case .items: return "\(runs)items resampled"
    case .stratifiedByGold: return "\(runs)items resampled within each gold class"
    case .groups:
      return
        "\(runs)\(countingGroups ? "\(ModelComparison.count(counts.groupCount)) " : "")groups resampled"
    }
  }

  /// The cautions that need the runs' files and labels, which
  /// ``cautions(names:)`` does not: labels outside gold that only some runs
  /// predict (``outsideGoldCautions(_:)``), then gold classes too small to
  /// vary under `--stratify gold` (``smallStrataNote(labels:)``).
  ///
  /// - Parameter description: Names, run files and labels.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func labelCautions(_ description: Description) -> [String] {
    outsideGoldCautions(description)
      + [smallStrataNote(labels: description.labels)].compactMap(\.self)
  }

  /// The cautions about labels that no gold item has and that only some
  /// runs predict, when the metric is a macro average: every run's average
  /// counts such a label as a class (see ``LabelOutsideGold``), so a run
  /// that never predicts it scores other than scikit-learn's
  /// `f1_score(y, p, average="macro")` on that run alone, a quarter lower
  /// with three gold labels and one stray. Each caution names the label,
  /// the runs that predict it and `--labels` with the gold labels, which
  /// scores every run on them.
  ///
  /// - Parameter description: Names, run files and labels.
  /// - Returns: One sentence per label, without a leading "Note:"; empty
  ///   for other metrics and under zero division `nan`.
  /// - Complexity: O(*p* · *r* + *r* · *k*) for *p* distinct rows, *r* runs
  ///   and *k* labels.
  public func outsideGoldCautions(_ description: Description) -> [String] {
    guard metric.isMacroAverage else { return [] }
    let tallies = counts.labelTallies()
    let labels = description.labels
    let found = LabelOutsideGold.find(
      labels: labels, scope: scope, goldCounts: tallies.gold, predictedCounts: tallies.predicted,
      runCounts: counts.runCounts)
    guard !found.isEmpty else { return [] }
    let files = Array(description.runFiles.joined())
    let evaluated = min(scope.evaluatedClassCount, labels.count)
    let gold = (0..<evaluated).filter { tallies.gold[$0] > 0 }.map { labels[$0] }
    let option = LabelOutsideGold.labelsOption(gold)
    return found.compactMap { outside in
      guard
        let label = labels.firstIndex(where: { $0.utf8.elementsEqual(outside.label.utf8) })
      else { return nil }
      let name = TerminalText.quoted(outside.label)
      let predicting = tallies.predicted.indices.filter { tallies.predicted[$0][label] > 0 }
      let shown = predicting.prefix(3).map { run in
        let items = tallies.predicted[run][label]
        let file = run < files.count ? files[run] : "run \(run + 1)"
        return "\(file) (\(NumberText.grouped(items)) item\(items == 1 ? "" : "s"))"
      }
      let hidden = predicting.count - shown.count
      let runs =
        shown.count == 1
        ? shown[0]
        : shown.dropLast(hidden > 0 ? 0 : 1).joined(separator: ", ") + " and "
          + (hidden > 0 ? "\(hidden) more run\(hidden == 1 ? "" : "s")" : shown[shown.count - 1])
      let effect: String
      if outside.zeroDivision == .one {
        effect =
          "a run that never predicts \(name) scores 1 on it (zero division 1), so its \(metric.displayName) differs from scikit-learn's on that run alone"
      } else {
        effect =
          "a run that never predicts \(name) scores 0 on it, so a run that predicts only gold labels gets \(gold.count)/\(evaluated) of its \(metric.displayName) over them (scikit-learn's average=\"macro\" on that run alone)"
      }
      return
        "\(name) is no gold item's label, but \(runs) predict\(predicting.count == 1 ? "s" : "") it: every run's \(metric.displayName) averages over all \(evaluated) labels, and \(effect); give \(option) to score every run on the gold labels (those predictions then count as errors)."
    }
  }

  /// The caution that a grouped bootstrap has fewer than about
  /// ``fewGroups`` effective groups (``GroupBalance``), whose intervals
  /// can be too narrow: few groups, or groups so unequal that a few hold
  /// most items; `nil` otherwise.
  public var fewGroupsNote: String? {
    guard design == .groups else { return nil }
    return counts.groupBalance?.fewGroupsNote
  }

  /// The fewest gold items a stratum needs for resampling within it to
  /// vary much: a stratum of one item is drawn unchanged into every
  /// resample, and one of *n* items keeps only (*n* − 1)/*n* of its
  /// variance (half with two items); `f1kit advise` flags such classes
  /// too (`small-class-support`).
  public static let smallStratum = 5

  /// The caution that resampling within gold classes (``ResamplingDesign/stratifiedByGold``)
  /// holds gold classes of fewer than ``smallStratum`` items nearly fixed,
  /// so the intervals leave out how uncertain the scores on them are;
  /// `nil` for other designs or when every gold class is large enough.
  ///
  /// - Parameter labels: The label order the counts' codes refer to.
  /// - Returns: One sentence without a leading "Note:", naming the
  ///   classes and their item counts.
  public func smallStrataNote(labels: [String]) -> String? {
    guard design == .stratifiedByGold else { return nil }
    return Self.smallStrataNote(goldCounts: counts.labelTallies().gold, labels: labels)
  }

  /// The caution that resampling within gold classes holds gold classes
  /// of fewer than ``smallStratum`` items nearly fixed, for any resampling
  /// within gold classes: a comparison's, or one model's intervals
  /// (`f1kit evaluate --ci --stratify gold`).
  ///
  /// - Parameters:
  ///   - gold: Each class's number of gold items, by label code.
  ///   - labels: The label order the codes refer to.
  /// - Returns: One sentence without a leading "Note:", naming the
  ///   classes and their item counts; `nil` when every gold class has at
  ///   least ``smallStratum`` items.
  public static func smallStrataNote(goldCounts gold: [Int], labels: [String]) -> String? {
    let small = gold.indices.filter { gold[$0] > 0 && gold[$0] < Self.smallStratum }
    guard !small.isEmpty else { return nil }
    let named = small.prefix(5).map { label in
      let name = label < labels.count ? TerminalText.quoted(labels[label]) : "class \(label + 1)"
      return "\(name) (\(gold[label]) item\(gold[label] == 1 ? "" : "s"))"
    }
    let hidden = small.count - named.count
    let classes =
      named.count == 1
      ? "gold class " + named[0]
      : "gold classes " + named.dropLast(hidden > 0 ? 0 : 1).joined(separator: ", ") + " and "
        + (hidden > 0 ? "\(hidden) more" : named[named.count - 1])
    let few =
      small.count == 1 && gold[small[0]] == 1 ? "is drawn unchanged into" : "barely varies in"
    return
      "\(classes) \(small.count == 1 ? "has" : "have") fewer than \(Self.smallStratum) items: resampling within gold classes (--stratify gold) keeps each class's item count, so \(small.count == 1 ? "it \(few)" : "each barely varies in") every resample and the intervals leave out how uncertain the scores on \(small.count == 1 ? "it" : "them") are; without --stratify gold \(small.count == 1 ? "it is" : "they are") resampled with the other items."
  }

  /// Cautions the design calls for.
  public var notes: [String] {
    var notes: [String] = []
    if let fewGroupsNote { notes.append(fewGroupsNote) }
    let severalRuns = counts.runCounts.filter { $0 > 1 }.count
    if severalRuns > 0 {
      let which =
        severalRuns == counts.runCounts.count
        ? "these models have"
        : "\(severalRuns) of these models \(severalRuns == 1 ? "has" : "have")"
      notes.append(
        "McNemar's test is not reported: it compares one prediction per item, and \(which) several runs."
      )
    } else if pairs.contains(where: { $0.clusteredMcNemar != nil }) {
      notes.append(
        "McNemar's test is the clustered one (Durkalski et al. 2003): the plain test assumes independent items, and these items come in groups."
      )
    }
    let isSmall = pairs.contains { pair in
      counts.runCounts[pair.first] == 1 && counts.runCounts[pair.second] == 1
        && (pair.difference.contains(0) || abs(pair.difference.estimate) < Self.smallDifference)
    }
    if isSmall {
      notes.append(
        "one run per model cannot separate seed luck from model quality; train each model with several seeds (NAME=run1.csv,run2.csv,…)."
      )
    }
    return notes
  }
}
