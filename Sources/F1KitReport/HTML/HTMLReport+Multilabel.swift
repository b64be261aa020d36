import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// Renders a multilabel report as one self-contained HTML page, in the
  /// same style as the single-label report.
  ///
  /// Sections: Summary (verdicts, key facts, every multilabel metric with
  /// its interval), Per-label scores (every model's F1 per label; past
  /// ``shownClassLimit`` labels the most frequent ones, the rest summarised),
  /// Labels per item (gold against predicted set sizes), Label
  /// co-occurrence (gold), Model comparison (two or more models), Advice
  /// and Run metadata.
  ///
  /// - Parameter report: The report's content.
  /// - Returns: The HTML document.
  /// - Complexity: O(*m* *k* + *k*²) for *m* models and *k* labels.
  public static func render(_ report: MultilabelReport) -> String {
    let content = MultilabelPage(report: report)
    var sections: [(id: String, title: String, body: String)] = [
      ("summary", "Summary", content.summary()),
      ("per-label", "Per-label scores", content.perLabel()),
      ("cardinality", "Labels per item", content.cardinality()),
      ("cooccurrence", "Label co-occurrence", content.cooccurrence()),
    ]
    if report.models.count > 1, report.comparison != nil {
      sections.append(("comparison", "Model comparison", content.comparison()))
    }
    sections.append(("advice", "Advice", adviceList(report.advice)))
    sections.append(("metadata", "Run metadata", content.metadata()))
    let lede = [
      "\(DisplayNumber.count(report.itemCount)) test items", "\(report.labels.count) labels",
      "multilabel" + (report.isWeighted ? ", weighted" : ""),
      report.models.count == 1 ? "1 model" : "\(report.models.count) models",
    ].joined(separator: " · ")
    return page(
      title: report.title, lede: lede, toolVersion: report.options.toolVersion,
      sections: sections)
  }

  /// Writes a multilabel report atomically, as ``write(toFile:)`` does.
  ///
  /// - Parameters:
  ///   - report: The report's content.
  ///   - path: The file to create or replace, or `-`.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)`` or
  ///   ``ReportError/writeFailed(path:reason:)``, as ``HTMLReport/write(toFile:)``.
  public static func write(_ report: MultilabelReport, toFile path: String) throws(ReportError) {
    try writeAtomically(render(report), toFile: path)
  }
}

/// The sections of a multilabel report page.
private struct MultilabelPage {
  let report: MultilabelReport

  /// The labels the per-label chart and the heatmap show: every label up
  /// to `HTMLReport.shownClassLimit`, in label order; otherwise the most
  /// frequent ones, most first (ties in label order).
  var shownLabels: [Int] {
    let support = report.goldSupports
    guard support.count > HTMLReport.shownClassLimit else { return Array(support.indices) }
    return support.indices.sorted { (support[$1], $0) < (support[$0], $1) }
      .prefix(HTMLReport.shownClassLimit).map { $0 }
  }

  var hiddenLabels: [Int] {
    let shown = Set(shownLabels)
    return report.labels.indices.filter { !shown.contains($0) }
  }

  func support(_ label: Int) -> Int { report.goldSupports[label] }

  /// An interval for a table cell: `[0.687, 0.721]`, flagged when it has
  /// no width.
  func intervalText(_ interval: ConfidenceInterval?) -> (text: String, className: String?) {
    guard let interval else { return ("—", nil) }
    let text = DisplayNumber.interval(interval, digits: 3)
    return interval.isDegenerate ? (text + " degenerate ⚠", "degenerate") : (text, nil)
  }

