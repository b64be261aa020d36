import F1Kit
import F1KitAdvice
import F1KitStatistics

extension ResultTable {
  /// The tables of a comparison on a score metric (ROC-AUC, average
  /// precision, log loss, …): one row per model with its value and
  /// bootstrap interval, its difference from the baseline (the first
  /// model) and the headline test's p-value against the baseline; with more
  /// than two models, a second table with every pair and p-values adjusted
  /// over all pairs.
  ///
  /// The headline test is the one `f1kit compare` words its verdict with:
  /// the first of the comparison's tests with a defined p-value (the
  /// permutation test by default). For a lower-is-better metric the column
  /// title says so, and the statements call the model with the lower value
  /// the better one.
  ///
  /// - Parameters:
  ///   - comparison: The engine's score comparison.
  ///   - metric: One of the compared metrics; the headline metric by
  ///     default.
  ///   - digits: Decimal places of scores and differences; 3 by default.
  ///   - positiveLabel: The label whose scores were compared, for binary
  ///     scores; the caption and the statements name it.
  /// - Returns: The tables, each with its caption and statements.
  public static func scoreComparisonTables(
    _ comparison: ScoreComparison, metric: ScoreMetric? = nil, digits: Int = 3,
    positiveLabel: String? = nil
  ) -> [ResultTable] {
    let wording = ScoreWording(
      comparison: comparison, metric: metric ?? comparison.options.metrics[0], digits: digits,
      positiveLabel: positiveLabel)
    let pairs = wording.pairs
    let models = comparison.models
    let confidence = wording.confidence
    var header = [
      "Model", "\(wording.metricTitle) [\(confidence) CI]", "Δ [\(confidence) CI]",
    ]
    if wording.test != nil { header.append(wording.pHeader) }
    var rows: [[String]] = []
    for (index, model) in models.enumerated() {
      var row = [model.name, wording.valueCell(model)]
      if index == 0 {
        row += ["—"] + (wording.test == nil ? [] : ["—"])
      } else if let pair = pairs.first(where: { $0.first == 0 && $0.second == index }) {
        row.append(wording.valueWithInterval(pair.difference.estimate, pair.difference))
        if wording.test != nil { row.append(wording.pCell(pair)) }
      }
      rows.append(row)
    }
    var tables = [
      ResultTable(
        caption: wording.caption(
          subject:
            "\(wording.metricTitle)\(wording.positivePhrase) of each model's scores on the same \(DisplayNumber.count(comparison.itemCount)) test items",
          differences: "Δ is each model minus the baseline \(models[0].name)"),
        label: "f1kit-score-comparison", header: header, rows: rows,
        statements: models.count == 2 ? pairs.map(wording.statement) : [])
    ]
    if models.count > 2 {
      var pairHeader = ["Comparison", "Δ [\(confidence) CI]"]
      if wording.test != nil { pairHeader.append(wording.pHeader) }
      tables.append(
        ResultTable(
          caption: wording.caption(
            subject:
              "Every pair of models compared on \(wording.metric.displayName) over the same \(DisplayNumber.count(comparison.itemCount)) test items",
            differences: "Δ is the second model minus the first"),
          label: "f1kit-score-pairs", header: pairHeader,
          rows: pairs.map { pair in
            [
              "\(models[pair.second].name) − \(models[pair.first].name)",
              wording.valueWithInterval(pair.difference.estimate, pair.difference),
            ] + (wording.test == nil ? [] : [wording.pCell(pair)])
          }, statements: pairs.map(wording.statement)))
    }
    return tables
  }
}

/// How the paper tables of a score comparison word their numbers.
struct ScoreWording {
  let comparison: ScoreComparison
  let metric: ScoreMetric
  let digits: Int
  /// The label whose scores were compared, for binary scores.
  let positiveLabel: String?
  /// The pairs compared on ``metric``.
  let pairs: [ScoreComparison.Pair]
  /// The test whose p-values the tables show.
  let test: ScoreComparison.Test?

  init(comparison: ScoreComparison, metric: ScoreMetric, digits: Int, positiveLabel: String?) {
    self.comparison = comparison
    self.metric = metric
    self.digits = digits
    self.positiveLabel = positiveLabel
    let pairs = comparison.pairs.filter { $0.metric == metric }
    self.pairs = pairs
    test = comparison.options.tests.first { test in
      pairs.contains { $0.pValue(of: test).map { !$0.isNaN } ?? false }
    }
  }

  var options: ScoreComparison.Options { comparison.options }
  var positivePhrase: String { positiveLabel.map { " (positive label: \($0))" } ?? "" }
  var metricName: String {
    metric.displayName + (positiveLabel.map { " for the positive label \($0)" } ?? "")
  }
  var isAdjusted: Bool { comparison.models.count > 2 }
  var confidence: String { ComparisonWording.percent(options.bootstrap.confidence) }
  var methodName: String { ComparisonWording.methodName(options.bootstrap.method) }
  var adjustmentName: String { options.adjustment.displayName }
  var pHeader: String { isAdjusted ? "p (\(adjustmentName))" : "p" }
  var metricTitle: String {
    let name = metric.displayName
    let title = name.prefix(1).uppercased() + name.dropFirst()
    return metric.isHigherBetter ? title : "\(title) (lower is better)"
  }

