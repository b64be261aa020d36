import F1Kit

extension MetricAdvisor {
  /// ``AdviceRule/classNeverPredicted``: a class that occurs is never
  /// predicted, so `zero_division` decides its precision.
  func classNeverPredicted(
    _ metrics: ClassificationMetrics, _ profile: ClassProfile, model: String?
  ) -> Advice? {
    let rows = profile.rows
    // With sample weights, a class predicted only for items of weight 0
    // has precision 0/0 as well.
    let never = rows.indices.filter { rows[$0].weight > 0 && rows[$0].predicted == 0 }
    guard !never.isEmpty else { return nil }
    let names = never.map {
      "\(AdviceText.quoted(rows[$0].label)) (\(profile.size(rows[$0])))"
    }
    var evidence = never.map { profile.supportEvidence(rows[$0]) }
    evidence += never.map { AdviceEvidence("predicted", label: rows[$0].label, count: 0) }
    let settings = ZeroDivision.allCases.map { ($0, Self.rescored(metrics, zeroDivision: $0)) }
    var precisions: [String] = []
    for (setting, rescored) in settings {
      let value = rescored?.value(of: .macroPrecision) ?? .nan
      evidence.append(
        AdviceEvidence("macro_precision_zero_division_\(setting.rawValue)", value: value))
      precisions.append("\(DisplayNumber.score(value)) with zero_division=\(setting.rawValue)")
    }
    let macroF1 = profile.value(of: .macroF1)
    evidence.append(AdviceEvidence(Metric.macroF1.rawValue, value: macroF1))
    let isPlural = never.count > 1
    let message =
      "\(AdviceText.list(names)) \(isPlural ? "are" : "is") never predicted. "
      + "\(isPlural ? "Their" : "Its") precision is 0/0, so zero_division decides it and shapes "
      + "the averages: macro precision is \(AdviceText.list(precisions)) (nan leaves "
      + "\(isPlural ? "them" : "it") out). \(isPlural ? "Their" : "Its") recall and F1 are 0 under "
      + "every setting, so macro-F1 (\(DisplayNumber.score(macroF1))) counts \(isPlural ? "them" : "it") "
      + "as complete misses. Say which zero_division you used when you report precision."
    return Advice(
      rule: .classNeverPredicted, severity: .warning, model: model,
      title:
        "\(isPlural ? "Classes" : "A class") never predicted: zero_division shapes the averages",
      message: message, evidence: evidence)
  }

  /// ``AdviceRule/weightedF1HidesMinorityClasses``: weighted-F1 well above
  /// macro-F1.
  func weightedF1HidesMinorityClasses(
    _ metrics: ClassificationMetrics, _ profile: ClassProfile, model: String?
  ) -> Advice? {
    guard metrics.problem == .multiclass else { return nil }
    let weighted = profile.value(of: .weightedF1)
    let macro = profile.value(of: .macroF1)
    let gap = weighted - macro
    guard gap.isFinite, gap >= thresholds.weightedMacroGap else { return nil }
    let rows = profile.rows.filter { $0.weight > 0 && $0.f1.isFinite }
    // Labels without gold items also pull macro-F1 down; only the gap the
    // occurring classes make is weighting hiding minority classes.
    let occurringMacro =
      rows.isEmpty ? macro : rows.reduce(0) { $0 + $1.f1 } / Double(rows.count)
    guard weighted - occurringMacro >= thresholds.weightedMacroGap else { return nil }
    // Weighted-F1 weights each class by its weight sum with sample weights.
    let totalSupport = rows.reduce(0) { $0 + $1.weight }
    let averageSupport = rows.isEmpty ? 0 : totalSupport / Double(rows.count)
    // The weakest classes that are rarer than average: the ones weighting
    // hides.
    let hidden = rows.filter { $0.weight < averageSupport && $0.f1 < weighted }
      .sorted { ($0.f1, $0.weight) < ($1.f1, $1.weight) }.prefix(3)
    // A gap made only by labels without gold items is another rule's
    // business.
    guard !hidden.isEmpty else { return nil }
    var evidence = [
      AdviceEvidence(Metric.weightedF1.rawValue, value: weighted),
      AdviceEvidence(Metric.macroF1.rawValue, value: macro),
      AdviceEvidence("weighted_minus_macro_f1", value: gap),
    ]
    for row in hidden {
      evidence.append(AdviceEvidence("f1", label: row.label, value: row.f1))
      evidence.append(profile.supportEvidence(row))
    }
    let examples = hidden.map {
      "\(AdviceText.quoted($0.label)) has F1 \(DisplayNumber.score($0.f1)) on \(profile.size($0))"
    }
    let message =
      "Weighted-F1 (\(DisplayNumber.score(weighted))) is \(DisplayNumber.score(gap)) above macro-F1 "
      + "(\(DisplayNumber.score(macro))) because it weights each class by its gold "
      + (profile.isWeighted ? "weight" : "count") + ", and the "
      + "frequent classes are scored well while rare ones are not: " + AdviceText.list(examples)
      + ". Weighted-F1 hides them; report macro-F1 with the per-class scores."
    return Advice(
      rule: .weightedF1HidesMinorityClasses, severity: .warning, model: model,
      title: "Weighted-F1 hides weak minority classes", message: message, evidence: evidence)
  }

