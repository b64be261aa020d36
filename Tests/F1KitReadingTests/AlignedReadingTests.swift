import F1Kit
import Testing

@testable import F1KitReading

@Suite("Reading a second file in the first file's id order")
struct AlignedReadingTests {
  /// `count` items with ids `id0`… and labels from three classes, in a
  /// shuffled order when `shuffled`.
  private func file(
    count: Int, shuffled: Bool, seed: UInt64 = 7,
    change: (inout [(String, String, String)]) -> Void = { _ in }
  ) throws -> String {
    var state = seed
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let labels = ["x", "y", "zed"]
    var rows: [(String, String, String)] = []
    for index in 0..<count {
      let gold: String = labels[index % 3]
      let predicted: String = labels[(index * 7 + index / 3) % 3]
      rows.append(("id\(index)", gold, predicted))
    }
    if shuffled {
      for index in rows.indices.reversed() where index > 0 {
        rows.swapAt(index, next() % (index + 1))
      }
    }
    change(&rows)
    let text = "id,label,prediction\n" + rows.map { "\($0.0),\($0.1),\($0.2)\n" }.joined()
    return try PredictionFileFixture.write(text)
  }

  @Test(
    "A shuffled file read in the first file's order equals the full read aligned by id",
    arguments: [1, 2, 3_000, 20_000])
  func matchesFullRead(count: Int) throws {
    let first = try PredictionReader(path: file(count: count, shuffled: false)).readItems()
    let secondPath = try file(count: count, shuffled: true)
    var options = PredictionFileOptions()
    options.minimumParallelByteCount = 0
    let reader = try PredictionReader(path: secondPath, options: options)
    let reference = try #require(first.identifiers)
    let aligned = try #require(reader.readItems(alignedTo: reference))
    #expect(aligned.identifiers == reference)
    #expect(aligned.count == count)

    let full = try reader.readItems()
    let viaFull = try AlignedPredictions([first, full], names: ["a", "b"])
    let viaAligned = try AlignedPredictions([first, aligned], names: ["a", "b"])
    #expect(viaAligned == viaFull)
  }

  @Test(
    "Ids that do not match one to one give no aligned items",
    arguments: ["extra", "fewer", "repeated", "no id column", "longer id"])
  func refusesMismatches(kind: String) throws {
    let reference = try #require(
      try PredictionReader(path: file(count: 50, shuffled: false)).readItems().identifiers)
    let path: String
    switch kind {
    case "extra": path = try file(count: 50, shuffled: true) { $0.append(("id50", "x", "x")) }
    case "fewer": path = try file(count: 50, shuffled: true) { $0.removeLast() }
    case "repeated": path = try file(count: 50, shuffled: true) { $0[0].0 = $0[1].0 }
    case "longer id": path = try file(count: 50, shuffled: true) { $0[3].0 += "0" }
    default:
      path = try PredictionFileFixture.write(
        "label,prediction\n" + String(repeating: "x,y\n", count: 50))
    }
    #expect(try PredictionReader(path: path).readItems(alignedTo: reference) == nil)
  }

  @Test("Ids of the same bytes match, whatever their hash neighbours")
  func exactMatches() throws {
    // Ids that differ only in their last byte, or in length, stay apart.
    let ids = ["a", "ab", "abc", "abd", "", "é", "e\u{301}", "item-00000001", "item-00000010"]
    let reference = ItemIdentifiers(ids)
    for (position, id) in ids.enumerated() {
      #expect(reference.firstIndex(of: id) == position)
    }
    #expect(reference.firstIndex(of: "abe") == nil)
    #expect(
      reference.positions(in: ItemIdentifiers(ids.reversed()))
        == ids.indices.map { ids.count - 1 - $0 })
  }
}
