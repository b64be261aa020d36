import F1Kit
import F1KitStatistics

extension MetricAdvisor {
  /// Advice for a multilabel evaluation: which average to read — samples,
  /// micro or macro — citing the data's label cardinality, label frequency
  /// imbalance and empty label sets, and the labels never predicted or
  /// never in a gold set.
  ///
  /// - Parameter metrics: One model's multilabel metrics.
  /// - Returns: The advice, warnings first, then recommendations, then
  ///   notes.
  /// - Complexity: O(*g* · *s* + *k*) for *g* distinct patterns of at most
  ///   *s* labels and *k* labels.
  /// - Precondition: `metrics` keep their patterns (made by
  ///   `MultilabelMetrics.init(counts:options:)`): the data advice counts
  ///   label sets.
  public func advice(for metrics: MultilabelMetrics) -> [Advice] {
    multilabelAdvice(for: [(name: nil, metrics: metrics)], pairs: [])
  }

  /// Advice for several multilabel models scored on the same gold label
  /// sets, without a comparison: the data advice once, from the first
  /// model's gold sets, and each model's own advice, named when there are
  /// several.
  ///
  /// - Parameters:
  ///   - metrics: Each model's metrics, on the same gold sets.
  ///   - names: Each model's name.
  /// - Returns: The advice, warnings first, then recommendations, then
  ///   notes.
  /// - Complexity: O(*m* · (*g* · *s* + *k*)) for *m* models.
  public func advice(forMultilabel metrics: [MultilabelMetrics], names: [String]) -> [Advice] {
    let isNamed = metrics.count > 1
    return multilabelAdvice(
      for: zip(names, metrics).map { (name: isNamed ? $0 : nil, metrics: $1) }, pairs: [])
  }

  /// Advice for several multilabel models scored on the same gold label
  /// sets, and the comparisons between them.
  ///
  /// Advice about the data (label cardinality and imbalance, empty gold
  /// sets, labels without gold items) comes once, from the first model's
  /// gold sets; advice about a model (empty predicted sets, labels never
  /// predicted) names the model; each pair compared on the headline metric
  /// that is not significantly different gets
  /// ``AdviceRule/noSignificantDifference``.
  ///
  /// - Parameter comparison: The comparison engine's result.
  /// - Returns: The advice, warnings first, then recommendations, then
  ///   notes; otherwise in rule order, then model order.
  /// - Complexity: O(*m* · (*g* · *s* + *k*) + *p*) for *m* models and *p*
  ///   compared pairs.
  public func advice(for comparison: MultilabelComparison) -> [Advice] {
    let isNamed = comparison.models.count > 1
    let models = comparison.models.map { (name: isNamed ? $0.name : nil, metrics: $0.metrics) }
    return multilabelAdvice(
      for: models, pairs: comparison.pairs(on: comparison.options.metric).map { ($0, comparison) })
  }

  private func multilabelAdvice(
    for models: [(name: String?, metrics: MultilabelMetrics)],
    pairs: [(MultilabelComparison.Pair, MultilabelComparison)]
  ) -> [Advice] {
    guard let first = models.first?.metrics else { return [] }
    let data = LabelSetProfile(first)
    var result: [Advice] = []
    if let advice = multilabelAveraging(data, models: models) { result.append(advice) }
    if let advice = emptyGoldSets(data) { result.append(advice) }
    if let advice = labelsWithoutGoldSets(data) { result.append(advice) }
    for model in models {
      let profile = LabelSetProfile(model.metrics)
      if let advice = emptyPredictedSets(profile, model: model.name) { result.append(advice) }
      if let advice = labelsNeverPredicted(profile, model: model.name) { result.append(advice) }
    }
    for (pair, comparison) in pairs {
      let p = comparison.decisionPValue(for: pair)
      let interval = pair.difference
      guard !(p.map { $0 < comparison.significanceLevel } ?? !interval.contains(0)) else {
        continue
      }
      result.append(
        noSignificantDifference(
          ComparedPair(
            first: comparison.models[pair.first].name,
            second: comparison.models[pair.second].name, metricName: pair.metric.displayName,
            difference: interval, decisionPValue: p, test: comparison.primaryTest,
            adjustment: comparison.models.count > 2 ? comparison.options.adjustment : nil,
            itemCount: comparison.itemCount,
            requiredItemCount: comparison.requiredItemCount(for: pair, power: thresholds.power),
            requiredItemRange: comparison.detectionSize(for: pair, power: thresholds.power)
              .roughRequiredCountRange,
            significanceLevel: comparison.significanceLevel)))
    }
    return Self.ordered(result)
  }

