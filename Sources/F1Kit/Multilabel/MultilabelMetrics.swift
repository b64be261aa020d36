/// Every multilabel metric for one set of predictions, with
/// scikit-learn's semantics on label-indicator matrices.
///
/// ```swift
/// let counts = try MultilabelCounts(
///   gold: [["sports"], ["tech", "health"]], predicted: [["sports"], ["tech"]])
/// let metrics = try MultilabelMetrics(counts: counts)
/// print(metrics.value(of: .samplesF1))
/// ```
public struct MultilabelMetrics: Sendable {
  /// The counts, evaluated labels first, then any other label that
  /// occurs; `nil` for metrics made from a ``MultilabelAccumulator``,
  /// which keeps no patterns.
  public let counts: MultilabelCounts?
  /// Every label (indicator column): the evaluated labels first, then any
  /// other label that occurs, in ``LabelOrdering`` order.
  public let allLabels: [String]
  /// The evaluated labels, the zero-division rule and the beta.
  public let scope: MultilabelScope
  /// The beta of the reported F-beta metrics, or `nil` when none are
  /// reported.
  public let beta: Double?
  /// The totals of the data.
  public let tallies: MultilabelTallies
  /// The number of items.
  public let itemCount: Int
  /// Whether the items carry sample weights.
  public let isWeighted: Bool
  /// The items with an empty gold or predicted set, whose scores in the
  /// samples averages the zero-division rule decides.
  public let emptySets: EmptyLabelSetCounts
  /// The gold weight of each evaluated label, then of all together, summed
  /// over the items for display (the metrics use ``tallies``).
  private let supportWeights: [Double]

  /// Scores multilabel counts.
  ///
  /// The totals are those of a ``MultilabelAccumulator`` given every
  /// pattern, so these metrics equal, to the last bit, those of
  /// ``init(accumulated:)`` over the same items; the counts are kept for
  /// resampling.
  ///
  /// - Parameters:
  ///   - counts: The items' gold and predicted label sets.
  ///   - options: The labels to evaluate (`labels`), the zero-division rule
  ///     and the beta; a positive label or a binary problem is refused.
  /// - Throws: ``MetricsError`` when there is no label to evaluate, a label
  ///   repeats, the options ask for a binary problem, the beta is invalid,
  ///   or the weights sum to zero.
  /// - Complexity: O(*g* · *s* + *k* log *k*) for *g* distinct patterns of
  ///   at most *s* labels and *k* labels.
  public init(counts: MultilabelCounts, options: EvaluationOptions = EvaluationOptions())
    throws(MetricsError)
  {
    // Named numbers match the labels' spellings (`1.0` names `1`), as
    // NumPy compares them and as single-label metrics match them.
    let options = options.spellingNumbers(like: counts.labels)
    var accumulator = MultilabelAccumulator(options: options, isWeighted: counts.isWeighted)
    for label in counts.labels { accumulator.appendLabel(label) }
    for group in counts.groups {
      accumulator.add(
        gold: group.gold, predicted: group.predicted, weight: group.weight,
        count: group.itemCount)
    }
    try self.init(accumulator, counts: counts)
  }

  /// Scores the totals of items added one by one, in memory that does not
  /// grow with the items.
  ///
  /// The result has no ``counts``, so it cannot be resampled (bootstrap
  /// intervals and comparisons need ``init(counts:options:)``).
  ///
  /// - Parameter accumulated: The totals, with the options they were made
  ///   with.
  /// - Throws: ``MetricsError`` as ``init(counts:options:)`` does.
  /// - Complexity: O(*k* log *k*) for *k* labels.
  public init(accumulated: MultilabelAccumulator) throws(MetricsError) {
    try self.init(accumulated, counts: nil)
  }

