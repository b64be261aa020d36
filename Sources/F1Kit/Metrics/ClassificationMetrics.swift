/// Every F1Kit metric for one set of predictions, with scikit-learn's
/// semantics.
///
/// Build it from a ``ConfusionMatrix`` and ``EvaluationOptions``; then ask
/// for any ``Metric``, any averaged ``Score`` (including F-beta), or the
/// per-class scores of a classification report.
///
/// ```swift
/// let matrix = try ConfusionMatrix(gold: gold, predicted: predicted)
/// let metrics = try ClassificationMetrics(confusionMatrix: matrix)
/// print(metrics.value(of: .macroF1))
/// ```
public struct ClassificationMetrics: Sendable {
  /// The counts, evaluated labels first, then any other label that occurs.
  public let confusionMatrix: ConfusionMatrix
  /// The classes evaluated, the positive class and the zero-division rule.
  public private(set) var scope: MetricScope
  /// Whether the problem is binary or multiclass.
  public let problem: ProblemKind
  /// The beta of the reported F-beta metrics, or `nil` when only F1 is
  /// reported.
  public let beta: Double?
  /// Whether the items carry sample weights, so every metric is computed
  /// from weight sums rather than ``confusionMatrix``'s counts.
  public let isWeighted: Bool
  /// The weight sums over the matrix's labels, row-major; `nil` when
  /// unweighted.
  private let weightSums: [Double]?
  /// The gold weight of each of the matrix's labels, summed over the
  /// items with compensation (see
  /// ``WeightedConfusionMatrix/goldWeight(ofRows:)``) for display; `nil`
  /// when unweighted. The metrics use ``tallies``, as scikit-learn does,
  /// so these change none of them.
  private let supportSums: [CompensatedSum]?
  /// The per-class tallies every metric is computed from (see
  /// ``MetricScope``), made once from the matrix's non-empty cells.
  private let tallies: [Double]

  /// Scores a confusion matrix.
  ///
  /// - Parameters:
  ///   - confusionMatrix: The counts of gold and predicted labels.
  ///   - options: The labels to evaluate, the positive label, the problem
  ///     kind and the zero-division rule. When every label is a number, a
  ///     named label matches the label of equal value (`1.0` matches `1`).
  /// - Throws: ``MetricsError`` when the options do not fit the data, for
  ///   example a positive label that is not one of the labels, or a binary
  ///   problem whose positive label is not named and cannot be assumed
  ///   (see ``PositiveLabelConvention``).
  /// - Complexity: O(*k* log *k* + *c* log *c*) for *k* labels and *c*
  ///   non-empty cells (plus O(*k*²) for a dense matrix).
  public init(
    confusionMatrix: ConfusionMatrix, options: EvaluationOptions = EvaluationOptions()
  ) throws(MetricsError) {
    try self.init(confusionMatrix: confusionMatrix, weights: nil, options: options)
  }

  /// Scores weighted counts, as scikit-learn does with `sample_weight`:
  /// every metric is computed from the weight sums, while
  /// ``confusionMatrix`` and ``itemCount`` still count items.
  ///
  /// - Parameters:
  ///   - weightedConfusionMatrix: The item counts and weight sums.
  ///   - options: The labels to evaluate, the positive label, the problem
  ///     kind, the zero-division rule and the beta.
  /// - Throws: ``MetricsError`` when the options do not fit the data, or
  ///   ``MetricsError/zeroTotalWeight`` when the weights sum to zero.
  /// - Complexity: O(*k*²) for *k* labels.
  public init(
    weightedConfusionMatrix: WeightedConfusionMatrix,
    options: EvaluationOptions = EvaluationOptions()
  ) throws(MetricsError) {
    guard weightedConfusionMatrix.totalWeight > 0 else { throw .zeroTotalWeight }
    try self.init(
      confusionMatrix: weightedConfusionMatrix.itemCounts, weights: weightedConfusionMatrix,
      options: options)
  }

