import F1Kit
import F1KitStatistics

/// Computes advice about choosing and reading metrics from the data itself:
/// the class balance, each model's scores and intervals, and the
/// comparisons between models.
///
/// Each piece of ``Advice`` names its ``AdviceRule`` and cites the numbers
/// that made it fire, so a reader can check it. `f1kit advise` prints the
/// advice for one prediction file; `f1kit report` shows the same advice in
/// its Advice section.
///
/// ```swift
/// let metrics = try ClassificationMetrics(confusionMatrix: matrix)
/// for advice in MetricAdvisor().advice(for: metrics) {
///   print(advice.id, advice.message)
/// }
/// ```
///
/// The rules, in the order they are checked:
///
/// | rule | fires when |
/// |---|---|
/// | ``AdviceRule/singleGoldClass`` | every gold item belongs to one class (then ``AdviceRule/noBetterThanBaseline`` is not checked) |
/// | ``AdviceRule/imbalancedClasses`` | largest / smallest class ≥ ``AdviceThresholds/imbalanceRatio`` |
/// | ``AdviceRule/balancedBinaryMetricsAgree`` | binary, smaller class's share ≥ ``AdviceThresholds/balancedMinorityShare``, and each model's accuracy and F1 within ``AdviceThresholds/agreementGap`` |
/// | ``AdviceRule/microF1EqualsAccuracy`` | multiclass with every label evaluated |
/// | ``AdviceRule/labelWithoutGoldItems`` | an evaluated label has no gold items |
/// | ``AdviceRule/smallClassSupport`` | a class has fewer than ``AdviceThresholds/smallSupport`` gold items |
/// | ``AdviceRule/renamedLabels`` | renaming the predicted labels makes at least ``LabelRenaming/smallestGain`` more of the items right |
/// | ``AdviceRule/classNeverPredicted`` | a class that occurs is never predicted |
/// | ``AdviceRule/weightedF1HidesMinorityClasses`` | weighted-F1 − macro-F1 ≥ ``AdviceThresholds/weightedMacroGap`` |
/// | ``AdviceRule/noBetterThanBaseline`` | accuracy ≤ the majority class's, or the primary metric ≤ stratified random's (binary F1: or ≤ always predicting the positive label's) |
/// | ``AdviceRule/noSignificantDifference`` | a pair compared on the primary metric has a decision p-value ≥ the comparison's significance level |
///
/// Multilabel evaluations (`advice(for:)` with `MultilabelMetrics` or a
/// `MultilabelComparison`) have their own rules:
/// ``AdviceRule/multilabelAveraging`` (always, a recommendation when label
/// frequencies differ by ``AdviceThresholds/imbalanceRatio``),
/// ``AdviceRule/emptyLabelSets`` (a warning when at least
/// ``AdviceThresholds/emptyPredictionShare`` of a model's predicted sets
/// are empty), ``AdviceRule/labelWithoutGoldItems`` and
/// ``AdviceRule/classNeverPredicted`` for the labels.
public struct MetricAdvisor: Sendable {
  /// The cut-offs at which the rules fire.
  public var thresholds: AdviceThresholds

  /// Creates an advisor.
  ///
  /// - Parameter thresholds: The cut-offs at which the rules fire.
  public init(thresholds: AdviceThresholds = AdviceThresholds()) {
    self.thresholds = thresholds
  }

  /// Advice for one model's predictions.
  ///
  /// - Parameter metrics: The model's metrics.
  /// - Returns: The advice, warnings first, then recommendations, then
  ///   notes; rules of equal severity in the order of the table above.
  /// - Complexity: One pass over the confusion matrix, then O(*k*) for *k*
  ///   labels.
  public func advice(for metrics: ClassificationMetrics) -> [Advice] {
    advice(for: [AdvisedModel(name: "", metrics: metrics)])
  }

  /// Advice for one or more models scored on the same gold labels, and the
  /// comparisons between them.
  ///
  /// Advice about the data (class balance, label choice) comes once, from
  /// the first model's gold labels. Advice about a model names it in
  /// ``Advice/model`` when there is more than one model.
  ///
  /// - Parameters:
  ///   - models: The models; per-class F1 intervals sharpen the small-class
  ///     advice when present.
  ///   - comparison: The comparison engine's result for the same models, if
  ///     any; its pairs on the first model's primary metric are used.
  /// - Returns: The advice, warnings first, then recommendations, then
  ///   notes; otherwise in rule order, then model order.
  /// - Complexity: One pass over each model's confusion matrix, then
  ///   O(*m* *k* + *p*) for *m* models, *k* labels and *p* compared pairs.
  public func advice(for models: [AdvisedModel], comparison: ModelComparison? = nil) -> [Advice] {
    advice(for: models, comparison: comparison, counter: nil)
  }

