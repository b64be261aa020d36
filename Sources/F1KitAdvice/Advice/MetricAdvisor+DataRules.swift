import F1Kit
import F1KitStatistics
import Foundation

extension MetricAdvisor {
  /// ``AdviceRule/singleGoldClass``: every gold item (of positive weight,
  /// with sample weights) belongs to one class.
  func singleGoldClass(_ data: DataProfile) -> Advice? {
    guard data.occurring.count == 1, let only = data.largest else { return nil }
    let label = AdviceText.quoted(only.label)
    let isWeighted = data.profile.isWeighted
    let opening =
      isWeighted
      ? "All the gold weight is on \(label) (\(data.size(only)))"
      : "Every gold item is \(label) (\(data.size(only)))"
    let message =
      opening + ": the test set holds one class, so no metric can tell a model from the "
      + "constant that always predicts \(label), which scores accuracy 1 here; a model can at "
      + "best tie it, and its accuracy is only the share of the \(isWeighted ? "weight" : "items") "
      + "it predicts as \(label). Evaluate on a test set that holds every class you care about "
      + "before reading any other number."
    return Advice(
      rule: .singleGoldClass, severity: .warning,
      title: "One gold class: no metric can tell a model from a constant",
      message: message,
      evidence: [
        AdviceEvidence("classes_with_gold_items", count: 1),
        data.profile.supportEvidence(only),
        AdviceEvidence("majority_class_accuracy", value: 1),
      ])
  }

  /// ``AdviceRule/imbalancedClasses``: accuracy and micro-F1 mostly measure
  /// the frequent classes.
  ///
  /// - Parameters:
  ///   - data: The first model's gold-label facts.
  ///   - models: Every model; with several, the message cites each one's
  ///     scores by name rather than the first one's alone.
  func imbalancedClasses(
    _ data: DataProfile, models: [(name: String, profile: ClassProfile)] = []
  ) -> Advice? {
    guard let largest = data.largest, let smallest = data.smallest, data.occurring.count > 1
    else { return nil }
    let ratio = largest.weight / smallest.weight
    guard ratio >= thresholds.imbalanceRatio else { return nil }
    let metrics = data.metrics
    let score = DisplayNumber.score
    let cited = CitedScores(models, first: data.profile)
    let opening =
      "The largest class, \(AdviceText.quoted(largest.label)) (\(data.size(largest)), "
      + "\(DisplayNumber.percent(data.share(largest.weight)))), is \(DisplayNumber.ratio(ratio))× "
      + "the smallest, \(AdviceText.quoted(smallest.label)) (\(data.size(smallest)))."
    var scores = [CitedScore(.accuracy)]
    let message: String
    let isMinorityPositive =
      metrics.positiveLabel.map { $0.utf8.elementsEqual(smallest.label.utf8) } ?? true
    if metrics.problem == .binary, let positive = metrics.positiveLabel {
      let smallestIndex = data.classes.firstIndex {
        $0.label.utf8.elementsEqual(smallest.label.utf8)
      }
      scores += [
        CitedScore(.binaryF1, phrase: "F1 of \(AdviceText.quoted(positive))"),
        CitedScore(.balancedAccuracy), CitedScore(.matthewsCorrelation),
      ]
      // With the frequent class as the positive label, its F1 is filled by
      // that class; the minority class's F1 is the one to report.
      let report: String
      if isMinorityPositive {
        report =
          "Report F1 of the positive label \(AdviceText.quoted(positive))\(cited.inline(.binaryF1))"
      } else {
        scores.append(
          CitedScore(
            name: "f1", label: smallest.label,
            phrase: "F1 of \(AdviceText.quoted(smallest.label))"
          ) { profile in smallestIndex.map { profile.rows[$0].f1 } ?? .nan })
        let minorityF1 = cited.isNamed ? "" : "\(score(smallest.f1, 4)); "
        report =
          "Report F1 of the minority class \(AdviceText.quoted(smallest.label)) "
          + "(\(minorityF1)--positive \(AdviceText.quoted(smallest.label)) makes it the "
          + "primary metric) rather than F1 of the positive label \(AdviceText.quoted(positive))"
          + "\(cited.inline(.binaryF1)), which the frequent class fills"
      }
      message =
        opening + " Accuracy\(cited.inline(.accuracy)) mostly measures the frequent class: always "
        + "predicting \(AdviceText.quoted(largest.label)) would score "
        + "\(score(data.share(largest.weight), 4)). " + report
        + ", and MCC\(cited.inline(.matthewsCorrelation)) or balanced accuracy"
        + "\(cited.inline(.balancedAccuracy)) when both classes matter."
    } else {
      scores += [
        CitedScore(.microF1), CitedScore(.macroF1), CitedScore(.balancedAccuracy),
        CitedScore(.matthewsCorrelation),
      ]
      message =
        opening + " Accuracy\(cited.inline(.accuracy)) and micro-F1\(cited.inline(.microF1)) count "
        + (data.profile.isWeighted ? "every item by its sample weight" : "every item once")
        + ", so they mostly measure the frequent classes. Macro-F1"
        + "\(cited.inline(.macroF1)) and balanced accuracy\(cited.inline(.balancedAccuracy)) weigh "
        + "every class equally: prefer them for choosing a model. MCC"
        + "\(cited.inline(.matthewsCorrelation)) corrects for chance, but in a multiclass problem "
        + "it too is driven by the frequent classes."
    }
    return Advice(
      rule: .imbalancedClasses, severity: .recommendation,
      title: metrics.problem == .binary
        ? "Imbalanced classes: prefer F1 of the \(isMinorityPositive ? "positive" : "minority") class or MCC to accuracy"
        : "Imbalanced classes: prefer macro-F1 or balanced accuracy to accuracy",
      message: message + cited.listing(scores),
      evidence: [
        AdviceEvidence("imbalance_ratio", value: ratio),
        data.profile.supportEvidence(largest),
        data.profile.supportEvidence(smallest),
      ] + cited.evidence(scores))
  }

