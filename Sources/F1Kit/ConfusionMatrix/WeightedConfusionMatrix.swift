/// Sums of sample weights by gold label (rows) and predicted label
/// (columns), beside the item counts of the same cells.
///
/// Sample weights make every metric a function of the weighted sums, as
/// scikit-learn's `sample_weight` does; the item counts stay for what counts
/// items (``ClassificationMetrics/itemCount``). The integer
/// ``ConfusionMatrix`` stays the representation of unweighted data.
///
/// Each cell's weights are summed with compensation (Neumaier's), so the
/// items of a cell and the count table that summarizes them (count ×
/// weight) give the same sum: the exact one, rounded once, but for sums
/// of many millions of terms.
public struct WeightedConfusionMatrix: Hashable, Sendable {
  /// The item counts of each cell, over ``labels``.
  public private(set) var itemCounts: ConfusionMatrix
  /// The weight sums in row-major order, like ``ConfusionMatrix/counts``.
  public private(set) var weights: [Double]
  /// Each cell's running sum, whose value ``weights`` holds.
  private var sums: [CompensatedSum]

  /// Creates an all-zero matrix over the given labels.
  ///
  /// - Parameter labels: Distinct labels in the order rows and columns take.
  public init(labels: [String]) {
    itemCounts = ConfusionMatrix(labels: labels)
    weights = Array(repeating: 0, count: labels.count * labels.count)
    sums = Array(repeating: CompensatedSum(), count: labels.count * labels.count)
  }

  /// Whether two matrices have the same labels, item counts and weight
  /// sums, however their sums were reached.
  public static func == (left: Self, right: Self) -> Bool {
    left.itemCounts == right.itemCounts && left.weights == right.weights
  }

