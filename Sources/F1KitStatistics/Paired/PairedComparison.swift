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
/// Every test works on the non-empty joint cells of ``PairedPredictions``
/// and scores each model from per-class tallies (see `MetricScope`), so
/// its cost per resample is O(cells + *k*): it does not grow with the
/// number of items once the cells are counted, nor with *k*² or *k*³. As in
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
  /// - Complexity: O(*c* + *k*) for *c* non-empty joint cells.
  public func firstValue(of metric: Metric) -> Double {
    value(of: metric, keepingFirst: true)
  }

  /// The second model's value of a metric.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value on the second model's predictions.
  /// - Complexity: O(*c* + *k*) for *c* non-empty joint cells.
  public func secondValue(of metric: Metric) -> Double {
    value(of: metric, keepingFirst: false)
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
  /// It counts items and ignores sample weights, so ``ModelComparison``
  /// does not run it on weighted items.
  ///
  /// - Parameter method: How the p-value is computed; mid-p by default.
  /// - Returns: The discordant counts, statistic and p-value.
  /// - Complexity: O(*c*) for *c* non-empty joint cells.
  public func mcnemar(method: McNemarTest.Method = .midP) -> McNemarTest {
    let discordant = predictions.discordantCounts
    return McNemarTest(
      firstOnlyCorrect: discordant.firstOnlyCorrect,
      secondOnlyCorrect: discordant.secondOnlyCorrect, method: method)
  }

  private func value(of metric: Metric, keepingFirst: Bool) -> Double {
    tallies(keepingFirst: keepingFirst).withUnsafeBufferPointer {
      scope.value(of: metric, tallies: $0)
    }
  }

  /// One model's tallies (see ``MetricScope``) from the joint cells.
  func tallies(keepingFirst: Bool) -> [Double] {
    var result = [Double](repeating: 0, count: scope.tallyCount)
    result.withUnsafeMutableBufferPointer { tallies in
      for cell in predictions.cells {
        scope.addToTallies(
          Double(cell.count) * cell.weight, gold: cell.gold,
          predicted: keepingFirst ? cell.first : cell.second, tallies)
      }
    }
    return result
  }

  /// Some non-empty joint cells, as parallel arrays for the resampling
  /// loops.
  struct JointCells {
    /// The gold class of each cell.
    var gold: [Int] = []
    /// The first model's prediction in each cell.
    var first: [Int] = []
    /// The second model's prediction in each cell.
    var second: [Int] = []
    /// The count of each cell.
    var counts: [Int] = []
    /// The sample weight of each item of each cell (1 without weights).
    var weights: [Double] = []
  }

  /// The joint cells at the given indices into ``PairedPredictions/cells``.
  func jointCells(at indices: [Int]) -> JointCells {
    var cells = JointCells()
    for index in indices {
      let cell = predictions.cells[index]
      cells.gold.append(cell.gold)
      cells.first.append(cell.first)
      cells.second.append(cell.second)
      cells.counts.append(cell.count)
      cells.weights.append(cell.weight)
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
