import F1Kit
import F1KitReading
import Foundation
import Testing

/// Files joined with `cat` keep each later file's header as a data row;
/// read as an item it would be labelled with the column names.
@Suite("a header repeated as a data row")
struct RepeatedHeaderTests {
  static let message =
    "this row repeats the header (files joined with cat?), and would be read as an item labelled with the column names; join the files keeping the first header only (tail -n +2 for each file after the first, or csvstack), or delete this line"

  /// Two files joined by `cat`, or files with a header in the middle, and
  /// the line of the repeat.
  static let joined: [(text: String, name: String, line: Int)] = [
    ("label,prediction\na,a\nb,a\nlabel,prediction\nb,b\na,b\n", "all.csv", 4),
    ("label\tprediction\na\ta\nlabel\tprediction\nb\ta\n", "all.tsv", 3),
    ("\"label\",\"prediction\"\n\"a\",\"a\"\n\"label\",\"prediction\"\n\"b\",\"a\"\n", "q.csv", 3),
    ("label,prediction\nlabel,prediction\na,a\n", "early.csv", 2),
    ("id,text,label,prediction\n1,hi,a,a\nid,text,label,prediction\n2,yo,b,a\n", "ids.csv", 3),
    (",label,prediction\n0,a,a\n1,b,b\n,label,prediction\n0,b,a\n", "index.csv", 4),
    ("label,prediction,count\na,a,3\nlabel,prediction,count\nb,a,2\n", "counts.csv", 3),
    ("label,prediction\r\na,a\r\nlabel,prediction\r\nb,a\r\n", "crlf.csv", 3),
  ]

  @Test("a data row that repeats the header is refused at its line", arguments: joined)
  func refusesRepeatedHeader(text: String, name: String, line: Int) throws {
    for readsItems in [false, true] where !name.hasPrefix("counts") || !readsItems {
      let failure = try #require(
        try PredictionFileFixture.failure(text, name: name, readsItems: readsItems))
      #expect(failure.error.reason == .repeatedHeader)
      #expect(failure.message == ":\(line):1: \(Self.message)")
    }
  }

  @Test("a later file's header that keeps its byte order mark is a repeat too")
  func refusesHeaderWithByteOrderMark() throws {
    let file: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("label,prediction\na,a\nb,a\n".utf8)
    let failure = try #require(try PredictionFileFixture.failure(bytes: file + file))
    #expect(failure.message == ":4:1: \(Self.message)")
  }

  @Test("a repeat is refused on the score path before its score is read")
  func refusesOnScorePath() throws {
    let text = "label,score\n1,0.9\nlabel,score\n0,0.2\n"
    let options = PredictionFileOptions(scoreColumn: "score")
    let failure = try #require(try PredictionFileFixture.failure(text, options: options))
    #expect(failure.message == ":3:1: \(Self.message)")
  }

  @Test("a large file read in halves places the repeat on its line")
  func refusesInHalves() throws {
    let rows = (0..<4_000).map { "\($0 % 3 == 0 ? "a" : "b"),\($0 % 5 == 0 ? "a" : "b")\n" }
    let half = rows.joined()
    let path = try PredictionFileFixture.write(
      "label,prediction\n" + half + "label,prediction\n" + half)
    for minimum in [Int.max, 0] {
      var options = PredictionFileOptions()
      options.minimumParallelByteCount = minimum
      do {
        _ = try PredictionReader(path: path, options: options).readCounts()
        Issue.record("expected the repeated header to be refused")
      } catch {
        #expect(error.location?.line == 4_002)
        #expect(error.reason == .repeatedHeader)
      }
    }
  }

  @Test("a row with a label spelt as a column name, but other fields of its own, is an item")
  func keepsLabelNamedLikeAColumn() throws {
    #expect(
      try PredictionFileFixture.counts("label,prediction\nlabel,a\na,prediction\n") == [
        "label→a": 1, "a→prediction": 1,
      ])
    #expect(
      try PredictionFileFixture.counts("text,label,prediction\ntext?,label,prediction\n") == [
        "label→prediction": 1
      ])
  }

  @Test("JSON Lines have no header row to repeat")
  func jsonLinesHaveNoHeader() throws {
    let text =
      "{\"label\":\"a\",\"prediction\":\"a\"}\n{\"label\":\"label\",\"prediction\":\"prediction\"}\n"
    #expect(
      try PredictionFileFixture.counts(text, name: "p.jsonl") == [
        "a→a": 1, "label→prediction": 1,
      ])
  }

  @Test("a label-set file joined with cat is refused at the repeated header")
  func refusesInLabelSets() throws {
    let file = "label,prediction\na|b,a\nb,b\n"
    let path = try PredictionFileFixture.write(file + file, name: "sets.csv")
    do {
      _ = try LabelSetReader(path: path, options: LabelSetOptions()).readMultilabel()
      Issue.record("expected the repeated header to be refused")
    } catch {
      #expect(error.description == "\(path):4:1: \(Self.message)")
    }
  }
}
