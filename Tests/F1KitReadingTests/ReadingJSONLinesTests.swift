import F1Kit
import F1KitReading
import Testing

@Suite("Reading JSON Lines prediction files")
struct ReadingJSONLinesTests {
  @Test("reads one object per line, by extension or by sniffing a brace")
  func readsObjects() throws {
    let text = """
      {"id": 1, "label": "cat", "prediction": "dog", "extra": {"nested": [1, {"x": "]"}]}}
      {"prediction":"cat","label":"cat","id":2}

      {"id": 3, "label": "dog", "prediction": "dog"}\r

      """
    #expect(
      try PredictionFileFixture.counts(text, name: "p.jsonl") == [
        "cat→dog": 1, "cat→cat": 1, "dog→dog": 1,
      ])
    #expect(
      try PredictionFileFixture.counts(text, name: "p.ndjson") == [
        "cat→dog": 1, "cat→cat": 1, "dog→dog": 1,
      ])
    #expect(
      try PredictionFileFixture.counts(text, name: "p.txt") == [
        "cat→dog": 1, "cat→cat": 1, "dog→dog": 1,
      ])
  }

  @Test(
    "takes labels from strings, numbers and Booleans as spelled",
    arguments: [
      (#"{"label": 1, "prediction": 1.0}"#, "1→1"),
      (#"{"label": true, "prediction": false}"#, "true→false"),
      (#"{"label": "a\"b\\c\/d\n", "prediction": "\u00e9\ud83d\ude00"}"#, "a\"b\\c/d\n→é😀"),
      (#"{"label": -2.5e3, "prediction": "x"}"#, "-2.5e3→x"),
    ])
  func takesScalarLabels(line: String, cell: String) throws {
    #expect(try PredictionFileFixture.counts(line, name: "p.jsonl") == [cell: 1])
  }

  @Test(
    "refuses an empty string as a gold or predicted label, as an empty CSV field is",
    arguments: [
      (
        "{\"label\": \"\", \"prediction\": \"1\"}\n{\"label\": \"1\", \"prediction\": \"1\"}\n",
        #":1:11: expected a label at byte 11 ("label"), found an empty string"#, "label"
      ),
      (
        "{\"label\": \"1\", \"prediction\": \"1\"}\n{\"label\": 1, \"prediction\": \"\"}\n",
        #":2:28: expected a label at byte 28 ("prediction"), found an empty string"#, "prediction"
      ),
    ])
  func refusesEmptyString(text: String, message: String, column: String) throws {
    for readsItems in [false, true] {
      let failure = try PredictionFileFixture.failure(
        text, name: "preds.jsonl", readsItems: readsItems)
      guard case .emptyLabel(column, nil, false, false) = failure?.error.reason else {
        Issue.record("expected an empty label, found \(String(describing: failure))")
        continue
      }
      #expect(failure?.message.hasPrefix(message) == true, "\(String(describing: failure))")
      #expect(
        failure?.message.hasSuffix(
          #"drop those rows (df = df[df["\#(column)"] != ""]) or give them a class of their own (df["\#(column)"] = df["\#(column)"].replace("", "none")); if the file holds label sets, where an empty string is no labels, add --problem multilabel"#
        ) == true)
    }
    let table = try PredictionFileFixture.failure(
      #"{"label": "", "prediction": "a", "count": 3}"# + "\n", name: "preds.jsonl")
    #expect(
      table?.message
        == #":1:11: expected a label at byte 11 ("label"), found an empty string, which names no class (a missing value filled in with "", or an answer left blank); in SQL, leave such rows out (WHERE label <> '') or keep them as a class (COALESCE(NULLIF(label, ''), 'none'))"#
    )
  }

  @Test("reads lines that span chunk boundaries", arguments: 1...7)
  func spansChunks(chunkSize: Int) throws {
    let text =
      "\u{FEFF}\n{\"id\":\"a\",\"y_true\":\"x\\u00e9\",\"y_pred\":\"y\"}\n{\"id\":\"b\",\"y_true\":\"y\",\"y_pred\":\"y\"}"
    let path = try PredictionFileFixture.write(text, name: "p.jsonl")
    let options = PredictionFileOptions(chunkSize: chunkSize)
    let counts = try PredictionReader(path: path, options: options).readCounts()
    #expect(counts.labelledCells == ["xé→y": 1, "y→y": 1])
    let items = try PredictionReader(path: path, options: options).readItems()
    #expect(items.ids == ["a", "b"])
  }

  @Test("takes the argmax of a JSON array of scores; ties go to the first class")
  func argmaxOfScoreArrays() throws {
    let text = """
      {"label": "b", "scores": [0.1, 0.7, 0.2]}
      {"label": "a", "scores": [0.4, 0.4, 0.2]}
      {"label": "c", "scores": "[0, 0, 1e0]"}
      """
    let options = PredictionFileOptions(scoreArrayColumn: "scores", labels: ["a", "b", "c"])
    #expect(
      try PredictionFileFixture.counts(text, name: "p.jsonl", options: options) == [
        "b→b": 1, "a→a": 1, "c→c": 1,
      ])
    let unnamed = PredictionFileOptions(scoreArrayColumn: "scores")
    let path = try PredictionFileFixture.write(
      "{\"label\": \"1\", \"scores\": [0.2, 0.8]}\n", name: "p.jsonl")
    #expect(
      try PredictionReader(path: path, options: unnamed).readCounts().labelledCells == ["1→1": 1])
  }

  @Test("thresholds a numeric score and reads score columns")
  func readsScores() throws {
    let text = "{\"label\": 0, \"p\": 0.5}\n{\"label\": 1, \"p\": 0.25}\n"
    let options = PredictionFileOptions(scoreColumn: "p")
    #expect(
      try PredictionFileFixture.counts(text, name: "p.jsonl", options: options) == [
        "0→1": 1, "1→0": 1,
      ])
    let columns = PredictionFileOptions(scoreColumns: ["neg", "pos"])
    let scored = "{\"label\": \"pos\", \"neg\": 0.25, \"pos\": \"0.75\"}\n"
    #expect(
      try PredictionFileFixture.counts(scored, name: "p.jsonl", options: columns) == ["pos→pos": 1])
  }

  @Test("adds up count tables with integer counts")
  func addsCountTables() throws {
    let text =
      "{\"label\": \"a\", \"prediction\": \"b\", \"count\": 4}\n{\"label\": \"a\", \"prediction\": \"b\", \"count\": \"3\"}\n"
    #expect(try PredictionFileFixture.counts(text, name: "p.jsonl") == ["a→b": 7])
  }
}
