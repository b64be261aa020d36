import F1Kit
import Testing

@Suite("Confusion matrix")
struct ConfusionMatrixTests {
  @Test("counts gold labels down and predictions across")
  func countsRowsAsGold() throws {
    let matrix = try ConfusionMatrix(gold: ["a", "a", "b"], predicted: ["a", "b", "b"])
    #expect(matrix.labels == ["a", "b"])
    #expect(matrix.rows == [[1, 1], [0, 1]])
    #expect(matrix.total == 3)
  }

  @Test("named labels come first and may never occur")
  func namedLabelsComeFirst() throws {
    let matrix = try ConfusionMatrix(gold: ["b", "a"], predicted: ["b", "c"], labels: ["z", "b"])
    #expect(matrix.labels == ["z", "b", "a", "c"])
    #expect(matrix[gold: 1, predicted: 1] == 1)
    #expect(matrix[gold: 2, predicted: 3] == 1)
  }

  @Test("merging shards equals counting the concatenated data")
  func mergingEqualsConcatenation() throws {
    let firstGold = ["a", "b", "b", "c"]
    let firstPredicted = ["a", "a", "b", "c"]
    let secondGold = ["d", "a", "c"]
    let secondPredicted = ["d", "c", "a"]
    let first = try ConfusionMatrix(gold: firstGold, predicted: firstPredicted)
    let second = try ConfusionMatrix(gold: secondGold, predicted: secondPredicted)
    let whole = try ConfusionMatrix(
      gold: firstGold + secondGold, predicted: firstPredicted + secondPredicted)
    let merged = first + second
    #expect(try merged.reordered(to: whole.labels) == whole)
    let metrics = try ClassificationMetrics(confusionMatrix: merged)
    let reference = try ClassificationMetrics(confusionMatrix: whole)
    for metric in Metric.multiclassMetrics {
      #expect(agreesExactly(metrics.value(of: metric), reference.value(of: metric)), "\(metric)")
    }
  }

  @Test("a count table builds the same matrix as the items")
  func countTableMatchesItems() throws {
    let table = try ConfusionMatrix(labels: ["0", "1"], counts: [[3, 1], [2, 4]])
    let items = try ConfusionMatrix(
      gold: ["0", "0", "0", "0", "1", "1", "1", "1", "1", "1"],
      predicted: ["0", "0", "0", "1", "0", "0", "1", "1", "1", "1"])
    #expect(table == items)
  }

  @Test(
    "malformed count tables are rejected with a reason",
    arguments: [
      (["a", "a"], [[1, 0], [0, 1]], ConfusionMatrixError.duplicateLabel("a")),
      (["a", "b"], [[1, 0]], ConfusionMatrixError.shapeMismatch(labelCount: 2, rows: [2])),
      (["a", "b"], [[1, -2], [0, 1]], ConfusionMatrixError.negativeCount(-2)),
    ])
  func rejectsMalformedTables(labels: [String], counts: [[Int]], error: ConfusionMatrixError) {
    #expect(throws: error) { try ConfusionMatrix(labels: labels, counts: counts) }
  }

  @Test("gold and predicted sequences of different lengths are rejected")
  func rejectsLengthMismatch() {
    #expect(throws: ConfusionMatrixError.lengthMismatch(gold: 2, predicted: 1)) {
      try ConfusionMatrix(gold: ["a", "b"], predicted: ["a"])
    }
  }
}

private func agreesExactly(_ left: Double, _ right: Double) -> Bool {
  left == right || (left.isNaN && right.isNaN)
}
