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
      + (isPlural ? "as complete misses" : "as a complete miss")
      + ". Say which zero_division you used when you report precision."
    return Advice(
      rule: .classNeverPredicted, severity: .warning, model: model,
      title:
        "\(isPlural ? "Classes" : "A class") never predicted: zero_division shapes the averages",
      message: message, evidence: evidence)
  }

  /// ``AdviceRule/renamedLabels``: some renaming of the predicted labels
  /// makes far more predictions right (see ``LabelRenaming``).
  func renamedLabels(_ metrics: ClassificationMetrics, model: String?) -> Advice? {
    guard let renaming = LabelRenaming(bestFor: metrics.confusionMatrix) else { return nil }
    let pairs = renaming.renamings.map {
      "\(AdviceText.quoted($0.predicted)) as \(AdviceText.quoted($0.gold))"
    }
    let evidence = [
      AdviceEvidence(Metric.accuracy.rawValue, value: renaming.accuracy),
      AdviceEvidence("renamed_accuracy", value: renaming.renamedAccuracy),
    ]
    let message =
      "Reading the predicted \(AdviceText.list(pairs)) would raise accuracy from "
      + "\(DisplayNumber.score(renaming.accuracy)) to \(DisplayNumber.score(renaming.renamedAccuracy)). "
      + "A model that good under another name for each label has almost certainly been given "
      + "its labels in another order than the data's: an NLI cross-encoder's id2label "
      + "(contradiction, entailment, neutral) is not MNLI's (entailment, neutral, "
      + "contradiction). Every number here scores the labels as written. Fix the mapping "
      + "from the model's outputs to label names and predict again; do not rename on the "
      + "test set, which would choose the renaming on the data it is scored on."
    return Advice(
      rule: .renamedLabels, severity: .warning, model: model,
      title: "The predicted labels look renamed: the model's label order is not the data's",
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
      .sorted { ($0.f1, $0.weight) < ($1.f1, $1.weight) }
    // A gap made only by labels without gold items is another rule's
    // business.
    guard !hidden.isEmpty else { return nil }
    // Classes scored 0, whatever their size, are named with their share:
    // the weakest classes need not be the rarest. The other hidden ones
    // follow, weakest first.
    let zero = rows.filter { $0.f1 == 0 }.sorted { $0.weight > $1.weight }
    let weak = hidden.filter { $0.f1 != 0 }.prefix(3)
    var evidence = [
      AdviceEvidence(Metric.weightedF1.rawValue, value: weighted),
      AdviceEvidence(Metric.macroF1.rawValue, value: macro),
      AdviceEvidence("weighted_minus_macro_f1", value: gap),
    ]
    for row in zero + weak {
      evidence.append(AdviceEvidence("f1", label: row.label, value: row.f1))
      evidence.append(profile.supportEvidence(row))
    }
    let unit = profile.isWeighted ? "weight" : "items"
    var message =
      "Weighted-F1 (\(DisplayNumber.score(weighted))) is \(DisplayNumber.score(gap)) above macro-F1 "
      + "(\(DisplayNumber.score(macro))) because it weights each class by its gold "
      + (profile.isWeighted ? "weight" : "count") + "."
    if !zero.isEmpty {
      let zeroShare = profile.share(zero.reduce(0) { $0 + $1.weight })
      evidence.append(AdviceEvidence("zero_f1_share", value: zeroShare))
      let names = zero.map {
        "\(AdviceText.quoted($0.label)) (\(profile.size($0)), "
          + "\(DisplayNumber.percent(profile.share($0.weight))))"
      }
      let isPlural = zero.count > 1
      message +=
        " \(AdviceText.list(names)) \(isPlural ? "have" : "has") F1 0"
        + (isPlural ? " (together \(DisplayNumber.percent(zeroShare)) of the \(unit))" : "")
        + ": weighted-F1 gives \(isPlural ? "them" : "it") that share of its weight, macro-F1 "
        + "\(zero.count) of its \(profile.rows.count) equal shares."
    }
    if !weak.isEmpty {
      let examples = weak.map {
        "\(AdviceText.quoted($0.label)) has F1 \(DisplayNumber.score($0.f1)) on \(profile.size($0))"
      }
      message +=
        " \(zero.isEmpty ? "Classes" : "Other classes") rarer than average score below weighted-F1: "
        + AdviceText.list(examples) + "."
    }
    message += " Report macro-F1 with the per-class scores, not weighted-F1 alone."
    return Advice(
      rule: .weightedF1HidesMinorityClasses, severity: .warning, model: model,
      title: "Weighted-F1 hides weak minority classes", message: message, evidence: evidence)
  }

  /// ``AdviceRule/noBetterThanBaseline``: the model does not beat a
  /// baseline that ignores its input.
  ///
  /// Accuracy is compared with always predicting the majority class; the
  /// primary metric with guessing labels at their gold frequencies and,
  /// for binary F1, with always predicting the positive label (2*p* / (1 +
  /// *p*) for its share *p*, never below the stratified *p*).
  func noBetterThanBaseline(
    _ metrics: ClassificationMetrics, _ profile: ClassProfile, model: String?
  ) -> Advice? {
    guard profile.totalWeight > 0 else { return nil }
    let baseline = BaselineScores.Summary(profile, metrics: metrics)
    let primary = metrics.primaryMetric
    let accuracy = profile.value(of: .accuracy)
    let primaryValue = profile.value(of: primary)
    let majorityAccuracy = baseline.majorityAccuracy
    func score(_ value: Double) -> String { DisplayNumber.score(value) }
    var failures: [String] = []
    var evidence: [AdviceEvidence] = []
    let majorityLabel = AdviceText.quoted(baseline.majorityLabel)
    // "equals" for a tie, "is below" otherwise.
    let accuracyShortfall = AdviceText.shortfall(accuracy, below: majorityAccuracy)
    if accuracy <= majorityAccuracy {
      failures.append(
        "accuracy (\(accuracyShortfall.value)) \(accuracyShortfall.verb) always predicting "
          + "\(majorityLabel) (\(accuracyShortfall.baseline))")
      evidence += [
        AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
        AdviceEvidence("majority_class_accuracy", value: majorityAccuracy),
      ]
    }
    // The primary metric's baselines, strongest first: for binary F1,
    // always predicting the positive label beats stratified guessing.
    var primaryBaselines = [
      PrimaryBaseline(
        description: "guessing labels at their gold frequencies",
        evidenceName: "stratified_random_\(primary.rawValue)", value: baseline.stratifiedPrimary)
    ]
    if primary == .binaryF1, let positive = metrics.positiveLabel,
      let alwaysPositive = baseline.alwaysPositiveF1
    {
      primaryBaselines.insert(
        PrimaryBaseline(
          description: "always predicting \(AdviceText.quoted(positive))",
          evidenceName: "always_positive_\(primary.rawValue)", value: alwaysPositive),
        at: 0)
    }
    let unbeaten = primaryBaselines.filter { primaryValue <= $0.value }
    if !unbeaten.isEmpty {
      failures.append(
        "\(primary.displayName) (\(score(primaryValue))) is no better than "
          + AdviceText.list(unbeaten.map { "\($0.description) (\(score($0.value)))" }))
      evidence.append(AdviceEvidence(primary.rawValue, value: primaryValue))
      evidence += unbeaten.map { AdviceEvidence($0.evidenceName, value: $0.value) }
    }
    guard !failures.isEmpty else { return nil }
    if unbeaten.isEmpty, primary != .accuracy {
      // Only accuracy fails: with a rare class, predicting the majority
      // scores high on accuracy alone, while the primary metric shows
      // skill. Misaligned labels would fail both.
      let beaten = primaryBaselines.map { "\($0.description) (\(score($0.value)))" }
      let message =
        "Its \(failures[0]), but its \(primary.displayName) (\(score(primaryValue))) beats "
        + AdviceText.list(beaten)
        + ": the model has skill that accuracy, which rewards predicting the majority class, "
        + "does not show. Judge it on \(primary.displayName) or balanced accuracy, not accuracy."
      evidence.append(AdviceEvidence(primary.rawValue, value: primaryValue))
      evidence += primaryBaselines.map { AdviceEvidence($0.evidenceName, value: $0.value) }
      return Advice(
        rule: .noBetterThanBaseline, severity: .recommendation, model: model,
        title: "Accuracy does not beat the majority-class baseline", message: message,
        evidence: evidence)
    }
    let majority = MajorityPositive(metrics, profile)
    if let majority, majority.minorityF1 > majority.minorityBaseline {
      // Binary F1 of the majority class fails, but the minority class shows
      // skill: the headline metric hides it.
      return majorityPositiveHidesMinorityClass(
        majority, failures: failures, evidence: evidence, profile: profile, model: model)
    }
    if accuracy > majorityAccuracy, unbeaten.count == 1, unbeaten.count < primaryBaselines.count,
      let share = baseline.positiveShare
    {
      // Only always predicting the positive label beats binary F1, while
      // accuracy and stratified guessing are beaten: some skill, which
      // binary F1 (generous to a constant) does not show.
      let balanced = profile.value(of: .balancedAccuracy)
      let mcc = profile.value(of: .matthewsCorrelation)
      let constant = unbeaten[0]
      let message =
        "Its \(primary.displayName) (\(score(primaryValue))) is no better than "
        + "\(constant.description), which scores 2p/(1+p) = \(score(constant.value)) for the "
        + "positive label's share p = \(score(share)), though its accuracy (\(score(accuracy))) "
        + "beats always predicting \(majorityLabel) (\(score(majorityAccuracy))) and its "
        + "\(primary.displayName) beats \(primaryBaselines[1].description) "
        + "(\(score(primaryBaselines[1].value))). Binary F1 ignores true negatives, so a constant "
        + "that predicts the positive label everywhere scores high on it; the model's skill shows "
        + "in MCC (\(score(mcc))) and balanced accuracy (\(score(balanced))). Read binary F1 "
        + "against \(score(constant.value)), not 0, and report MCC or balanced accuracy beside it."
      evidence += [
        AdviceEvidence("positive_share", value: share),
        AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
        AdviceEvidence("majority_class_accuracy", value: majorityAccuracy),
        AdviceEvidence(Metric.matthewsCorrelation.rawValue, value: mcc),
        AdviceEvidence(Metric.balancedAccuracy.rawValue, value: balanced),
      ]
      return Advice(
        rule: .noBetterThanBaseline, severity: .recommendation, model: model,
        title: "Binary F1 does not beat \(constant.description)", message: message,
        evidence: evidence)
    }
    var message =
      "The model does not beat a baseline that ignores its input: "
      + AdviceText.list(failures.map { "its " + $0 }) + "."
    if let majority {
      message +=
        " The positive label \(AdviceText.quoted(majority.positive.label)) is the majority "
        + "class, so binary F1 flatters any model: the minority class "
        + "\(AdviceText.quoted(majority.minority.label)) has F1 \(score(majority.minorityF1)) "
        + "(always predicting it would score \(score(majority.minorityBaseline)))."
      evidence += [
        AdviceEvidence("f1", label: majority.minority.label, value: majority.minorityF1),
        AdviceEvidence(
          "always_predicting_f1", label: majority.minority.label, value: majority.minorityBaseline),
      ]
    }
    if accuracy > majorityAccuracy {
      // Misaligned labels would fail accuracy too; a model that beats the
      // majority class on accuracy has skill its primary metric hides.
      message += alignedButFailing(
        accuracy: accuracy, majorityAccuracy: majorityAccuracy, majorityLabel: majorityLabel,
        primary: primary, profile: profile)
      evidence += [
        AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
        AdviceEvidence("majority_class_accuracy", value: majorityAccuracy),
      ]
      if primary == .binaryF1 {
        evidence.append(
          AdviceEvidence(Metric.binaryRecall.rawValue, value: profile.value(of: .binaryRecall)))
      }
    } else if let constant = Self.constantPrediction(metrics) {
      // Not misaligned labels: the model is a constant itself.
      let label = AdviceText.quoted(constant)
      message +=
        " It predicts \(label) for every item (\(AdviceText.items(metrics.confusionMatrix.total))): "
        + "it is itself a constant, so its accuracy (\(score(accuracy))) is only "
        + "the share of \(label) in the gold labels, and macro-F1 (\(score(profile.value(of: .macroF1)))) "
        + "and balanced accuracy (\(score(profile.value(of: .balancedAccuracy)))) are a constant's. "
        + "Check how the predictions were made (a cut-off above every score, a model collapsed "
        + "onto one class) before reading any other number."
      evidence.append(
        AdviceEvidence("predicted", label: constant, count: metrics.confusionMatrix.total))
    } else {
      message +=
        " Check the labels are aligned with the predictions before reading any other number."
    }
    return Advice(
      rule: .noBetterThanBaseline, severity: .warning, model: model,
      title: "No better than a no-skill baseline", message: message, evidence: evidence)
  }

  /// The label a model predicts for every item, when it predicts one
  /// label only (and there is more than one item).
  ///
  /// - Parameter metrics: The model's metrics.
  /// - Returns: The label, or `nil`.
  static func constantPrediction(_ metrics: ClassificationMetrics) -> String? {
    let matrix = metrics.confusionMatrix
    guard matrix.total > 1,
      let index = matrix.predictedTotals.firstIndex(where: { $0 > 0 }),
      matrix.predictedTotals[index] == matrix.total
    else { return nil }
    return matrix.labels[index]
  }

  /// The end of the no-skill warning when accuracy does beat always
  /// predicting the majority class: the labels are aligned (misaligned
  /// ones would fail accuracy too), so the primary metric's failure is
  /// the model's own, most often a cut-off that predicts the positive
  /// label too rarely.
  ///
  /// - Parameters:
  ///   - accuracy: The model's accuracy.
  ///   - majorityAccuracy: Always predicting the majority class's accuracy.
  ///   - majorityLabel: The majority label, quoted.
  ///   - primary: The primary metric.
  ///   - profile: The model's class profile.
  /// - Returns: The sentences, each starting with a space.
  private func alignedButFailing(
    accuracy: Double, majorityAccuracy: Double, majorityLabel: String, primary: Metric,
    profile: ClassProfile
  ) -> String {
    func score(_ value: Double) -> String { DisplayNumber.score(value) }
    var text =
      " Its accuracy (\(score(accuracy))) does beat always predicting \(majorityLabel) "
      + "(\(score(majorityAccuracy))), so the labels are aligned and the model has some skill "
      + "that \(primary.displayName) does not credit."
    if primary == .binaryF1 {
      let recall = profile.value(of: .binaryRecall)
      text +=
        " Its recall is \(score(recall)): if it finds too few positives, a lower cut-off "
        + "(f1kit tune on a development file) trades precision for recall."
    }
    return text + " Read MCC or balanced accuracy beside it."
  }

  /// ``AdviceRule/noBetterThanBaseline`` when the positive label is the
  /// majority class: binary F1 of the majority class does not beat always
  /// predicting it, while the minority class's F1 beats always predicting the
  /// minority class.
  private func majorityPositiveHidesMinorityClass(
    _ majority: MajorityPositive, failures: [String], evidence: [AdviceEvidence],
    profile: ClassProfile, model: String?
  ) -> Advice {
    func score(_ value: Double) -> String { DisplayNumber.score(value) }
    let positive = AdviceText.quoted(majority.positive.label)
    let minority = AdviceText.quoted(majority.minority.label)
    let macroF1 = profile.value(of: .macroF1)
    let balanced = profile.value(of: .balancedAccuracy)
    let mcc = profile.value(of: .matthewsCorrelation)
    let share = DisplayNumber.percent(profile.share(majority.positive.weight))
    // "the model's accuracy (…) is … and its binary F1 (…) is …"
    let findings = [failures[0]] + failures.dropFirst().map { "its " + $0 }
    var message =
      "The positive label \(positive) is the majority class (\(profile.size(majority.positive)), "
      + "\(share)), so binary F1 of \(positive) mostly measures the frequent class and hides the "
      + "minority one: the model's \(AdviceText.list(findings)). "
    message +=
      "The minority class \(minority) (\(profile.size(majority.minority))) shows the model's skill: its F1 "
      + "is \(score(majority.minorityF1)) (scikit-learn's pos_label=\(minority)), against "
      + "\(score(majority.minorityBaseline)) for always predicting \(minority); macro-F1 is "
      + "\(score(macroF1)), balanced accuracy \(score(balanced)) and MCC \(score(mcc)). "
    message +=
      "Judge the model on F1 of \(minority), macro-F1, balanced accuracy or MCC, not on binary F1 "
      + "of \(positive) or accuracy (--positive \(minority) makes F1 of \(minority) the primary metric)."
    return Advice(
      rule: .noBetterThanBaseline, severity: .warning, model: model,
      title: "Binary F1 of the majority class \(positive) hides the minority class",
      message: message,
      evidence: evidence + [
        profile.supportEvidence(majority.positive),
        profile.supportEvidence(majority.minority),
        AdviceEvidence("f1", label: majority.minority.label, value: majority.minorityF1),
        AdviceEvidence(
          "always_predicting_f1", label: majority.minority.label, value: majority.minorityBaseline),
        AdviceEvidence(Metric.macroF1.rawValue, value: macroF1),
        AdviceEvidence(Metric.balancedAccuracy.rawValue, value: balanced),
        AdviceEvidence(Metric.matthewsCorrelation.rawValue, value: mcc),
      ])
  }
}