  /// ``advice(for:comparison:)``, counting the class rows the rules read.
  package func advice(
    for models: [AdvisedModel], comparison: ModelComparison?, counter: ClassVisitCounter?
  ) -> [Advice] {
    guard let first = models.first else { return [] }
    let profiles = models.map { ClassProfile($0.metrics, counter: counter) }
    var result: [Advice] = []
    let data = DataProfile(profiles[0])
    // One gold class: every model ties or loses to a constant, which is
    // said first, instead of a baseline warning for each model.
    let singleClass = singleGoldClass(data)
    // The data rules cite scores; with several models, each model's.
    let named = zip(models, profiles).map { (name: $0.name, profile: $1) }
    result += [
      singleClass, imbalancedClasses(data, models: named),
      balancedBinaryMetricsAgree(data, models: named),
    ]
    .compactMap { $0 }
    result += [
      microF1EqualsAccuracy(data, models: named),
      labelWithoutGoldItems(data, models: named),
    ].compactMap { $0 }
    result += smallClassSupport(data, models: models).map { [$0] } ?? []
    let isNamed = models.count > 1
    for (model, profile) in zip(models, profiles) {
      let name = isNamed ? model.name : nil
      result += [
        renamedLabels(model.metrics, model: name),
        classNeverPredicted(model.metrics, profile, model: name),
        weightedF1HidesMinorityClasses(model.metrics, profile, model: name),
        singleClass == nil ? noBetterThanBaseline(model.metrics, profile, model: name) : nil,
      ].compactMap { $0 }
    }
    if let comparison {
      let primary = first.metrics.primaryMetric
      for pair in comparison.pairs(on: primary) {
        if let advice = noSignificantDifference(
          pair, in: comparison, positiveLabel: first.metrics.positiveLabel)
        {
          result.append(advice)
        }
        if let advice = singleRunPerModel(
          difference: pair.difference, metric: pair.metric,
          first: comparison.models[pair.first].name, second: comparison.models[pair.second].name)
        {
          result.append(advice)
        }
      }
    }
    // A stable sort: rule and model order survive within a severity.
    return result.enumerated().sorted {
      ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
    }.map(\.element)
  }
}

/// The gold-label facts several rules use.
struct DataProfile {
  let metrics: ClassificationMetrics
  let profile: ClassProfile
  /// Classes with at least one gold item (of positive weight, with sample
  /// weights), in label order.
  let occurring: [ClassProfile.Row]
  /// The most frequent class (by weight, with sample weights); the first
  /// in label order on a tie.
  let largest: ClassProfile.Row?
  /// The least frequent class that occurs (by weight, with sample
  /// weights); the first in label order on a tie.
  let smallest: ClassProfile.Row?

  init(_ profile: ClassProfile) {
    self.metrics = profile.metrics
    self.profile = profile
    // With sample weights the metrics count weight, so the class balance
    // they see is the balance of weight sums.
    let occurring = profile.rows.filter { $0.weight > 0 }
    self.occurring = occurring
    largest = occurring.reduce(nil) { best, next in
      guard let best else { return next }
      return next.weight > best.weight ? next : best
    }
    smallest = occurring.reduce(nil) { best, next in
      guard let best else { return next }
      return next.weight < best.weight ? next : best
    }
  }

  /// Evaluated classes, in label order.
  var classes: ClassProfile.Rows { profile.rows }

  /// The number of items.
  var itemCount: Int { profile.itemCount }

  /// The share of the total (weight, or items) that a gold total
  /// represents.
  func share(_ weight: Double) -> Double { profile.share(weight) }

  /// A class's size in words (see ``ClassProfile/size(_:)``).
  func size(_ row: ClassProfile.Row) -> String { profile.size(row) }
}

/// Formatting shared by the rules' messages.
enum AdviceText {
  /// `"grain"`, with control characters escaped and a long label cut, so
  /// a label cannot restyle a terminal or split a message.
  static func quoted(_ label: String) -> String { TerminalText.quoted(label) }

  /// `a`, `a and b`, `a, b and c`; past `limit` items, `a, b, c and 4 more`.
  static func list(_ items: [String], limit: Int = 5) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    if items.count > limit {
      return items.prefix(limit).joined(separator: ", ")
        + " and \(DisplayNumber.count(items.count - limit)) more"
    }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  /// A value that does not beat a baseline, in words: `equals` for a tie
  /// (up to rounding in the last bits), `is below` otherwise, with the two
  /// numbers given to as many decimals (4 to 8) as it takes to tell them
  /// apart, so that the words never contradict the numbers beside them.
  static func shortfall(
    _ value: Double, below baseline: Double
  ) -> (value: String, verb: String, baseline: String) {
    if abs(value - baseline) <= 1e-12 * max(abs(baseline), 1) {
      let text = DisplayNumber.score(baseline)
      return (text, "equals", text)
    }
    var digits = 4
    while digits < 8,
      DisplayNumber.score(value, digits: digits)
        == DisplayNumber.score(baseline, digits: digits)
    {
      digits += 1
    }
    return (
      DisplayNumber.score(value, digits: digits), "is below",
      DisplayNumber.score(baseline, digits: digits)
    )
  }

  /// `1 item`, `10 items`.
  static func items(_ count: Int) -> String {
    count == 1 ? "1 item" : "\(DisplayNumber.count(count)) items"
  }
}
