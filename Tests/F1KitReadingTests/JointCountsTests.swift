import F1Kit
import F1KitReading
import Foundation
import Testing

@Suite("Joint counts of several prediction columns")
struct JointCountsTests {
  private func read(_ text: String, columns: [String]?, name: String = "table.csv") throws
    -> JointCounts
  {
    let path = try PredictionFileFixture.write(text, name: name)
    return try PredictionReader(path: path).readJointCounts(predictionColumns: columns)
  }

  /// The cells as "gold>a,b" → count, by label.
  private func cells(_ counts: JointCounts) -> [String: Int] {
    var result: [String: Int] = [:]
    for cell in counts.cells {
      let key =
        counts.labels[cell.gold] + ">"
        + cell.predictions.map { counts.labels[$0] }.joined(separator: ",")
      result[key] = cell.count
    }
    return result
  }

  @Test("an item file counts each row once, named by its columns")
  func countsItems() throws {
    let counts = try read(
      "id,label,a,b\n1,x,x,y\n2,x,x,y\n3,y,y,y\n", columns: ["a", "b"])
    #expect(counts.models == ["a", "b"])
    #expect(counts.goldColumn == "label")
    #expect(counts.itemCount == 3)
    #expect(cells(counts) == ["x>x,y": 2, "y>y,y": 1])
  }

  @Test("a count table sums repeated cells and drops zero rows with their labels")
  func sumsCountTables() throws {
    let counts = try read(
      "label,a,b,count\nx,x,y,2\ny,y,y,0\nx,x,y,3\nz,z,z,0\ny,x,y,4\n", columns: ["a", "b"])
    #expect(counts.itemCount == 9)
    #expect(counts.rowCount == 5)
    #expect(cells(counts) == ["x>x,y": 5, "y>x,y": 4])
    #expect(counts.labels == ["x", "y"])
  }

  @Test("JSON Lines and TSV count tables read as CSV ones do")
  func readsEveryFormat() throws {
    let csv = try read("label,a,b,count\nx,x,y,2\ny,y,y,5\n", columns: ["a", "b"])
    let tsv = try read(
      "label\ta\tb\tcount\nx\tx\ty\t2\ny\ty\ty\t5\n", columns: ["a", "b"], name: "t.tsv")
    let jsonl = try read(
      "{\"label\":\"x\",\"a\":\"x\",\"b\":\"y\",\"count\":2}\n{\"label\":\"y\",\"a\":\"y\",\"b\":\"y\",\"count\":5}\n",
      columns: ["a", "b"], name: "t.jsonl")
    #expect(cells(csv) == cells(tsv))
    #expect(cells(csv) == cells(jsonl))
  }

  @Test("numeric labels merge by value across columns")
  func numericLabels() throws {
    let counts = try read("label,a,b,count\n1,1.0,0,2\n0,0,1e0,1\n", columns: ["a", "b"])
    #expect(counts.hasNumericLabels)
    #expect(cells(counts) == ["1>1,0": 2, "0>0,1": 1])
  }