  func summary() -> String {
    var html = ""
    if let comparison = report.comparison, report.models.count > 1 {
      html += "<div class=\"verdict\" role=\"note\">"
      for pair in comparison.pairs(on: comparison.options.metric) {
        html += "<p>\(HTMLText.content(comparison.verdict(for: pair)))</p>"
      }
      html += "</div>\n"
    }
    var facts: [(String, String)] = [
      (DisplayNumber.count(report.itemCount), "test items"),
      ("\(report.labels.count)", "labels (multilabel)"),
      (DisplayNumber.score(report.meanGoldCardinality, digits: 2), "gold labels per item"),
    ]
    let occurring = report.labels.indices.filter { support($0) > 0 }
    if let most = occurring.max(by: { support($0) < support($1) }),
      let least = occurring.min(by: { support($0) < support($1) })
    {
      facts.append(
        (
          DisplayNumber.ratio(Double(support(most)) / Double(support(least))) + "×",
          "most / least frequent label"
        ))
    }
    let cardNames = TextMetrics.distinctlyFitted(
      report.models.map(\.name), in: .infinity, fontSize: 12, characterLimit: 28)
    for (model, cardName) in zip(report.models, cardNames).prefix(3) {
      facts.append(
        (
          DisplayNumber.score(model.metrics.value(of: .samplesF1)),
          "samples-F1 · \(cardName)"
        ))
    }
    html += "<div class=\"facts\">"
    for (value, label) in facts {
      html +=
        "<div class=\"fact\"><span class=\"value\">\(HTMLText.content(value))</span>"
        + "<span class=\"label\">\(HTMLText.content(label))</span></div>"
    }
    html += "</div>\n<h3 id=\"multilabel-metrics-heading\">Multilabel metrics</h3>\n"
    let hasIntervals = report.models.contains { !$0.intervals.isEmpty }
    var columns: [(title: String, isNumeric: Bool)] = [("Metric", false)]
    for model in report.models { columns.append((model.name, true)) }
    var table = HTMLTable(
      caption: "Every multilabel metric"
        + (hasIntervals
          ? ", with its \(DisplayNumber.percent(report.options.confidence, digits: 0)) bootstrap interval over items under each value"
          : ""),
      columns: columns)
    var hasDegenerate = false
    for metric in MultilabelReport.tabulatedMetrics {
      var cells: [HTMLTable.Cell] = [
        .header(
          metric.displayName + (metric.isLowerBetter ? " (lower is better)" : "")
            + " · \(metric.rawValue)")
      ]
      for model in report.models {
        let interval = intervalText(model.intervals[metric])
        hasDegenerate = hasDegenerate || interval.className != nil
        cells.append(
          .number(
            DisplayNumber.score(model.metrics.value(of: metric)),
            detail: hasIntervals ? interval.text : nil, detailClassName: interval.className))
      }
      table.append(cells, className: metric == .samplesF1 ? "summary-row" : nil)
    }
    html += table.render()
    html +=
      "<p class=\"muted\">Samples averages score each item's predicted set, then average over items; "
      + "micro averages pool every item-label decision; macro averages give each label the same weight. "
      + "Each equals scikit-learn's function on the label-indicator matrices. The Advice section says "
      + "which to read for these data.</p>\n"
    if hasDegenerate { html += Self.degenerateNote }
    return html
  }

  static let degenerateNote =
    "<p class=\"muted note\"><span class=\"degenerate\">⚠ degenerate</span>: the interval has no width "
    + "because every resample gave the same value (for example a label that is never predicted). "
    + "It shows that resampling cannot vary the score, not that the score is certain.</p>\n"

