import F1Kit

/// Each class's counts and scores for one model, read from its confusion
/// matrix once so that every rule works in O(*k*) for *k* classes.
struct ClassProfile {
  /// One class's counts and scores.
  struct Row {
    let label: String
    /// Gold items of the class.
    let support: Int
    /// The class's gold total as the metrics count it: the weight sum of
    /// its gold items with sample weights, ``support`` otherwise.
    let weight: Double
    /// Items predicted as the class, as the metrics count them (a weight
    /// sum with sample weights).
    let predicted: Double
    /// Items of the class predicted as it (items, even when weighted).
    let truePositives: Int
    let precision: Double
    let recall: Double
    let f1: Double
  }

  /// The rows in label order, read through an optional counter so that
  /// tests can check how many class rows the rules visit.
  struct Rows: RandomAccessCollection {
    fileprivate let storage: [Row]
    fileprivate let counter: ClassVisitCounter?

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }

    subscript(position: Int) -> Row {
      counter?.visits += 1
      return storage[position]
    }
  }

  /// The evaluated classes, in label order.
  let rows: Rows
  /// The number of items.
  let itemCount: Int
  /// Whether the metrics use sample weights.
  let isWeighted: Bool
  /// The total the metrics count: the total weight with sample weights,
  /// ``itemCount`` otherwise.
  let totalWeight: Double
  /// The gold total of every label, evaluated or not, in label order, as
  /// the metrics count it (weight sums with sample weights).
  let goldWeights: [Double]
  /// The model's metrics.
  let metrics: ClassificationMetrics
  /// The metrics the rules cite, each computed once: every metric value
  /// reads the whole confusion matrix.
  private let values: [Metric: Double]

  /// The metrics the rules cite.
  static let citedMetrics: [Metric] = [
    .accuracy, .balancedAccuracy, .matthewsCorrelation, .microF1, .macroF1, .weightedF1,
  ]

  /// Reads a model's classes.
  ///
  /// - Complexity: O(*k*) for *k* classes from the matrix's totals and
  ///   diagonal (never its *k*² cells), plus one call of
  ///   ``ClassificationMetrics/perClass(beta:)``.
  init(_ metrics: ClassificationMetrics, counter: ClassVisitCounter? = nil) {
    let matrix = metrics.confusionMatrix
    let items = matrix.goldTotals
    let predicted = metrics.predictedWeights
    let scores = metrics.perClass()
    rows = Rows(
      storage: scores.indices.map { index in
        // ClassScores.support is a rounded weight sum when weighted: take
        // the item count from the matrix and the weight sum apart.
        Row(
          label: scores[index].label, support: items[index],
          weight: scores[index].supportWeight, predicted: predicted[index],
          truePositives: matrix[gold: index, predicted: index],
          precision: scores[index].precision, recall: scores[index].recall,
          f1: scores[index].fScore)
      }, counter: counter)
    itemCount = matrix.total
    isWeighted = metrics.isWeighted
    totalWeight = metrics.isWeighted ? metrics.totalWeight : Double(matrix.total)
    goldWeights = metrics.goldWeights
    self.metrics = metrics
    let cited = Self.citedMetrics + (metrics.problem == .binary ? [.binaryF1] : [])
    values = Dictionary(uniqueKeysWithValues: cited.map { ($0, metrics.value(of: $0)) })
  }

  /// A metric's value, computed once per model for the metrics the rules
  /// cite.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: Its value.
  func value(of metric: Metric) -> Double {
    values[metric] ?? metrics.value(of: metric)
  }

  /// The share of the total (weight, or items when unweighted) that a
  /// class's gold total represents.
  func share(_ weight: Double) -> Double {
    totalWeight == 0 ? .nan : weight / totalWeight
  }

  /// A class's size in words: `10 items`, or with sample weights
  /// `weight 17.5, 10 items`, never a weight sum called items.
  func size(_ row: Row) -> String {
    isWeighted
      ? "weight \(DisplayNumber.weight(row.weight)), \(AdviceText.items(row.support))"
      : AdviceText.items(row.support)
  }

  /// The evidence of a class's size: its weight sum with sample weights
  /// (as `evaluate` reports support), its item count otherwise.
  func supportEvidence(_ row: Row, model: String? = nil) -> AdviceEvidence {
    isWeighted
      ? AdviceEvidence("support", label: row.label, model: model, value: row.weight)
      : AdviceEvidence("support", label: row.label, model: model, count: row.support)
  }
}

/// Counts the class rows advice rules read, for tests of their cost.
package final class ClassVisitCounter {
  /// The class rows read so far.
  package var visits = 0

  /// Creates a counter at zero.
  package init() {}
}
