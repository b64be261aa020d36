/// Two models' predictions for the same items, reduced to counts of
/// (gold, first model's prediction, second model's prediction) triples.
///
/// These joint counts are the sufficient statistic of every paired
/// comparison: both models' confusion matrices, the per-item agreement
/// McNemar's test needs, and the resampling and permutation distributions
/// are functions of them. Of the *k*³ possible cells at most *N* (one per
/// item) hold items, and only those are stored, so memory grows with the
/// non-empty cells, not with *k*³.
public struct PairedPredictions: Hashable, Sendable {
  /// One non-empty joint cell.
  public struct Cell: Hashable, Sendable {
    /// The gold class index.
    public var gold: Int
    /// The first model's predicted class index.
    public var first: Int
    /// The second model's predicted class index.
    public var second: Int
    /// The sample weight of each item in the cell: 1 for unweighted
    /// items. Items with different weights are in different cells.
    public var weight: Double
    /// The number of items in the cell; at least 1.
    public var count: Int

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - gold: The gold class index.
    ///   - first: The first model's predicted class index.
    ///   - second: The second model's predicted class index.
    ///   - weight: The sample weight of each of its items: finite, not
    ///     negative; 1 for unweighted items.
    ///   - count: The number of items.
    public init(gold: Int, first: Int, second: Int, weight: Double = 1, count: Int) {
      self.gold = gold
      self.first = first
      self.second = second
      self.weight = weight
      self.count = count
    }
  }

  /// The number of classes *k*.
  public let classCount: Int
  /// The non-empty joint cells, ordered by gold class, then the first
  /// model's prediction, then the second's, then the items' weight.
  public let cells: [Cell]
  /// The number of items.
  public let itemCount: Int

  /// Counts the joint cells of two models' predictions.
  ///
  /// - Parameters:
  ///   - gold: The gold class index of each item, in 0..<`classCount`.
  ///   - first: The first model's predicted class index of each item.
  ///   - second: The second model's predicted class index of each item.
  ///   - classCount: The number of classes *k*.
  /// - Throws: ``StatisticsError/lengthMismatch(gold:first:second:)`` when
  ///   the arrays differ in length, and
  ///   ``StatisticsError/classOutOfRange(_:classCount:)`` for an index
  ///   outside 0..<`classCount`.
  /// - Complexity: O(*n* + *k*³) for *n* items when *k*³ ≤ max(*n*, 2¹⁶),
  ///   O(*n* log *n*) time and O(*n*) memory otherwise.
  public init(
    gold: [Int32], first: [Int32], second: [Int32], classCount: Int
  ) throws(StatisticsError) {
    guard gold.count == first.count, gold.count == second.count else {
      throw .lengthMismatch(gold: gold.count, first: first.count, second: second.count)
    }
    let limit = Int32(clamping: classCount)
    for item in gold.indices {
      let g = gold[item]
      let a = first[item]
      let b = second[item]
      guard g >= 0, g < limit, a >= 0, a < limit, b >= 0, b < limit else {
        let outOfRange = (g < 0 || g >= limit) ? g : (a < 0 || a >= limit) ? a : b
        throw .classOutOfRange(outOfRange, classCount: classCount)
      }
    }
    self.classCount = classCount
    self.itemCount = gold.count
    let (square, squareOverflow) = classCount.multipliedReportingOverflow(by: classCount)
    let (cube, cubeOverflow) = square.multipliedReportingOverflow(by: classCount)
    if !squareOverflow && !cubeOverflow && cube <= max(gold.count, 1 << 16) {
      self.cells = Self.denseCount(gold, first, second, classCount: classCount)
    } else {
      self.cells = Self.sortedCount(gold, first, second)
    }
  }

  /// Wraps joint counts made elsewhere, such as merged shards.
  ///
  /// - Parameters:
  ///   - classCount: The number of classes *k*.
  ///   - counts: *k*³ non-negative counts in the layout of ``counts``.
  /// - Throws: ``StatisticsError/countShapeMismatch(expected:found:)`` or
  ///   ``StatisticsError/negativeCount(_:)``.
  public init(classCount: Int, counts: [Int]) throws(StatisticsError) {
    let expected = classCount * classCount * classCount
    guard counts.count == expected else {
      throw .countShapeMismatch(expected: expected, found: counts.count)
    }
    if let negative = counts.first(where: { $0 < 0 }) { throw .negativeCount(negative) }
    var cells: [Cell] = []
    for (position, count) in counts.enumerated() where count > 0 {
      cells.append(
        Cell(
          gold: position / (classCount * classCount), first: (position / classCount) % classCount,
          second: position % classCount, count: count))
    }
    self.classCount = classCount
    self.cells = cells
    self.itemCount = counts.reduce(0, +)
  }

