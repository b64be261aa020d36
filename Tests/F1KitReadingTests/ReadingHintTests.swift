import F1Kit
import F1KitReading
import Testing

/// Errors and warnings that lead to the fix (issue 9 §4, reader parts).
@Suite("Reading hints: score columns and delimiters")
struct ReadingHintTests {
  @Test(
    "a file with no prediction column but a numeric column suggests --score-column",
    arguments: [
      (
        "label,score,text\na,0.9,x\nb,0.1,y\n", "p.csv",
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", "score", "text"; for scores, add --score-column "score" (positive when at least --threshold, 0.5 by default)"#
      ),
      (
        "{\"id\": 1, \"label\": \"a\", \"p_neg\": 0.2, \"p_pos\": 0.8}\n", "p.jsonl",
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "id", "label", "p_neg", "p_pos"; for per-class scores, add --score-columns "p_neg","p_pos", or --score-column with one of them for a binary score"#
      ),
      (
        "label,guess\na,b\n", "p.csv",
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", "guess""#
      ),
    ])
  func suggestsScoreColumn(text: String, name: String, message: String) throws {
    let failure = try #require(try PredictionFileFixture.failure(text, name: name))
    #expect(failure.message == message)
  }

  /// A header such as `true_label,predicted` has neither default name;
  /// the message names the option with the column that plausibly holds
  /// the role, on the same line.
  @Test(
    "a header whose names plausibly hold the gold labels or predictions suggests --gold-column or --pred-column",
    arguments: [
      (
        "true_label,predicted\na,a\n",
        #":1:1: no gold column: expected one of "label", "gold", "y_true", "target"; found "true_label", "predicted"; name it with --gold-column true_label"#
      ),
      (
        "label,predicted\na,a\n",
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", "predicted"; name it with --pred-column predicted"#
      ),
      (
        "Gold Label,y_pred\na,a\n",
        #":1:1: no gold column: expected one of "label", "gold", "y_true", "target"; found "Gold Label", "y_pred"; name it with --gold-column 'Gold Label'"#
      ),
      (
        // A numeric column holds scores, so it is not offered as the
        // prediction column; the score hint stays.
        "label,pred_score\na,0.9\nb,0.1\n",
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", "pred_score"; for scores, add --score-column "pred_score" (positive when at least --threshold, 0.5 by default)"#
      ),
      (
        // A column named as predictions that holds whole numbers may hold
        // the labels 0 and 1: both readings are offered.
        "label,predictions\n1,1\n0,1\n",
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", "predictions"; if it holds labels, name it with --pred-column predictions; for scores, add --score-column "predictions" (positive when at least --threshold, 0.5 by default)"#
      ),
      (
        // Two candidates: no guess.
        "true_label,target_label,prediction\na,a,a\n",
        #":1:1: no gold column: expected one of "label", "gold", "y_true", "target"; found "true_label", "target_label", "prediction""#
      ),
    ])
  func suggestsRoleColumn(text: String, message: String) throws {
    let failure = try #require(try PredictionFileFixture.failure(text, name: "p.csv"))
    #expect(failure.message == message)
  }

  static let dataRowSuffix: String =
    ", as a file written without its header is: write the header line (Spark: .option(\"header\", True); SQL: COPY … TO … WITH (FORMAT csv, HEADER); pandas: to_csv(path, index=False))"

  @Test(
    "a first line of data, as Spark writes with header False, says the header is missing",
    arguments: [
      (
        "bird,cat,cat,3\ndog,dog,dog,996\n",
        #":1:1: no gold column: expected one of "label", "gold", "y_true", "target"; found "bird", "cat", "cat", "3"; the first line looks like data, not a header ("3" is a number)"#
      ),
      (
        "cat,cat\ndog,cat\n",
        #":1:1: no gold column: expected one of "label", "gold", "y_true", "target"; found "cat", "cat"; the first line looks like data, not a header ("cat" comes twice)"#
      ),
    ])
  func saysHeaderIsMissing(text: String, message: String) throws {
    let failure = try #require(try PredictionFileFixture.failure(text, name: "p.csv"))
    #expect(failure.message == message + Self.dataRowSuffix)
  }

