import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// The score section: threshold-free metrics with intervals, the paired
  /// tests between models, and for binary scores the ROC and
  /// precision–recall curves, F1 against the cut-off, the reliability
  /// diagram and the score distribution of each gold class.
  func scoresSection() -> String {
    guard let scores = model.scores else { return "" }
    var html = "<p>Metrics of the scores themselves, before any cut-off, from "
    html += HTMLText.content(scores.models[0].source)
    if let positive = scores.positiveLabel {
      html += " (scores for the positive label “\(HTMLText.isolated(positive))”)"
    }
    if let column = scores.positiveColumn {
      html +=
        "; average precision and ROC-AUC read the column of the positive label “\(HTMLText.isolated(column.label))”, as <code>f1kit evaluate</code> and <code>roc_auc_score(y, P[:, 1])</code> do"
    }
    // The command that gives the same numbers names a metric the table
    // shows: ROC-AUC of one binary column, else the first compared one
    // (one-vs-rest macro ROC-AUC of per-class scores).
    let cited =
      scores.shownMetrics.contains(.rocAUC)
      ? ScoreMetric.rocAUC : scores.comparedMetrics.first ?? .rocAUC
    html +=
      ". Every interval and test comes from the comparison engine that <code>f1kit compare --metric \(cited.rawValue)</code> uses.</p>\n"
    if let experiment = model.experiment, let comparison = scores.comparison,
      !comparison.pairs.isEmpty, !comparison.options.tests.isEmpty
    {
      let tests = comparison.options.tests.map(Self.scoreTestName)
      html +=
        "<p class=\"muted\">\(HTMLText.content(experiment.scoreTestsNote(tests: tests)))</p>\n"
    }
    if scores.isBinary {
      html += "<ul class=\"cutoffs\">"
      // One --threshold-from file gives every model the first one's tuned
      // cut-off; each later model's line says so, as compare's and gate's do.
      let choices = scores.models.compactMap { entry in
        entry.threshold.map { (name: entry.name, choice: $0) }
      }
      var position = 0
      for entry in scores.models {
        html += "<li><strong>\(HTMLText.isolated(entry.name))</strong>: "
        var sentence = Self.cutoffSentence(entry)
        if entry.threshold != nil {
          sentence += ThresholdChoice.sharedCutoffNote(at: position, of: choices) ?? ""
          position += 1
        }
        html += HTMLText.content(sentence) + "</li>"
      }
      html += "</ul>\n"
    }
    html += scoreMetricsTable(scores)
    html += hardLabelNotes(scores)
    if scores.models.count > 1 { html += scoreDifferences(scores) }
    guard scores.isBinary else {
      html +=
        "<p class=\"muted\">Curves, cut-offs and calibration are drawn for one binary score column (<code>--score-column</code>); these are per-class scores.</p>\n"
      return html
    }
    html += scoreCurves(scores)
    html += thresholdFigures(scores)
    html += calibrationFigures(scores)
    html += distributionFigures(scores)
    return html
  }

  /// A paragraph for each model whose scores look like hard predictions
  /// (`ScoredModel.hardLabelWarning`), under the metrics table, so that
  /// the curves and cut-off charts below are not read as a ranking.
  func hardLabelNotes(_ scores: ScoreReport) -> String {
    let curves =
      scores.isBinary
      ? "; the ROC and precision–recall curves below have one point between their ends" : ""
    return scores.models.compactMap { entry in
      entry.scores.hardLabelWarning.map {
        "<p class=\"muted\"><strong>\(HTMLText.isolated(entry.name))</strong>: \(HTMLText.content($0))\(curves). The Advice section says more (<code>hard-label-scores</code>).</p>\n"
      }
    }.joined()
  }

  /// Where a model's cut-off came from, in a sentence.
  static func cutoffSentence(_ entry: ScoreReport.Model) -> String {
    if let threshold = entry.threshold { return "predictions at the " + threshold.sentence() }
    if let implied = entry.impliedThreshold {
      return
        "predictions from the prediction column; they equal a cut-off of \(DisplayNumber.score(implied)) on the score (every item predicted positive scores at least it, every other item less)"
    }
    return
      "predictions from the prediction column; no cut-off of the score gives them, so the cut-off charts mark none"
  }

  /// The label of the cut-off used, for a chart.
  static func cutoffLabel(_ entry: ScoreReport.Model) -> String? {
    guard let cutoff = entry.cutoff else { return nil }
    let value = DisplayNumber.score(cutoff)
    guard let threshold = entry.threshold else {
      return "cut-off used \(value) (the prediction column's)"
    }
    switch threshold.source {
    case .defaultValue: return "cut-off used \(value) (the default)"
    case .given: return "cut-off used \(value) (--threshold)"
    case .givenInFile(let file): return "cut-off used \(value) (given in \(file))"
    case .tuned(let file, _, let isEvaluatedFile):
      return isEvaluatedFile
        ? "cut-off used \(value) (tuned on this set: optimistic)"
        : "cut-off used \(value) (tuned on \(file))"
    }
  }

  func scoreMetricsTable(_ scores: ScoreReport) -> String {
    // DeLong's interval is of binary ROC-AUC alone: per-class scores'
    // averages have none, and the caption says so only when one is shown.
    let hasDeLong =
      scores.shownMetrics.contains(.rocAUC)
      && scores.models.indices.contains { scores.delongInterval(model: $0) != nil }
    var table = HTMLTable(
      caption: scores.comparison.map {
        "Score metrics with \(DisplayNumber.percent($0.options.bootstrap.confidence, digits: 0)) \($0.options.bootstrap.method.rawValue) bootstrap intervals over items (\(DisplayNumber.count($0.options.bootstrap.resamples)) resamples)"
          + (hasDeLong ? "; ROC-AUC also with DeLong's interval" : "")
      } ?? "Score metrics (no intervals: --resamples 0)",
      columns: [("Metric", false)] + scores.models.map { ($0.name, true) })
    // Why a metric is undefined, said once under the table when it is the
    // same reason in every cell.
    let reasons = scores.models.indices.flatMap { index in
      scores.metrics(ofModel: index).entries.compactMap { $0.undefinedReason?.description }
    }
    let sharedReason = Set(reasons).count == 1 ? reasons.first : nil
    for metric in scores.shownMetrics {
      let name = metric.displayName + (metric.isHigherBetter ? "" : " (lower is better)")
      var cells: [HTMLTable.Cell] = [.header(name)]
      for index in scores.models.indices {
        let metrics = scores.metrics(ofModel: index)
        guard let value = metrics[metric] else {
          let reason = metrics.entries.first { $0.metric == metric }?.undefinedReason
          cells.append(
            sharedReason == nil
              ? .number("n/a", className: "muted", detail: reason?.description ?? "undefined")
              : .number("n/a", className: "muted"))
          continue
        }
        var detail = scores.interval(of: metric, model: index).map {
          DisplayNumber.interval($0)
        }
        if metric == .rocAUC, let delong = scores.delongInterval(model: index) {
          detail = (detail.map { $0 + " · " } ?? "") + "DeLong " + DisplayNumber.interval(delong)
        }
        cells.append(.number(DisplayNumber.score(value), detail: detail))
      }
      table.append(cells)
    }
    return table.render()
      + (sharedReason.map { "<p class=\"muted\">n/a: \(HTMLText.content($0)).</p>\n" } ?? "")
  }

  /// A score test as the Scores and cut-offs section names it in prose.
  static func scoreTestName(_ test: ScoreComparison.Test) -> String {
    switch test {
    case .bootstrap: "paired bootstrap"
    case .permutation: "permutation"
    case .delong: "DeLong's"
    }
  }

  func scoreDifferences(_ scores: ScoreReport) -> String {
    guard let comparison = scores.comparison else { return "" }
    if hasExperiment { return firstRunScoreDifferences(scores, comparison: comparison) }
    // The positive column's binary tests are a superset of the per-class
    // scores' paired bootstrap; a test a pair lacks shows as "—".
    let tests = (scores.positiveColumn?.comparison ?? comparison).options.tests
    var columns: [(title: String, isNumeric: Bool)] = [
      ("Metric", false), ("Pair", false), ("Difference", true),
    ]
    for test in tests {
      switch test {
      case .bootstrap: columns.append(("Paired bootstrap p", true))
      case .permutation: columns.append(("Permutation p", true))
      case .delong: columns.append(("DeLong p (z)", true))
      }
    }
    let adjusted = scores.models.count > 2
    var table = HTMLTable(
      caption:
        "Differences between models on the same items (second − first), with \(DisplayNumber.percent(comparison.options.bootstrap.confidence, digits: 0)) paired bootstrap intervals"
        + (adjusted
          ? "; p-values \(comparison.options.adjustment.displayName)-adjusted over pairs" : ""),
      columns: columns)
    for pair in scores.comparisons.flatMap(\.pairs) {
      var cells: [HTMLTable.Cell] = [
        .header(pair.metric.displayName),
        .text("\(scores.models[pair.second].name) − \(scores.models[pair.first].name)"),
        .number(
          DisplayNumber.signed(pair.difference.estimate),
          detail: DisplayNumber.interval(pair.difference)),
      ]
      for test in tests {
        let p = adjusted ? pair.adjustedPValues[test] : pair.pValue(of: test)
        guard let p, p.isFinite else {
          cells.append(.number("—"))
          continue
        }
        var text = DisplayNumber.pValue(p)
        if test == .delong, let z = pair.delong?.statistic, z.isFinite {
          text += " (z = \(DisplayNumber.score(z, digits: 2)))"
        }
        cells.append(.number(text))
      }
      table.append(cells)
    }
    var html = table.render()
    if let metric = scores.comparedMetrics.first {
      html += "<ul class=\"cutoffs\">"
      for pair in scores.pairs(on: metric) {
        html += "<li>\(HTMLText.content(comparison.verdict(for: pair)))</li>"
      }
      html += "</ul>\n"
    }
    return html
  }

  /// With an experiment, the differences between the models' score
  /// metrics with their item-level intervals, and no p-values or verdicts:
  /// their tests take the items one by one (the JSON's `first_run` keeps
  /// them).
  func firstRunScoreDifferences(_ scores: ScoreReport, comparison: ScoreComparison) -> String {
    var table = HTMLTable(
      caption:
        "Differences between models on the same items (second − first), with \(DisplayNumber.percent(comparison.options.bootstrap.confidence, digits: 0)) paired bootstrap intervals that resample items one by one",
      columns: [
        ("Metric", false), ("Pair", false), ("Difference (interval over items)", true),
      ])
    for pair in scores.comparisons.flatMap(\.pairs) {
      table.append([
        .header(pair.metric.displayName),
        .text("\(scores.models[pair.second].name) − \(scores.models[pair.first].name)"),
        .number(
          DisplayNumber.signed(pair.difference.estimate),
          detail: DisplayNumber.interval(pair.difference)),
      ])
    }
    return table.render()
  }

  func scoreCurves(_ scores: ScoreReport) -> String {
    let binaries = scores.models.compactMap(\.binaryScores)
    guard binaries.count == scores.models.count, let first = binaries.first else { return "" }
    let positives = first.isPositive.lazy.filter { $0 }.count
    let positiveRate = Double(positives) / Double(first.count)
    let roc = ROCCurveChart(
      id: "scores-roc",
      series: zip(scores.models, binaries).map { entry, binary in
        .init(
          name: entry.name, curve: binary.rocCurve, auc: binary.value(of: .rocAUC),
          operatingPoint: entry.operatingPoint, cutoff: entry.cutoff)
      })
    let pr = PrecisionRecallChart(
      id: "scores-pr",
      series: zip(scores.models, binaries).map { entry, binary in
        .init(
          name: entry.name, curve: binary.precisionRecallCurve,
          averagePrecision: binary.value(of: .averagePrecision),
          operatingPoint: entry.operatingPoint, cutoff: entry.cutoff)
      }, positiveRate: positiveRate)
    var html = "<h3>ROC and precision–recall curves</h3>\n<div class=\"pair\">"
    html += figure(
      roc.responsiveMarkup(),
      caption:
        "ROC curves; a marker is a model's operating point, the rates of its predictions. The diagonal is chance.",
      table: roc.table())
    html += figure(
      pr.responsiveMarkup(),
      caption:
        "Precision–recall curves as steps (their area is average precision), with iso-F1 curves; a no-skill model's precision is the positive rate, \(DisplayNumber.score(positiveRate, digits: 3)).",
      table: pr.table())
    return html + "</div>\n"
  }

  func thresholdFigures(_ scores: ScoreReport) -> String {
    var html = "<h3>F1, precision and recall against the cut-off</h3>\n"
    html +=
      "<p>The best cut-off on the evaluated items is tuned on the very items it is measured on, so its F1 is optimistic: it shows how much a cut-off chosen on development data (<code>f1kit tune DEV</code>, then <code>--threshold-from</code>) could gain, not what it would score.</p>\n<div class=\"pair\">"
    for (index, entry) in scores.models.enumerated() {
      guard let binary = entry.binaryScores,
        let sweep = try? ThresholdSweep(scores: binary.scores, gold: binary.isPositive)
      else { continue }
      var marks: [ThresholdChart.Mark] = []
      if let cutoff = entry.cutoff, let label = Self.cutoffLabel(entry) {
        marks.append(.init(threshold: cutoff, label: label, isDashed: false))
      }
      let best = ThresholdTuner.tune(sweep, maximizing: .binaryF1)
      if entry.cutoff.map({ sweep.index(of: $0) != sweep.index(of: best.threshold) }) ?? true {
        marks.append(
          .init(
            threshold: best.threshold,
            label:
              "best on this set \(DisplayNumber.score(best.threshold)), F1 \(DisplayNumber.score(best.value, digits: 3)) (tuned on this set)",
            isDashed: true))
      }
      let chart = ThresholdChart(
        id: elementID("score-threshold", model: index), name: entry.name, sweep: sweep,
        marks: marks, domain: LinearScale.niceDomain(Self.scoreRange(scores), count: 6))
      var caption = "\(entry.name): "
      if let hard = HardLabelScores(binary) {
        // Two values: the chart's two steps are the decision and predicting
        // every item alike, not a curve to choose a cut-off on.
        caption +=
          "the scores hold only two values, \(hard.valuesText), so every cut-off between them gives the same predictions (F1 \(DisplayNumber.score(entry.thresholdAdvice?.f1AtThreshold ?? best.value, digits: 3))): there is no cut-off to tune, and the chart shows only that decision against predicting every item alike."
      } else if let advice = entry.thresholdAdvice {
        caption +=
          "F1 at the cut-off used is \(DisplayNumber.score(advice.f1AtThreshold, digits: 3)); the best cut-off on this set, \(DisplayNumber.score(advice.bestThreshold)), gives \(DisplayNumber.score(advice.bestF1, digits: 3)) (tuned on this set: optimistic). "
        if let cutoff = entry.cutoff {
          let nearby = MetricAdvisor.nearbyF1(binary, cutoff: cutoff)
          caption +=
            "Moving the cut-off by up to ±\(DisplayNumber.score(nearby.window, digits: 3)) (5% of the score range) moves F1 between \(DisplayNumber.score(nearby.lowest, digits: 3)) and \(DisplayNumber.score(nearby.highest, digits: 3))."
        }
        if advice.isConstant { caption += " Every item has the same score." }
      } else {
        caption +=
          "the best cut-off on this set, \(DisplayNumber.score(best.threshold)), gives F1 \(DisplayNumber.score(best.value, digits: 3)) (tuned on this set: optimistic)."
      }
      html += figure(chart.responsiveMarkup(), caption: caption, table: chart.table())
    }
    return html + "</div>\n"
  }

  func calibrationFigures(_ scores: ScoreReport) -> String {
    var html = "<h3>Calibration</h3>\n"
    var figures = ""
    for (index, entry) in scores.models.enumerated() {
      guard let binary = entry.binaryScores else { continue }
      guard let diagram = ReliabilityDiagram(binary) else {
        html +=
          "<p><strong>\(HTMLText.isolated(entry.name))</strong>: no reliability diagram, log loss, Brier score or ECE: the scores are not probabilities (a score is outside [0, 1]).</p>\n"
        continue
      }
      let ece = binary.value(of: .expectedCalibrationError)
      let chart = ReliabilityChart(
        id: elementID("reliability", model: index), name: entry.name, diagram: diagram,
        color: ChartColor.model(index), calibrationError: ece)
      figures += figure(
        chart.responsiveMarkup(),
        caption:
          "\(entry.name): share of positive items against the predicted probability in 15 equal-width bins, with each bin's item count above it"
          + (ece.map { "; ECE \(DisplayNumber.score($0))" } ?? "") + ".",
        table: chart.table())
    }
    return html + (figures.isEmpty ? "" : "<div class=\"pair\">\(figures)</div>\n")
  }

  func distributionFigures(_ scores: ScoreReport) -> String {
    let range = Self.scoreRange(scores)
    var html = "<h3>Score distribution of each gold class</h3>\n<div class=\"pair\">"
    for (index, entry) in scores.models.enumerated() {
      guard let binary = entry.binaryScores else { continue }
      let chart = ScoreDistributionChart(
        id: elementID("score-distribution", model: index), name: entry.name,
        scores: binary.scores, isPositive: binary.isPositive, range: range,
        positiveLabel: scores.positiveLabel ?? "", cutoff: entry.cutoff)
      html += figure(
        chart.responsiveMarkup(),
        caption:
          "\(entry.name): the share of each gold class's items in each score bin (each class sums to 1, so a small class is as visible as a large one).",
        table: chart.table())
    }
    return html + "</div>\n"
  }

  /// The lowest to the highest score of every binary model (widened by
  /// 0.5 each way when they are all equal).
  static func scoreRange(_ scores: ScoreReport) -> ClosedRange<Double> {
    let binaries = scores.models.compactMap(\.binaryScores)
    let low = binaries.compactMap { $0.scores.min() }.min() ?? 0
    let high = binaries.compactMap { $0.scores.max() }.max() ?? 1
    return low < high ? low...high : (low - 0.5)...(high + 0.5)
  }
}
