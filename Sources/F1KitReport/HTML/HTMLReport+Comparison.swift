import F1Kit

extension HTMLReport {
  /// The forest plot of differences, their table, and the bootstrap
  /// distribution of the primary metric's difference.
  func comparisonSection() -> String {
    let reference = model.models[0].name
    var html =
      "<p>Each later model is compared with the first, <strong>\(HTMLText.escape(reference))</strong>, "
    html +=
      "on the same test items: a positive difference means the later model scores higher.</p>\n"
    for disagreement in model.disagreements {
      html += "<p>\(HTMLText.escape(sentence(for: disagreement)))</p>\n"
    }
    let hasStatistics = model.comparisons.contains { $0.interval != nil || $0.pValue != nil }
    if !hasStatistics {
      html +=
        "<p class=\"muted\">No intervals or tests were computed, so these differences carry no measure of uncertainty.</p>\n"
    }
    let candidates = Array(model.models.dropFirst())
    var rows: [ForestPlot.Row] = []
    for (candidateIndex, candidate) in candidates.enumerated() {
      for comparison in model.comparisons where comparison.candidate == candidate.name {
        var annotation = DisplayNumber.signed(comparison.difference, digits: 3)
        if let interval = comparison.interval {
          annotation += " " + DisplayNumber.interval(interval, digits: 3)
        }
        if let p = comparison.decisionPValue { annotation += ", " + DisplayNumber.pValue(p) }
        let label =
          candidates.count > 1
          ? "\(candidate.name): \(name(of: comparison.metric))" : name(of: comparison.metric)
        rows.append(
          ForestPlot.Row(
            label: label, difference: comparison.difference, interval: comparison.interval,
            annotation: annotation, colorIndex: candidateIndex + 1))
      }
    }
    let title =
      candidates.count == 1
      ? "Difference between \(candidates[0].name) and \(reference) per metric"
      : "Differences between each model and \(reference) per metric"
    let axisTitle =
      candidates.count == 1
      ? "\(HTMLText.truncated(candidates[0].name, to: 30)) − \(HTMLText.truncated(reference, to: 30))"
      : "Later model − \(HTMLText.truncated(reference, to: 40))"
    let plot = ForestPlot(id: "comparison-forest", title: title, axisTitle: axisTitle, rows: rows)
    html += figure(
      plot.render(),
      caption: "Difference per metric (diamond)"
        + (hasStatistics ? " with its 95% interval (whiskers)" : "")
        + "; the vertical line is no difference.",
      table: comparisonTable())
    let primary = model.reference.primaryMetric
    for (index, comparison) in model.comparisons(on: primary).enumerated()
    where !comparison.differenceQuantiles.isEmpty {
      let histogram = DifferenceHistogram(
        id: "comparison-distribution-\(index + 1)",
        title:
          "Bootstrap distribution of the \(name(of: primary)) difference, \(comparison.candidate) − \(comparison.reference)",
        quantiles: comparison.differenceQuantiles, observed: comparison.difference,
        interval: comparison.interval, colorIndex: index + 1,
        axisTitle:
          "Difference in a resample: \(HTMLText.truncated(comparison.candidate, to: 30)) − \(HTMLText.truncated(comparison.reference, to: 30))"
      )
      var table = HTMLTable(
        caption: "Share of the paired bootstrap resamples in each bin (the middle 99%)",
        columns: [("From", true), ("To", true), ("Share of resamples", true)])
      for bin in histogram.bins {
        table.append([
          .number(DisplayNumber.score(bin.lower)), .number(DisplayNumber.score(bin.upper)),
          .number(DisplayNumber.percent(bin.share)),
        ])
      }
      html += figure(
        histogram.render(),
        caption:
          "How the \(name(of: primary)) difference (\(comparison.candidate) − \(comparison.reference)) varies "
          + "over paired bootstrap resamples of the test items; the shaded band is the 95% interval, "
          + "the solid line the observed difference, the dashed line zero.",
        table: table.render())
    }
    return html
  }

  /// Where two models' predictions part, with McNemar's test.
  func sentence(for disagreement: ModelDisagreement) -> String {
    let share = Double(disagreement.disagreementCount) / Double(max(disagreement.itemCount, 1))
    return "\(disagreement.candidate) and \(disagreement.reference) predict differently on "
      + "\(DisplayNumber.count(disagreement.disagreementCount)) of \(DisplayNumber.count(disagreement.itemCount)) "
      + "items (\(DisplayNumber.percent(share))): \(disagreement.reference) alone is right on "
      + "\(DisplayNumber.count(disagreement.referenceOnlyCorrect)), \(disagreement.candidate) alone on "
      + "\(DisplayNumber.count(disagreement.candidateOnlyCorrect)). McNemar's mid-p test of equal accuracy: "
      + "\(DisplayNumber.pValue(disagreement.mcNemarPValue))."
  }

  /// Every comparison with its difference, interval, p-values and test.
  func comparisonTable() -> String {
    var table = HTMLTable(
      caption: "Differences between models (later model minus first)",
      columns: [
        ("Comparison", false), ("Metric", false), ("Difference", true), ("95% interval", true),
        ("p-value", true), ("Holm-adjusted p", true), ("Test", false),
      ])
    for comparison in model.comparisons {
      table.append([
        .header("\(comparison.candidate) − \(comparison.reference)"),
        .text(name(of: comparison.metric)),
        .number(DisplayNumber.signed(comparison.difference)),
        .number(
          comparison.interval.map { DisplayNumber.interval($0) } ?? "—", className: "interval"),
        .number(comparison.pValue.map { DisplayNumber.score($0) } ?? "—"),
        .number(comparison.adjustedPValue.map { DisplayNumber.score($0) } ?? "—"),
        .text(comparison.testName ?? "—"),
      ])
    }
    return table.render()
  }
}
