import F1Kit
import F1KitAdvice
import F1KitReading
import F1KitStatistics

/// Computes a ``ReportModel`` from models' predictions: scores on a shared
/// label order, baselines, every pair compared through the statistics
/// module's comparison engine, and advice.
///
/// ```swift
/// let inputs = try files.map { path in
///   try ReportInput(name: path, sourceFile: path,
///                   items: PredictionReader(path: path).readItems())
/// }
/// let model = try ReportBuilder(options: ReportOptions(seed: 1)).build(inputs)
/// let html = HTMLReport(model).render()
/// ```
public struct ReportBuilder: Sendable {
  /// What the report covers and how statistics are computed.
  public var options: ReportOptions
  /// The advice rules.
  public var advisor: MetricAdvisor
  /// The most item draws the per-class bootstrap of one model may take
  /// (``defaultClassBootstrapBudget``, lowered by tests to
  /// reach the delta method at few resamples).
  var classBootstrapBudget = Self.defaultClassBootstrapBudget

  /// Creates a builder.
  ///
  /// - Parameters:
  ///   - options: What the report covers and how statistics are computed.
  ///   - advisor: The advice rules.
  public init(options: ReportOptions = ReportOptions(), advisor: MetricAdvisor = MetricAdvisor()) {
    self.options = options
    self.advisor = advisor
  }

  /// Builds the report model.
  ///
  /// Every model is scored over the same label order: `--labels` when
  /// given, otherwise the sorted union of every model's labels, so tables
  /// and charts line up and a label only one model predicts appears for
  /// all.
  ///
  /// - Parameter inputs: The models' predictions, reference first.
  /// - Returns: The report model.
  /// - Throws: ``ReportError`` when there are no inputs, the models' gold
  ///   labels differ, or the options do not fit the data.
  /// - Complexity: O(*m* *k*²) for *m* models and *k* labels, plus the
  ///   resampling: O(*B* (*c* + *k*²)) per model and comparison for *B*
  ///   resamples and *c* non-empty cells.
  public func build(_ inputs: [ReportInput]) throws(ReportError) -> ReportModel {
    try build(inputs, jointCounts: nil)
  }

  /// Builds the report model of models whose joint counts are known, such
  /// as several prediction columns of one file or a joint count table:
  /// every pair is compared from these counts, as from aligned items.
  ///
  /// - Parameters:
  ///   - inputs: The models' confusion matrices, reference first.
  ///   - jointCounts: The models' counts, one model per input in the same
  ///     order, or `nil` to align the inputs' items.
  ///   - progress: Called as the comparison engine's resampling advances.
  /// - Returns: The report model.
  /// - Throws: ``ReportError`` as ``build(_:)`` does.
  public func build(
    _ inputs: [ReportInput], jointCounts: ComparisonCounts?,
    progress: ResamplingProgress? = nil
  ) throws(ReportError) -> ReportModel {
    guard !inputs.isEmpty else { throw .noModels }
    // One label order for every model: the caller's labels first, then
    // every other label any model has, in LabelOrdering order.
    let requested = options.evaluation.labels
    let union = LabelOrdering.sorted(inputs.flatMap(\.confusionMatrix.labels))
    let order: [String]
    do {
      order = try ConfusionMatrix(labels: union).reordered(to: requested ?? []).labels
    } catch {
      throw .invalidOptions(error.description)
    }
    var evaluation = options.evaluation
    evaluation.labels = requested ?? order
    var models: [ModelEvaluation] = []
    for input in inputs {
      do {
        let metrics =
          if let weighted = input.weightedConfusionMatrix {
            try ClassificationMetrics(
              weightedConfusionMatrix: weighted.reordered(to: order), options: evaluation)
          } else {
            try ClassificationMetrics(
              confusionMatrix: input.confusionMatrix.reordered(to: order), options: evaluation)
          }
        models.append(
          ModelEvaluation(name: input.name, sourceFile: input.sourceFile, metrics: metrics))
      } catch {
        throw .invalidOptions("\(error)")
      }
    }
    for (input, model) in zip(inputs, models).dropFirst() {
      do {
        try Self.checkSameGold(
          reference: inputs[0], referenceMetrics: models[0].metrics, input, model.metrics)
      } catch {
        // Items, unlike counts per label, can say where the files first
        // differ: a shorter file's last item, or the first other label.
        if jointCounts == nil { _ = try Self.align(inputs, labels: requested, order: order) }
        throw error
      }
    }
    let (paired, aligned) = try Self.pairedCounts(
      inputs, jointCounts: jointCounts, labels: requested, order: order)
    // The examples are picked now, so that the aligned items can go.
    let examples = exampleCandidates(inputs, aligned: aligned)
    let alignment = Self.alignmentDescription(
      inputs, aligned: aligned, isJoint: jointCounts != nil && paired != nil)
    var disagreements: [ModelDisagreement] = []
    var comparison: ModelComparison?
    if options.resamples > 0 {
      comparison = try computeStatistics(
        paired: paired, order: order, evaluation: evaluation, models: &models,
        disagreements: &disagreements, progress: progress)
    }
    let reference = models[0].metrics
    let baselines = BaselineStrategy.allCases.map { BaselineScores($0, for: reference) }
    let scores = try scoreReport(inputs, models: models)
    let advice = MetricAdvisor.ordered(
      advisor.advice(for: models.map(\.advised), comparison: comparison)
        + advisor.scoreAdvice(for: scores?.advised ?? []))
    let hasStatistics = options.resamples > 0
    let hasHistograms =
      comparison?.pairs.contains { !$0.bootstrap.resampledDifferences.isEmpty } ?? false
    let metadata = RunMetadata(
      toolVersion: options.toolVersion,
      seed: hasStatistics ? options.seed : nil,
      resamples: hasStatistics ? options.resamples : nil,
      confidence: options.confidence,
      methods: methodDescriptions(
        models: models, isPaired: paired != nil, hasHistograms: hasHistograms),
      firstRunMethods: methodDescriptions(
        models: models, isPaired: paired != nil, hasHistograms: hasHistograms,
        isBesideExperiment: true),
      zeroDivision: evaluation.zeroDivision.rawValue,
      labelOrder: reference.labels,
      inputFiles: inputs.map(\.sourceFile),
      trainingLog: options.trainingCurve?.source,
      inputSettings: inputSettings(reference: models[0].metrics, alignment: alignment))
    var report = ReportModel(
      title: options.title, models: models,
      comparedMetrics: models.count > 1 ? Self.comparedMetrics(for: reference.problem) : [],
      comparison: comparison, disagreements: disagreements,
      baselines: baselines, trainingCurve: options.trainingCurve, advice: advice, metadata: metadata
    )
    report.examples = examples
    report.scores = scores
    return report
  }

