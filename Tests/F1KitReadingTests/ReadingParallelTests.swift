import F1Kit
import Testing

@testable import F1KitReading

@Suite("Reading a file in two halves, and the fast paths")
struct ReadingParallelTests {
  /// The counts of `text` read in one pass and in two halves.
  static func countsBothWays(
    _ text: String, chunkSize: Int, name: String = "preds.csv"
  ) throws -> (onePass: LabelCounts, halves: LabelCounts) {
    let path = try PredictionFileFixture.write(text, name: name)
    var options = PredictionFileOptions(chunkSize: chunkSize)
    options.checksLabelSets = false
    options.minimumParallelByteCount = .max
    let onePass = try PredictionReader(path: path, options: options).readCounts()
    options.minimumParallelByteCount = 0
    let halves = try PredictionReader(path: path, options: options).readCounts()
    return (onePass, halves)
  }

  /// The message of the error reading `text` in one pass and in two halves.
  static func failuresBothWays(_ text: String, chunkSize: Int) throws -> (
    onePass: String?, halves: String?
  ) {
    var options = PredictionFileOptions(chunkSize: chunkSize)
    options.checksLabelSets = false
    options.minimumParallelByteCount = .max
    let onePass = try PredictionFileFixture.failure(text, options: options)?.message
    options.minimumParallelByteCount = 0
    let halves = try PredictionFileFixture.failure(text, options: options)?.message
    return (onePass, halves)
  }

  @Test(
    "counts as one pass would, numbering the second half's new labels after the first half's",
    arguments: [1, 2, 3, 7, 64, 1 << 20])
  func countsInHalves(chunkSize: Int) throws {
    var text = "id,label,prediction\n"
    for index in 0..<40 {
      text += "\(index),\(["a", "b"][index % 2]),\(["b", "a", "a"][index % 3])\n"
    }
    for index in 40..<80 {
      text += "\(index),\(["c", "b", "long-label-past-16-bytes"][index % 3]),a\n"
    }
    let (onePass, halves) = try Self.countsBothWays(text, chunkSize: chunkSize)
    #expect(halves == onePass)
    #expect(halves.labels == ["a", "b", "long-label-past-16-bytes", "c"])
    #expect(halves.rowCount == 80)
  }

  @Test(
    "counts CRLF files, blank lines and quotes after the split as one pass would",
    arguments: [1, 5, 4096])
  func countsIrregularSecondHalves(chunkSize: Int) throws {
    var text = "label,prediction\r\n"
    for index in 0..<30 { text += "x\(index % 4),y\r\n\r\n" }
    for index in 0..<30 { text += "\"q,\(index % 3)\",\"y\"\r\n" }
    let (onePass, halves) = try Self.countsBothWays(text, chunkSize: chunkSize)
    #expect(halves == onePass)
    #expect(halves.rowCount == 60)
  }

  @Test(
    "falls back to one pass when a quote before the middle could hide the split",
    arguments: [1, 3, 4096])
  func fallsBackAtQuotes(chunkSize: Int) throws {
    // A quoted label whose line breaks span the middle of the file: the first
    // line feed past the middle is inside it.
    let quoted = "\"" + String(repeating: "line\n", count: 40) + "\""
    let text = "label,prediction\na,b\n\(quoted),a\nb,\(quoted)\n"
    let (onePass, halves) = try Self.countsBothWays(text, chunkSize: chunkSize)
    #expect(halves == onePass)
    #expect(halves.rowCount == 3)
    #expect(halves.labels.count == 3)
  }

  @Test(
    "reports a malformed record in either half at its line, as one pass would",
    arguments: [
      "label,prediction\n" + String(repeating: "a,b\n", count: 30) + "a,b,c\n"
        + String(repeating: "b,a\n", count: 30),
      "label,prediction\n" + String(repeating: "a,b\n", count: 50) + "a\"b,c\n"
        + String(repeating: "b,a\n", count: 5),
      "label,prediction\n" + String(repeating: "a,b\n", count: 5) + "x\n"
        + String(repeating: "b,a\n", count: 50),
    ])
  func reportsErrorsInHalves(text: String) throws {
    for chunkSize in [1, 16, 4096] {
      let (onePass, halves) = try Self.failuresBothWays(text, chunkSize: chunkSize)
      #expect(onePass != nil)
      #expect(halves == onePass)
    }
  }

  @Test("reports a label that is not UTF-8 in the second half at its line")
  func reportsInvalidUTF8InSecondHalf() throws {
    var bytes = Array(("label,prediction\n" + String(repeating: "a,b\n", count: 40)).utf8)
    bytes += [0xFF, 0x2C, 0x61, 0x0A] + Array(String(repeating: "b,a\n", count: 3).utf8)
    var options = PredictionFileOptions(chunkSize: 8)
    options.minimumParallelByteCount = 0
    let failure = try PredictionFileFixture.failure(bytes: bytes, options: options)
    #expect(failure?.message.hasPrefix(":42:1: ") == true)
  }

  @Test(
    "hashes a label the same read quoted (byte by byte) and unquoted (by words)", arguments: 1...40)
  func hashesLabelsAlike(length: Int) throws {
    let label = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
    let text = "label,prediction\n\"\(label)\",\(label)\n\(label),\"\(label)\"\n"
    let counts = try PredictionFileFixture.counts(text)
    #expect(counts == ["\(label)→\(label)": 2])
  }
}

