import F1Kit
import F1KitAdvice

extension HTMLReport {
  /// The most classes a collapsed heatmap shows when a matrix has more than
  /// ``heatmapClassLimit``: the largest classes, and one row and column for
  /// the rest.
  static let collapsedHeatmapClassCount = 15

  /// The most classes whose full count matrix is listed in a collapsed
  /// table; past it, the JSON holds the non-empty cells.
  static let fullMatrixClassLimit = 100

  /// For each model: count and row-normalised heatmaps (past
  /// ``heatmapClassLimit`` classes, over the largest classes with the rest
  /// merged), and a table of its top confusions.
  func confusionSection() -> String {
    var html =
      "<p>Rows are gold labels and columns predicted labels; the outlined diagonal holds the correct predictions. "
    html +=
      model.reference.isWeighted
      ? "With sample weights each cell is the weight sum of its items, as scikit-learn's "
        + "<code>confusion_matrix(sample_weight=)</code> returns it (the item counts are in the JSON). "
        + "The weight matrix colours the sums on a logarithmic scale, so that small classes stay "
        + "visible beside the largest; the row-normalised matrix divides each row by its gold weight, "
        + "so its diagonal is each class's weighted recall.</p>\n"
      : "The count matrix prints raw counts but colours them on a logarithmic scale, so that small classes "
        + "stay visible beside the largest; the row-normalised matrix divides each row by its gold count, "
        + "so its diagonal is each class's recall.</p>\n"
    for (index, evaluation) in model.models.enumerated() {
      if model.models.count > 1 {
        html +=
          "<h3 id=\"\(elementID("confusion-heading", model: index))\">\(HTMLText.content(evaluation.name))</h3>\n"
      }
      let matrix = ReportMatrix(evaluated: evaluation.metrics)
      let isWeighted = matrix.isWeighted
      let isCollapsed = matrix.classCount > Self.heatmapClassLimit
      let shown = isCollapsed ? collapsedMatrix(matrix) : matrix
      if isCollapsed {
        html +=
          "<p>With \(matrix.classCount) classes the heatmap cells would be unreadable, so the heatmaps show the "
          + "\(Self.collapsedHeatmapClassCount) classes with the most gold \(isWeighted ? "weight" : "items") and merge the other "
          + "\(matrix.classCount - Self.collapsedHeatmapClassCount) into one row and column.</p>\n"
      }
      html += "<div class=\"pair\">"
      for normalization in [ConfusionHeatmap.Normalization.counts, .rows] {
        let isRows = normalization == .rows
        let chart = ConfusionHeatmap(
          id: elementID(isRows ? "confusion-rows" : "confusion-counts", model: index),
          modelName: evaluation.name, matrix: shown, normalization: normalization)
        html += figure(
          chart.responsiveMarkup(),
          caption: isRows
            ? "Share of each gold label's \(isWeighted ? "weight" : "items") by predicted label (%); colour is the share, from 0 to 100% of the row."
            : isWeighted
              ? "Weight sums of items by gold and predicted label; colour is on a logarithmic scale of the sum "
                + "(log of 1 + sum), so a cell of 10 is visibly coloured beside one of 1,000; muted cells are zero."
              : "Counts of items by gold and predicted label; colour is on a logarithmic scale of the count "
                + "(log of 1 + count), so a cell of 10 is visibly coloured beside one of 1,000; muted cells are zero.",
          table: matrixTable(shown, model: evaluation.name, isNormalized: isRows))
      }
      html += "</div>\n"
      let limit = isCollapsed ? 20 : 10
      html +=
        "<h4 id=\"\(elementID("top-confusions-heading", model: index))\">Top confusions of \(HTMLText.content(evaluation.name))</h4>\n"
      html += topConfusionsTable(matrix, model: evaluation.name, limit: limit)
      if isCollapsed {
        if matrix.classCount <= Self.fullMatrixClassLimit {
          html +=
            "<details><summary>Full confusion matrix (\(isWeighted ? "weight sums" : "counts"))</summary>"
            + matrixTable(matrix, model: evaluation.name, isNormalized: false) + "</details>\n"
        } else {
          html +=
            "<p class=\"muted note\">The full \(matrix.classCount) × \(matrix.classCount) matrix is too large for a page; "
            + "the JSON (<code>--json</code>) lists its non-empty cells.</p>\n"
        }
      }
    }
    return html
  }

