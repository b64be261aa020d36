import F1Kit
import F1KitReading
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Report inputs")
struct ReportInputTests {
  @Test(
    "The counts of items equal those of their labels, in label order, whatever the codes",
    arguments: [
      (["b", "a", "unused", "10", "9"], [0, 1, 3, 4, 0, 3], [1, 1, 4, 4, 3, 0]),
      (["x"], [0, 0], [0, 0]),
      (["neutral", "entailment", "contradiction"], [2, 0, 1, 1], [2, 2, 1, 0]),
    ])
  func countsFromCodes(labels: [String], gold: [Int], predicted: [Int]) throws {
    let items = ItemPredictions(
      labels: labels, gold: gold.map(Int32.init), predicted: predicted.map(Int32.init))
    let input = try ReportInput(name: "m", sourceFile: "m.csv", items: items)
    let expected = try ConfusionMatrix(gold: items.goldLabels, predicted: items.predictedLabels)
    #expect(input.confusionMatrix == expected)
    #expect(!input.confusionMatrix.labels.contains("unused"))
  }

  @Test(
    "A fixture's input has the counts the reader gives", arguments: ["r8/test-tfidf-logreg.csv"])
  func fixtureCounts(path: String) throws {
    let input = try ReportTestData.fixtureInput(path)
    let matrix = try PredictionReader(path: Fixtures.url(path).path).readConfusionMatrix()
    #expect(input.confusionMatrix == matrix)
  }
}
