import F1Kit
import F1KitReading
import Testing

@Suite("Counting refuses repeated ids")
struct ReadingCountsIDTests {
  /// A CSV file of `id,label,prediction` with these ids.
  static func file(ids: [String], header: String = "id") -> String {
    var text = "\(header),label,prediction\n"
    for (index, id) in ids.enumerated() { text += "\(id),\(["a", "b", "c"][index % 3]),a\n" }
    return text
  }

  /// Every reading setting the counts path takes: a byte at a time or in
  /// chunks, in one pass or in two halves.
  static let settings: [PredictionFileOptions] = [1, 4096].flatMap { chunkSize in
    [0, Int.max].map { minimum in
      var options = PredictionFileOptions(chunkSize: chunkSize)
      options.minimumParallelByteCount = minimum
      return options
    }
  }

  static let distinct: [[String]] = [
    (0..<300).map { String($0) },
    (0..<300).map { String(-150 + 7 * $0) },
    (0..<300).map { String((37 * $0) % 300) },
    (0..<300).map { "item-\($0)" },
    (0..<300).map { "item-" + String(1_000 + $0) },
    ["1", "01", "001", "10", "2"],
    ["-0", "0", "b", "a", "9999999999999999999999", "9999999999999999999998"],
    ["ä", "a", "é", "e"],
    ["a", "ab", "abc", "b", "ba"],
    (0..<300).map { "00000000-0000-4000-8000-" + String(100_000_000_000 + $0) },
    ["a-very-long-id-of-more-than-16-bytes", "b", "c", "a-very-long-id-of-more-than-16-bytes2"],
  ]

  @Test("counts files whose ids are distinct, increasing or not", arguments: distinct)
  func countsDistinctIDs(ids: [String]) throws {
    for options in Self.settings {
      let counts = try PredictionFileFixture.counts(Self.file(ids: ids), options: options)
      #expect(counts.values.reduce(0, +) == ids.count)
    }
  }

  @Test("refuses an empty id (pandas' NaN) at its place, in every reading setting")
  func refusesEmptyIDs() {
    for options in Self.settings {
      #expect {
        try PredictionFileFixture.counts(Self.file(ids: ["a", "", "b"]), options: options)
      } throws: { error in
        guard let error = error as? PredictionFileError, case .emptyID("id", false) = error.reason
        else { return false }
        return error.location?.line == 3 && error.location?.column == 1
      }
    }
  }

  /// A file whose ids repeat, the line of the repeat and of the first.
  struct Repeat: Sendable, CustomTestStringConvertible {
    var ids: [String]
    var id: String
    var line: Int
    var firstLine: Int
    var testDescription: String { "\(id) on line \(line)" }
  }

  static let repeats: [Repeat] = [
    // A file concatenated with itself (`cat a.csv <(tail -n +2 a.csv)`):
    // each half increases.
    Repeat(
      ids: (0..<300).map { String($0) } + (0..<300).map { String($0) }, id: "0", line: 302,
      firstLine: 2),
    Repeat(
      ids: (0..<300).map { String((37 * $0) % 300) } + ["150"], id: "150", line: 302,
      firstLine: 2 + (0..<300).first { (37 * $0) % 300 == 150 }!),
    Repeat(
      ids: (0..<300).map { "item-\($0)" } + ["item-1"], id: "item-1", line: 302, firstLine: 3),
    Repeat(
      ids: (0..<300).map { "item-" + String(1_000 + $0) } + ["item-1000"], id: "item-1000",
      line: 302, firstLine: 2),
    Repeat(ids: ["1", "2", "3", "3"], id: "3", line: 5, firstLine: 4),
    Repeat(ids: ["a", "ab", "abc", "ab"], id: "ab", line: 5, firstLine: 3),
    Repeat(
      ids: (0..<300).map { "00000000-0000-4000-8000-" + String(100_000_000_000 + $0) } + [
        "00000000-0000-4000-8000-100000000299"
      ], id: "00000000-0000-4000-8000-100000000299", line: 302, firstLine: 301),
    Repeat(ids: ["b", "a", "b"], id: "b", line: 4, firstLine: 2),
  ]

  @Test("refuses the first repeated id at its line, naming the first", arguments: repeats)
  func refusesRepeatedIDs(repeated: Repeat) throws {
    for options in Self.settings {
      let failure = try PredictionFileFixture.failure(
        Self.file(ids: repeated.ids), options: options)
      #expect(
        failure?.message
          == ":\(repeated.line):1: duplicate id \"\(repeated.id)\" in field 1 (\"id\"), first seen on line \(repeated.firstLine)"
      )
    }
  }

  @Test("reads a data frame's unnamed index as ids, and JSON Lines ids")
  func checksIndexAndJSONLines() throws {
    let index = Self.file(ids: ["0", "1", "0"], header: "")
    #expect(
      try PredictionFileFixture.failure(index)?.message
        == #":4:1: duplicate id "0" in field 1 (a column with no name), first seen on line 2"#)
    let lines = """
      {"id": 1, "label": "a", "prediction": "b"}
      {"id": 2, "label": "a", "prediction": "b"}
      {"id": 1, "label": "a", "prediction": "b"}

      """
    #expect(
      try PredictionFileFixture.failure(lines, name: "preds.jsonl")?.message
        == #":3:8: duplicate id "1" at byte 8 ("id"), first seen on line 1"#)
  }

  @Test("reports a repeated id before a malformed record after it, as reading items does")
  func reportsRepeatBeforeMalformedRecord() throws {
    let text = "id,label,prediction\n1,a,b\n2,a,b\n1,a,b\n2,a,\"b\n"
    for options in Self.settings {
      #expect(
        try PredictionFileFixture.failure(text, options: options)?.message
          == #":4:1: duplicate id "1" in field 1 ("id"), first seen on line 2"#)
    }
    let increasing = "id,label,prediction\n1,a,b\n2,a,b\n3,a,\"b\n"
    #expect(
      try PredictionFileFixture.failure(increasing)?.message.contains("unterminated") == true)
  }

  @Test("leaves ids alone in a count table, and with no id column")
  func ignoresIDsOfCellsAndWithout() throws {
    let table = ",label,prediction,count\n0,a,a,3\n1,a,b,2\n0,b,b,4\n"
    #expect(try PredictionFileFixture.counts(table) == ["a→a": 3, "a→b": 2, "b→b": 4])
    let items = Self.file(ids: ["1", "1"])
    let options = PredictionFileOptions(idColumn: "")
    #expect(try PredictionFileFixture.counts(items, options: options).values.reduce(0, +) == 2)
  }

  @Test("refuses an id that is not UTF-8, increasing or not")
  func refusesInvalidUTF8IDs() throws {
    for ids in [["a", "b\u{FF}"], ["b", "a\u{FF}"]] {
      var bytes = Array("id,label,prediction\n".utf8)
      for id in ids {
        bytes += id.unicodeScalars.map { UInt8($0.value) } + Array(",a,b\n".utf8)
      }
      let failure = try PredictionFileFixture.failure(bytes: bytes)
      #expect(failure?.message.hasPrefix(":3:1: invalid UTF-8 in field 1") == true)
    }
  }
}
