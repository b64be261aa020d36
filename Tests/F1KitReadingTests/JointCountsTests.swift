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
}
