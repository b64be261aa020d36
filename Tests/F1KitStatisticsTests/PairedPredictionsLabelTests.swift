import F1Kit
import F1KitStatistics
import Testing

@Suite("Paired predictions from label strings")
struct PairedPredictionsLabelTests {
  static let gold = ["cat", "dog", "dog", "cat", "bird"]
  static let first = ["cat", "dog", "cat", "cat", "dog"]
  static let second = ["dog", "dog", "dog", "cat", "bird"]

  @Test("label strings count the same cells as their class indices")
  func matchesCodes() throws {
    let labels = try ConfusionMatrix(gold: Self.gold, predicted: Self.first).labels
    let fromLabels = try PairedPredictions(
      gold: Self.gold, first: Self.first, second: Self.second, labels: labels)
    func codes(_ values: [String]) -> [Int32] {
      values.map { Int32(labels.firstIndex(of: $0)!) }
    }
    let fromCodes = try PairedPredictions(
      gold: codes(Self.gold), first: codes(Self.first), second: codes(Self.second),
      classCount: labels.count)
    #expect(fromLabels == fromCodes)
    // The first model's marginal is its confusion matrix over the same labels.
    let matrix = try ConfusionMatrix(gold: Self.gold, predicted: Self.first, labels: labels)
    #expect(fromLabels.firstCounts == matrix.counts)
  }

  @Test("a label outside the given labels is a typed error naming it")
  func refusesUnknownLabels() {
    #expect(throws: StatisticsError.unknownLabel("fish")) {
      try PairedPredictions(
        gold: ["cat", "fish"], first: ["cat", "cat"], second: ["cat", "cat"],
        labels: ["cat", "dog"])
    }
  }

  @Test("sequences of different lengths are refused")
  func refusesLengthMismatch() {
    #expect(throws: StatisticsError.lengthMismatch(gold: 2, first: 1, second: 2)) {
      try PairedPredictions(
        gold: ["cat", "dog"], first: ["cat"], second: ["cat", "dog"], labels: ["cat", "dog"])
    }
  }
}
