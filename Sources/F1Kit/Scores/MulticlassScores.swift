import Foundation

/// A multiclass model's score for every class on each item, with the gold
/// classes, ready to be scored any number of times.
///
/// Creating the value sorts each class's column once (O(*K* *n* log *n*))
/// and, when each row is a probability vector, works out each item's
/// log-loss and Brier terms and the calibration bin of its top label.
/// Every metric afterwards — and every bootstrap resample, which only
/// reweights the items — is a pass over those orders.
///
/// The metrics equal scikit-learn 1.9's to 1e-12: one-vs-rest ROC-AUC and
/// average precision on each class's own column (`roc_auc_score` and
/// `average_precision_score` on the binarized gold labels), `roc_auc_score`
/// with `multi_class="ovo"`, and `log_loss` and `brier_score_loss` with
/// `labels`. Logits and other raw scores get the one-vs-rest metrics only.
public struct MulticlassScores: Sendable {
  /// The number of items.
  public let count: Int
  /// The number of classes: the number of scores per item.
  public let classCount: Int
  /// Each score column's class label, for messages; empty when unknown
  /// (messages then name a class by its column).
  public var classNames: [String] = []
  /// Whether every row is a probability vector: every value in [0, 1] and
  /// the row summing to 1 within ``rowSumTolerance``.
  ///
  /// Log loss, the Brier score and calibration need such rows.
  public var isProbability: Bool { largestRowSumDeviation <= Self.rowSumTolerance }
  /// The largest distance of a row's sum from 1, or infinity when a value
  /// lies outside [0, 1].
  ///
  /// Probabilities rounded when written (`df.round(4)`,
  /// `float_format="%.4f"`) leave a small one; scikit-learn then computes
  /// log loss and the Brier score on the rows as given, with a warning,
  /// and F1Kit does the same.
  public let largestRowSumDeviation: Double
  /// Whether every row also passes scikit-learn's check for one-vs-one
  /// ROC-AUC, `np.allclose(1, row sums)`: |1 − *s*| ≤ 1e-8 + 1e-5 · |*s*|.
  package let sumsToOneForRanking: Bool

  /// How far a row may sum from 1 and still be read as a probability
  /// vector: wide enough for probabilities rounded to three decimals over
  /// ten classes, narrow enough to turn away logits and per-class sigmoids.
  public static let rowSumTolerance = 0.005
  /// Each item's gold class, an index into its row.
  package let gold: [Int]
  /// The score rows, row-major.
  package let scores: [Double]
  /// Each class's column sorted once.
  package let rankings: [ScoreRanking]
  /// How many items each class has.
  package let goldCounts: [Int]
  /// Each item's log loss, for probability rows.
  package let logLosses: [Double]
  /// Each item's squared error against its one-hot gold row, for
  /// probability rows.
  package let squaredErrors: [Double]
  /// Each item's top-label confidence, for probability rows.
  package let confidences: [Double]
  /// Whether each item's top label (the first largest score) is its gold
  /// class, for probability rows.
  package let isTopLabelCorrect: [Bool]
  /// Each item's calibration bin, for probability rows.
  package let bins: [UInt8]

