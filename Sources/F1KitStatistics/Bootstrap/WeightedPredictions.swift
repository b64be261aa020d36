import F1Kit

/// One model's weighted items, reduced to counts of distinct (gold,
/// predicted, weight) rows: the sufficient statistic of a bootstrap of
/// weighted items.
///
/// Resampling items that carry sample weights is a multinomial draw over
/// these rows, exactly as resampling unweighted items is a draw over
/// confusion-matrix cells (see ``Bootstrap``); each drawn item adds its
/// weight to its cell. Rows are kept in one canonical order — gold, then
/// prediction, then weight — so the same items give the same sums, bit for
/// bit, whether they come from a file of items or from a count table with a
/// weight column, in any row order.
public struct WeightedPredictions: Hashable, Sendable {
  /// One distinct (gold, predicted, weight) row.
  public struct Cell: Hashable, Sendable {
    /// The gold class index.
    public var gold: Int
    /// The predicted class index.
    public var predicted: Int
    /// The sample weight of each item in the row.
    public var weight: Double
    /// The number of items; at least 1.
    public var count: Int

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - gold: The gold class index.
    ///   - predicted: The predicted class index.
    ///   - weight: The sample weight of each item: finite, not negative.
    ///   - count: The number of items.
    public init(gold: Int, predicted: Int, weight: Double, count: Int) {
      self.gold = gold
      self.predicted = predicted
      self.weight = weight
      self.count = count
    }
  }

  /// The number of classes *k*.
  public let classCount: Int
  /// The non-empty rows, ordered by gold, prediction, then weight; no row
  /// repeats.
  public let cells: [Cell]
  /// The number of items.
  public let itemCount: Int

  /// Collects rows made elsewhere, such as a count table's.
  ///
  /// - Parameters:
  ///   - classCount: The number of classes *k*.
  ///   - cells: Rows in any order; rows with the same gold, prediction and
  ///     weight add up, and empty rows are dropped.
  /// - Throws: ``StatisticsError/classOutOfRange(_:classCount:)``,
  ///   ``StatisticsError/negativeCount(_:)`` or
  ///   ``StatisticsError/invalidWeight(_:)``.
  /// - Complexity: O(*c* log *c*) for *c* rows.
  public init(classCount: Int, cells: [Cell]) throws(StatisticsError) {
    for cell in cells {
      for index in [cell.gold, cell.predicted] where !(0..<classCount).contains(index) {
        throw .classOutOfRange(Int32(clamping: index), classCount: classCount)
      }
      if cell.count < 0 { throw .negativeCount(cell.count) }
      guard cell.weight.isFinite, cell.weight >= 0 else { throw .invalidWeight(cell.weight) }
    }
    var merged: [Cell] = []
    for cell in cells.sorted(by: Self.precedes) where cell.count > 0 {
      if let last = merged.last, !Self.precedes(last, cell) {
        merged[merged.count - 1].count += cell.count
      } else {
        merged.append(cell)
      }
    }
    self.classCount = classCount
    self.cells = merged
    self.itemCount = merged.reduce(0) { $0 + $1.count }
  }

  /// Counts weighted items.
  ///
  /// - Parameters:
  ///   - gold: The gold class index of each item.
  ///   - predicted: The predicted class index of each item.
  ///   - weights: The sample weight of each item.
  ///   - classCount: The number of classes *k*.
  /// - Throws: ``StatisticsError`` when the lengths differ, an index is out
  ///   of range or a weight is negative or not finite.
  /// - Complexity: O(*n* log *n*) for *n* items.
  public init(gold: [Int32], predicted: [Int32], weights: [Double], classCount: Int)
    throws(StatisticsError)
  {
    guard gold.count == predicted.count else {
      throw .lengthMismatch(gold: gold.count, first: predicted.count, second: predicted.count)
    }
    guard weights.count == gold.count else {
      throw .weightCountMismatch(items: gold.count, weights: weights.count)
    }
    try self.init(
      classCount: classCount,
      cells: gold.indices.map {
        Cell(gold: Int(gold[$0]), predicted: Int(predicted[$0]), weight: weights[$0], count: 1)
      })
  }

  /// The sum of every item's weight, in row order, compensated.
  public var totalWeight: Double {
    var total = CompensatedSum()
    for cell in cells { total.add(cell.weight, times: Double(cell.count)) }
    return total.value
  }

  /// The weighted confusion matrix: item counts and weight sums per cell.
  ///
  /// Each cell's weight is the compensated sum, in row order, of its rows'
  /// count × weight — the sums the bootstrap's estimate uses, equal to
  /// the sums of the items one at a time.
  ///
  /// - Parameter labels: The label of each class index.
  /// - Returns: The matrix.
  /// - Complexity: O(*k*² + *c*).
  public func confusionMatrix(labels: [String]) -> WeightedConfusionMatrix {
    precondition(labels.count == classCount)
    var matrix = WeightedConfusionMatrix(labels: labels)
    for cell in cells {
      matrix.add(
        goldIndex: cell.gold, predictedIndex: cell.predicted,
        weightOfEach: cell.weight, count: cell.count)
    }
    return matrix
  }

  /// Orders rows by gold, prediction, then weight.
  private static func precedes(_ left: Cell, _ right: Cell) -> Bool {
    (left.gold, left.predicted, left.weight) < (right.gold, right.predicted, right.weight)
  }
}
