/// Whether a test set is large enough for a release gate's margin, and how
/// large it would have to be.
///
/// An interval's width shrinks only as 1/√*n*. When half the width is at
/// least the margin, a non-inferiority gate cannot pass a candidate that is
/// no better than the baseline, and an equivalence gate cannot pass at all:
/// with 1,379 items and an interval ±0.017 wide, a 0.010 margin never
/// passes. The needed size comes from ``PowerAnalysis``, the calculation
/// `f1kit compare` uses for its verdicts:
///
/// - non-inferiority: the size at which a candidate exactly as good as the
///   baseline passes with probability `power`, that is a one-sided test at
///   α/2 of a true difference of *D* from the margin;
/// - equivalence: the same with the two one-sided tests, each failing with
///   probability (1 − `power`)/2 when the models are equal;
/// - superiority: the size at which the observed difference, if it were the
///   true one, would clear the margin with probability `power`; none when
///   the observed difference is not above the margin.
///
/// The size is counted in the units the bootstrap resampled: items, or
/// whole groups when items come in groups (``Unit/groups``), since a
/// grouped interval narrows with the number of groups, not of items. When
/// models have several training runs, the share of the variance that comes
/// from seeds does not shrink with more test items; the needed size grows
/// only the test-item share, and when the seeds' share alone keeps the
/// interval too wide, no test set is large enough
/// (``isLimitedBySeeds``). The interval then rests on Student's *t* with
/// the experiment's Welch–Satterthwaite degrees of freedom, which fall as
/// the seeds' share grows, so the needed size uses *t* quantiles at the
/// degrees of freedom each size would have (``DifferenceVariance``), not
/// normal ones. A test set whose interval does not clear the margin never
/// gets a needed size at or below its own.
///
/// `f1kit compare` asks the same question of a difference it does not call
/// significant, as a superiority gate with a margin of 0 in the
/// difference's own direction
/// (``init(detecting:count:unit:seedShare:variance:power:differingCount:standardErrorDegrees:)``,
/// ``detectionSentence``), so both commands size and bracket a test set
/// with the same code.
public struct MarginReachability: Hashable, Sendable {
  /// What the test-set size counts.
  public enum Unit: String, Hashable, Sendable, CaseIterable {
    /// Independent test items.
    case items
    /// Groups of items (pairs sharing a query or premise), resampled whole.
    case groups
  }

