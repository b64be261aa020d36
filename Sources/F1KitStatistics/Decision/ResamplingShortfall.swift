import F1Kit
import F1KitSupport

/// Why a release gate does not take a resampled interval at its word: the
/// difference did not vary under resampling, or the two models label so
/// few items differently that resampling cannot show how far apart they
/// could be.
///
/// A bootstrap sees only what the test set shows. When two models label
/// every item alike, the difference is 0 on every resample and the
/// interval is [0, 0]; when one is right exactly where the other is wrong
/// on every item, it is a point too. Neither says that the difference is
/// known exactly: 0 differing items out of 20 leave room, at 97.5%, for
/// models that label 16.8% of items differently. With a handful of
/// differing items the resampled differences take a few values, and the
/// interval's ends rest on them: 4 items that only the candidate gets
/// right, out of 20, give the BCa interval [0.050, 0.400] of the
/// difference in accuracy, where McNemar's exact test gives p = 0.125
/// (0.0625 one-sided).
///
/// The gate then decides on an exact bound instead, where one exists. The
/// share of items the models label differently caps the difference in
/// accuracy (|Δ| ≤ share), so when the one-sided
/// [Clopper–Pearson](https://doi.org/10.1093/biomet/26.4.404) upper bound
/// *s* on that share, at the gate's one-sided level 1 − α/2, lies inside
/// the margin, a non-inferiority or equivalence gate on accuracy passes all
/// the same. For the other metrics of per-class counts (precision, recall,
/// F-scores, balanced accuracy) the gate reads a worst-case cap
/// (``changeBound``): taking the baseline's confusion matrix for the
/// population, as the bootstrap does, the largest change of the metric
/// that changing the baseline's predictions on *k* = ⌈*s* · *n*⌉ items can
/// make (``ChangedPredictionBound``); the gate passes when that cap lies
/// inside the margin. A superiority claim needs the direction of the
/// differences as well as their number, so otherwise the gate does not
/// pass, and its sentence gives the bound.
///
/// When whole groups were resampled (``differingGroups``) the unit of
/// sampling is the group, and the gate counts groups: the floor is 10
/// groups with at least one differing item, *s* bounds the share of such
/// groups out of *G*, and *k*_g = ⌈*s* · *G*⌉ groups may differ. The items
/// they may hold are at most the items of the *k*_g largest groups
/// (``changedItemBound``), which caps the difference in accuracy (over
/// *n*) and is the *k* of the worst-case cap. Changing items of *k*_g
/// whole groups changes at most that many items, so the cap, which allows
/// any *k* items to change, never falls below the worst case of changing
/// whole groups.
public struct ResamplingShortfall: Hashable, Sendable {
  /// The fewest items two models must label differently for the gate to
  /// decide on a resampled interval: 10, the usual floor of McNemar's
  /// large-sample test (*b* + *c* ≥ 10). Below it a bootstrap of the
  /// difference takes too few values to stand for the uncertainty. When
  /// whole groups are resampled the floor counts groups with a differing
  /// item.
  public static let minimumDifferingItemCount = 10

  /// The items the two models label differently, when the gate knows them
  /// (a comparison of predicted labels, one run per model); `nil`
  /// otherwise.
  public var differingItemCount: Int?
  /// The number of test items.
  public var itemCount: Int
  /// The groups with a differing item and every group's size, when whole
  /// groups were resampled: the floor and the exact bounds then count
  /// groups. `nil` otherwise.
  public var differingGroups: DifferingGroups? = nil
  /// The difference every resample gave, when resampling showed no spread
  /// at all; `nil` when the resampled differences varied.
  public var constantDifference: Double?
  /// The one-sided level of the exact bounds: 1 − α/2 for the gate's
  /// two-sided interval at 1 − α (0.975 at 95%).
  public var confidence: Double
  /// The worst-case change of the gate's metric when the baseline's
  /// predictions change on ``changedItemBound`` items, when the gate could
  /// bound it (fewer than ``minimumDifferingItemCount`` differing items, a
  /// metric of per-class counts); `nil` otherwise.
  public var changeBound: ChangedPredictionBound? = nil
  /// Whether the items carry sample weights: the differing share then
  /// counts items, not weight, and caps weighted accuracy only through
  /// ``changeBound``.
  public var isWeighted = false

