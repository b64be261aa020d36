import F1Kit
import F1KitAdvice
import F1KitStatistics

extension ResultTable {
  /// The tables of a multilabel comparison: one row per model with its
  /// value and bootstrap interval, its difference from the baseline (the
  /// first model) and the headline test's p-value against it; with more
  /// than two models, a second table with every pair and p-values adjusted
  /// over all pairs.
  ///
  /// The p-values are those `f1kit compare` words its verdicts with
  /// (`MultilabelComparison/decisionPValue(for:)`). For Hamming loss,
  /// where lower is better, the column title says so and the statements
  /// call the model with the lower loss the better one.
  ///
  /// - Parameters:
  ///   - comparison: The engine's multilabel comparison.
  ///   - metric: One of the compared metrics; the headline metric by
  ///     default.
  ///   - digits: Decimal places of scores and differences; 3 by default.
  /// - Returns: The tables, each with its caption and statements.
  public static func multilabelComparisonTables(
    _ comparison: MultilabelComparison, metric: MultilabelMetric? = nil, digits: Int = 3
  ) -> [ResultTable] {
    let wording = MultilabelWording(
      comparison: comparison, metric: metric ?? comparison.options.metric, digits: digits)
    let pairs = wording.pairs
    let models = comparison.models
    let confidence = wording.confidence
    let hasTest = comparison.primaryTest != nil
    var header = ["Model", "\(wording.metricTitle) [\(confidence) CI]", "Δ [\(confidence) CI]"]
    if hasTest { header.append(wording.pHeader) }
    var rows: [[String]] = []
    for (index, model) in models.enumerated() {
      var row = [model.name, wording.valueCell(model)]
      if index == 0 {
        row += ["—"] + (hasTest ? ["—"] : [])
      } else if let pair = pairs.first(where: { $0.first == 0 && $0.second == index }) {
        row.append(wording.valueWithInterval(pair.difference.estimate, pair.difference))
        if hasTest { row.append(wording.pCell(pair)) }
      }
      rows.append(row)
    }
    let items = DisplayNumber.count(comparison.itemCount)
    let labels = comparison.models[0].metrics.labels.count
    var tables = [
      ResultTable(
        caption: wording.caption(
          subject:
            "\(wording.metricTitle) of each model's label sets on the same \(items) test items (multilabel, \(labels) labels\(comparison.isWeighted ? ", weighted" : ""))",
          differences: "Δ is each model minus the baseline \(models[0].name)"),
        label: "f1kit-multilabel-comparison", header: header, rows: rows,
        statements: models.count == 2 ? pairs.map(wording.statement) : [])
    ]
    if models.count > 2 {
      var pairHeader = ["Comparison", "Δ [\(confidence) CI]"]
      if hasTest { pairHeader.append(wording.pHeader) }
      tables.append(
        ResultTable(
          caption: wording.caption(
            subject:
              "Every pair of models compared on \(wording.metric.displayName) over the same \(items) test items",
            differences: "Δ is the second model minus the first"),
          label: "f1kit-multilabel-pairs", header: pairHeader,
          rows: pairs.map { pair in
            [
              "\(models[pair.second].name) − \(models[pair.first].name)",
              wording.valueWithInterval(pair.difference.estimate, pair.difference),
            ] + (hasTest ? [wording.pCell(pair)] : [])
          }, statements: pairs.map(wording.statement)))
    }
    return tables
  }
}

/// How the paper tables of a multilabel comparison word their numbers.
struct MultilabelWording {
  let comparison: MultilabelComparison
  let metric: MultilabelMetric
  let digits: Int
  /// The pairs compared on ``metric``.
  let pairs: [MultilabelComparison.Pair]

  init(comparison: MultilabelComparison, metric: MultilabelMetric, digits: Int) {
    self.comparison = comparison
    self.metric = metric
    self.digits = digits
    pairs = comparison.pairs(on: metric)
  }

  var options: MultilabelComparison.Options { comparison.options }
  var isAdjusted: Bool { comparison.models.count > 2 }
  var confidence: String { ComparisonWording.percent(options.bootstrap.confidence) }
  var methodName: String { ComparisonWording.methodName(options.bootstrap.method) }
  var adjustmentName: String { options.adjustment.displayName }
  var pHeader: String { isAdjusted ? "p (\(adjustmentName))" : "p" }
  var metricTitle: String {
    let name = metric.displayName
    let title = name.prefix(1).uppercased() + name.dropFirst()
    return metric.isLowerBetter ? "\(title) (lower is better)" : title
  }