  /// Wraps non-empty joint cells made elsewhere, such as weighted items
  /// (one cell of count 1 per item) or a joint count table with a weight
  /// column.
  ///
  /// The cells are put in one canonical order (gold, first, second,
  /// weight), so cells given in any order give the same value, bit for bit.
  ///
  /// - Parameters:
  ///   - classCount: The number of classes *k*.
  ///   - cells: Cells in any order; a cell given twice (with the same
  ///     weight) adds up, and empty cells are dropped.
  /// - Throws: ``StatisticsError/classOutOfRange(_:classCount:)``,
  ///   ``StatisticsError/negativeCount(_:)`` or
  ///   ``StatisticsError/invalidWeight(_:)``.
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public init(classCount: Int, cells: [Cell]) throws(StatisticsError) {
    for cell in cells {
      for index in [cell.gold, cell.first, cell.second] where !(0..<classCount).contains(index) {
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

  /// All *k*³ joint counts; the cell of gold class `g`, first prediction
  /// `a` and second prediction `b` is at `(g × k + a) × k + b`.
  ///
  /// - Complexity: O(*k*³) time and memory; prefer ``cells`` for many
  ///   classes.
  public var counts: [Int] {
    var counts = [Int](repeating: 0, count: classCount * classCount * classCount)
    for cell in cells { counts[self.cell(cell.gold, cell.first, cell.second)] += cell.count }
    return counts
  }

  /// The number of items in one joint cell, whatever their weights.
  ///
  /// - Parameters:
  ///   - gold: The gold class index.
  ///   - first: The first model's predicted class index.
  ///   - second: The second model's predicted class index.
  /// - Returns: The count; 0 for an empty cell.
  /// - Complexity: O(log *c* + *w*) for *c* non-empty cells and *w*
  ///   distinct weights in the cell.
  public func count(gold: Int, first: Int, second: Int) -> Int {
    let probe = Cell(gold: gold, first: first, second: second, weight: -.infinity, count: 0)
    var low = 0
    var high = cells.count
    while low < high {
      let middle = (low + high) / 2
      if Self.precedes(cells[middle], probe) { low = middle + 1 } else { high = middle }
    }
    var total = 0
    while low < cells.count, cells[low].gold == gold, cells[low].first == first,
      cells[low].second == second
    {
      total += cells[low].count
      low += 1
    }
    return total
  }

  /// Whether any item has a weight other than 1.
  public var hasWeights: Bool { cells.contains { $0.weight != 1 } }

  /// The first model's row-major confusion-matrix counts.
  ///
  /// - Complexity: O(*k*² + *c*).
  public var firstCounts: [Int] { marginal(keepingFirst: true) }

  /// The second model's row-major confusion-matrix counts.
  ///
  /// - Complexity: O(*k*² + *c*).
  public var secondCounts: [Int] { marginal(keepingFirst: false) }

  /// The numbers of items exactly one model gets right: the discordant
  /// pairs of McNemar's test.
  ///
  /// - Complexity: O(*c*) for *c* non-empty cells.
  public var discordantCounts: (firstOnlyCorrect: Int, secondOnlyCorrect: Int) {
    var firstOnly = 0
    var secondOnly = 0
    for cell in cells {
      if cell.first == cell.gold && cell.second != cell.gold { firstOnly += cell.count }
      if cell.second == cell.gold && cell.first != cell.gold { secondOnly += cell.count }
    }
    return (firstOnly, secondOnly)
  }

  /// The number of items the two models label differently, right or
  /// wrong: the items that can move any metric's difference.
  ///
  /// - Complexity: O(*c*) for *c* non-empty cells.
  public var differingItemCount: Int {
    cells.reduce(0) { $0 + ($1.first == $1.second ? 0 : $1.count) }
  }

  /// The index of a joint cell in ``counts``.
  func cell(_ gold: Int, _ first: Int, _ second: Int) -> Int {
    (gold * classCount + first) * classCount + second
  }

  private func marginal(keepingFirst: Bool) -> [Int] {
    var result = [Int](repeating: 0, count: classCount * classCount)
    for cell in cells {
      let predicted = keepingFirst ? cell.first : cell.second
      result[cell.gold * classCount + predicted] += cell.count
    }
    return result
  }

  /// Orders cells by gold class, then first, then second prediction, then
  /// weight.
  private static func precedes(_ left: Cell, _ right: Cell) -> Bool {
    (left.gold, left.first, left.second, left.weight)
      < (right.gold, right.first, right.second, right.weight)
  }

  /// Counts into a dense *k*³ table, then keeps the non-empty cells.
  private static func denseCount(
    _ gold: [Int32], _ first: [Int32], _ second: [Int32], classCount k: Int
  ) -> [Cell] {
    var counts = [Int](repeating: 0, count: k * k * k)
    for item in gold.indices {
      counts[(Int(gold[item]) * k + Int(first[item])) * k + Int(second[item])] += 1
    }
    var cells: [Cell] = []
    for (position, count) in counts.enumerated() where count > 0 {
      cells.append(
        Cell(
          gold: position / (k * k), first: (position / k) % k, second: position % k, count: count))
    }
    return cells
  }

  /// Sorts the items' packed (gold, first, second) keys and counts runs:
  /// memory grows with the items, not with *k*³.
  private static func sortedCount(_ gold: [Int32], _ first: [Int32], _ second: [Int32]) -> [Cell] {
    // Codes are below 2³¹, so gold fills the high word and the two
    // predictions the low one.
    var keys = gold.indices.map { item in
      (
        high: UInt64(UInt32(gold[item])),
        low: UInt64(UInt32(first[item])) << 32 | UInt64(UInt32(second[item]))
      )
    }
    keys.sort { $0.high != $1.high ? $0.high < $1.high : $0.low < $1.low }
    var cells: [Cell] = []
    for key in keys {
      if let last = cells.last, UInt64(last.gold) == key.high,
        UInt64(last.first) << 32 | UInt64(last.second) == key.low
      {
        cells[cells.count - 1].count += 1
      } else {
        cells.append(
          Cell(
            gold: Int(key.high), first: Int(key.low >> 32), second: Int(key.low & 0xFFFF_FFFF),
            count: 1))
      }
    }
    return cells
  }
}
