import F1Kit

/// How many items have each combination of a gold label and several models'
/// predicted labels: the joint count table an SQL `GROUP BY gold, a, b, …`
/// gives, and the sufficient statistic of every comparison of those models.
///
/// A table is read from one file with one prediction column per model,
/// either item by item (each row counts once) or as a count table whose
/// `count` column says how many items each row stands for (see
/// ``PredictionReader/readJointCounts(predictionColumns:groupColumn:)``). Tables of
/// shards of the same items add up with ``merging(_:names:)``.
///
/// Memory is proportional to the number of non-empty cells, never to the
/// number of items they count.
public struct JointCounts: Hashable, Sendable {
  /// One non-empty combination of labels.
  public struct Cell: Hashable, Sendable {
    /// The code of the gold label.
    public var gold: Int
    /// The code of each model's predicted label, in model order.
    public var predictions: [Int]
    /// How many items have these labels; at least 1.
    public var count: Int
    /// The code of the items' group in ``JointCounts/groups``; 0 when the
    /// items are not grouped.
    public var group: Int

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - gold: The code of the gold label.
    ///   - predictions: The code of each model's predicted label.
    ///   - count: How many items have these labels.
    ///   - group: The code of the items' group, or 0 without groups.
    public init(gold: Int, predictions: [Int], count: Int, group: Int = 0) {
      self.gold = gold
      self.predictions = predictions
      self.count = count
      self.group = group
    }
  }

  /// The label of each code: every label of a non-empty cell, in first-seen
  /// order.
  public private(set) var labels: [String]
  /// Each model's name: its prediction column.
  public let models: [String]
  /// The gold column's name.
  public let goldColumn: String
  /// The non-empty cells, ordered by gold code, then by the models'
  /// predicted codes; no combination appears twice.
  public private(set) var cells: [Cell]
  /// The number of items, the sum of every cell's count.
  public let itemCount: Int
  /// The number of data rows read (in a count table, rows rather than
  /// items), summed over merged shards.
  public var rowCount: Int
  /// Whether the labels were read as numbers, compared by value and spelled
  /// one way; see ``normalizedLabel(_:)``.
  public var hasNumericLabels: Bool
  /// What the reader noticed that does not stop it, one line each.
  public var warnings: [String] = []
  /// The warning, also in ``warnings``, that the file has many more rows
  /// than distinct combinations of its gold, prediction (and group)
  /// columns though its count column was found by name: as if its rows
  /// were items and the count column something else.
  public var countColumnNote: String?
  /// The name of each group code, in first-seen order, or empty when the
  /// items are not grouped: the values of ``groupColumn``.
  public private(set) var groups: [String] = []
  /// The column naming each item's group, or `nil` without groups.
  public let groupColumn: String?
  /// Whether the items are grouped.
  public var isGrouped: Bool { groupColumn != nil }

  /// Creates joint counts, sorting the cells, adding up repeated
  /// combinations and dropping empty cells and the labels only they use.
  ///
  /// - Parameters:
  ///   - labels: The label of each code.
  ///   - models: Each model's name.
  ///   - goldColumn: The gold column's name.
  ///   - cells: Cells in any order, each with one prediction per model.
  ///   - rowCount: The number of data rows read.
  ///   - hasNumericLabels: Whether the labels were read as numbers.
  ///   - groups: The name of each group code, when the items are grouped;
  ///     groups only empty cells use are dropped.
  ///   - groupColumn: The column naming each item's group, or `nil`.
  /// - Throws: ``JointCountsError`` for a code out of range, a cell with the
  ///   wrong number of predictions, a negative count, or counts whose sum
  ///   exceeds ``LabelCounts/maximumTotalCount``.
  /// - Complexity: O(*c* log *c*) for *c* cells.
  public init(
    labels: [String], models: [String], goldColumn: String, cells: [Cell], rowCount: Int,
    hasNumericLabels: Bool = false, groups: [String] = [], groupColumn: String? = nil
  ) throws(JointCountsError) {
    var total = 0
    let groupLimit = groupColumn == nil ? 1 : groups.count
    for cell in cells {
      guard cell.predictions.count == models.count else {
        throw .wrongPredictionCount(expected: models.count, found: cell.predictions.count)
      }
      guard labels.indices.contains(cell.gold) else {
        throw .codeOutOfRange(cell.gold, labelCount: labels.count)
      }
      for code in cell.predictions where !labels.indices.contains(code) {
        throw .codeOutOfRange(code, labelCount: labels.count)
      }
      guard (0..<groupLimit).contains(cell.group) else {
        throw .codeOutOfRange(cell.group, labelCount: groupLimit)
      }
      guard cell.count >= 0 else { throw .negativeCount(cell.count) }
      let (sum, overflow) = total.addingReportingOverflow(cell.count)
      guard !overflow, sum <= LabelCounts.maximumTotalCount else { throw .countOverflow }
      total = sum
    }
    // Keep only the labels of non-empty cells, in code order.
    var isUsed = [Bool](repeating: false, count: labels.count)
    for cell in cells where cell.count > 0 {
      isUsed[cell.gold] = true
      for code in cell.predictions { isUsed[code] = true }
    }
    var newCode = [Int](repeating: -1, count: labels.count)
    var kept: [String] = []
    for (code, label) in labels.enumerated() where isUsed[code] {
      newCode[code] = kept.count
      kept.append(label)
    }
    // Keep only the groups of non-empty cells, in code order.
    var newGroup = [Int](repeating: 0, count: groupLimit)
    var keptGroups: [String] = []
    if groupColumn != nil {
      var isGroupUsed = [Bool](repeating: false, count: groupLimit)
      for cell in cells where cell.count > 0 { isGroupUsed[cell.group] = true }
      for code in groups.indices where isGroupUsed[code] {
        newGroup[code] = keptGroups.count
        keptGroups.append(groups[code])
      }
    }
    var recoded = cells.filter { $0.count > 0 }
    // Most often every label and group is kept, and the cells need no new
    // codes (nor a new array of predictions each).
    if kept.count < labels.count || keptGroups.count < groups.count {
      recoded = recoded.map {
        Cell(
          gold: newCode[$0.gold], predictions: $0.predictions.map { newCode[$0] },
          count: $0.count, group: newGroup[$0.group])
      }
    }
    var merged: [Cell] = []
    for cell in Self.sorted(recoded, labelCount: kept.count, groupCount: keptGroups.count) {
      if let last = merged.last, !Self.precedes(last, cell) {
        merged[merged.count - 1].count += cell.count
      } else {
        merged.append(cell)
      }
    }
    self.labels = kept
    self.models = models
    self.goldColumn = goldColumn
    self.cells = merged
    self.itemCount = total
    self.rowCount = rowCount
    self.hasNumericLabels = hasNumericLabels
    self.groups = keptGroups
    self.groupColumn = groupColumn
  }

