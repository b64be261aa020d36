import F1Kit

/// Each class's counts and scores for one model, read from its confusion
/// matrix once so that every rule works in O(*k*) for *k* classes.
struct ClassProfile {
  /// One class's counts and scores.
  struct Row {
    let label: String
    /// Gold items of the class.
    let support: Int
    /// Items predicted as the class.
    let predicted: Int
    /// Items of the class predicted as it.
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
  /// The gold count of every label, evaluated or not, in label order.
  let goldCounts: [Int]
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
    let support = matrix.goldTotals
    let predicted = matrix.predictedTotals
    let total = matrix.total
    let scores = metrics.perClass()
    rows = Rows(
      storage: scores.indices.map { index in
        Row(
          label: scores[index].label, support: scores[index].support, predicted: predicted[index],
          truePositives: matrix[gold: index, predicted: index],
          precision: scores[index].precision, recall: scores[index].recall,
          f1: scores[index].fScore)
      }, counter: counter)
    itemCount = total
    goldCounts = support
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

  /// The share of all items that a count represents.
  func share(_ count: Int) -> Double {
    itemCount == 0 ? .nan : Double(count) / Double(itemCount)
  }
}

/// Counts the class rows advice rules read, for tests of their cost.
package final class ClassVisitCounter {
  /// The class rows read so far.
  package var visits = 0

  /// Creates a counter at zero.
  package init() {}
}
