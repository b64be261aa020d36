import F1Kit

/// Chooses the decision threshold of a single-output binary model on a
/// development set.
///
/// A pair is predicted positive when its score is at least the threshold,
/// so pairs with equal scores always get the same prediction: a tie is
/// never split, unlike the sorted-prefix sweep of sentence-transformers'
/// `find_best_f1_and_threshold`, which can put half of a tied group on each
/// side. The candidates are:
///
/// - every distinct score, from the highest down to the lowest; the lowest
///   predicts every pair positive (the all-positive end, which the Python
///   sweep never tries because it stops one row short);
/// - the all-negative end, the next representable number above the highest
///   score (`highest.nextUp`), which predicts no development pair positive
///   yet stays finite, so it can be frozen and written to a CSV file.
///
/// The tuner computes `metric` for each candidate with F1Kit's
/// scikit-learn-exact scores and keeps the best. **Tie-break:** among
/// candidates with exactly equal values, the highest threshold wins — the
/// one predicting the fewest positives, which is the first met in the
/// sweep. A NaN value never beats a number. A constant model therefore
/// gets the better of all-positive and all-negative, never a perfect
/// score.
public enum ThresholdTuner {
  /// Finds the threshold that maximises a metric.
  ///
  /// - Parameters:
  ///   - scores: One score per item; higher means more likely positive.
  ///   - gold: Whether each item is positive, in the same order.
  ///   - metric: The metric to maximise; any `Metric` of a binary problem.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  /// - Returns: The chosen threshold, the metric's value there and how many
  ///   items it predicts positive.
  /// - Throws: ``EvaluationError/emptyEvaluationSet`` for no items,
  ///   ``EvaluationError/lengthMismatch(pairs:labels:)`` when the counts
  ///   differ, ``EvaluationError/notANumberScore(pairIndex:)`` for a NaN
  ///   score.
  /// - Complexity: O(*n* log *n*) for *n* items.
  public static func tune(
    scores: [Double], gold: [Bool], maximizing metric: Metric = .binaryF1,
    zeroDivision: ZeroDivision = .zero
  ) throws(EvaluationError) -> ThresholdTuning {
    guard !scores.isEmpty else { throw .emptyEvaluationSet }
    guard scores.count == gold.count else {
      throw .lengthMismatch(pairs: scores.count, labels: gold.count)
    }
    if let index = scores.firstIndex(where: \.isNaN) { throw .notANumberScore(pairIndex: index) }

    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    let positives = gold.lazy.filter { $0 }.count
    let negatives = gold.count - positives
    let scope = MetricScope(classCount: 2, positiveClass: 1, zeroDivision: zeroDivision)
    // Row-major 2×2 counts, gold 0/1 down, predicted 0/1 across.
    var counts: [Double] = [Double(negatives), 0, Double(positives), 0]
    func value() -> Double {
      counts.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
    }

    let highest = scores[order[0]]
    var best = ThresholdTuning(
      threshold: highest.nextUp, metric: metric, value: value(), positiveCount: 0)
    var position = 0
    while position < order.count {
      let threshold = scores[order[position]]
      while position < order.count, scores[order[position]] == threshold {
        let isPositive = gold[order[position]]
        counts[isPositive ? 2 : 0] -= 1
        counts[isPositive ? 3 : 1] += 1
        position += 1
      }
      let candidate = value()
      let isBetter = best.value.isNaN ? !candidate.isNaN : candidate > best.value
      // The all-negative candidate is not one when the highest score is +∞:
      // `+∞.nextUp` is +∞ itself, which predicts those items positive.
      if isBetter || (best.positiveCount == 0 && highest == .infinity) {
        best = ThresholdTuning(
          threshold: threshold, metric: metric, value: candidate, positiveCount: position)
      }
    }
    return best
  }
}

/// The threshold a ``ThresholdTuner`` chose and what it scored.
public struct ThresholdTuning: Hashable, Sendable {
  /// The threshold: an item is positive when its score is at least this.
  public let threshold: Double
  /// The metric that was maximised.
  public let metric: Metric
  /// The metric's value at the threshold on the tuning data.
  public let value: Double
  /// How many tuning items the threshold predicts positive.
  public let positiveCount: Int

  /// Creates a tuning result, for example to freeze a threshold tuned
  /// elsewhere and report it the way the evaluator does.
  ///
  /// - Parameters:
  ///   - threshold: The threshold.
  ///   - metric: The metric that was maximised.
  ///   - value: The metric's value at the threshold.
  ///   - positiveCount: How many tuning items the threshold predicts
  ///     positive.
  public init(threshold: Double, metric: Metric, value: Double, positiveCount: Int) {
    self.threshold = threshold
    self.metric = metric
    self.value = value
    self.positiveCount = positiveCount
  }
}
