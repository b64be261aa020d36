import Foundation
import Testing
import _TestSupport

/// Files as pandas users write them without thinking about it: each is
/// read as scikit-learn would score it after `pd.read_csv`, or refused
/// with the place and the line of pandas that fixes it, never scored as
/// something else with exit 0.
@Suite("files pandas writes: read as scikit-learn would, or refused with the fix")
struct PandasHabitCommandTests {
  /// The metrics of `evaluate --format json`.
  static func metrics(_ result: CommandResult) throws -> [String: Any] {
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    return try #require(document["metrics"] as? [String: Any])
  }

  /// Twelve items: a bool column of gold labels (`y > t`) beside a
  /// classifier's int predictions, as `to_csv` writes them.
  static let booleanGold =
    ["True", "False", "True", "True", "False", "False", "True", "False"]
    + ["True", "False", "False", "True"]
  static let integerPredictions = [1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0]

  @Test("bool gold labels beside 0/1 predictions are one label set, as numpy compares them")
  func booleanGoldIntegerPredictions() throws {
    let folder = TemporaryDirectory()
    let rows = zip(Self.booleanGold, Self.integerPredictions).map { "\($0),\($1)\n" }.joined()
    let path = folder.write("bool.csv", "label,prediction\n" + rows)
    let result = try runF1Kit(["evaluate", path, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    Self.expectBooleansNote(result, path: path)
    // scikit-learn 1.9.1 on the frame pd.read_csv reads (bool, int64):
    // f1_score 0.7272727272727273, accuracy_score 0.75, and
    // f1_score(pos_label=0) 0.7692307692307693.
    let metrics = try Self.metrics(result)
    let f1 = try #require(metrics["binary_f1"] as? Double)
    #expect(abs(f1 - 0.7272727272727273) < 1e-12)
    #expect(metrics["accuracy"] as? Double == 0.75)
    let negative = try runF1Kit(["evaluate", path, "--positive", "0", "--format", "json"])
    let negativeF1 = try #require(try Self.metrics(negative)["binary_f1"] as? Double)
    #expect(abs(negativeF1 - 0.7692307692307693) < 1e-12)
    // JSON Lines with fewer than ten items, which the label check skips,
    // is two classes too, not four.
    let lines = folder.write(
      "bool.jsonl",
      "{\"label\":true,\"prediction\":1}\n{\"label\":false,\"prediction\":0}\n"
        + "{\"label\":true,\"prediction\":0}\n{\"label\":false,\"prediction\":0}\n")
    let short = try runF1Kit(["evaluate", lines, "--format", "json"])
    #expect(short.status == 0, "\(short.standardError)")
    #expect(short.standardError.contains("the Booleans \"true\" and \"false\""))
    // f1_score([True, False, True, False], [1, 0, 0, 0]) = 2/3.
    let shortF1 = try #require(try Self.metrics(short)["binary_f1"] as? Double)
    #expect(abs(shortF1 - 2.0 / 3.0) < 1e-12)
  }

  /// The twelve items' sample weights, a float column beside them.
  static let weights = [0.5, 1, 2, 1.5, 1, 0.25, 3, 1, 2, 0.5, 1, 1.5]

  /// Writes the twelve items with their weights (`label,prediction,w`).
  static func writeWeightedBooleanFile(in folder: TemporaryDirectory) -> String {
    let rows = booleanGold.indices.map {
      "\(booleanGold[$0]),\(integerPredictions[$0]),\(weights[$0])\n"
    }
    return folder.write("boolw.csv", "label,prediction,w\n" + rows.joined())
  }

  /// Expects the note that `True`/`False` are read as 1 and 0.
  static func expectBooleansNote(_ result: CommandResult, path: String) {
    #expect(
      result.standardError.contains(
        "\(path): the labels are the Booleans \"True\" and \"False\" and the numbers 0 and 1"),
      "\(result.standardError)")
  }

  @Test(
    "bool gold labels beside 0/1 predictions with sample weights: the same note, scikit-learn's weighted numbers",
    arguments: [[String](), ["--ci", "--resamples", "100"]])
  func weightedBooleanGold(intervals: [String]) throws {
    let folder = TemporaryDirectory()
    let path = Self.writeWeightedBooleanFile(in: folder)
    let result = try runF1Kit(
      ["evaluate", path, "--weight-column", "w", "--format", "json"] + intervals)
    #expect(result.status == 0, "\(result.standardError)")
    Self.expectBooleansNote(result, path: path)
    // scikit-learn 1.9.1 on the frame pd.read_csv reads (bool, int64,
    // float64): f1_score(sample_weight=w) 0.821917808219178 and
    // accuracy_score(sample_weight=w) 0.7868852459016393.
    let metrics = try Self.metrics(result)
    let f1 = try #require(metrics["binary_f1"] as? Double)
    #expect(abs(f1 - 0.821917808219178) < 1e-12)
    let accuracy = try #require(metrics["accuracy"] as? Double)
    #expect(abs(accuracy - 0.7868852459016393) < 1e-12)
  }

  @Test(
    "--positive True or False names 1 or 0 of bool gold labels read as numbers, as pos_label does",
    arguments: [
      // f1_score(pos_label=True) and f1_score(pos_label=False), scikit-learn
      // 1.9.1, unweighted and with sample_weight=w.
      ("True", false, 0.7272727272727273), ("false", false, 0.7692307692307693),
      ("TRUE", true, 0.821917808219178), ("False", true, 0.7346938775510204),
    ])
  func booleanPositiveLabel(positive: String, isWeighted: Bool, expected: Double) throws {
    let folder = TemporaryDirectory()
    let path = Self.writeWeightedBooleanFile(in: folder)
    let weights = isWeighted ? ["--weight-column", "w"] : []
    let result = try runF1Kit(
      ["evaluate", path, "--positive", positive, "--format", "json"] + weights)
    #expect(result.status == 0, "\(result.standardError)")
    let number = positive.lowercased() == "true" ? "1" : "0"
    #expect(
      result.standardError.contains("shown as 1 and 0; --positive \(positive) names \(number)"),
      "\(result.standardError)")
    let f1 = try #require(try Self.metrics(result)["binary_f1"] as? Double)
    #expect(abs(f1 - expected) < 1e-12)
    let compared = try runF1Kit(
      ["compare", path, path, "--positive", positive, "--resamples", "100", "--format", "json"]
        + weights)
    #expect(compared.status == 0, "\(compared.standardError)")
    #expect(
      compared.standardOutput.contains("\"positive_label\": \"\(number)\""),
      "\(compared.standardOutput)")
  }

  @Test("compare pairs a model's 0/1 predictions with another's bool predictions")
  func booleanAndIntegerModels() throws {
    let folder = TemporaryDirectory()
    let integers = zip(Self.booleanGold, Self.integerPredictions).map { "\($0),\($1)\n" }
    let booleans = zip(Self.booleanGold, Self.integerPredictions).map {
      "\($0),\($1 == 1 ? "False" : "True")\n"
    }
    let first = folder.write("int.csv", "label,prediction\n" + integers.joined())
    let second = folder.write("bool.csv", "label,prediction\n" + booleans.joined())
    let result = try runF1Kit(["compare", first, second, "--resamples", "200", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("\"positive_label\": \"1\""), "\(result.standardOutput)")
  }

  @Test("Booleans beside numbers other than 0 and 1 stay text and are refused as before")
  func booleansBesideOtherNumbers() throws {
    let folder = TemporaryDirectory()
    let rows = zip(Self.booleanGold, Self.integerPredictions).map { "\($0),\($1 + 1)\n" }.joined()
    let path = folder.write("bool2.csv", "label,prediction\n" + rows)
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 65)
    #expect(result.standardError.contains("share none of the gold labels"))
  }

  @Test(
    "score cells numpy and pandas wrote as text are refused with the fix",
    arguments: [
      (
        "[0.05206993 0.0086389  0.93929117]",
        "numpy's text of an array (numbers between spaces, not commas)"
      ),
      (
        "\"[np.float64(0.05206993236265189), np.float64(0.008638901571288885), np.float64(0.9392911660660592)]\"",
        "numpy's text of a number"
      ),
    ])
  func numpyScoreText(cell: String, hint: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "s.csv", ",label,prediction,scores\n0,dog,dog,\(cell)\n1,cat,dog,\(cell)\n")
    let result = try runF1Kit([
      "evaluate", path, "--score-array-column", "scores", "--labels", "bird,cat,dog",
    ])
    #expect(result.status == 65)
    #expect(result.standardError.contains("\(path):2:4: expected"), "\(result.standardError)")
    #expect(result.standardError.contains(hint), "\(result.standardError)")
    #expect(result.standardError.contains("json.dumps([float(x) for x in a])"))
  }

  @Test("an empty score cell names pandas' NaN and dropna")
  func emptyScore() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("n.csv", "y_true,y_pred,score\n0,0,0.1\n1,1,\n")
    let result = try runF1Kit(["evaluate", path, "--score-column", "score"])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "\(path):3:3: expected a number in field 3 (\"score\"), found \"\", an empty field, as pandas writes a missing value (NaN); drop the rows without a score (df.dropna(subset=[\"score\"]))"
      ), "\(result.standardError)")
  }

  @Test("label sets written as Python tuples are refused, not scored as classes")
  func tupleLabels() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "t.csv",
      "label,prediction\n\"('sports', 'tech')\",\"('sports',)\"\n\"('art',)\",\"('art',)\"\n")
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "\(path):2:1: \"('sports', 'tech')\" in field 1 is a Python tuple written as text"),
      "\(result.standardError)")
    #expect(result.standardError.contains("df[column].apply(json.dumps)"))
  }

  @Test("a list cell read as label sets is called a list, not split at '|'")
  func listNote() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "l.csv",
      "label,prediction\n\"[\"\"a\"\", \"\"b\"\"]\",\"[\"\"a\"\"]\"\n\"[\"\"b\"\"]\",\"[]\"\n")
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "line 2 has \"[\\\"a\\\", \\\"b\\\"]\", a list of labels; give --problem multiclass"),
      "\(result.standardError)")
  }

  @Test("two unnamed index columns are named a MultiIndex with its fixes")
  func multiIndex() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "c.csv", ",,y_true,y_pred\na,0,0,0\na,1,1,1\nb,0,1,0\nb,1,0,0\n")
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 65)
    #expect(result.standardError.contains("\(path):3:1: duplicate id \"a\""))
    #expect(
      result.standardError.contains(
        "the file begins with 2 columns with no name, a data frame's MultiIndex"),
      "\(result.standardError)")
    #expect(result.standardError.contains("df.reset_index(drop=True)"))
    #expect(result.standardError.contains("index=False"))
  }

  @Test(
    "a MultiIndex written by to_csv after pd.concat(keys=...) is refused with exit 65 and the pandas fix by every command",
    arguments: [
      // pd.concat([dev, test], keys=["dev", "test"]).to_csv(path): two
      // unnamed levels, the second each frame's row number.
      (
        ",,label,prediction\ndev,0,x,x\ndev,1,y,x\ndev,2,x,x\ntest,0,y,y\ntest,1,x,x\n",
        ":3:1: duplicate id \"dev\" in field 1", "df.reset_index(drop=True)"
      ),
      // The same frames indexed by "id": the outer level has no name.
      (
        ",id,label,prediction\ndev,0,x,x\ndev,1,y,x\ndev,2,x,x\ntest,0,y,y\ntest,1,x,x\n",
        ":5:2: duplicate id \"0\" in field 2 (\"id\"), first seen on line 2; the file begins with a column with no name before \"id\", the outer level of a data frame's MultiIndex",
        "df.index = df.index.map(lambda k: \"/\".join(map(str, k))), then df.to_csv(path, index_label=\"id\")"
      ),
    ], ["evaluate", "compare", "report"])
  func multiIndexEveryCommand(file: (text: String, place: String, fix: String), command: String)
    throws
  {
    let folder = TemporaryDirectory()
    let path = folder.write("m.csv", file.text)
    let arguments =
      switch command {
      case "evaluate": [path]
      case "compare": [path, path]
      default: [path, path, "--out", folder.url.appendingPathComponent("r.html").path]
      }
    let result = try runF1Kit([command] + arguments)
    #expect(result.status == 65)
    #expect(result.standardError.contains("\(path)\(file.place)"), "\(result.standardError)")
    #expect(result.standardError.contains(file.fix), "\(result.standardError)")
    #expect(result.standardError.contains("index=False"))
    #expect(result.standardError.contains("--no-id-column"))
  }

  @Test(
    "an empty id is refused at its place with pandas' NaN, not read as the id \"\"",
    arguments: [
      ("id,label,prediction\n1,a,a\n,b,b\n3,a,b\n", ["evaluate"], 3),
      ("id,label,prediction\n1,a,a\n,b,b\n,a,b\n", ["evaluate"], 3),
      (
        ",label,prediction,score\n1,a,a,0.2\n,b,b,0.7\n",
        ["evaluate", "--score-column", "score", "--positive", "b"], 3
      ),
    ])
  func emptyID(text: String, arguments: [String], line: Int) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("e.csv", text)
    let result = try runF1Kit([arguments[0], path] + arguments.dropFirst())
    #expect(result.status == 65)
    #expect(
      result.standardError.contains("\(path):\(line):1: expected an id in field 1"),
      "\(result.standardError)")
    #expect(result.standardError.contains("missing value (NaN)"))
    #expect(result.standardError.contains("--no-id-column"))
  }

  /// What `pd.DataFrame({"id": [1, 2, None, 4], ...}).to_json(orient="records",
  /// lines=True)` writes: float ids, NaN as null.
  static let nullIDLines =
    "{\"id\":1.0,\"label\":\"a\",\"prediction\":\"a\",\"w\":1.0}\n"
    + "{\"id\":2.0,\"label\":\"b\",\"prediction\":\"a\",\"w\":1.0}\n"
    + "{\"id\":null,\"label\":\"a\",\"prediction\":\"a\",\"w\":1.0}\n"
    + "{\"id\":4.0,\"label\":\"b\",\"prediction\":\"b\",\"w\":1.0}\n"

  @Test(
    "a null id in JSON Lines is refused at its place with pandas' NaN, not read as the id \"null\"",
    arguments: [
      ["evaluate"], ["evaluate", "--weight-column", "w"], ["evaluate", "--problem", "multilabel"],
      ["compare", "TWICE"],
    ])
  func nullID(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("n.jsonl", Self.nullIDLines)
    let files = arguments.contains("TWICE") ? [path, path] : [path]
    let result = try runF1Kit(
      [arguments[0]] + files + arguments.dropFirst().filter { $0 != "TWICE" })
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "\(path):3:7: expected an id at byte 7 (\"id\"), found null, as pandas' to_json writes a missing value (NaN); drop the rows without an id (df.dropna(subset=[\"id\"]))"
      ), "\(result.standardError)")
    #expect(result.standardError.contains("--no-id-column"))
  }

  @Test(
    "a null label in JSON Lines names pandas' NaN and the fix, with and without weights or counts",
    arguments: [
      (
        "{\"label\":\"a\",\"prediction\":\"a\",\"w\":1.0}\n{\"label\":null,\"prediction\":\"a\",\"w\":1.0}\n",
        [String](), "2:10",
        "pandas' to_json writes a missing value (NaN); drop the rows without a label"
      ),
      (
        "{\"label\":\"a\",\"prediction\":\"a\",\"w\":1.0}\n{\"label\":null,\"prediction\":\"a\",\"w\":1.0}\n",
        ["--weight-column", "w"], "2:10",
        "pandas' to_json writes a missing value (NaN); drop the rows without a label"
      ),
      (
        "{\"label\":\"a\",\"prediction\":\"a\",\"count\":3}\n{\"label\":null,\"prediction\":\"a\",\"count\":2}\n",
        [String](), "2:10", "in SQL, leave such rows out (WHERE label IS NOT NULL)"
      ),
    ])
  func nullLabel(text: String, options: [String], place: String, fix: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("l.jsonl", text)
    let result = try runF1Kit(["evaluate", path] + options)
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "\(path):\(place): expected a label at byte 10 (\"label\"), found null, as "),
      "\(result.standardError)")
    #expect(result.standardError.contains(fix), "\(result.standardError)")
  }

  @Test("invalid UTF-8 names Latin-1 and Windows-1252 and how to convert")
  func latin1() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("l1.csv").path
    // "café" in Latin-1: 0xE9 for é.
    let bytes = Array("label,prediction\ncaf".utf8) + [0xE9] + Array(",a\na,a\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try runF1Kit(["evaluate", path])
    #expect(result.status == 65)
    #expect(result.standardError.contains("\(path):2:1: invalid UTF-8 in field 1"))
    #expect(
      result.standardError.contains("likely Latin-1 or Windows-1252 text"),
      "\(result.standardError)")
    #expect(result.standardError.contains("iconv -f windows-1252 -t utf-8"))
  }

  @Test("a groupby().size() count column named 0 is refused with --count-column, gate included")
  func seriesCounts() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "g.csv",
      "label,prediction,0\nbird,bird,10\nbird,cat,3\ncat,cat,12\ncat,bird,2\ndog,dog,9\n")
    let evaluated = try runF1Kit(["evaluate", path])
    #expect(evaluated.status == 64)
    #expect(
      evaluated.standardError.contains(
        "\(path): column \"0\" looks like a count of items per row"),
      "\(evaluated.standardError)")
    #expect(evaluated.standardError.contains("give --count-column 0 to read it as counts"))
    let wide = folder.write(
      "w.csv", "y_true,m1,m2,0\n0,0,0,162\n0,1,0,3\n0,0,1,5\n1,1,1,90\n1,0,1,7\n")
    let gate = try runF1Kit([
      "gate", wide, "--pred-columns", "m1,m2", "--metric", "macro_f1", "--margin", "0.5", "-q",
    ])
    #expect(gate.status == 64, "\(gate.standardOutput)")
    #expect(gate.standardError.contains("column \"0\" looks like a count of items per row"))
    let counted = try runF1Kit(["evaluate", path, "--count-column", "0", "--format", "json"])
    #expect(counted.status == 0, "\(counted.standardError)")
  }

  @Test("a repeated column name is read second as pandas names it, prediction.1")
  func repeatedColumn() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "d.csv", "label,prediction,prediction\n1,1,0\n0,0,0\n1,1,1\n0,1,0\n")
    let refused = try runF1Kit(["evaluate", path])
    #expect(refused.status == 64)
    #expect(
      refused.standardError.contains(
        "--pred-column \"prediction\" reads the first, \"prediction.1\" the second, as pandas' read_csv names them"
      ), "\(refused.standardError)")
    let first = try runF1Kit([
      "evaluate", path, "--pred-column", "prediction", "--format", "json",
    ])
    let second = try runF1Kit([
      "evaluate", path, "--pred-column", "prediction.1", "--format", "json",
    ])
    #expect(second.status == 0, "\(second.standardError)")
    // f1_score of the first column 0.8, of the second (pandas'
    // df["prediction.1"]) 2/3.
    let firstF1 = try #require(try Self.metrics(first)["binary_f1"] as? Double)
    let secondF1 = try #require(try Self.metrics(second)["binary_f1"] as? Double)
    #expect(abs(firstF1 - 0.8) < 1e-12)
    #expect(abs(secondF1 - 2.0 / 3.0) < 1e-12)
  }
}