  private init(
    confusionMatrix: ConfusionMatrix, weights: WeightedConfusionMatrix?,
    options given: EvaluationOptions
  ) throws(MetricsError) {
    // Named labels are respelled after the labels that occur: a reader
    // adds labels named with --labels to the matrix with no items, so
    // `True` would otherwise stand beside JSON's `true` as a label of its own.
    let occurring = confusionMatrix.labels.indices.filter {
      confusionMatrix.goldTotals[$0] > 0 || confusionMatrix.predictedTotals[$0] > 0
    }.map { confusionMatrix.labels[$0] }
    let options = given.spellingNumbers(like: occurring).spellingBooleans(like: occurring)
    if let beta = options.beta, !EvaluationOptions.isValidBeta(beta) { throw .invalidBeta(beta) }
    let matrix: ConfusionMatrix
    do {
      matrix = try confusionMatrix.reordered(
        to: options.labels ?? LabelOrdering.sorted(confusionMatrix.labels))
    } catch {
      guard case .duplicateLabel(let label) = error else { throw .noLabels }
      throw .duplicateLabel(label)
    }
    let evaluated = Array(matrix.labels.prefix(options.labels?.count ?? matrix.classCount))
    guard !evaluated.isEmpty else { throw .noLabels }
    if options.labels != nil { try Self.checkNamedLabels(evaluated.count, in: matrix) }
    let problem = try Self.problem(
      for: evaluated, options: options,
      goldHasOtherLabels: matrix.goldTotals.dropFirst(evaluated.count).contains { $0 > 0 })
    var positiveClass: Int?
    if problem == .binary {
      guard
        let positive = options.positiveLabel
          ?? PositiveLabelConvention.positiveLabel(of: evaluated)
      else {
        throw .positiveLabelNeeded(labels: evaluated)
      }
      guard let index = evaluated.firstIndex(where: { ExactLabel($0) == ExactLabel(positive) })
      else {
        throw .unknownPositiveLabel(positive, labels: evaluated)
      }
      positiveClass = index
    }
    self.confusionMatrix = matrix
    self.problem = problem
    self.beta = options.beta
    self.scope = MetricScope(
      classCount: matrix.classCount, evaluatedClassCount: evaluated.count,
      positiveClass: positiveClass, zeroDivision: options.zeroDivision,
      beta: options.beta ?? 1)
    self.isWeighted = weights != nil
    if let weights {
      // The labels are the matrix's own, so reordering cannot fail.
      let reordered = try! weights.reordered(to: matrix.labels)
      self.weightSums = reordered.weights
      self.tallies = scope.tallies(ofCells: reordered.weights)
      self.supportSums = matrix.labels.indices.map { reordered.goldSum(ofRows: $0..<($0 + 1)) }
    } else {
      self.weightSums = nil
      self.supportSums = nil
      self.tallies = scope.tallies(of: matrix)
    }
  }

  /// Refuses labels to evaluate that cannot be what was meant: none of
  /// them a gold label, or one that occurs nowhere while an unnamed label
  /// differs from it only in letter case or surrounding spaces.
  ///
  /// - Parameters:
  ///   - namedCount: How many of the matrix's first labels were named.
  ///   - matrix: The counts, the named labels first.
  /// - Throws: ``MetricsError/noNamedLabelInGold(named:gold:)`` or
  ///   ``MetricsError/namedLabelMisspelt(_:occurring:)``.
  private static func checkNamedLabels(_ namedCount: Int, in matrix: ConfusionMatrix)
    throws(MetricsError)
  {
    let labels = matrix.labels
    let named = labels.indices.prefix(namedCount)
    let others = labels.indices.dropFirst(namedCount)
    let occurs = { (index: Int) in matrix.goldTotals[index] + matrix.predictedTotals[index] > 0 }
    if named.allSatisfy({ matrix.goldTotals[$0] == 0 }),
      matrix.goldTotals.contains(where: { $0 > 0 })
    {
      throw .noNamedLabelInGold(
        named: named.map { labels[$0] },
        gold: others.filter { matrix.goldTotals[$0] > 0 }.map { labels[$0] })
    }
    // `--labels "neg, neu, pos"` names " neu": spaces after the commas
    // are part of the labels, so they are folded away here as case is.
    let folded = { (label: String) -> Substring in
      let lowered = label.lowercased()
      guard let first = lowered.firstIndex(where: { !$0.isWhitespace }),
        let last = lowered.lastIndex(where: { !$0.isWhitespace })
      else { return "" }
      return lowered[first...last]
    }
    for index in named where !occurs(index) {
      let lowered = folded(labels[index])
      if let other = others.first(where: { occurs($0) && folded(labels[$0]) == lowered }) {
        throw .namedLabelMisspelt(labels[index], occurring: labels[other])
      }
    }
  }

