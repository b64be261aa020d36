import F1Kit

extension AnalyticInterval {
  /// The delta-method (Wald) interval for any metric of a confusion
  /// matrix: the estimate ± *z* × its asymptotic standard error.
  ///
  /// The counts are one multinomial draw of *N* over the cells, so the cell
  /// proportions p̂ have covariance (diag(p) − p pᵀ) / *N*. A metric *f*(p)
  /// then has variance ∇fᵀ (diag(p) − p pᵀ) ∇f / *N* to first order. F1Kit
  /// takes the gradient by central differences in each non-empty cell
  /// (empty cells have no variance), which serves every `Metric` with the
  /// same code. This is the derivation of [Takahashi, Yamamoto, Kuchiba and
  /// Koyama 2022, "Confidence interval for micro-averaged F1 and
  /// macro-averaged F1 scores"](https://doi.org/10.1007/s10489-021-02635-5),
  /// who give closed forms for micro- and macro-F1; F1Kit does not use
  /// them (the one public implementation has errors in its macro- and
  /// binary-F1 variances), and its tests check the standard error against
  /// the bootstrap's on large samples instead. The interval is clipped to
  /// the metric's range ([−1, 1] for the Matthews correlation and Cohen's
  /// kappa, [0, 1] otherwise).
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - classification: The scored predictions.
  ///   - confidence: The confidence level, in (0, 1).
  /// - Returns: The interval, NaN at both ends when the metric is
  ///   undefined.
  /// - Throws: ``StatisticsError`` when there are no items or the
  ///   confidence is invalid.
  /// - Complexity: O(*c* *k*²) for *c* non-empty cells and *k* classes;
  ///   O(*c* + *k*) for a sparse matrix (more than
  ///   `ConfusionMatrix/denseClassLimit` classes), whose derivatives update
  ///   the sums of the two classes a cell touches.
  public static func deltaMethod(
    for metric: Metric, of classification: ClassificationMetrics, confidence: Double = 0.95
  ) throws(StatisticsError) -> ConfidenceInterval {
    let matrix = classification.confusionMatrix
    guard matrix.isSparse else {
      return try deltaMethod(
        for: metric, counts: matrix.counts, scope: classification.scope, confidence: confidence)
    }
    return try deltaMethod(
      for: metric, cells: matrix.nonEmptyCells, scope: classification.scope,
      confidence: confidence)
  }

  /// The delta-method interval for any metric, from a confusion matrix's
  /// non-empty cells: each derivative updates the sums of the two classes
  /// its cell touches instead of rescoring every class, so many classes
  /// (or many per-class intervals, one scope per class) stay fast.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - cells: The non-empty cells (`ConfusionMatrix/nonEmptyCells`).
  ///   - scope: The classes evaluated, positive class and zero-division
  ///     rule.
  ///   - confidence: The confidence level, in (0, 1).
  /// - Returns: The interval, NaN at both ends when the metric is
  ///   undefined.
  /// - Throws: ``StatisticsError`` when there are no items or the
  ///   confidence is invalid.
  /// - Complexity: O(*c* + *k*) for *c* non-empty cells and *k* classes.
  public static func deltaMethod(
    for metric: Metric, cells: [ConfusionMatrix.Cell], scope: MetricScope,
    confidence: Double = 0.95
  ) throws(StatisticsError) -> ConfidenceInterval {
    guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
    let total = cells.reduce(0) { $0 + $1.count }
    guard total > 0 else { throw .noItems }
    let tallies = Bootstrap.tallies(of: cells, scope: scope)
    // Each derivative changes one cell, so its evaluations update the sums
    // of the two classes the cell touches instead of rescoring k classes.
    let scorer = MetricScope.LeaveOneOutScorer(metrics: [metric], scope: scope, tallies: tallies)
    var perturbed = cells.map { Double($0.count) }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { changed in
      interval(
        for: metric, cellCounts: cells.map { Double($0.count) }, total: Double(total),
        confidence: confidence,
        value: {
          tallies.withUnsafeBufferPointer { scope.value(of: metric, tallies: $0) }
        },
        perturbed: { index, step in
          perturbed[index] += step
          scorer.values(
            changingGold: cells[index].gold, predicted: cells[index].predicted,
            by: perturbed[index] - Double(cells[index].count), into: changed)
          return (perturbed[index], changed[0])
        })
    }
  }