  /// ``AdviceRule/balancedBinaryMetricsAgree``: with near-balanced binary
  /// classes, accuracy and F1 tell the same story, when every model's
  /// differ by less than ``AdviceThresholds/agreementGap``: balanced
  /// classes alone do not make them agree.
  ///
  /// - Parameters:
  ///   - data: The first model's gold-label facts.
  ///   - models: Every model; each must agree, and with several the
  ///     message cites each one's scores by name.
  func balancedBinaryMetricsAgree(
    _ data: DataProfile, models: [(name: String, profile: ClassProfile)] = []
  ) -> Advice? {
    let metrics = data.metrics
    guard metrics.problem == .binary, let positive = metrics.positiveLabel,
      data.classes.count == 2, let smallest = data.classes.min(by: { $0.weight < $1.weight }),
      data.itemCount > 0
    else { return nil }
    let share = data.share(smallest.weight)
    guard share >= thresholds.balancedMinorityShare else { return nil }
    let cited = CitedScores(models, first: data.profile)
    // A model that predicts one label for most items parts accuracy and
    // F1 however balanced the gold labels are.
    let gaps = cited.profiles.map {
      abs($0.value(of: .accuracy) - $0.value(of: .binaryF1))
    }
    guard let widest = gaps.max(), gaps.allSatisfy({ $0 < thresholds.agreementGap }) else {
      return nil
    }
    let counts = data.classes.map {
      "\(AdviceText.quoted($0.label)): \(data.profile.isWeighted ? data.size($0) : DisplayNumber.count($0.support))"
    }
    let scores = [
      CitedScore(.accuracy), CitedScore(.binaryF1, phrase: "F1 of \(AdviceText.quoted(positive))"),
    ]
    let agreement =
      cited.isNamed
      ? "each model's accuracy and F1 of \(AdviceText.quoted(positive)) differ by at most "
        + DisplayNumber.score(widest, digits: 4)
      : "accuracy\(cited.inline(.accuracy)) and F1 of \(AdviceText.quoted(positive))"
        + "\(cited.inline(.binaryF1)) differ by only \(DisplayNumber.score(widest, digits: 4))"
    let message =
      "The two classes are nearly balanced (\(counts.joined(separator: ", ")); the smaller holds "
      + "\(DisplayNumber.percent(share)) of the \(data.profile.isWeighted ? "weight" : "items")), and "
      + agreement + ": they tell the same story. F1 of the positive label is the usual headline; "
      + "accuracy is a fair summary here, which it would not be with imbalanced classes, nor "
      + "with a model that predicts one label for most items."
    return Advice(
      rule: .balancedBinaryMetricsAgree, severity: .note,
      title: "Balanced binary classes: accuracy and F1 agree",
      message: message + cited.listing(scores),
      evidence: data.classes.map { data.profile.supportEvidence($0) }
        + [AdviceEvidence("minority_share", value: share)] + cited.evidence(scores))
  }

