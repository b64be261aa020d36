import F1Kit
import F1KitReading
import F1KitStatistics
import Testing

@Suite("Comparison counts from joint count tables")
struct JointComparisonCountsTests {
  @Test("joint counts give the counts, and the comparison, of the items they summarize")
  func jointCountsEqualItems() throws {
    var generator = Xoshiro256StarStar(seed: 11)
    let labels = ["b", "a", "10", "c", "2"]
    let itemCount = 400
    var gold: [Int32] = []
    var predictions: [[Int32]] = [[], [], []]
    for _ in 0..<itemCount {
      let label = Int32.random(in: 0..<5, using: &generator)
      gold.append(label)
      for model in predictions.indices {
        predictions[model].append(
          Double.random(in: 0..<1, using: &generator) < 0.6
            ? label : Int32.random(in: 0..<5, using: &generator))
      }
    }
    let items = predictions.map {
      ItemPredictions(labels: labels, gold: gold, predicted: $0)
    }
    let aligned = try AlignedPredictions(items, names: ["a", "b", "c"])
    var cells: [[Int]: Int] = [:]
    for item in 0..<itemCount {
      cells[[Int(gold[item])] + predictions.map { Int($0[item]) }, default: 0] += 1
    }
    let joint = try JointCounts(
      labels: labels, models: ["a", "b", "c"], goldColumn: "label",
      cells: cells.map {
        .init(gold: $0.key[0], predictions: Array($0.key.dropFirst()), count: $0.value)
      },
      rowCount: cells.count)
    let fromItems = try ComparisonCounts(aligned)
    let fromJoint = try ComparisonCounts(joint)
    #expect(fromJoint.labels == fromItems.labels)
    #expect(fromJoint.itemCount == fromItems.itemCount)
    #expect(fromJoint.matrices == fromItems.matrices)
    #expect(fromJoint.pairs.map(\.predictions) == fromItems.pairs.map(\.predictions))
    let options = ComparisonOptions(bootstrap: BootstrapOptions(resamples: 300), seed: 5)
    let names = ["a", "b", "c"]
    let first = try ModelComparison(counts: fromItems, names: names, options: options)
    let second = try ModelComparison(counts: fromJoint, names: names, options: options)
    #expect(
      first.jsonDocument().serialized() == second.jsonDocument().serialized())
  }

  @Test("--labels order leads, as for aligned items")
  func leadingLabels() throws {
    let joint = try JointCounts(
      labels: ["x", "y"], models: ["a", "b"], goldColumn: "label",
      cells: [
        .init(gold: 0, predictions: [0, 1], count: 3),
        .init(gold: 1, predictions: [1, 1], count: 2),
      ],
      rowCount: 2)
    let counts = try ComparisonCounts(joint, labels: ["y", "z"])
    #expect(counts.labels == ["y", "z", "x"])
    #expect(counts.matrices[1][gold: 2, predicted: 0] == 3)
    #expect(throws: ConfusionMatrixError.self) { try ComparisonCounts(joint, labels: ["y", "y"]) }
  }
}