  func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }

  func valueWithInterval(_ value: Double, _ interval: ConfidenceInterval) -> String {
    "\(number(value)) [\(number(interval.lower)), \(number(interval.upper))]"
  }

  func valueCell(_ model: ScoreComparison.Model) -> String {
    guard let value = model.metrics[metric] else { return "undefined" }
    guard let interval = model.intervals[metric] else { return number(value) }
    return valueWithInterval(value, interval)
  }

  /// The p-value the tables show for a pair: adjusted with more than two
  /// models, as `compare` prints it.
  func pValue(_ pair: ScoreComparison.Pair) -> Double? {
    guard let test else { return nil }
    return isAdjusted ? pair.adjustedPValues[test] : pair.pValue(of: test)
  }

  func pCell(_ pair: ScoreComparison.Pair) -> String {
    guard let p = pValue(pair) else { return "—" }
    let text = p.isNaN ? "undefined" : p < 0.001 ? "< 0.001" : DisplayNumber.score(p, digits: 3)
    return text + ComparisonWording.marks(p)
  }

  var testDescription: String {
    let resamples = DisplayNumber.count(options.bootstrap.resamples)
    switch test {
    case .permutation?:
      // The ranking metrics exchange ranks (see `ScoreComparison`).
      let exchanged =
        metric.isRankBased
        ? "each model's scores ranked, each item's two ranks exchanged at random"
        : "each item's two scores exchanged at random"
      return "the two-sided permutation test (\(exchanged), \(resamples) resamples)"
    case .bootstrap?: return "the two-sided paired bootstrap test (\(resamples) resamples)"
    case .delong?: return "DeLong's test of correlated ROC-AUCs"
    case nil: return ""
    }
  }

  var testShortName: String {
    switch test {
    case .permutation?: "permutation"
    case .bootstrap?: "paired-bootstrap"
    case .delong?: "DeLong"
    case nil: ""
    }
  }

  func caption(subject: String, differences: String) -> String {
    let resamples = DisplayNumber.count(options.bootstrap.resamples)
    var text =
      "\(subject), with \(confidence) \(methodName) bootstrap intervals over items (\(resamples) resamples, seed \(options.seed)). "
    text +=
      "\(differences), with its \(confidence) \(methodName) interval from the paired bootstrap"
    text += metric.isHigherBetter ? "." : "; a negative Δ means a lower, better value."
    if test != nil {
      text += " p is \(testDescription)"
      text +=
        isAdjusted
        ? ", \(adjustmentName)-adjusted over all \(pairs.count) pairs. "
        : " against the baseline. "
      text += ComparisonWording.marksDefinition(confidence: options.bootstrap.confidence)
    }
    for caution in comparison.verdictFloors(on: metric, test: test).cautions {
      text += " " + ExperimentWording.sentence(caution, names: [])
    }
    return text
  }

  func pText(_ p: Double) -> String {
    p.isNaN ? "p undefined" : p < 0.001 ? "p < 0.001" : "p = \(DisplayNumber.score(p, digits: 3))"
  }

  /// One sentence per pair, as ``ComparisonWording/statement(_:)`` writes
  /// it, with the metric's direction.
  func statement(_ pair: ScoreComparison.Pair) -> String {
    let models = comparison.models
    let first = (name: models[pair.first].name, value: models[pair.first].metrics[metric] ?? .nan)
    let second = (
      name: models[pair.second].name, value: models[pair.second].metrics[metric] ?? .nan
    )
    let difference = pair.difference
    let p = pValue(pair)
    let isSignificant =
      p.map { $0 < options.bootstrap.significanceLevel }
      ?? (!difference.lower.isNaN && !difference.contains(0))
    let evidence =
      p.map {
        ", \(isAdjusted ? "\(adjustmentName)-adjusted " : "")\(testShortName) \(pText($0))"
          + ComparisonWording.levelNote(confidence: difference.confidence)
      }
      ?? ""
    let tail =
      "\(evidence), \(DisplayNumber.count(options.bootstrap.resamples)) resamples, seed \(options.seed))."
    let direction = metric.isHigherBetter ? "" : ", lower is better"
    if p != nil, let reason = comparison.verdictFloors(on: metric, test: test).withheldReason {
      return
        "\(second.name) − \(first.name) on \(metricName) is \(number(difference.estimate)) (\(number(second.value)) vs \(number(first.value))\(direction); \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
        + tail.dropLast() + "; " + reason + "."
    }
    // As `compare`'s verdict does, the statement says when its interval
    // and its test disagree.
    func disagreement(isSignificant: Bool) -> String {
      guard p != nil else { return "" }
      return ModelComparison.disagreementSentence(
        interval: difference, isSignificant: isSignificant, isAdjusted: isAdjusted)
    }
    if isSignificant && difference.estimate != 0 && !difference.estimate.isNaN {
      let secondWins = (difference.estimate > 0) == metric.isHigherBetter
      let (winner, loser) = secondWins ? (second, first) : (first, second)
      let isSecondMinusFirst = winner.name == second.name
      let (low, high) =
        isSecondMinusFirst
        ? (difference.lower, difference.upper) : (-difference.upper, -difference.lower)
      let shown = isSecondMinusFirst ? difference.estimate : -difference.estimate
      return
        "\(winner.name) outperforms \(loser.name) on \(metricName) (\(number(winner.value)) vs \(number(loser.value))\(direction); difference \(number(shown)), \(confidence) \(methodName) CI [\(number(low)), \(number(high))]"
        + tail + disagreement(isSignificant: true)
    }
    return
      "\(second.name) and \(first.name) do not differ significantly on \(metricName) (\(number(second.value)) vs \(number(first.value))\(direction); difference \(number(difference.estimate)), \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
      + tail + disagreement(isSignificant: false)
  }
}
