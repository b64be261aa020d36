import F1Kit
import F1KitAdvice
import F1KitStatistics

extension ResultTable {
  /// The tables of an experiment: models with several training runs,
  /// grouped items or strata.
  ///
  /// The first table has one row per model: its number of runs, the mean
  /// of its runs' values with the interval of the two-level bootstrap (runs,
  /// then items or groups), the standard deviation over runs when a model
  /// has several, its difference from the baseline (the first model) and
  /// the p-value of the comparison's verdict test against the baseline
  /// (the group permutation test when it ran, otherwise the paired
  /// bootstrap). With more than
  /// two models a second table lists every pair, with p-values adjusted
  /// over all pairs, as `f1kit compare` adjusts them.
  ///
  /// The caption says how the numbers were made: the interval method, the
  /// resamples and seed, what was resampled (runs, items, whole groups and
  /// how many, or items within each gold class), the test and the
  /// adjustment, and defines the significance marks. The statements name
  /// the runs and the groups.
  ///
  /// Every number is the experiment engine's, so the tables agree with
  /// `f1kit compare --format json` to the digits shown.
  ///
  /// - Parameters:
  ///   - comparison: The experiment's comparison.
  ///   - description: The models' names and run files, the seed and the
  ///     adjustment.
  ///   - groupColumn: The column that named each item's group, if any.
  ///   - digits: Decimal places of scores and differences; 3 by default.
  /// - Returns: The tables, each with its caption and statements.
  public static func experimentTables(
    _ comparison: ExperimentComparison, description: ExperimentComparison.Description,
    groupColumn: String? = nil, digits: Int = 3
  ) -> [ResultTable] {
    let wording = ExperimentWording(
      comparison: comparison, description: description, groupColumn: groupColumn,
      digits: digits)
    let names = description.names
    let hasSeveralRuns = wording.hasSeveralRuns
    var header = ["Model", "Runs", "\(wording.metricTitle) [\(wording.confidence) CI]"]
    if hasSeveralRuns { header.append("SD over runs") }
    header += ["Δ [\(wording.confidence) CI]", wording.pHeader]
    var rows: [[String]] = []
    for (index, model) in comparison.models.enumerated() {
      var row = [
        names[index], "\(model.runValues.count)",
        wording.valueWithInterval(model.interval.estimate, model.interval),
      ]
      if hasSeveralRuns {
        row.append(
          model.runValues.count > 1
            ? wording.number(ExperimentWording.standardDeviation(model.runValues)) : "—")
      }
      if index == 0 {
        row += ["—", "—"]
      } else if let position = comparison.pairs.firstIndex(where: {
        $0.first == 0 && $0.second == index
      }) {
        let pair = comparison.pairs[position]
        row.append(wording.valueWithInterval(pair.difference.estimate, pair.difference))
        row.append(wording.pCell(at: position))
      }
      rows.append(row)
    }
    var tables = [
      ResultTable(
        caption: wording.caption(
          subject:
            "\(wording.subjectTitle) of each model on the same \(DisplayNumber.count(comparison.counts.itemCount)) test items",
          differences: "Δ is each model minus the baseline \(names[0])"),
        label: "f1kit-experiment", header: header, rows: rows,
        statements: comparison.models.count == 2
          ? comparison.pairs.indices.map(wording.statement) : [])
    ]
    if comparison.models.count > 2 {
      let pairRows = comparison.pairs.enumerated().map { position, pair in
        [
          "\(names[pair.second]) − \(names[pair.first])",
          wording.valueWithInterval(pair.difference.estimate, pair.difference),
          wording.pCell(at: position),
        ]
      }
      tables.append(
        ResultTable(
          caption: wording.caption(
            subject:
              "Every pair of models compared on \(wording.metricName) over the same \(DisplayNumber.count(comparison.counts.itemCount)) test items",
            differences: "Δ is the second model minus the first"),
          label: "f1kit-experiment-pairs",
          header: ["Comparison", "Δ [\(wording.confidence) CI]", wording.pHeader],
          rows: pairRows, statements: comparison.pairs.indices.map(wording.statement)))
    }
    return tables
  }
}