  /// Prepares per-class scores for scoring.
  ///
  /// - Parameters:
  ///   - scores: The score rows, row-major: item *i*'s score for class *k*
  ///     is `scores[i * classCount + k]`.
  ///   - classCount: The number of classes (columns), at least two.
  ///   - gold: Each item's gold class index in `0..<classCount`.
  /// - Throws: ``ScoreMetricsError`` when there are no items, fewer than
  ///   two classes, a count mismatch, a non-finite score or a gold class
  ///   outside the columns.
  /// - Complexity: O(*K* *n* log *n*) for *n* items and *K* classes.
  public init(scores: [Double], classCount: Int, gold: [Int]) throws(ScoreMetricsError) {
    guard classCount >= 2 else { throw .tooFewClasses(classCount) }
    guard !gold.isEmpty else { throw .noItems }
    guard scores.count == gold.count * classCount else {
      throw .countMismatch(scores: scores.count / classCount, gold: gold.count)
    }
    if let index = scores.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteScore(item: index / classCount)
    }
    var goldCounts = [Int](repeating: 0, count: classCount)
    for (item, label) in gold.enumerated() {
      guard (0..<classCount).contains(label) else {
        throw .goldClassOutOfRange(item: item, classIndex: label, classCount: classCount)
      }
      goldCounts[label] += 1
    }
    count = gold.count
    self.classCount = classCount
    self.gold = gold
    self.scores = scores
    self.goldCounts = goldCounts
    rankings = (0..<classCount).map { column in
      ScoreRanking(count: gold.count) { scores[$0 * classCount + column] }
    }
    (largestRowSumDeviation, sumsToOneForRanking) = Self.rowSums(
      of: scores, classCount: classCount)
    guard largestRowSumDeviation <= Self.rowSumTolerance else {
      (logLosses, squaredErrors, confidences, isTopLabelCorrect, bins) = ([], [], [], [], [])
      return
    }
    let epsilon = Double.ulpOfOne
    var logLosses: [Double] = []
    var squaredErrors: [Double] = []
    var confidences: [Double] = []
    var isTopLabelCorrect: [Bool] = []
    var bins: [UInt8] = []
    for item in 0..<gold.count {
      let row = scores[(item * classCount)..<((item + 1) * classCount)]
      let base = row.startIndex
      logLosses.append(-log(min(max(row[base + gold[item]], epsilon), 1 - epsilon)))
      var squaredError = 0.0
      var top = 0
      for column in 0..<classCount {
        let error = (column == gold[item] ? 1.0 : 0.0) - row[base + column]
        squaredError += error * error
        if row[base + column] > row[base + top] { top = column }
      }
      squaredErrors.append(squaredError)
      confidences.append(row[base + top])
      isTopLabelCorrect.append(top == gold[item])
      bins.append(UInt8(CalibrationBins.index(of: row[base + top])))
    }
    self.logLosses = logLosses
    self.squaredErrors = squaredErrors
    self.confidences = confidences
    self.isTopLabelCorrect = isTopLabelCorrect
    self.bins = bins
  }

  /// The largest distance of a row's sum from 1 (infinity when a value lies
  /// outside [0, 1]), and whether every row sum passes `np.allclose(1, s)`.
  private static func rowSums(of scores: [Double], classCount: Int) -> (
    largestDeviation: Double, passesAllClose: Bool
  ) {
    var largest = 0.0
    var passes = true
    for row in stride(from: 0, to: scores.count, by: classCount) {
      var total = 0.0
      for value in scores[row..<(row + classCount)] {
        guard value >= 0, value <= 1 else { return (.infinity, false) }
        total += value
      }
      largest = max(largest, abs(total - 1))
      passes = passes && abs(1 - total) <= 1e-8 + 1e-5 * abs(total)
    }
    return (largest, passes)
  }

  /// Every multiclass score metric, each with its value or the reason it
  /// has none.
  ///
  /// - Complexity: O(*K*² *n*) for the one-vs-one term, O(*K* *n*) for the
  ///   others.
  public var metrics: ScoreMetrics {
    let entries = ScoreMetric.multiclassMetrics.map { metric in
      let value = value(of: metric)
      return ScoreMetrics.Entry(
        metric: metric, value: value, undefinedReason: value == nil ? undefinedReason(metric) : nil)
    }
    return ScoreMetrics(
      problem: .multiclass, itemCount: count, isProbability: isProbability, entries: entries)
  }

  /// One metric's value.
  ///
  /// - Parameter metric: A multiclass score metric.
  /// - Returns: Its value, or `nil` when it is undefined or not a
  ///   multiclass metric.
  public func value(of metric: ScoreMetric) -> Double? {
    value(of: metric, weight: { _ in 1 })
  }

  /// One metric's value with each item counted `weights[item]` times, as a
  /// bootstrap resample counts it.
  ///
  /// - Parameters:
  ///   - metric: A multiclass score metric.
  ///   - weights: One non-negative weight per item.
  /// - Returns: Its value, or `nil` when it is undefined for the weighted
  ///   items.
  /// - Complexity: As ``value(of:)``, without sorting.
  package func value(of metric: ScoreMetric, weights: UnsafeBufferPointer<Double>) -> Double? {
    value(of: metric, weight: { weights[$0] })
  }

  /// The reason a metric is undefined for these items.
  ///
  /// - Parameter metric: A multiclass score metric.
  /// - Returns: The reason, or `nil` when the metric has a value.
  public func undefinedReason(_ metric: ScoreMetric) -> UndefinedScoreMetricReason? {
    guard value(of: metric) == nil else { return nil }
    if metric.needsProbabilities, !isProbability { return .rowsNotProbabilities }
    if metric == .rocAUCOneVsOneMacro, !sumsToOneForRanking {
      return .rowsNotSummingToOne(largestDeviation: largestRowSumDeviation)
    }
    if goldCounts.contains(count) { return .singleGoldClass }
    return goldCounts.firstIndex(of: 0).map {
      .classWithoutGoldItems(
        classIndex: $0, label: classNames.indices.contains($0) ? classNames[$0] : nil)
    }
  }

  @inline(__always)
  private func value(of metric: ScoreMetric, weight: (Int) -> Double) -> Double? {
    switch metric {
    case .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted, .averagePrecisionMacro:
      var sum = 0.0
      var weightedSum = 0.0
      var prevalence = 0.0
      for column in 0..<classCount {
        let summary = oneVersusRest(column, weight: weight)
        let value = metric == .averagePrecisionMacro ? summary.averagePrecision : summary.rocAUC
        guard let value else { return nil }
        sum += value
        weightedSum += value * summary.positiveWeight
        prevalence += summary.positiveWeight
      }
      return metric == .rocAUCOneVsRestWeighted
        ? weightedSum / prevalence : sum / Double(classCount)
    case .rocAUCOneVsOneMacro:
      guard sumsToOneForRanking else { return nil }
      var sum = 0.0
      for first in 0..<classCount {
        for second in (first + 1)..<classCount {
          guard let firstArea = oneVersusOne(first, second, weight: weight).rocAUC,
            let secondArea = oneVersusOne(second, first, weight: weight).rocAUC
          else { return nil }
          sum += (firstArea + secondArea) / 2
        }
      }
      return sum / Double(classCount * (classCount - 1) / 2)
    case .logLoss:
      guard isProbability else { return nil }
      return weightedMean(logLosses, weight: weight)
    case .brierScore:
      guard isProbability else { return nil }
      return weightedMean(squaredErrors, weight: weight).map { classCount < 3 ? $0 * 0.5 : $0 }
    case .expectedCalibrationError:
      guard isProbability else { return nil }
      return CalibrationBins.expectedCalibrationError(
        count: count, bins: bins, confidences: confidences, isCorrect: isTopLabelCorrect,
        weight: weight)
    case .averagePrecision, .rocAUC:
      return nil
    }
  }

  /// The ROC-AUC of one class's column, that class against all others
  /// (unweighted), as `roc_auc_score(y == c, scores[:, c])` gives it.
  ///
  /// - Parameter column: The class's column.
  /// - Returns: ROC-AUC, or `nil` when the class has no gold items or
  ///   every item is of it.
  /// - Complexity: O(*n*): the column is already sorted.
  package func oneVersusRestROCAUC(of column: Int) -> Double? {
    oneVersusRest(column, weight: { _ in 1 }).rocAUC
  }

  /// One sweep of a class's column, that class against all others.
  @inline(__always)
  private func oneVersusRest(_ column: Int, weight: (Int) -> Double) -> RankSummary {
    gold.withUnsafeBufferPointer { gold in
      rankings[column].summarize { item in
        let w = weight(item)
        return gold[item] == column ? (w, 0) : (0, w)
      }
    }
  }

  /// One sweep of class `positive`'s column over the items of the two
  /// classes, `positive` against `negative`.
  @inline(__always)
  private func oneVersusOne(_ positive: Int, _ negative: Int, weight: (Int) -> Double)
    -> RankSummary
  {
    gold.withUnsafeBufferPointer { gold in
      rankings[positive].summarize { item in
        let label = gold[item]
        if label == positive { return (weight(item), 0) }
        return label == negative ? (0, weight(item)) : (0, 0)
      }
    }
  }
}