  /// The delta-method interval for any metric, from row-major counts and a
  /// scope.
  ///
  /// - Parameters:
  ///   - metric: The metric.
  ///   - counts: `scope.classCount`² counts, gold labels down and predicted
  ///     labels across.
  ///   - scope: The classes evaluated, positive class and zero-division
  ///     rule.
  ///   - confidence: The confidence level, in (0, 1).
  /// - Returns: The interval, NaN at both ends when the metric is
  ///   undefined.
  /// - Throws: ``StatisticsError`` when the counts do not fit the scope,
  ///   there are no items, or the confidence is invalid.
  /// - Complexity: O(*c* *k*²) for *c* non-empty cells and *k* classes.
  public static func deltaMethod(
    for metric: Metric, counts: [Int], scope: MetricScope, confidence: Double = 0.95
  ) throws(StatisticsError) -> ConfidenceInterval {
    try Bootstrap.validate(counts: counts, classCount: scope.classCount)
    guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
    let total = Double(counts.reduce(0, +))
    guard total > 0 else { throw .noItems }
    var table = counts.map(Double.init)
    let nonEmpty = counts.indices.filter { counts[$0] > 0 }
    return table.withUnsafeMutableBufferPointer { table in
      interval(
        for: metric, cellCounts: nonEmpty.map { Double(counts[$0]) }, total: total,
        confidence: confidence,
        value: { scope.value(of: metric, counts: UnsafeBufferPointer(table)) },
        perturb: { index, step in
          table[nonEmpty[index]] += step
          return table[nonEmpty[index]]
        })
    }
  }

  /// The delta-method interval, given the metric as a function of counts
  /// that `perturb` changes one non-empty cell at a time (returning the
  /// cell's new count).
  /// ``interval(for:cellCounts:total:confidence:value:perturb:)`` for a
  /// `perturbed` that changes one cell's count by a step and returns the
  /// new count with the metric's value there.
  private static func interval(
    for metric: Metric, cellCounts: [Double], total: Double, confidence: Double,
    value: () -> Double, perturbed: (Int, Double) -> (count: Double, value: Double)
  ) -> ConfidenceInterval {
    // The value at the last perturbed point; the unperturbed table's
    // before the first step.
    var current: Double?
    return interval(
      for: metric, cellCounts: cellCounts, total: total, confidence: confidence,
      value: { current ?? value() },
      perturb: { index, step in
        let result = perturbed(index, step)
        current = result.value
        return result.count
      })
  }

  private static func interval(
    for metric: Metric, cellCounts: [Double], total: Double, confidence: Double,
    value: () -> Double, perturb: (Int, Double) -> Double
  ) -> ConfidenceInterval {
    let estimate = value()
    // The metric is scale-free in the counts, so ∂f/∂pⱼ = N ∂f/∂nⱼ.
    var meanGradient = 0.0
    var meanSquaredGradient = 0.0
    for (index, count) in cellCounts.enumerated() {
      let step = 1e-5 * count
      _ = perturb(index, step)
      let above = value()
      _ = perturb(index, -2 * step)
      let below = value()
      let restored = perturb(index, step)
      let gradient = total * (above - below) / (2 * step)
      let proportion = restored / total
      meanGradient += proportion * gradient
      meanSquaredGradient += proportion * gradient * gradient
    }
    let variance = max(0, meanSquaredGradient - meanGradient * meanGradient) / total
    let standardError = variance.squareRoot()
    let z = StandardNormal.quantile(1 - (1 - confidence) / 2)
    let range: ClosedRange<Double> =
      metric == .matthewsCorrelation || metric == .cohenKappa ? -1...1 : 0...1
    guard !estimate.isNaN, !standardError.isNaN else {
      return ConfidenceInterval(
        lower: .nan, upper: .nan, estimate: estimate, method: .deltaMethod,
        confidence: confidence, standardError: standardError)
    }
    return ConfidenceInterval(
      lower: max(range.lowerBound, estimate - z * standardError),
      upper: min(range.upperBound, estimate + z * standardError), estimate: estimate,
      method: .deltaMethod, confidence: confidence, standardError: standardError)
  }
}
