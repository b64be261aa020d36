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
      ? "Each model's \(HTMLText.escape(metric)) is the mean of its training runs' values. Its \(level) interval, and each difference's, come from a two-level bootstrap: each resample draws every model's runs with replacement, then a test set shared by every run. Because every run scores the same test items, that counts each run's item-level noise more than once, so the resamples are moved onto a corrected variance (the spread between runs less their item-level noise, plus the test-set variance) with Student's t for the few runs. "
      : "Each model has one run, so its \(HTMLText.escape(metric)) is that run's value; the \(level) intervals come from a paired bootstrap of the test set. "
    switch comparison.design {
    case .items:
      html += "Test sets are drawn item by item. "
    case .stratifiedByGold:
      html +=
        "Test sets are drawn within each gold class, so every class keeps its item count (<code>--stratify gold</code>). "
    case .groups:
      html +=
        "Test sets are drawn as whole groups: \(DisplayNumber.count(counts.itemCount)) items in <strong>\(DisplayNumber.count(counts.groupCount)) groups</strong>"
        + (experiment.groupColumn.map { " of the column “\(HTMLText.escape($0))”" } ?? "")
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
      plot.render(),
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
    guard !comparison.pairs.isEmpty else { return html + notes(comparison, names: names) }
    let hasPermutation = comparison.pairs.contains { $0.groupPermutation != nil }
    let hasClusteredMcNemar = comparison.pairs.contains { $0.clusteredMcNemar != nil }
    let hasASO = comparison.pairs.contains { $0.almostStochasticOrder != nil }
    let shares = comparison.pairs.map { comparison.seedShare(of: $0) }
    let hasShares = shares.contains { $0 != nil }
    var differenceColumns: [(title: String, isNumeric: Bool)] = [
      ("Pair (B − A)", false), ("Difference", true), ("\(level) interval", true),
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
        + "A large seed share means more runs per model, not more test items, would narrow the interval.</p>\n"
    }
    if hasASO {
      html +=
        "<p><strong>Almost Stochastic Order</strong> (Dror et al. 2019) compares the runs: ε_min is for the claim “B is better than A”; below 0.5 B is almost stochastically dominant, and 0.2 is the stricter threshold deepsig recommends.</p>\n"
    }
    return html + notes(comparison, names: names)
  }

  private func notes(_ comparison: ExperimentComparison, names: [String]) -> String {
    let notes = comparison.cautions(names: names) + comparison.notes
    guard !notes.isEmpty else { return "" }
    return "<ul class=\"evidence\">"
      + notes.map { "<li>\(HTMLText.escape(ExperimentWording.sentence($0, names: names)))</li>" }
      .joined() + "</ul>\n"
  }

  /// A width ratio for people: `1.84×`.
  static func times(_ ratio: Double) -> String { DisplayNumber.score(ratio, digits: 2) + "×" }
}