  /// ``AdviceRule/multilabelAveraging``: which average answers which
  /// question, and whether label frequencies are uneven enough for micro-F1
  /// to measure mostly the frequent labels.
  private func multilabelAveraging(
    _ data: LabelSetProfile, models: [(name: String?, metrics: MultilabelMetrics)]
  ) -> Advice? {
    guard let most = data.mostFrequent, let least = data.leastFrequent else { return nil }
    let labels = data.labels
    // By weight, as micro- and macro-F1 count: a label in many gold sets of
    // little weight is a rare label to them.
    let ratio = data.goldWeights[most] / data.goldWeights[least]
    let isImbalanced = ratio >= thresholds.imbalanceRatio
    func show(_ value: Double) -> String { DisplayNumber.score(value, digits: 3) }
    let values = models.map { model in
      let metrics = model.metrics
      let prefix = model.name.map { "\($0): " } ?? ""
      return prefix
        + "samples-F1 \(show(metrics.value(of: .samplesF1))), micro-F1 \(show(metrics.value(of: .microF1))), macro-F1 \(show(metrics.value(of: .macroF1)))"
    }
    let ratioText = DisplayNumber.score(ratio, digits: 1)
    let byWeight = data.isWeighted ? " by weight" : ""
    var message =
      "Items carry \(DisplayNumber.score(data.cardinality, digits: 2)) gold labels on average\(byWeight) (at most \(data.largestGoldSet)) over \(labels.count) labels; "
    message +=
      data.isWeighted
      ? "the most frequent label by weight, \(AdviceText.quoted(labels[most])), is \(data.goldSets(of: most)), and the rarest, \(AdviceText.quoted(labels[least])), \(data.goldSets(of: least)) (\(ratioText)×). "
      : "the most frequent label, \(AdviceText.quoted(labels[most])), is in \(DisplayNumber.count(data.goldSupports[most])) gold sets and the rarest, \(AdviceText.quoted(labels[least])), in \(DisplayNumber.count(data.goldSupports[least])) (\(ratioText)×). "
    message +=
      "Samples-F1 scores each item's predicted set and then averages over items: read it when the unit that matters is the item (the tags shown for one document). "
    message +=
      "Micro-F1 pools every item-label decision, so frequent labels dominate it; macro-F1 gives each label the same weight, so rare labels count as much as common ones. "
    message +=
      isImbalanced
      ? "With label frequencies this uneven, micro-F1 mostly measures the frequent labels: report macro-F1 (and per-label F1) beside it when rare labels matter. "
      : "Label frequencies are within \(DisplayNumber.score(thresholds.imbalanceRatio, digits: 0))× of each other, so micro- and macro-F1 weigh labels much alike. "
    message += "Here: \(values.joined(separator: "; "))."
    var evidence = [
      AdviceEvidence("label_cardinality", value: data.cardinality),
      data.supportEvidence(most), data.supportEvidence(least),
      AdviceEvidence("imbalance_ratio", value: ratio),
    ]
    for model in models {
      for metric in [MultilabelMetric.samplesF1, .microF1, .macroF1] {
        evidence.append(
          AdviceEvidence(metric.rawValue, model: model.name, value: model.metrics.value(of: metric))
        )
      }
    }
    return Advice(
      rule: .multilabelAveraging, severity: isImbalanced ? .recommendation : .note,
      title: isImbalanced
        ? "Label frequencies differ \(ratioText)×: read macro-F1 beside micro- and samples-F1"
        : "Samples, micro and macro averages answer different questions",
      message: message, evidence: evidence)
  }

  /// ``AdviceRule/emptyLabelSets`` for the data: items with no gold label,
  /// whose samples scores `zero_division` sets.
  private func emptyGoldSets(_ data: LabelSetProfile) -> Advice? {
    // Items of weight 0 do not move the samples averages.
    guard data.emptyGoldWeight > 0 else { return nil }
    let empty = data.emptyGoldItems
    let zeroDivision = data.metrics.scope.zeroDivision
    let message =
      "Of the \(data.items(data.itemCount, weight: data.totalWeight)), \(DisplayNumber.count(empty))\(data.isWeighted ? " (weight \(DisplayNumber.weight(data.emptyGoldWeight)))" : "") \(empty == 1 ? "has" : "have") no gold label. "
      + "For such an item recall is 0/0, and so is F1 when nothing is predicted: the samples averages count it as the zero-division value (\(zeroDivision.rawValue)), "
      + "so they move with --zero-division while micro- and macro-F1, which pool counts per label, do not. "
      + "Say which zero-division value the samples averages use, or compare on micro- or macro-F1."
    return Advice(
      rule: .emptyLabelSets, severity: .warning,
      title:
        "\(AdviceText.items(empty)) with no gold label: the samples averages depend on zero_division",
      message: message,
      evidence: [
        AdviceEvidence("empty_gold_sets", count: empty),
        AdviceEvidence("n", count: data.itemCount),
      ]
        + (data.isWeighted
          ? [
            AdviceEvidence("empty_gold_weight", value: data.emptyGoldWeight),
            AdviceEvidence("total_weight", value: data.totalWeight),
          ] : []))
  }