  /// ``AdviceRule/microF1EqualsAccuracy``: single-label multiclass
  /// micro-F1 is accuracy.
  ///
  /// - Parameters:
  ///   - data: The first model's gold-label facts.
  ///   - models: Every model; with several, the message cites each one's
  ///     scores by name.
  func microF1EqualsAccuracy(
    _ data: DataProfile, models: [(name: String, profile: ClassProfile)] = []
  ) -> Advice? {
    let metrics = data.metrics
    guard metrics.problem == .multiclass,
      metrics.scope.evaluatedClassCount == metrics.scope.classCount
    else { return nil }
    let cited = CitedScores(models, first: data.profile)
    let scores = [CitedScore(.microF1), CitedScore(.accuracy)]
    let message =
      "Each item has one gold label and one prediction, and every label is evaluated, so each "
      + "error is one false positive and one false negative: micro precision, micro recall and "
      + "micro-F1\(cited.inline(.microF1, digits: 4)) all equal accuracy"
      + "\(cited.inline(.accuracy, digits: 4))\(cited.isNamed ? ", for every model" : ""). "
      + "Report one of them, not both as if they were two findings."
    return Advice(
      rule: .microF1EqualsAccuracy, severity: .note,
      title: "Micro-F1 equals accuracy here", message: message + cited.listing(scores),
      evidence: cited.evidence(scores))
  }

  /// ``AdviceRule/labelWithoutGoldItems``: an evaluated label never occurs,
  /// so its recall is undefined; beside other models, one that never
  /// predicts it has a macro-F1 other than on its own.
  ///
  /// - Parameters:
  ///   - data: The first model's gold-label facts.
  ///   - models: Every model, with its class profile, when several are
  ///     compared over one label set.
  func labelWithoutGoldItems(
    _ data: DataProfile, models: [(name: String, profile: ClassProfile)] = []
  ) -> Advice? {
    let metrics = data.metrics
    // With sample weights a class whose items all weigh 0 has recall 0/0 too.
    let absent = data.classes.filter { $0.weight == 0 }.map(\.label)
    guard !absent.isEmpty else { return nil }
    let cited = CitedScores(models, first: data.profile)
    let names = cited.isNamed ? models.map { $0.name as String? } : [nil]
    var evidence = absent.map { AdviceEvidence("support", label: $0, count: 0) }
    var recalls: [String] = []
    var f1s: [String] = []
    var misses: [String] = []
    for (name, profile) in zip(names, cited.profiles) {
      let effect = absentLabelEffect(Set(absent), profile: profile, model: name)
      let prefix = name.map { "\($0): " } ?? ""
      recalls.append(prefix + effect.recalls)
      if let f1 = effect.f1s { f1s.append(prefix + f1) }
      if let miss = effect.miss { misses.append(miss) }
      evidence += effect.evidence
    }
    let isPlural = absent.count > 1
    var message =
      "\(AdviceText.list(absent.map(AdviceText.quoted))) \(isPlural ? "have" : "has") no "
      + (data.profile.isWeighted ? "gold weight" : "gold items")
      + ", so recall is 0/0 and zero_division decides it: macro recall is "
      + "\(recalls.joined(separator: "; "))."
    if !f1s.isEmpty {
      message +=
        " A label that no gold item has and no prediction names has F1 0/0 too, so macro-F1 "
        + "moves with zero_division as well: \(f1s.joined(separator: "; "))."
    }
    message += misses.joined()
    message +=
      " Evaluate only labels that occur, or say which zero_division you used."
      + ownMacroSentence(
        absent: Set(absent), models: models, zeroDivision: metrics.scope.zeroDivision)
    return Advice(
      rule: .labelWithoutGoldItems, severity: .warning,
      title: "Evaluated labels without gold items", message: message, evidence: evidence)
  }

