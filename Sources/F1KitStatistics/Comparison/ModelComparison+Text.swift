import F1Kit
import F1KitSupport
import Foundation

extension ModelComparison {
  /// The significance level the verdicts use: one minus the confidence,
  /// in decimal (``BootstrapOptions/significanceLevel(confidence:)``), so
  /// that p = 0.001 is not below α at `--confidence 0.999`.
  public var significanceLevel: Double { options.bootstrap.significanceLevel }

  /// One plain sentence saying what a pair's numbers mean, such as "B beats
  /// A on macro-F1 by 0.031, 95% CI [0.012, 0.049], p = 0.002
  /// (permutation test)."
  ///
  /// - Parameter pair: The pair to describe.
  /// - Returns: The sentence.
  public func verdict(for pair: Pair) -> String {
    let first = models[pair.first].name
    let second = models[pair.second].name
    let metric =
      displayName(of: pair.metric)
      + (pair.metric.isBinaryOnly ? Self.positivePhrase(positiveLabel) : "")
    let difference = pair.difference
    let confidence = Self.percent(difference.confidence)
    guard let test = primaryTest, let p = decisionPValue(for: pair), !p.isNaN else {
      let bare =
        "\(second) − \(first) on \(metric): \(Self.number(difference.estimate)), \(confidence) CI \(Self.range(difference))."
      guard primaryTest == .bootstrap, pair.bootstrap.hasNoSpread else { return bare }
      return bare
        + " No verdict: every paired-bootstrap resample gives this same difference, so the bootstrap has no spread and gives no p-value (see the note)."
    }
    let evidence =
      "p = \(Self.pValue(p)) (\(test.displayName)\(models.count > 2 ? ", \(options.adjustment.displayName)-adjusted" : "")\(Self.significanceLevelClause(confidence: difference.confidence)))"
    if let withheld = verdictFloors(on: pair.metric).verdictSentence {
      // "Do not differ" would describe the number of resamples or items,
      // not the models: no p-value this test can give is below α.
      return
        "\(second) − \(first) on \(metric): \(Self.number(difference.estimate)), \(confidence) CI \(Self.range(difference)), \(evidence). "
        + withheld
    }
    // A bootstrap with no spread has an interval of no width, which
    // excludes 0 without being evidence: no disagreement sentence.
    func disagreement(isSignificant: Bool) -> String {
      guard !pair.bootstrap.hasNoSpread else { return "" }
      return Self.disagreementSentence(
        interval: difference, isSignificant: isSignificant, isAdjusted: models.count > 2)
    }
    if p < significanceLevel && difference.estimate != 0 {
      let (winner, loser) = difference.estimate > 0 ? (second, first) : (first, second)
      let margin = abs(difference.estimate)
      let interval =
        difference.estimate > 0
        ? Self.range(difference)
        : "[\(Self.number(-difference.upper)), \(Self.number(-difference.lower))]"
      return
        "\(winner) beats \(loser) on \(metric) by \(Self.number(margin)), \(confidence) CI \(interval), \(evidence)."
        + disagreement(isSignificant: true)
    }
    let verdict =
      "\(second) and \(first) do not differ significantly on \(metric): \(second) − \(first) = \(Self.number(difference.estimate)), \(confidence) CI \(Self.range(difference)), \(evidence)."
      + disagreement(isSignificant: false)
    return verdict + detectionSize(for: pair).detectionSentence
  }

  /// The significance level a verdict used, when the confidence is not the
  /// usual 95%: "α = 0.4, one minus the 60% confidence". A verdict that
  /// says "beats" beside p = 0.34 is right at that level but reads as a
  /// mistake unless it says so.
  ///
  /// - Parameter confidence: The confidence level of the comparison.
  /// - Returns: The phrase, or `nil` at 95%.
  public static func significanceLevelPhrase(confidence: Double) -> String? {
    significanceLevel(confidence: confidence).map {
      "\($0), one minus the \(percent(confidence)) confidence"
    }
  }

  /// ``significanceLevelPhrase(confidence:)`` as the last clause inside a
  /// verdict's parenthesis ("; α = 0.4, one minus the 60% confidence"), or
  /// nothing at 95%.
  ///
  /// - Parameter confidence: The confidence level of the comparison.
  /// - Returns: The clause, or an empty string.
  static func significanceLevelClause(confidence: Double) -> String {
    significanceLevelPhrase(confidence: confidence).map { "; " + $0 } ?? ""
  }

