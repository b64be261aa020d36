import F1Kit
import F1KitReading
import Testing

@Suite("Aligning models' predictions item by item")
struct AlignedPredictionsTests {
  private func items(_ rows: [(String, String)], ids: [String]? = nil) -> ItemPredictions {
    var labels: [String] = []
    func code(_ label: String) -> Int32 {
      if let index = labels.firstIndex(of: label) { return Int32(index) }
      labels.append(label)
      return Int32(labels.count - 1)
    }
    let gold = rows.map { code($0.0) }
    let predicted = rows.map { code($0.1) }
    return ItemPredictions(labels: labels, gold: gold, predicted: predicted, ids: ids)
  }

  @Test("rows align in order and codes share one label order")
  func alignsRows() throws {
    let first = items([("b", "b"), ("a", "b")])
    let second = items([("b", "a"), ("a", "a")])
    let aligned = try AlignedPredictions([first, second], names: ["a.csv", "b.csv"])
    #expect(aligned.labels == ["a", "b"])
    #expect(aligned.gold == [1, 0])
    #expect(aligned.predictions == [[1, 1], [0, 0]])
    #expect(aligned.confusionMatrix(ofModel: 1).rows == [[1, 0], [1, 0]])
  }

  @Test("ids align files written in different orders")
  func alignsByID() throws {
    let first = items([("x", "x"), ("y", "x")], ids: ["1", "2"])
    let second = items([("y", "y"), ("x", "y")], ids: ["2", "1"])
    let aligned = try AlignedPredictions([first, second], names: ["a", "b"])
    #expect(aligned.predictions[1] == [1, 1])
    #expect(aligned.identifiers.map(Array.init) == ["1", "2"])
  }

