import F1Kit
import F1KitReading

/// The sufficient statistics of a model comparison: each model's confusion
/// matrix and each pair's (gold, A, B) cell counts.
///
/// Counting is the only step whose cost grows with the number of items;
/// everything ``ModelComparison`` does afterwards works on these counts, so
/// its cost depends on the number of classes and resamples alone.
public struct ComparisonCounts: Sendable {
  /// The label order every count refers to.
  public let labels: [String]
  /// The number of items.
  public let itemCount: Int
  /// Each model's confusion matrix over ``labels``.
  public let matrices: [ConfusionMatrix]
  /// Every pair (A, B), A before B in model order, with its joint counts;
  /// empty when the models' items are not paired (count tables).
  public let pairs: [(first: Int, second: Int, predictions: PairedPredictions)]

  /// Whether the models were scored item by item on the same items, so
  /// that they can be compared pair by pair.
  public var isPaired: Bool { matrices.count < 2 || !pairs.isEmpty }

  /// Counts aligned predictions.
  ///
  /// - Parameter aligned: The models' predictions for the same items.
  /// - Throws: ``StatisticsError`` when a code is out of range.
  /// - Complexity: O(*n* · *m*²) for *n* items and *m* models.
  public init(_ aligned: AlignedPredictions) throws(StatisticsError) {
    let modelCount = aligned.predictions.count
    var pairs: [(first: Int, second: Int, predictions: PairedPredictions)] = []
    for first in 0..<modelCount {
      for second in (first + 1)..<modelCount {
        let predictions = try PairedPredictions(
          gold: aligned.gold, first: aligned.predictions[first],
          second: aligned.predictions[second], classCount: aligned.labels.count)
        pairs.append((first, second, predictions))
      }
    }
    labels = aligned.labels
    itemCount = aligned.itemCount
    matrices = (0..<modelCount).map { aligned.confusionMatrix(ofModel: $0) }
    self.pairs = pairs
  }

  /// Wraps counts made elsewhere, such as from joint count tables.
  init(
    labels: [String], itemCount: Int, matrices: [ConfusionMatrix],
    pairs: [(first: Int, second: Int, predictions: PairedPredictions)]
  ) {
    self.labels = labels
    self.itemCount = itemCount
    self.matrices = matrices
    self.pairs = pairs
  }

  /// Counts models that cannot be paired item by item, such as count
  /// tables: each gets an interval, and no pair is compared.
  ///
  /// - Parameters:
  ///   - labels: The label order of every matrix.
  ///   - matrices: Each model's confusion matrix over `labels`, all with
  ///     the same number of items.
  /// - Complexity: O(1).
  public init(labels: [String], matrices: [ConfusionMatrix]) {
    precondition(!matrices.isEmpty, "a comparison needs at least one model")
    self.labels = labels
    self.itemCount = matrices[0].total
    self.matrices = matrices
    self.pairs = []
  }
}