  /// The significance level alone, "α = 0.4", when the confidence is not
  /// the usual 95%, as the result tables' statements quote it.
  ///
  /// - Parameter confidence: The confidence level of the comparison.
  /// - Returns: The level, or `nil` at 95%.
  public static func significanceLevel(confidence: Double) -> String? {
    guard abs(confidence - 0.95) > 1e-9 else { return nil }
    return "α = \(String(format: "%g", BootstrapOptions.significanceLevel(confidence: confidence)))"
  }

  /// The sentence that ends a verdict whose interval and test disagree on
  /// significance, as they can near the margin (a BCa interval and a
  /// permutation or shifted bootstrap p-value are different procedures):
  /// empty when they agree, and when p-values are adjusted for several
  /// pairs, where an unadjusted interval is expected to be the bolder.
  ///
  /// - Parameters:
  ///   - interval: The difference's interval.
  ///   - isSignificant: Whether the verdict's test rejected.
  ///   - isAdjusted: Whether the test's p-value was adjusted for
  ///     multiplicity.
  /// - Returns: A sentence starting with a space, or an empty string.
  public static func disagreementSentence(
    interval: ConfidenceInterval, isSignificant: Bool, isAdjusted: Bool
  ) -> String {
    guard !isAdjusted, !interval.lower.isNaN, !interval.upper.isNaN else { return "" }
    let excludesZero = interval.lower > 0 || interval.upper < 0
    let confidence = percent(interval.confidence)
    switch (isSignificant, excludesZero) {
    case (false, true):
      return
        " The \(confidence) interval excludes 0 although the test does not reject: the two disagree at the margin, so read the difference as borderline, not absent."
    case (true, false):
      return
        " The \(confidence) interval still contains 0 although the test rejects: the two disagree at the margin, so read the difference as borderline."
    default:
      return ""
    }
  }

  /// A plain-text summary on one metric: each model's value and interval,
  /// each pair's difference and tests, and a verdict sentence per pair.
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: The summary, ending with a newline.
  public func textSummary(metric: Metric? = nil) -> String {
    let compared = metric ?? options.metric
    let pairs = self.pairs(on: compared)
    let metric = compared.rawValue
    let method = options.bootstrap.method.rawValue
    let betaPhrase =
      compared.isFBeta ? beta.map { " (beta \(NumberText.shortestBare($0)))" } ?? "" : ""
    var text =
      "Compared on \(metric)\(betaPhrase)\(compared.isBinaryOnly ? Self.positivePhrase(positiveLabel) : "") over \(Self.count(itemCount)) \(itemCount == 1 ? "item" : "items") (seed \(options.seed), \(options.bootstrap.resamples) resamples, \(Self.percent(options.bootstrap.confidence)) \(method) intervals)\n"
    if let weightNote { text += weightNote + "\n" }
    text += "\n"
    let valueWidth = max(metric.count, 6)
    let rows = models.compactMap { model -> (name: String, columns: String)? in
      guard let interval = model.interval(of: compared) else { return nil }
      let value = NumberText.fixed(interval.estimate, digits: 4)
      let columns =
        "  " + String(repeating: " ", count: max(0, valueWidth - value.count)) + value + "  "
        + Self.range(interval)
      return (model.name, columns)
    }
    let table = Self.nameColumnTable(
      header: "  " + String(repeating: " ", count: valueWidth - metric.count) + metric
        + "  interval",
      rows: rows)
    text += table.text
    for pair in pairs {
      text += "\n" + pairSummary(pair, isStacked: table.isStacked)
    }
    text += "\n" + pairs.map(verdict(for:)).joined(separator: "\n") + "\n"
    let cautions = cautions(metric: compared)
    for caution in cautions { text += "\nNote: \(caution)" }
    return text + (cautions.isEmpty ? "" : "\n")
  }

  /// Cautions about the numbers shown on one metric: what the tests and
  /// intervals cannot say at all (``evidenceCautions(metric:)``: a
  /// resampled test that cannot reach significance, a bootstrap with no
  /// spread, very few items), basic intervals with
  /// an end past the metric's range, basic intervals of differences past a
  /// difference's range (see ``ConfidenceInterval/reachesPast(_:)``),
  /// which are left as computed, resamples left out as undefined, and, for
  /// a macro average, labels outside gold that only some models predict
  /// (see ``labelsOutsideGold``).
  ///
  /// - Parameter metric: The metric; the headline metric by default.
  /// - Returns: One sentence per caution, without a leading "Note:".
  public func cautions(metric: Metric? = nil) -> [String] {
    let metric = metric ?? options.metric
    return evidenceCautions(metric: metric) + rangeCautions(metric: metric)
      + [undefinedResamplesCaution(metric: metric)].compactMap(\.self)
      + (metric.isMacroAverage
        ? labelsOutsideGold.map { outsideGoldCaution($0, metric: metric) } : [])
  }

