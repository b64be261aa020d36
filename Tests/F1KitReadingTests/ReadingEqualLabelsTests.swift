import F1Kit
import Testing

@testable import F1KitReading

/// A prediction whose bytes are the gold label's takes the gold label's
/// code without a lookup; anything else is looked up as before.
@Suite("Reading predictions equal to their gold label")
struct ReadingEqualLabelsTests {
  /// Rows of gold and predicted labels that share bytes, prefixes or
  /// values, with padding bytes after them that differ.
  static let rows: [(String, String)] = [
    ("ab", "ab"), ("ab", "abc"), ("abc", "ab"), ("abcdefgh", "abcdefgh"),
    ("abcdefgh", "abcdefgi"), ("abcdefghi", "abcdefghi"), ("abcdefghi", "abcdefghj"),
    ("a", "a"), ("a", "ab"), ("ab", "a"), ("é", "é"), ("é", "e"), ("ab", "ab"),
  ]

  @Test(
    "items and counts are those of looking every label up, in one pass and in halves",
    arguments: [false, true])
  func readsEqualLabels(inHalves: Bool) throws {
    // Many rows, so that halves are taken, with the rows in a varying order.
    var lines = ["label,prediction,note"]
    var expected: [(String, String)] = []
    for index in 0..<600 {
      let row = Self.rows[(index * 7) % Self.rows.count]
      expected.append(row)
      lines.append("\(row.0),\(row.1),x\(index % 10)")
    }
    let (path, options) = try writeFile(lines, inHalves: inHalves)
    let items = try PredictionReader(path: path, options: options).readItems()
    #expect(items.gold.map { items.labels[Int($0)] } == expected.map(\.0))
    #expect(items.predicted.map { items.labels[Int($0)] } == expected.map(\.1))
    #expect(Set(items.labels).count == items.labels.count)
    let counts = try PredictionReader(path: path, options: options).readCounts()
    var expectedCells: [String: Int] = [:]
    for (gold, predicted) in expected { expectedCells["\(gold)|\(predicted)", default: 0] += 1 }
    var cells: [String: Int] = [:]
    for cell in counts.cells {
      cells["\(counts.labels[cell.gold])|\(counts.labels[cell.predicted])", default: 0] +=
        cell
        .count
    }
    #expect(cells == expectedCells)
  }

  @Test("numeric labels equal in bytes or only in value share one code")
  func readsEqualNumbers() throws {
    let path = try PredictionFileFixture.write("label,prediction\n1,1\n1,1.0\n0,0\n1.0,1\n0,1e0\n")
    let items = try PredictionReader(path: path).readItems()
    #expect(items.labels == ["1", "0"])
    #expect(items.gold == [0, 0, 1, 0, 1])
    #expect(items.predicted == [0, 0, 1, 0, 0])
  }
}

/// Item codes are written to a block before they are appended, a block at
/// a time: every record must come out once, in order, however the file is
/// split.
@Suite("Reading items a block at a time")
struct ReadingItemBlocksTests {
  @Test(
    "items of several blocks come out once and in order, with ids and scores",
    arguments: [(1, false), (1_023, false), (1_025, true), (5_000, false), (5_000, true)])
  func readsBlocks(count: Int, inHalves: Bool) throws {
    let labels = ["cat", "dog", "bird"]
    var lines = ["id,label,prediction"]
    for item in 0..<count {
      lines.append("i\(item),\(labels[item % 3]),\(labels[(item / 3) % 3])")
    }
    let (path, options) = try writeFile(lines, inHalves: inHalves)
    let items = try PredictionReader(path: path, options: options).readItems()
    #expect(items.count == count)
    #expect(items.gold.map { items.labels[Int($0)] } == (0..<count).map { labels[$0 % 3] })
    #expect(
      items.predicted.map { items.labels[Int($0)] } == (0..<count).map { labels[($0 / 3) % 3] })
    #expect(items.ids == (0..<count).map { "i\($0)" })
    // The same items with per-class scores whose highest is the prediction.
    var scoreLines = ["id,label,cat,dog,bird"]
    for item in 0..<count {
      let scores = (0..<3).map { $0 == (item / 3) % 3 ? "0.8" : "0.1" }
      scoreLines.append("i\(item),\(labels[item % 3]),\(scores.joined(separator: ","))")
    }
    let scorePath = try PredictionFileFixture.write(scoreLines.joined(separator: "\n") + "\n")
    var scoreOptions = options
    scoreOptions.scoreColumns = labels
    let scored = try PredictionReader(path: scorePath, options: scoreOptions).readItemScores()
    #expect(scored.predictions.count == count)
    #expect(
      scored.predictions.gold.map { scored.predictions.labels[Int($0)] }
        == (0..<count).map { labels[$0 % 3] })
    #expect(
      scored.predictions.predicted.map { scored.predictions.labels[Int($0)] }
        == (0..<count).map { labels[($0 / 3) % 3] })
    #expect(
      scored.scores
        == (0..<count).flatMap { item in (0..<3).map { $0 == (item / 3) % 3 ? 0.8 : 0.1 } })
  }
}

@Suite("Counting labels for the label-set check")
struct LabelSetCheckCountTests {
  @Test("counts in lanes equal counting item by item", arguments: [0, 1, 3, 4, 5, 1_001])
  func countsItems(count: Int) {
    let gold = (0..<count).map { Int32(($0 * 7) % 5) }
    let predicted = (0..<count).map { Int32(($0 * 3 + 1) % 5) }
    var check = LabelSetCheck(labelCount: 6)
    check.goldCounts[5] = 2
    check.count(gold: gold, predicted: predicted)
    var goldCounts = [0, 0, 0, 0, 0, 2]
    var predictedCounts = [0, 0, 0, 0, 0, 0]
    for (gold, predicted) in zip(gold, predicted) {
      goldCounts[Int(gold)] += 1
      predictedCounts[Int(predicted)] += 1
    }
    #expect(check.goldCounts == goldCounts)
    #expect(check.predictedCounts == predictedCounts)
  }
}

/// Writes `lines` to a file, with options that read it in halves or in one
/// pass and leave the label sets unchecked.
private func writeFile(_ lines: [String], inHalves: Bool) throws -> (
  path: String, options: PredictionFileOptions
) {
  let path = try PredictionFileFixture.write(lines.joined(separator: "\n") + "\n")
  var options = PredictionFileOptions()
  options.minimumParallelByteCount = inHalves ? 0 : .max
  options.checksLabelSets = false
  return (path, options)
}