  /// Finds a shortfall, or returns `nil` when the resampled interval can
  /// be trusted as far as this check goes.
  ///
  /// - Parameters:
  ///   - differingItemCount: The items the two models label differently,
  ///     if known.
  ///   - itemCount: The number of test items.
  ///   - differingGroups: The groups with a differing item and their
  ///     sizes, when whole groups were resampled; `nil` by default. The
  ///     floor then counts groups.
  ///   - constantDifference: The difference every resample gave, when it
  ///     did not vary; `nil` otherwise.
  ///   - intervalConfidence: The two-sided interval's confidence 1 − α.
  public init?(
    differingItemCount: Int?, itemCount: Int, differingGroups: DifferingGroups? = nil,
    constantDifference: Double?, intervalConfidence: Double
  ) {
    self.differingItemCount = differingItemCount
    self.itemCount = itemCount
    self.differingGroups = differingGroups
    self.constantDifference = constantDifference
    self.confidence = 1 - (1 - intervalConfidence) / 2
    guard isBelowFloor || constantDifference != nil, itemCount > 0 else { return nil }
  }

  /// The constant value of resampled differences, or `nil` when they vary
  /// (or none is defined).
  ///
  /// - Parameter sorted: Resampled differences in ascending order.
  /// - Returns: The one value they all take.
  public static func constantValue(of sorted: [Double]) -> Double? {
    guard let first = sorted.first, let last = sorted.last, first == last else { return nil }
    return first
  }

  /// What the floor and the exact bounds count: the differing groups out
  /// of the groups when grouped, else the differing items out of the
  /// items; `nil` when the differing count is not known.
  private var counted: (differing: Int, total: Int)? {
    if let differingGroups {
      return (differingGroups.differingGroupCount, differingGroups.groupCount)
    }
    return differingItemCount.map { ($0, itemCount) }
  }

  /// Whether the differing count is below
  /// ``minimumDifferingItemCount`` (in groups when grouped).
  private var isBelowFloor: Bool {
    (counted?.differing ?? Self.minimumDifferingItemCount) < Self.minimumDifferingItemCount
  }

  /// The exact one-sided lower bound on the share of items (of groups,
  /// when grouped) the models label differently (Clopper–Pearson at
  /// ``confidence``); `nil` when the count is not known.
  public var lowerShare: Double? {
    guard let counted else { return nil }
    let (count, total) = counted
    guard count > 0 else { return 0 }
    return BetaDistribution.quantile(1 - confidence, a: Double(count), b: Double(total - count + 1))
  }

  /// The exact one-sided upper bound on the share of items the models
  /// label differently (Clopper–Pearson at ``confidence``): the largest
  /// difference in accuracy the test set cannot rule out. When grouped,
  /// the bound on the share of groups with a differing item. `nil` when
  /// the count is not known.
  public var upperShare: Double? {
    guard let counted else { return nil }
    let (count, total) = counted
    guard count < total else { return 1 }
    return BetaDistribution.quantile(confidence, a: Double(count + 1), b: Double(total - count))
  }

  /// The most groups that may hold a differing item by the exact bound:
  /// *k*_g = ⌈``upperShare`` · *G*⌉, at most *G*; `nil` when not grouped
  /// or the count is not known.
  public var changedGroupBound: Int? {
    guard let groupCount = differingGroups?.groupCount, let upperShare else { return nil }
    return min(groupCount, Int((upperShare * Double(groupCount)).rounded(.up)))
  }

  /// The most items the models may label differently by the exact bound:
  /// *k* = ⌈``upperShare`` · *n*⌉, at most *n*; when grouped, the items of
  /// the ``changedGroupBound`` largest groups. `nil` when the count is not
  /// known.
  public var changedItemBound: Int? {
    if let differingGroups {
      return changedGroupBound.map { min(itemCount, differingGroups.itemCount(inLargest: $0)) }
    }
    return upperShare.map { min(itemCount, Int(($0 * Double(itemCount)).rounded(.up))) }
  }

  /// The largest share of items the models may label differently by the
  /// exact bound, which caps the difference in accuracy: ``upperShare``,
  /// or when grouped ``changedItemBound`` over *n*.
  private var upperItemShare: Double? {
    guard differingGroups != nil else { return upperShare }
    return changedItemBound.map { Double($0) / Double(itemCount) }
  }