  /// What labels without gold items do to one model's macro averages:
  /// macro recall under each zero-division setting; macro-F1 under each
  /// when it moves (a label never predicted has F1 0/0); and, for labels
  /// the model predicts, the sentence that their F1 is 0 under every
  /// setting, with macro-F1 over the labels that occur beside it.
  ///
  /// - Parameters:
  ///   - absent: The labels without gold items.
  ///   - profile: The model's class profile.
  ///   - model: The model's name when several are advised.
  /// - Returns: The macro recalls and macro-F1s in words, the sentence,
  ///   and their evidence.
  private func absentLabelEffect(
    _ absent: Set<String>, profile: ClassProfile, model: String?
  ) -> (recalls: String, f1s: String?, miss: String?, evidence: [AdviceEvidence]) {
    let settings = ZeroDivision.allCases.map {
      (setting: $0, metrics: Self.rescored(profile.metrics, zeroDivision: $0))
    }
    func values(_ metric: Metric) -> [(setting: ZeroDivision, value: Double)] {
      settings.map { ($0.setting, $0.metrics?.value(of: metric) ?? .nan) }
    }
    func words(_ values: [(setting: ZeroDivision, value: Double)]) -> String {
      AdviceText.list(values.map { "\(DisplayNumber.score($0.value)) with \($0.setting.rawValue)" })
    }
    func evidence(_ name: String, _ values: [(setting: ZeroDivision, value: Double)])
      -> [AdviceEvidence]
    {
      values.map {
        AdviceEvidence(
          "\(name)_zero_division_\($0.setting.rawValue)", model: model, value: $0.value)
      }
    }
    let recalls = values(.macroRecall)
    var result = evidence("macro_recall", recalls)
    let f1s = values(.macroF1)
    let moves = f1s.contains {
      !($0.value == f1s[0].value || ($0.value.isNaN && f1s[0].value.isNaN))
    }
    if moves { result += evidence("macro_f1", f1s) }
    let rows = Array(profile.rows)
    let predicted = rows.filter { absent.contains($0.label) && $0.predicted > 0 }
    let occurring = rows.filter { $0.weight > 0 }
    guard !predicted.isEmpty, !occurring.isEmpty else {
      return (words(recalls), moves ? words(f1s) : nil, nil, result)
    }
    // A label predicted but in no gold set has precision 0 and F1 0 under
    // every setting: macro-F1 counts it, while over the labels that occur
    // (scikit-learn's labels= those) it would not.
    let macroF1 = profile.value(of: .macroF1)
    let overOccurring = occurring.reduce(0) { $0 + $1.f1 } / Double(occurring.count)
    let count = predicted.reduce(0) { $0 + $1.predicted }
    let items =
      profile.isWeighted
      ? "items of weight \(DisplayNumber.weight(count))" : AdviceText.items(Int(count))
    let labels = AdviceText.list(predicted.map { AdviceText.quoted($0.label) })
    let isPlural = predicted.count > 1
    let subject =
      model.map { "\($0) predicts \(labels) for \(items)" }
      ?? "\(labels) \(isPlural ? "are" : "is") predicted for \(items)"
    let miss =
      " \(subject), none of them correctly, so \(isPlural ? "their" : "its") precision and F1 are 0 "
      + "under every setting: macro-F1 (\(DisplayNumber.score(macroF1))) counts "
      + "\(isPlural ? "them as complete misses" : "it as a complete miss"), where over the labels "
      + "with gold items it is \(DisplayNumber.score(overOccurring))."
    result += predicted.map {
      profile.isWeighted
        ? AdviceEvidence("predicted", label: $0.label, model: model, value: $0.predicted)
        : AdviceEvidence("predicted", label: $0.label, model: model, count: Int($0.predicted))
    }
    result += [
      AdviceEvidence(Metric.macroF1.rawValue, model: model, value: macroF1),
      AdviceEvidence("macro_f1_labels_with_gold_items", model: model, value: overOccurring),
    ]
    return (words(recalls), moves ? words(f1s) : nil, miss, result)
  }

  /// The sentence that names the models whose macro-F1 counts a label
  /// they never predict and no gold item has: each scores 0 on it, where
  /// scikit-learn's `f1_score(y, p, average="macro")` on that model alone
  /// leaves it out. Empty with one model, or under zero division `nan`,
  /// which leaves such a label out too.
  private func ownMacroSentence(
    absent: Set<String>, models: [(name: String, profile: ClassProfile)],
    zeroDivision: ZeroDivision
  ) -> String {
    guard models.count > 1, zeroDivision != .nan else { return "" }
    let differing = models.compactMap { model -> String? in
      let rows = Array(model.profile.rows)
      guard rows.contains(where: { absent.contains($0.label) && $0.predicted == 0 }) else {
        return nil
      }
      let own = rows.filter { $0.weight > 0 || $0.predicted > 0 }
      guard !own.isEmpty else { return nil }
      let here = rows.reduce(0) { $0 + $1.f1 } / Double(rows.count)
      let alone = own.reduce(0) { $0 + $1.f1 } / Double(own.count)
      return "\(model.name)'s macro-F1 is \(DisplayNumber.score(here)) here and "
        + "\(DisplayNumber.score(alone)) on its own"
    }
    guard !differing.isEmpty else { return "" }
    return " Models compared share one label set, so a model that never predicts such a label "
      + "scores \(zeroDivision == .one ? "1" : "0") on it in its macro averages, where "
      + "scikit-learn's f1_score(y, p, average=\"macro\") on that model alone leaves it out: "
      + AdviceText.list(differing) + "."
  }