  /// Items to show with their text, picked from the predictions: up to
  /// ``ItemExamples/itemLimit`` that every model gets wrong, and as many on
  /// which the models disagree. Their text is not read here.
  func exampleCandidates(_ inputs: [ReportInput], aligned: AlignedPredictions?)
    -> [ItemExamples]
  {
    let labels: [String]
    let gold: [Int32]
    let predictions: [[Int32]]
    let ids: ItemIdentifiers?
    if let aligned {
      (labels, gold, predictions, ids) =
        (aligned.labels, aligned.gold, aligned.predictions, aligned.identifiers)
    } else if inputs.count == 1, let items = inputs[0].items {
      (labels, gold, predictions, ids) = (
        items.labels, items.gold, [items.predicted], items.identifiers
      )
    } else {
      return []
    }
    func item(_ row: Int) -> ItemExamples.Item {
      ItemExamples.Item(
        row: row, id: ids?[row], gold: labels[Int(gold[row])],
        predictions: predictions.map { labels[Int($0[row])] }, texts: [])
    }
    var groups: [ItemExamples] = []
    let wrong = ItemExamples.pick(count: gold.count, seed: options.seed) { row in
      predictions.allSatisfy { $0[row] != gold[row] }
    }
    if !wrong.isEmpty { groups.append(ItemExamples(kind: .misclassified, items: wrong.map(item))) }
    if predictions.count > 1 {
      let differing = ItemExamples.pick(count: gold.count, seed: options.seed ^ 0xD15A) { row in
        predictions.contains { $0[row] != predictions[0][row] }
      }
      if !differing.isEmpty {
        groups.append(ItemExamples(kind: .disagreement, items: differing.map(item)))
      }
    }
    return groups
  }

  /// The caller's input settings, then the positive label and how the
  /// files were aligned.
  func inputSettings(reference: ClassificationMetrics, alignment: String)
    -> [RunMetadata.Setting]
  {
    var settings = options.inputSettings
    if let positive = reference.positiveLabel {
      let source =
        options.evaluation.positiveLabel != nil
        ? "given with --positive" : "assumed: the labels are a well-known pair"
      settings.append(.init(name: "Positive label", value: "“\(positive)” (\(source))"))
    } else {
      settings.append(.init(name: "Positive label", value: "none (\(reference.problem.rawValue))"))
    }
    settings.append(.init(name: "Alignment", value: alignment))
    return settings
  }

