import F1Kit
import Foundation
import Testing

@testable import F1KitReading

@Suite("Reading items and their groups in one pass")
struct ReadingItemsWithGroupsTests {
  /// A file of `count` records in one of several shapes, with the name
  /// that chooses its format.
  ///
  /// `csv`, `tsv` and `jsonl` have quoted, non-ASCII, long and blank group
  /// values and blank lines (see `ReadingGroupsTests.text`); `crlf` has
  /// CRLF line ends, `ids` an id column before the group column, `plain`
  /// neither, all three without quotes and with blank lines, so they can
  /// be read in two halves at once.
  static func file(_ shape: String, count: Int) -> (name: String, text: String) {
    switch shape {
    case "csv", "tsv", "jsonl":
      return ("groups.\(shape)", ReadingGroupsTests.text(format: shape, count: count))
    default:
      let values = ["q1", "é", String(repeating: "long-query-", count: 3), " ", "7", "q1 "]
      let separator = shape == "crlf" ? "\r\n" : "\n"
      var lines = [shape == "ids" ? "id,label,prediction,query" : "label,query,prediction"]
      for item in 0..<count {
        let value = values[(item * 5 + item / 7) % values.count]
        lines.append(
          shape == "ids"
            ? "item-\(item),\(item % 3),\(item % 2),\(value)" : "\(item % 3),\(value),\(item % 2)")
        if item % 40 == 0 { lines.append("") }
      }
      return ("groups.csv", lines.joined(separator: separator) + separator)
    }
  }

  @Test(
    "gives readItems()'s items and readGroups(column:)'s groups, in one pass or in halves, any chunk size",
    arguments: ["csv", "tsv", "jsonl", "crlf", "ids", "plain"], [7, 64, 1 << 20])
  func matchesTwoPasses(shape: String, chunkSize: Int) throws {
    let file = Self.file(shape, count: 3_000)
    let path = try PredictionFileFixture.write(file.text, name: file.name)
    for minimum in [Int.max, 0] {
      var options = PredictionFileOptions(chunkSize: chunkSize)
      options.minimumParallelByteCount = minimum
      let reader = try PredictionReader(path: path, options: options)
      let read = try reader.readItems(groupColumn: "query")
      let groups = try read.groups.get()
      #expect(read.items == (try reader.readItems()))
      #expect(groups == (try reader.readGroups(column: "query")))
      #expect(groups.codes.count == read.items.count)
      #expect(groups.count == (shape == "ids" || shape == "crlf" || shape == "plain" ? 6 : 7))
      #expect((read.items.identifiers != nil) == (shape == "ids"))
    }
  }

