import Foundation

/// A binary model's score for the positive label on each item, with the
/// gold labels, ready to be scored any number of times.
///
/// Creating the value sorts the scores once (a radix sort, O(*n*)), sums
/// the ranking once for ROC-AUC and average precision and, when the
/// scores are probabilities, works out each item's log-loss and Brier terms
/// and its calibration bin. Every metric afterwards — and every bootstrap
/// resample, which only reweights the items — is one O(*n*) pass.
///
/// The metrics equal scikit-learn 1.9's `average_precision_score`,
/// `roc_auc_score`, `log_loss` and `brier_score_loss` (with both labels
/// given) to 1e-12; a metric scikit-learn would answer with a warning and a
/// placeholder is `nil` instead.
public struct BinaryScores: Sendable {
  /// The number of items.
  public let count: Int
  /// Whether every score is in [0, 1], so the probability metrics apply.
  public let isProbability: Bool
  /// Whether each item's gold label is the positive label.
  package let isPositive: [Bool]
  /// The scores sorted once.
  package let ranking: ScoreRanking
  /// The scores in item order.
  package let scores: [Double]
  /// Each item's log loss, when the scores are probabilities.
  package let logLosses: [Double]
  /// Each item's two-column squared error, when the scores are
  /// probabilities.
  package let squaredErrors: [Double]
  /// Each item's calibration bin, when the scores are probabilities.
  package let bins: [UInt8]
  /// The ranking sums of the items, each counted once: ROC-AUC and average
  /// precision without a further sweep.
  package let summary: RankSummary

  /// Prepares scores for scoring.
  ///
  /// - Parameters:
  ///   - scores: One score per item; higher means more likely positive.
  ///   - isPositive: Whether each item's gold label is the positive label.
  /// - Throws: ``ScoreMetricsError/noItems``,
  ///   ``ScoreMetricsError/countMismatch(scores:gold:)`` or
  ///   ``ScoreMetricsError/nonFiniteScore(item:)``.
  /// - Complexity: O(*n*) for *n* items (a radix sort).
  public init(scores: [Double], isPositive: [Bool]) throws(ScoreMetricsError) {
    try self.init(scores: scores, isPositive: isPositive, keepsItemTerms: true)
  }