  /// How the models' items were paired, in words.
  static func alignmentDescription(
    _ inputs: [ReportInput], aligned: AlignedPredictions?, isJoint: Bool
  ) -> String {
    if inputs.count == 1 { return "none needed (one model)" }
    if isJoint { return "row by row: one file holds every model's predictions" }
    if let aligned {
      return aligned.identifiers != nil
        ? "by item id: every file has an id column, and each item is matched by its id"
        : "row by row: the files hold the same items in the same order (no id column)"
    }
    if inputs.contains(where: { $0.items == nil }) {
      return "none: a count table has no items, so models are compared without paired tests"
    }
    return "none: the files' label orders differ, so models are compared without paired tests"
  }

  /// The counts of paired comparisons: the joint counts given, or those of
  /// the models' aligned items; `nil` when there is one model, some file is
  /// a count table of one model, or the label orders differ.
  ///
  /// The aligned items come back too (`nil` with joint counts), for the
  /// examples.
  static func pairedCounts(
    _ inputs: [ReportInput], jointCounts: ComparisonCounts?, labels: [String]?, order: [String]
  ) throws(ReportError) -> (counts: ComparisonCounts?, aligned: AlignedPredictions?) {
    // Weighted models are scored from their weighted counts, even alone.
    guard inputs.count > 1 || jointCounts?.isWeighted == true else { return (nil, nil) }
    if let jointCounts {
      guard jointCounts.matrices.count == inputs.count, jointCounts.isPaired,
        jointCounts.labels.count == order.count,
        zip(jointCounts.labels, order).allSatisfy({ $0.utf8.elementsEqual($1.utf8) })
      else { return (nil, nil) }
      return (jointCounts, nil)
    }
    guard let aligned = try align(inputs, labels: labels, order: order) else { return (nil, nil) }
    do {
      return (try ComparisonCounts(aligned), aligned)
    } catch {
      throw .statistics(error.description)
    }
  }

  /// Aligns the models' items for paired comparisons, or `nil` when there
  /// is one model or some file is a count table.
  static func align(
    _ inputs: [ReportInput], labels: [String]?, order: [String]
  ) throws(ReportError) -> AlignedPredictions? {
    guard inputs.count > 1 else { return nil }
    let items = inputs.compactMap(\.items)
    guard items.count == inputs.count else { return nil }
    let aligned: AlignedPredictions
    do {
      aligned = try AlignedPredictions(items, names: inputs.map(\.sourceFile), labels: labels)
    } catch {
      throw .itemsNotAligned(error)
    }
    guard aligned.labels.count == order.count,
      zip(aligned.labels, order).allSatisfy({ $0.utf8.elementsEqual($1.utf8) })
    else { return nil }
    return aligned
  }

  /// The metrics compared between models, primary first: the headline
  /// metric, accuracy, balanced accuracy, weighted-F1 and MCC, with
  /// macro-F1 after binary F1 in a binary problem.
  public static func comparedMetrics(for problem: ProblemKind) -> [Metric] {
    switch problem {
    case .binary:
      [.binaryF1, .macroF1, .accuracy, .balancedAccuracy, .weightedF1, .matthewsCorrelation]
    case .multiclass: [.macroF1, .accuracy, .balancedAccuracy, .weightedF1, .matthewsCorrelation]
    }
  }

  /// Checks that two models were scored on the same gold labels: the same
  /// gold count per label. Item by item, ``align(_:labels:order:)`` checks.
  static func checkSameGold(
    reference: ReportInput, referenceMetrics: ClassificationMetrics, _ input: ReportInput,
    _ metrics: ClassificationMetrics
  ) throws(ReportError) {
    let referenceRows = referenceMetrics.confusionMatrix.rows.map { $0.reduce(0, +) }
    let rows = metrics.confusionMatrix.rows.map { $0.reduce(0, +) }
    let labels = metrics.confusionMatrix.labels
    let referenceLabels = referenceMetrics.confusionMatrix.labels
    let sameLabels =
      referenceLabels.count == labels.count
      && zip(referenceLabels, labels).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
    if referenceRows != rows || !sameLabels {
      let index =
        rows.indices.first { $0 < referenceRows.count && rows[$0] != referenceRows[$0] } ?? 0
      let detail =
        referenceRows.count == rows.count && index < labels.count
          && sameLabels
        ? "label \"\(labels[index])\" has \(rows[index]) gold items, not \(referenceRows[index])"
        : "their gold label sets differ"
      throw .goldLabelsDiffer(reference: reference.name, model: input.name, detail: detail)
    }
  }
}
