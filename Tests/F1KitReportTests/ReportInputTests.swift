import F1Kit
import F1KitReading
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Report inputs")
struct ReportInputTests {
  /// Items given by label codes.
  struct Codes: Sendable, CustomTestStringConvertible {
    var labels: [String]
    var gold: [Int32]
    var predicted: [Int32]
    var testDescription: String { "\(labels)" }
  }

  @Test(
    "The counts of items equal those of their labels, in label order, whatever the codes",
    arguments: [
      Codes(
        labels: ["b", "a", "unused", "10", "9"], gold: [0, 1, 3, 4, 0, 3],
        predicted: [1, 1, 4, 4, 3, 0]),
      Codes(labels: ["x"], gold: [0, 0], predicted: [0, 0]),
      Codes(
        labels: ["neutral", "entailment", "contradiction"], gold: [2, 0, 1, 1],
        predicted: [2, 2, 1, 0]),
    ])
  func countsFromCodes(codes: Codes) throws {
    let items = ItemPredictions(labels: codes.labels, gold: codes.gold, predicted: codes.predicted)
    let input = try ReportInput(name: "m", sourceFile: "m.csv", items: items)
    let gold = codes.gold.map { codes.labels[Int($0)] }
    let predicted = codes.predicted.map { codes.labels[Int($0)] }
    let expected = try ConfusionMatrix(gold: gold, predicted: predicted)
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