  /// Prepares scores for scoring, optionally without the per-item terms
  /// that make resampling fast.
  ///
  /// Without them (`keepsItemTerms: false`) each item's log-loss and Brier
  /// terms and its calibration bin are worked out again on every pass, by
  /// the same expressions, so every value is bit for bit the same; the
  /// value saves 17 bytes per item, which suits one evaluation of a large
  /// file and not a bootstrap.
  ///
  /// - Parameters:
  ///   - scores: One score per item; higher means more likely positive.
  ///   - isPositive: Whether each item's gold label is the positive label.
  ///   - keepsItemTerms: Whether to keep each item's log loss, squared
  ///     error and calibration bin.
  /// - Throws: As ``init(scores:isPositive:)``.
  /// - Complexity: O(*n*) for *n* items (a radix sort).
  package init(scores: [Double], isPositive: [Bool], keepsItemTerms: Bool)
    throws(ScoreMetricsError)
  {
    guard !scores.isEmpty else { throw .noItems }
    guard scores.count == isPositive.count else {
      throw .countMismatch(scores: scores.count, gold: isPositive.count)
    }
    if let item = scores.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteScore(item: item) }
    count = scores.count
    self.scores = scores
    self.isPositive = isPositive
    let ranking = ScoreRanking(scores: scores)
    self.ranking = ranking
    summary = isPositive.withUnsafeBufferPointer { isPositive in
      ranking.summarize { isPositive[$0] ? (1, 0) : (0, 1) }
    }
    isProbability = scores.allSatisfy { $0 >= 0 && $0 <= 1 }
    guard isProbability, keepsItemTerms else {
      (logLosses, squaredErrors, bins) = ([], [], [])
      return
    }
    var logLosses: [Double] = []
    var squaredErrors: [Double] = []
    var bins: [UInt8] = []
    logLosses.reserveCapacity(count)
    squaredErrors.reserveCapacity(count)
    bins.reserveCapacity(count)
    for (score, positive) in zip(scores, isPositive) {
      logLosses.append(Self.logLoss(score: score, isPositive: positive))
      squaredErrors.append(Self.squaredError(score: score, isPositive: positive))
      bins.append(UInt8(CalibrationBins.index(of: score)))
    }
    self.logLosses = logLosses
    self.squaredErrors = squaredErrors
    self.bins = bins
  }

  /// Whether the per-item log-loss, Brier and calibration terms are kept,
  /// so that an exchange of two models' items can reuse them.
  package var hasItemTerms: Bool { isProbability && !logLosses.isEmpty }

  /// An item's log loss as scikit-learn works it out: it stacks (1 − p, p)
  /// and clips both to [ε, 1 − ε].
  @inline(__always)
  static func logLoss(score: Double, isPositive: Bool) -> Double {
    let epsilon = Double.ulpOfOne
    let probability = isPositive ? score : 1 - score
    return -log(min(max(probability, epsilon), 1 - epsilon))
  }

  /// An item's two-column squared error, (1 − y − (1 − p))² + (y − p)².
  @inline(__always)
  static func squaredError(score: Double, isPositive: Bool) -> Double {
    let gold = isPositive ? 1.0 : 0.0
    let negativeError = (1 - gold) - (1 - score)
    let positiveError = gold - score
    return negativeError * negativeError + positiveError * positiveError
  }

  /// Every binary score metric, each with its value or the reason it has
  /// none.
  ///
  /// - Complexity: O(*n*).
  public var metrics: ScoreMetrics {
    let entries = ScoreMetric.binaryMetrics.map { metric in
      let value = value(of: metric)
      return ScoreMetrics.Entry(
        metric: metric, value: value, undefinedReason: value == nil ? undefinedReason(metric) : nil)
    }
    return ScoreMetrics(
      problem: .binary, itemCount: count, isProbability: isProbability, entries: entries)
  }

  /// One metric's value.
  ///
  /// - Parameter metric: A binary score metric.
  /// - Returns: Its value, or `nil` when it is undefined or not a binary
  ///   metric.
  /// - Complexity: O(*n*).
  public func value(of metric: ScoreMetric) -> Double? {
    switch metric {
    case .rocAUC: summary.rocAUC
    case .averagePrecision: summary.averagePrecision
    default: value(of: metric, weight: { _ in 1 })
    }
  }

  /// One metric's value with each item counted `weights[item]` times, as a
  /// bootstrap resample counts it.
  ///
  /// - Parameters:
  ///   - metric: A binary score metric.
  ///   - weights: One non-negative weight per item.
  /// - Returns: Its value, or `nil` when it is undefined for the weighted
  ///   items.
  /// - Complexity: O(*n*), without sorting.
  package func value(of metric: ScoreMetric, weights: UnsafeBufferPointer<Double>) -> Double? {
    value(of: metric, weight: { weights[$0] })
  }

  /// The reason a metric is undefined for these items.
  ///
  /// - Parameter metric: A binary score metric.
  /// - Returns: The reason, or `nil` when the metric has a value.
  public func undefinedReason(_ metric: ScoreMetric) -> UndefinedScoreMetricReason? {
    guard value(of: metric) == nil else { return nil }
    if metric.needsProbabilities, !isProbability { return .scoresNotProbabilities }
    if metric == .averagePrecision { return .noPositiveItems }
    return .singleGoldClass
  }

  @inline(__always)
  private func value(of metric: ScoreMetric, weight: (Int) -> Double) -> Double? {
    switch metric {
    case .averagePrecision, .rocAUC:
      let summary = isPositive.withUnsafeBufferPointer { isPositive in
        ranking.summarize { item in
          let w = weight(item)
          return isPositive[item] ? (w, 0) : (0, w)
        }
      }
      return metric == .rocAUC ? summary.rocAUC : summary.averagePrecision
    case .logLoss:
      guard isProbability else { return nil }
      if logLosses.isEmpty {
        return weightedMean(count, weight: weight) {
          Self.logLoss(score: scores[$0], isPositive: isPositive[$0])
        }
      }
      return weightedMean(logLosses, weight: weight)
    case .brierScore:
      guard isProbability else { return nil }
      if squaredErrors.isEmpty {
        return weightedMean(count, weight: weight) {
          Self.squaredError(score: scores[$0], isPositive: isPositive[$0])
        }.map { $0 * 0.5 }
      }
      return weightedMean(squaredErrors, weight: weight).map { $0 * 0.5 }
    case .expectedCalibrationError:
      guard isProbability else { return nil }
      if bins.isEmpty {
        return CalibrationBins.expectedCalibrationError(
          count: count, bin: { CalibrationBins.index(of: scores[$0]) },
          confidence: { scores[$0] }, isCorrect: { isPositive[$0] }, weight: weight)
      }
      return CalibrationBins.expectedCalibrationError(
        count: count, bins: bins, confidences: scores, isCorrect: isPositive, weight: weight)
    case .rocAUCOneVsRestMacro, .rocAUCOneVsRestWeighted, .rocAUCOneVsOneMacro,
      .averagePrecisionMacro:
      return nil
    }
  }
}

/// The weighted mean of per-item terms, summed with compensation.
///
/// - Parameters:
///   - terms: One term per item.
///   - weight: An item's weight.
/// - Returns: The mean, or `nil` when the weights add up to zero.
@inline(__always)
func weightedMean(_ terms: [Double], weight: (Int) -> Double) -> Double? {
  weightedMean(terms.count, weight: weight) { terms[$0] }
}

/// The weighted mean of per-item terms given by a function, summed with
/// compensation in item order.
///
/// - Parameters:
///   - count: The number of items.
///   - weight: An item's weight.
///   - term: An item's term.
/// - Returns: The mean, or `nil` when the weights add up to zero.
@inline(__always)
func weightedMean(_ count: Int, weight: (Int) -> Double, term: (Int) -> Double) -> Double? {
  var sum = CompensatedSum()
  var total = 0.0
  for item in 0..<count {
    let w = weight(item)
    if w != 0 { sum.add(w * term(item)) }
    total += w
  }
  return total > 0 ? sum.value / total : nil
}