  /// ``AdviceRule/smallClassSupport``: scores of a class with few gold
  /// items are uncertain.
  func smallClassSupport(_ data: DataProfile, models: [AdvisedModel]) -> Advice? {
    let small = data.classes.indices.filter {
      let row = data.classes[$0]
      return row.support > 0 && row.support < thresholds.smallSupport
    }
    guard !small.isEmpty else { return nil }
    var evidence: [AdviceEvidence] = []
    var descriptions: [String] = []
    let isNamed = models.count > 1
    var isWithoutInterval = false
    for index in small {
      let entry = data.classes[index]
      evidence.append(data.profile.supportEvidence(entry))
      // The widest F1 interval among the models, when intervals exist.
      let widest = models.compactMap { model -> (String, ConfidenceInterval)? in
        guard index < model.classF1Intervals.count, let interval = model.classF1Intervals[index]
        else { return nil }
        return (model.name, interval)
      }.max { $0.1.width < $1.1.width }
      if let (model, interval) = widest {
        evidence.append(
          AdviceEvidence(
            "f1_interval_width", label: entry.label, model: isNamed ? model : nil,
            value: interval.width))
        descriptions.append(
          "\(AdviceText.quoted(entry.label)) (\(data.size(entry)); F1 interval "
            + "\(DisplayNumber.interval(interval, digits: 2)), \(DisplayNumber.score(interval.width, digits: 2)) wide"
            + (isNamed ? " for \(model)" : "") + ")")
      } else if data.profile.isWeighted {
        isWithoutInterval = true
        // A Wilson interval counts items, while the weighted recall is a
        // ratio of weight sums: an interval from correct items over the
        // class's weight need not even contain the recall. Quote none.
        let recall = entry.recall
        guard recall.isFinite else { continue }
        evidence.append(AdviceEvidence("recall", label: entry.label, value: recall))
        descriptions.append(
          "\(AdviceText.quoted(entry.label)) (recall \(DisplayNumber.score(recall, digits: 2)) at "
            + "\(data.size(entry)))")
      } else {
        let recall = entry.recall
        guard
          let wilson = try? AnalyticInterval.wilson(
            successes: entry.truePositives, trials: entry.support),
          wilson.lower.isFinite, wilson.upper.isFinite, wilson.lower <= wilson.upper
        else { continue }
        evidence.append(AdviceEvidence("recall", label: entry.label, value: recall))
        evidence.append(
          AdviceEvidence("recall_wilson_interval_width", label: entry.label, value: wilson.width))
        descriptions.append(
          "\(AdviceText.quoted(entry.label)) (recall \(DisplayNumber.score(recall, digits: 2)) on "
            + "\(AdviceText.items(entry.support)), 95% Wilson interval "
            + "\(DisplayNumber.interval(wilson, digits: 2)), \(DisplayNumber.score(wilson.width, digits: 2)) wide)"
        )
      }
    }
    let weightNote =
      isWithoutInterval
      ? " No Wilson interval is quoted: it counts items, and these items carry sample weights; "
        + "'f1kit evaluate --ci --weight-column' bootstraps weighted intervals."
      : ""
    let isPlural = small.count > 1
    let message =
      "\(isPlural ? "These classes have" : "This class has") fewer than \(thresholds.smallSupport) "
      + "gold items, so \(isPlural ? "their" : "its") per-class scores are uncertain: "
      + AdviceText.list(descriptions, limit: 6)
      + "." + weightNote + " Read differences on \(isPlural ? "them" : "it") as noise unless the "
      + "intervals separate; collect more examples before tuning for \(isPlural ? "them" : "it")."
    return Advice(
      rule: .smallClassSupport, severity: .warning,
      title: "Few gold items: wide intervals for \(small.count) class\(isPlural ? "es" : "")",
      message: message, evidence: evidence)
  }

  /// The same counts (and sample weights) scored under another
  /// zero-division rule.
  static func rescored(
    _ metrics: ClassificationMetrics, zeroDivision: ZeroDivision
  ) -> ClassificationMetrics? {
    metrics.scored(zeroDivision: zeroDivision)
  }
}