  /// ``AdviceRule/emptyLabelSets`` for a model: items it gives no label; a
  /// warning when (nearly) every predicted set is empty, as a single-label
  /// model always predicting one class gets ``AdviceRule/noBetterThanBaseline``.
  private func emptyPredictedSets(_ profile: LabelSetProfile, model: String?) -> Advice? {
    // By weight, as the samples averages count items: empty sets of weight
    // 0 cost nothing, and a heavy one costs its weight.
    guard profile.emptyPredictedWeight > 0 else { return nil }
    let empty = profile.emptyPredictedItems
    let share = profile.emptyPredictedWeight / profile.totalWeight
    var evidence = [
      AdviceEvidence("empty_predicted_sets", model: model, count: empty),
      AdviceEvidence("n", count: profile.itemCount),
    ]
    if profile.isWeighted {
      evidence += [
        AdviceEvidence("empty_predicted_weight", model: model, value: profile.emptyPredictedWeight),
        AdviceEvidence("total_weight", value: profile.totalWeight),
      ]
    }
    guard share >= thresholds.emptyPredictionShare else {
      let message =
        "The model predicts no label at all for \(AdviceText.items(empty)) of \(DisplayNumber.count(profile.itemCount))\(profile.isWeighted ? " (weight \(DisplayNumber.weight(profile.emptyPredictedWeight)) of \(DisplayNumber.weight(profile.totalWeight)), \(DisplayNumber.percent(share)))" : ""). "
        + "Each such item with gold labels has samples-F1 0 (and samples precision 0/0, set by --zero-division), "
        + "so empty predictions lower samples-F1. A lower threshold, or always predicting the most likely label, may help."
      return Advice(
        rule: .emptyLabelSets, severity: .note, model: model,
        title: "\(AdviceText.items(empty)) with no predicted label",
        message: message, evidence: evidence)
    }
    let metrics = profile.metrics
    let values = [MultilabelMetric.microF1, .macroF1, .samplesF1].map {
      (metric: $0, value: metrics.value(of: $0))
    }
    evidence.append(AdviceEvidence("empty_predicted_share", model: model, value: share))
    evidence += values.map { AdviceEvidence($0.metric.rawValue, model: model, value: $0.value) }
    let scores = values.map { "\($0.metric.displayName) \(DisplayNumber.score($0.value))" }
    let isEvery = profile.emptyPredictedWeight == profile.totalWeight
    let of =
      "\(DisplayNumber.count(empty)) of \(DisplayNumber.count(profile.itemCount)) items"
    let weightOf =
      profile.isWeighted
      ? ", weight \(DisplayNumber.weight(profile.emptyPredictedWeight)) of \(DisplayNumber.weight(profile.totalWeight))"
      : ""
    var message =
      "The model predicts no label at all for \(of)\(weightOf) (\(DisplayNumber.percent(share))): "
      + (isEvery
        ? "it is the constant that predicts nothing, whatever the input. "
        : "it is nearly the constant that predicts nothing, and its scores rest on the other "
          + "\(profile.items(profile.itemCount - empty, weight: profile.totalWeight - profile.emptyPredictedWeight)). ")
    message +=
      "Predicting nothing scores micro-F1 0 and F1 0 for every label with gold items under every "
      + "zero_division, and samples-F1 only the zero-division value "
      + "(\(metrics.scope.zeroDivision.rawValue)) for each item with no gold label. "
      + "This model scores \(AdviceText.list(scores)). Check that the prediction column holds "
      + "the predicted labels (its separator, or the threshold that made the sets) before "
      + "reading any other number."
    return Advice(
      rule: .emptyLabelSets, severity: .warning, model: model,
      title: "\(of) with no predicted label: "
        + (isEvery ? "no better than predicting nothing" : "nearly no predictions"),
      message: message, evidence: evidence)
  }

