import F1Kit
import Testing

@testable import F1KitReading

@Suite("Reading a second file in the first file's id order")
struct AlignedReadingTests {
  /// `count` items with ids `id0`… and labels from three classes, in a
  /// shuffled order when `shuffled`.
  private func file(
    count: Int, shuffled: Bool, seed: UInt64 = 7, labels: [String] = ["x", "y", "zed"],
    change: (inout [(String, String, String)]) -> Void = { _ in }
  ) throws -> String {
    var state = seed
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    var rows: [(String, String, String)] = []
    for index in 0..<count {
      let gold: String = labels[index % labels.count]
      let predicted: String = labels[(index * 7 + index / 3) % labels.count]
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
    let aligned = try #require(reader.readItems(alignedTo: first))
    #expect(aligned.identifiers == first.identifiers)
    #expect(aligned.count == count)
    #expect(Self.sharesStorage(aligned.gold, first.gold))

    let full = try reader.readItems()
    let viaFull = try AlignedPredictions([first, full], names: ["a", "b"])
    let viaAligned = try AlignedPredictions([first, aligned], names: ["a", "b"])
    #expect(viaAligned == viaFull)
  }

  @Test(
    "Ids that do not match one to one give no aligned items",
    arguments: ["extra", "fewer", "repeated", "no id column", "longer id"])
  func refusesMismatches(kind: String) throws {
    let reference = try PredictionReader(path: file(count: 50, shuffled: false)).readItems()
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

  /// Whether two arrays are one storage.
  private static func sharesStorage(_ first: [Int32], _ second: [Int32]) -> Bool {
    first.withUnsafeBufferPointer { first in
      second.withUnsafeBufferPointer { $0.baseAddress == first.baseAddress }
    }
  }

  /// Aligns `first` with the file at `path` read in full and read in
  /// `first`'s order, which must agree; returns the alignment.
  private func alignsAsFullRead(_ first: ItemPredictions, _ path: String) throws
    -> AlignedPredictions
  {
    let reader = try PredictionReader(path: path)
    let aligned = try #require(reader.readItems(alignedTo: first))
    #expect(Self.sharesStorage(aligned.gold, first.gold))
    #expect(Array(aligned.labels.prefix(first.labels.count)) == first.labels)
    let viaFull = try AlignedPredictions([first, try reader.readItems()], names: ["a", "b"])
    let viaAligned = try AlignedPredictions([first, aligned], names: ["a", "b"])
    #expect(viaAligned == viaFull)
    return viaAligned
  }

  @Test(
    "A gold label that differs gives no aligned items, and the full read names that item",
    arguments: [0, 1_499, 2_999])
  func goldMismatch(position: Int) throws {
    let first = try PredictionReader(path: file(count: 3_000, shuffled: false)).readItems()
    let id = "id\(position)"
    var changedRow = -1
    let path = try file(count: 3_000, shuffled: true) { rows in
      let row = rows.firstIndex { $0.0 == id }!
      rows[row].1 = rows[row].1 == "x" ? "y" : "x"
      changedRow = row
    }
    let reader = try PredictionReader(path: path)
    #expect(reader.readItems(alignedTo: first) == nil)
    let goldLabel = first.goldLabels[position]
    #expect(
      throws: AlignmentError.goldMismatch(
        item: id, firstFile: "a", firstLabel: goldLabel, otherFile: "b",
        otherLabel: goldLabel == "x" ? "y" : "x", otherItem: changedRow)
    ) { try AlignedPredictions([first, try reader.readItems()], names: ["a", "b"]) }
  }

  @Test("Numeric labels spelled differently (1 and 1.0) are one label")
  func numericSpellings() throws {
    let first = try PredictionReader(
      path: file(count: 300, shuffled: false, labels: ["0", "1", "2"])
    ).readItems()
    let path = try file(count: 300, shuffled: true, labels: ["0.0", "1.0", "2e0"])
    let aligned = try alignsAsFullRead(first, path)
    #expect(aligned.labels == ["0", "1", "2"])
  }

  @Test("Labels only in the second file follow the first file's labels")
  func extraLabels() throws {
    let first = try PredictionReader(path: file(count: 300, shuffled: false)).readItems()
    let path = try file(count: 300, shuffled: true) { rows in
      for index in stride(from: 0, to: rows.count, by: 7) { rows[index].2 = "new" }
    }
    let reader = try PredictionReader(path: path)
    let items = try #require(reader.readItems(alignedTo: first))
    #expect(items.labels == first.labels + ["new"])
    let aligned = try alignsAsFullRead(first, path)
    #expect(aligned.labels == ["new", "x", "y", "zed"])
  }

  @Test("Over 256 labels: gold codes past one byte are checked too")
  func manyLabels() throws {
    let labels = (0..<300).map { "c\($0)" }
    let first = try PredictionReader(
      path: file(count: 3_000, shuffled: false, labels: labels)
    ).readItems()
    _ = try alignsAsFullRead(first, try file(count: 3_000, shuffled: true, labels: labels))
    // Item 2,999's gold is c299, code 299 in both files; c0 in its place
    // must not match.
    let path = try file(count: 3_000, shuffled: true, labels: labels) { rows in
      rows[rows.firstIndex { $0.0 == "id2999" }!].1 = "c0"
    }
    #expect(try PredictionReader(path: path).readItems(alignedTo: first) == nil)
  }

  @Test("Aligning recodes the first model's gold in place, not copying the shared array")
  func sharedGoldIsNotCopied() throws {
    // First seen zed, x, y: the sorted order recodes every gold code.
    let first = try PredictionReader(
      path: PredictionFileFixture.write(
        "id,label,prediction\n"
          + (0..<300).map { "id\($0),\(["zed", "x", "y"][$0 % 3]),x\n" }
          .joined())
    ).readItems()
    var models = [first]
    let address = first.gold.withUnsafeBufferPointer { $0.baseAddress }
    let path = try file(count: 300, shuffled: true, labels: ["zed", "x", "y"])
    models.append(try #require(try PredictionReader(path: path).readItems(alignedTo: models[0])))
    _ = consume first
    let aligned = try AlignedPredictions(consume models, names: ["a", "b"])
    #expect(aligned.labels == ["x", "y", "zed"])
    #expect(aligned.gold.withUnsafeBufferPointer { $0.baseAddress } == address)
    #expect(aligned.gold.prefix(3) == [2, 0, 1])
  }

  @Test("Gold in the same storage under other labels is still compared")
  func sharedStorageOtherLabels() {
    let gold: [Int32] = [0, 1, 0]
    let first = ItemPredictions(labels: ["x", "y"], gold: gold, predicted: [0, 0, 0])
    let second = ItemPredictions(labels: ["y", "x"], gold: gold, predicted: [0, 0, 0])
    #expect(
      throws: AlignmentError.goldMismatch(
        item: "1", firstFile: "a", firstLabel: "x", otherFile: "b", otherLabel: "y", otherItem: 0)
    ) { try AlignedPredictions([first, second], names: ["a", "b"]) }
  }
}