  /// ``AdviceRule/noBetterThanBaseline``: the model does not beat a
  /// baseline that ignores its input.
  func noBetterThanBaseline(
    _ metrics: ClassificationMetrics, _ profile: ClassProfile, model: String?
  ) -> Advice? {
    guard profile.totalWeight > 0 else { return nil }
    let baseline = BaselineScores.Summary(profile, metrics: metrics)
    let primary = metrics.primaryMetric
    let accuracy = profile.value(of: .accuracy)
    let primaryValue = profile.value(of: primary)
    let majorityAccuracy = baseline.majorityAccuracy
    let stratifiedPrimary = baseline.stratifiedPrimary
    var failures: [String] = []
    var evidence: [AdviceEvidence] = []
    if accuracy <= majorityAccuracy {
      failures.append(
        "its accuracy (\(DisplayNumber.score(accuracy))) is no better than always predicting "
          + "\(AdviceText.quoted(baseline.majorityLabel)) (\(DisplayNumber.score(majorityAccuracy)))"
      )
      evidence += [
        AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
        AdviceEvidence("majority_class_accuracy", value: majorityAccuracy),
      ]
    }
    if primaryValue <= stratifiedPrimary {
      failures.append(
        "its \(primary.displayName) (\(DisplayNumber.score(primaryValue))) is no better than "
          + "guessing labels at their gold frequencies (\(DisplayNumber.score(stratifiedPrimary)))")
      evidence += [
        AdviceEvidence(primary.rawValue, value: primaryValue),
        AdviceEvidence("stratified_random_\(primary.rawValue)", value: stratifiedPrimary),
      ]
    }
    guard !failures.isEmpty else { return nil }
    if primaryValue > stratifiedPrimary, primary != .accuracy {
      // Only accuracy fails: with a rare class, predicting the majority
      // scores high on accuracy alone, while the primary metric shows
      // skill. Misaligned labels would fail both.
      return Advice(
        rule: .noBetterThanBaseline, severity: .recommendation, model: model,
        title: "Accuracy is below the majority-class baseline",
        message:
          "Its accuracy (\(DisplayNumber.score(accuracy))) is below always predicting "
          + "\(AdviceText.quoted(baseline.majorityLabel)) (\(DisplayNumber.score(majorityAccuracy))), "
          + "but its \(primary.displayName) (\(DisplayNumber.score(primaryValue))) beats guessing "
          + "labels at their gold frequencies (\(DisplayNumber.score(stratifiedPrimary))): the model "
          + "has skill that accuracy, which rewards predicting the majority class, does not show. "
          + "Judge it on \(primary.displayName) or balanced accuracy, not accuracy.",
        evidence: evidence + [
          AdviceEvidence(primary.rawValue, value: primaryValue),
          AdviceEvidence("stratified_random_\(primary.rawValue)", value: stratifiedPrimary),
        ])
    }
    let message =
      "The model does not beat a baseline that ignores its input: "
      + AdviceText.list(failures) + ". Check the labels are aligned with the predictions "
      + "before reading any other number."
    return Advice(
      rule: .noBetterThanBaseline, severity: .warning, model: model,
      title: "No better than a no-skill baseline", message: message, evidence: evidence)
  }
}