  func perLabel() -> String {
    let shown = shownLabels
    let hidden = hiddenLabels
    var html =
      "<p>Per-label precision, recall and F1 treat each label as its own binary problem "
      + "(scikit-learn's <code>average=None</code>). Support is the number of items whose gold set holds the label.</p>\n"
    if !hidden.isEmpty {
      html +=
        "<p class=\"muted note\">With \(report.labels.count) labels, the chart and the first table show the "
        + "\(shown.count) labels in most gold sets; the other \(hidden.count) are summarised in one row, "
        + "and every label is in the collapsed full table and in the JSON (<code>--json</code>).</p>\n"
    }
    let perLabel = report.models.map { $0.metrics.perLabel(beta: 1) }
    let hasIntervals = report.models.contains { !$0.labelIntervals.isEmpty }
    func labelInterval(_ model: Int, _ label: Int) -> ConfidenceInterval? {
      let intervals = report.models[model].labelIntervals
      return label < intervals.count ? intervals[label] : nil
    }
    let rows = shown.map { label in
      ClassComparisonChart.ClassRow(
        label: report.labels[label], scores: perLabel.map { $0[label].fScore },
        intervals: report.models.indices.map { labelInterval($0, label) })
    }
    let chart = ClassComparisonChart(
      id: "label-f1-comparison", modelNames: report.models.map(\.name), rows: rows)
    var columns: [(title: String, isNumeric: Bool)] = [("Label", false), ("Support", true)]
    for model in report.models { columns.append(("F1 of \(model.name)", true)) }
    var table = HTMLTable(
      caption: "F1 of each label for every model"
        + (hasIntervals ? ", with 95% bootstrap intervals under each value" : ""),
      columns: columns)
    var hasDegenerate = false
    for label in shown {
      var cells: [HTMLTable.Cell] = [
        .label(report.labels[label]), .number(DisplayNumber.count(support(label))),
      ]
      for model in report.models.indices {
        let interval = intervalText(labelInterval(model, label))
        hasDegenerate = hasDegenerate || interval.className != nil
        cells.append(
          .number(
            DisplayNumber.score(perLabel[model][label].fScore),
            detail: hasIntervals ? interval.text : nil, detailClassName: interval.className))
      }
      table.append(cells)
    }
    if !hidden.isEmpty {
      var cells: [HTMLTable.Cell] = [
        .header("other \(hidden.count) labels (mean)"),
        .number(DisplayNumber.count(hidden.reduce(0) { $0 + support($1) })),
      ]
      for scores in perLabel {
        cells.append(
          .number(DisplayNumber.score(HTMLReport.mean(hidden.map { scores[$0].fScore }))))
      }
      table.append(cells, className: "summary-row")
    }
    html += HTMLReport.figure(
      chart.responsiveMarkup(),
      caption: "F1 of each label, one bar per model"
        + (hasIntervals
          ? "; whiskers are 95% bootstrap intervals over items, and a hollow diamond marks a degenerate interval (no width)."
          : "."),
      table: table.render())
    if hasDegenerate { html += Self.degenerateNote }
    // Every label, every score.
    var fullColumns: [(title: String, isNumeric: Bool)] = [("Label", false), ("Support", true)]
    for model in report.models {
      let prefix = report.models.count > 1 ? "\(model.name): " : ""
      fullColumns += [
        (prefix + "precision", true), (prefix + "recall", true), (prefix + "F1", true),
      ]
      if hasIntervals { fullColumns.append((prefix + "F1 95% interval", true)) }
    }
    var full = HTMLTable(
      caption: "Precision, recall and F1 of every label", columns: fullColumns)
    for label in report.labels.indices {
      var cells: [HTMLTable.Cell] = [
        .label(report.labels[label]), .number(DisplayNumber.count(support(label))),
      ]
      for model in report.models.indices {
        let scores = perLabel[model][label]
        cells += [
          .number(DisplayNumber.score(scores.precision)),
          .number(DisplayNumber.score(scores.recall)),
          .number(DisplayNumber.score(scores.fScore)),
        ]
        if hasIntervals {
          let interval = intervalText(labelInterval(model, label))
          cells.append(
            .number(
              interval.text, className: "interval" + (interval.className.map { " \($0)" } ?? "")))
        }
      }
      full.append(cells)
    }
    html +=
      "<details><summary>Full per-label table (all \(report.labels.count) labels)</summary>"
      + full.render() + "</details>\n"
    return html
  }

