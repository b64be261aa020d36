import F1Kit
import F1KitSupport
import Foundation

extension MarginReachability {
  /// Works out the test-set size at which an observed difference, taken as
  /// the true one, would come out significant with probability `power`:
  /// what `f1kit compare` says of a pair it does not call significant
  /// ("Detecting a difference of 0.008 with 80% power would take about
  /// 11,813 items, …").
  ///
  /// This is the needed size of a superiority gate with a margin of 0 in
  /// the difference's own direction (``assumedDifference`` the observed
  /// difference, ``isReachable`` whenever it is not 0), with one change: a
  /// size at or below this test set's is no answer (``requiredCount`` is
  /// `nil`), since on a pair its test did not call significant the normal
  /// or Student approximation then does not hold, and more items are not
  /// what is missing. The difference is the hypothesis; the standard error
  /// is an estimate, so with one run per model and unweighted items the
  /// size is bracketed as a non-inferiority gate's is
  /// (``requiredCountRange``), each end above this test set's size.
  ///
  /// - Parameters:
  ///   - difference: The two-sided interval of the difference, with its
  ///     standard error; its confidence sets α.
  ///   - count: The number of items, or of groups when `unit` is
  ///     ``Unit/groups``, behind the interval.
  ///   - unit: What `count` counts; items by default.
  ///   - seedShare: The share of the variance from training seeds, in
  ///     [0, 1]; 0 by default.
  ///   - variance: The difference's variance split into seed and test-item
  ///     parts, when runs were resampled; `nil` by default.
  ///   - power: The chance of a significant result to aim for; 0.8 by
  ///     default.
  ///   - differingCount: The items the two models label differently, when
  ///     known and the items are unweighted; `nil` by default.
  ///   - standardErrorDegrees: The squared standard error's degrees of
  ///     freedom from the jackknife, when known and the items are
  ///     unweighted; `nil` by default.
  public init(
    detecting difference: ConfidenceInterval, count: Int, unit: Unit = .items,
    seedShare: Double = 0, variance: DifferenceVariance? = nil, power: Double = 0.8,
    differingCount: Int? = nil, standardErrorDegrees: Double? = nil
  ) {
    halfWidth = difference.width / 2
    isReachable = difference.estimate != 0 && !difference.estimate.isNaN
    isBeyondMargin = false
    assumedDifference = difference.estimate
    self.power = power
    self.unit = unit
    self.count = count
    self.seedShare = seedShare.isFinite ? min(max(seedShare, 0), 1) : 0
    self.differingCount = differingCount
    self.standardErrorDegrees = standardErrorDegrees
    let distance = abs(difference.estimate)
    let significanceLevel = BootstrapOptions.significanceLevel(confidence: difference.confidence)
    // From this test set's size on, so that a size it already reaches
    // comes back as this size itself. (Raised to one more than the test
    // set, it read "about 2,001 items; this test set has 2,000".)
    let needed = Self.requiredCount(
      distance: distance, standardError: difference.standardError, count: count,
      seedShare: self.seedShare, significanceLevel: significanceLevel, power: power,
      variance: variance, minimumCount: count)
    requiredCount = needed.flatMap { $0 > count ? $0 : nil }
    isLimitedBySeeds =
      needed == nil && self.seedShare > 0 && difference.estimate != 0
      && difference.standardError > 0 && difference.standardError.isFinite
    guard self.seedShare == 0, variance?.models.contains(where: { $0.runCount > 1 }) != true
    else { return }
    requiredCountRange = Self.requiredCountRange(
      requiredCount: requiredCount, distance: distance,
      standardError: difference.standardError, count: count, unit: unit,
      degrees: standardErrorDegrees, differingCount: differingCount,
      significanceLevel: significanceLevel, power: power, minimumCount: count + 1)
  }

  /// The sentence that ends a verdict not calling a pair significant, for
  /// a reachability made by ``init(detecting:count:unit:seedShare:variance:power:differingCount:standardErrorDegrees:)``,
  /// with a leading space: "Detecting a difference of 0.008 with 80% power
  /// would take about 11,813 items, a size that rests on the 154 items the
  /// models label differently, so it could be anywhere from about 10,000
  /// to 14,000; this test set has 1,379." With several runs the size grows
  /// only the test-set share ("(with the same runs)"), or, when the seeds'
  /// share alone keeps the interval too wide, the sentence says more runs
  /// per model would help. Empty when there is no size to give.
  public var detectionSentence: String {
    let size = Self.differenceSize(assumedDifference)
    let power = ModelComparison.percent(self.power)
    let units = unit.rawValue
    if let requiredCount {
      let range =
        requiredCountRange.map {
          Self.rangeClause($0, unit: unit, count: count, differingCount: differingCount)
        } ?? ""
      return
        " Detecting a difference of \(size) with \(power) power would take about \(ModelComparison.count(requiredCount)) \(units)\(seedShare > 0 ? " (with the same runs)" : "")\(range); this test set has \(ModelComparison.count(count))."
    }
    guard isLimitedBySeeds else { return "" }
    return
      " Detecting a difference of \(size) with \(power) power would take more runs per model, not more test \(units): the spread between training runs alone would keep the interval too wide."
  }

  /// A difference's size as the detection sentence names it: three
  /// decimals, or two significant digits where three decimals would print
  /// 0.000, so that a difference of 0.0002 is not called "a difference of
  /// 0.000".
  ///
  /// - Parameter difference: The difference, either sign.
  /// - Returns: Its absolute value as text.
  static func differenceSize(_ difference: Double) -> String {
    let size = abs(difference)
    guard size.isFinite, size > 0, size < 0.0005 else { return ModelComparison.number(size) }
    let digits = min(15, Int((-log10(size)).rounded(.up)) + 1)
    return NumberText.fixed(size, digits: digits)
  }
}
