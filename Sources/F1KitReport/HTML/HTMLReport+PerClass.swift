import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// Every model's per-class F1 side by side, then for each model a
  /// classification report table with interval columns and the per-class
  /// bar chart. Past ``shownClassLimit`` classes, the largest classes are
  /// shown, the rest summarised in a row, and the full table collapsed.
  func perClassSection() -> String {
    var html = "<p>Rows and columns follow scikit-learn's <code>classification_report</code>. "
    html +=
      model.reference.isWeighted
      ? "Support is the class's gold weight, the sum of its items' sample weights, as "
        + "<code>classification_report(sample_weight=)</code> gives it.</p>\n"
      : "Support is the number of gold items of the class.</p>\n"
    html += shownClassesNote
    let shown = shownClasses
    if model.models.count > 1 {
      html += "<h3 id=\"class-f1-heading\">F1 of every model, class by class</h3>\n"
      html += classComparisonFigure(shown)
    }
    var hasDegenerate = false
    for (index, evaluation) in model.models.enumerated() {
      if model.models.count > 1 {
        html +=
          "<h3 id=\"\(elementID("per-class-heading", model: index))\">\(HTMLText.content(evaluation.name))</h3>\n"
      }
      let report = classificationReportTable(evaluation, classes: shown)
      hasDegenerate = hasDegenerate || report.hasDegenerate
      html += report.html
      if shown.count < evaluation.metrics.labels.count
        && evaluation.metrics.labels.count <= Self.fullTableClassLimit
      {
        html +=
          "<details><summary>Full classification report (all \(evaluation.metrics.labels.count) classes)</summary>"
          + classificationReportTable(
            evaluation, classes: Array(evaluation.metrics.labels.indices), summarizesRest: false
          ).html + "</details>\n"
      }
      let allRows = evaluation.metrics.perClass()
      let rows = shown.map { allRows[$0] }
      let intervals = shown.map { evaluation.classIntervals(at: $0) }
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
        let cell = intervalCell(interval?.f1)
        table.append([
          .label(row.label), .number(DisplayNumber.score(row.precision)),
          .number(DisplayNumber.score(row.recall)), .number(DisplayNumber.score(row.fScore)),
          .number(cell.text, className: "interval" + (cell.isDegenerate ? " degenerate" : "")),
        ])
      }
      html += figure(
        chart.responsiveMarkup(),
        caption: "Precision, recall and F1 of each class for \(evaluation.name)"
          + (intervals.contains { $0?.f1 != nil }
            ? "; whiskers are 95% intervals (" + classIntervalMethods(evaluation)
              + ", see Run metadata), "
              + "and a hollow diamond marks a degenerate interval (no width)."
            : "."),
        table: table.render())
    }
    if hasDegenerate { html += degenerateNote }
    return html
  }

  /// The chart of every model's F1 per class, with its data table.
  func classComparisonFigure(_ shown: [Int]) -> String {
    let labels = model.reference.labels
    let perClass = model.models.map { $0.metrics.perClass() }
    let rows = shown.map { index in
      ClassComparisonChart.ClassRow(
        label: labels[index], scores: perClass.map { $0[index].fScore },
        intervals: model.models.map { $0.classIntervals(at: index)?.f1 })
    }
    let chart = ClassComparisonChart(
      id: "class-f1-comparison", modelNames: model.models.map(\.name), rows: rows)
    let hasIntervals = rows.contains { $0.intervals.contains { $0 != nil } }
    var columns: [(title: String, isNumeric: Bool)] = [("Class", false), ("Support", true)]
    for evaluation in model.models { columns.append(("F1 of \(evaluation.name)", true)) }
    var table = HTMLTable(
      caption: "F1 of each class for every model"
        + (hasIntervals ? ", with 95% intervals under each value" : ""),
      columns: columns)
    for (row, index) in zip(rows, shown) {
      var cells: [HTMLTable.Cell] = [
        .label(row.label), .number(supportText(perClass[0][index].supportWeight)),
      ]
      for (score, interval) in zip(row.scores, row.intervals) {
        let cell = intervalCell(interval)
        cells.append(
          .number(
            DisplayNumber.score(score), detail: hasIntervals ? cell.text : nil,
            detailClassName: cell.className))
      }
      table.append(cells)
    }
    let hidden = hiddenClasses
    if !hidden.isEmpty {
      var cells: [HTMLTable.Cell] = [
        .header("other \(hidden.count) classes (mean)"),
        .number(supportText(model.reference.supportWeight(ofClasses: hidden))),
      ]
      for rows in perClass {
        cells.append(.number(DisplayNumber.score(Self.mean(hidden.map { rows[$0].fScore }))))
      }
      table.append(cells, className: "summary-row")
    }
    return figure(
      chart.responsiveMarkup(),
      caption: "F1 of each class, one bar per model"
        + (hasIntervals
          ? "; whiskers are 95% intervals, and a hollow diamond marks a degenerate interval (no width)."
          : "."),
      table: table.render())
  }

  /// How a model's per-class intervals were computed, for a caption:
  /// Wilson for precision and recall, a bootstrap or the delta method for
  /// F1, or a bootstrap of weighted items; in a binary problem, the
  /// positive class's are the headline intervals.
  func classIntervalMethods(_ evaluation: ModelEvaluation) -> String {
    let metrics = evaluation.metrics
    let headline = ReportBuilder.headlineClass(of: metrics)
    let f1Method =
      metrics.labels.indices.contains {
        $0 != headline && evaluation.classIntervals(at: $0)?.f1?.method == .deltaMethod
      } ? "delta method" : "bootstrap"
    let others =
      metrics.isWeighted
      ? "bootstrap of the weighted items" : "Wilson for precision and recall, \(f1Method) for F1"
    guard let headline else { return metrics.isWeighted ? others : "per-class " + others }
    let name = { (label: String) in "class “\u{2068}\(label)\u{2069}”" }
    let rest =
      metrics.labels.count == 2 ? name(metrics.labels[1 - headline]) : "the other classes"
    return "\(name(metrics.labels[headline])): the headline binary precision, recall and F1 "
      + "intervals; \(rest): \(others)"
  }

  /// The mean of the finite values, or NaN when there are none.
  static func mean(_ values: [Double]) -> Double {
    let finite = values.filter(\.isFinite)
    return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
  }

  /// scikit-learn's `classification_report` layout, with an interval
  /// column after each score when intervals exist, for the given classes;
  /// the classes left out are summarised in one row when `summarizesRest`.
  func classificationReportTable(
    _ evaluation: ModelEvaluation, classes: [Int], summarizesRest: Bool = true
  ) -> (html: String, hasDegenerate: Bool) {
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
          ? ", with 95% intervals (" + classIntervalMethods(evaluation)
            + "; bootstrap for the averages)"
          : ""),
      columns: columns)
    var hasDegenerate = false
    func interval(_ range: ConfidenceInterval?) -> HTMLTable.Cell {
      let cell = intervalCell(range)
      hasDegenerate = hasDegenerate || cell.isDegenerate
      return .number(cell.text, className: "interval" + (cell.isDegenerate ? " degenerate" : ""))
    }
    let allRows = metrics.perClass()
    for index in classes {
      let row = allRows[index]
      let intervals = evaluation.classIntervals(at: index)
      var cells: [HTMLTable.Cell] = [.label(row.label)]
      cells.append(.number(DisplayNumber.score(row.precision)))
      if hasIntervals { cells.append(interval(intervals?.precision)) }
      cells.append(.number(DisplayNumber.score(row.recall)))
      if hasIntervals { cells.append(interval(intervals?.recall)) }
      cells.append(.number(DisplayNumber.score(row.fScore)))
      if hasIntervals { cells.append(interval(intervals?.f1)) }
      cells.append(.number(supportText(row.supportWeight)))
      table.append(cells)
    }
    let blank = HTMLTable.Cell.number("")
    let shown = Set(classes)
    let restClasses = allRows.indices.filter { !shown.contains($0) }
    let rest = restClasses.map { allRows[$0] }
    if summarizesRest && !rest.isEmpty {
      var cells: [HTMLTable.Cell] = [.header("other \(rest.count) classes (mean)")]
      for scores in [rest.map(\.precision), rest.map(\.recall), rest.map(\.fScore)] {
        cells.append(.number(DisplayNumber.score(Self.mean(scores))))
        if hasIntervals { cells.append(blank) }
      }
      cells.append(.number(supportText(metrics.supportWeight(ofClasses: restClasses))))
      table.append(cells, className: "summary-row")
    }
    // The total weight with sample weights (39, not a sum of rounded
    // weights), as the text classification report prints it.
    let support = metrics.evaluatedSupportWeight
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
      cells.append(.number(supportText(support)))
      table.append(cells, className: index == 0 ? "summary-row" : nil)
    }
    return (table.render(), hasDegenerate)
  }

  /// A support as the text classification report prints it: a count, or
  /// with sample weights the exact weight sum (`17.5`).
  func supportText(_ value: Double) -> String {
    SupportChart.amount(value, isWeighted: model.reference.isWeighted)
  }
}
