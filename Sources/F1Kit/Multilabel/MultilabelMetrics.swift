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
  /// The counts, evaluated labels first, then any other label that occurs.
  public let counts: MultilabelCounts
  /// The evaluated labels, the zero-division rule and the beta.
  public let scope: MultilabelScope
  /// The beta of the reported F-beta metrics, or `nil` when none are
  /// reported.
  public let beta: Double?
  /// The totals of the data.
  public let tallies: MultilabelTallies

  /// Scores multilabel counts.
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
    if let beta = options.beta, !(beta.isFinite && beta >= 0) { throw .invalidBeta(beta) }
    if let positive = options.positiveLabel {
      throw .positiveLabelNeedsBinaryProblem(positive, labels: options.labels ?? counts.labels)
    }
    let ordered = try counts.reordered(to: options.labels)
    let evaluated = options.labels?.count ?? ordered.labels.count
    guard evaluated > 0 else { throw .noLabels }
    guard ordered.itemCount == 0 || ordered.totalWeight > 0 else { throw .zeroTotalWeight }
    self.counts = ordered
    self.beta = options.beta
    scope = MultilabelScope(
      counts: ordered, evaluatedLabelCount: evaluated, zeroDivision: options.zeroDivision,
      beta: options.beta ?? 1)
    tallies = scope.tally()
  }

  /// The evaluated labels, in report order.
  public var labels: [String] { Array(counts.labels.prefix(scope.evaluatedLabelCount)) }

  /// The number of items.
  public var itemCount: Int { counts.itemCount }

  /// Whether the items carry sample weights.
  public var isWeighted: Bool { counts.isWeighted }

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
        support: tallies.truePositives[index] + tallies.falseNegatives[index])
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