  @Test(
    "a negative, fractional or non-numeric count names its line and field",
    arguments: ["-2", "2.5", "two"])
  func refusesBadCounts(count: String) throws {
    let path = try PredictionFileFixture.write("label,a,b,count\nx,x,y,1\ny,y,y,\(count)\n")
    #expect {
      _ = try PredictionReader(path: path).readJointCounts(predictionColumns: ["a", "b"])
    } throws: { error in
      "\(error)".contains(":3:4:") && "\(error)".contains("count")
    }
  }

  @Test("merging shards gives the counts of the whole, labels matched by name")
  func mergesShards() throws {
    let whole = try read(
      "label,a,b\nx,x,y\ny,y,y\nz,x,z\nx,x,x\ny,z,y\n", columns: ["a", "b"])
    let first = try read("label,a,b\nx,x,y\ny,y,y\n", columns: ["a", "b"])
    let second = try read("label,a,b,count\nz,x,z,1\nx,x,x,1\ny,z,y,1\n", columns: ["a", "b"])
    let merged = try first.merging(second)
    #expect(merged.itemCount == whole.itemCount)
    #expect(cells(merged) == cells(whole))
    #expect(
      try merged.confusionMatrix(ofModel: 1) == whole.confusionMatrix(ofModel: 1))
  }

  @Test("shards with other columns, and sums past 2^53, are refused")
  func refusesBadMerges() throws {
    let first = try read("label,a,b\nx,x,y\n", columns: ["a", "b"])
    let other = try read("gold,a,b\nx,x,y\n", columns: ["a", "b"])
    #expect(throws: JointCountsError.self) { try first.merging(other) }
    let big = try JointCounts(
      labels: ["x"], models: ["a"], goldColumn: "label",
      cells: [.init(gold: 0, predictions: [0], count: LabelCounts.maximumTotalCount)],
      rowCount: 1)
    let one = try JointCounts(
      labels: ["x"], models: ["a"], goldColumn: "label",
      cells: [.init(gold: 0, predictions: [0], count: 1)], rowCount: 1)
    #expect(throws: JointCountsError.countOverflow) { try big.merging(one) }
  }

  @Test("several columns cannot come from standard input or with score options")
  func refusesImpossibleReads() throws {
    #expect(throws: PredictionFileError.self) {
      _ = try PredictionReader(path: "-").readJointCounts(predictionColumns: ["a", "b"])
    }
    let path = try PredictionFileFixture.write("label,a,b\nx,x,y\n")
    var options = PredictionFileOptions()
    options.scoreColumn = "a"
    #expect(throws: PredictionFileError.self) {
      _ = try PredictionReader(path: path, options: options).readJointCounts(
        predictionColumns: ["a", "b"])
    }
  }

  /// What the initializer keeps of `cells`, worked out the plain way:
  /// labels and groups of non-empty cells renumbered in code order, cells
  /// compared field by field, equal ones added up.
  static func referenceCells(_ cells: [JointCounts.Cell]) -> [JointCounts.Cell] {
    let live = cells.filter { $0.count > 0 }
    let usedLabels = Set(live.flatMap { [$0.gold] + $0.predictions }).sorted()
    let usedGroups = Set(live.map(\.group)).sorted()
    let label = Dictionary(uniqueKeysWithValues: usedLabels.enumerated().map { ($1, $0) })
    let group = Dictionary(uniqueKeysWithValues: usedGroups.enumerated().map { ($1, $0) })
    var sums: [[Int]: Int] = [:]
    for cell in live {
      let key = [label[cell.gold]!] + cell.predictions.map { label[$0]! } + [group[cell.group]!]
      sums[key, default: 0] += cell.count
    }
    return sums.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
      JointCounts.Cell(
        gold: key[0], predictions: Array(key[1..<key.count - 1]), count: sums[key]!,
        group: key[key.count - 1])
    }
  }

  @Test(
    "cells come out sorted, summed and renumbered whether their codes fit in one word or not",
    arguments: [
      (2, 2, 50_000),  // packed: a few labels, many groups
      (5, 3, 1),  // packed, without groups
      (64, 12, 40),  // 13 codes of 6 bits and a group: past one word
    ])
  func sortedCells(labelCount: Int, modelCount: Int, groupCount: Int) throws {
    var state: UInt64 = 29
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    // Repeated cells, empty cells, and labels and groups no cell uses
    // (the last of each, and those of empty cells).
    let cells = (0..<3_000).map { _ in
      JointCounts.Cell(
        gold: next(labelCount), predictions: (0..<modelCount).map { _ in next(labelCount) },
        count: next(4), group: groupCount > 1 ? next(groupCount) : 0)
    }
    let grouped = groupCount > 1
    let counts = try JointCounts(
      labels: (0...labelCount).map { "l\($0)" }, models: (0..<modelCount).map { "m\($0)" },
      goldColumn: "label", cells: cells, rowCount: cells.count,
      groups: grouped ? (0...groupCount).map { "g\($0)" } : [],
      groupColumn: grouped ? "group" : nil)
    #expect(
      counts.cells
        == Self.referenceCells(cells))
    #expect(counts.itemCount == cells.reduce(0) { $0 + $1.count })
  }
}