/// How the paper tables of an experiment word their numbers.
struct ExperimentWording {
  let comparison: ExperimentComparison
  let description: ExperimentComparison.Description
  let groupColumn: String?
  let digits: Int
  /// The p-values the tables show, of the comparison's verdict test: raw
  /// for two models, adjusted over all pairs for more.
  let pValues: [Double]

  init(
    comparison: ExperimentComparison, description: ExperimentComparison.Description,
    groupColumn: String?, digits: Int
  ) {
    self.comparison = comparison
    self.description = description
    self.groupColumn = groupColumn
    self.digits = digits
    pValues = comparison.decisionPValues(adjustedBy: description.adjustment)
  }

  /// Whether the p-values are the group permutation test's.
  var isPermutation: Bool { comparison.verdictTest == .permutation }

  var isAdjusted: Bool { comparison.models.count > 2 }
  var hasSeveralRuns: Bool { comparison.counts.runCounts.contains { $0 > 1 } }
  var interval: ConfidenceInterval? { comparison.models.first?.interval }
  var confidence: String { ComparisonWording.percent(interval?.confidence ?? 0.95) }
  var methodName: String { ComparisonWording.methodName(interval?.method ?? .percentile) }
  var resamples: Int { interval?.resamples ?? 0 }
  var metricName: String {
    comparison.metric.displayName
      + ComparisonWording.positiveClause(description.positiveLabel, for: comparison.metric)
  }
  var metricTitle: String { ResultTable.title(comparison.metric) }
  var subjectTitle: String {
    metricTitle
      + ComparisonWording.positivePhrase(description.positiveLabel, for: comparison.metric)
  }
  var adjustmentName: String { description.adjustment.displayName }
  var pHeader: String { isAdjusted ? "p (\(adjustmentName))" : "p" }

