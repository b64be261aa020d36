import F1Kit
import F1KitReading
import Testing

@Suite("Aligning models' predictions item by item")
struct AlignedPredictionsTests {
  private func items(_ rows: [(String, String)], ids: [String]? = nil) -> ItemPredictions {
    var labels: [String] = []
    func code(_ label: String) -> Int32 {
      if let index = labels.firstIndex(of: label) { return Int32(index) }
      labels.append(label)
      return Int32(labels.count - 1)
    }
    let gold = rows.map { code($0.0) }
    let predicted = rows.map { code($0.1) }
    return ItemPredictions(labels: labels, gold: gold, predicted: predicted, ids: ids)
  }

  @Test("rows align in order and codes share one label order")
  func alignsRows() throws {
    let first = items([("b", "b"), ("a", "b")])
    let second = items([("b", "a"), ("a", "a")])
    let aligned = try AlignedPredictions([first, second], names: ["a.csv", "b.csv"])
    #expect(aligned.labels == ["a", "b"])
    #expect(aligned.gold == [1, 0])
    #expect(aligned.predictions == [[1, 1], [0, 0]])
    #expect(aligned.confusionMatrix(ofModel: 1).rows == [[1, 0], [1, 0]])
  }

  @Test("ids align files written in different orders")
  func alignsByID() throws {
    let first = items([("x", "x"), ("y", "x")], ids: ["1", "2"])
    let second = items([("y", "y"), ("x", "y")], ids: ["2", "1"])
    let aligned = try AlignedPredictions([first, second], names: ["a", "b"])
    #expect(aligned.predictions[1] == [1, 1])
    #expect(aligned.identifiers.map(Array.init) == ["1", "2"])
  }

  @Test("a gold mismatch names the item and both labels")
  func rejectsGoldMismatch() {
    let first = items([("x", "x"), ("y", "x")])
    let second = items([("x", "x"), ("x", "x")])
    #expect(
      throws: AlignmentError.goldMismatch(
        item: "2", firstFile: "a", firstLabel: "y", otherFile: "b", otherLabel: "x")
    ) { try AlignedPredictions([first, second], names: ["a", "b"]) }
  }

  @Test("different item counts and missing ids are rejected")
  func rejectsDifferentItems() {
    #expect(throws: AlignmentError.self) {
      try AlignedPredictions(
        [items([("x", "x")]), items([("x", "x"), ("x", "x")])], names: ["a", "b"])
    }
    #expect(
      throws: AlignmentError.missingItem(id: "2", file: "b", presentIn: "a")
    ) {
      try AlignedPredictions(
        [
          items([("x", "x"), ("x", "x")], ids: ["1", "2"]),
          items([("x", "x"), ("x", "x")], ids: ["1", "3"]),
        ],
        names: ["a", "b"])
    }
  }
}
