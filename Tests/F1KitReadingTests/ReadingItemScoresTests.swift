import F1Kit
import F1KitReading
import Foundation
import Testing
import _TestSupport

@Suite("Reading per-item scores")
struct ReadingItemScoresTests {
  @Test("keeps a binary score column with its positive label and the thresholded predictions")
  func binaryScoreColumn() throws {
    let path = try PredictionFileFixture.write(
      "id,label,score\na,yes,0.9\nb,no,0.2\nc,yes,0.5\nd,no,0.7\n")
    let options = PredictionFileOptions(scoreColumn: "score", threshold: 0.6)
    let items = try PredictionReader(path: path, options: options).readItemScores()
    #expect(items.positiveLabel == "yes")
    #expect(items.scoredLabels == ["yes"])
    #expect(items.scores == [0.9, 0.2, 0.5, 0.7])
    #expect(items.isPositive == [true, false, true, false])
    #expect(items.predictions.predictedLabels == ["yes", "no", "no", "yes"])
    #expect(items.predictions.ids == ["a", "b", "c", "d"])
    let scores = try items.binaryScores()
    #expect(scores.value(of: .rocAUC) == 0.75)
  }

  @Test("honours --positive for the binary score column")
  func positiveLabel() throws {
    let path = try PredictionFileFixture.write("label,p\n1,0.9\n0,0.2\n1,0.4\n")
    let options = PredictionFileOptions(scoreColumn: "p", positiveLabel: "0")
    let items = try PredictionReader(path: path, options: options).readItemScores()
    #expect(items.positiveLabel == "0")
    #expect(items.isPositive == [false, true, false])
  }

  @Test("keeps per-class score columns in column order")
  func scoreColumns() throws {
    let path = try PredictionFileFixture.write(
      "label,a,b,c\nb,0.1,0.7,0.2\na,0.4,0.4,0.2\nc,0,0,1\n")
    let options = PredictionFileOptions(scoreColumns: ["a", "b", "c"])
    let items = try PredictionReader(path: path, options: options).readItemScores()
    #expect(items.positiveLabel == nil)
    #expect(items.scoredLabels == ["a", "b", "c"])
    #expect(items.scores == [0.1, 0.7, 0.2, 0.4, 0.4, 0.2, 0, 0, 1])
    #expect(items.predictions.predictedLabels == ["b", "a", "c"])
    let scores = try items.multiclassScores()
    #expect(scores.gold == [1, 0, 2])
    #expect(scores.isProbability)
  }

  @Test(
    "keeps score arrays from JSON Lines and quoted CSV fields",
    arguments: [
      (
        "{\"label\": \"b\", \"s\": [0.1, 0.7, 0.2]}\n{\"label\": \"a\", \"s\": \"[0.5,0.25 ,0.25]\"}\n",
        "p.jsonl"
      ),
      ("label,s\nb,\"[0.1, 0.7, 0.2]\"\na,\"[0.5,0.25 ,0.25]\"\n", "p.csv"),
    ])
  func scoreArrays(text: String, name: String) throws {
    let path = try PredictionFileFixture.write(text, name: name)
    let options = PredictionFileOptions(scoreArrayColumn: "s", labels: ["a", "b", "c"])
    let items = try PredictionReader(path: path, options: options).readItemScores()
    #expect(items.scoredLabels == ["a", "b", "c"])
    #expect(items.scores == [0.1, 0.7, 0.2, 0.5, 0.25, 0.25])
  }

  @Test("names unlabelled score-array classes 0, 1, …")
  func unnamedArrays() throws {
    let path = try PredictionFileFixture.write(
      "{\"label\": \"1\", \"s\": [0.2, 0.8]}\n{\"label\": \"0\", \"s\": [0.6, 0.4]}\n",
      name: "p.jsonl")
    let items = try PredictionReader(
      path: path, options: PredictionFileOptions(scoreArrayColumn: "s")
    ).readItemScores()
    #expect(items.scoredLabels == ["0", "1"])
    #expect(try items.multiclassScores().gold == [1, 0])
  }

  @Test("a gold label without a score column is an error naming the item")
  func goldLabelNotScored() throws {
    let path = try PredictionFileFixture.write("label,a,b\na,0.6,0.4\nz,0.5,0.5\n")
    let items = try PredictionReader(
      path: path, options: PredictionFileOptions(scoreColumns: ["a", "b"])
    ).readItemScores()
    #expect(
      throws: ScoreMetricsError.goldLabelNotScored(item: 1, label: "z", scoredLabels: ["a", "b"])
    ) {
      try items.multiclassScores()
    }
  }

  @Test("options without scores are refused")
  func needsScores() throws {
    let path = try PredictionFileFixture.write("label,prediction\na,a\n")
    #expect(throws: PredictionFileError.self) {
      try PredictionReader(path: path).readItemScores()
    }
  }

  @Test("reads a large file in halves with the same scores as in one pass")
  func parallelHalves() throws {
    var text = "id,label,score\n"
    var expected: [Double] = []
    for item in 0..<300_000 {
      let score = Double(item % 1000) / 1000
      expected.append(score)
      text += "i\(item),\(item % 3 == 0 ? "pos" : "neg"),\(score)\n"
    }
    let path = try PredictionFileFixture.write(text)
    let items = try PredictionReader(
      path: path, options: PredictionFileOptions(scoreColumn: "score", positiveLabel: "pos")
    ).readItemScores()
    #expect(items.scores == expected)
    #expect(items.isPositive.enumerated().allSatisfy { $0.element == ($0.offset % 3 == 0) })
  }

  @Test("the STS-B fixture's scores give the ROC-AUC of its score column")
  func stsbFixture() throws {
    let options = PredictionFileOptions(scoreColumn: "score", positiveLabel: "1")
    let items = try PredictionReader(
      path: Fixtures.url("stsb/test-minilm-l6.csv").path, options: options
    ).readItemScores()
    #expect(items.count == 1379)
    let auc = try #require(try items.binaryScores().value(of: .rocAUC))
    #expect(auc > 0.8 && auc < 1)
  }
}
