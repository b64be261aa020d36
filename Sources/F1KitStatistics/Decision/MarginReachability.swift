/// Whether a test set is large enough for a release gate's margin, and how
/// many items it would take.
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
public struct MarginReachability: Hashable, Sendable {
  /// Half the interval's width: the "±" of "±0.017".
  public var halfWidth: Double
  /// Whether a candidate no better than the baseline could pass at this
  /// test-set size (half the width below the margin); for superiority,
  /// whether the observed difference is above the margin.
  public var isReachable: Bool
  /// The difference the needed size assumes is true: 0 for
  /// non-inferiority and equivalence, the observed one for superiority.
  public var assumedDifference: Double
  /// The chance of passing the needed size aims for.
  public var power: Double
  /// The test-set size at which the gate passes with probability ``power``
  /// when ``assumedDifference`` is the true difference, rounded up; `nil`
  /// when no size would do or the interval carries no standard error.
  public var requiredItemCount: Int?

  /// Works out the reachability of a gate's margin on an interval.
  ///
  /// - Parameters:
  ///   - gate: The gate.
  ///   - difference: The two-sided interval of candidate − baseline.
  ///   - itemCount: The number of test items behind the interval.
  ///   - power: The chance of passing to aim for, in (0, 1).
  public init(
    gate: ReleaseGate, difference: ConfidenceInterval, itemCount: Int, power: Double = 0.8
  ) {
    halfWidth = difference.width / 2
    self.power = power
    let significanceLevel = 1 - difference.confidence
    switch gate.mode {
    case .nonInferiority, .equivalence:
      isReachable = halfWidth < gate.margin
      assumedDifference = 0
      // Both one-sided tests must pass: at a true difference of 0 each
      // fails with probability (1 − power)/2.
      let sidePower = gate.mode == .equivalence ? 1 - (1 - power) / 2 : power
      requiredItemCount = PowerAnalysis.requiredItemCount(
        difference: gate.margin, standardError: difference.standardError,
        itemCount: itemCount, significanceLevel: significanceLevel, power: sidePower)
    case .superiority:
      isReachable = difference.estimate > gate.margin
      assumedDifference = difference.estimate
      requiredItemCount =
        isReachable
        ? PowerAnalysis.requiredItemCount(
          difference: difference.estimate - gate.margin,
          standardError: difference.standardError, itemCount: itemCount,
          significanceLevel: significanceLevel, power: power)
        : nil
    }
  }
}
