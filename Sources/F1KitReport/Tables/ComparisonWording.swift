import F1Kit
import F1KitAdvice
import F1KitStatistics

/// How the paper tables and statements of one comparison word their
/// numbers: digits, the headline test, the adjustment and the caption.
struct ComparisonWording {
  let comparison: ModelComparison
  /// The metric the tables and statements are about.
  let metric: Metric
  /// The pairs compared on ``metric``.
  let pairs: [ModelComparison.Pair]
  let digits: Int
  /// The test whose p-value the tables show: the engine's headline test.
  let test: ComparisonOptions.Test?
  /// Whether p-values are adjusted: with more than two models, as
  /// `compare` adjusts them.
  let isAdjusted: Bool

  init(_ comparison: ModelComparison, metric: Metric, digits: Int) {
    self.comparison = comparison
    self.metric = metric
    pairs = comparison.pairs(on: metric)
    self.digits = digits
    test = comparison.primaryTest
    isAdjusted = comparison.models.count > 2
  }

  var options: ComparisonOptions { comparison.options }
  var metricName: String {
    comparison.displayName(of: metric)
      + Self.positiveClause(comparison.positiveLabel, for: metric)
  }
  var metricTitle: String { ResultTable.title(metric, beta: comparison.beta) }
  /// The metric as a caption's subject, naming the positive label when the
  /// metric depends on it: "Binary F1 (positive label: 1)".
  var subjectTitle: String {
    metricTitle + Self.positivePhrase(comparison.positiveLabel, for: metric)
  }

  /// " (positive label: 1)" for a metric of the positive label alone, so a
  /// table pasted into a paper says which class its binary F1 is about.
  static func positivePhrase(_ positiveLabel: String?, for metric: Metric) -> String {
    guard metric.isBinaryOnly, let positiveLabel else { return "" }
    return " (positive label: \(positiveLabel))"
  }

  /// " for the positive label 1", the same naming inside a sentence that
  /// goes on with its own parentheses.
  static func positiveClause(_ positiveLabel: String?, for metric: Metric) -> String {
    guard metric.isBinaryOnly, let positiveLabel else { return "" }
    return " for the positive label \(positiveLabel)"
  }
  var confidence: String { Self.percent(options.bootstrap.confidence) }
  var methodName: String { Self.methodName(options.bootstrap.method) }
  var adjustmentName: String { options.adjustment.displayName }
  var pHeader: String { isAdjusted ? "p (\(adjustmentName))" : "p" }

  /// A confidence level as a percentage: "95%", "99.5%".
  static func percent(_ confidence: Double) -> String {
    let value = confidence * 100
    return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
  }

  static func methodName(_ method: IntervalMethod) -> String {
    switch method {
    case .bca: "BCa"
    case .percentile: "percentile"
    case .basic: "basic"
    case .wilson: "Wilson"
    case .deltaMethod: "delta-method"
    case .delong: "DeLong"
    }
  }

  static func testDescription(_ test: ComparisonOptions.Test, resamples: Int, mcnemar: String)
    -> String
  {
    switch test {
    case .permutation:
      "the two-sided permutation test (approximate randomization, \(DisplayNumber.count(resamples)) resamples)"
    case .bootstrap:
      "the two-sided paired bootstrap test (\(DisplayNumber.count(resamples)) resamples)"
    case .mcnemar: "McNemar's test (\(mcnemar))"
    }
  }

  static func testShortName(_ test: ComparisonOptions.Test) -> String {
    switch test {
    case .permutation: "permutation"
    case .bootstrap: "paired-bootstrap"
    case .mcnemar: "McNemar"
    }
  }