  /// A label named by a caller (in `--labels` or `--positive`), spelled as
  /// these labels are: with numeric labels, `1.0` and `1e0` become `1`.
  ///
  /// - Parameter label: A label as the caller wrote it.
  /// - Returns: The label as it appears in ``labels``.
  public func normalizedLabel(_ label: String) -> String {
    LabelResolution.normalized(label, isNumeric: hasNumericLabels)
  }

  /// The label order of every matrix made from these counts: the caller's
  /// labels first (spelled as these labels are), then the other labels in
  /// `LabelOrdering` order — the order the item path gives the same data.
  ///
  /// - Parameter leading: Labels to put first, or `nil`.
  /// - Returns: The label order.
  /// - Throws: `ConfusionMatrixError/duplicateLabel(_:)` when `leading`
  ///   repeats a label.
  public func labelOrder(leading: [String]? = nil) throws(ConfusionMatrixError) -> [String] {
    try ConfusionMatrix.labelOrder(naming: leading?.map(normalizedLabel), occurring: labels)
  }

  /// One model's confusion matrix.
  ///
  /// - Parameters:
  ///   - model: The model's index in ``models``.
  ///   - leading: Labels to put first, or `nil`; see ``labelOrder(leading:)``.
  /// - Returns: The model's counts of gold (rows) against predicted
  ///   (columns) labels.
  /// - Throws: `ConfusionMatrixError/duplicateLabel(_:)` when `leading`
  ///   repeats a label.
  /// - Complexity: O(*c* + *k* log *k*) for *c* cells and *k* labels, plus
  ///   O(*k*²) for a dense matrix.
  public func confusionMatrix(ofModel model: Int, labels leading: [String]? = nil)
    throws(ConfusionMatrixError) -> ConfusionMatrix
  {
    let order = try labelOrder(leading: leading)
    let position = positions(in: order)
    var matrix = ConfusionMatrix(labels: order)
    for cell in cells {
      matrix.add(
        goldIndex: position[cell.gold], predictedIndex: position[cell.predictions[model]],
        count: cell.count)
    }
    return matrix
  }

  /// The index in `order` of each of these labels' codes.
  ///
  /// - Parameter order: An order that holds every label.
  /// - Returns: The position of each code.
  public func positions(in order: [String]) -> [Int] {
    let position = order.exactLabelPositions()
    return labels.map { position[ExactLabel($0)]! }
  }

  /// The cells in ``precedes(_:_:)`` order.
  ///
  /// When a cell's codes fit in one word, as they do for a few labels and
  /// models and up to millions of groups, the cells are sorted by that
  /// word, which orders them alike: comparing hundreds of thousands of
  /// cells' prediction arrays retained and released each array at every
  /// comparison.
  ///
  /// - Complexity: O(*c* log *c*) for *c* cells.
  static func sorted(_ cells: [Cell], labelCount: Int, groupCount: Int) -> [Cell] {
    guard let first = cells.first else { return [] }
    let labelBits = codeBits(below: labelCount)
    let groupBits = codeBits(below: groupCount)
    guard labelBits * (1 + first.predictions.count) + groupBits <= 64 else {
      return cells.sorted(by: precedes)
    }
    var keys: [(key: UInt64, index: Int)] = []
    keys.reserveCapacity(cells.count)
    for (index, cell) in cells.enumerated() {
      var key = UInt64(cell.gold)
      for code in cell.predictions { key = key << UInt64(labelBits) | UInt64(code) }
      keys.append((key << UInt64(groupBits) | UInt64(cell.group), index))
    }
    keys.sort { $0.key < $1.key }
    return keys.map { cells[$0.index] }
  }

  /// The bits a code below `count` takes in a packed word: at least 1.
  static func codeBits(below count: Int) -> Int {
    Int.bitWidth - max(count - 1, 1).leadingZeroBitCount
  }

  /// Orders cells by gold code, then by the predicted codes in model
  /// order, then by group code.
  static func precedes(_ left: Cell, _ right: Cell) -> Bool {
    if left.gold != right.gold { return left.gold < right.gold }
    if left.predictions != right.predictions {
      return left.predictions.lexicographicallyPrecedes(right.predictions)
    }
    return left.group < right.group
  }
}