  @Test("Boolean labels spelled True in CSV and true in JSON align as one label each")
  func unifiesBooleanSpellings() throws {
    let csv = items([("True", "False"), ("False", "False")])
    let json = items([("true", "true"), ("false", "true")])
    let aligned = try AlignedPredictions([csv, json], names: ["a.csv", "a.jsonl"])
    #expect(aligned.labels == ["False", "True"])
    #expect(aligned.gold == [1, 0])
    #expect(aligned.predictions == [[0, 0], [1, 1]])
    // Other labels that differ only in case stay apart (and fail to align).
    #expect(throws: AlignmentError.self) {
      try AlignedPredictions(
        [items([("Yes", "Yes")]), items([("yes", "yes")])], names: ["a", "b"])
    }
  }

  @Test("labels that differ only in case, and integer ids written as floats, say so")
  func namesSpellings() {
    let cased = AlignmentError.goldMismatch(
      item: "1", firstFile: "a.csv", firstLabel: "Yes", otherFile: "b.csv", otherLabel: "yes")
    #expect(
      cased.description.hasSuffix(
        "(they differ only in letter case: write both files with one spelling)"))
    let floated = AlignmentError.unmatchedItem(
      id: "208.0", item: 0, file: "b.csv", missingID: "208", presentIn: "a.csv")
    #expect(floated.description.contains("df[\"id\"].astype(\"Int64\")"))
    #expect(floated.description(path: "b.csv", line: 2).contains("df[\"id\"].astype(\"Int64\")"))
    for plain in [
      AlignmentError.unmatchedItem(id: "x1", item: 0, file: "b", missingID: "x2", presentIn: "a"),
      .missingItem(id: "2.5", file: "b", presentIn: "a"),
      .goldMismatch(item: "1", firstFile: "a", firstLabel: "yes", otherFile: "b", otherLabel: "no"),
    ] {
      #expect(!plain.description.contains("pandas"), "\(plain)")
    }
  }

  @Test("ids in some files but not in others are refused, whichever file has them")
  func refusesIdsInSomeFiles() {
    let withIDs = items([("x", "x"), ("y", "x")], ids: ["1", "2"])
    let without = items([("x", "y"), ("y", "y")])
    #expect(throws: AlignmentError.idsInSomeFiles(withIDs: "a", withoutIDs: "b")) {
      try AlignedPredictions([withIDs, without], names: ["a", "b"])
    }
    #expect(throws: AlignmentError.idsInSomeFiles(withIDs: "b", withoutIDs: "a")) {
      try AlignedPredictions([without, withIDs], names: ["a", "b"])
    }
  }

  @Test(
    "a first column holding a data frame's index is read as ids when no column is named id",
    arguments: [
      (",label,prediction\n7,a,b\n3,b,b\n", ["7", "3"]),
      ("Unnamed: 0,label,prediction\n7,a,b\n3,b,b\n", ["7", "3"]),
      ("index,label,prediction\n7,a,b\n3,b,b\n", ["7", "3"]),
      ("id,label,prediction,index\nq,a,b,1\nr,b,b,2\n", ["q", "r"]),
      ("label,index,prediction\na,1,b\nb,2,b\n", nil),
    ])
  func readsIndexAsIDs(text: String, ids: [String]?) throws {
    let path = try PredictionFileFixture.write(text)
    #expect(try PredictionReader(path: path).readItems().ids == ids)
    let unread = try PredictionReader(path: path, options: .init(idColumn: "")).readItems()
    #expect(unread.ids == nil)
  }

  @Test("a gold mismatch names the item and both labels")
  func rejectsGoldMismatch() {
    let first = items([("x", "x"), ("y", "x")])
    let second = items([("x", "x"), ("x", "x")])
    #expect(
      throws: AlignmentError.goldMismatch(
        item: "2", firstFile: "a", firstLabel: "y", otherFile: "b", otherLabel: "x", otherItem: 1)
    ) { try AlignedPredictions([first, second], names: ["a", "b"]) }
  }

  @Test("row by row, later models' gold is checked through their own label codes")
  func checksRecodedGold() throws {
    // Each model numbers its labels as it meets them (z, y, x), not in the
    // common order (x, y, z), so every code is recoded before it compares.
    let first = items([("z", "x"), ("y", "y"), ("x", "x")])
    let second = items([("z", "y"), ("y", "x"), ("x", "z")])
    let aligned = try AlignedPredictions([first, second], names: ["a", "b"])
    #expect(aligned.labels == ["x", "y", "z"])
    #expect(aligned.gold == [2, 1, 0])
    #expect(aligned.predictions == [[0, 1, 0], [1, 0, 2]])
    let third = items([("z", "z"), ("y", "x"), ("y", "y")])
    #expect(
      throws: AlignmentError.goldMismatch(
        item: "3", firstFile: "a", firstLabel: "x", otherFile: "c", otherLabel: "y", otherItem: 2)
    ) { try AlignedPredictions([first, second, third], names: ["a", "b", "c"]) }
  }

  @Test("different item counts and missing ids are rejected")
  func rejectsDifferentItems() {
    #expect(throws: AlignmentError.self) {
      try AlignedPredictions(
        [items([("x", "x")]), items([("x", "x"), ("x", "x")])], names: ["a", "b"])
    }
    #expect(
      throws: AlignmentError.unmatchedItem(
        id: "3", item: 1, file: "b", missingID: "2", presentIn: "a")
    ) {
      try AlignedPredictions(
        [
          items([("x", "x"), ("x", "x")], ids: ["1", "2"]),
          items([("x", "x"), ("x", "x")], ids: ["1", "3"]),
        ],
        names: ["a", "b"])
    }
    // No id of its own to point at: a repeated one.
    #expect(
      throws: AlignmentError.missingItem(id: "2", file: "b", presentIn: "a")
    ) {
      try AlignedPredictions(
        [
          items([("x", "x"), ("x", "x")], ids: ["1", "2"]),
          items([("x", "x"), ("x", "x")], ids: ["1", "1"]),
        ],
        names: ["a", "b"])
    }
  }

  @Test(
    "by id, files of different lengths name an id of the longer that the shorter lacks",
    arguments: [
      (["1", "2", "3"], ["3", "1"], "a", 1),
      (["1", "2"], ["2", "9", "1"], "b", 1),
    ])
  func namesUnpairedID(first: [String], second: [String], file: String, item: Int) {
    let rows: ([String]) -> [(String, String)] = { ids in ids.map { _ in ("x", "x") } }
    let longer = first.count > second.count ? first : second
    let shorter = first.count > second.count ? second : first
    let expected = AlignmentError.unpairedItem(
      id: longer[item], item: item, file: file, fileCount: longer.count,
      missingFrom: file == "a" ? "b" : "a", missingFromCount: shorter.count)
    #expect(throws: expected) {
      try AlignedPredictions(
        [items(rows(first), ids: first), items(rows(second), ids: second)], names: ["a", "b"])
    }
    #expect(expected.place?.file == file)
    #expect(expected.place?.item == item)
    #expect(
      expected.description(path: "dir/\(file).csv", line: 4)
        == "dir/\(file).csv:4: id \"\(longer[item])\" on this line, which \(file == "a" ? "b" : "a") does not have (\(file) has \(longer.count) items, \(file == "a" ? "b" : "a") has \(shorter.count)); files with an id column are aligned by id, and these do not describe the same items"
    )
  }

  @Test(
    "an alignment error places the item it is about: the first extra, the last, an unknown id",
    arguments: [
      (
        AlignmentError.differentItemCounts(first: "a", firstCount: 3, other: "b", otherCount: 5),
        "b", 3,
        "dir/b.csv:9: expected 3 items to match a, found 5 (the first extra item, item 4, is on this line; without an id column in every file, files are aligned row by row)"
      ),
      (
        AlignmentError.differentItemCounts(first: "a", firstCount: 3, other: "b", otherCount: 2),
        "b", 1,
        "dir/b.csv:9: expected 3 items to match a, found 2 (its last item, item 2, is on this line; without an id column in every file, files are aligned row by row)"
      ),
      (
        AlignmentError.unmatchedItem(
          id: "q\u{1B}", item: 6, file: "b", missingID: "q7", presentIn: "a"),
        "b", 6,
        "dir/b.csv:9: expected the ids of a, found id \"q\\u{1B}\", which a does not have, and no item with a's id \"q7\"; the files do not describe the same items"
      ),
      (
        AlignmentError.goldMismatch(
          item: "q7", firstFile: "a", firstLabel: "x", otherFile: "b", otherLabel: "y",
          otherItem: 2),
        "b", 2,
        "dir/b.csv:9: item q7 has gold label \"y\" but \"x\" in a; the files do not describe the same items"
      ),
    ])
  func placesItems(error: AlignmentError, file: String, item: Int, located: String) throws {
    let place = try #require(error.place)
    #expect(place.file == file)
    #expect(place.item == item)
    #expect(error.description(path: "dir/b.csv", line: 9) == located)
  }

  @Test("by id, an id without a counterpart, or a gold label of unknown place: nothing to place")
  func leavesUnplaced() {
    let errors: [AlignmentError] = [
      .differentItemCounts(first: "a", firstCount: 3, other: "b", otherCount: 5, isByID: true),
      .missingItem(id: "2", file: "b", presentIn: "a"),
      .goldMismatch(item: "2", firstFile: "a", firstLabel: "y", otherFile: "b", otherLabel: "x"),
    ]
    for error in errors {
      #expect(error.place == nil)
      #expect(error.description(path: "b.csv", line: 9) == error.description)
    }
  }

  @Test(
    "an item's line (its gold label's) counts the header, blank lines and line breaks in quotes",
    arguments: [
      (
        "text,label,prediction\n\"one\",x,x\n\n\"two\nlines\",y,x\r\n\"three\",x,y\n", "preds.csv",
        [2, 5, 6]
      ),
      (
        "{\"label\": \"x\", \"prediction\": \"x\"}\n\n{\"label\": \"y\", \"prediction\": \"x\"}\n"
          + "{\"label\": \"x\", \"prediction\": \"y\"}",
        "preds.jsonl", [1, 3, 4]
      ),
    ])
  func linesOfItems(text: String, name: String, lines: [Int]) throws {
    let path = try PredictionFileFixture.write(text, name: name)
    let reader = try PredictionReader(path: path)
    #expect(try reader.readItems().count == lines.count)
    #expect(lines.indices.map { reader.line(ofItem: $0) } == lines)
    #expect(reader.line(ofItem: lines.count) == nil)
    #expect(try PredictionReader(path: "-").line(ofItem: 0) == nil)
  }

  @Test("a large file's item line is found in one pass, not in halves")
  func lineOfItemInLargeFile() throws {
    // Over 4 MB, which a full read parses in two halves at once.
    let rows = String(repeating: "x,x\ny,x\n", count: 600_000)
    let path = try PredictionFileFixture.write("label,prediction\n" + rows)
    let reader = try PredictionReader(path: path)
    #expect(reader.line(ofItem: 1_000_000) == 1_000_002)
    #expect(reader.line(ofItem: 1_199_999) == 1_200_001)
  }
}
