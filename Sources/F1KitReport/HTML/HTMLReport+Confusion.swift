import F1Kit
import F1KitAdvice

extension HTMLReport {
  /// For each model: count and row-normalised heatmaps, or past
  /// ``heatmapClassLimit`` classes a table of the largest confusions.
  func confusionSection() -> String {
    var html =
      "<p>Rows are gold labels and columns predicted labels; the outlined diagonal holds the correct predictions. "
    html +=
      "The row-normalised matrix divides each row by its gold count, so its diagonal is each class's recall.</p>\n"
    for (index, evaluation) in model.models.enumerated() {
      if model.models.count > 1 {
        html +=
          "<h3 id=\"\(elementID("confusion-heading", model: index))\">\(HTMLText.escape(evaluation.name))</h3>\n"
      }
      let matrix = evaluation.metrics.evaluatedConfusionMatrix
      if matrix.classCount <= Self.heatmapClassLimit {
        html += "<div class=\"pair\">"
        for normalization in [ConfusionHeatmap.Normalization.counts, .rows] {
          let isRows = normalization == .rows
          let chart = ConfusionHeatmap(
            id: elementID(isRows ? "confusion-rows" : "confusion-counts", model: index),
            modelName: evaluation.name, matrix: matrix, normalization: normalization)
          let svg = chart.render()
          html += figure(
            svg,
            caption: isRows
              ? "Share of each gold label's items by predicted label (%)."
              : "Counts of items by gold and predicted label; muted cells are zero.",
            table: matrixTable(matrix, model: evaluation.name, isNormalized: isRows))
        }
        html += "</div>\n"
      } else {
        html +=
          "<p>With \(matrix.classCount) classes the heatmap cells would be unreadable, so the table lists the \(min(20, matrix.classCount * matrix.classCount)) largest off-diagonal cells: the confusions that cost the most.</p>\n"
        html += topConfusionsTable(matrix, model: evaluation.name)
        html +=
          "<details><summary>Full confusion matrix (counts)</summary>"
          + matrixTable(matrix, model: evaluation.name, isNormalized: false) + "</details>\n"
      }
    }
    return html
  }

  /// The matrix as a table: counts, or percentages of each gold row.
  func matrixTable(_ matrix: ConfusionMatrix, model name: String, isNormalized: Bool) -> String {
    var columns: [(title: String, isNumeric: Bool)] = [("Gold \\ predicted", false)]
    for label in matrix.labels { columns.append((label, true)) }
    columns.append(("Total", true))
    var table = HTMLTable(
      caption: "Confusion matrix of \(name)" + (isNormalized ? ", % of each gold row" : ", counts"),
      columns: columns)
    for (row, label) in matrix.labels.enumerated() {
      let counts = matrix.rows[row]
      let total = counts.reduce(0, +)
      var cells: [HTMLTable.Cell] = [.header(label)]
      for count in counts {
        if isNormalized {
          cells.append(
            .number(
              total > 0 ? DisplayNumber.score(Double(count) / Double(total) * 100, digits: 1) : "—")
          )
        } else {
          cells.append(.number(DisplayNumber.count(count)))
        }
      }
      cells.append(.number(DisplayNumber.count(total)))
      table.append(cells)
    }
    return table.render()
  }

  /// The largest off-diagonal cells, largest first (ties in label order).
  func topConfusionsTable(_ matrix: ConfusionMatrix, model name: String, limit: Int = 20) -> String
  {
    let rows = matrix.rows
    var cells: [(gold: Int, predicted: Int, count: Int)] = []
    for gold in 0..<matrix.classCount {
      for predicted in 0..<matrix.classCount where gold != predicted && rows[gold][predicted] > 0 {
        cells.append((gold, predicted, rows[gold][predicted]))
      }
    }
    cells.sort { ($1.count, $0.gold, $0.predicted) < ($0.count, $1.gold, $1.predicted) }
    var table = HTMLTable(
      caption: "Top confusions of \(name)",
      columns: [
        ("Gold label", false), ("Predicted as", false), ("Items", true),
        ("Share of gold label", true),
      ])
    for cell in cells.prefix(limit) {
      let total = rows[cell.gold].reduce(0, +)
      table.append([
        .header(matrix.labels[cell.gold]), .text(matrix.labels[cell.predicted]),
        .number(DisplayNumber.count(cell.count)),
        .number(DisplayNumber.percent(Double(cell.count) / Double(max(total, 1)))),
      ])
    }
    if cells.isEmpty { table.append([.text("No confusions: every item is predicted correctly.")]) }
    return table.render()
  }
}
