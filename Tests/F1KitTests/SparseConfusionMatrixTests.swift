import F1Kit
import Testing

@Suite("Confusion matrices over many labels")
struct SparseConfusionMatrixTests {
  /// Items over `classCount` labels, mostly correct, from a fixed
  /// linear congruential sequence.
  static func items(classCount: Int, count: Int) -> (gold: [String], predicted: [String]) {
    var state: UInt64 = 12_345
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var gold: [String] = []
    var predicted: [String] = []
    for _ in 0..<count {
      let label = next(classCount)
      gold.append("c\(label)")
      predicted.append(next(10) < 7 ? "c\(label)" : "c\(next(classCount))")
    }
    return (gold, predicted)
  }

  @Test("two hundred thousand labels cost memory for their non-empty cells, not for k²")
  func manyLabels() throws {
    let labels = (0..<200_000).map { "l\($0)" }
    let matrix = try ConfusionMatrix(
      labels: labels,
      cells: [
        .init(gold: 0, predicted: 0, count: 3), .init(gold: 199_999, predicted: 0, count: 2),
        .init(gold: 0, predicted: 0, count: 1),
      ])
    #expect(matrix.isSparse)
    #expect(matrix.nonEmptyCellCount == 2)
    #expect(matrix[gold: 0, predicted: 0] == 4)
    #expect(matrix[gold: 199_999, predicted: 0] == 2)
    #expect(matrix[gold: 5, predicted: 7] == 0)
    #expect(matrix.total == 6)
    #expect(matrix.goldTotals[199_999] == 2 && matrix.predictedTotals[0] == 6)
    #expect(
      matrix.nonEmptyCells == [
        .init(gold: 0, predicted: 0, count: 4), .init(gold: 199_999, predicted: 0, count: 2),
      ])
  }

  @Test("cells outside the labels and negative counts are rejected")
  func rejectsBadCells() {
    #expect(throws: ConfusionMatrixError.cellOutOfRange(gold: 2, predicted: 0, labelCount: 2)) {
      try ConfusionMatrix(labels: ["a", "b"], cells: [.init(gold: 2, predicted: 0, count: 1)])
    }
    #expect(throws: ConfusionMatrixError.negativeCount(-1)) {
      try ConfusionMatrix(labels: ["a", "b"], cells: [.init(gold: 1, predicted: 0, count: -1)])
    }
  }

  @Test("a sparse matrix scores exactly as its dense counts and as counting by hand")
  func sparseEqualsDense() throws {
    let classCount = 400
    let (gold, predicted) = Self.items(classCount: classCount, count: 3_000)
    let matrix = try ConfusionMatrix(gold: gold, predicted: predicted)
    #expect(matrix.isSparse && matrix.classCount > ConfusionMatrix.denseClassLimit)
    let metrics = try ClassificationMetrics(confusionMatrix: matrix)
    let dense = metrics.confusionMatrix.counts.map(Double.init)
    for metric in Metric.multiclassMetrics {
      let fromDense = dense.withUnsafeBufferPointer { metrics.scope.value(of: metric, counts: $0) }
      #expect(
        metrics.value(of: metric) == fromDense
          || (metrics.value(of: metric).isNaN && fromDense.isNaN), "\(metric)")
    }
    // Macro-F1 and accuracy counted item by item, without a matrix.
    var f1Sum = 0.0
    for label in metrics.labels {
      var truePositives = 0
      var goldCount = 0
      var predictedCount = 0
      for (g, p) in zip(gold, predicted) {
        if g == label { goldCount += 1 }
        if p == label { predictedCount += 1 }
        if g == label && p == label { truePositives += 1 }
      }
      let denominator = goldCount + predictedCount
      f1Sum += denominator == 0 ? 0 : 2 * Double(truePositives) / Double(denominator)
    }
    let correct = zip(gold, predicted).filter { $0 == $1 }.count
    #expect(abs(metrics.value(of: .macroF1) - f1Sum / Double(metrics.labels.count)) < 1e-12)
    #expect(metrics.value(of: .accuracy) == Double(correct) / Double(gold.count))
  }

  @Test("reordering, merging and restricting a sparse matrix keep every count")
  func sparseReorderAndMerge() throws {
    let (gold, predicted) = Self.items(classCount: 500, count: 2_000)
    let whole = try ConfusionMatrix(gold: gold, predicted: predicted)
    let first = try ConfusionMatrix(gold: gold[..<700], predicted: predicted[..<700])
    let second = try ConfusionMatrix(gold: gold[700...], predicted: predicted[700...])
    #expect(try (first + second).reordered(to: whole.labels) == whole)
    let reversed = try whole.reordered(to: whole.labels.reversed())
    #expect(try reversed.reordered(to: whole.labels) == whole)
    #expect(reversed.total == gold.count)
    let evaluated = Array(whole.labels.prefix(300))
    let metrics = try ClassificationMetrics(
      confusionMatrix: whole, options: EvaluationOptions(labels: evaluated))
    let restricted = metrics.evaluatedConfusionMatrix
    #expect(restricted.labels == evaluated)
    for cell in restricted.nonEmptyCells {
      #expect(whole[gold: cell.gold, predicted: cell.predicted] == cell.count)
    }
    #expect(
      restricted.nonEmptyCellCount
        == whole.nonEmptyCells.filter { $0.gold < 300 && $0.predicted < 300 }.count)
  }

  @Test("the JSON and text reports list the non-empty cells instead of a grid")
  func reportsListCells() throws {
    let (gold, predicted) = Self.items(classCount: 300, count: 1_000)
    let metrics = try ClassificationMetrics(
      confusionMatrix: try ConfusionMatrix(gold: gold, predicted: predicted))
    let keys = metrics.jsonDocument().map(\.key)
    #expect(keys.contains("confusion_matrix_cells") && !keys.contains("confusion_matrix"))
    let report = metrics.textReport()
    let cellCount = metrics.confusionMatrix.nonEmptyCellCount
    #expect(
      report.contains(
        "confusion matrix: \(cellCount) non-empty cells of \(metrics.labels.count) × \(metrics.labels.count)"
      ))
    #expect(report.split(separator: "\n").count < 300 + 20 + cellCount)
  }
}