  /// Half the interval's width: the "±" of "±0.017".
  public var halfWidth: Double
  /// Whether a candidate no better than the baseline could pass at this
  /// test-set size (half the width below the margin); for superiority,
  /// whether the observed difference is above the margin in the metric's
  /// better direction.
  public var isReachable: Bool
  /// The difference the needed size assumes is true: 0 for
  /// non-inferiority and equivalence, the observed one for superiority.
  public var assumedDifference: Double
  /// The chance of passing the needed size aims for.
  public var power: Double
  /// What ``count`` and ``requiredCount`` count.
  public var unit: Unit
  /// The number of ``unit``s behind the interval.
  public var count: Int
  /// The share of the difference's variance that comes from training
  /// seeds, which more test data does not reduce; 0 with one run per model.
  public var seedShare: Double
  /// The number of ``unit``s at which the gate passes with probability
  /// ``power`` when ``assumedDifference`` is the true difference, rounded
  /// up; `nil` when no size would do or the interval carries no standard
  /// error.
  public var requiredCount: Int?
  /// Whether the whole interval lies beyond the margin on the failing
  /// side (``ReleaseGate/isWhollyBeyondMargin(_:isHigherBetter:)``): the
  /// data already show the candidate worse than the gate allows, so no
  /// test set is large enough and ``requiredCount`` is `nil`. Always
  /// `false` for a detection size.
  public var isBeyondMargin: Bool
  /// Whether the seeds' share of the variance alone keeps the interval too
  /// wide for any test set: more runs per model, not more items, would
  /// help.
  public var isLimitedBySeeds: Bool
  /// The number of items the two models label differently, when known
  /// (one run per model, unweighted, ungrouped): the count the standard
  /// error behind ``requiredCount`` mostly rests on.
  public var differingCount: Int?
  /// The degrees of freedom of the squared standard error behind
  /// ``requiredCount``, when known (one run per model): 2*n*/(*m*₄/*m*₂² − 1)
  /// from the jackknife influence values of the difference over its *n*
  /// units, items or groups (the Satterthwaite approximation that treats
  /// the squared standard error as a scaled χ²). About twice
  /// ``differingCount`` for accuracy.
  public var standardErrorDegrees: Double?
  /// The needed sizes the standard error's own uncertainty allows, when
  /// ``requiredCount`` assumes a difference of 0 (non-inferiority and
  /// equivalence) and no share of the variance comes from seeds; `nil`
  /// otherwise.
  ///
  /// The needed size grows with the square of the standard error, which
  /// one test set estimates only so closely. With
  /// ``standardErrorDegrees`` ν (at least 10), the range is the needed
  /// size at ν/χ²₁₋α/₂,ν and ν/χ²α/₂,ν times the squared standard error,
  /// α that of the difference's interval: with ν = 40 from 0.67 to 1.64
  /// times the needed size. The influence values carry what the squared
  /// standard error rests on: for accuracy the items the models label
  /// differently, for F1 also each item's effect on the denominators, and
  /// for groups how much the groups' differences spread (in 60 groups of
  /// 15 items nearly every group differs, so their count says little).
  /// Without ν, with items and ``differingCount`` known, the range scales
  /// the needed size by each end of the differing share's exact
  /// (Clopper–Pearson) interval over the observed share: for accuracy the
  /// squared standard error is that share over *n*, less the squared
  /// difference. With 20 differing items of 500 the share's 95% interval
  /// runs from 0.61 to 1.54 times the observed one, and so does the needed
  /// size. docs/gate.md gives both ranges' coverage by simulation.
  public var requiredCountRange: ClosedRange<Int>?