  @Test(
    "a file past the halves threshold, read with the default options, gives the two passes' items and groups"
  )
  func largeFile() throws {
    let groups = (0..<10_000).map { Array("query-\($0)".utf8) }
    var bytes = Array("label,prediction,group\n".utf8)
    bytes.reserveCapacity(5 << 20)
    var state: UInt64 = 7
    for item in 0..<320_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes += [UInt8(ascii: "0") + UInt8(item % 2), .comma]
      bytes += [UInt8(ascii: "0") + UInt8((state >> 20) & 1), .comma]
      bytes += groups[Int((state >> 33) % 10_000)]
      bytes.append(.lineFeed)
    }
    #expect(bytes.count > PredictionFileOptions().minimumParallelByteCount)
    let path = try PredictionFileFixture.write(bytes: bytes)
    let reader = try PredictionReader(path: path)
    let read = try reader.readItems(groupColumn: "group")
    #expect(read.items == (try reader.readItems()))
    #expect(try read.groups.get() == (try reader.readGroups(column: "group")))
    #expect(try read.groups.get().count == 10_000)
  }

  @Test(
    "score columns, a thresholded score and score arrays give the two passes' items and groups",
    arguments: [
      PredictionFileOptions(scoreColumns: ["0", "1"], chunkSize: 64),
      PredictionFileOptions(scoreColumn: "1", threshold: 0.4, positiveLabel: "1", chunkSize: 64),
    ])
  func scores(options: PredictionFileOptions) throws {
    var lines = ["label,0,query,1"]
    for item in 0..<500 {
      let score = Double((item * 37) % 100) / 100
      lines.append("\(item % 2),\(1 - score),\"q,\(item % 23)\",\(score)")
    }
    let csv = try PredictionFileFixture.write(lines.joined(separator: "\n") + "\n")
    var json: [String] = []
    for item in 0..<500 {
      json.append(
        "{\"label\": \"\(item % 2)\", \"scores\": [0.3, \(Double(item % 7) / 10)], \"query\": \"q\(item % 23)\"}"
      )
    }
    let jsonl = try PredictionFileFixture.write(json.joined(separator: "\n"), name: "s.jsonl")
    var arrays = PredictionFileOptions(scoreArrayColumn: "scores", chunkSize: 64)
    arrays.labels = ["0", "1"]
    for (path, options) in [(csv, options), (jsonl, arrays)] {
      let reader = try PredictionReader(path: path, options: options)
      let read = try reader.readItems(groupColumn: "query")
      #expect(read.items == (try reader.readItems()))
      #expect(try read.groups.get() == (try reader.readGroups(column: "query")))
      #expect(try read.groups.get().count == 23)
    }
  }

  @Test("the group column may be the id column, but not the gold or prediction column")
  func sharedColumn() throws {
    let path = try PredictionFileFixture.write(
      "id,label,prediction\n\"a,1\",x,x\n\n\"b\"\"2\",y,x\na1,x,y\n")
    let reader = try PredictionReader(path: path)
    let read = try reader.readItems(groupColumn: "id")
    #expect(read.items == (try reader.readItems()))
    #expect(try read.groups.get() == (try reader.readGroups(column: "id")))
    #expect(try read.groups.get().values == ["a,1", "b\"2", "a1"])
    // Grouping by what is measured would resample whole classes; both
    // reads refuse it at the header.
    for (column, role) in [
      ("label", PredictionFileError.ColumnRole.gold), ("prediction", .prediction),
    ] {
      let reason = PredictionFileError.Reason.groupColumnHasRole(column: column, role: role)
      #expect(
        throws: PredictionFileError(
          path: path, location: .init(line: 1, column: role == .gold ? 2 : 3, unit: .field),
          reason: reason)
      ) {
        try reader.readItems(groupColumn: column)
      }
      #expect(
        throws: PredictionFileError(
          path: path, location: .init(line: 1, column: role == .gold ? 2 : 3, unit: .field),
          reason: reason)
      ) {
        try reader.readGroups(column: column)
      }
    }
  }

  /// Files whose groups cannot be read, and the column asked for.
  static let groupFailures: [(name: String, bytes: [UInt8])] = [
    ("missing.csv", Array("label,prediction\n0,1\n1,1\n".utf8)),
    (
      "missing.jsonl",
      Array("{\"label\": 0, \"prediction\": 1}\n{\"label\": 1, \"prediction\": 1}\n".utf8)
    ),
    ("utf8.csv", Array("label,prediction,query\n0,1,a\n1,1,".utf8) + [0xFF, 0xFE, 0x0A]),
    ("utf8.tsv", Array("label\tprediction\tquery\n0\t1\ta\n1\t1\tb".utf8) + [0xFF, 0x0A]),
    (
      "key.jsonl",
      Array(
        "{\"label\": 0, \"prediction\": 1, \"query\": \"a\"}\n{\"label\": 1, \"prediction\": 1}\n"
          .utf8)
    ),
    (
      "null.jsonl",
      Array(
        "{\"label\": 0, \"prediction\": 1, \"query\": \"a\"}\n{\"label\": 1, \"prediction\": 0, \"query\": null}\n"
          .utf8)
    ),
  ]

  @Test(
    "when the groups cannot be read, the items are read and the groups fail as the second pass does",
    arguments: groupFailures.indices)
  func groupFailure(index: Int) throws {
    let file = Self.groupFailures[index]
    let path = try PredictionFileFixture.write(bytes: file.bytes, name: file.name)
    let reader = try PredictionReader(path: path)
    let read = try reader.readItems(groupColumn: "query")
    #expect(read.items == (try reader.readItems()))
    var expected: PredictionFileError?
    do {
      _ = try reader.readGroups(column: "query")
    } catch {
      expected = error
    }
    #expect(expected != nil)
    guard case .failure(let error) = read.groups else {
      Issue.record("the groups of \(file.name) were read")
      return
    }
    #expect(error == expected)
    if file.name.hasPrefix("missing") {
      #expect(error.description.contains("no group column"))
      #expect(error.location?.line == 1)
    }
  }

  @Test("the missing group column's message names the file, its line and the columns found")
  func missingColumnMessage() throws {
    let path = try PredictionFileFixture.write("\nlabel,prediction\n0,1\n")
    let read = try PredictionReader(path: path).readItems(groupColumn: "query")
    guard case .failure(let error) = read.groups else {
      Issue.record("the groups were read")
      return
    }
    #expect(
      error.description
        == "\(path):2:1: no group column: expected \"query\"; found \"label\", \"prediction\"")
  }

  @Test(
    "a malformed record after a bad group value throws the items' error, as the first pass did",
    arguments: [
      "label,prediction,query\n0,1,\u{FF}\n1,1\n",
      "label,prediction,query\n0,1,a\n1\n",
      "id,label,prediction,query\n1,0,1,a\n1,1,1,b\n2,0\n",
    ])
  func itemsErrorFirst(text: String) throws {
    let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    let path = try PredictionFileFixture.write(bytes: bytes)
    let reader = try PredictionReader(path: path)
    var expected: PredictionFileError?
    do {
      _ = try reader.readItems()
    } catch {
      expected = error
    }
    #expect(expected != nil)
    #expect {
      try reader.readItems(groupColumn: "query")
    } throws: { error in
      (error as? PredictionFileError) == expected
    }
  }
}