  /// The problem `options` name, or the one the evaluated labels imply:
  /// binary for two of them, unless the gold labels hold others and no
  /// positive label is named. Two labels named out of a multiclass test
  /// set (`--labels a,c` over gold `a`, `b`, `c`) are averaged over, as
  /// scikit-learn's `labels=` does for a multiclass target, rather than
  /// taken for a binary problem whose positive label then has to be
  /// guessed or asked for.
  private static func problem(
    for evaluated: [String], options: EvaluationOptions, goldHasOtherLabels: Bool
  ) throws(MetricsError) -> ProblemKind {
    let isBinary =
      evaluated.count == 2 && (options.positiveLabel != nil || !goldHasOtherLabels)
    let problem = options.problem ?? (isBinary ? .binary : .multiclass)
    switch problem {
    case .binary where evaluated.count != 2:
      throw .binaryNeedsTwoLabels(evaluated)
    case .multiclass where options.positiveLabel != nil:
      throw .positiveLabelNeedsBinaryProblem(options.positiveLabel!, labels: evaluated)
    default:
      return problem
    }
  }

  /// The evaluated labels, in report order.
  public var labels: [String] {
    Array(confusionMatrix.labels.prefix(scope.evaluatedClassCount))
  }

  /// The positive label of a binary problem.
  public var positiveLabel: String? {
    scope.positiveClass.map { confusionMatrix.labels[$0] }
  }

  /// The number of items scored, including items whose labels are not
  /// evaluated.
  public var itemCount: Int { confusionMatrix.total }

  /// The metrics reported for this problem, in report order.
  public var reportedMetrics: [Metric] {
    Metric.reported(for: problem, includesFBeta: beta != nil)
  }

  /// The total weight of the items, summed over the items; their number
  /// when unweighted.
  public var totalWeight: Double {
    supportSums == nil
      ? tallies[tallies.count - 1] : supportWeight(ofClasses: confusionMatrix.labels.indices)
  }

  /// The total weight (or number) of the gold items of the evaluated
  /// labels: the support of a report's average rows.
  public var evaluatedSupportWeight: Double {
    supportWeight(ofClasses: 0..<scope.evaluatedClassCount)
  }

  /// The total weight (or number) of the gold items of some classes,
  /// summed over the items with compensation rather than over the
  /// classes' rounded sums, as `math.fsum` of their weights gives it.
  ///
  /// - Parameter classes: Indices into ``confusionMatrix``'s labels.
  /// - Returns: Their items' total weight; their number when unweighted.
  /// - Complexity: O(*c*) for *c* classes.
  public func supportWeight(ofClasses classes: some Sequence<Int>) -> Double {
    guard let supportSums else {
      return Double(classes.reduce(0) { $0 + confusionMatrix.goldTotals[$1] })
    }
    var total = CompensatedSum()
    for index in classes { total.add(supportSums[index]) }
    return total.value
  }

