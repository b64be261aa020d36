import F1Kit
import F1KitReading

/// One model's per-item scores, binary or multiclass: what the score-metric
/// bootstrap, permutation test and comparisons resample.
public enum ScoredModel: Sendable {
  /// One score per item for the positive label.
  case binary(BinaryScores)
  /// One score per class per item.
  case multiclass(MulticlassScores)

  /// The number of items.
  public var count: Int {
    switch self {
    case .binary(let scores): scores.count
    case .multiclass(let scores): scores.count
    }
  }

  /// Every score metric of the model, with its value or why it has none.
  public var metrics: ScoreMetrics {
    switch self {
    case .binary(let scores): scores.metrics
    case .multiclass(let scores): scores.metrics
    }
  }

  /// The metrics reported for the model's kind of problem.
  public var reportedMetrics: [ScoreMetric] {
    switch self {
    case .binary: ScoreMetric.binaryMetrics
    case .multiclass: ScoreMetric.multiclassMetrics
    }
  }

  /// One metric's value on every item.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value, or `nil` when undefined.
  public func value(of metric: ScoreMetric) -> Double? {
    switch self {
    case .binary(let scores): scores.value(of: metric)
    case .multiclass(let scores): scores.value(of: metric)
    }
  }

  /// One metric's value with weighted items; NaN when undefined.
  @inline(__always)
  func value(of metric: ScoreMetric, weights: UnsafeBufferPointer<Double>) -> Double {
    switch self {
    case .binary(let scores): scores.value(of: metric, weights: weights) ?? .nan
    case .multiclass(let scores): scores.value(of: metric, weights: weights) ?? .nan
    }
  }

  /// Whether two models score the same items against the same gold labels,
  /// so they can be compared pair by pair.
  ///
  /// - Parameter other: The other model.
  /// - Returns: `true` when both are binary with the same positives, or
  ///   both multiclass with the same classes and gold classes.
  public func isPaired(with other: ScoredModel) -> Bool {
    switch (self, other) {
    case (.binary(let first), .binary(let second)):
      first.isPositive == second.isPositive
    case (.multiclass(let first), .multiclass(let second)):
      first.classCount == second.classCount && first.gold == second.gold
    default:
      false
    }
  }

  /// The model with each class's scores replaced by their ranks
  /// (`ScoreRanking/midRanks()`), which a paired permutation test exchanges
  /// for the ranking metrics (``ScoreMetric/isRankBased``).
  ///
  /// The ranks order the items as the scores do, so every ranking metric
  /// keeps its value, except one-vs-one ROC-AUC, which needs probability
  /// rows and so is undefined for rank rows.
  ///
  /// - Complexity: O(*K* *n*) for *n* items and *K* classes.
  func ranked() -> ScoredModel {
    switch self {
    case .binary(let scores):
      // Ranks are finite and as many as the labels, so this cannot throw.
      return .binary(
        try! BinaryScores(
          scores: scores.ranking.midRanks(), isPositive: scores.isPositive, keepsItemTerms: false))
    case .multiclass(let scores):
      let width = scores.classCount
      var rows = [Double](repeating: 0, count: scores.count * width)
      for (column, ranking) in scores.rankings.enumerated() {
        for (item, rank) in ranking.midRanks().enumerated() { rows[item * width + column] = rank }
      }
      return .multiclass(try! MulticlassScores(scores: rows, classCount: width, gold: scores.gold))
    }
  }

  /// The two models with each item's scores exchanged where `swaps` says,
  /// as one permutation of a paired permutation test (of ``ranked()``
  /// models for the ranking metrics).
  ///
  /// - Complexity: O(*n* log *n*) per class: both are sorted again.
  func exchangingScores(with other: ScoredModel, where swaps: [Bool]) throws(ScoreMetricsError)
    -> (ScoredModel, ScoredModel)
  {
    switch (self, other) {
    case (.binary(let first), .binary(let second)):
      var a = first.scores
      var b = second.scores
      for item in swaps.indices where swaps[item] { swap(&a[item], &b[item]) }
      return (
        .binary(try BinaryScores(scores: a, isPositive: first.isPositive)),
        .binary(try BinaryScores(scores: b, isPositive: first.isPositive))
      )
    case (.multiclass(let first), .multiclass(let second)):
      var a = first.scores
      var b = second.scores
      let width = first.classCount
      for item in swaps.indices where swaps[item] {
        for column in 0..<width { swap(&a[item * width + column], &b[item * width + column]) }
      }
      return (
        .multiclass(try MulticlassScores(scores: a, classCount: width, gold: first.gold)),
        .multiclass(try MulticlassScores(scores: b, classCount: width, gold: first.gold))
      )
    default:
      throw .countMismatch(scores: count, gold: other.count)
    }
  }
}

extension ScoredModel {
  /// The model of a file's per-item scores: binary for a score column,
  /// multiclass for per-class scores.
  ///
  /// - Parameter items: The items read with their scores.
  /// - Throws: `ScoreMetricsError` for no items, a non-finite score or a
  ///   gold label without a score column.
  /// - Complexity: O(*K* *n* log *n*).
  public init(_ items: ItemScores) throws(ScoreMetricsError) {
    self =
      items.isBinary ? .binary(try items.binaryScores()) : .multiclass(try items.multiclassScores())
  }
}
