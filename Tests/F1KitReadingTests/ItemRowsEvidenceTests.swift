import F1Kit
import F1KitReading
import Foundation
import Testing

/// A column named `count` is read as a count table's counts; these tests
/// pin down when a file's rows are clearly items instead, and that count
/// tables, joined from several or not, are still read as cells.
@Suite("a count column in a file of items")
struct ItemRowsEvidenceTests {
  /// 30 items, as pandas' `to_csv()` writes them: the index, a question,
  /// its word count, the gold label and the prediction; adjacent items
  /// often share their (label, prediction).
  static let pandasItems =
    ",question,count,label,prediction\n"
    + (0..<30).map { index in
      let label = ["a", "a", "b"][index % 3]
      let prediction = index % 7 == 0 ? "b" : label
      return "\(index),question \(index)?,\(index % 9 + 3),\(label),\(prediction)\n"
    }.joined()

  /// 40 items whose (label, prediction) never repeats on the next row,
  /// with a first column of `first` values.
  static func alternating(first name: String, _ value: (Int) -> String) -> String {
    "\(name),count,label,prediction\n"
      + (0..<40).map {
        "\(value($0)),\($0 % 7 + 2),\($0 % 2 == 0 ? "a" : "b"),\(($0 / 3) % 2 == 0 ? "a" : "b")\n"
      }.joined()
  }

  /// Six shards of a count table joined with `tail -n +2`, each in the
  /// same order, or sorted once joined.
  static func joinedShards(sorted: Bool) -> String {
    var rows: [String] = []
    for shard in 1...6 {
      for (gold, prediction) in [("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")] {
        rows.append("\(gold),\(prediction),\(shard * (gold == prediction ? 3 : 1))")
      }
    }
    return "label,prediction,count\n" + (sorted ? rows.sorted() : rows).map { $0 + "\n" }.joined()
  }

  static let suffix =
    "; give --count-column '' to read one item a row, or --count-column \"count\" if each row is a count table's cell"

  @Test("items whose (label, prediction) repeats on the next row are refused, naming the column")
  func refusesAdjacentRepeats() throws {
    let failure = try #require(try PredictionFileFixture.failure(Self.pandasItems))
    let evidence: String =
      "6 of its first 30 rows repeat the (label, prediction) of the row before, which a GROUP BY table's rows never do"
    #expect(failure.error.reason == .countColumnOfItems(column: "count", evidence: evidence))
    let message: String =
      ": the column \"count\" is taken for a count table's counts by its name, but the rows are items: "
      + evidence + Self.suffix
    #expect(failure.message == message)
  }

  @Test(
    "items separated by a semicolon, a tab or a bar are refused as items separated by commas are",
    arguments: [";", "\t", "|"])
  func refusesOtherDelimiters(delimiter: String) throws {
    let text = Self.pandasItems.replacingOccurrences(of: ",", with: delimiter)
    let failure = try #require(try PredictionFileFixture.failure(text))
    #expect(
      failure.message.hasPrefix(
        ": the column \"count\" is taken for a count table's counts by its name, but the rows are items: 6 of its first 30 rows repeat"
      ), "\(failure.message)")
  }

  @Test("the options choose: --count-column '' reads items, --count-column count cells")
  func optionsChoose() throws {
    let items = try PredictionFileFixture.counts(
      Self.pandasItems, options: PredictionFileOptions(countColumn: ""))
    #expect(items.values.reduce(0, +) == 30)
    let cells = try PredictionFileFixture.counts(
      Self.pandasItems, options: PredictionFileOptions(countColumn: "count"))
    let total: Int = (0..<30).map { $0 % 9 + 3 }.reduce(0, +)
    #expect(cells.values.reduce(0, +) == total)
  }

  @Test("a text column that differs in every row, or a data frame's index, marks items")
  func refusesTextOrIndex() throws {
    let text = try #require(
      try PredictionFileFixture.failure(Self.alternating(first: "question") { "question \($0)?" }))
    #expect(
      text.message.contains(
        "the column \"question\" holds a different text in each row, as items have, and its 40 rows hold only 4 distinct combinations of (label, prediction)"
      ), "\(text.message)")
    let index = try #require(
      try PredictionFileFixture.failure(Self.alternating(first: "") { "\($0)" }))
    #expect(
      index.message.contains(
        "its first column, with no name, is a data frame's index, numbering items, and its 40 rows hold only 4 distinct"
      ), "\(index.message)")
  }

  @Test("count tables joined from several, in any order, are still read as cells")
  func keepsJoinedTables() throws {
    for sorted in [false, true] {
      let path = try PredictionFileFixture.write(Self.joinedShards(sorted: sorted))
      let counts = try PredictionReader(path: path).readCounts()
      #expect(counts.labelledCells == ["a→a": 63, "a→b": 21, "b→a": 21, "b→b": 63])
    }
    // Rows with no text beside them, whose pairs never repeat on the next
    // row, may be cells: only the warning says otherwise.
    let plain = try PredictionFileFixture.write(Self.alternating(first: "score") { "0.\($0 % 5)" })
    #expect(try PredictionReader(path: plain).readCounts().countColumnNote != nil)
  }

  @Test("joint counts of several prediction columns are refused alike")
  func refusesJointCounts() throws {
    let text =
      "question,label,model_a,model_b,count\n"
      + (0..<30).map { "q\($0),\($0 / 4 % 2),\($0 / 4 % 2),\($0 / 8 % 2),\($0 % 5 + 2)\n" }
      .joined()
    let path = try PredictionFileFixture.write(text)
    do {
      _ = try PredictionReader(path: path).readJointCounts(predictionColumns: [
        "model_a", "model_b",
      ])
      Issue.record("expected the items to be refused")
    } catch {
      #expect(
        error.description.contains(
          "repeat the (label, model_a, model_b) of the row before"), "\(error.description)")
    }
  }
}