  /// The same counts (and weights) scored under another zero-division
  /// rule.
  ///
  /// - Parameter zeroDivision: The value an undefined score takes.
  /// - Returns: The metrics with that rule; the tallies are reused, since
  ///   the rule only decides how they become scores.
  /// - Complexity: O(1).
  public func scored(zeroDivision: ZeroDivision) -> ClassificationMetrics {
    var result = self
    result.scope = MetricScope(
      classCount: scope.classCount, evaluatedClassCount: scope.evaluatedClassCount,
      positiveClass: scope.positiveClass, zeroDivision: zeroDivision, beta: scope.beta)
    return result
  }

  /// Every label's gold total, over ``confusionMatrix``'s labels in order
  /// (evaluated or not): the weight sum of its gold items when weighted,
  /// their number otherwise, so that it matches what the metrics count.
  ///
  /// - Complexity: O(*k*) for *k* labels.
  public var goldWeights: [Double] { classTallies(at: 1) }

  /// Every label's predicted total, over ``confusionMatrix``'s labels in
  /// order: the weight sum of the items predicted as it when weighted,
  /// their number otherwise.
  ///
  /// - Complexity: O(*k*) for *k* labels.
  public var predictedWeights: [Double] { classTallies(at: 2) }

  /// One number of every class's tally (see ``MetricScope``).
  private func classTallies(at offset: Int) -> [Double] {
    (0..<scope.classCount).map { tallies[$0 * MetricScope.tallyStride + offset] }
  }

  /// The weight sums restricted to the evaluated labels, as scikit-learn's
  /// `confusion_matrix(labels=, sample_weight=)` returns them; `nil` when
  /// unweighted (see ``evaluatedConfusionMatrix``).
  public var evaluatedCells: [[Double]]? {
    guard let weightSums else { return nil }
    let size = scope.evaluatedClassCount
    let stride = scope.classCount
    return (0..<size).map { gold in (0..<size).map { weightSums[gold * stride + $0] } }
  }

  /// The metric a best-model choice should use: binary F1 or macro-F1.
  public var primaryMetric: Metric { Metric.primary(for: problem) }

  /// The confusion matrix restricted to the evaluated labels, as
  /// scikit-learn's `confusion_matrix(labels=)` returns it.
  ///
  /// - Complexity: O(*c* log *c*) for *c* non-empty cells (O(*k*²) for a
  ///   dense matrix).
  public var evaluatedConfusionMatrix: ConfusionMatrix {
    let size = scope.evaluatedClassCount
    if size == confusionMatrix.classCount { return confusionMatrix }
    let cells = confusionMatrix.nonEmptyCells.filter { $0.gold < size && $0.predicted < size }
    return try! ConfusionMatrix(labels: labels, cells: cells)
  }

  /// Computes one headline metric.
  ///
  /// - Parameter metric: The metric to compute.
  /// - Returns: Its value; NaN where it is undefined, such as a binary metric
  ///   of a multiclass problem.
  /// - Complexity: O(*k*) for *k* labels.
  public func value(of metric: Metric) -> Double {
    tallies.withUnsafeBufferPointer { scope.value(of: metric, tallies: $0) }
  }

  /// Combines a per-class score over the evaluated labels.
  ///
  /// - Parameters:
  ///   - score: Precision, recall or an F-score with any beta.
  ///   - average: Binary, micro, macro or weighted.
  /// - Returns: The averaged score; NaN where it is undefined.
  /// - Complexity: O(*k*) for *k* labels.
  public func averaged(_ score: Score, by average: Average) -> Double {
    tallies.withUnsafeBufferPointer { scope.averaged(score, by: average, tallies: $0) }
  }

