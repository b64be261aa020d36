import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// For each model: a classification report table with interval columns
  /// and the per-class bar chart.
  func perClassSection() -> String {
    var html = "<p>Rows and columns follow scikit-learn's <code>classification_report</code>. "
    html += "Support is the number of gold items of the class.</p>\n"
    for (index, evaluation) in model.models.enumerated() {
      if model.models.count > 1 {
        html +=
          "<h3 id=\"\(elementID("per-class-heading", model: index))\">\(HTMLText.escape(evaluation.name))</h3>\n"
      }
      html += classificationReportTable(evaluation)
      let rows = evaluation.metrics.perClass()
      let intervals = rows.map { evaluation.classIntervals(of: $0.label) }
      let chart = ClassScoreChart(
        id: elementID("class-scores", model: index), modelName: evaluation.name, rows: rows,
        intervals: intervals)
      var table = HTMLTable(
        caption: "Per-class scores of \(evaluation.name)",
        columns: [
          ("Class", false), ("Precision", true), ("Recall", true), ("F1", true),
          ("F1 95% interval", true),
        ])
      for (row, interval) in zip(rows, intervals) {
        table.append([
          .header(row.label), .number(DisplayNumber.score(row.precision)),
          .number(DisplayNumber.score(row.recall)), .number(DisplayNumber.score(row.fScore)),
          .number(interval?.f1.map { DisplayNumber.interval($0) } ?? "—", className: "interval"),
        ])
      }
      html += figure(
        chart.render(),
        caption: "Precision, recall and F1 of each class for \(evaluation.name)"
          + (intervals.contains { $0?.f1 != nil }
            ? "; whiskers are 95% intervals (Wilson for precision and recall, see Run metadata for F1)."
            : "."),
        table: table.render())
    }
    return html
  }

  /// scikit-learn's `classification_report` layout, with an interval
  /// column after each score when intervals exist.
  func classificationReportTable(_ evaluation: ModelEvaluation) -> String {
    let metrics = evaluation.metrics
    let hasIntervals = !evaluation.classIntervals.isEmpty
    var columns: [(title: String, isNumeric: Bool)] = [("", false)]
    for score in ["precision", "recall", "f1-score"] {
      columns.append((score, true))
      if hasIntervals { columns.append(("95% interval", true)) }
    }
    columns.append(("support", true))
    var table = HTMLTable(
      caption: "Classification report of \(evaluation.name)"
        + (hasIntervals
          ? ", with 95% intervals (Wilson for per-class precision and recall; bootstrap for F1 and the averages)"
          : ""),
      columns: columns)
    func interval(_ range: ConfidenceInterval?) -> HTMLTable.Cell {
      .number(range.map { DisplayNumber.interval($0, digits: 3) } ?? "—", className: "interval")
    }
    for row in metrics.perClass() {
      let intervals = evaluation.classIntervals(of: row.label)
      var cells: [HTMLTable.Cell] = [.header(row.label)]
      cells.append(.number(DisplayNumber.score(row.precision)))
      if hasIntervals { cells.append(interval(intervals?.precision)) }
      cells.append(.number(DisplayNumber.score(row.recall)))
      if hasIntervals { cells.append(interval(intervals?.recall)) }
      cells.append(.number(DisplayNumber.score(row.fScore)))
      if hasIntervals { cells.append(interval(intervals?.f1)) }
      cells.append(.number(DisplayNumber.count(row.support)))
      table.append(cells)
    }
    let support = metrics.perClass().reduce(0) { $0 + $1.support }
    let blank = HTMLTable.Cell.number("")
    let isAccuracyRow = metrics.scope.evaluatedClassCount == metrics.scope.classCount
    var summaryRows: [(String, [Metric?], Metric?)] = []
    if isAccuracyRow {
      summaryRows.append(("accuracy", [nil, nil, .accuracy], .accuracy))
    } else {
      summaryRows.append(("micro avg", [.microPrecision, .microRecall, .microF1], .microF1))
    }
    summaryRows.append(("macro avg", [.macroPrecision, .macroRecall, .macroF1], .macroF1))
    summaryRows.append(
      ("weighted avg", [.weightedPrecision, .weightedRecall, .weightedF1], .weightedF1))
    for (index, (title, metricsInRow, _)) in summaryRows.enumerated() {
      var cells: [HTMLTable.Cell] = [.header(title)]
      for metric in metricsInRow {
        if let metric {
          cells.append(.number(DisplayNumber.score(metrics.value(of: metric))))
          if hasIntervals { cells.append(interval(evaluation.interval(of: metric))) }
        } else {
          cells.append(blank)
          if hasIntervals { cells.append(blank) }
        }
      }
      cells.append(.number(DisplayNumber.count(support)))
      table.append(cells, className: index == 0 ? "summary-row" : nil)
    }
    return table.render()
  }
}