  /// The caution about one label outside gold, worded as the runs'
  /// caution (``ExperimentComparison/outsideGoldCautions(_:)``) is:
  /// "\"unk\" is no gold item's label, but b.csv predicts it: …".
  private func outsideGoldCaution(_ outside: LabelOutsideGold, metric: Metric) -> String {
    let name = TerminalText.quoted(outside.label)
    let predicting = outside.predictingModels.map { models[$0].name }
    let metricName = displayName(of: metric)
    let effect =
      outside.zeroDivision == .one
      ? "a model that never predicts \(name) scores 1 on it (zero division 1), so its \(metricName) differs from scikit-learn's on that model alone"
      : "a model that never predicts \(name) scores 0 on it, so a model that predicts only gold labels gets \(goldLabels.count)/\(evaluatedLabelCount) of its \(metricName) over them (scikit-learn's average=\"macro\" on that model alone)"
    return
      "\(name) is no gold item's label, but \(predicting.joined(separator: ", ")) predict\(predicting.count == 1 ? "s" : "") it: every model's \(metricName) averages over all \(evaluatedLabelCount) labels, and \(effect); give \(LabelOutsideGold.labelsOption(goldLabels)) to score every model on the gold labels (those predictions then count as errors)."
  }

  private func rangeCautions(metric: Metric) -> [String] {
    ConfidenceInterval.basicRangeCautions(
      models: models.map { ($0.name, $0.interval(of: metric)) },
      differences: pairs(on: metric).map {
        (models[$0.first].name, models[$0.second].name, $0.difference)
      },
      metricName: displayName(of: metric), range: metric.valueRange, number: Self.number)
  }

  /// The line that says the results are weighted, or `nil` for
  /// unweighted items: "weighted: every value, interval and test uses
  /// sample weights (total weight 6.75 over 5 items); McNemar's test
  /// counts items, so it is not run".
  public var weightNote: String? {
    guard let totalWeight else { return nil }
    return
      "weighted: every value, interval and test uses sample weights (total weight \(NumberText.shortestBare(totalWeight)) over \(Self.count(itemCount)) items); McNemar's test counts items, so it is not run"
  }

  private func pairSummary(_ pair: Pair, isStacked: Bool) -> String {
    let first = models[pair.first].name
    let second = models[pair.second].name
    let text = Self.pairHeading(
      second: second, first: first,
      difference:
        "\(Self.number(pair.difference.estimate)), \(Self.percent(pair.difference.confidence)) CI \(Self.range(pair.difference))",
      isStacked: isStacked)
    var lines: [TestLine] = []
    func line(_ name: String, _ test: ComparisonOptions.Test, _ p: Double, _ detail: String) {
      var result = "p = " + Self.pValue(p)
      if models.count > 2, let adjusted = pair.adjustedPValues[test] {
        result += " (\(options.adjustment.displayName)-adjusted \(Self.pValue(adjusted)))"
      }
      lines.append(TestLine(name: name, result: result, detail: detail))
    }
    if let test = pair.permutation {
      line("permutation test", .permutation, test.pValue, "\(test.resamples) resamples")
    }
    if let test = pair.pairedBootstrap {
      line("paired bootstrap", .bootstrap, test.pValue, "\(test.difference.resamples) resamples")
    }
    if let test = pair.mcnemar {
      line(
        "McNemar (\(test.method.rawValue.replacingOccurrences(of: "_", with: "-")))", .mcnemar,
        test.pValue,
        "discordant: \(Self.count(test.firstOnlyCorrect)) only \(first), \(Self.count(test.secondOnlyCorrect)) only \(second)"
      )
    }
    return text + Self.aligned(lines, isStacked: isStacked)
  }

  /// One test's line of a pair's summary: its name, its p-value (with
  /// the adjusted one) and what it counted.
  struct TestLine {
    var name: String
    var result: String
    var detail: String
  }