  /// Whether the gate decides on accuracy without weights, where the
  /// differing share itself caps the difference.
  private func isShareCapped(_ metric: GateMetric) -> Bool {
    metric.name == Metric.accuracy.rawValue && !isWeighted
  }

  /// The largest change of the gate's metric the exact bound allows, the
  /// number compared with the margin: the upper bound on the differing
  /// share for accuracy without weights, otherwise the worst-case cap
  /// (a decrease for non-inferiority, either direction for equivalence).
  /// `nil` for superiority, or when there is no such bound.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - metric: The metric it decides on.
  /// - Returns: The bound, or `nil`.
  public func metricChangeBound(for gate: ReleaseGate, on metric: GateMetric) -> Double? {
    guard gate.mode != .superiority else { return nil }
    if isShareCapped(metric) { return upperItemShare }
    return changeBound?.largestChange(for: gate.mode)
  }

  /// Whether the exact bound alone shows what the gate asks: for a
  /// non-inferiority or equivalence gate, the largest change of the metric
  /// it allows (``metricChangeBound(for:on:)``) lies inside the margin.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - metric: The metric it decides on.
  /// - Returns: `true` when the gate may pass on the exact bound.
  public func settles(_ gate: ReleaseGate, on metric: GateMetric) -> Bool {
    guard let bound = metricChangeBound(for: gate, on: metric) else { return false }
    return bound < gate.margin
  }

  /// Adds the worst-case cap of a metric of predicted labels, when fewer
  /// than ``minimumDifferingItemCount`` items (groups, when grouped)
  /// differ.
  ///
  /// - Parameters:
  ///   - metric: The gate's metric.
  ///   - baseline: The baseline's confusion matrix.
  ///   - scope: The scope the metric is scored with.
  ///   - weighted: The baseline's weighted items, when the items carry
  ///     weights: only accuracy is capped then.
  mutating func addChangeBound(
    metric: Metric, baseline: ConfusionMatrix, scope: MetricScope,
    weighted: WeightedPredictions? = nil
  ) {
    isWeighted = weighted != nil
    guard isBelowFloor, let k = changedItemBound else { return }
    if let weighted {
      changeBound =
        metric == .accuracy
        ? ChangedPredictionBound(accuracyOf: weighted, changedItemCount: k) : nil
    } else {
      changeBound = ChangedPredictionBound(
        metric: metric, baseline: baseline, scope: scope, changedItemCount: k)
    }
  }

  /// What resampling missed, as the sentence's reason says it: "the
  /// models label 0 of the 20 items differently, fewer than 10", "the
  /// models label 40 of the 1,000 items differently, in 3 of the 50
  /// groups, fewer than 10 groups" or "the difference was 1.000 on every
  /// resample".
  var shortfallText: String {
    if let differingGroups, isBelowFloor {
      let items = ModelComparison.count(differingItemCount ?? 0)
      return
        "the models label \(items) of the \(ModelComparison.count(itemCount)) items differently, in \(ModelComparison.count(differingGroups.differingGroupCount)) of the \(ModelComparison.count(differingGroups.groupCount)) groups, fewer than \(Self.minimumDifferingItemCount) groups, too few for resampling whole groups to show how far apart they could be"
    }
    if let count = differingItemCount, count < Self.minimumDifferingItemCount {
      return
        "the models label \(ModelComparison.count(count)) of the \(ModelComparison.count(itemCount)) items differently, fewer than \(Self.minimumDifferingItemCount), too few for resampling to show how far apart they could be"
    }
    let value = ReleaseDecision.number(digits: 3, constantDifference ?? .nan)
    return
      "the difference was \(value) on every resample, so resampling cannot show how far apart the models could be"
  }

