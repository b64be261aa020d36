import F1Kit

/// Computes a ``ReportModel`` from models' predictions: scores on a shared
/// label order, baselines, comparisons with the first model, statistics and
/// advice.
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
    guard let first = inputs.first else { throw .noModels }
    var evaluation = options.evaluation
    if evaluation.labels == nil {
      evaluation.labels = LabelOrdering.sorted(inputs.flatMap(\.confusionMatrix.labels))
    }
    var models: [ModelEvaluation] = []
    for input in inputs {
      do {
        let metrics = try ClassificationMetrics(
          confusionMatrix: input.confusionMatrix, options: evaluation)
        models.append(ModelEvaluation(name: input.name, sourceFile: input.sourceFile, metrics: metrics))
      } catch {
        throw .invalidOptions(error.description)
      }
    }
    for (input, model) in zip(inputs, models).dropFirst() {
      try Self.checkSameGold(reference: first, referenceMetrics: models[0].metrics, input, model.metrics)
    }
    var comparisons = Self.pointComparisons(models)
    computeStatistics(inputs, models: &models, comparisons: &comparisons)
    let reference = models[0].metrics
    let baselines = BaselineStrategy.allCases.map { BaselineScores($0, for: reference) }
    let advice = advisor.advice(for: models, comparisons: comparisons)
    let metadata = RunMetadata(
      toolVersion: options.toolVersion,
      seed: hasStatistics ? options.seed : nil,
      resamples: hasStatistics ? options.resamples : nil,
      confidence: options.confidence,
      methods: methodDescriptions(models: models, comparisons: comparisons),
      zeroDivision: evaluation.zeroDivision.rawValue,
      labelOrder: reference.labels,
      inputFiles: inputs.map(\.sourceFile),
      trainingLog: options.trainingCurve?.source)
    return ReportModel(
      title: options.title, models: models, comparisons: comparisons, baselines: baselines,
      trainingCurve: options.trainingCurve, advice: advice, metadata: metadata)
  }

  /// The metrics compared between models, primary first.
  static func comparedMetrics(for problem: ProblemKind) -> [Metric] {
    switch problem {
    case .binary: [.binaryF1, .accuracy, .macroF1, .balancedAccuracy, .matthewsCorrelation]
    case .multiclass: [.macroF1, .accuracy, .weightedF1, .balancedAccuracy, .matthewsCorrelation]
    }
  }

  /// Differences of each later model from the first, without statistics.
  static func pointComparisons(_ models: [ModelEvaluation]) -> [ModelComparison] {
    guard let reference = models.first else { return [] }
    var comparisons: [ModelComparison] = []
    for candidate in models.dropFirst() {
      for metric in comparedMetrics(for: reference.metrics.problem) {
        comparisons.append(
          ModelComparison(
            reference: reference.name, candidate: candidate.name, metric: metric,
            difference: candidate.metrics.value(of: metric) - reference.metrics.value(of: metric)))
      }
    }
    return comparisons
  }

  /// Whether this builder computes intervals and tests.
  var hasStatistics: Bool { false }

  /// Fills in intervals, tests and bootstrap distributions.
  func computeStatistics(
    _ inputs: [ReportInput], models: inout [ModelEvaluation], comparisons: inout [ModelComparison]
  ) {}

  /// How intervals and tests were computed, for the run metadata.
  func methodDescriptions(models: [ModelEvaluation], comparisons: [ModelComparison]) -> [String] {
    [
      "Scores: scikit-learn-exact, from each model's confusion matrix.",
      "Baselines: analytic, from the gold class frequencies (no sampling).",
      "Intervals and significance tests: not computed.",
    ]
  }

  /// Checks that two models were scored on the same gold labels: the same
  /// gold count per label, and, when both have items, the same gold label
  /// for every item (matched by id when both files have ids).
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
      let index = rows.indices.first { $0 < referenceRows.count && rows[$0] != referenceRows[$0] } ?? 0
      let detail =
        referenceRows.count == rows.count && index < labels.count
        && sameLabels ? "label \"\(labels[index])\" has \(rows[index]) gold items, not \(referenceRows[index])"
        : "their gold label sets differ"
      throw .goldLabelsDiffer(reference: reference.name, model: input.name, detail: detail)
    }
    guard let referenceItems = reference.items, let items = input.items else { return }
    guard referenceItems.count == items.count else {
      throw .goldLabelsDiffer(
        reference: reference.name, model: input.name,
        detail: "\(items.count) items, not \(referenceItems.count)")
    }
    let referenceGold = referenceItems.goldLabels
    let gold = items.goldLabels
    if let referenceIDs = referenceItems.ids, let ids = items.ids {
      var position: [String: Int] = [:]
      for (index, id) in referenceIDs.enumerated() { position[id] = index }
      for (index, id) in ids.enumerated() {
        guard let match = position[id] else {
          throw .goldLabelsDiffer(
            reference: reference.name, model: input.name, detail: "id \"\(id)\" is missing from \(reference.name)")
        }
        if !referenceGold[match].utf8.elementsEqual(gold[index].utf8) {
          throw .goldLabelsDiffer(
            reference: reference.name, model: input.name,
            detail: "item \"\(id)\" is \"\(gold[index])\", not \"\(referenceGold[match])\"")
        }
      }
    } else if let index = gold.indices.first(where: {
      !referenceGold[$0].utf8.elementsEqual(gold[$0].utf8)
    }) {
      throw .goldLabelsDiffer(
        reference: reference.name, model: input.name,
        detail: "item \(index + 1) is \"\(gold[index])\", not \"\(referenceGold[index])\"")
    }
  }
}