  func cardinality() -> String {
    var series = [
      LabelCardinalityChart.Series(
        name: "gold", counts: report.goldCardinality, color: LabelCardinalityChart.goldColor)
    ]
    for (index, model) in report.models.enumerated() {
      series.append(
        LabelCardinalityChart.Series(
          name: model.name, counts: model.cardinality, color: ChartColor.model(index)))
    }
    let chart = LabelCardinalityChart(id: "label-cardinality", series: series)
    let sizes = series.map(\.counts.count).max() ?? 1
    var columns: [(title: String, isNumeric: Bool)] = [("Labels per item", false)]
    for item in series { columns.append((item.name, true)) }
    var table = HTMLTable(
      caption: "Items with each number of labels, gold and predicted, with the share of items",
      columns: columns)
    for size in 0..<sizes {
      var cells: [HTMLTable.Cell] = [.header(String(size))]
      for item in series {
        let count = size < item.counts.count ? item.counts[size] : 0
        cells.append(
          .number(
            DisplayNumber.count(count),
            detail: DisplayNumber.percent(Double(count) / Double(max(report.itemCount, 1)))))
      }
      table.append(cells)
    }
    var mean: [HTMLTable.Cell] = [.header("mean")]
    for item in series {
      let total = item.counts.enumerated().reduce(0) { $0 + $1.offset * $1.element }
      mean.append(
        .number(DisplayNumber.score(Double(total) / Double(max(report.itemCount, 1)), digits: 2)))
    }
    table.append(mean, className: "summary-row")
    var html =
      "<p>How many labels each item carries: a model whose bars sit left of gold predicts too few "
      + "labels per item (empty predicted sets lower samples-F1), one whose bars sit right predicts too many.</p>\n"
    html += HTMLReport.figure(
      chart.responsiveMarkup(),
      caption:
        "Share of items with each number of labels: gold sets in grey, each model's predicted sets in its colour.",
      table: table.render())
    return html
  }

  func cooccurrence() -> String {
    let shown = shownLabels
    let labels = shown.map { report.labels[$0] }
    var together: [Int: [Int: Int]] = [:]
    for pair in report.cooccurrences {
      together[pair.first, default: [:]][pair.second] = pair.itemCount
      together[pair.second, default: [:]][pair.first] = pair.itemCount
    }
    let counts = shown.map { a in
      shown.map { b in a == b ? support(a) : together[a]?[b] ?? 0 }
    }
    let heatmap = LabelCooccurrenceHeatmap(id: "label-cooccurrence", labels: labels, counts: counts)
    var table = HTMLTable(
      caption: "Items whose gold set holds both labels; the diagonal is each label's support",
      columns: [("", false)] + labels.map { ($0, true) } + [("support", true)])
    table.hasLabelColumns = true
    for (row, label) in labels.enumerated() {
      table.append(
        [.label(label)] + counts[row].map { .number(DisplayNumber.count($0)) }
          + [.number(DisplayNumber.count(counts[row][row]))])
    }
    let pairs = report.cooccurrences.sorted {
      ($1.itemCount, $0.first, $0.second) < ($0.itemCount, $1.first, $1.second)
    }
    var html =
      "<p>Which labels occur together in the gold sets; the diagonal is each label's support. "
      + "Labels that often occur together tend to be predicted together, so their per-label "
      + "errors are not independent.</p>\n"
    if shown.count < report.labels.count {
      html +=
        "<p class=\"muted note\">The heatmap shows the \(shown.count) labels in most gold sets; the JSON holds every pair.</p>\n"
    }
    html += HTMLReport.figure(
      heatmap.responsiveMarkup(),
      caption:
        "Gold label co-occurrence: items whose gold set holds both labels, on a logarithmic colour scale; the outlined diagonal is each label's support.",
      table: table.render())
    if !pairs.isEmpty {
      var top = HTMLTable(
        caption: "The label pairs most often in the same gold set",
        columns: [
          ("Label", false), ("With", false), ("Items", true),
          ("Share of the first label's items", true),
        ])
      for pair in pairs.prefix(10) {
        let (a, b, count) = (pair.first, pair.second, pair.itemCount)
        top.append([
          .label(report.labels[a]), .label(report.labels[b], isHeader: false),
          .number(DisplayNumber.count(count)),
          .number(DisplayNumber.percent(Double(count) / Double(max(support(a), 1)))),
        ])
      }
      html += "<h3 id=\"cooccurrence-pairs-heading\">Most frequent pairs</h3>\n" + top.render()
    }
    return html
  }