  /// The exact upper bound as the sentences write it: "by an exact
  /// one-sided 97.5% Clopper–Pearson bound they may label up to 0.003 of
  /// items differently", or when grouped "… they may label items
  /// differently in up to 0.123 of groups (7 of the 50, holding up to 180
  /// of the 1,000 items)".
  ///
  /// - Parameters:
  ///   - isPassing: Whether the gate passed on it ("at most") rather than
  ///     failed ("may … up to").
  ///   - gate: The gate, whose margin an ungrouped accuracy bound is
  ///     written beside.
  ///   - metric: The metric it decides on.
  ///   - digits: The decimals of the margin in the decision's sentence.
  private func upperBoundText(
    isPassing: Bool, gate: ReleaseGate, on metric: GateMetric, digits: Int
  ) -> String {
    let level = ModelComparison.percent(confidence)
    // Without groups an accuracy bound is the very number the margin is
    // compared with, so it is written apart from the margin.
    let bound =
      upperShare.map {
        isShareCapped(metric) && differingGroups == nil
          ? Self.texts(of: $0, beside: gate.margin, digits: digits).bound : Self.share($0)
      } ?? "undefined"
    let head = "by an exact one-sided \(level) Clopper–Pearson bound they"
    guard let differingGroups, let groups = changedGroupBound, let items = changedItemBound else {
      return isPassing
        ? "\(head) label at most \(bound) of items differently"
        : "\(head) may label up to \(bound) of items differently"
    }
    let upTo = isPassing ? "at most" : "up to"
    return
      "\(head) \(isPassing ? "label" : "may label") items differently in \(upTo) \(bound) of groups (\(ModelComparison.count(groups)) of the \(ModelComparison.count(differingGroups.groupCount)), holding \(upTo) \(ModelComparison.count(items)) of the \(ModelComparison.count(itemCount)) items)"
  }

  /// ", so up to 0.180 of items": the share of items the groups of the
  /// exact bound hold, when grouped; empty otherwise, where the bound is
  /// itself a share of items.
  private func itemShareText(beside margin: Double, digits: Int) -> String {
    guard differingGroups != nil, let upperItemShare else { return "" }
    return
      ", so up to \(Self.texts(of: upperItemShare, beside: margin, digits: digits).bound) of items"
  }

  /// The failing sentence's reason, with the exact bound when the count
  /// is known: for superiority the lowest differing share the test set
  /// allows (for items, the difference in accuracy cannot exceed it),
  /// otherwise the highest (the largest difference in accuracy it cannot
  /// rule out, through the items of the largest groups when grouped) and,
  /// for other metrics, the worst-case cap of changing that many
  /// predictions, or that there is none.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - metric: The metric it decides on; the reason says when the bound
  ///     does not cap it.
  ///   - digits: The decimals of the margin in the decision's sentence
  ///     (``ReleaseDecision/decimals``); the margin and the bound beside
  ///     it get more while they would read the same. 3 by default.
  /// - Returns: The reason, without a closing full stop.
  func reason(for gate: ReleaseGate, on metric: GateMetric, digits: Int = 3) -> String {
    let level = ModelComparison.percent(confidence)
    if gate.mode == .superiority, let lowerShare {
      let bound = "\(shortfallText); by an exact one-sided \(level) Clopper–Pearson bound they may"
      if differingGroups != nil {
        return "\(bound) label items differently in as few as \(Self.share(lowerShare)) of groups"
      }
      return
        "\(bound) label as few as \(Self.share(lowerShare)) of items differently, which caps the difference in accuracy"
    }
    guard upperShare != nil else { return shortfallText }
    let head =
      "\(shortfallText); \(upperBoundText(isPassing: false, gate: gate, on: metric, digits: digits))"
    let itemShare = itemShareText(beside: gate.margin, digits: digits)
    if isShareCapped(metric) {
      return head + itemShare + ", the largest difference in accuracy the test set cannot rule out"
    }
    if let cap = capText(for: gate, on: metric, isPassing: false, digits: digits) {
      // A cap equal to the margin reads as the margin does: say which
      // side of it the cap falls on.
      return head + cap.text
        + (cap.isAtMargin
          ? ", as much as the \(cap.margin) margin itself, so not inside it"
          : ", not inside the \(cap.margin) margin")
    }
    let caveat =
      isBelowFloor
      ? "; no worst-case cap of changed predictions applies to \(metric.displayName)\(isWeighted ? " on weighted items" : "")"
      : ""
    return
      head + itemShare
      + ", the largest difference in accuracy the test set cannot rule out (a bound that does not cap \(metric.displayName)\(caveat))"
  }

