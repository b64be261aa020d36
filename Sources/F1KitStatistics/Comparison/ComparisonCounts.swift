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
  /// Each model's weighted rows, when the items carry sample weights; `nil`
  /// for unweighted items. The pairs' cells then carry the weights too.
  public let weighted: [WeightedPredictions]?

  /// Whether the items carry sample weights, so every metric, interval and
  /// test is weighted.
  public var isWeighted: Bool { weighted != nil }

  /// The sum of the items' sample weights, or `nil` without weights.
  public var totalWeight: Double? { weighted?.first?.totalWeight }

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
    self.weighted = nil
  }

  /// Counts aligned predictions whose items carry sample weights.
  ///
  /// Each pair's cells are (gold, A, B, weight) rows and each model's are
  /// (gold, prediction, weight) rows, with item counts, in one canonical
  /// order; a joint count table with a weight column that summarizes the
  /// same items gives the same counts (see ``init(_:labels:)``), so
  /// ``ModelComparison`` gives bit-identical results from either.
  ///
  /// - Parameters:
  ///   - aligned: The models' predictions for the same items.
  ///   - weights: Each item's sample weight, in the aligned item order.
  /// - Throws: ``StatisticsError`` when a code is out of range, the
  ///   weights do not match the items, a weight is negative or not finite,
  ///   or every weight is zero.
  /// - Complexity: O(*m*² · *n* log *n*) for *n* items and *m* models.
  public init(_ aligned: AlignedPredictions, weights: [Double]) throws(StatisticsError) {
    guard weights.count == aligned.itemCount else {
      throw .weightCountMismatch(items: aligned.itemCount, weights: weights.count)
    }
    let classCount = aligned.labels.count
    var models: [WeightedPredictions] = []
    for predictions in aligned.predictions {
      models.append(
        try WeightedPredictions(
          gold: aligned.gold, predicted: predictions, weights: weights, classCount: classCount))
    }
    var pairs: [(first: Int, second: Int, predictions: PairedPredictions)] = []
    for first in aligned.predictions.indices {
      for second in (first + 1)..<aligned.predictions.count {
        let cells = aligned.gold.indices.map { item in
          PairedPredictions.Cell(
            gold: Int(aligned.gold[item]), first: Int(aligned.predictions[first][item]),
            second: Int(aligned.predictions[second][item]), weight: weights[item], count: 1)
        }
        pairs.append(
          (first, second, try PairedPredictions(classCount: classCount, cells: cells)))
      }
    }
    try self.init(labels: aligned.labels, weighted: models, pairs: pairs)
  }

  /// Wraps weighted counts made elsewhere, checking that some weight is
  /// not zero.
  init(
    labels: [String], weighted: [WeightedPredictions],
    pairs: [(first: Int, second: Int, predictions: PairedPredictions)]
  ) throws(StatisticsError) {
    guard let first = weighted.first, first.itemCount > 0 else { throw .noItems }
    guard first.totalWeight > 0 else { throw .zeroTotalWeight }
    self.labels = labels
    self.itemCount = first.itemCount
    self.matrices = weighted.map { model in
      var matrix = ConfusionMatrix(labels: labels)
      for cell in model.cells {
        matrix.add(goldIndex: cell.gold, predictedIndex: cell.predicted, count: cell.count)
      }
      return matrix
    }
    self.pairs = pairs
    self.weighted = weighted
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
    self.weighted = nil
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
    self.weighted = nil
  }

  /// Each model's weighted confusion matrix, when the items carry sample
  /// weights.
  public var weightedMatrices: [WeightedConfusionMatrix]? {
    weighted?.map { $0.confusionMatrix(labels: labels) }
  }
}
