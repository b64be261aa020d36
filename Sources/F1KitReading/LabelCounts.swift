import F1Kit

/// How often each (gold, predicted) pair of labels occurs in a prediction
/// file: the counting path's result, from which a confusion matrix is made.
///
/// Labels are numbered by *code* in the order they were first seen. Memory is
/// proportional to the number of distinct pairs, not to the number of rows.
public struct LabelCounts: Hashable, Sendable {
  /// The most items a file may count: 2^53, the largest count a `Double`
  /// holds exactly, so every metric and resample of the counts is exact.
  public static let maximumTotalCount = 1 << 53

  /// One cell of the count table.
  public struct Cell: Hashable, Sendable {
    /// The code of the gold label.
    public var gold: Int
    /// The code of the predicted label.
    public var predicted: Int
    /// How many items have this pair of labels.
    public var count: Int

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - gold: The code of the gold label.
    ///   - predicted: The code of the predicted label.
    ///   - count: How many items have this pair of labels.
    public init(gold: Int, predicted: Int, count: Int) {
      self.gold = gold
      self.predicted = predicted
      self.count = count
    }
  }

  /// The label of each code, in first-seen order.
  public var labels: [String]
  /// The cells with a non-zero count, ordered by gold code, then predicted
  /// code.
  public var cells: [Cell]
  /// The number of data rows read (in a count table, the number of cells
  /// listed, not the number of items).
  public var rowCount: Int
  /// Whether every label is a number, compared by value and spelled one way
  /// (`1.0` and `1e0` read as `1`); see ``normalizedLabel(_:)``.
  public var hasNumericLabels: Bool
  /// What the reader noticed that does not stop it, such as a threshold
  /// outside the scores read: one line each, naming the file.
  public var warnings: [String] = []
  /// The warning, also in ``warnings``, that the file has many more rows
  /// than (gold, prediction) pairs though its count column was found by
  /// name: as if its rows were items. A reader of several prediction
  /// columns of one table checks the combinations of all of them instead.
  public var countColumnNote: String?
  /// The gold column's name, when read from a file.
  public var goldColumn = ""
  /// The prediction column's name (the score columns', separated by
  /// commas), when read from a file.
  public var predictionColumn = ""

  /// Creates label counts.
  ///
  /// - Parameters:
  ///   - labels: The label of each code.
  ///   - cells: The cells with a non-zero count, in any order; they are
  ///     sorted, and repeated pairs are added up.
  ///   - rowCount: The number of data rows read.
  ///   - hasNumericLabels: Whether every label is a number spelled one way.
  public init(labels: [String], cells: [Cell], rowCount: Int, hasNumericLabels: Bool = false) {
    var merged: [Cell] = []
    for cell in cells.sorted(by: { ($0.gold, $0.predicted) < ($1.gold, $1.predicted) }) {
      if let last = merged.last, last.gold == cell.gold, last.predicted == cell.predicted {
        merged[merged.count - 1].count += cell.count
      } else {
        merged.append(cell)
      }
    }
    self.labels = labels
    self.cells = merged.filter { $0.count != 0 }
    self.rowCount = rowCount
    self.hasNumericLabels = hasNumericLabels
  }

  /// A label named by a caller (in `--labels` or `--positive`), spelled as
  /// these labels are: with numeric labels, `1.0` and `1e0` become `1`;
  /// otherwise the label unchanged.
  ///
  /// - Parameter label: A label as the caller wrote it.
  /// - Returns: The label as it appears in ``labels``.
  public func normalizedLabel(_ label: String) -> String {
    LabelResolution.normalized(label, isNumeric: hasNumericLabels)
  }

  /// The number of items, the sum of all counts.
  ///
  /// - Complexity: O(*c*), where *c* is the number of non-zero cells.
  public var totalCount: Int {
    cells.reduce(0) { $0 + $1.count }
  }

  /// The number of items with this pair of label codes.
  ///
  /// - Parameters:
  ///   - gold: The code of the gold label.
  ///   - predicted: The code of the predicted label.
  /// - Returns: The count, 0 for a pair that does not occur.
  /// - Complexity: O(log *c*), where *c* is the number of non-zero cells.
  public func count(gold: Int, predicted: Int) -> Int {
    var low = 0
    var high = cells.count
    while low < high {
      let middle = (low + high) / 2
      if (cells[middle].gold, cells[middle].predicted) < (gold, predicted) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    if low < cells.count, cells[low].gold == gold, cells[low].predicted == predicted {
      return cells[low].count
    }
    return 0
  }

  /// The number of items with this pair of labels.
  ///
  /// - Parameters:
  ///   - gold: The gold label.
  ///   - predicted: The predicted label.
  /// - Returns: The count, 0 for a pair or label that does not occur.
  /// - Complexity: O(*k* + log *c*), where *k* is the number of labels.
  public func count(goldLabel gold: String, predictedLabel predicted: String) -> Int {
    guard let goldCode = labels.firstIndex(of: gold),
      let predictedCode = labels.firstIndex(of: predicted)
    else { return 0 }
    return count(gold: goldCode, predicted: predictedCode)
  }
}
