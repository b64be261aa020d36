/// Counts of items by gold label (rows) and predicted label (columns).
///
/// Every metric F1Kit computes is a function of this matrix, so it is the
/// sufficient statistic that readers produce, shards merge into and the
/// bootstrap resamples. Rows and columns share one label order.
///
/// A matrix over few labels keeps all *k*² cells in an array; over more than
/// ``denseClassLimit`` labels it keeps only the non-empty cells, so its
/// memory grows with the cells that hold items (at most the number of items)
/// rather than with *k*². Either way each row's and column's total is kept
/// as cells are added, so per-class sums cost O(1).
public struct ConfusionMatrix: Hashable, Sendable {
  /// The largest number of labels whose matrix is stored densely; above it
  /// only the non-empty cells are stored.
  public static let denseClassLimit = 256

  /// The labels of the rows and columns, in order.
  public private(set) var labels: [String]

  /// The number of items of each gold label: the row totals.
  public private(set) var goldTotals: [Int]

  /// The number of items predicted as each label: the column totals.
  public private(set) var predictedTotals: [Int]

  /// The number of items counted.
  public private(set) var total: Int

  private var storage: Storage

  /// The cells: all *k*² of them, or only the non-empty ones keyed by
  /// row-major position. Which one is a function of the label count alone,
  /// so equal matrices always have equal storage.
  private enum Storage: Hashable, Sendable {
    case dense([Int])
    case sparse([Int: Int])
  }

  /// One non-empty cell of a matrix.
  public struct Cell: Hashable, Sendable {
    /// The row: an index into ``ConfusionMatrix/labels``.
    public var gold: Int
    /// The column: an index into ``ConfusionMatrix/labels``.
    public var predicted: Int
    /// The number of items in the cell.
    public var count: Int

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - gold: The row.
    ///   - predicted: The column.
    ///   - count: The number of items.
    public init(gold: Int, predicted: Int, count: Int) {
      self.gold = gold
      self.predicted = predicted
      self.count = count
    }
  }

  /// Creates an all-zero matrix over the given labels.
  ///
  /// - Parameter labels: Distinct labels in the order rows and columns take.
  /// - Precondition: `labels` has no duplicates; use
  ///   ``init(labels:counts:)`` for input that may be malformed.
  /// - Complexity: O(*k*) for more than ``denseClassLimit`` labels, O(*k*²)
  ///   otherwise.
  public init(labels: [String]) {
    precondition(labels.distinctExactLabels().count == labels.count, "labels must be distinct")
    self.init(uncheckedLabels: labels)
  }

  private init(uncheckedLabels labels: [String]) {
    self.labels = labels
    self.goldTotals = Array(repeating: 0, count: labels.count)
    self.predictedTotals = Array(repeating: 0, count: labels.count)
    self.total = 0
    self.storage =
      labels.count > Self.denseClassLimit
      ? .sparse([:]) : .dense(Array(repeating: 0, count: labels.count * labels.count))
  }

  /// Creates a matrix from a table of counts.
  ///
  /// - Parameters:
  ///   - labels: Distinct labels in the order rows and columns take.
  ///   - counts: One row per gold label, one column per predicted label.
  /// - Throws: ``ConfusionMatrixError`` when labels repeat, the table is not
  ///   square over the labels, or a count is negative.
  public init(labels: [String], counts: [[Int]]) throws(ConfusionMatrixError) {
    try Self.validate(labels: labels)
    guard counts.count == labels.count, counts.allSatisfy({ $0.count == labels.count }) else {
      throw .shapeMismatch(labelCount: labels.count, rows: counts.map(\.count))
    }
    if let negative = counts.joined().first(where: { $0 < 0 }) {
      throw .negativeCount(negative)
    }
    self.init(uncheckedLabels: labels)
    for (gold, row) in counts.enumerated() {
      for (predicted, count) in row.enumerated() where count != 0 {
        add(goldIndex: gold, predictedIndex: predicted, count: count)
      }
    }
  }

  /// Creates a matrix from its non-empty cells.
  ///
  /// - Parameters:
  ///   - labels: Distinct labels in the order rows and columns take.
  ///   - cells: Cells in any order; a cell given twice adds up.
  /// - Throws: ``ConfusionMatrixError`` when labels repeat, a cell lies
  ///   outside the matrix, or a count is negative.
  /// - Complexity: O(*k* + *c*) for *c* cells above ``denseClassLimit``
  ///   labels.
  public init(labels: [String], cells: some Sequence<Cell>) throws(ConfusionMatrixError) {
    try Self.validate(labels: labels)
    self.init(uncheckedLabels: labels)
    for cell in cells {
      guard labels.indices.contains(cell.gold), labels.indices.contains(cell.predicted) else {
        throw .cellOutOfRange(gold: cell.gold, predicted: cell.predicted, labelCount: labels.count)
      }
      guard cell.count >= 0 else { throw .negativeCount(cell.count) }
      add(goldIndex: cell.gold, predictedIndex: cell.predicted, count: cell.count)
    }
  }