  /// Hashes the labels, item counts and weight sums.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(itemCounts)
    hasher.combine(weights)
  }

  /// Counts weighted (gold, predicted) pairs.
  ///
  /// - Parameters:
  ///   - gold: The true label of each item.
  ///   - predicted: The predicted label of each item.
  ///   - weights: The sample weight of each item: finite, not negative.
  ///   - labels: Labels to put first, which may never occur; `nil` orders
  ///     every label that occurs.
  /// - Throws: ``MetricsError`` when the lengths differ, a label repeats in
  ///   `labels`, or a weight is negative or not finite.
  public init(
    gold: [String], predicted: [String], weights: [Double], labels: [String]? = nil
  ) throws(MetricsError) {
    guard gold.count == predicted.count, weights.count == gold.count else {
      throw .lengthMismatch(gold: gold.count, predicted: predicted.count, weights: weights.count)
    }
    let order: [String]
    do {
      order = try ConfusionMatrix.labelOrder(naming: labels, occurring: gold + predicted)
    } catch {
      guard case .duplicateLabel(let label) = error else { throw .noLabels }
      throw .duplicateLabel(label)
    }
    let index = order.exactLabelPositions()
    self.init(labels: order)
    for item in gold.indices {
      try MultilabelCounts.validate(weight: weights[item], item: item)
      add(
        goldIndex: index[ExactLabel(gold[item])]!,
        predictedIndex: index[ExactLabel(predicted[item])]!, weight: weights[item])
    }
  }

  /// The labels of the rows and columns, in order.
  public var labels: [String] { itemCounts.labels }

  /// The number of labels.
  public var classCount: Int { itemCounts.classCount }

  /// The sum of every item's weight, compensated.
  public var totalWeight: Double {
    var total = CompensatedSum()
    for sum in sums { total.add(sum) }
    return total.value
  }

  /// The weight of the items of some rows (gold labels), summed with
  /// compensation over the items themselves rather than over the rounded
  /// cells: weights of one decimal summing to 54.3 give `54.3`, where
  /// adding the cells 47.6 and 6.7 gives `54.300000000000004`.
  ///
  /// - Parameter rows: The rows.
  /// - Returns: Their items' total weight.
  /// - Complexity: O(*r* · *k*) for *r* rows of *k* labels.
  public func goldWeight(ofRows rows: Range<Int>) -> Double {
    goldSum(ofRows: rows).value
  }

  /// The compensated sum behind ``goldWeight(ofRows:)``, to be added to
  /// other rows' sums without rounding in between.
  ///
  /// - Parameter rows: The rows.
  /// - Returns: Their items' total weight with its compensation.
  package func goldSum(ofRows rows: Range<Int>) -> CompensatedSum {
    var total = CompensatedSum()
    for cell in sums[(rows.lowerBound * classCount)..<(rows.upperBound * classCount)] {
      total.add(cell)
    }
    return total
  }

  /// Adds items to one cell.
  ///
  /// - Parameters:
  ///   - goldIndex: The row.
  ///   - predictedIndex: The column.
  ///   - weight: The summed weight of the items added.
  ///   - count: How many items.
  /// - Complexity: O(1).
  public mutating func add(goldIndex: Int, predictedIndex: Int, weight: Double, count: Int = 1) {
    itemCounts.add(goldIndex: goldIndex, predictedIndex: predictedIndex, count: count)
    let cell = goldIndex * classCount + predictedIndex
    sums[cell].add(weight)
    weights[cell] = sums[cell].value
  }

  /// Adds items whose weights were summed elsewhere (a reader's cell),
  /// keeping that sum's compensation, so sums over the matrix's cells
  /// (``goldWeight(ofRows:)``, ``totalWeight``) stay sums over the items.
  ///
  /// - Parameters:
  ///   - goldIndex: The row.
  ///   - predictedIndex: The column.
  ///   - weightSum: The compensated sum of the items' weights.
  ///   - count: How many items.
  /// - Complexity: O(1).
  package mutating func add(
    goldIndex: Int, predictedIndex: Int, weightSum: CompensatedSum, count: Int
  ) {
    itemCounts.add(goldIndex: goldIndex, predictedIndex: predictedIndex, count: count)
    let cell = goldIndex * classCount + predictedIndex
    sums[cell].add(weightSum)
    weights[cell] = sums[cell].value
  }

  /// Adds items of the same weight to one cell, as if each were added on
  /// its own: `count` × `weight` joins the cell's sum with the product's
  /// rounding error, so a count table gives the sum its items give.
  ///
  /// - Parameters:
  ///   - goldIndex: The row.
  ///   - predictedIndex: The column.
  ///   - weight: The weight of each item added.
  ///   - count: How many items.
  /// - Complexity: O(1).
  public mutating func add(
    goldIndex: Int, predictedIndex: Int, weightOfEach weight: Double, count: Int
  ) {
    itemCounts.add(goldIndex: goldIndex, predictedIndex: predictedIndex, count: count)
    let cell = goldIndex * classCount + predictedIndex
    sums[cell].add(weight, times: Double(count))
    weights[cell] = sums[cell].value
  }

  /// The weight sum of one cell.
  ///
  /// - Parameters:
  ///   - gold: The row.
  ///   - predicted: The column.
  public subscript(gold gold: Int, predicted predicted: Int) -> Double {
    weights[gold * classCount + predicted]
  }

  /// The same matrix with rows and columns in a new order.
  ///
  /// - Parameter order: Every label of this matrix, plus any others (which
  ///   get empty rows), each once.
  /// - Returns: The reordered matrix.
  /// - Throws: ``ConfusionMatrixError`` when a label repeats.
  public func reordered(to order: [String]) throws(ConfusionMatrixError) -> WeightedConfusionMatrix
  {
    let counts = try itemCounts.reordered(to: order)
    let positions = labels.exactLabelPositions()
    let size = counts.classCount
    var result = WeightedConfusionMatrix(labels: counts.labels)
    result.itemCounts = counts
    let old = counts.labels.map { positions[ExactLabel($0)] }
    for row in 0..<size {
      guard let oldRow = old[row] else { continue }
      for column in 0..<size {
        guard let oldColumn = old[column] else { continue }
        result.weights[row * size + column] = weights[oldRow * classCount + oldColumn]
        result.sums[row * size + column] = sums[oldRow * classCount + oldColumn]
      }
    }
    return result
  }
}
