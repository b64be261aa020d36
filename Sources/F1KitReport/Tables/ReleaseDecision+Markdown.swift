import F1Kit
import F1KitAdvice
import F1KitStatistics
import F1KitSupport

extension ReleaseDecision {
  /// A Markdown block for a CI run's summary page (such as
  /// `$GITHUB_STEP_SUMMARY`): a heading with the decision, a small table of
  /// the gate's numbers, the decision sentence, the reachability note and
  /// a "**Note:**" paragraph for each of the decision's ``ReleaseDecision/cautions``.
  ///
  /// Model names are escaped with ``ResultTable/markdownEscaped(_:)``.
  ///
  /// - Parameter digits: Decimal places of the numbers; 3 by default, more
  ///   when ``ReleaseDecision/decimals`` asks for more.
  /// - Returns: The block, starting and ending with a blank line so it can
  ///   be appended to an existing summary.
  public func markdownSummary(digits: Int = 3) -> String {
    // As many decimals as the sentence needs to show the margin and keep
    // the ends apart from it, at least `digits`.
    let digits = max(digits, decimals)
    func number(_ value: Double) -> String { DisplayNumber.score(value, digits: digits) }
    let margin = number(gate.margin)
    let rule: String =
      switch (gate.mode, metric.isHigherBetter) {
      case (.nonInferiority, true): "lower end > −\(margin)"
      case (.nonInferiority, false): "upper end < \(margin)"
      case (.superiority, true): "lower end > \(margin)"
      case (.superiority, false): "upper end < \(gate.margin == 0 ? margin : "−" + margin)"
      case (.equivalence, _): "−\(margin) < lower end, upper end < \(margin)"
      }
    let confidence = ComparisonWording.percent(difference.confidence)
    let method = ComparisonWording.methodName(difference.method)
    var rows: [[String]] = [
      ["Baseline", baseline],
      ["Candidate", candidate],
      ["Metric", metric.displayName],
    ]
    if let positiveLabel { rows.append(["Positive label", positiveLabel]) }
    rows += [
      ["Mode", gate.mode.rawValue],
      ["Margin", margin],
      ["Difference (candidate − baseline)", number(difference.estimate)],
      [
        "\(confidence) \(method) CI",
        "[\(number(difference.lower)), \(number(difference.upper))]",
      ],
      ["Passes when", rule],
      ["Test items", DisplayNumber.count(itemCount)],
    ]
    if let totalWeight {
      rows.append(["Sample weights (total)", NumberText.shortestBare(totalWeight)])
    }
    if let experiment {
      if let groups = experiment.groupCount {
        rows.append(["Groups (resampled whole)", DisplayNumber.count(groups)])
      }
      if experiment.design == .stratifiedByGold {
        rows.append(["Resampling", "within each gold class"])
      }
      if experiment.hasSeveralRuns {
        rows.append([
          "Runs (baseline, candidate)",
          experiment.runCounts.map(String.init).joined(separator: ", "),
        ])
      }
    }
    var text = "\n### Release gate: \(passes ? "✅ PASS" : "❌ FAIL")\n\n"
    text += "| | |\n| :--- | :--- |\n"
    for row in rows {
      text += "| " + row.map(ResultTable.markdownEscaped).joined(separator: " | ") + " |\n"
    }
    text += "\n" + ResultTable.markdownEscaped(sentence) + "\n"
    if let note = reachabilityNote { text += "\n" + ResultTable.markdownEscaped(note) + "\n" }
    for caution in cautions {
      text += "\n**Note:** " + ResultTable.markdownEscaped(caution) + "\n"
    }
    return text + "\n"
  }
}
