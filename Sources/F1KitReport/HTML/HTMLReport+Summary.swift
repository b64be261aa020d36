import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// The advice that says a report's numbers may not mean what they seem
  /// (labels renamed, one gold class, a cut-off tuned on the file, scores
  /// of the other class): the summary names it beside the verdict.
  static let undermineNumbers: Set<AdviceRule> = [
    .renamedLabels, .singleGoldClass, .thresholdTunedOnEvaluatedFile, .invertedScores,
  ]

  /// Verdict, key facts, headline metrics with baselines, class balance.
  func summarySection() -> String {
    var html = ""
    let reference = model.reference
    let verdicts = verdictSentences()
    let checks = model.advice.filter { Self.undermineNumbers.contains($0.rule) }
    if !verdicts.isEmpty || !checks.isEmpty {
      html += "<div class=\"verdict\" role=\"note\">"
      for sentence in verdicts { html += "<p>\(HTMLText.content(sentence))</p>" }
      // A verdict read alone would be trusted: the advice that says the
      // numbers themselves are suspect is named beside it.
      for advice in checks {
        html +=
          "<p><strong>Check first:</strong> "
          + HTMLText.content((advice.modelHeading.map { "\($0): " } ?? "") + advice.title)
          + " (see <a href=\"#advice\">Advice</a>).</p>"
      }
      html += "</div>\n"
    }
    let rows = reference.perClass()
    // With sample weights the class balance the scores see is that of the
    // weight sums (supportWeight, which is the item count otherwise).
    let isWeighted = reference.isWeighted
    let occurring = rows.filter { $0.supportWeight > 0 }
    let largest = occurring.max { $0.supportWeight < $1.supportWeight }
    let smallest = occurring.min { $0.supportWeight < $1.supportWeight }
    var facts: [(String, String)] = [
      (DisplayNumber.count(reference.itemCount), "test items"),
      ("\(reference.labels.count)", labelCountFact()),
    ]
    if let largest, let smallest, isWeighted {
      let items = reference.confusionMatrix.goldTotals[
        reference.labels.firstIndex(of: smallest.label) ?? 0]
      facts.append(
        (
          DisplayNumber.ratio(largest.supportWeight / smallest.supportWeight) + "×",
          "largest / smallest class, by weight"
        ))
      facts.append(
        (
          DisplayNumber.weight(smallest.supportWeight),
          "weight of the smallest class, “\u{2068}\(HTMLText.truncated(smallest.label, to: 24))\u{2069}” "
            + "(\(DisplayNumber.count(items)) \(items == 1 ? "item" : "items"))"
        ))
    } else if let largest, let smallest {
      facts.append(
        (
          DisplayNumber.ratio(Double(largest.support) / Double(max(smallest.support, 1))) + "×",
          "largest / smallest class"
        ))
      facts.append(
        (
          DisplayNumber.count(smallest.support),
          "items in the smallest class, “\u{2068}\(HTMLText.truncated(smallest.label, to: 24))\u{2069}”"
        ))
    }
    let primary = reference.primaryMetric
    let cardNames = TextMetrics.distinctlyFitted(
      model.models.map(\.name), in: .infinity, fontSize: 12, characterLimit: 96)
    for (index, evaluation) in model.models.enumerated() where index < 3 {
      // With an experiment, a model's value is the mean of its runs.
      let experiment = model.experiment?.comparison
      let isInExperiment = experiment?.models.indices.contains(index) == true
      let mean = isInExperiment ? experiment?.models[index].interval.estimate : nil
      let runs = isInExperiment ? experiment?.counts.runCounts[index] ?? 1 : 1
      // A no-break space keeps the "·" with the model's name, which breaks
      // after its "-", "_" and "." (HTMLText.content), or anywhere when
      // it has none and is wider than the card. The whole name shows:
      // names cut short could read the same.
      facts.append(
        (
          DisplayNumber.score(mean ?? evaluation.metrics.value(of: primary)),
          "\(name(of: primary)) ·\u{00A0}\(cardNames[index])"
            + (runs > 1 ? ", mean of \(runs) runs" : "")
        ))
    }
    html += "<div class=\"facts\">"
    for (value, label) in facts {
      html +=
        "<div class=\"fact\"><span class=\"value\">\(HTMLText.content(value))</span>"
        + "<span class=\"label\">\(HTMLText.content(label))</span></div>"
    }
    html += "</div>\n"
    html += "<h3 id=\"headline-heading\">Headline metrics</h3>\n"
    html += firstRunNote(isAboutIntervals: true)
    html += headlineTable()
    html += "<p class=\"muted\">\(HTMLText.content(baselineExplanation))</p>\n"
    html += "<h3 id=\"balance-heading\">Class balance</h3>\n"
    html += classBalanceFigure()
    return html
  }

  /// One sentence per pair on the primary metric, such as
  /// “B beats A on macro-F1 by 0.031 [0.012, 0.049], p = 0.002,
  /// permutation test.”; with an experiment (several runs, groups or
  /// strata), its sentences instead.
  func verdictSentences() -> [String] {
    if let experiment = model.experiment { return experimentVerdicts(experiment) }
    let primary = model.reference.primaryMetric
    return model.differences(on: primary).map { verdict(for: $0) }
  }

  func verdict(for difference: ReportModel.Difference) -> String {
    let metric = name(of: difference.metric)
    let estimate = difference.estimate
    let first = model.models[difference.first].name
    let second = model.models[difference.second].name
    let digits = 3
    var statistics: [String] = []
    let p = decisionPValue(difference)
    let significanceLevel = model.comparison?.significanceLevel ?? 0.05
    let isSignificant =
      p.map { $0 < significanceLevel }
      ?? difference.statistics.map { !$0.difference.contains(0) }
    let better = estimate >= 0 ? second : first
    let worse = estimate >= 0 ? first : second
    var amount = DisplayNumber.score(abs(estimate), digits: digits)
    if let interval = difference.statistics?.difference {
      let oriented =
        estimate >= 0 ? interval.range : (-interval.upper)...(-interval.lower)
      amount += " " + DisplayNumber.interval(oriented, digits: digits)
    }
    if let p, let comparison = model.comparison {
      statistics.append(
        (model.models.count > 2 ? "\(comparison.options.adjustment.displayName)-adjusted " : "")
          + DisplayNumber.pValue(p))
      if let test = comparison.primaryTest { statistics.append(test.displayName) }
    }
    if p != nil, let comparison = model.comparison,
      let level = ModelComparison.significanceLevelPhrase(
        confidence: comparison.options.bootstrap.confidence)
    {
      statistics.append(level)
    }
    let tail = statistics.isEmpty ? "" : ", " + statistics.joined(separator: ", ")
    if estimate == 0 {
      return
        "\(second) and \(first) score the same on \(metric) (\(DisplayNumber.score(model.models[difference.first].metrics.value(of: difference.metric))))."
    }
    if let p, let comparison = model.comparison {
      // A resampled test that cannot reach p below α, or a bootstrap with
      // no spread, decides nothing: say so instead of "not significant".
      if let withheld = comparison.verdictFloors(on: difference.metric).verdictSentence {
        return "\(better) scores higher than \(worse) on \(metric) by \(amount)\(tail). " + withheld
      }
      if p.isNaN, difference.statistics?.bootstrap.hasNoSpread == true {
        return
          "\(better) scores higher than \(worse) on \(metric) by \(amount)\(tail). No verdict: every paired-bootstrap resample gives this same difference, so the bootstrap has no spread and gives no p-value."
      }
    }
    // Only when a test decided: otherwise the interval is the verdict. An
    // interval of no width (a bootstrap with no spread) is not evidence.
    let disagreement = { (isSignificant: Bool) -> String in
      guard p != nil, let interval = difference.statistics?.difference,
        difference.statistics?.bootstrap.hasNoSpread != true
      else { return "" }
      return ModelComparison.disagreementSentence(
        interval: interval, isSignificant: isSignificant, isAdjusted: self.model.models.count > 2)
    }
    switch isSignificant {
    case true?:
      return "\(better) beats \(worse) on \(metric) by \(amount)\(tail)." + disagreement(true)
    case false?:
      return
        "\(better) scores higher than \(worse) on \(metric) by \(amount)\(tail): not a significant difference."
        + disagreement(false)
    case nil:
      return
        "\(better) scores higher than \(worse) on \(metric) by \(amount); no significance test was run."
    }
  }

  /// Metrics down, models and baselines across, each interval under its
  /// value, so that the table stays narrow with several models.
  func headlineTable() -> String {
    let hasIntervals = model.models.contains { !$0.intervals.isEmpty }
    var columns: [(title: String, isNumeric: Bool)] = [("Metric", false)]
    for evaluation in model.models { columns.append((evaluation.name, true)) }
    for baseline in model.baselines {
      columns.append(
        (
          baseline.strategy == .majorityClass ? "Majority-class baseline" : "Stratified baseline",
          true
        ))
    }
    let subject =
      model.experiment?.hasSeveralRuns == true ? "the first run of each model" : "each model"
    var table = HTMLTable(
      caption: "Headline metrics of \(subject)"
        + (hasIntervals
          ? " with 95% bootstrap intervals (under each value)"
            + (hasExperiment ? " that resample items one by one" : "") : "")
        + ", and of two no-skill baselines on the same gold labels."
        + (model.models.count > 1 ? " ★ marks the best model per metric." : ""),
      columns: columns)
    table.className = "headline"
    var hasDegenerate = false
    for metric in headlineMetrics {
      var cells: [HTMLTable.Cell] = [.header(name(of: metric))]
      let values = model.models.map { $0.metrics.value(of: metric) }
      let best = values.filter(\.isFinite).max()
      for (evaluation, value) in zip(model.models, values) {
        let isBest =
          model.models.count > 1 && value == best && values.filter { $0 == best }.count == 1
        let interval = hasIntervals ? intervalCell(evaluation.interval(of: metric)) : nil
        hasDegenerate = hasDegenerate || interval?.isDegenerate == true
        cells.append(
          .number(
            DisplayNumber.score(value), className: isBest ? "best" : nil, detail: interval?.text,
            detailClassName: interval?.className))
      }
      for baseline in model.baselines {
        cells.append(.number(DisplayNumber.score(baseline.value(of: metric)), className: "muted"))
      }
      table.append(cells)
    }
    return table.render() + (hasDegenerate ? degenerateNote : "")
  }

  /// An interval as a table cell shows it: `[0.791, 0.883]`, or marked
  /// when it is degenerate.
  func intervalCell(_ interval: ConfidenceInterval?) -> (
    text: String, className: String?, isDegenerate: Bool
  ) {
    guard let interval else { return ("—", nil, false) }
    let text = DisplayNumber.interval(interval, digits: 3)
    if interval.isDegenerate { return (text + " degenerate ⚠", "degenerate", true) }
    return (text, nil, false)
  }

  /// What a degenerate interval means, under a table that has one.
  var degenerateNote: String {
    "<p class=\"muted note\"><span class=\"degenerate\">⚠ degenerate</span>: the interval has no width "
      + "because every resample gave the same value (for example a class that is never predicted, "
      + "whose F1 is 0 in every resample). It shows that resampling cannot vary the score, not that "
      + "the score is certain.</p>\n"
  }

  /// How the baselines are computed, in one paragraph.
  var baselineExplanation: String {
    let methods = model.baselines.map {
      "\($0.strategy.displayName.prefix(1).uppercased() + $0.strategy.displayName.dropFirst()): \($0.method)"
    }
    return "Baselines are computed analytically from the gold class frequencies, not by sampling"
      + (model.reference.isWeighted
        ? "; with sample weights a class's frequency is its share of the total weight, as "
          + "scikit-learn's DummyClassifier has it when fitted with sample_weight. "
        : ". ")
      + methods.joined(separator: " ")
  }

  /// The support chart with its data table, for the shown classes, with
  /// the rest summarised in one row.
  func classBalanceFigure() -> String {
    let reference = model.reference
    let rows = reference.perClass()
    let shown = shownClasses
    // With sample weights every amount is a weight sum, as the scores count
    // them; the item counts get a column of their own.
    let isWeighted = reference.isWeighted
    let items = reference.confusionMatrix.goldTotals
    let predicted = model.models.map { evaluation in
      (name: evaluation.name, counts: Self.predictedCounts(evaluation.metrics))
    }
    let chart = SupportChart(
      id: "class-support", labels: shown.map { rows[$0].label },
      support: shown.map { rows[$0].supportWeight },
      predicted: predicted.map { model in (model.name, shown.map { model.counts[$0] }) },
      isWeighted: isWeighted)
    var columns: [(title: String, isNumeric: Bool)] =
      isWeighted
      ? [("Class", false), ("Gold weight", true), ("Share of weight", true), ("Gold items", true)]
      : [("Class", false), ("Gold items", true), ("Share", true)]
    for evaluation in model.models {
      columns.append(
        ((isWeighted ? "Weight predicted by " : "Predicted by ") + evaluation.name, true))
    }
    var table = HTMLTable(
      caption: isWeighted
        ? "Gold and predicted weight per class, with gold items"
        : "Gold and predicted items per class", columns: columns)
    let total = reference.evaluatedSupportWeight
    func amount(_ value: Double) -> String {
      SupportChart.amount(value, isWeighted: isWeighted)
    }
    func share(_ value: Double) -> String {
      DisplayNumber.percent(total > 0 ? value / total : 0)
    }
    for index in shown {
      let row = rows[index]
      var cells: [HTMLTable.Cell] = [
        .label(row.label), .number(amount(row.supportWeight)), .number(share(row.supportWeight)),
      ]
      if isWeighted { cells.append(.number(DisplayNumber.count(items[index]))) }
      for model in predicted { cells.append(.number(amount(model.counts[index]))) }
      table.append(cells)
    }
    let hidden = hiddenClasses
    if !hidden.isEmpty {
      let support = reference.supportWeight(ofClasses: hidden)
      var cells: [HTMLTable.Cell] = [
        .header("other \(hidden.count) classes"), .number(amount(support)),
        .number(share(support)),
      ]
      if isWeighted {
        cells.append(.number(DisplayNumber.count(hidden.reduce(0) { $0 + items[$1] })))
      }
      for model in predicted {
        cells.append(.number(amount(hidden.reduce(0) { $0 + model.counts[$1] })))
      }
      table.append(cells, className: "summary-row")
    }
    let caption =
      (isWeighted
        ? "Gold weight per class (grey), and how much weight each model predicts as the class (coloured); "
          + "the scores count weight, as scikit-learn's sample_weight. "
        : "Gold items per class (grey), and how often each model predicts the class (coloured). ")
      + "A hollow mark instead of a coloured bar: the model never predicts the class."
    return figure(chart.responsiveMarkup(), caption: caption, table: table.render())
  }

  /// How many items a model predicts as each evaluated label: the column
  /// sums of its confusion matrix, or of its weight sums with sample
  /// weights.
  static func predictedCounts(_ metrics: ClassificationMetrics) -> [Double] {
    let totals = metrics.predictedWeights
    return metrics.labels.indices.map { totals[$0] }
  }

  /// The words beside the label count: the first runs' labels, and, when
  /// later runs predict labels the first runs do not have, how many the
  /// run means average over, so the count does not contradict the means
  /// shown beside it.
  private func labelCountFact() -> String {
    let reference = model.reference
    let kind = reference.problem == .binary ? "labels (binary)" : "labels (multiclass)"
    guard let experiment = model.experiment else { return kind }
    let scored = min(
      experiment.comparison.scope.evaluatedClassCount, experiment.description.labels.count)
    guard scored > reference.labels.count else { return kind }
    return kind + " in the first runs; the means of runs average over \(scored)"
  }
}