  /// The matrix over the ``collapsedHeatmapClassCount`` classes with the
  /// most gold items (most first), with one more row and column that
  /// merges the other classes.
  func collapsedMatrix(_ matrix: ReportMatrix) -> ReportMatrix {
    let totals = matrix.goldTotals
    let top = totals.indices.sorted { (totals[$1], $0) < (totals[$0], $1) }
      .prefix(Self.collapsedHeatmapClassCount)
    var position = [Int](repeating: top.count, count: matrix.classCount)
    for (slot, index) in top.enumerated() { position[index] = slot }
    var other = "other \(matrix.classCount - top.count) classes"
    let labels = top.map { matrix.labels[$0] }
    while labels.contains(where: { $0.utf8.elementsEqual(other.utf8) }) { other += "…" }
    var counts = [[Double]](
      repeating: [Double](repeating: 0, count: top.count + 1), count: top.count + 1)
    for cell in matrix.nonEmptyCells {
      counts[position[cell.gold]][position[cell.predicted]] += cell.value
    }
    var cells: [ReportMatrix.Cell] = []
    for (gold, row) in counts.enumerated() {
      for (predicted, value) in row.enumerated() where value != 0 {
        cells.append(ReportMatrix.Cell(gold: gold, predicted: predicted, value: value))
      }
    }
    return ReportMatrix(labels: labels + [other], cells: cells, isWeighted: matrix.isWeighted)
  }

  /// The matrix as a table: counts, or percentages of each gold row.
  func matrixTable(_ matrix: ReportMatrix, model name: String, isNormalized: Bool) -> String {
    var columns: [(title: String, isNumeric: Bool)] = [("Gold \\ predicted", false)]
    for label in matrix.labels { columns.append((label, true)) }
    columns.append(("Total", true))
    var table = HTMLTable(
      caption: "Confusion matrix of \(name)"
        + (isNormalized
          ? ", % of each gold row" : matrix.isWeighted ? ", weight sums" : ", counts"),
      columns: columns)
    table.hasLabelColumns = true
    let rows = matrix.rows
    for (row, label) in matrix.labels.enumerated() {
      let counts = rows[row]
      let total = counts.reduce(0, +)
      var cells: [HTMLTable.Cell] = [.label(label)]
      for count in counts {
        if isNormalized {
          cells.append(
            .number(
              total > 0 ? DisplayNumber.score(count / total * 100, digits: 1) : "—"))
        } else {
          cells.append(.number(matrix.text(count)))
        }
      }
      cells.append(.number(matrix.text(total)))
      table.append(cells)
    }
    return table.render()
  }

  /// The largest off-diagonal cells, largest first (ties in label order):
  /// gold label, predicted label, count and share of the gold label.
  ///
  /// - Complexity: O(*c* log *c*) for *c* non-empty cells.
  func topConfusionsTable(_ matrix: ReportMatrix, model name: String, limit: Int = 10) -> String {
    var cells = matrix.nonEmptyCells.filter { $0.gold != $0.predicted }
    cells.sort { ($1.value, $0.gold, $0.predicted) < ($0.value, $1.gold, $1.predicted) }
    let errors = cells.reduce(0) { $0 + $1.value }
    let totals = matrix.goldTotals
    var table = HTMLTable(
      caption: "Top confusions of \(name): the \(min(limit, cells.count)) largest of "
        + "\(DisplayNumber.count(cells.count)) kinds of error ("
        + (matrix.isWeighted
          ? "wrong items of total weight \(matrix.text(errors)))"
          : "\(matrix.text(errors)) wrong items)"),
      columns: [
        ("Gold label", false), ("Predicted as", false),
        (matrix.isWeighted ? "Weight" : "Items", true),
        ("Share of gold label", true), ("Share of all errors", true),
      ])
    table.className = "confusions"
    for cell in cells.prefix(limit) {
      // The cell is not empty, so its row and the errors sum to more than 0.
      let total = totals[cell.gold]
      table.append([
        .label(matrix.labels[cell.gold]), .label(matrix.labels[cell.predicted], isHeader: false),
        .number(matrix.text(cell.value)),
        .number(DisplayNumber.percent(cell.value / total)),
        .number(DisplayNumber.percent(cell.value / errors)),
      ])
    }
    if cells.isEmpty { table.append([.text("No confusions: every item is predicted correctly.")]) }
    return table.render()
  }
}
