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
    ("", ""), ("", "ab"), ("ab", ""), ("é", "é"), ("é", "e"), ("ab", "ab"),
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
    let path = try PredictionFileFixture.write(lines.joined(separator: "\n") + "\n")
    var options = PredictionFileOptions()
    options.minimumParallelByteCount = inHalves ? 0 : .max
    options.checksLabelSets = false
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