  func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }

  /// "0.842 [0.791, 0.883]".
  func valueWithInterval(_ value: Double, _ interval: ConfidenceInterval) -> String {
    "\(number(value)) [\(number(interval.lower)), \(number(interval.upper))]"
  }

  /// The p-value the tables show for a pair: the engine's decision
  /// p-value, adjusted with more than two models.
  func pValue(_ pair: ModelComparison.Pair) -> Double? {
    comparison.decisionPValue(for: pair)
  }

  /// A model's value of the metric; NaN when it was not scored.
  func value(_ model: ModelComparison.Model) -> Double { model.value(of: metric) ?? .nan }

  /// "0.012*", "< 0.001***", "0.340".
  func pCell(_ pair: ModelComparison.Pair) -> String {
    guard let p = pValue(pair) else { return "—" }
    let text = p.isNaN ? "undefined" : p < 0.001 ? "< 0.001" : DisplayNumber.score(p, digits: 3)
    return text + Self.marks(p)
  }

  /// Significance marks: `*` below 0.05, `**` below 0.01, `***` below
  /// 0.001, as every caption defines them.
  static func marks(_ p: Double) -> String {
    p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
  }

  /// The sentence defining the marks on p-values, which keep the usual
  /// thresholds; at a confidence level other than 95% it adds the level
  /// the statements test at, so that a mark at p = 0.016 beside "do not
  /// differ significantly (α = 0.01)" reads as meant.
  ///
  /// - Parameter confidence: The intervals' confidence level.
  /// - Returns: The sentence.
  static func marksDefinition(confidence: Double) -> String {
    let level = ModelComparison.significanceLevel(confidence: confidence).map {
      "; the statements call a difference significant at \($0), the intervals' level"
    }
    return "Marks: * p < 0.05, ** p < 0.01, *** p < 0.001\(level ?? "")."
  }

  /// "p = 0.034" or "p < 0.001".
  /// The significance level after a statement's p-value, " (α = 0.4)",
  /// when the confidence is not 95%; empty at 95%.
  static func levelNote(confidence: Double) -> String {
    ModelComparison.significanceLevel(confidence: confidence).map { " (\($0))" } ?? ""
  }

  func pText(_ p: Double) -> String {
    p.isNaN ? "p undefined" : p < 0.001 ? "p < 0.001" : "p = \(DisplayNumber.score(p, digits: 3))"
  }

  /// The caption: subject, intervals, differences, test, adjustment,
  /// seed, marks.
  func caption(subject: String, differences: String) -> String {
    let resamples = DisplayNumber.count(options.bootstrap.resamples)
    var text =
      "\(subject), with \(confidence) \(methodName) bootstrap intervals (\(resamples) resamples, seed \(options.seed)). "
    text +=
      "\(differences), with its \(confidence) \(methodName) interval from the paired bootstrap."
    if let test {
      let mcnemar = options.mcnemarMethod.rawValue.replacingOccurrences(of: "_", with: "-")
      text +=
        " p is \(Self.testDescription(test, resamples: options.bootstrap.resamples, mcnemar: mcnemar))"
      text +=
        isAdjusted
        ? ", \(adjustmentName)-adjusted over all \(pairs.count) pairs. "
        : " against the baseline. "
      text += Self.marksDefinition(confidence: options.bootstrap.confidence)
    }
    let models = comparison.models
    let cautions = ConfidenceInterval.basicRangeCautions(
      models: models.map { ($0.name, $0.interval(of: metric)) },
      differences: pairs.map { (models[$0.first].name, models[$0.second].name, $0.difference) },
      metricName: metricName, range: metric.valueRange, number: number,
      style: .typographic)
    let evidenceCautions = comparison.evidenceCautions(metric: metric)
    for caution in evidenceCautions + cautions {
      text += " " + ExperimentWording.sentence(caution, names: [])
    }
    if metric.isMacroAverage,
      let sentence = Self.outsideGoldSentence(
        comparison.labelsOutsideGold, names: comparison.models.map(\.name))
    {
      text += " " + sentence
    }
    return text
  }

  /// The sentence a caption adds when macro averages count labels that no
  /// gold item has and only some models predict, such as "Macro averages
  /// include “unk”, predicted only by B and not in gold; each model scores
  /// 0 on it.": a model that never predicts such a label has a macro
  /// average other than scikit-learn's on that model alone, and a table
  /// pasted into a paper says why.
  ///
  /// - Parameters:
  ///   - labels: The labels, as the engine found them.
  ///   - names: Each model's name.
  /// - Returns: The sentence, or `nil` when there is no such label.
  static func outsideGoldSentence(_ labels: [LabelOutsideGold], names: [String]) -> String? {
    guard let first = labels.first else { return nil }
    let hasRuns = first.runCounts.contains { $0 > 1 }
    // Labels that the same models predict share one "predicted only by".
    var groups: [(runs: [Int], labels: [String])] = []
    for label in labels {
      if let index = groups.firstIndex(where: { $0.runs == label.predictingRuns }) {
        groups[index].labels.append(label.label)
      } else {
        groups.append((label.predictingRuns, [label.label]))
      }
    }
    let shownLimit = 3
    let phrases = groups.prefix(shownLimit).map { group in
      let shown = group.labels.prefix(shownLimit).map { "“\($0)”" }
      let hidden = group.labels.count - shown.count
      let models = group.runs.indices.filter { group.runs[$0] > 0 }.map { model in
        let runs = first.runCounts[model]
        let name = model < names.count ? names[model] : "model \(model + 1)"
        return group.runs[model] < runs ? "\(name) (\(group.runs[model]) of \(runs) runs)" : name
      }
      return Self.listed(shown + (hidden > 0 ? ["\(DisplayNumber.count(hidden)) more"] : []))
        + ", predicted only by " + Self.listed(models)
    }
    let hiddenGroups = groups.dropFirst(shownLimit).reduce(0) { $0 + $1.labels.count }
    let isOne = labels.count == 1
    var text = "Macro averages include " + phrases.joined(separator: ", and ")
    if hiddenGroups > 0 { text += ", and \(DisplayNumber.count(hiddenGroups)) more labels" }
    text += groups.count == 1 && hiddenGroups == 0 ? " and not in gold" : ", none of them in gold"
    let it = isOne ? "it" : "them"
    let scorers = hasRuns ? "run" : "model"
    switch first.zeroDivision {
    case .one:
      text += "; \(scorers)s that never predict \(it) score 1 on \(it) (zero division 1)."
    default:
      text += "; each \(scorers) scores 0 on \(it)."
    }
    return text
  }

  /// "A", "A and B", "A, B and C".
  static func listed(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  /// Why a pair's statement calls it neither significant nor not, or
  /// `nil`: the test cannot reach p below α with this many resamples or
  /// items (``ModelComparison/verdictFloors(on:)``), or the paired
  /// bootstrap the statement rests on has no spread
  /// (``PairedBootstrapTest/hasNoSpread``).
  func withheldReason(_ pair: ModelComparison.Pair) -> String? {
    guard let test else { return nil }
    if test == .bootstrap, pair.bootstrap.hasNoSpread {
      return
        "every bootstrap resample gives this difference, so the bootstrap has no spread and no p-value, and significance is not assessed"
    }
    return comparison.verdictFloors(on: metric).withheldReason
  }

  /// One sentence per pair in the form Dror et al. (2018) and Ulmer et al.
  /// (2022) ask for: both scores, the difference with its interval and
  /// method, the test and its adjusted p-value, the resamples and the seed;
  /// when the interval and the test disagree on significance, the sentence
  /// `compare`'s verdict ends with
  /// (``ModelComparison/disagreementSentence(interval:isSignificant:isAdjusted:)``)
  /// follows.
  func statement(_ pair: ModelComparison.Pair) -> String {
    let first = comparison.models[pair.first]
    let second = comparison.models[pair.second]
    let difference = pair.difference
    let p = pValue(pair)
    let isSignificant =
      p.map { $0 < options.bootstrap.significanceLevel } ?? !difference.contains(0)
    let evidence: String
    if let test, let p {
      evidence =
        ", \(isAdjusted ? "\(adjustmentName)-adjusted " : "")\(Self.testShortName(test)) \(pText(p))"
        + ComparisonWording.levelNote(confidence: difference.confidence)
    } else {
      evidence = ""
    }
    let tail =
      "\(evidence), \(DisplayNumber.count(options.bootstrap.resamples)) resamples, seed \(options.seed))."
    if let reason = withheldReason(pair) {
      return
        "\(second.name) − \(first.name) on \(metricName) is \(number(difference.estimate)) (\(number(value(second))) vs \(number(value(first))); \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
        + tail.dropLast() + "; " + reason + "."
    }
    // As `compare`'s verdict does, the statement says when its interval
    // and its test disagree; a bootstrap with no spread has an interval of
    // no width, which excludes 0 without being evidence.
    func disagreement(isSignificant: Bool) -> String {
      guard p != nil, !pair.bootstrap.hasNoSpread else { return "" }
      return ModelComparison.disagreementSentence(
        interval: difference, isSignificant: isSignificant, isAdjusted: isAdjusted)
    }
    if isSignificant && difference.estimate != 0 && !difference.estimate.isNaN {
      let secondWins = difference.estimate > 0
      let (winner, loser) = secondWins ? (second, first) : (first, second)
      let (low, high) =
        secondWins ? (difference.lower, difference.upper) : (-difference.upper, -difference.lower)
      return
        "\(winner.name) outperforms \(loser.name) on \(metricName) (\(number(value(winner))) vs \(number(value(loser))); difference \(number(abs(difference.estimate))), \(confidence) \(methodName) CI [\(number(low)), \(number(high))]"
        + tail + disagreement(isSignificant: true)
    }
    return
      "\(second.name) and \(first.name) do not differ significantly on \(metricName) (\(number(value(second))) vs \(number(value(first))); difference \(number(difference.estimate)), \(confidence) \(methodName) CI [\(number(difference.lower)), \(number(difference.upper))]"
      + tail + disagreement(isSignificant: false)
  }
}
