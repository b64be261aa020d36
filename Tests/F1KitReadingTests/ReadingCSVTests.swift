import F1Kit
import Testing

@testable import F1KitReading

@Suite("Reading CSV and TSV prediction files")
struct ReadingCSVTests {
  @Test("counts gold and predicted pairs, with labels in first-seen order")
  func countsPairs() throws {
    let path = try PredictionFileFixture.write(
      "id,label,prediction\n1,cat,dog\n2,dog,dog\n3,cat,cat\n4,cat,dog\n")
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labels == ["cat", "dog"])
    #expect(counts.rowCount == 4)
    #expect(counts.totalCount == 4)
    #expect(counts.count(gold: 0, predicted: 1) == 2)
    #expect(counts.count(goldLabel: "dog", predictedLabel: "dog") == 1)
    #expect(counts.count(goldLabel: "dog", predictedLabel: "cat") == 0)
  }

  @Test("builds the confusion matrix in default label order, or with given labels first")
  func buildsConfusionMatrix() throws {
    let path = try PredictionFileFixture.write("label,prediction\n10,2\n2,2\n10,10\n")
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labels == ["10", "2"])
    let matrix = try counts.confusionMatrix()
    #expect(matrix.labels == ["2", "10"])
    #expect(matrix.rows == [[1, 0], [1, 1]])
    let ordered = try counts.confusionMatrix(labels: ["7", "10"])
    #expect(ordered.labels == ["7", "10", "2"])
    #expect(ordered.rows == [[0, 0, 0], [0, 1, 1], [0, 0, 1]])
    let viaOptions = try PredictionReader(path: path, options: .init(labels: ["10"]))
      .readConfusionMatrix()
    #expect(viaOptions.labels == ["10", "2"])
  }

  @Test(
    "unquotes fields with embedded delimiters, line breaks and doubled quotes",
    arguments: [
      ("label,prediction\n\"a,b\",\"a,b\"\n", "a,b→a,b"),
      ("label,prediction\n\"line\nbreak\",x\n", "line\nbreak→x"),
      ("label,prediction\n\"say \"\"hi\"\"\",\"\"\"\"\n", "say \"hi\"→\""),
      ("label,prediction\r\n\"a\r\nb\",c\r\n", "a\r\nb→c"),
    ])
  func unquotes(text: String, cell: String) throws {
    #expect(try PredictionFileFixture.counts(text) == [cell: 1])
  }

  @Test(
    "refuses an empty label, quoted or not, in one pass and in halves, as pandas writes NaN",
    arguments: [
      ("label,prediction\n\"\",a\n", ":2:1: expected a label in field 1 (\"label\")"),
      ("label,prediction\na,\n", ":2:2: expected a label in field 2 (\"prediction\")"),
      ("label\tprediction\na\t\"\"\n", ":2:2: expected a label in field 2 (\"prediction\")"),
      (
        "label,prediction\n" + String(repeating: "a,b\n", count: 300) + "b,\n",
        ":302:2: expected a label in field 2 (\"prediction\")"
      ),
    ])
  func refusesEmptyLabel(text: String, message: String) throws {
    let (onePass, halves) = try ReadingParallelTests.failuresBothWays(text, chunkSize: 64)
    #expect(onePass?.hasPrefix(message) == true, "\(String(describing: onePass))")
    #expect(
      onePass?.hasSuffix(
        "found an empty field, as pandas writes a missing value (NaN); drop the rows without a label (df.dropna(subset=[\"\(message.contains("label\"") ? "label" : "prediction")\"])) or fill them in; if the file holds label sets, where an empty field is no labels, add --problem multilabel"
      ) == true)
    #expect(halves == onePass)
  }

  @Test("handles CRLF line endings and keeps a lone CR as data")
  func handlesLineEndings() throws {
    #expect(try PredictionFileFixture.counts("label,prediction\r\na,b\r\na,b") == ["a→b": 2])
    #expect(try PredictionFileFixture.counts("label,prediction\na\rz,b\n") == ["a\rz→b": 1])
  }

  @Test("trims nothing: spaces are part of labels")
  func trimsNothing() throws {
    #expect(try PredictionFileFixture.counts("label,prediction\n a,a \n") == [" a→a ": 1])
  }

  @Test("skips a UTF-8 byte order mark and blank lines")
  func skipsBOMAndBlankLines() throws {
    let path = try PredictionFileFixture.write(
      bytes: [0xEF, 0xBB, 0xBF] + Array("label,prediction\n\na,a\n\r\nb,a\n\n".utf8))
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labelledCells == ["a→a": 1, "b→a": 1])
  }

  @Test("reads records that span chunk boundaries", arguments: 1...7)
  func spansChunks(chunkSize: Int) throws {
    let text =
      "\u{FEFF}id,label,prediction\r\n1,\"a,\"\"x\"\"\nb\",b\r\n\n2,b,b\n3,\"b\",\"a,\"\"x\"\"\nb\"\n4,é,é"
    let path = try PredictionFileFixture.write(text)
    let options = PredictionFileOptions(chunkSize: chunkSize)
    let counts = try PredictionReader(path: path, options: options).readCounts()
    #expect(counts.labels == ["a,\"x\"\nb", "b", "é"])
    #expect(counts.labelledCells == ["a,\"x\"\nb→b": 1, "b→b": 1, "b→a,\"x\"\nb": 1, "é→é": 1])
    let items = try PredictionReader(path: path, options: options).readItems()
    #expect(items.ids == ["1", "2", "3", "4"])
  }

  @Test("reads TSV by extension, by sniffing a tab in the header, or when told")
  func readsTSV() throws {
    let text = "label\tprediction\n\"a\tb\"\tc\nc\tc\n"
    #expect(try PredictionFileFixture.counts(text, name: "preds.tsv") == ["a\tb→c": 1, "c→c": 1])
    #expect(try PredictionFileFixture.counts(text, name: "preds.tab") == ["a\tb→c": 1, "c→c": 1])
    #expect(try PredictionFileFixture.counts(text, name: "preds.txt") == ["a\tb→c": 1, "c→c": 1])
    #expect(
      try PredictionFileFixture.counts(text, name: "preds.csv", options: .init(format: .tsv))
        == ["a\tb→c": 1, "c→c": 1])
  }

  @Test(
    "infers the format from the extension",
    arguments: [
      ("a.csv", PredictionFileFormat.csv), ("a.TSV", .tsv), ("a.tab", .tsv),
      ("a.jsonl", .jsonLines),
      ("a.ndjson", .jsonLines), ("a.txt", nil), ("dir.csv/file", nil), ("-", nil),
    ])
  func infersFormat(path: String, format: PredictionFileFormat?) {
    #expect(PredictionFileFormat.inferred(fromPath: path) == format)
  }

  @Test(
    "sniffs the format from the first line",
    arguments: [
      ("  \n {\"a\": 1}\n", PredictionFileFormat.jsonLines), ("a\tb\n", .tsv),
      ("a,b\nc\td\n", .csv),
      ("\tb,c\n", .tsv), ("", .csv),
    ])
  func sniffsFormat(text: String, format: PredictionFileFormat) {
    #expect(PredictionFileFormat.sniffed(from: Array(text.utf8)) == format)
  }

  @Test(
    "detects the gold and prediction columns by name, exact before ignoring case",
    arguments: [
      ("y_true,y_pred\na,b\n", "a→b"),
      ("target,pred\na,b\n", "a→b"),
      ("Gold,PREDICTION\na,b\n", "a→b"),
    ])
  func detectsColumns(text: String, cell: String) throws {
    #expect(try PredictionFileFixture.counts(text) == [cell: 1])
  }

  @Test(
    "two columns with accepted gold names, exactly or ignoring case, are a guess it refuses",
    arguments: [
      ("LABEL,label,prediction\na,b,c\n", ["LABEL", "label"]),
      ("gold,label,prediction\na,b,c\n", ["gold", "label"]),
    ])
  func refusesTwoGoldColumns(text: String, candidates: [String]) throws {
    let failure = try #require(try PredictionFileFixture.failure(text))
    #expect(failure.error.reason == .ambiguousColumn(role: .gold, candidates: candidates))
    let named = PredictionFileOptions(goldColumn: "label")
    #expect(try PredictionFileFixture.counts(text, options: named) == ["b→c": 1])
  }

  @Test("uses columns named in the options")
  func usesNamedColumns() throws {
    let text = "truth,guess,label\na,b,z\n"
    let options = PredictionFileOptions(goldColumn: "truth", predictionColumn: "guess")
    #expect(try PredictionFileFixture.counts(text, options: options) == ["a→b": 1])
  }

  @Test("a count column found by name beside an id column is refused; --count-column chooses")
  func refusesCountBesideIDs() throws {
    let text = "id,label,prediction,count\nq1,a,a,3\nq2,a,b,2\n"
    let failure = try #require(try PredictionFileFixture.failure(text))
    #expect(failure.error.reason == .countColumnBesideIDs(count: "count", id: "id"))
    let items = PredictionFileOptions(countColumn: "")
    #expect(try PredictionFileFixture.counts(text, options: items) == ["a→a": 1, "a→b": 1])
    let path = try PredictionFileFixture.write(text)
    #expect(try PredictionReader(path: path, options: items).readItems().ids == ["q1", "q2"])
    let cells = PredictionFileOptions(countColumn: "count")
    #expect(try PredictionFileFixture.counts(text, options: cells) == ["a→a": 3, "a→b": 2])
    // pandas' index beside a count column is a count table written with
    // df.to_csv(), not items.
    let table = ",label,prediction,count\n0,a,a,3\n1,a,b,2\n"
    #expect(try PredictionFileFixture.counts(table) == ["a→a": 3, "a→b": 2])
  }

  @Test("a count column found by name in a file of many more rows than pairs gets a warning")
  func warnsAboutItemsReadAsCells() throws {
    let rows = (0..<40).map {
      "\($0 % 2 == 0 ? "a" : "b"),\($0 % 3 == 0 ? "a" : "b"),\($0 % 5 + 1)\n"
    }
    let path = try PredictionFileFixture.write("label,prediction,count\n" + rows.joined())
    let counts = try PredictionReader(path: path).readCounts()
    #expect(
      counts.warnings == [
        "\(path): the column \"count\" makes each of the 40 rows a cell of a count table, but there are only 4 distinct (gold, prediction) pairs, as if the rows were items and \"count\" something else; give --count-column '' to read one item a row"
      ])
    let named = try PredictionReader(path: path, options: .init(countColumn: "count")).readCounts()
    #expect(named.warnings.isEmpty)
    let table = try PredictionFileFixture.write("label,prediction,count\na,a,5\na,b,2\nb,b,7\n")
    #expect(try PredictionReader(path: table).readCounts().warnings.isEmpty)
  }

  @Test("adds up count tables")
  func addsCountTables() throws {
    let text = "label,prediction,count\na,a,5\na,b,2\nb,b,0\na,a,1\n"
    let path = try PredictionFileFixture.write(text)
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labelledCells == ["a→a": 6, "a→b": 2])
    #expect(counts.rowCount == 4)
    #expect(counts.totalCount == 8)
    #expect(counts.labels == ["a", "b"])
    let named = PredictionFileOptions(countColumn: "n")
    #expect(
      try PredictionFileFixture.counts("label,prediction,n\na,a,3\n", options: named) == ["a→a": 3])
  }

  @Test(
    "takes the argmax of per-class score columns; ties go to the first column",
    arguments: [
      ("0.2", "0.8", "pos"), ("0.8", "0.2", "neg"), ("0.5", "0.5", "neg"), ("-1e3", "-2e3", "neg"),
      ("1", "1.0000001", "pos"),
    ])
  func argmaxOfScoreColumns(negative: String, positive: String, winner: String) throws {
    let text = "label,neg,pos\nneg,\(negative),\(positive)\n"
    let options = PredictionFileOptions(scoreColumns: ["neg", "pos"])
    #expect(try PredictionFileFixture.counts(text, options: options) == ["neg→\(winner)": 1])
  }

  @Test("a score column class only becomes a label when it wins")
  func scoreClassesAreLabelsWhenTheyWin() throws {
    let path = try PredictionFileFixture.write("label,a,b,c\nb,0.1,0.7,0.2\n")
    let counts = try PredictionReader(path: path, options: .init(scoreColumns: ["a", "b", "c"]))
      .readCounts()
    #expect(counts.labels == ["b"])
  }

  @Test(
    "takes the argmax of a JSON array of scores in a CSV field; ties go to the first class",
    arguments: [
      ("\"[0.1, 0.9]\"", "1"), ("\"[0.9,0.1]\"", "0"), ("\"[ 0.5 , 0.5 ]\"", "0"),
      ("\"[0.2,0.3,0.5]\"", "2"),
    ])
  func argmaxOfScoreArrays(field: String, winner: String) throws {
    let text = "label,scores\n0,\(field)\n"
    let options = PredictionFileOptions(scoreArrayColumn: "scores")
    #expect(try PredictionFileFixture.counts(text, options: options) == ["0→\(winner)": 1])
  }

  @Test("names score array classes by the given labels")
  func namesScoreArrayClasses() throws {
    let text = "label,scores\nneg,\"[0.1, 0.9]\"\npos,\"[0.6, 0.4]\"\n"
    let options = PredictionFileOptions(scoreArrayColumn: "scores", labels: ["neg", "pos"])
    #expect(
      try PredictionFileFixture.counts(text, options: options) == ["neg→pos": 1, "pos→neg": 1])
  }

  @Test(
    "thresholds a binary score; a score equal to the threshold is positive",
    arguments: [("0.5", "1"), ("0.49999", "0"), ("0.7", "1"), ("0", "0"), ("1e-1", "0")])
  func thresholds(score: String, predicted: String) throws {
    let text = "label,score\n1,\(score)\n0,0.1\n"
    let options = PredictionFileOptions(scoreColumn: "score")
    #expect(try PredictionFileFixture.counts(text, options: options)["1→\(predicted)"] == 1)
  }

  @Test("resolves the positive label from the given positive label, or a well-known pair")
  func resolvesPositiveLabel() throws {
    let text = "label,score\nspam,0.9\nspam,0.2\n"
    let given = PredictionFileOptions(
      scoreColumn: "score", threshold: 0.3, positiveLabel: "spam", labels: ["ham", "spam"])
    #expect(
      try PredictionFileFixture.counts(text, options: given) == ["spam→spam": 1, "spam→ham": 1])
    let unnamed = PredictionFileOptions(
      scoreColumn: "score", threshold: 0.3, labels: ["ham", "spam"])
    #expect(
      try PredictionFileFixture.failure(text, options: unnamed)?.error.reason
        == .positiveLabelNeeded(labels: ["ham", "spam"]))
    let explicit = PredictionFileOptions(
      scoreColumn: "score", threshold: 0.3, positiveLabel: "ham", labels: ["ham", "spam"])
    #expect(
      try PredictionFileFixture.counts(text, options: explicit) == ["spam→ham": 1, "spam→spam": 1])
    let numeric = PredictionFileOptions(scoreColumn: "score")
    let items = try PredictionReader(
      path: try PredictionFileFixture.write("label,score\n1,0.9\n0,0.4\n1,0.2\n"),
      options: numeric
    ).readItems()
    #expect(items.goldLabels == ["1", "0", "1"])
    #expect(items.predictedLabels == ["1", "0", "0"])
  }

  @Test("reads items in file order with their ids")
  func readsItems() throws {
    let path = try PredictionFileFixture.write("id,label,prediction\nx,a,b\ny,b,b\nz,a,a\n")
    let items = try PredictionReader(path: path).readItems()
    #expect(items.count == 3)
    #expect(items.labels == ["a", "b"])
    #expect(items.gold == [0, 1, 0])
    #expect(items.predicted == [1, 1, 0])
    #expect(items.ids == ["x", "y", "z"])
    let named = try PredictionReader(
      path: try PredictionFileFixture.write("key,label,prediction\nk,a,b\n"),
      options: .init(idColumn: "key")
    ).readItems()
    #expect(named.ids == ["k"])
    let none = try PredictionReader(
      path: try PredictionFileFixture.write("label,prediction\na,b\n")
    ).readItems()
    #expect(none.ids == nil)
  }

  @Test("keeps canonically equivalent labels apart")
  func keepsEquivalentLabelsApart() throws {
    let counts = try PredictionFileFixture.counts("label,prediction\n\u{E9},e\u{301}\n")
    #expect(counts == ["\u{E9}→e\u{301}": 1])
  }

  @Test("switches to sparse counts past a thousand labels")
  func countsManyLabels() throws {
    var text = "label,prediction\n"
    for index in 0..<1500 { text += "g\(index),p\(index % 7)\n" }
    text += "g0,p0\n"
    let path = try PredictionFileFixture.write(text)
    var options = PredictionFileOptions()
    options.checksLabelSets = false
    let counts = try PredictionReader(path: path, options: options).readCounts()
    #expect(counts.labels.count == 1507)
    #expect(counts.totalCount == 1501)
    #expect(counts.count(goldLabel: "g0", predictedLabel: "p0") == 2)
    #expect(counts.count(goldLabel: "g1499", predictedLabel: "p1") == 1)
  }
}