/// A no-skill baseline of the primary metric.
private struct PrimaryBaseline {
  /// What the baseline does, as a phrase: `always predicting "pos"`.
  let description: String
  /// The evidence name of its value.
  let evidenceName: String
  let value: Double
}

/// A binary problem whose positive label is the majority class, and its
/// minority class.
private struct MajorityPositive {
  let positive: ClassProfile.Row
  let minority: ClassProfile.Row
  /// The minority class's F1 (scikit-learn's `pos_label` set to it).
  let minorityF1: Double
  /// The minority class's F1 when always predicting it, 2*q* / (1 + *q*) for
  /// its share *q*: its strongest no-skill baseline.
  let minorityBaseline: Double

  /// `nil` unless the problem is binary and the positive label has more
  /// gold items (more weight, with sample weights) than the other, which
  /// has some.
  init?(_ metrics: ClassificationMetrics, _ profile: ClassProfile) {
    let rows = profile.rows
    guard metrics.problem == .binary, let index = metrics.scope.positiveClass, rows.count == 2,
      index < 2, rows[index].weight > rows[1 - index].weight, rows[1 - index].weight > 0
    else { return nil }
    positive = rows[index]
    minority = rows[1 - index]
    minorityF1 = minority.f1
    let share = profile.share(minority.weight)
    minorityBaseline = 2 * share / (1 + share)
  }
}
