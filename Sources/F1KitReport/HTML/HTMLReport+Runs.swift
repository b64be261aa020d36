import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// The runs-and-groups section: each model's mean over its runs with a
  /// dot per run, a runs table (mean, sd, min, max), each pair's difference
  /// with its tests, how much of its variance comes from seeds and how
  /// much from test items, and, for grouped items, how much wider the
  /// intervals are than item-level ones.
  func runsSection() -> String {
    guard let experiment = model.experiment else { return "" }
    let comparison = experiment.comparison
    let names = experiment.description.names
    let counts = comparison.counts
    let level = DisplayNumber.percent(comparison.options.confidence, digits: 0)
    let metric = name(of: comparison.metric)
    let widening = comparison.groupWidening
    var html = "<p>"
    html +=
      experiment.hasSeveralRuns
      ? "Each model's \(HTMLText.content(metric)) is the mean of its training runs' values. Its \(level) interval, and each difference's, come from a two-level bootstrap: each resample draws every model's runs with replacement, then a test set shared by every run. Because every run scores the same test items, that counts each run's item-level noise more than once, so the resamples are moved onto a corrected variance (the spread between runs less their item-level noise, plus the test-set variance) with Student's t for the few runs. "
      : "Each model has one run, so its \(HTMLText.content(metric)) is that run's value; the \(level) intervals come from a paired bootstrap of the test set. "
    switch comparison.design {
    case .items:
      html += "Test sets are drawn item by item. "
    case .stratifiedByGold:
      html +=
        "Test sets are drawn within each gold class, so every class keeps its item count (<code>--stratify gold</code>). "
    case .groups:
      html +=
        "Test sets are drawn as whole groups: \(DisplayNumber.count(counts.itemCount)) items in <strong>\(DisplayNumber.count(counts.groupCount)) groups</strong>"
        + (experiment.groupColumn.map { " of the column “\(HTMLText.content($0))”" } ?? "")
        + ", so the intervals are by group. "
    }
    html +=
      "\(DisplayNumber.count(comparison.options.resamples)) resamples, seed \(experiment.description.seed).</p>\n"
    html +=
      "<p class=\"evidence\">The Summary's verdict comes from this section. The other sections of this report show each model's first run, with intervals that resample items one by one"
      + (comparison.design == .groups
        ? ", which ignore the groups and are too narrow: quote the intervals of this section."
        : ".")
      + "</p>\n"

    // Forest plot: mean, interval and one dot per run.
    let rows = comparison.models.indices.map { index in
      let model = comparison.models[index]
      return RunsForestPlot.Row(
        label: names[index], mean: model.interval.estimate,
        interval: model.interval.lower.isFinite && model.interval.upper.isFinite
          ? model.interval.lower...model.interval.upper : nil,
        runs: model.runValues,
        annotation:
          "\(DisplayNumber.score(model.interval.estimate)) \(DisplayNumber.interval(model.interval))",
        colorIndex: index)
    }
    let plot = RunsForestPlot(
      id: "runs-forest", title: "\(metric): each model's runs and their mean",
      axisTitle: metric, rows: rows)
    var data = HTMLTable(columns: [("Model", false), ("Run", false), (metric, true)])
    for (index, model) in comparison.models.enumerated() {
      for (run, value) in model.runValues.enumerated() {
        let file = experiment.description.runFiles[index][run]
        data.append([
          .label(names[index]), .text("\(run + 1): \(file)"),
          .number(DisplayNumber.score(value)),
        ])
      }
    }
    html += figure(
      plot.responsiveMarkup(),
      caption:
        "Diamonds: each model's mean with its \(level) interval; hollow dots: its runs.",
      table: data.render())

    // Runs table.
    var columns: [(title: String, isNumeric: Bool)] = [
      ("Model", false), ("Runs", true), ("Mean", true), ("SD", true), ("Min", true),
      ("Max", true), ("\(level) interval", true),
    ]
    if widening != nil { columns += [("Item-level interval", true), ("Width ratio", true)] }
    var runsTable = HTMLTable(
      caption: "\(metric) per model: the runs' mean, standard deviation, minimum and maximum",
      columns: columns)
    for (index, model) in comparison.models.enumerated() {
      let values = model.runValues
      let mean = values.reduce(0, +) / Double(values.count)
      let deviation =
        values.count > 1
        ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1))
          .squareRoot() : Double.nan
      var cells: [HTMLTable.Cell] = [
        .label(names[index]), .number(DisplayNumber.count(values.count)),
        .number(DisplayNumber.score(mean)),
        .number(deviation.isNaN ? "—" : DisplayNumber.score(deviation)),
        .number(DisplayNumber.score(values.min() ?? .nan)),
        .number(DisplayNumber.score(values.max() ?? .nan)),
        .number(DisplayNumber.interval(model.interval)),
      ]
      if let widening {
        cells += [
          .number(DisplayNumber.interval(widening.itemLevelModels[index])),
          .number(widening.modelRatios[index].map(Self.times) ?? "—"),
        ]
      }
      runsTable.append(cells)
    }
    html += runsTable.render()

    // Differences.
    guard !comparison.pairs.isEmpty else { return html + notes(experiment) }
    let hasPermutation = comparison.pairs.contains { $0.groupPermutation != nil }
    let hasClusteredMcNemar = comparison.pairs.contains { $0.clusteredMcNemar != nil }
    let hasASO = comparison.pairs.contains { $0.almostStochasticOrder != nil }
    let shares = comparison.pairs.map { comparison.seedShare(of: $0) }
    let hasShares = shares.contains { $0 != nil }
    let widenings = comparison.pairs.map { comparison.fewRunsWidening(of: $0) }
    let hasWidenings = widenings.contains { $0 != nil }
    var differenceColumns: [(title: String, isNumeric: Bool)] = [
      // Each row names its pair, second model first, as the caption says;
      // fixed letters would contradict names given in another order.
      ("Pair", false), ("Difference", true), ("\(level) interval", true),
      // With several pairs the Summary quotes adjusted p-values; these are
      // each pair's own.
      (comparison.pairs.count > 1 ? "Paired bootstrap p (unadjusted)" : "Paired bootstrap p", true),
    ]
    if hasPermutation {
      differenceColumns.append(
        (
          comparison.pairs.count > 1 ? "Group permutation p (unadjusted)" : "Group permutation p",
          true
        ))
    }
    if hasClusteredMcNemar { differenceColumns.append(("Clustered McNemar p", true)) }
    if hasASO { differenceColumns.append(("ASO ε_min", true)) }
    if hasShares {
      differenceColumns += [
        ("From seeds", true),
        (comparison.design == .groups ? "From test groups" : "From test items", true),
      ]
    }
    if hasWidenings { differenceColumns.append(("Few-runs widening", true)) }
    if widening != nil {
      differenceColumns += [("Item-level interval", true), ("Width ratio", true)]
    }
    var differences = HTMLTable(
      caption: "Differences in \(metric), second model minus first", columns: differenceColumns)
    for (index, pair) in comparison.pairs.enumerated() {
      var cells: [HTMLTable.Cell] = [
        .label("\(names[pair.second]) − \(names[pair.first])"),
        .number(DisplayNumber.signed(pair.difference.estimate)),
        .number(DisplayNumber.interval(pair.difference)),
        .number(DisplayNumber.pValue(pair.bootstrapPValue)),
      ]
      if hasPermutation {
        cells.append(.number(pair.groupPermutation.map { DisplayNumber.pValue($0.pValue) } ?? "—"))
      }
      if hasClusteredMcNemar {
        cells.append(.number(pair.clusteredMcNemar.map { DisplayNumber.pValue($0.pValue) } ?? "—"))
      }
      if hasASO {
        cells.append(
          .number(
            pair.almostStochasticOrder.map { DisplayNumber.score($0.epsilonMinimum, digits: 3) }
              ?? "—"))
      }
      if hasShares {
        cells += [
          .number(shares[index].map { DisplayNumber.percent($0, digits: 0) } ?? "—"),
          .number(shares[index].map { DisplayNumber.percent(1 - $0, digits: 0) } ?? "—"),
        ]
      }
      if hasWidenings {
        cells.append(
          .number(
            widenings[index].map {
              "\(Self.times($0.ratio)) (t, \(DisplayNumber.score($0.degreesOfFreedom, digits: 1)) df)"
            } ?? "—"))
      }
      if let widening {
        cells += [
          .number(DisplayNumber.interval(widening.itemLevelDifferences[index])),
          .number(widening.differenceRatios[index].map(Self.times) ?? "—"),
        ]
      }
      differences.append(cells)
    }
    html += differences.render()
    if hasShares {
      html +=
        "<p><strong>Where the variance comes from.</strong> The corrected variance has two parts. “From seeds” is the spread of each model's run values less the item-level noise each run carries (measured with only the test "
        + (comparison.design == .groups ? "groups" : "items")
        + " resampled, every run kept), at least zero; “From test \(comparison.design == .groups ? "groups" : "items")” is the variance of the difference with only the test "
        + (comparison.design == .groups ? "groups" : "items")
        + " resampled. The two add up to the interval's variance. "
        + "A large seed share means more runs per model, not more test items, would narrow the interval."
        + (hasWidenings
          ? " “Few-runs widening” is how many times as wide the interval is as normal quantiles would make it at the "
            + "same variance: with few runs the seed part rests on a handful of values, so the interval takes Student's t "
            + "at the Welch–Satterthwaite degrees of freedom (df), which can be small even when the seed share is 0."
          : "") + "</p>\n"
    }
    if hasASO {
      html += Self.almostStochasticOrderParagraph(comparison, names: names)
    }
    return html + notes(experiment)
  }

  private func notes(_ experiment: ExperimentReport) -> String {
    let comparison = experiment.comparison
    let names = experiment.description.names
    let notes =
      comparison.floorCautions(experiment.description) + comparison.cautions(names: names)
      + comparison.almostStochasticOrderCautions(names: names)
      + comparison.outsideGoldCautions(experiment.description)
      + [
        labelSetNote(experiment), comparison.smallStrataNote(labels: experiment.description.labels),
      ].compactMap(\.self) + comparison.notes
    guard !notes.isEmpty else { return "" }
    return "<ul class=\"evidence\">"
      + notes.map { "<li>\(HTMLText.content(ExperimentWording.sentence($0, names: names)))</li>" }
      .joined() + "</ul>\n"
  }

  /// The sentence that says why the other sections' macro average of a
  /// model differs from this section's: the experiment scores every run
  /// over the labels of all runs, the other sections each model's first
  /// run over the first runs' labels, so a label only a later run
  /// predicts is a class here and not there. `nil` when the label sets
  /// agree or the metric is not a macro average.
  ///
  /// - Parameter experiment: The experiment.
  /// - Returns: The sentence, naming the labels and the first model whose
  ///   first run scores differently, with both values.
  func labelSetNote(_ experiment: ExperimentReport) -> String? {
    let comparison = experiment.comparison
    let metric = comparison.metric
    let labels = experiment.description.labels.prefix(comparison.scope.evaluatedClassCount)
    let firstRunLabels = Set(model.reference.labels)
    let extra = labels.filter { !firstRunLabels.contains($0) }
    guard metric.isMacroAverage, !extra.isEmpty else { return nil }
    let names = experiment.description.names
    let shown =
      extra.prefix(3).map { "“\($0)”" } + (extra.count > 3 ? ["\(extra.count - 3) more"] : [])
    let listed =
      shown.count == 1
      ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
    var sentence =
      "The other sections score each model's first run over the \(DisplayNumber.count(firstRunLabels.count)) labels of the first runs, without \(listed), which only later runs predict, so their \(name(of: metric)) differs from this section's"
    let differing = comparison.models.indices.first { index in
      index < model.models.count && index < names.count
        && !comparison.models[index].runValues.isEmpty
        && abs(
          model.models[index].metrics.value(of: metric) - comparison.models[index].runValues[0])
          > 1e-12
    }
    if let index = differing {
      sentence +=
        ": \(names[index])'s first run (\(experiment.description.runFiles[index][0])) has \(DisplayNumber.score(model.models[index].metrics.value(of: metric))) there and \(DisplayNumber.score(comparison.models[index].runValues[0])) here"
    }
    return sentence + "."
  }

  /// The paragraph that says what the Differences table's ε_min claims,
  /// in the pair's own names: with one pair, “A is better than B” for the
  /// row “A − B”, whatever order the models were given in.
  ///
  /// - Parameters:
  ///   - comparison: The experiment, with at least one pair that has
  ///     Almost Stochastic Order.
  ///   - names: Each model's name.
  /// - Returns: The paragraph's HTML.
  static func almostStochasticOrderParagraph(_ comparison: ExperimentComparison, names: [String])
    -> String
  {
    let pairs = comparison.pairs.filter { $0.almostStochasticOrder != nil }
    let claim: String
    if pairs.count == 1, let pair = pairs.first {
      let second = HTMLText.content(names[pair.second])
      let first = HTMLText.content(names[pair.first])
      claim =
        "ε_min is for the claim “\(second) is better than \(first)”; below 0.5 \(second) is almost stochastically dominant"
    } else {
      claim =
        "in each row “X − Y”, ε_min is for the claim “X is better than Y”; below 0.5 X is almost stochastically dominant"
    }
    return
      "<p><strong>Almost Stochastic Order</strong> (Dror et al. 2019) compares the runs: \(claim), and 0.2 is the stricter threshold deepsig recommends.</p>\n"
  }

  /// A width ratio for people: `1.84×`.
  static func times(_ ratio: Double) -> String { DisplayNumber.score(ratio, digits: 2) + "×" }
}