  /// A pair's test lines as a table: names padded to one width, so that
  /// the p-values form one column (22 characters, or two more than the
  /// longest name, McNemar's chi-square-uncorrected), and results padded
  /// to the widest, so that what each test counted forms another whatever
  /// the p-values' form ("p = 0.743" beside "p = 9.5e-05").
  ///
  /// With the models' names on lines of their own (see
  /// ``nameColumnTable(header:rows:)``), a detail that would carry its
  /// line past ``lineWidth`` columns, as McNemar's "discordant: 13 only
  /// <name>, 3 only <name>" does, goes under its test instead, indented
  /// by four spaces and broken after its commas and colons, so that no
  /// line holds more than one name.
  ///
  /// - Parameters:
  ///   - lines: The tests' lines, in order.
  ///   - isStacked: Whether the models' names are on lines of their own.
  /// - Returns: The lines, each indented by two spaces and ending with a
  ///   newline; a line with no detail ends at its result.
  static func aligned(_ lines: [TestLine], isStacked: Bool = false) -> String {
    let width = max(22, (lines.map(\.name.count).max() ?? 0) + 2)
    let resultWidth = lines.filter { !$0.detail.isEmpty }.map(\.result.count).max() ?? 0
    return lines.map {
      let name = "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0)
      guard !$0.detail.isEmpty else { return name + $0.result + "\n" }
      let line =
        name + $0.result.padding(toLength: resultWidth, withPad: " ", startingAt: 0) + "  "
        + $0.detail
      guard isStacked, line.count > lineWidth else { return line + "\n" }
      return name + $0.result + "\n" + wrapped($0.detail, indent: "    ")
    }.joined()
  }

  /// `text` on lines of at most ``lineWidth`` columns, broken after its
  /// commas and colons, or after any word (a part longer than a line
  /// keeps a line of its own).
  ///
  /// - Parameters:
  ///   - text: The text; its parts are separated by `separators`, each
  ///     followed by a space.
  ///   - indent: What each line after the first starts with.
  ///   - firstIndent: What the first line starts with; `indent` by
  ///     default.
  ///   - separators: What a line may break after (followed by a space):
  ///     `","` and `":"` by default; `""` breaks between any two words.
  /// - Returns: The lines, each ending with a newline.
  static func wrapped(
    _ text: String, indent: String, firstIndent: String? = nil,
    breakingAfter separators: [String] = [",", ":"]
  ) -> String {
    func split(_ text: String, after separator: String) -> [String] {
      let parts = text.components(separatedBy: separator + " ")
      return parts.enumerated().map {
        $0.offset < parts.count - 1 ? $0.element + separator : $0.element
      }
    }
    let parts = separators.reduce([text]) { parts, separator in
      parts.flatMap { split($0, after: separator) }
    }
    var lines: [String] = []
    for part in parts {
      if let last = lines.last, last.count + 1 + part.count <= lineWidth {
        lines[lines.count - 1] = last + " " + part
      } else {
        lines.append((lines.isEmpty ? firstIndent ?? indent : indent) + part)
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// ` (positive label "yes")` for a binary problem, empty otherwise: the
  /// text outputs name the label their binary metrics score.
  ///
  /// - Parameter positiveLabel: The positive label, if any.
  /// - Returns: The phrase, with its leading space.
  package static func positivePhrase(_ positiveLabel: String?) -> String {
    positiveLabel.map { " (positive label \(TerminalText.quoted($0)))" } ?? ""
  }

  /// A whole number with thousands separators, as the report prints them.
  static func count(_ value: Int) -> String {
    NumberText.grouped(value)
  }

  static func number(_ value: Double) -> String {
    number(value, digits: 3)
  }

  static func number(_ value: Double, digits: Int) -> String {
    NumberText.fixed(
      value, digits: digits, style: NumberText.Style.plain.spellingNaN(as: "undefined"))
  }

  /// An interval's ends to three decimals, or to as many more (up to six)
  /// as an end that is not 0 needs not to read 0.000: "[-0.0004, 0.0015]"
  /// for an interval that crosses 0, not "[0.000, 0.002]" beside a verdict
  /// of no significant difference.
  static func range(_ interval: ConfidenceInterval) -> String {
    var digits = 3
    func readsZero(_ value: Double) -> Bool {
      value != 0 && value.isFinite
        && NumberText.fixed(abs(value), digits: digits).allSatisfy {
          $0 == "0" || $0 == "."
        }
    }
    while digits < 6, readsZero(interval.lower) || readsZero(interval.upper) { digits += 1 }
    return "[\(number(interval.lower, digits: digits)), \(number(interval.upper, digits: digits))]"
  }

  static func percent(_ confidence: Double) -> String {
    let value = confidence * 100
    return value == value.rounded() ? "\(Int(value))%" : String(format: "%g%%", value)
  }

  /// Three decimals, or two significant digits below 0.001: the +1
  /// correction keeps resampling p-values away from 0, so a value is always
  /// shown rather than "< 0.001".
  static func pValue(_ value: Double) -> String {
    if value.isNaN { return "undefined" }
    if value >= 0.001 { return String(format: "%.3f", value) }
    return String(format: "%.2g", value)
  }
}

extension PValueAdjustment {
  /// The adjustment's name in prose.
  public var displayName: String {
    switch self {
    case .holm: "Holm"
    case .benjaminiHochberg: "Benjamini–Hochberg"
    }
  }
}
