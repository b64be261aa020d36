import F1Kit
import F1KitReading
import Foundation
import Testing
import _TestSupport

@Suite("Reading a binary score column flat")
struct ReadingBinaryScoreColumnTests {
  /// The flat read and the general per-item read of the same file.
  private static func bothReads(path: String, options: PredictionFileOptions) throws -> (
    flat: BinaryScoreColumn, items: ItemScores, counts: LabelCounts
  ) {
    let reader = try PredictionReader(path: path, options: options)
    return (
      try reader.readBinaryScoreColumn(), try reader.readItemScores(), try reader.readCounts()
    )
  }

  @Test(
    "gives the general reader's scores, positives and counts on the real fixtures",
    arguments: [
      ("stsb/test-minilm-l6.csv", 0.5), ("stsb/test-minilm-l3.csv", 0.5),
      ("stsb/dev-minilm-l6.csv", 0.7), ("examples/scores.csv", 0.5),
    ])
  func sameAsGeneralPath(fixture: String, threshold: Double) throws {
    let options = PredictionFileOptions(scoreColumn: "score", threshold: threshold)
    let (flat, items, counts) = try Self.bothReads(
      path: Fixtures.url(fixture).path, options: options)
    #expect(flat.count == items.count)
    #expect(flat.scores == items.scores)
    #expect(flat.isPositive == items.isPositive)
    #expect(flat.positiveLabel == items.positiveLabel)
    #expect(flat.sourceDescription == items.sourceDescription)
    #expect(flat.counts == counts)
    #expect(flat.counts.labelledCells == items.labelCounts.labelledCells)
    let general = try items.binaryScores()
    let lean = try BinaryScores(scores: flat.scores, isPositive: flat.isPositive)
    for metric in ScoreMetric.binaryMetrics {
      #expect(lean.value(of: metric) == general.value(of: metric))
    }
  }

  @Test(
    "reads CSV, TSV and JSON Lines alike, with --positive and numeric labels merged",
    arguments: [
      ("label,s\n1,0.9\n0,0.2\n1.0,0.4\n0,0.6\n", "p.csv"),
      ("label\ts\n1\t0.9\n0\t0.2\n1.0\t0.4\n0\t0.6\n", "p.tsv"),
      (
        "{\"label\": 1, \"s\": 0.9}\n{\"label\": 0, \"s\": 0.2}\n{\"label\": \"1.0\", \"s\": 0.4}\n{\"label\": 0, \"s\": 0.6}\n",
        "p.jsonl"
      ),
    ])
  func formats(text: String, name: String) throws {
    let path = try PredictionFileFixture.write(text, name: name)
    let options = PredictionFileOptions(scoreColumn: "s", threshold: 0.5)
    let (flat, items, counts) = try Self.bothReads(path: path, options: options)
    #expect(flat.scores == [0.9, 0.2, 0.4, 0.6])
    #expect(flat.isPositive == [true, false, true, false])
    #expect(flat.positiveLabel == "1")
    #expect(flat.counts == counts)
    #expect(flat.counts.labelledCells == ["1→1": 1, "1→0": 1, "0→0": 1, "0→1": 1])
    #expect(flat.isPositive == items.isPositive)

    let negative = PredictionFileOptions(scoreColumn: "s", positiveLabel: "0")
    let flipped = try PredictionReader(path: path, options: negative).readBinaryScoreColumn()
    #expect(flipped.positiveLabel == "0")
    #expect(flipped.isPositive == [false, true, false, true])
  }

  @Test(
    "a malformed record gets the general reader's file:line:column error",
    arguments: [
      ("label,score\n1,0.9\n0,abc\n", ":3:2:"),
      ("label,score\n1,0.9\n0,nan\n", ":3:2:"),
      ("label,score\n1,0.9\n0\n", ":3:"),
      ("label,score\n1,0.9\n0,0.1,7\n", ":3:"),
      ("label,score\n1,0.9\n0,0.2\n2,0.3\n", ""),
      ("label,score\n", ""),
    ])
  func malformed(text: String, place: String) throws {
    let path = try PredictionFileFixture.write(text)
    let reader = try PredictionReader(
      path: path, options: PredictionFileOptions(scoreColumn: "score"))
    let flat = #expect(throws: PredictionFileError.self) { try reader.readBinaryScoreColumn() }
    let general = #expect(throws: PredictionFileError.self) { try reader.readItemScores() }
    #expect(flat?.description == general?.description)
    #expect(flat?.description.hasPrefix(path) == true)
    if !place.isEmpty { #expect(flat?.description.hasPrefix(path + place) == true) }
  }

  @Test("needs a score column")
  func needsScoreColumn() throws {
    let path = try PredictionFileFixture.write("label,prediction\n1,1\n")
    let reader = try PredictionReader(path: path)
    let error = #expect(throws: PredictionFileError.self) { try reader.readBinaryScoreColumn() }
    guard case .invalidOptions = error?.reason else {
      Issue.record("expected invalid options, got \(String(describing: error))")
      return
    }
  }

  @Test("keeps no ids but refuses a repeated one, as the counts do; without ids, rows are items")
  func repeatedIDs() throws {
    let path = try PredictionFileFixture.write("id,label,score\na,1,0.9\na,0,0.2\n")
    let reader = try PredictionReader(
      path: path, options: PredictionFileOptions(scoreColumn: "score"))
    let error = #expect(throws: PredictionFileError.self) { try reader.readBinaryScoreColumn() }
    #expect(
      error?.description
        == "\(path):3:1: duplicate id \"a\" in field 1 (\"id\"), first seen on line 2")
    let column = try PredictionReader(
      path: path, options: PredictionFileOptions(idColumn: "", scoreColumn: "score")
    ).readBinaryScoreColumn()
    #expect(column.scores == [0.9, 0.2])
  }
}
