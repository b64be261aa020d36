/// A binary model's confusion counts at every candidate threshold, from
/// the all-negative end down to the lowest score.
///
/// An item is predicted positive when its score is at least the threshold,
/// so items with equal scores always get the same prediction: a tie is
/// never split. The candidates are, in order:
///
/// - the all-negative end, the next representable number above the
///   highest score (`highest.nextUp`), which predicts no item positive yet
///   stays finite, so it can be frozen and written to a file;
/// - every distinct score, from the highest down to the lowest; the lowest
///   predicts every item positive.
///
/// The sweep is what ``ThresholdTuner`` searches, and what a chart of F1,
/// precision and recall against the threshold draws.
public struct ThresholdSweep: Hashable, Sendable {
  /// The candidate thresholds, from the highest (all negative) down.
  public let thresholds: [Double]
  /// The number of positive items predicted positive at each candidate.
  public let truePositives: [Int]
  /// The number of negative items predicted positive at each candidate.
  public let falsePositives: [Int]
  /// The number of positive items.
  public let positiveCount: Int
  /// The number of negative items.
  public let negativeCount: Int

  /// Sweeps the thresholds of a model's scores.
  ///
  /// - Parameters:
  ///   - scores: One score per item; higher means more likely positive.
  ///     Infinite scores are allowed.
  ///   - gold: Whether each item is positive, in the same order.
  /// - Throws: ``ScoreMetricsError/noItems``,
  ///   ``ScoreMetricsError/countMismatch(scores:gold:)``, or
  ///   ``ScoreMetricsError/nonFiniteScore(item:)`` for a NaN score.
  /// - Complexity: O(*n* log *n*) for *n* items.
  public init(scores: [Double], gold: [Bool]) throws(ScoreMetricsError) {
    guard !scores.isEmpty else { throw .noItems }
    guard scores.count == gold.count else {
      throw .countMismatch(scores: scores.count, gold: gold.count)
    }
    if let item = scores.firstIndex(where: \.isNaN) { throw .nonFiniteScore(item: item) }
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    let positives = gold.lazy.filter { $0 }.count
    positiveCount = positives
    negativeCount = gold.count - positives
    var thresholds = [scores[order[0]].nextUp]
    var truePositives = [0]
    var falsePositives = [0]
    var tp = 0
    var fp = 0
    var position = 0
    while position < order.count {
      let threshold = scores[order[position]]
      while position < order.count, scores[order[position]] == threshold {
        if gold[order[position]] { tp += 1 } else { fp += 1 }
        position += 1
      }
      thresholds.append(threshold)
      truePositives.append(tp)
      falsePositives.append(fp)
    }
    self.thresholds = thresholds
    self.truePositives = truePositives
    self.falsePositives = falsePositives
  }

  /// Sweeps the thresholds of scores already sorted, without sorting them
  /// again.
  ///
  /// - Parameter scores: The model's scores, sorted once.
  /// - Complexity: O(*n*) for *n* items.
  package init(_ scores: BinaryScores) {
    let ranking = scores.ranking
    let values = scores.scores
    let gold = scores.isPositive
    var thresholds: [Double] = []
    var truePositives: [Int] = []
    var falsePositives: [Int] = []
    let candidates = ranking.groupEnds.count + 1
    thresholds.reserveCapacity(candidates)
    truePositives.reserveCapacity(candidates)
    falsePositives.reserveCapacity(candidates)
    thresholds.append(values[ranking.items[0]].nextUp)
    truePositives.append(0)
    falsePositives.append(0)
    var tp = 0
    var fp = 0
    var start = 0
    ranking.items.withUnsafeBufferPointer { items in
      gold.withUnsafeBufferPointer { gold in
        values.withUnsafeBufferPointer { values in
          for end in ranking.groupEnds {
            for position in start..<end {
              let isPositive = gold[items[position]] ? 1 : 0
              tp &+= isPositive
              fp &+= 1 &- isPositive
            }
            thresholds.append(values[items[start]])
            truePositives.append(tp)
            falsePositives.append(fp)
            start = end
          }
        }
      }
    }
    positiveCount = tp
    negativeCount = fp
    self.thresholds = thresholds
    self.truePositives = truePositives
    self.falsePositives = falsePositives
  }

  /// The number of candidates.
  public var count: Int { thresholds.count }

  /// The lowest and highest score swept: the last candidate, and the one
  /// after the all-negative end.
  public var scoreRange: ClosedRange<Double> {
    // Every sweep has the all-negative end and at least one score.
    thresholds[thresholds.count - 1]...thresholds[1]
  }

  /// Whether a candidate is a real one: the all-negative end is not when
  /// the highest score is +∞, since `+∞.nextUp` is +∞ itself and predicts
  /// those items positive.
  ///
  /// - Parameter index: A candidate's position.
  /// - Returns: `false` only for that duplicated +∞ end.
  public func isCandidate(_ index: Int) -> Bool {
    !(index == 0 && thresholds[0] == .infinity)
  }

  /// A metric's value at one candidate, from the 2×2 confusion counts.
  ///
  /// - Parameters:
  ///   - metric: Any metric of a binary problem.
  ///   - index: The candidate's position.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  ///   - beta: The beta of the F-beta metrics (finite, not negative); the
  ///     F1 metrics ignore it.
  /// - Returns: The value, NaN where it is undefined under `zeroDivision`.
  /// - Complexity: O(1).
  public func value(
    of metric: Metric, at index: Int, zeroDivision: ZeroDivision = .zero, beta: Double = 1
  ) -> Double {
    let scope = MetricScope(
      classCount: 2, positiveClass: 1, zeroDivision: zeroDivision, beta: beta)
    let tp = Double(truePositives[index])
    let fp = Double(falsePositives[index])
    // Row-major 2×2 counts, gold 0/1 down, predicted 0/1 across, on the
    // stack: a sweep of millions of candidates allocates nothing.
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 4) { counts in
      counts[0] = Double(negativeCount) - fp
      counts[1] = fp
      counts[2] = Double(positiveCount) - tp
      counts[3] = tp
      return scope.value(of: metric, counts: UnsafeBufferPointer(counts))
    }
  }

  /// A metric's value at every candidate.
  ///
  /// - Parameters:
  ///   - metric: Any metric of a binary problem.
  ///   - zeroDivision: The value of a score whose denominator is zero.
  /// - Returns: One value per candidate, in ``thresholds`` order.
  /// - Complexity: O(*m*) for *m* candidates.
  public func values(of metric: Metric, zeroDivision: ZeroDivision = .zero) -> [Double] {
    thresholds.indices.map { value(of: metric, at: $0, zeroDivision: zeroDivision) }
  }

  /// The index of the candidate a threshold selects: the lowest candidate
  /// at or above it predicts the same items positive.
  ///
  /// - Parameter threshold: Any threshold.
  /// - Returns: The candidate predicting the same items positive.
  /// - Complexity: O(log *m*) for *m* candidates.
  public func index(of threshold: Double) -> Int {
    // The last candidate (in descending order) that is ≥ threshold.
    var low = 0
    var high = thresholds.count
    while low < high {
      let middle = (low + high) / 2
      if thresholds[middle] >= threshold { low = middle + 1 } else { high = middle }
    }
    return max(low - 1, 0)
  }
}
