import F1Kit

/// Paired significance tests and the difference of a metric between two
/// models scored on the same items.
///
/// The difference is always second − first (B − A): positive when the
/// second model is better on a metric where higher is better.
///
/// ```swift
/// let pairs = try PairedPredictions(gold: gold, first: a, second: b, classCount: 3)
/// let comparison = try PairedComparison(predictions: pairs, scope: MetricScope(classCount: 3))
/// let test = try comparison.bootstrap(for: [.macroF1])[.macroF1]!
/// print(test.difference.estimate, test.difference.lower, test.difference.upper, test.pValue)
/// ```
///
/// Every test works on the *k*³ joint counts of ``PairedPredictions``, so
/// its cost per resample does not grow with the number of items. As in
/// ``Bootstrap``, the resampling loops run on a ``Xoshiro256StarStar``: the
/// caller's own, or one seeded by a single output of the caller's
/// generator.
public struct PairedComparison: Hashable, Sendable {
  /// The joint counts of gold labels and both models' predictions.
  public let predictions: PairedPredictions
  /// The classes evaluated, positive class and zero-division rule.
  public let scope: MetricScope

  /// Creates a comparison.
  ///
  /// - Parameters:
  ///   - predictions: The joint counts of the two models.
  ///   - scope: The scope both models are scored with; its class count must
  ///     be the predictions' class count.
  /// - Throws: ``StatisticsError/classCountMismatch(data:scope:)`` or
  ///   ``StatisticsError/noItems``.
  public init(predictions: PairedPredictions, scope: MetricScope) throws(StatisticsError) {
    guard predictions.classCount == scope.classCount else {
      throw .classCountMismatch(data: predictions.classCount, scope: scope.classCount)
    }
    guard predictions.itemCount > 0 else { throw .noItems }
    self.predictions = predictions
    self.scope = scope
  }

  /// The first model's value of a metric.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value on the first model's predictions.
  public func firstValue(of metric: Metric) -> Double {
    value(of: metric, counts: predictions.firstCounts)
  }

  /// The second model's value of a metric.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value on the second model's predictions.
  public func secondValue(of metric: Metric) -> Double {
    value(of: metric, counts: predictions.secondCounts)
  }

  /// The observed difference second − first of a metric.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: B − A; NaN when either value is undefined.
  public func difference(of metric: Metric) -> Double {
    secondValue(of: metric) - firstValue(of: metric)
  }

  /// McNemar's test of equal accuracy, on the items exactly one model gets
  /// right.
  ///
  /// - Parameter method: How the p-value is computed; mid-p by default.
  /// - Returns: The discordant counts, statistic and p-value.
  /// - Complexity: O(*k*²).
  public func mcnemar(method: McNemarTest.Method = .midP) -> McNemarTest {
    let discordant = predictions.discordantCounts
    return McNemarTest(
      firstOnlyCorrect: discordant.firstOnlyCorrect,
      secondOnlyCorrect: discordant.secondOnlyCorrect, method: method)
  }

  private func value(of metric: Metric, counts: [Int]) -> Double {
    counts.map(Double.init).withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
  }

  /// The joint cells that hold items, with where each adds to the two
  /// confusion matrices.
  struct JointCells {
    /// The first model's matrix cell of each non-empty joint cell.
    var firstCells: [Int] = []
    /// The second model's matrix cell of each non-empty joint cell.
    var secondCells: [Int] = []
    /// The count of each non-empty joint cell.
    var counts: [Int] = []
  }

  /// Maps joint positions to matrix cells for the given non-empty cells.
  func jointCells(at positions: [Int]) -> JointCells {
    let k = predictions.classCount
    var cells = JointCells()
    for position in positions {
      let second = position % k
      let first = (position / k) % k
      let gold = position / (k * k)
      cells.firstCells.append(gold * k + first)
      cells.secondCells.append(gold * k + second)
      cells.counts.append(predictions.counts[position])
    }
    return cells
  }

  /// Whether a resampled difference is at least as extreme as a
  /// threshold, with the tolerance ``PermutationTest/relativeTieTolerance``
  /// describes.
  @inline(__always)
  static func isAtLeast(_ value: Double, _ threshold: Double) -> Bool {
    value >= threshold - PermutationTest.relativeTieTolerance * threshold
      - PermutationTest.absoluteTieTolerance
  }
}