  func comparison() -> String {
    guard let comparison = report.comparison else { return "" }
    var html =
      "<p>Every pair of models on the three F1 averages, with the same engine as "
      + "<code>f1kit compare</code>: the paired bootstrap interval of the difference, the "
      + "permutation test and the paired bootstrap test over items"
      + (comparison.options.tests.contains(.mcnemar)
        ? ", and McNemar's test on exact matches (subset accuracy)" : "")
      + (report.models.count > 2
        ? "; p-values are \(comparison.options.adjustment.displayName)-adjusted over the pairs of each metric"
        : "")
      + ".</p>\n"
    var table = HTMLTable(
      caption: "Differences (second − first) with their 95% intervals and p-values",
      columns: [
        ("Metric", false), ("Pair", false), ("Difference", true), ("95% interval", true),
        ("Permutation p", true), ("Bootstrap p", true), ("McNemar p", true),
      ])
    func p(_ value: Double?) -> String { value.map { DisplayNumber.pValue($0) } ?? "—" }
    for pair in comparison.pairs {
      let adjusted = report.models.count > 2
      table.append([
        .header(pair.metric.displayName),
        .label(
          "\(report.models[pair.second].name) − \(report.models[pair.first].name)",
          isHeader: false),
        .number(DisplayNumber.signed(pair.difference.estimate, digits: 3)),
        .number(DisplayNumber.interval(pair.difference, digits: 3)),
        .number(p(adjusted ? pair.adjustedPValues[.permutation] : pair.permutationPValue)),
        .number(p(adjusted ? pair.adjustedPValues[.bootstrap] : pair.bootstrapPValue)),
        .number(p(adjusted ? pair.adjustedPValues[.mcnemar] : pair.mcnemar?.pValue)),
      ])
    }
    html += table.render()
    html += "<div class=\"verdict\" role=\"note\">"
    for pair in comparison.pairs {
      html += "<p>\(HTMLText.content(comparison.verdict(for: pair)))</p>"
    }
    return html + "</div>\n"
  }

  func metadata() -> String {
    let options = report.options
    let isResampled = report.comparison != nil
    var entries: [(String, String)] = [("F1Kit version", options.toolVersion)]
    entries.append(("Seed", isResampled ? String(options.seed) : "— (no resampling)"))
    entries.append(("Resamples", isResampled ? DisplayNumber.count(options.resamples) : "—"))
    entries.append(("Confidence level", DisplayNumber.percent(options.confidence, digits: 0)))
    entries.append(("zero_division", options.evaluation.zeroDivision.rawValue))
    var html = "<dl class=\"metadata\">"
    for (term, value) in entries {
      html += "<dt>\(HTMLText.content(term))</dt><dd>\(HTMLText.content(value))</dd>"
    }
    html += "<dt>Methods</dt><dd>"
    html +=
      isResampled
      ? HTMLText.content(
        "Intervals: BCa bootstrap over items, \(DisplayNumber.count(options.resamples)) resamples, "
          + "drawn through the items' distinct (gold set, predicted set) patterns; per-label F1 "
          + "intervals come from the same resamples.")
        + "<br>"
        + HTMLText.content(
          "Tests: paired permutation and paired bootstrap over items"
            + (report.isWeighted ? " (weights carried)" : "; McNemar mid-p on exact matches"))
      : HTMLText.content("No resampling (--resamples 0): no intervals or tests.")
    html += "</dd><dt>Label order</dt><dd>"
    html += report.labels.map { "<code>\(HTMLText.isolated($0))</code>" }.joined(separator: ", ")
    html += "</dd><dt>Prediction files</dt><dd>"
    html += report.models.map { model in
      "<code>\(HTMLText.content(model.sourceFile))</code>"
        + (model.name == model.sourceFile ? "" : " (\(HTMLText.isolated(model.name)))")
    }.joined(separator: "<br>")
    html += "</dd>"
    for setting in options.inputSettings {
      html +=
        "<dt>\(HTMLText.content(setting.name))</dt><dd>\(HTMLText.content(setting.value))</dd>"
    }
    return html + "</dl>\n"
  }
}
