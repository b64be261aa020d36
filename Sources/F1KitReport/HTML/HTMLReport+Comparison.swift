import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// The forest plot of differences, their table, and the bootstrap
  /// distribution of the primary metric's difference.
  func comparisonSection() -> String {
    let names = model.models.map(\.name)
    let differences = model.differences
    let pairCount = names.count * (names.count - 1) / 2
    var html =
      pairCount == 1
      ? "<p>The two models are compared on the same test items: a positive difference means "
        + "<strong>\(HTMLText.content(names[1]))</strong> scores higher than "
        + "<strong>\(HTMLText.content(names[0]))</strong>.</p>\n"
      : "<p>Every pair of models is compared on the same test items; for a pair “B − A”, a "
        + "positive difference means B scores higher.</p>\n"
    if let experiment = model.experiment {
      html += firstRunNote(isAboutIntervals: true)
      html +=
        "<p class=\"muted\">No p-values here: they would test "
        + (experiment.hasSeveralRuns ? "the first runs, " : "")
        + "item by item. The test to quote is the experiment's, on the primary metric, in the "
        + "Summary and in Runs and groups.</p>\n"
    }
    for disagreement in model.disagreements {
      html += "<p>\(HTMLText.content(sentence(for: disagreement)))</p>\n"
    }
    let hasStatistics = differences.contains { $0.statistics != nil }
    if !hasStatistics {
      html +=
        "<p class=\"muted\">No intervals or tests were computed, so these differences carry no measure of uncertainty.</p>\n"
    }
    var rows: [ForestPlot.Row] = []
    var pairIndex = 0
    var previous: (Int, Int)?
    for difference in differences {
      if let last = previous, last != (difference.first, difference.second) { pairIndex += 1 }
      previous = (difference.first, difference.second)
      var annotation = DisplayNumber.signed(difference.estimate, digits: 3)
      if let pair = difference.statistics {
        annotation += " " + DisplayNumber.interval(pair.difference, digits: 3)
      }
      if !hasExperiment, let p = decisionPValue(difference) {
        annotation += ", " + DisplayNumber.pValue(p)
      }
      rows.append(
        ForestPlot.Row(
          label: name(of: difference.metric), difference: difference.estimate,
          interval: difference.statistics.map(\.difference.range), annotation: annotation,
          colorIndex: pairIndex + 1, group: pairCount > 1 ? pairName(difference) : nil))
    }
    let title =
      pairCount == 1
      ? "Difference between \(names[1]) and \(names[0]) per metric"
      : "Differences between every pair of models per metric"
    // The chart wraps a long title at its spaces and shortens a name too
    // wide for a line, with the whole title in a <title>.
    let axisTitle = pairCount == 1 ? "\(names[1]) − \(names[0])" : "Second model − first model"
    let plot = ForestPlot(id: "comparison-forest", title: title, axisTitle: axisTitle, rows: rows)
    html += figure(
      plot.responsiveMarkup(),
      caption: "Difference per metric (diamond)"
        + (hasStatistics ? " with its 95% interval (whiskers)" : "")
        + "; the vertical line is no difference.",
      table: comparisonTable())
    let primary = model.reference.primaryMetric
    for (index, difference) in model.differences(on: primary).enumerated() {
      guard let pair = difference.statistics, !pair.bootstrap.resampledDifferences.isEmpty
      else { continue }
      let first = names[difference.first]
      let second = names[difference.second]
      let histogram = DifferenceHistogram(
        id: "comparison-distribution-\(index + 1)",
        title:
          "Bootstrap distribution of the \(name(of: primary)) difference, \(second) − \(first)",
        quantiles: ReportBuilder.differenceQuantiles(pair.bootstrap),
        observed: difference.estimate, interval: pair.difference.range, colorIndex: index + 1,
        axisTitle: "Difference in a resample: \(second) − \(first)")
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
        histogram.responsiveMarkup(),
        caption:
          "How the \(name(of: primary)) difference (\(second) − \(first)) varies "
          + "over paired bootstrap resamples of the test items; the shaded band is the 95% interval, "
          + "the solid line the observed difference, the dashed line zero.",
        table: table.render())
    }
    return html
  }

  /// “B − A” for a pair.
  func pairName(_ difference: ReportModel.Difference) -> String {
    "\(model.models[difference.second].name) − \(model.models[difference.first].name)"
  }

  /// The p-value a decision about a pair rests on, from the engine.
  func decisionPValue(_ difference: ReportModel.Difference) -> Double? {
    guard let pair = difference.statistics else { return nil }
    return model.comparison?.decisionPValue(for: pair)
  }

  /// Where two models' predictions part, with McNemar's test.
  func sentence(for disagreement: ModelDisagreement) -> String {
    let share = Double(disagreement.disagreementCount) / Double(max(disagreement.itemCount, 1))
    return "\(disagreement.candidate) and \(disagreement.reference) predict differently on "
      + "\(DisplayNumber.count(disagreement.disagreementCount)) of \(DisplayNumber.count(disagreement.itemCount)) "
      + "items (\(DisplayNumber.percent(share))): \(disagreement.reference) alone is right on "
      + "\(DisplayNumber.count(disagreement.referenceOnlyCorrect)), \(disagreement.candidate) alone on "
      + "\(DisplayNumber.count(disagreement.candidateOnlyCorrect))."
      + (hasExperiment
        ? ""
        : disagreement.mcNemarPValue.isNaN
          ? " McNemar's test counts items, not sample weights, so it is not run on weighted items."
          : " McNemar's mid-p test of equal accuracy: \(DisplayNumber.pValue(disagreement.mcNemarPValue)).")
  }

  /// Every comparison with its difference, interval, p-values and test;
  /// with an experiment, the first runs' differences and item-level
  /// intervals only.
  func comparisonTable() -> String {
    if hasExperiment { return firstRunComparisonTable() }
    let adjustment = model.comparison?.options.adjustment.displayName ?? "Holm"
    var table = HTMLTable(
      caption: "Differences between models (second model minus first)",
      columns: [
        ("Comparison", false), ("Metric", false), ("Difference", true), ("95% interval", true),
        ("p-value", true), ("\(adjustment)-adjusted p", true), ("Test", false),
      ])
    let test = model.comparison?.primaryTest
    let isAdjusted = model.models.count > 2
    for difference in model.differences {
      let pair = difference.statistics
      table.append([
        .header(pairName(difference)),
        .text(name(of: difference.metric)),
        .number(DisplayNumber.signed(difference.estimate)),
        .number(
          pair.map { DisplayNumber.interval($0.difference) } ?? "—", className: "interval"),
        .number(test.flatMap { pair?.pValue(of: $0) }.map { DisplayNumber.score($0) } ?? "—"),
        .number(
          (isAdjusted ? test.flatMap { pair?.adjustedPValues[$0] } : nil).map {
            DisplayNumber.score($0)
          } ?? "—"),
        .text(pair != nil ? test?.displayName ?? "—" : "—"),
      ])
    }
    return table.render()
  }

  /// The first runs' differences with their item-level intervals, and no
  /// p-values: the test to quote is the experiment's.
  func firstRunComparisonTable() -> String {
    let subject =
      model.experiment?.hasSeveralRuns == true ? "the first runs of the models" : "the models"
    var table = HTMLTable(
      caption:
        "Differences between \(subject) (second model minus first), with 95% intervals that resample items one by one",
      columns: [
        ("Comparison", false), ("Metric", false), ("Difference", true),
        ("95% interval (items)", true),
      ])
    for difference in model.differences {
      table.append([
        .header(pairName(difference)),
        .text(name(of: difference.metric)),
        .number(DisplayNumber.signed(difference.estimate)),
        .number(
          difference.statistics.map { DisplayNumber.interval($0.difference) } ?? "—",
          className: "interval"),
      ])
    }
    return table.render()
  }
}