  /// Works out the reachability of a gate's margin on an interval.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - count: The number of test items, or of groups when `unit` is
  ///     ``Unit/groups``, behind the interval.
  ///   - unit: What `count` counts; items by default.
  ///   - seedShare: The share of the difference's variance that comes from
  ///     training seeds, in [0, 1]; 0 by default.
  ///   - isHigherBetter: Whether larger values of the metric are better;
  ///     `true` by default.
  ///   - power: The chance of passing to aim for, in (0, 1).
  ///   - variance: The difference's variance split into seed and test-item
  ///     parts, when runs were resampled; the needed size then uses
  ///     Student's *t* at the degrees of freedom each size would have.
  ///     `nil` (normal quantiles) by default.
  ///   - differingCount: The number of items the two models label
  ///     differently, when known (one run per model, unweighted); with
  ///     `unit` items it brackets the needed size (``requiredCountRange``).
  ///     `nil` by default.
  ///   - standardErrorDegrees: The squared standard error's degrees of
  ///     freedom from the jackknife influence values, when known
  ///     (``standardErrorDegrees``); it brackets the needed size in items
  ///     or groups, in place of `differingCount`. `nil` by default.
  public init(
    gate: ReleaseGate, difference: ConfidenceInterval, count: Int, unit: Unit = .items,
    seedShare: Double = 0, isHigherBetter: Bool = true, power: Double = 0.8,
    variance: DifferenceVariance? = nil, differingCount: Int? = nil,
    standardErrorDegrees: Double? = nil
  ) {
    halfWidth = difference.width / 2
    self.power = power
    self.unit = unit
    self.count = count
    self.seedShare = seedShare.isFinite ? min(max(seedShare, 0), 1) : 0
    isLimitedBySeeds = false
    isBeyondMargin = gate.isWhollyBeyondMargin(difference, isHigherBetter: isHigherBetter)
    let significanceLevel = 1 - difference.confidence
    let gain = isHigherBetter ? difference.estimate : -difference.estimate
    // The distance from the margin the needed size must resolve, and the
    // power of each one-sided test; nil when no size would make it pass.
    let distance: Double?
    var sidePower = power
    switch gate.mode {
    case .nonInferiority, .equivalence:
      isReachable = halfWidth < gate.margin
      assumedDifference = 0
      // An interval wholly beyond the margin already rules out the equally
      // good candidate the needed size assumes.
      distance = isBeyondMargin ? nil : gate.margin
      // Both one-sided tests must pass: at a true difference of 0 each
      // fails with probability (1 − power)/2.
      if gate.mode == .equivalence { sidePower = 1 - (1 - power) / 2 }
    case .superiority:
      isReachable = gain > gate.margin
      assumedDifference = difference.estimate
      distance = isReachable ? gain - gate.margin : nil
    }
    // A size at which the gate does not pass now is no answer: the needed
    // one is larger.
    let passesNow =
      gate.mode == .superiority
      ? gate.passes(difference, isHigherBetter: isHigherBetter) : isReachable
    requiredCount = distance.flatMap {
      Self.requiredCount(
        distance: $0, standardError: difference.standardError, count: count,
        seedShare: self.seedShare, significanceLevel: significanceLevel, power: sidePower,
        variance: variance, minimumCount: passesNow ? 1 : count + 1)
    }
    isLimitedBySeeds =
      requiredCount == nil && distance != nil && self.seedShare > 0
      && difference.standardError > 0 && difference.standardError.isFinite
    self.differingCount = differingCount
    self.standardErrorDegrees = standardErrorDegrees
    guard let distance, gate.mode != .superiority, self.seedShare == 0,
      variance?.models.contains(where: { $0.runCount > 1 }) != true
    else { return }
    requiredCountRange = Self.requiredCountRange(
      requiredCount: requiredCount, distance: distance,
      standardError: difference.standardError, count: count, unit: unit,
      degrees: standardErrorDegrees, differingCount: differingCount,
      significanceLevel: significanceLevel, power: sidePower,
      minimumCount: passesNow ? 1 : count + 1)
  }

  /// Works out the reachability of a gate's margin on an interval over
  /// independent items.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - itemCount: The number of test items behind the interval.
  ///   - power: The chance of passing to aim for, in (0, 1).
  public init(
    gate: ReleaseGate, difference: ConfidenceInterval, itemCount: Int, power: Double = 0.8
  ) {
    self.init(gate: gate, difference: difference, count: itemCount, power: power)
  }

  /// The size at which a true `distance` from the margin is cleared with
  /// probability `power`, when `seedShare` of the variance does not shrink.
  ///
  /// Without seeds this is ``PowerAnalysis/requiredItemCount(difference:standardError:itemCount:significanceLevel:power:)``;
  /// with them the standard error at size *m* is
  /// √(*s*·SE² + (1 − *s*)·SE²·*n*/*m*), and *m* is the smallest size at
  /// which *z* times it is at most `distance`. With `variance` the
  /// quantiles are Student's *t* at the degrees of freedom of size *m*
  /// (``DifferenceVariance/degreesOfFreedom(scale:)``) and the variance is
  /// ``DifferenceVariance/variance(scale:)``.
  ///
  /// - Parameters:
  ///   - distance: The true distance from the margin to resolve.
  ///   - standardError: The interval's standard error at `count`.
  ///   - count: The number of items (or groups) behind the interval.
  ///   - seedShare: The share of the variance that does not shrink.
  ///   - significanceLevel: One minus the interval's confidence.
  ///   - power: The chance of clearing the margin to aim for.
  ///   - variance: The split variance of a several-run experiment, if any.
  ///   - minimumCount: The smallest size to consider; 1 by default. A
  ///     smaller computed size is raised to it.
  /// - Returns: The size, or `nil` when no size up to 10¹⁵ would do or the
  ///   inputs are undefined.
  static func requiredCount(
    distance: Double, standardError: Double, count: Int, seedShare: Double,
    significanceLevel: Double, power: Double, variance: DifferenceVariance? = nil,
    minimumCount: Int = 1
  ) -> Int? {
    if let variance, variance.models.contains(where: { $0.runCount > 1 }) {
      return studentCount(
        distance: distance, variance: variance, count: count,
        significanceLevel: significanceLevel, power: power, minimumCount: minimumCount)
    }
    let normal = normalCount(
      distance: distance, standardError: standardError, count: count, seedShare: seedShare,
      significanceLevel: significanceLevel, power: power)
    return normal.map { max($0, minimumCount) }
  }