  func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }

  func valueWithInterval(_ value: Double, _ interval: ConfidenceInterval) -> String {
    "\(number(value)) [\(number(interval.lower)), \(number(interval.upper))]"
  }

  func pCell(at position: Int) -> String {
    let p = pValues[position]
    let text = p.isNaN ? "undefined" : p < 0.001 ? "< 0.001" : DisplayNumber.score(p, digits: 3)
    return text + ComparisonWording.marks(p)
  }

  /// What a resample draws: "runs, then items", "runs, then whole groups
  /// of items", …
  var resampled: String {
    let units = Self.units(
      of: comparison.design, groupCount: comparison.counts.groupCount, groupColumn: groupColumn)
    return hasSeveralRuns ? "each model's runs, then \(units)" : units
  }

  /// What a design's resample draws from the test set, as the captions
  /// say it: "items", "items within each gold class (class counts
  /// fixed)" or "whole groups of items (40 groups by query)".
  ///
  /// - Parameters:
  ///   - design: The resampling design.
  ///   - groupCount: The number of groups, under `ResamplingDesign.groups`.
  ///   - groupColumn: The column that named each item's group, if known.
  /// - Returns: The phrase.
  static func units(of design: ResamplingDesign, groupCount: Int?, groupColumn: String?)
    -> String
  {
    switch design {
    case .items: return "items"
    case .stratifiedByGold: return "items within each gold class (class counts fixed)"
    case .groups:
      let column = groupColumn.map { " by \($0)" } ?? ""
      return "whole groups of items (\(DisplayNumber.count(groupCount ?? 0)) groups\(column))"
    }
  }

  /// "fast 5 runs, slow 3 runs" or "5 runs per model".
  var runsPhrase: String {
    let runs = comparison.counts.runCounts
    if runs.allSatisfy({ $0 == runs[0] }) {
      return "\(runs[0]) run\(runs[0] == 1 ? "" : "s") per model"
    }
    return zip(description.names, runs).map { "\($0) \($1) run\($1 == 1 ? "" : "s")" }
      .joined(separator: ", ")
  }

  func caption(subject: String, differences: String) -> String {
    let resampleCount = DisplayNumber.count(resamples)
    var text = subject
    text +=
      hasSeveralRuns
      ? ": the mean over each model's training runs (\(runsPhrase)), "
      : ", "
    text +=
      "with \(confidence) \(methodName) bootstrap intervals (\(resampleCount) resamples, seed \(description.seed)) that resample \(resampled)"
      + (hasSeveralRuns
        ? ", corrected so that each run's item-level noise counts once, with Student's t for the runs. "
        : ". ")
    text +=
      "\(differences), with its \(confidence) \(methodName) interval from the same paired bootstrap. "
    text +=
      isPermutation
      ? "p is the two-sided group permutation test (the two models' predictions swapped on whole groups, \(resampleCount) resamples)"
      : "p is the two-sided paired bootstrap test (\(comparison.resamplingPhrase()), \(resampleCount) resamples)"
    text +=
      isAdjusted
      ? ", \(adjustmentName)-adjusted over all \(comparison.pairs.count) pairs. "
      : " against the baseline. "
    text += ComparisonWording.marksDefinition(confidence: interval?.confidence ?? 0.95)
    if comparison.design == .groups, let balance = comparison.counts.groupBalance, balance.isFew {
      text +=
        balance.isUnequal
        ? " The \(DisplayNumber.count(balance.groupCount)) groups are unequal (\(balance.largestGroupPhrase)) and weigh as about \(balance.effectiveGroupCountText) equal groups: with fewer than about \(ExperimentComparison.fewGroups) effective groups these intervals can be too narrow."
        : " With fewer than about \(ExperimentComparison.fewGroups) groups these intervals can be too narrow."
    }
    // The cautions compare prints as notes (a model with one run beside
    // models with several, interval ends cut at the metric's range) belong
    // with the table that shows those intervals.
    let cautions =
      comparison.floorCautions(description) + comparison.cautions(names: description.names)
      + comparison.almostStochasticOrderCautions(names: description.names)
      + [comparison.smallStrataNote(labels: description.labels)].compactMap(\.self)
    for caution in cautions {
      text += " " + Self.sentence(caution, names: description.names)
    }
    if comparison.metric.isMacroAverage,
      let sentence = ComparisonWording.outsideGoldSentence(
        comparison.labelsOutsideGold(labels: description.labels), names: description.names)
    {
      text += " " + sentence
    }
    return text
  }

  /// A note or caution as a sentence: a capital first letter, unless it
  /// starts with a model's name, which keeps its case ("one has one run").
  ///
  /// - Parameters:
  ///   - note: The note, as ``ExperimentComparison`` words it.
  ///   - names: The models' names.
  /// - Returns: The sentence.
  static func sentence(_ note: String, names: [String]) -> String {
    names.contains { !$0.isEmpty && note.hasPrefix($0) }
      ? note : note.prefix(1).uppercased() + note.dropFirst()
  }

  /// One sentence per pair: both means, the runs, the difference with its
  /// interval, the test with its p-value, the resamples, the seed, the
  /// groups, and Almost Stochastic Order when every model has several runs;
  /// then, when the interval and the test disagree on significance, the
  /// sentence `compare`'s verdict ends with.
  func statement(_ position: Int) -> String {
    let pair = comparison.pairs[position]
    let names = description.names
    let first = (name: names[pair.first], value: comparison.models[pair.first].interval.estimate)
    let second = (
      name: names[pair.second], value: comparison.models[pair.second].interval.estimate
    )
    let difference = pair.difference
    let p = pValues[position]
    let isSignificant = p < BootstrapOptions.significanceLevel(confidence: difference.confidence)
    // The runs behind each mean, in the order the means are written.
    func means(_ shown: [Int]) -> String {
      let runs = comparison.counts.runCounts
      guard hasSeveralRuns else { return "" }
      if runs[shown[0]] == runs[shown[1]] { return "; means of \(runs[shown[0]]) runs each" }
      return "; means of \(runs[shown[0]]) and \(runs[shown[1]]) runs"
    }
    let test =
      "\(isAdjusted ? "\(adjustmentName)-adjusted " : "")\(hasSeveralRuns ? "two-level " : "")\(isPermutation ? "group-permutation" : "paired-bootstrap") \(pText(p))"
      + ComparisonWording.levelNote(confidence: difference.confidence)
    var design = ""
    switch comparison.design {
    case .items: break
    case .stratifiedByGold: design = ", stratified by gold class"
    case .groups:
      design = ", \(DisplayNumber.count(comparison.counts.groupCount)) groups resampled whole"
    }
    var tail =
      ", \(test), \(DisplayNumber.count(resamples)) resamples\(design), seed \(description.seed)"
    if let aso = pair.almostStochasticOrder {
      // ε_min is for one claim, the second model better than the first;
      // the sentence may name the first as the winner, so the claim is
      // written out rather than left to the reader's guess.
      tail +=
        "; ASO ε_min = \(DisplayNumber.score(aso.epsilonMinimum, digits: 2)) for “\(second.name) is better than \(first.name)”"
    }
    tail += ")."
    if !isPermutation, comparison.hasNoSpread(pair) {
      return
        "\(second.name) − \(first.name) on \(metricName) is \(number(difference.estimate)) (\(number(second.value)) vs \(number(first.value))\(means([pair.second, pair.first])); \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
        + tail.dropLast()
        + "; every bootstrap resample gives this difference, so the bootstrap has no spread and no p-value, and significance is not assessed."
    }
    if !p.isNaN,
      let reason = comparison.verdictFloors(adjustment: description.adjustment).withheldReason
    {
      return
        "\(second.name) − \(first.name) on \(metricName) is \(number(difference.estimate)) (\(number(second.value)) vs \(number(first.value))\(means([pair.second, pair.first])); \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
        + tail.dropLast() + "; " + reason + "."
    }
    // As `compare`'s verdict does, the statement says when its interval
    // and its test disagree.
    func disagreement(isSignificant: Bool) -> String {
      guard !p.isNaN else { return "" }
      return ModelComparison.disagreementSentence(
        interval: difference, isSignificant: isSignificant, isAdjusted: isAdjusted)
    }
    if isSignificant && difference.estimate != 0 && !difference.estimate.isNaN {
      let secondWins = difference.estimate > 0
      let (winner, loser) = secondWins ? (second, first) : (first, second)
      let (low, high) =
        secondWins ? (difference.lower, difference.upper) : (-difference.upper, -difference.lower)
      return
        "\(winner.name) outperforms \(loser.name) on \(metricName) (\(number(winner.value)) vs \(number(loser.value))\(means(secondWins ? [pair.second, pair.first] : [pair.first, pair.second])); difference \(number(abs(difference.estimate))), \(confidence) \(methodName) CI [\(number(low)), \(number(high))]"
        + tail
        + disagreement(isSignificant: true)
    }
    return
      "\(second.name) and \(first.name) do not differ significantly on \(metricName) (\(number(second.value)) vs \(number(first.value))\(means([pair.second, pair.first])); difference \(number(difference.estimate)), \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
      + tail
      + disagreement(isSignificant: false)
  }

  func pText(_ p: Double) -> String {
    p.isNaN ? "p undefined" : p < 0.001 ? "p < 0.001" : "p = \(DisplayNumber.score(p, digits: 3))"
  }

  static func standardDeviation(_ values: [Double]) -> Double {
    guard values.count > 1 else { return .nan }
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
  }
}
