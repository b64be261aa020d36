import F1Kit

/// A confusion matrix as the report shows it: item counts, or with sample
/// weights the weight sums of each cell, as scikit-learn's
/// `confusion_matrix(sample_weight=)` returns them, so that the
/// row-normalised diagonal is the weighted recall the page prints.
struct ReportMatrix {
  /// One non-empty cell.
  struct Cell {
    let gold: Int
    let predicted: Int
    /// Items, or their weight sum.
    let value: Double
  }

  /// The labels of the rows and columns, in order.
  let labels: [String]
  /// The non-empty cells, row-major.
  let nonEmptyCells: [Cell]
  /// Whether the values are weight sums rather than item counts.
  let isWeighted: Bool

  /// A matrix of item counts.
  init(_ matrix: ConfusionMatrix) {
    labels = matrix.labels
    nonEmptyCells = matrix.nonEmptyCells.map {
      Cell(gold: $0.gold, predicted: $0.predicted, value: Double($0.count))
    }
    isWeighted = false
  }

  /// A matrix of values, item counts or weight sums.
  ///
  /// - Parameters:
  ///   - labels: The labels of the rows and columns.
  ///   - cells: The non-empty cells, row-major.
  ///   - isWeighted: Whether the values are weight sums.
  init(labels: [String], cells: [Cell], isWeighted: Bool) {
    self.labels = labels
    self.nonEmptyCells = cells
    self.isWeighted = isWeighted
  }

  /// The matrix a model's metrics score: over the evaluated labels, weight
  /// sums with sample weights and item counts otherwise.
  ///
  /// - Complexity: O(*k*²) for *k* labels when weighted; otherwise
  ///   O(*c* log *c*) for *c* non-empty cells.
  init(evaluated metrics: ClassificationMetrics) {
    guard let weights = metrics.evaluatedCells else {
      self.init(metrics.evaluatedConfusionMatrix)
      return
    }
    var cells: [Cell] = []
    for (gold, row) in weights.enumerated() {
      for (predicted, value) in row.enumerated() where value != 0 {
        cells.append(Cell(gold: gold, predicted: predicted, value: value))
      }
    }
    self.init(labels: metrics.labels, cells: cells, isWeighted: true)
  }

  /// The number of labels.
  var classCount: Int { labels.count }

  /// Each row's total.
  var goldTotals: [Double] {
    var totals = [Double](repeating: 0, count: classCount)
    for cell in nonEmptyCells { totals[cell.gold] += cell.value }
    return totals
  }

  /// The dense rows, gold down, predicted across.
  var rows: [[Double]] {
    var rows = [[Double]](
      repeating: [Double](repeating: 0, count: classCount), count: classCount)
    for cell in nonEmptyCells { rows[cell.gold][cell.predicted] = cell.value }
    return rows
  }

  /// A value as the page prints it: an item count (`1,083`), or a weight
  /// sum exactly as `evaluate` prints it (`12.5`).
  func text(_ value: Double) -> String {
    SupportChart.amount(value, isWeighted: isWeighted)
  }
}