  /// "(4 of the 1,379); changing the baseline's predictions on 4 items
  /// lowers binary F1 by at most 0.004": the worst-case cap as the
  /// sentences write it (without the count in brackets when grouped,
  /// where the bound's text gives it), with the margin as it is written
  /// beside it (``texts(of:beside:digits:)``) and whether the cap is the
  /// margin itself, or `nil` when the gate does not read one.
  private func capText(
    for gate: ReleaseGate, on metric: GateMetric, isPassing: Bool, digits: Int
  ) -> (text: String, margin: String, isAtMargin: Bool)? {
    guard !isShareCapped(metric), let bound = metricChangeBound(for: gate, on: metric),
      let changeBound
    else { return nil }
    let texts = Self.texts(of: bound, beside: gate.margin, digits: digits)
    let k = ModelComparison.count(changeBound.changedItemCount)
    let items = changeBound.changedItemCount == 1 ? "item" : "items"
    let change = gate.mode == .equivalence ? "change" : "lower"
    let verb = isPassing ? change + "s" : "could " + change
    let by = isPassing ? "by at most" : "by up to"
    let direction = gate.mode == .equivalence ? " either way" : ""
    let count = differingGroups == nil ? " (\(k) of the \(ModelComparison.count(itemCount)))" : ""
    let text =
      "\(count); changing the baseline's predictions on \(k) \(items) \(verb) \(metric.displayName) \(by) \(texts.bound)\(direction)"
    return (text, texts.margin, bound == gate.margin)
  }

  /// The caution of a gate that passed on the exact bound rather than on
  /// the resampled interval.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - metric: The metric it decided on.
  ///   - digits: The decimals of the margin in the decision's sentence
  ///     (``ReleaseDecision/decimals``); 3 by default.
  /// - Returns: One sentence without a leading "Note:".
  func passingCaution(for gate: ReleaseGate, on metric: GateMetric, digits: Int = 3) -> String {
    let head =
      "The pass rests on an exact bound, not on the interval: \(shortfallText); \(upperBoundText(isPassing: true, gate: gate, on: metric, digits: digits))"
    if let cap = capText(for: gate, on: metric, isPassing: true, digits: digits) {
      return head + cap.text + ", inside the \(cap.margin) margin."
    }
    if differingGroups != nil, let upperItemShare {
      let texts = Self.texts(of: upperItemShare, beside: gate.margin, digits: digits)
      return
        head
        + ", which caps the difference in accuracy at \(texts.bound), inside the \(texts.margin) margin."
    }
    let margin = Self.texts(of: upperShare ?? .nan, beside: gate.margin, digits: digits).margin
    return head + ", which caps the difference in accuracy inside the \(margin) margin."
  }

  /// A bound and the margin it is compared with, as the sentences write
  /// them: the margin with `digits` decimals, as the decision's sentence
  /// does (``ReleaseDecision/decimals``), the bound with as many or as
  /// ``share(_:)`` writes it; and both with more decimals (up to twelve)
  /// while they would read the same, so that a cap of 0.00333 is not
  /// printed "up to 0.003, not inside the 0.003 margin". A bound equal to
  /// the margin reads as the margin does.
  ///
  /// - Parameters:
  ///   - bound: The bound.
  ///   - margin: The gate's margin.
  ///   - digits: The fewest decimals; 3 by default.
  /// - Returns: The two texts.
  static func texts(of bound: Double, beside margin: Double, digits: Int = 3) -> (
    bound: String, margin: String
  ) {
    var digits = digits
    func boundText() -> String {
      let fixed = ReleaseDecision.number(digits: digits, bound)
      let short = share(bound)
      return short.count > fixed.count ? short : fixed
    }
    var texts = (bound: boundText(), margin: ReleaseDecision.number(digits: digits, margin))
    while digits < 12, bound != margin, texts.bound == texts.margin {
      digits += 1
      texts = (boundText(), ReleaseDecision.number(digits: digits, margin))
    }
    return texts
  }

  /// A share with three decimals, or two significant digits below 0.001,
  /// so that a bound of 0.000037 is not written 0.000.
  static func share(_ value: Double) -> String {
    guard value > 0, value < 0.001 else { return ReleaseDecision.number(digits: 3, value) }
    var digits = 4
    while digits < 12, value * pow10(digits - 1) < 1 { digits += 1 }
    return ReleaseDecision.number(digits: digits, value)
  }

  private static func pow10(_ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { product, _ in product * 10 }
  }
}
