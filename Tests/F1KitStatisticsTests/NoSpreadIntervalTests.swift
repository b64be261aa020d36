import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

/// A model that gets every item right (or wrong) has bootstrap intervals
/// of no width; the caution gives the exact interval of its accuracy.
@Suite("Intervals with no width")
struct NoSpreadIntervalTests {
  /// scipy.stats.beta.ppf(0.025, 40, 1) and beta.ppf(0.05, 40, 1): the
  /// Clopper–Pearson bounds with no error in 40 items.
  static let lowerBounds: [(confidence: Double, lower: Double)] = [
    (0.95, 0.9119026971211976), (0.90, 0.9278424754944854),
  ]

  @Test("no error in 40 items gives scipy's Clopper–Pearson bound", arguments: lowerBounds)
  func allRight(confidence: Double, lower: Double) throws {
    let matrix = try ConfusionMatrix(labels: ["0", "1"], counts: [[22, 0], [0, 18]])
    let exact = try #require(
      ConfidenceInterval.exactAccuracy(ofAllOrNothing: matrix, confidence: confidence))
    #expect(exact.isAllRight)
    #expect(abs(exact.lower - lower) < 1e-14)
    #expect(exact.upper == 1)
    let wrong = try ConfusionMatrix(labels: ["0", "1"], counts: [[0, 22], [18, 0]])
    let mirrored = try #require(
      ConfidenceInterval.exactAccuracy(ofAllOrNothing: wrong, confidence: confidence))
    #expect(!mirrored.isAllRight && mirrored.lower == 0)
    #expect(abs(mirrored.upper - (1 - lower)) < 1e-14)
  }

  @Test("a model with some errors has no exact bound to offer")
  func someErrors() throws {
    let matrix = try ConfusionMatrix(labels: ["0", "1"], counts: [[21, 1], [0, 18]])
    #expect(ConfidenceInterval.exactAccuracy(ofAllOrNothing: matrix, confidence: 0.95) == nil)
  }

  @Test("compare cautions a model whose interval has no width, and only that model")
  func comparisonCaution() throws {
    let gold: [Int32] = (0..<40).map { $0 < 22 ? 0 : 1 }
    let flawed = gold.enumerated().map { $0.offset % 7 == 0 ? 1 - $0.element : $0.element }
    let aligned = try AlignedPredictions(
      [
        ItemPredictions(labels: ["0", "1"], gold: gold, predicted: gold),
        ItemPredictions(labels: ["0", "1"], gold: gold, predicted: flawed),
      ], names: ["a", "b"])
    let comparison = try ModelComparison(
      aligned: aligned, names: ["a", "b"],
      options: ComparisonOptions(metric: .accuracy, bootstrap: BootstrapOptions(resamples: 199)))
    let cautions = comparison.cautions().filter { $0.contains("every resample gives") }
    #expect(cautions.count == 1)
    #expect(
      cautions.first
        == "a's interval of accuracy is [1.000, 1.000]: every resample gives 1.000, since every one of the 40 items is predicted right, so the bootstrap shows no uncertainty; that does not mean there is none: an exact (Clopper–Pearson) 95% interval for the accuracy is [0.912, 1.000]."
    )
  }
}