  func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }

  func valueWithInterval(_ value: Double, _ interval: ConfidenceInterval) -> String {
    "\(number(value)) [\(number(interval.lower)), \(number(interval.upper))]"
  }

  func valueCell(_ model: MultilabelComparison.Model) -> String {
    let value = model.value(of: metric)
    guard !value.isNaN else { return "undefined" }
    guard let interval = model.intervals[metric] else { return number(value) }
    return valueWithInterval(value, interval)
  }

  func pCell(_ pair: MultilabelComparison.Pair) -> String {
    guard let p = comparison.decisionPValue(for: pair) else { return "—" }
    let text = p < 0.001 ? "< 0.001" : DisplayNumber.score(p, digits: 3)
    return text + ComparisonWording.marks(p)
  }

  func caption(subject: String, differences: String) -> String {
    let resamples = DisplayNumber.count(options.bootstrap.resamples)
    var text =
      "\(subject), with \(confidence) \(methodName) bootstrap intervals over items (\(resamples) resamples, seed \(options.seed)). "
    text +=
      "\(differences), with its \(confidence) \(methodName) interval from the paired bootstrap"
    text += metric.isLowerBetter ? "; a negative Δ means a lower, better value." : "."
    if let test = comparison.primaryTest {
      let description =
        test == .permutation
        ? "the two-sided permutation test (each item's two predicted label sets exchanged at random, \(resamples) resamples)"
        : test == .mcnemar
          ? "McNemar's test on exact matches (\(options.mcnemarMethod.rawValue.replacingOccurrences(of: "_", with: "-")))"
          : ComparisonWording.testDescription(
            test, resamples: options.bootstrap.resamples, mcnemar: "")
      text += " p is \(description)"
      text +=
        isAdjusted
        ? ", \(adjustmentName)-adjusted over all \(pairs.count) pairs. "
        : " against the baseline. "
      text += ComparisonWording.marksDefinition(confidence: options.bootstrap.confidence)
    }
    let models = comparison.models
    let cautions =
      comparison.verdictFloors(on: metric).cautions
      + ConfidenceInterval.basicRangeCautions(
        models: models.map { ($0.name, $0.intervals[metric]) },
        differences: pairs.map { (models[$0.first].name, models[$0.second].name, $0.difference) },
        metricName: metric.displayName, range: metric.valueRange, number: number,
        style: .typographic)
    for caution in cautions { text += " " + ExperimentWording.sentence(caution, names: []) }
    return text
  }

  func pText(_ p: Double) -> String {
    p < 0.001 ? "p < 0.001" : "p = \(DisplayNumber.score(p, digits: 3))"
  }

  /// One sentence per pair, with the metric's direction, as
  /// ``ComparisonWording/statement(_:)`` writes it.
  func statement(_ pair: MultilabelComparison.Pair) -> String {
    let models = comparison.models
    let first = (name: models[pair.first].name, value: models[pair.first].value(of: metric))
    let second = (name: models[pair.second].name, value: models[pair.second].value(of: metric))
    let difference = pair.difference
    let p = comparison.decisionPValue(for: pair)
    let isSignificant =
      p.map { $0 < comparison.significanceLevel }
      ?? (!difference.lower.isNaN && !difference.contains(0))
    let testName = comparison.primaryTest.map(ComparisonWording.testShortName) ?? ""
    let evidence =
      p.map {
        ", \(isAdjusted ? "\(adjustmentName)-adjusted " : "")\(testName) \(pText($0))"
          + ComparisonWording.levelNote(confidence: difference.confidence)
      }
      ?? ""
    let tail =
      "\(evidence), \(DisplayNumber.count(options.bootstrap.resamples)) resamples, seed \(options.seed))."
    let direction = metric.isLowerBetter ? ", lower is better" : ""
    if p != nil, let reason = comparison.verdictFloors(on: metric).withheldReason {
      return
        "\(second.name) − \(first.name) on \(metric.displayName) is \(number(difference.estimate)) (\(number(second.value)) vs \(number(first.value))\(direction); \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
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
      let secondWins = (difference.estimate > 0) != metric.isLowerBetter
      let (winner, loser) = secondWins ? (second, first) : (first, second)
      let isSecondMinusFirst = winner.name == second.name
      let (low, high) =
        isSecondMinusFirst
        ? (difference.lower, difference.upper) : (-difference.upper, -difference.lower)
      let shown = isSecondMinusFirst ? difference.estimate : -difference.estimate
      return
        "\(winner.name) outperforms \(loser.name) on \(metric.displayName) (\(number(winner.value)) vs \(number(loser.value))\(direction); difference \(number(shown)), \(confidence) \(methodName) CI [\(number(low)), \(number(high))]"
        + tail + disagreement(isSignificant: true)
    }
    return
      "\(second.name) and \(first.name) do not differ significantly on \(metric.displayName) (\(number(second.value)) vs \(number(first.value))\(direction); difference \(number(difference.estimate)), \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
      + tail + disagreement(isSignificant: false)
  }
}