  /// ``requiredCount(distance:standardError:count:seedShare:significanceLevel:power:variance:minimumCount:)``
  /// with normal quantiles.
  private static func normalCount(
    distance: Double, standardError: Double, count: Int, seedShare: Double,
    significanceLevel: Double, power: Double
  ) -> Int? {
    guard seedShare > 0 else {
      return PowerAnalysis.requiredItemCount(
        difference: distance, standardError: standardError, itemCount: count,
        significanceLevel: significanceLevel, power: power)
    }
    guard standardError > 0, standardError.isFinite, distance != 0, distance.isFinite,
      count > 0, significanceLevel > 0, significanceLevel < 1, power > 0, power < 1
    else { return nil }
    let z = StandardNormal.quantile(1 - significanceLevel / 2) + StandardNormal.quantile(power)
    let variance = standardError * standardError
    let room = (distance / z) * (distance / z) - seedShare * variance
    guard room > 0 else { return nil }
    let required = ((1 - seedShare) * variance * Double(count) / room).rounded(.up)
    guard required.isFinite, required < Double(Int.max) else { return nil }
    return max(Int(required), 1)
  }

  /// The largest size the search for a needed size considers.
  static let largestCount = 1e15

  /// ``requiredCount(distance:standardError:count:seedShare:significanceLevel:power:variance:minimumCount:)``
  /// with Student's *t* quantiles: the smallest size *m* ≥ `minimumCount`
  /// at which (*t*₁₋α/₂ + *t*_power)·√*V*(*m*) ≤ `distance`, *t* at the
  /// degrees of freedom of size *m*.
  ///
  /// The degrees fall as *m* grows, so the left side need not fall with
  /// *m*: the sizes are searched on a grid growing by 5%, and the first
  /// that fits is narrowed down to a whole size by bisection.
  private static func studentCount(
    distance: Double, variance: DifferenceVariance, count: Int, significanceLevel: Double,
    power: Double, minimumCount: Int
  ) -> Int? {
    guard distance > 0, distance.isFinite, count > 0, significanceLevel > 0,
      significanceLevel < 1, power > 0, power < 1
    else { return nil }
    let observed = variance.variance(scale: 1)
    guard observed > 0, observed.isFinite else { return nil }
    func fits(_ size: Double) -> Bool {
      let scale = Double(count) / size
      let degrees = variance.degreesOfFreedom(scale: scale)
      let quantiles =
        StudentT.quantile(1 - significanceLevel / 2, degreesOfFreedom: degrees)
        + StudentT.quantile(power, degreesOfFreedom: degrees)
      return quantiles * variance.variance(scale: scale).squareRoot() <= distance
    }
    var size = Double(max(minimumCount, 1))
    if fits(size) { return Int(size) }
    // Past this the item part no longer moves the variance or the degrees.
    let shrinking =
      variance.itemVariance + variance.models.reduce(0) { $0 + max(0, $1.meanSquare) }
    while size < largestCount {
      let next = max(size + 1, (size * 1.05).rounded(.up))
      if fits(next) {
        // fits(size) is false and fits(next) true: bisect the whole sizes.
        var (low, high) = (size, next)
        while high - low > 1 {
          let middle = ((low + high) / 2).rounded(.down)
          if fits(middle) { high = middle } else { low = middle }
        }
        return Int(high)
      }
      size = next
      if Double(count) / size * shrinking <= 1e-12 * variance.seedVariance { return nil }
    }
    return nil
  }
}