  private init(_ accumulator: MultilabelAccumulator, counts: MultilabelCounts?)
    throws(MetricsError)
  {
    let options = accumulator.options
    if let beta = options.beta, !EvaluationOptions.isValidBeta(beta) { throw .invalidBeta(beta) }
    if let positive = options.positiveLabel {
      throw .positiveLabelNeedsBinaryProblem(positive, labels: options.labels ?? accumulator.labels)
    }
    let order: [String]
    do {
      order = try ConfusionMatrix.labelOrder(naming: options.labels, occurring: accumulator.labels)
    } catch {
      guard case .duplicateLabel(let label) = error else { throw .noLabels }
      throw .duplicateLabel(label)
    }
    let evaluated = options.labels?.count ?? order.count
    guard evaluated > 0 else { throw .noLabels }
    guard accumulator.itemCount == 0 || accumulator.totalWeight > 0 else {
      throw .zeroTotalWeight
    }
    let positions = order.exactLabelPositions()
    self.counts = try counts?.reordered(to: options.labels)
    allLabels = order
    beta = options.beta
    itemCount = accumulator.itemCount
    isWeighted = accumulator.isWeighted
    emptySets = accumulator.emptySets
    let labelPositions = accumulator.labels.map { positions[ExactLabel($0)]! }
    tallies = accumulator.tallies(positions: labelPositions, evaluatedLabelCount: evaluated)
    supportWeights = accumulator.goldWeights(
      positions: labelPositions, evaluatedLabelCount: evaluated)
    scope = MultilabelScope(
      labelCount: order.count, groups: self.counts?.groups ?? [],
      evaluatedLabelCount: evaluated, zeroDivision: options.zeroDivision,
      beta: options.beta ?? 1)
  }

  /// The total gold weight (or number) of the evaluated labels, summed
  /// over the items: the support of a report's average rows.
  public var supportWeight: Double { supportWeights[supportWeights.count - 1] }

  /// The evaluated labels, in report order.
  public var labels: [String] { Array(allLabels.prefix(scope.evaluatedLabelCount)) }

  /// The metrics reported, in report order.
  public var reportedMetrics: [MultilabelMetric] {
    MultilabelMetric.reported(includesFBeta: beta != nil)
  }

  /// Computes one metric.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value; NaN where it is undefined.
  /// - Complexity: O(*k*) for *k* evaluated labels.
  public func value(of metric: MultilabelMetric) -> Double {
    scope.value(of: metric, in: tallies)
  }

  /// The per-label rows of a classification report, in label order.
  ///
  /// - Parameter beta: The F-score's beta; 1 gives F1.
  /// - Returns: Precision, recall, F-score, Jaccard index and support of
  ///   each evaluated label.
  public func perLabel(beta: Double = 1) -> [LabelScores] {
    labels.indices.map { index in
      LabelScores(
        label: labels[index],
        precision: scope.value(of: .precision, forLabel: index, in: tallies),
        recall: scope.value(of: .recall, forLabel: index, in: tallies),
        fScore: scope.value(of: .fScore(beta: beta), forLabel: index, in: tallies),
        jaccard: scope.value(of: .jaccard, forLabel: index, in: tallies),
        support: supportWeights[index])
    }
  }

  /// One 2×2 confusion matrix per evaluated label, as scikit-learn's
  /// `multilabel_confusion_matrix` returns them.
  ///
  /// - Returns: `[[tn, fp], [fn, tp]]` for each label, in label order;
  ///   weighted sums when the items carry weights.
  public func labelConfusion() -> [[[Double]]] {
    labels.indices.map { index in
      let truePositives = tallies.truePositives[index]
      let falsePositives = tallies.falsePositives[index]
      let falseNegatives = tallies.falseNegatives[index]
      let trueNegatives = tallies.totalWeight - truePositives - falsePositives - falseNegatives
      return [[trueNegatives, falsePositives], [falseNegatives, truePositives]]
    }
  }

  /// The evaluated labels whose precision or recall is undefined and was
  /// replaced by the zero-division value.
  ///
  /// - Returns: One entry per such label, in label order.
  public func undefinedScores() -> [UndefinedScore] {
    labels.indices.compactMap { index in
      let predicted = tallies.truePositives[index] + tallies.falsePositives[index]
      let actual = tallies.truePositives[index] + tallies.falseNegatives[index]
      guard predicted == 0 || actual == 0 else { return nil }
      return UndefinedScore(
        label: labels[index], isPrecisionUndefined: predicted == 0,
        isRecallUndefined: actual == 0, isFScoreUndefined: predicted == 0 && actual == 0)
    }
  }
}

/// One label's row of a multilabel report.
public struct LabelScores: Hashable, Sendable {
  /// The label.
  public var label: String
  /// True positives over items predicted to have the label.
  public var precision: Double
  /// True positives over items whose gold set has the label.
  public var recall: Double
  /// The F-score for the beta it was computed with.
  public var fScore: Double
  /// True positives over items with the label in either set.
  public var jaccard: Double
  /// The number (or total weight) of items whose gold set has the label.
  public var support: Double
}