  /// Counts (gold, predicted) pairs in one pass.
  ///
  /// - Parameters:
  ///   - gold: The true label of each item.
  ///   - predicted: The predicted label of each item, in the same order.
  ///   - labels: The label order to use, which may name labels that never
  ///     occur; labels that occur but are not named follow in
  ///     ``LabelOrdering`` order. `nil` orders every label that occurs.
  /// - Throws: ``ConfusionMatrixError`` when the sequences differ in length
  ///   or `labels` repeats a label.
  /// - Complexity: O(*n* + *k* log *k*) for *n* items and *k* labels, plus
  ///   O(*k*²) up to ``denseClassLimit`` labels.
  public init(
    gold: some Sequence<String>, predicted: some Sequence<String>, labels: [String]? = nil
  ) throws(ConfusionMatrixError) {
    let goldLabels = Array(gold)
    let predictedLabels = Array(predicted)
    guard goldLabels.count == predictedLabels.count else {
      throw .lengthMismatch(gold: goldLabels.count, predicted: predictedLabels.count)
    }
    let order = try Self.labelOrder(naming: labels, occurring: goldLabels + predictedLabels)
    let index = order.exactLabelPositions()
    self.init(uncheckedLabels: order)
    for (goldLabel, predictedLabel) in zip(goldLabels, predictedLabels) {
      add(
        goldIndex: index[ExactLabel(goldLabel)]!,
        predictedIndex: index[ExactLabel(predictedLabel)]!)
    }
  }

  /// The number of labels, which is the number of rows and of columns.
  public var classCount: Int { labels.count }

  /// Whether only the non-empty cells are stored (more than
  /// ``denseClassLimit`` labels).
  public var isSparse: Bool {
    if case .sparse = storage { return true }
    return false
  }

  /// The number of cells that hold at least one item.
  ///
  /// - Complexity: O(1) when sparse, O(*k*²) when dense.
  public var nonEmptyCellCount: Int {
    switch storage {
    case .dense(let counts): counts.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
    case .sparse(let cells): cells.count
    }
  }

  /// The cells that hold at least one item, in row-major order (by gold
  /// label, then predicted label).
  ///
  /// - Complexity: O(*c* log *c*) for *c* non-empty cells when sparse,
  ///   O(*k*²) when dense.
  public var nonEmptyCells: [Cell] {
    let k = classCount
    switch storage {
    case .dense(let counts):
      var cells: [Cell] = []
      for (position, count) in counts.enumerated() where count != 0 {
        cells.append(Cell(gold: position / k, predicted: position % k, count: count))
      }
      return cells
    case .sparse(let stored):
      return stored.keys.sorted().compactMap { position in
        let count = stored[position]!
        return count == 0 ? nil : Cell(gold: position / k, predicted: position % k, count: count)
      }
    }
  }

  /// The count of items with gold label index `gold` predicted as `predicted`.
  ///
  /// - Parameters:
  ///   - gold: The row: an index into ``labels``.
  ///   - predicted: The column: an index into ``labels``.
  /// - Complexity: O(1).
  public subscript(gold gold: Int, predicted predicted: Int) -> Int {
    let position = gold * labels.count + predicted
    switch storage {
    case .dense(let counts): return counts[position]
    case .sparse(let cells):
      precondition(gold >= 0 && gold < classCount && predicted >= 0 && predicted < classCount)
      return cells[position] ?? 0
    }
  }

  /// Adds items to one cell.
  ///
  /// - Parameters:
  ///   - goldIndex: The row: an index into ``labels``.
  ///   - predictedIndex: The column: an index into ``labels``.
  ///   - count: How many items to add; not negative.
  /// - Complexity: O(1) (amortized when sparse).
  public mutating func add(goldIndex: Int, predictedIndex: Int, count: Int = 1) {
    let position = goldIndex * labels.count + predictedIndex
    goldTotals[goldIndex] += count
    predictedTotals[predictedIndex] += count
    total += count
    switch storage {
    case .dense(var counts):
      storage = .dense([])
      counts[position] += count
      storage = .dense(counts)
    case .sparse(var cells):
      precondition(predictedIndex >= 0 && predictedIndex < classCount)
      storage = .sparse([:])
      if count != 0 { cells[position, default: 0] += count }
      storage = .sparse(cells)
    }
  }

  /// The counts in row-major order: the cell for gold label `g` and
  /// predicted label `p` is at `g * labels.count + p`.
  ///
  /// - Complexity: O(*k*²) time and memory; for many labels use
  ///   ``nonEmptyCells`` instead.
  public var counts: [Int] {
    switch storage {
    case .dense(let counts): return counts
    case .sparse(let cells):
      var counts = [Int](repeating: 0, count: classCount * classCount)
      for (position, count) in cells { counts[position] = count }
      return counts
    }
  }

  /// The rows as nested arrays, gold labels down and predicted across.
  ///
  /// - Complexity: O(*k*²) time and memory; for many labels use
  ///   ``nonEmptyCells`` instead.
  public var rows: [[Int]] {
    let counts = counts
    return (0..<classCount).map { row in
      Array(counts[row * classCount..<(row + 1) * classCount])
    }
  }

  /// The caller's labels first, then the other occurring labels in default
  /// order.
  package static func labelOrder(
    naming requested: [String]?, occurring: some Sequence<String>
  ) throws(ConfusionMatrixError) -> [String] {
    guard let requested else { return LabelOrdering.sorted(occurring) }
    try validate(labels: requested)
    let named = Set(requested.map(ExactLabel.init))
    return requested
      + LabelOrdering.sorted(occurring.lazy.filter { !named.contains(ExactLabel($0)) })
  }

  static func validate(labels: [String]) throws(ConfusionMatrixError) {
    var seen: Set<ExactLabel> = []
    for label in labels where !seen.insert(ExactLabel(label)).inserted {
      throw .duplicateLabel(label)
    }
  }
}