@Suite("Item ids kept as bytes")
struct ItemIdentifiersTests {
  @Test("finds ids by bytes, in this list and another", arguments: [0, 1, 3, 5000])
  func findsIDs(count: Int) {
    let ids = (0..<count).map { "id-\($0 * 7)" }
    let identifiers = ItemIdentifiers(ids)
    #expect(Array(identifiers) == ids)
    #expect(identifiers.count == count)
    for (position, id) in ids.enumerated() where position % 97 == 0 || position == count - 1 {
      #expect(identifiers.firstIndex(of: id) == position)
    }
    #expect(identifiers.firstIndex(of: "absent") == nil)
    let reversed = ItemIdentifiers(ids.reversed() + ["extra"])
    let positions = identifiers.positions(in: reversed)
    #expect(positions == (0..<count).map { count - 1 - $0 })
    #expect(reversed.positions(in: identifiers).last == .some(nil))
    #expect(ItemIdentifiers(ids) == identifiers)
    #expect(ItemIdentifiers(ids).hashValue == identifiers.hashValue)
  }

  @Test("finds the first of a repeated id, and the empty id")
  func findsRepeatedAndEmptyIDs() {
    let identifiers = ItemIdentifiers(["x", "", "y", "x", ""])
    #expect(identifiers.firstIndex(of: "x") == 0)
    #expect(identifiers.firstIndex(of: "") == 1)
    #expect(identifiers[3] == "x")
    identifiers.withUTF8(at: 2) { #expect(Array($0) == [UInt8(ascii: "y")]) }
  }

  @Test("keeps ids through ItemPredictions.ids")
  func keepsIDsThroughItemPredictions() {
    var items = ItemPredictions(labels: ["a"], gold: [0, 0], predicted: [0, 0], ids: ["p", "q"])
    #expect(items.identifiers == ItemIdentifiers(["p", "q"]))
    items.ids = nil
    #expect(items.identifiers == nil)
    items.ids = ["r", "s"]
    #expect(items.identifiers?.firstIndex(of: "s") == 1)
  }

  @Test("reads many ids and aligns two files by them")
  func readsManyIDs() throws {
    var first = "id,label,prediction\n"
    var second = "label,prediction,id\n"
    for index in 0..<3000 { first += "item\(index),a,b\n" }
    for index in (0..<3000).reversed() { second += "a,a,item\(index)\n" }
    var options = PredictionFileOptions()
    options.checksLabelSets = false
    let a = try PredictionReader(path: try PredictionFileFixture.write(first), options: options)
      .readItems()
    let b = try PredictionReader(path: try PredictionFileFixture.write(second)).readItems()
    #expect(a.identifiers?.count == 3000)
    #expect(a.identifiers?[2999] == "item2999")
    let positions = a.identifiers!.positions(in: b.identifiers!)
    #expect(positions == (0..<3000).map { 2999 - $0 })
  }

  @Test("reads items in two halves as one pass would", arguments: [1, 7, 4096])
  func readsItemsInHalves(chunkSize: Int) throws {
    var text = "id,label,prediction\n"
    for index in 0..<60 { text += "i\(index),\(["a", "b"][index % 2]),b\n" }
    for index in 60..<90 { text += "\"i\n\(index)\",c,\(["a", "d"][index % 2])\n\n" }
    let path = try PredictionFileFixture.write(text)
    var options = PredictionFileOptions(chunkSize: chunkSize)
    options.checksLabelSets = false
    options.minimumParallelByteCount = .max
    let onePass = try PredictionReader(path: path, options: options).readItems()
    options.minimumParallelByteCount = 0
    let halves = try PredictionReader(path: path, options: options).readItems()
    #expect(halves == onePass)
    #expect(halves.labels == ["a", "b", "c", "d"])
    #expect(halves.identifiers?[89] == "i\n89")
    // A repeated id in the second half is reported at its line.
    for (last, message) in [
      ("i31,a,a\n", #":152:1: duplicate id "i31" in field 1 ("id"), first seen on line 33"#),
      (
        "\"i\n61\",a,a\n", #":152:1: duplicate id "i\n61" in field 1 ("id"), first seen on line 65"#
      ),
    ] {
      let failure = try PredictionFileFixture.failure(
        text + last, options: options, readsItems: true)
      #expect(failure?.message == message)
    }
  }

  @Test(
    "reports the first repeated id at its place, with the line of its first record",
    arguments: [
      (
        "id,label,prediction\n\"a\nb\",x,y\nc,x,y\n\"a\nb\",x,y\n",
        #":5:1: duplicate id "a\nb" in field 1 ("id"), first seen on line 2"#
      ),
      (
        "label,\"pred\",id\n\"x\n\",y,k\nx,\"y\n\n\",m\nx,y,m\nx,y,k\n",
        #":7:3: duplicate id "m" in field 3 ("id"), first seen on line 4"#
      ),
      (
        "id,label,prediction\n1,a,b\n2,a,b\n1,a,b\n2,a,\"b\n",
        #":4:1: duplicate id "1" in field 1 ("id"), first seen on line 2"#
      ),
      (
        "{\"label\": \"a\", \"prediction\": \"b\", \"id\": 7}\n\n{\"label\": \"abc\", \"prediction\": \"b\", \"id\": 7}\n",
        #":3:43: duplicate id "7" at byte 43 ("id"), first seen on line 1"#
      ),
    ])
  func reportsRepeatedIDs(text: String, message: String) throws {
    let name = text.hasPrefix("{") ? "preds.jsonl" : "preds.csv"
    for chunkSize in [1, 4096] {
      for minimum in [0, Int.max] {
        var options = PredictionFileOptions(chunkSize: chunkSize)
        options.minimumParallelByteCount = minimum
        let failure = try PredictionFileFixture.failure(
          text, name: name, options: options, readsItems: true)
        #expect(failure?.message == message)
      }
    }
  }
}