  /// The per-class rows of a classification report, in label order.
  ///
  /// - Parameter beta: The F-score's beta; 1 gives F1.
  /// - Returns: Precision, recall, F-score and support of each evaluated
  ///   label.
  /// - Complexity: O(*k*) for *k* labels.
  public func perClass(beta: Double = 1) -> [ClassScores] {
    tallies.withUnsafeBufferPointer { tallies in
      labels.indices.map { index in
        let tally = scope.tally(of: index, tallies)
        let weight = supportSums?[index].value ?? tally.actual
        return ClassScores(
          label: labels[index],
          precision: scope.value(of: .precision, for: tally),
          recall: scope.value(of: .recall, for: tally),
          fScore: scope.value(of: .fScore(beta: beta), for: tally),
          support: isWeighted
            ? Int(clamping: Int64(exactly: weight.rounded()) ?? Int64.max)
            : confusionMatrix.goldTotals[index],
          supportWeight: weight)
      }
    }
  }

  /// The evaluated labels whose precision, recall or F-score is undefined
  /// and was replaced by the zero-division value.
  ///
  /// - Returns: One entry per label with an undefined score, in label order.
  /// - Complexity: O(*k*) for *k* labels.
  public func undefinedScores() -> [UndefinedScore] {
    tallies.withUnsafeBufferPointer { tallies in
      labels.indices.compactMap { index in
        let tally = scope.tally(of: index, tallies)
        let entry = UndefinedScore(
          label: labels[index], isPrecisionUndefined: tally.predicted == 0,
          isRecallUndefined: tally.actual == 0,
          isFScoreUndefined: tally.predicted == 0 && tally.actual == 0)
        return entry.isPrecisionUndefined || entry.isRecallUndefined ? entry : nil
      }
    }
  }
}

/// One row of a classification report.
public struct ClassScores: Hashable, Sendable {
  /// The class label.
  public var label: String
  /// True positives over items predicted as this label.
  public var precision: Double
  /// True positives over items whose gold label is this label.
  public var recall: Double
  /// The F-score for the beta it was computed with.
  public var fScore: Double
  /// The number of items whose gold label is this label (for weighted
  /// items, their total weight rounded; see ``supportWeight``).
  public var support: Int
  /// The total weight of items whose gold label is this label; equals
  /// ``support`` for unweighted items.
  public var supportWeight: Double

  /// Creates a row.
  ///
  /// - Parameters:
  ///   - label: The class label.
  ///   - precision: The class's precision.
  ///   - recall: The class's recall.
  ///   - fScore: The class's F-score.
  ///   - support: The number of gold items of the class.
  ///   - supportWeight: Their total weight; `nil` takes `support`.
  public init(
    label: String, precision: Double, recall: Double, fScore: Double, support: Int,
    supportWeight: Double? = nil
  ) {
    self.label = label
    self.precision = precision
    self.recall = recall
    self.fScore = fScore
    self.support = support
    self.supportWeight = supportWeight ?? Double(support)
  }
}

/// A label whose scores have a zero denominator.
public struct UndefinedScore: Hashable, Sendable {
  /// The class label.
  public var label: String
  /// The label is never predicted, so precision is undefined.
  public var isPrecisionUndefined: Bool
  /// The label never occurs in the gold labels, so recall is undefined.
  public var isRecallUndefined: Bool
  /// Both hold, so the F-score is undefined too.
  public var isFScoreUndefined: Bool

  /// Creates a record of which scores of a label are undefined.
  ///
  /// - Parameters:
  ///   - label: The class label.
  ///   - isPrecisionUndefined: Whether the label is never predicted.
  ///   - isRecallUndefined: Whether the label never occurs in the gold labels.
  ///   - isFScoreUndefined: Whether the F-score is undefined; by default,
  ///     when both of the others are.
  public init(
    label: String, isPrecisionUndefined: Bool, isRecallUndefined: Bool,
    isFScoreUndefined: Bool? = nil
  ) {
    self.label = label
    self.isPrecisionUndefined = isPrecisionUndefined
    self.isRecallUndefined = isRecallUndefined
    self.isFScoreUndefined = isFScoreUndefined ?? (isPrecisionUndefined && isRecallUndefined)
  }
}
