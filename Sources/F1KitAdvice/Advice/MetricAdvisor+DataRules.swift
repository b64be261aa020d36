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
  func imbalancedClasses(_ data: DataProfile) -> Advice? {
    guard let largest = data.largest, let smallest = data.smallest, data.occurring.count > 1
    else { return nil }
    let ratio = largest.weight / smallest.weight
    guard ratio >= thresholds.imbalanceRatio else { return nil }
    let metrics = data.metrics
    let accuracy = data.profile.value(of: .accuracy)
    let balanced = data.profile.value(of: .balancedAccuracy)
    let mcc = data.profile.value(of: .matthewsCorrelation)
    let score = DisplayNumber.score
    let opening =
      "The largest class, \(AdviceText.quoted(largest.label)) (\(data.size(largest)), "
      + "\(DisplayNumber.percent(data.share(largest.weight)))), is \(DisplayNumber.ratio(ratio))× "
      + "the smallest, \(AdviceText.quoted(smallest.label)) (\(data.size(smallest)))."
    var evidence = [
      AdviceEvidence("imbalance_ratio", value: ratio),
      data.profile.supportEvidence(largest),
      data.profile.supportEvidence(smallest),
      AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
    ]
    let message: String
    let isMinorityPositive =
      metrics.positiveLabel.map { $0.utf8.elementsEqual(smallest.label.utf8) } ?? true
    if metrics.problem == .binary, let positive = metrics.positiveLabel {
      let f1 = data.profile.value(of: .binaryF1)
      evidence += [
        AdviceEvidence(Metric.binaryF1.rawValue, value: f1),
        AdviceEvidence(Metric.balancedAccuracy.rawValue, value: balanced),
        AdviceEvidence(Metric.matthewsCorrelation.rawValue, value: mcc),
      ]
      // With the frequent class as the positive label, its F1 is filled by
      // that class; the minority class's F1 is the one to report.
      let report: String
      if isMinorityPositive {
        report =
          "Report F1 of the positive label \(AdviceText.quoted(positive)) (\(score(f1, 4)))"
      } else {
        evidence.append(AdviceEvidence("f1", label: smallest.label, value: smallest.f1))
        report =
          "Report F1 of the minority class \(AdviceText.quoted(smallest.label)) "
          + "(\(score(smallest.f1, 4)); --positive \(AdviceText.quoted(smallest.label)) makes it the "
          + "primary metric) rather than F1 of the positive label \(AdviceText.quoted(positive)) "
          + "(\(score(f1, 4))), which the frequent class fills"
      }
      message =
        opening + " Accuracy (\(score(accuracy, 4))) mostly measures the frequent class: always "
        + "predicting \(AdviceText.quoted(largest.label)) would score "
        + "\(score(data.share(largest.weight), 4)). " + report
        + ", and MCC (\(score(mcc, 4))) or balanced accuracy (\(score(balanced, 4))) when both classes matter."
    } else {
      let micro = data.profile.value(of: .microF1)
      let macro = data.profile.value(of: .macroF1)
      evidence += [
        AdviceEvidence(Metric.microF1.rawValue, value: micro),
        AdviceEvidence(Metric.macroF1.rawValue, value: macro),
        AdviceEvidence(Metric.balancedAccuracy.rawValue, value: balanced),
        AdviceEvidence(Metric.matthewsCorrelation.rawValue, value: mcc),
      ]
      message =
        opening + " Accuracy (\(score(accuracy, 4))) and micro-F1 (\(score(micro, 4))) count "
        + (data.profile.isWeighted ? "every item by its sample weight" : "every item once")
        + ", so they mostly measure the frequent classes. Macro-F1 "
        + "(\(score(macro, 4))) and balanced accuracy (\(score(balanced, 4))) weigh every class "
        + "equally: prefer them for choosing a model. MCC (\(score(mcc, 4))) corrects for "
        + "chance, but in a multiclass problem it too is driven by the frequent classes."
    }
    return Advice(
      rule: .imbalancedClasses, severity: .recommendation,
      title: metrics.problem == .binary
        ? "Imbalanced classes: prefer F1 of the \(isMinorityPositive ? "positive" : "minority") class or MCC to accuracy"
        : "Imbalanced classes: prefer macro-F1 or balanced accuracy to accuracy",
      message: message, evidence: evidence)
  }

  /// ``AdviceRule/balancedBinaryMetricsAgree``: with near-balanced binary
  /// classes, accuracy and F1 tell the same story.
  func balancedBinaryMetricsAgree(_ data: DataProfile) -> Advice? {
    let metrics = data.metrics
    guard metrics.problem == .binary, let positive = metrics.positiveLabel,
      data.classes.count == 2, let smallest = data.classes.min(by: { $0.weight < $1.weight }),
      data.itemCount > 0
    else { return nil }
    let share = data.share(smallest.weight)
    guard share >= thresholds.balancedMinorityShare else { return nil }
    let accuracy = data.profile.value(of: .accuracy)
    let f1 = data.profile.value(of: .binaryF1)
    let counts = data.classes.map {
      "\(AdviceText.quoted($0.label)): \(data.profile.isWeighted ? data.size($0) : DisplayNumber.count($0.support))"
    }
    let score = DisplayNumber.score
    let message =
      "The two classes are nearly balanced (\(counts.joined(separator: ", ")); the smaller holds "
      + "\(DisplayNumber.percent(share)) of the \(data.profile.isWeighted ? "weight" : "items")), so accuracy (\(score(accuracy, 4))) and F1 of "
      + "\(AdviceText.quoted(positive)) (\(score(f1, 4))) differ by only \(score(abs(accuracy - f1), 4)) "
      + "and tell the same story. F1 of the positive label is the usual headline; accuracy is "
      + "a fair summary here, which it would not be with imbalanced classes."
    return Advice(
      rule: .balancedBinaryMetricsAgree, severity: .note,
      title: "Balanced binary classes: accuracy and F1 agree", message: message,
      evidence: data.classes.map { data.profile.supportEvidence($0) }
        + [
          AdviceEvidence("minority_share", value: share),
          AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
          AdviceEvidence(Metric.binaryF1.rawValue, value: f1),
        ])
  }

  /// ``AdviceRule/microF1EqualsAccuracy``: single-label multiclass
  /// micro-F1 is accuracy.
  func microF1EqualsAccuracy(_ data: DataProfile) -> Advice? {
    let metrics = data.metrics
    guard metrics.problem == .multiclass,
      metrics.scope.evaluatedClassCount == metrics.scope.classCount
    else { return nil }
    let micro = data.profile.value(of: .microF1)
    let accuracy = data.profile.value(of: .accuracy)
    let message =
      "Each item has one gold label and one prediction, and every label is evaluated, so each "
      + "error is one false positive and one false negative: micro precision, micro recall and "
      + "micro-F1 (\(DisplayNumber.score(micro))) all equal accuracy (\(DisplayNumber.score(accuracy))). "
      + "Report one of them, not both as if they were two findings."
    return Advice(
      rule: .microF1EqualsAccuracy, severity: .note,
      title: "Micro-F1 equals accuracy here", message: message,
      evidence: [
        AdviceEvidence(Metric.microF1.rawValue, value: micro),
        AdviceEvidence(Metric.accuracy.rawValue, value: accuracy),
      ])
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
    let settings = ZeroDivision.allCases.map { setting in
      (setting, Self.rescored(metrics, zeroDivision: setting))
    }
    let recalls = settings.map {
      "\(DisplayNumber.score($0.1?.value(of: .macroRecall) ?? .nan)) with \($0.0.rawValue)"
    }
    let message =
      "\(AdviceText.list(absent.map(AdviceText.quoted))) \(absent.count == 1 ? "has" : "have") no "
      + (data.profile.isWeighted ? "gold weight" : "gold items")
      + ", so recall is 0/0 and zero_division decides it: macro recall is "
      + "\(AdviceText.list(recalls)). Evaluate only labels that occur, or say which "
      + "zero_division you used."
      + ownMacroSentence(
        absent: Set(absent), models: models, zeroDivision: metrics.scope.zeroDivision)
    var evidence = absent.map { AdviceEvidence("support", label: $0, count: 0) }
    for (setting, rescored) in settings {
      evidence.append(
        AdviceEvidence(
          "macro_recall_zero_division_\(setting.rawValue)",
          value: rescored?.value(of: .macroRecall) ?? .nan))
    }
    return Advice(
      rule: .labelWithoutGoldItems, severity: .warning,
      title: "Evaluated labels without gold items", message: message, evidence: evidence)
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