  @Test("score columns named as pandas names predict_proba's columns say to name them by label")
  func scoreColumnsNamedByPosition() throws {
    // df["proba_0"], df["proba_1"] = model.predict_proba(X).T, written with
    // df.to_csv(index=False); following the hint above with
    // --score-columns proba_0,proba_1 would predict "proba_0" and "proba_1".
    let text =
      "label,proba_0,proba_1\n" + (0..<12).map { "\($0 % 2),0.\($0 % 9),0.5\n" }.joined()
    let failure = try #require(
      try PredictionFileFixture.failure(
        text, options: PredictionFileOptions(scoreColumns: ["proba_0", "proba_1"]),
        readsItems: true))
    #expect(
      failure.message.hasSuffix(
        #"share none of the gold labels ("0", "1"); --score-columns names each class by its column, so the columns "proba_0,proba_1" must be named by the gold labels: rename them (pandas: df.rename(columns={...}), in the order of the model's classes_), or for a binary problem give --score-column with the positive class's column"#
      ), "\(failure.message)")
  }

  @Test(
    "two columns that could each hold the gold labels or the predictions are refused, not guessed",
    arguments: [
      (
        "label,gold,prediction\n1,0,1\n", "p.csv",
        PredictionFileError.Reason.ambiguousColumn(role: .gold, candidates: ["label", "gold"]),
        #":1:1: columns "label" and "gold" could each be the gold column, and a guess could score the wrong one; name it with --gold-column"#
      ),
      (
        "{\"label\": 1, \"prediction\": 1, \"Y_PRED\": 0}\n", "p.jsonl",
        .ambiguousColumn(role: .prediction, candidates: ["prediction", "Y_PRED"]),
        #":1:1: columns "prediction" and "Y_PRED" could each be the prediction column, and a guess could score the wrong one; name it with --pred-column"#
      ),
    ])
  func refusesRivalColumns(
    text: String, name: String, reason: PredictionFileError.Reason, message: String
  ) throws {
    let failure = try #require(try PredictionFileFixture.failure(text, name: name))
    #expect(failure.error.reason == reason)
    #expect(failure.message == message)
  }

  @Test("a column named for another role, or named outright, leaves no rival")
  func namedColumnsHaveNoRivals() throws {
    let text = "label,target,prediction,pred\n1,0,1,0\n0,1,0,0\n"
    let gold = PredictionFileOptions(goldColumn: "target", predictionColumn: "pred")
    #expect(try PredictionFileFixture.counts(text, options: gold) == ["0→0": 1, "1→0": 1])
    let grouped = "label,target,prediction\n1,g1,1\n0,g2,0\n"
    let path = try PredictionFileFixture.write(grouped)
    let read = try PredictionReader(path: path).readItems(groupColumn: "target")
    #expect(read.items.count == 2)
    #expect(try read.groups.get().count == 2)
  }

  @Test(
    "a .csv whose header has no comma but a semicolon, a tab or a bar is read with it, and says so",
    arguments: [
      ("label;prediction\na;a\n\"b;c\";b\n", "';'"),
      ("label\tprediction\na\ta\n\"b;c\"\tb\n", "a tab"),
      ("label|prediction\na|a\n\"b;c\"|b\n", "'|'"),
    ])
  func detectsDelimiter(text: String, name: String) throws {
    let path = try PredictionFileFixture.write(text)
    let counts = try PredictionReader(path: path).readCounts()
    #expect(counts.labelledCells == ["a→a": 1, "b;c→b": 1])
    #expect(
      counts.warnings == [
        "\(path): the header has no comma but has \(name), so fields are read as separated by \(name) (--delimiter chooses)"
      ])
  }

  @Test("--delimiter chooses the delimiter of CSV and TSV files")
  func explicitDelimiter() throws {
    let text = "label|prediction\na|a\nb|\"x|y\"\n"
    let options = PredictionFileOptions(delimiter: "|")
    #expect(try PredictionFileFixture.counts(text, options: options) == ["a→a": 1, "b→x|y": 1])
    #expect(
      try PredictionFileFixture.counts(text, name: "p.tsv", options: options)
        == ["a→a": 1, "b→x|y": 1])
    let commas = try PredictionFileFixture.counts("label,prediction\na,b;c\n")
    #expect(commas == ["a→b;c": 1])
    let failure = try #require(
      try PredictionFileFixture.failure(text, options: PredictionFileOptions(delimiter: "\"")))
    #expect(failure.message.contains("delimiter must be one ASCII character"))
  }
}
