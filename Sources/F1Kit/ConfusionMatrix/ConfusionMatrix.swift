/// Counts of items by gold label (rows) and predicted label (columns).
///
/// Every metric F1Kit computes is a function of this matrix, so it is the
/// sufficient statistic that readers produce, shards merge into and the
/// bootstrap resamples. Rows and columns share one label order.
public struct ConfusionMatrix: Hashable, Sendable {
  /// The labels of the rows and columns, in order.
  public private(set) var labels: [String]

  /// The counts in row-major order: the cell for gold label `g` and
  /// predicted label `p` is at `g * labels.count + p`.
  public private(set) var counts: [Int]

  /// Creates an all-zero matrix over the given labels.
  ///
  /// - Parameter labels: Distinct labels in the order rows and columns take.
  /// - Precondition: `labels` has no duplicates; use
  ///   ``init(labels:counts:)`` for input that may be malformed.
  public init(labels: [String]) {
    precondition(labels.distinctExactLabels().count == labels.count, "labels must be distinct")
    self.labels = labels
    self.counts = Array(repeating: 0, count: labels.count * labels.count)
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
    self.labels = labels
    self.counts = Array(counts.joined())
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
  /// - Complexity: O(*n* + *k*²) for *n* items and *k* labels.
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
    self.init(labels: order)
    for (goldLabel, predictedLabel) in zip(goldLabels, predictedLabels) {
      add(
        goldIndex: index[ExactLabel(goldLabel)]!,
        predictedIndex: index[ExactLabel(predictedLabel)]!)
    }
  }

  /// The number of labels, which is the number of rows and of columns.
  public var classCount: Int { labels.count }

  /// The number of items counted.
  public var total: Int { counts.reduce(0, +) }

  /// The count of items with gold label index `gold` predicted as `predicted`.
  ///
  /// - Parameters:
  ///   - gold: The row: an index into ``labels``.
  ///   - predicted: The column: an index into ``labels``.
  public subscript(gold gold: Int, predicted predicted: Int) -> Int {
    counts[gold * labels.count + predicted]
  }

  /// Adds items to one cell.
  ///
  /// - Parameters:
  ///   - goldIndex: The row: an index into ``labels``.
  ///   - predictedIndex: The column: an index into ``labels``.
  ///   - count: How many items to add; not negative.
  /// - Complexity: O(1).
  public mutating func add(goldIndex: Int, predictedIndex: Int, count: Int = 1) {
    counts[goldIndex * labels.count + predictedIndex] += count
  }

  /// The rows as nested arrays, gold labels down and predicted across.
  public var rows: [[Int]] {
    (0..<classCount).map { row in Array(counts[row * classCount..<(row + 1) * classCount]) }
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
