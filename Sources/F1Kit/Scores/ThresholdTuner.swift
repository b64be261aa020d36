/// Chooses the decision threshold of a binary score on a development set.
///
/// The candidates are those of a ``ThresholdSweep``: every distinct score
/// (an item is positive when its score is at least the threshold, so a tie
/// is never split, unlike the sorted-prefix sweep of sentence-transformers'
/// `find_best_f1_and_threshold`, which can put half of a tied group on each
/// side) and the all-negative end just above the highest score. The lowest
/// score predicts every item positive — the all-positive end, which the
/// Python sweep never tries because it stops one row short.
///
/// The tuner computes the metric at each candidate with F1Kit's
/// scikit-learn-exact scores and keeps the best. **Tie-break:** among
/// candidates with exactly equal values, the highest threshold wins — the
/// one predicting the fewest positives, which is the first met in the
/// sweep. A NaN value never beats a number. A constant model therefore gets
/// the better of all-positive and all-negative, never a perfect score
/// (sentence-transformers issue #2282).
///
/// A threshold tuned on the set it is then evaluated on is optimistic
/// (sentence-transformers issue #755): tune on development data and freeze
/// the threshold for the test set.
public enum ThresholdTuner {
  /// Finds the threshold that maximises a metric.
  ///
  /// - Parameters:
  ///   - scores: One score per item; higher means more likely positive.
  ///   - gold: Whether each item is positive, in the same order.
  ///   - metric: The metric to maximise; any `Metric` of a binary problem.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of an F-beta `metric` (finite, not negative), as
  ///     scikit-learn's `fbeta_score(beta=)`; other metrics ignore it.
  /// - Returns: The chosen threshold, the metric's value there and how many
  ///   items it predicts positive.
  /// - Throws: ``ScoreMetricsError/noItems``,
  ///   ``ScoreMetricsError/countMismatch(scores:gold:)`` or
  ///   ``ScoreMetricsError/nonFiniteScore(item:)`` for a NaN score.
  /// - Complexity: O(*n* log *n*) for *n* items.
  public static func tune(
    scores: [Double], gold: [Bool], maximizing metric: Metric = .binaryF1,
    zeroDivision: ZeroDivision = .zero, beta: Double = 1
  ) throws(ScoreMetricsError) -> ThresholdTuning {
    try tune(
      ThresholdSweep(scores: scores, gold: gold), maximizing: metric, zeroDivision: zeroDivision,
      beta: beta)
  }

  /// Finds the threshold that maximises a metric over a sweep.
  ///
  /// - Parameters:
  ///   - sweep: The counts at every candidate.
  ///   - metric: The metric to maximise; any `Metric` of a binary problem.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of an F-beta `metric` (finite, not negative); other
  ///     metrics ignore it.
  /// - Returns: The chosen threshold and the metric's value there.
  /// - Complexity: O(*m*) for *m* candidates.
  public static func tune(
    _ sweep: ThresholdSweep, maximizing metric: Metric = .binaryF1,
    zeroDivision: ZeroDivision = .zero, beta: Double = 1
  ) -> ThresholdTuning {
    var best: Int?
    var bestValue = Double.nan
    for index in 0..<sweep.count where sweep.isCandidate(index) {
      let candidate = sweep.value(
        of: metric, at: index, zeroDivision: zeroDivision, beta: beta)
      if best == nil || (bestValue.isNaN ? !candidate.isNaN : candidate > bestValue) {
        best = index
        bestValue = candidate
      }
    }
    return ThresholdTuning(sweep, at: best ?? 0, metric: metric, value: bestValue, beta: beta)
  }

  /// Finds the threshold with the best recall at a minimum precision, or
  /// the best precision at a minimum recall.
  ///
  /// Candidates that predict no item positive have no precision and never
  /// meet a precision constraint. Among equal values the highest threshold
  /// wins.
  ///
  /// - Parameters:
  ///   - scores: One score per item; higher means more likely positive.
  ///   - gold: Whether each item is positive, in the same order.
  ///   - constraint: The floor on precision or recall.
  /// - Returns: The chosen threshold with the maximised recall (or
  ///   precision) as its value, or `nil` when no candidate meets the floor.
  /// - Throws: As ``tune(scores:gold:maximizing:zeroDivision:beta:)``.
  /// - Complexity: O(*n* log *n*) for *n* items.
  public static func tune(
    scores: [Double], gold: [Bool], constraint: ThresholdConstraint
  ) throws(ScoreMetricsError) -> ThresholdTuning? {
    tune(try ThresholdSweep(scores: scores, gold: gold), constraint: constraint)
  }

  /// Finds the threshold with the best recall at a minimum precision, or
  /// the best precision at a minimum recall, over a sweep.
  ///
  /// - Parameters:
  ///   - sweep: The counts at every candidate.
  ///   - constraint: The floor on precision or recall.
  /// - Returns: The chosen threshold, or `nil` when no candidate meets the
  ///   floor.
  /// - Complexity: O(*m*) for *m* candidates.
  public static func tune(_ sweep: ThresholdSweep, constraint: ThresholdConstraint)
    -> ThresholdTuning?
  {
    let (floorMetric, floor, objective): (Metric, Double, Metric) =
      switch constraint {
      case .minimumPrecision(let precision): (.binaryPrecision, precision, .binaryRecall)
      case .minimumRecall(let recall): (.binaryRecall, recall, .binaryPrecision)
      }
    var best: Int?
    var bestValue = -Double.infinity
    for index in 0..<sweep.count where sweep.isCandidate(index) {
      let predictedPositive = sweep.truePositives[index] + sweep.falsePositives[index]
      guard predictedPositive > 0, sweep.positiveCount > 0 else { continue }
      guard sweep.value(of: floorMetric, at: index) >= floor else { continue }
      let candidate = sweep.value(of: objective, at: index)
      if candidate > bestValue {
        best = index
        bestValue = candidate
      }
    }
    return best.map {
      ThresholdTuning(sweep, at: $0, metric: objective, value: bestValue, constraint: constraint)
    }
  }
}