  /// ``AdviceRule/labelWithoutGoldItems``: evaluated labels in no gold set.
  private func labelsWithoutGoldSets(_ data: LabelSetProfile) -> Advice? {
    // By weight: a label only in gold sets of weight 0 has support 0 to the
    // metrics, and recall 0/0.
    let absent = data.labels.indices.filter { data.goldWeights[$0] == 0 }
    guard !absent.isEmpty else { return nil }
    let names = absent.map {
      AdviceText.quoted(data.labels[$0])
        + (data.goldSupports[$0] > 0 ? " (\(data.goldSets(of: $0)))" : "")
    }
    let hasWeightlessGoldSets = absent.contains { data.goldSupports[$0] > 0 }
    let message =
      "\(AdviceText.list(names)) \(absent.count == 1 ? "is" : "are") in no gold set\(hasWeightlessGoldSets ? " of positive weight" : ""), so \(absent.count == 1 ? "its" : "their") recall is 0/0 and --zero-division sets it; "
      + "macro averages include \(absent.count == 1 ? "it" : "them") and micro averages do not (beyond any false positives). "
      + "Evaluate only labels that occur, or say which zero_division you used."
    return Advice(
      rule: .labelWithoutGoldItems, severity: .warning,
      title: "Evaluated labels without gold items", message: message,
      evidence: absent.map { data.supportEvidence($0) })
  }

  /// ``AdviceRule/classNeverPredicted``: labels in gold sets that a model
  /// never predicts, whose precision `zero_division` sets while their F1
  /// stays 0 (as ``classNeverPredicted(_:_:model:)`` says of classes).
  private func labelsNeverPredicted(_ profile: LabelSetProfile, model: String?) -> Advice? {
    let metrics = profile.metrics
    let tallies = metrics.tallies
    // By weight, as the metrics count: a label predicted only for items of
    // weight 0 has precision 0/0 too, and a label with gold weight has
    // false negatives, so its F1 is 0 under every setting.
    let never = profile.labels.indices.filter {
      tallies.truePositives[$0] + tallies.falseNegatives[$0] > 0
        && tallies.truePositives[$0] + tallies.falsePositives[$0] == 0
    }
    guard !never.isEmpty else { return nil }
    let isPlural = never.count > 1
    let names = never.map {
      "\(AdviceText.quoted(profile.labels[$0])) (\(profile.goldSets(of: $0)))"
    }
    var evidence = never.map { profile.supportEvidence($0, model: model) }
    evidence += never.map {
      AdviceEvidence("predicted", label: profile.labels[$0], model: model, count: 0)
    }
    var precisions: [String] = []
    for setting in ZeroDivision.allCases {
      let value = Self.rescored(metrics, zeroDivision: setting).value(
        of: .macroPrecision, in: tallies)
      evidence.append(
        AdviceEvidence(
          "macro_precision_zero_division_\(setting.rawValue)", model: model, value: value))
      precisions.append("\(DisplayNumber.score(value)) with zero_division=\(setting.rawValue)")
    }
    let macroF1 = metrics.value(of: .macroF1)
    evidence.append(AdviceEvidence(MultilabelMetric.macroF1.rawValue, model: model, value: macroF1))
    let (its, it) = isPlural ? ("Their", "them") : ("Its", "it")
    let message =
      "\(AdviceText.list(names)) \(isPlural ? "are" : "is") never predicted. \(its) precision is "
      + "0/0, so --zero-division decides it and shapes the averages: macro precision is "
      + "\(AdviceText.list(precisions)) (nan leaves \(it) out). \(its) recall and F1 are 0 under "
      + "every setting, so macro-F1 (\(DisplayNumber.score(macroF1))) counts \(it) as "
      + (isPlural ? "complete misses" : "a complete miss") + " and micro averages only lose "
      + "\(its.lowercased()) recall. Say which zero_division you used when you report precision."
    let quoted = never.map { AdviceText.quoted(profile.labels[$0]) }
    return Advice(
      rule: .classNeverPredicted, severity: .warning, model: model,
      title: "\(isPlural ? "Labels" : "Label") \(AdviceText.list(quoted)) "
        + "\(isPlural ? "are" : "is") never predicted",
      message: message, evidence: evidence)
  }

  /// The same totals scored under another zero-division rule.
  private static func rescored(
    _ metrics: MultilabelMetrics, zeroDivision: ZeroDivision
  ) -> MultilabelScope {
    MultilabelScope(
      labelCount: metrics.scope.labelCount, groups: [],
      evaluatedLabelCount: metrics.scope.evaluatedLabelCount, zeroDivision: zeroDivision,
      beta: metrics.scope.beta)
  }
}
