import F1Kit
import Testing

/// A weighted class's support is the sum of its items' weights, summed
/// over the items (as `math.fsum` and pandas' `groupby().sum()` give it),
/// not the sum of its rounded cells: the newcomer audit's file printed
/// 54.300000000000004 for weights of one decimal summing to 54.3.
@Suite("Weighted supports are summed over the items")
struct WeightedSupportTests {
  // Class "0": 7.5 + 5.1 + 8.3 predicted "0" (cell 20.9) and 2.2
  // predicted "1"; the cells add to 23.099999999999998, the items
  // (math.fsum) to 23.1.
  static let gold = ["0", "0", "0", "0", "1"]
  static let predicted = ["0", "0", "0", "1", "1"]
  static let weights = [7.5, 5.1, 8.3, 2.2, 1.0]

  @Test("a class's support weight and the total weight are the items' correctly rounded sums")
  func classSupport() throws {
    let matrix = try WeightedConfusionMatrix(
      gold: Self.gold, predicted: Self.predicted, weights: Self.weights)
    let metrics = try ClassificationMetrics(weightedConfusionMatrix: matrix)
    let rows = metrics.perClass()
    #expect(rows[0].supportWeight == 23.1)
    #expect(rows[1].supportWeight == 1.0)
    #expect(metrics.totalWeight == 24.1)
    #expect(metrics.evaluatedSupportWeight == 24.1)
    #expect(matrix.goldWeight(ofRows: 0..<1) == 23.1)
    #expect(metrics.supportWeight(ofClasses: [0]) == 23.1)
    #expect(metrics.supportWeight(ofClasses: [1, 0]) == 24.1)
    // The metrics are scikit-learn's with sample_weight, unchanged:
    // recall_score(average=None) [20.9/23.099999999999998, 1.0].
    #expect(rows[0].recall == 20.9 / (20.9 + 2.2))
  }

  @Test("a weighted text report prints the support as 23.1, aligned with the other rows")
  func textReport() throws {
    let matrix = try WeightedConfusionMatrix(
      gold: Self.gold, predicted: Self.predicted, weights: Self.weights)
    let report = try ClassificationMetrics(weightedConfusionMatrix: matrix).textReport()
    #expect(
      report.contains("\n           0     1.0000    0.9048    0.9500      23.1\n"), "\(report)")
    #expect(report.contains("    accuracy                         0.9087      24.1\n"), "\(report)")
  }

  @Test("a weighted multilabel label's support is its items' correctly rounded sum")
  func multilabelSupport() throws {
    let counts = try MultilabelCounts(
      gold: [["a"], ["a"], ["a"], ["a"], ["b"]], predicted: [["a"], ["a"], ["a"], ["b"], ["b"]],
      weights: Self.weights)
    let metrics = try MultilabelMetrics(counts: counts)
    #expect(metrics.perLabel()[0].support == 23.1)
    #expect(metrics.supportWeight == 24.1)
    #expect(metrics.textReport().contains("      23.1\n"))
  }
}
