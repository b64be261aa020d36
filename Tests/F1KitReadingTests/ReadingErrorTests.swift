import F1Kit
import F1KitReading
import Testing

@Suite("Prediction file errors")
struct ReadingErrorTests {
  /// A malformed CSV input and the description it must give, less the path.
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var message: String
    var name = "preds.csv"
    var options = PredictionFileOptions()
    var readsItems = false
    var testDescription: String { message }
  }

  static let cases: [Case] = [
    Case(text: "", message: ":1:1: the file is empty; expected a header and data rows"),
    Case(text: "\u{FEFF}\n\n", message: ":1:1: the file is empty; expected a header and data rows"),
    Case(text: "label,prediction\n", message: ":2:1: the file has a header but no data rows"),
    Case(text: "label,prediction\n\n", message: ":3:1: the file has a header but no data rows"),
    Case(
      text: "id,truth,prediction\n1,a,b\n",
      message:
        #":1:1: no gold column: expected one of "label", "gold", "y_true", "target"; found "id", "truth", "prediction""#
    ),
    Case(
      text: "label,guess\na,b\n",
      message:
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", "guess""#
    ),
    Case(
      text: "label,prediction\na,b\n",
      message: #":1:1: no score column: expected "p"; found "label", "prediction""#,
      options: .init(scoreColumn: "p")),
    Case(
      text: "label,prediction\na,b\n",
      message: #":1:1: no id column: expected "key"; found "label", "prediction""#,
      options: .init(idColumn: "key")),
    Case(
      text: "[{\"label\":\"a\",\"prediction\":\"b\"}]",
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON array of objects, as pandas' df.to_json(path, orient="records") and DuckDB's COPY … TO … (FORMAT JSON, ARRAY true) write; write df.to_json(path, orient="records", lines=True), or COPY without ARRAY true, instead"#
    ),
    Case(
      text: "\u{FEFF}[\n  {\n    \"label\": \"a\",\n    \"prediction\": \"b\"\n  }\n]\n",
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON array of objects, as pandas' df.to_json(path, orient="records") and DuckDB's COPY … TO … (FORMAT JSON, ARRAY true) write; write df.to_json(path, orient="records", lines=True), or COPY without ARRAY true, instead"#,
      name: "preds.jsonl"),
    Case(
      text: #"{"label":{"0":1,"1":0},"prediction":{"0":1,"1":1}}"#,
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON object of columns, each an object keyed by the row index, as pandas' df.to_json(path) writes; write df.to_json(path, orient="records", lines=True) instead"#,
      name: "preds.json"),
    Case(
      text:
        "{\n    \"label\": {\n        \"0\": 1\n    },\n    \"prediction\": {\n        \"0\": 1\n    }\n}",
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON object of columns, each an object keyed by the row index, as pandas' df.to_json(path) writes; write df.to_json(path, orient="records", lines=True) instead"#,
      name: "preds.json"),
    Case(
      text: #"{"0":{"label":1,"prediction":1},"1":{"label":0,"prediction":1}}"#,
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON object of rows keyed by the row index, as pandas' df.to_json(path, orient="index") writes; write df.to_json(path, orient="records", lines=True) instead"#,
      name: "preds.json"),
    Case(
      text: #"{"columns":["label","prediction"],"index":[0,1],"data":[[1,1],[0,1]]}"#,
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON object of "columns", "index" and "data", as pandas' df.to_json(path, orient="split") writes; write df.to_json(path, orient="records", lines=True) instead"#,
      name: "preds.json"),
    Case(
      text: #"{"schema":{"fields":[{"name":"label","type":"integer"}]},"data":[{"label":1}]}"#,
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON object of a "schema" and "data", as pandas' df.to_json(path, orient="table") writes; write df.to_json(path, orient="records", lines=True) instead"#,
      name: "preds.json"),
    Case(
      text: "[[1,1],[0,1]]",
      message:
        #":1:1: expected one JSON object per line (JSON Lines), found one JSON array of rows, each an array of values without column names, as pandas' df.to_json(path, orient="values") writes; write df.to_json(path, orient="records", lines=True) instead"#,
      name: "preds.json"),
    Case(
      text: #"{"meta":{"source":"x"},"label":1}"# + "\n",
      message:
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "meta", "label""#,
      name: "preds.jsonl"),
    Case(
      text: "id,Query,label,prediction\n1,q,a,b\n",
      message:
        #":1:1: no id column: expected "qurey"; found "id", "Query", "label", "prediction"; did you mean "Query"?"#,
      options: .init(idColumn: "qurey")),
    Case(
      text: "id,query,label,prediction\n1,q,a,b\n",
      message:
        #":1:1: no gold column: expected "LABLE"; found "id", "query", "label", "prediction"; did you mean "label"?"#,
      options: .init(goldColumn: "LABLE")),
    Case(
      text: "label, prediction\n1, 1\n",
      message:
        #":1:1: no prediction column: expected one of "prediction", "pred", "y_pred"; found "label", " prediction"; column " prediction" has spaces around its name, as a file written with ", " between fields has, and its values would keep theirs too: write it without spaces beside the delimiters (pandas' to_csv writes none)"#
    ),
    Case(
      text: "id,label,prediction\n1,a,b\n",
      message:
        #":1:1: no gold column: expected "LABEL "; found "id", "label", "prediction"; did you mean "label"?"#,
      options: .init(goldColumn: "LABEL ")),
    Case(
      text: "label,prediction\na,b\nc,d,e\n",
      message: ":3:3: expected 2 fields as in the header, found 3 in field 3"),
    Case(
      text: "label,prediction\na,b\nc\n",
      message: ":3:2: expected 2 fields as in the header, found 1 in field 2"),
    Case(
      text: "label,prediction\na,b\nc,\"d\ne\n",
      message: ":3:2: unterminated quoted field in field 2 starts here"),
    Case(
      text: "label,prediction\n\"x\ny\",b\nc,\"d\n",
      message: ":4:2: unterminated quoted field in field 2 starts here"),
    Case(
      text: "label,prediction\na,b\"c\n",
      message:
        ":2:2: a double quote inside an unquoted field in field 2; quote the whole field and double the quote"
    ),
    Case(
      text: "label,prediction\n\"a\"x,b\n",
      message:
        #":2:1: expected a delimiter or the end of the record after a closing quote in field 1, found "x""#
    ),
    Case(
      text: "label,score\na,0.5\na,abc\n",
      message: #":3:2: expected a number in field 2 ("score"), found "abc""#,
      options: .init(scoreColumn: "score")),
    Case(
      text: "label,score\na,\n",
      message:
        #":2:2: expected a number in field 2 ("score"), found "", an empty field, as pandas writes a missing value (NaN); drop the rows without a score (df.dropna(subset=["score"])) or fill them in"#,
      options: .init(scoreColumn: "score")),
    Case(
      text: "label,score\na, 0.5\n",
      message: #":2:2: expected a number in field 2 ("score"), found " 0.5""#,
      options: .init(scoreColumn: "score")),
    Case(
      text: "label,score\na,NaN\n",
      message: #":2:2: expected a finite score in field 2 ("score"), found "NaN""#,
      options: .init(scoreColumn: "score")),
    Case(
      text: "label,a,b\nx,-inf,1\n",
      message: #":2:2: expected a finite score in field 2 ("a"), found "-inf""#,
      options: .init(scoreColumns: ["a", "b"])),
    Case(
      text: "label,score\na,1e999\n",
      message: #":2:2: expected a finite score in field 2 ("score"), found "1e999""#,
      options: .init(scoreColumn: "score")),
    Case(
      text: "label,s\na,\"[0.1, nan]\"\n",
      message: #":2:2: expected a finite score in field 2 ("s"), found "nan""#,
      options: .init(scoreArrayColumn: "s")),
    Case(
      text: "label,s\na,\"[0.1, x]\"\n",
      message: #":2:2: expected a number in field 2 ("s"), found "x""#,
      options: .init(scoreArrayColumn: "s")),
    Case(
      text: "label,s\na,\"[0.1, 0.9]\"\nb,\"[1]\"\n",
      message: #":3:2: expected 2 scores in field 2 ("s"), found 1"#,
      options: .init(scoreArrayColumn: "s")),
    Case(
      text: "label,s\na,0.5\n",
      message: #":2:2: expected an array of numbers in field 2 ("s"), found "0.5""#,
      options: .init(scoreArrayColumn: "s")),
    Case(
      text: "label,prediction,count\na,b,-1\n",
      message: #":2:3: expected a non-negative integer count in field 3 ("count"), found "-1""#),
    Case(
      text: "label,prediction,count\na,b,2.5\n",
      message: #":2:3: expected a non-negative integer count in field 3 ("count"), found "2.5""#),
    Case(
      text: "label,prediction,count\na,b,99999999999999999999\n",
      message:
        #":2:3: expected a count of at most 9007199254740992 (2^53, the most items F1Kit counts exactly) in field 3 ("count"), found "99999999999999999999", which is too large"#
    ),
    Case(
      text: "label,prediction,n\na,b,95718.0\n",
      message:
        #":2:3: expected a non-negative integer count in field 3 ("n"), found "95718.0", a whole number written as a float, as pandas writes an integer column that held a missing value (NaN); write the counts as integers: df["n"] = df["n"].astype("int64") (in SQL, CAST(COUNT(*) AS BIGINT))"#,
      options: .init(countColumn: "n")),
    Case(
      text: "label,prediction,count\na,b,7.00\n",
      message:
        #":2:3: expected a non-negative integer count in field 3 ("count"), found "7.00", a whole number written as a float, as pandas writes an integer column that held a missing value (NaN); write the counts as integers: df["count"] = df["count"].astype("int64") (in SQL, CAST(COUNT(*) AS BIGINT))"#
    ),
    Case(
      text: "label,prediction,count\na,b,-1.0\n",
      message: #":2:3: expected a non-negative integer count in field 3 ("count"), found "-1.0""#),
    Case(
      text: "label,prediction,count\na,b,.0\n",
      message: #":2:3: expected a non-negative integer count in field 3 ("count"), found ".0""#),
    Case(
      text: "label,prediction,count\na,b,3.\n",
      message: #":2:3: expected a non-negative integer count in field 3 ("count"), found "3.""#),
    Case(
      text: "label,prediction,count\na,b,NULL\n",
      message:
        #":2:3: expected a non-negative integer count in field 3 ("count"), found "NULL", which looks like a SQL NULL; leave such rows out (WHERE count IS NOT NULL) or count them as 0 (COALESCE(count, 0))"#
    ),
    Case(
      text: "label,prediction,count\na,b,\\N\n",
      message:
        #":2:3: expected a non-negative integer count in field 3 ("count"), found "\\N", which looks like a SQL NULL; leave such rows out (WHERE count IS NOT NULL) or count them as 0 (COALESCE(count, 0))"#
    ),
    Case(
      text: "label,prediction,count\na,b,\n",
      message:
        #":2:3: expected a non-negative integer count in field 3 ("count"), found "", which looks like a SQL NULL; leave such rows out (WHERE count IS NOT NULL) or count them as 0 (COALESCE(count, 0))"#
    ),
    Case(
      text: "label,prediction,count\n,b,3\n",
      message:
        #":2:1: expected a label in field 1 ("label"), found an empty field, as SQL clients print NULL and pandas writes a missing value (NaN); in SQL, leave such rows out (WHERE label IS NOT NULL) or keep them as a class (COALESCE(label, 'none')); in pandas, drop them (df.dropna(subset=["label"])) or fill them in"#
    ),
    Case(
      text: "gold label,model_a,count\na,,3\n",
      message:
        #":2:2: expected a label in field 2 ("model_a"), found an empty field, as SQL clients print NULL and pandas writes a missing value (NaN); in SQL, leave such rows out (WHERE model_a IS NOT NULL) or keep them as a class (COALESCE(model_a, 'none')); in pandas, drop them (df.dropna(subset=["model_a"])) or fill them in"#,
      options: .init(goldColumn: "gold label", predictionColumn: "model_a")),
    Case(
      text: "gold label,model_a,count\n,a,3\n",
      message:
        #":2:1: expected a label in field 1 ("gold label"), found an empty field, as SQL clients print NULL and pandas writes a missing value (NaN); in SQL, leave such rows out (WHERE "gold label" IS NOT NULL) or keep them as a class (COALESCE("gold label", 'none')); in pandas, drop them (df.dropna(subset=["gold label"])) or fill them in"#,
      options: .init(goldColumn: "gold label", predictionColumn: "model_a")),
    Case(
      text: "label,prediction,count\na,b,4503599627370496\na,b,4503599627370497\n",
      message:
        ":3:3: the counts add up to more than 9007199254740992 items in field 3, the most F1Kit counts exactly"
    ),
    Case(
      text: "id,label,prediction\nx,a,b\ny,a,b\n\"x\",b,b\n",
      message: #":4:1: duplicate id "x" in field 1 ("id"), first seen on line 2"#, readsItems: true),
    Case(
      text: "label,prediction,count\na,b,1\n",
      message:
        #":1:1: the file is a count table (column "count") and has no per-item predictions; give the file of items, or compare models from counts in one joint table read with --pred-columns (GROUP BY label, model_a, model_b, each model a column); if its rows are items after all, give --count-column '' to read them so"#,
      readsItems: true),
    Case(
      text: "label,score\nx,0.5\ny,0.1\nz,0.9\n",
      message:
        #": a thresholded score needs exactly two labels (gold labels and the given labels); found "x", "y", "z""#,
      options: .init(scoreColumn: "score")),
    Case(
      text: "label,score\nx,0.5\n",
      message:
        #": a thresholded score needs exactly two labels (gold labels and the given labels); found "x""#,
      options: .init(scoreColumn: "score")),
  ]

  @Test("reports the line and field of a malformed CSV input", arguments: cases)
  func reportsCSVProblems(problem: Case) throws {
    for chunkSize in [1, 3, PredictionFileOptions.defaultChunkSize] {
      var options = problem.options
      options.chunkSize = chunkSize
      let failure = try PredictionFileFixture.failure(
        problem.text, name: problem.name, options: options, readsItems: problem.readsItems)
      #expect(failure?.message == problem.message, "chunk size \(chunkSize)")
    }
  }

  @Test("gives the location and reason as values")
  func exposesLocation() throws {
    let failure = try #require(
      try PredictionFileFixture.failure(
        "label,score\na,0.5\na,abc\n", options: .init(scoreColumn: "score")))
    #expect(failure.error.location == .init(line: 3, column: 2, unit: .field))
    #expect(failure.error.reason == .invalidNumber(column: "score", found: "abc"))
  }

  /// UTF-16 text of `text`, with or without a byte order mark.
  static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
    let units = (mark ? [0xFEFF] : []) + Array(text.utf16)
    return units.flatMap { unit in
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      return bigEndian ? [high, low] : [low, high]
    }
  }

  @Test(
    "names UTF-16 text, compressed files and lone-CR line ends instead of reading them as UTF-8",
    arguments: [
      (utf16("label,prediction\na,b\n", bigEndian: false, mark: true), "UTF-16 little-endian text"),
      (utf16("label,prediction\na,b\n", bigEndian: true, mark: true), "UTF-16 big-endian text"),
      (
        utf16("label,prediction\na,b\n", bigEndian: false, mark: false), "UTF-16 little-endian text"
      ),
      ([0x1F, 0x8B, 0x08, 0x00, 0x00], "a gzip-compressed file"),
      ([0x50, 0x4B, 0x03, 0x04, 0x14], "a ZIP archive"),
      (Array("PAR1\u{15}\u{04}".utf8), "a Parquet file"),
      (Array("label,prediction\ra,b\rb,b\r".utf8), "a carriage return alone"),
    ])
  func namesForeignText(bytes: [UInt8], phrase: String) throws {
    let failure = try #require(try PredictionFileFixture.failure(bytes: bytes))
    #expect(failure.message.hasPrefix(":1:1: "), "\(failure.message)")
    #expect(failure.message.contains(phrase), "\(failure.message)")
    let path = try PredictionFileFixture.write(bytes: bytes)
    #expect(throws: PredictionFileError.self) {
      _ = try LabelSetReader(path: path, options: LabelSetOptions()).readMultilabel()
    }
  }

  /// Files pandas writes for other suffixes (`.bz2`, `.xz`, `.zst`,
  /// `.tar`, `to_pickle`), and bytes with a NUL, which no text has.
  static let binaryFiles: [([UInt8], String)] = {
    let tarHeader: [UInt8] =
      Array("p.csv".utf8) + [UInt8](repeating: 0, count: 252) + Array("ustar".utf8) + [0, 0x30]
    return [
      (Array("BZh91AY&SY".utf8), "a bzip2-compressed file"),
      ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], "an xz-compressed file"),
      ([0x28, 0xB5, 0x2F, 0xFD, 0x24], "a Zstandard-compressed file"),
      ([0x80, 0x04, 0x95, 0x10, 0x00], "a Python pickle"),
      (tarHeader, "a tar archive"),
      (Array("label,prediction\n".utf8) + [0x00, 0x01, 0x02], "a binary file"),
    ]
  }()

  @Test("names bzip2, xz, Zstandard, tar, pickle and other binary files", arguments: binaryFiles)
  func namesBinaryFiles(bytes: [UInt8], phrase: String) throws {
    let failure = try #require(try PredictionFileFixture.failure(bytes: bytes))
    #expect(
      failure.message.hasPrefix(":1:1: expected CSV, TSV or JSON Lines text, found \(phrase)"),
      "\(failure.message)")
  }

  @Test("CRLF line ends and a CR inside a quoted field are read as usual")
  func readsCarriageReturnsThatEndNoLine() throws {
    #expect(try PredictionFileFixture.counts("label,prediction\r\na,b\r\n") == ["a→b": 1])
    #expect(try PredictionFileFixture.counts("label,prediction\na,\"b\rc\"\n") == ["a→b\rc": 1])
  }

  @Test("reports invalid UTF-8 in the header and in labels")
  func reportsInvalidUTF8() throws {
    let header = try PredictionFileFixture.failure(
      bytes: Array("label,pred".utf8) + [0xFF] + Array("\na,b\n".utf8))
    // Each names the likely encoding, Excel's, and how to convert it.
    let hint =
      #"; the file is likely Latin-1 or Windows-1252 text, as Excel on Windows saves "CSV": convert it to UTF-8 (iconv -f windows-1252 -t utf-8 FILE > OUT, or in pandas pd.read_csv(FILE, encoding="cp1252").to_csv(OUT, index=False, encoding="utf-8"))"#
    #expect(header?.message == ":1:2: invalid UTF-8 in the header in field 2" + hint)
    let label = try PredictionFileFixture.failure(
      bytes: Array("label,prediction\na,b\nc,".utf8) + [0xC3, 0x28, 0x0A])
    #expect(label?.message == #":3:2: invalid UTF-8 in field 2 ("prediction")"# + hint)
    let id = try PredictionFileFixture.failure(
      bytes: Array("id,label,prediction\n".utf8) + [0xE9] + Array(",a,b\n".utf8), readsItems: true)
    #expect(id?.message == #":2:1: invalid UTF-8 in field 1 ("id")"# + hint)
  }

  @Test(
    "reports the line and byte of a malformed JSON line",
    arguments: [
      (
        "{\"label\": \"a\", \"prediction\": \"b\"}\n{\"label\": \"a\" \"prediction\": \"b\"}\n",
        ":2:15: malformed JSON at byte 15: expected ',' or '}' after a value"
      ),
      (
        "{\"label\": \"a\", \"prediction\": \"b\"}\n[1, 2]\n",
        ":2:1: malformed JSON at byte 1: expected '{' to start an object"
      ),
      (
        "\n{\"label\": \"a\", \"prediction\": \"b}\n",
        ":2:30: malformed JSON at byte 30: expected a closing '\"' for the string that starts here"
      ),
      (
        "{\"label\": \"a\", \"prediction\": \"b\"} x\n",
        ":1:35: malformed JSON at byte 35: expected the end of the line after the object"
      ),
      (
        "{\"label\": \"a\\q\", \"prediction\": \"b\"}\n",
        ":1:13: malformed JSON at byte 13: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'"
      ),
      (
        "{\"label\": 01, \"prediction\": \"b\"}\n",
        ":1:12: malformed JSON at byte 12: expected ',' or '}' after a value"
      ),
      (
        "{\"label\": \"a\", \"prediction\": \"b\"}\n{\"label\": \"a\"}\n",
        #":2:14: missing key "prediction" at byte 14; a JSON writer that leaves out NULL fields (Spark's, by default) writes a SQL NULL so: in SQL, leave such rows out (WHERE prediction IS NOT NULL) or keep them as a class (COALESCE(prediction, 'none'))"#
      ),
      (
        "{\"label\": null, \"prediction\": \"b\"}\n",
        #":1:11: expected a label at byte 11 ("label"), found null, as pandas' to_json writes a missing value (NaN); drop the rows without a label (df.dropna(subset=["label"])) or fill them in; if the file holds label sets, where null is no labels, add --problem multilabel"#
      ),
      (
        "{\"label\": \"a\", \"prediction\": [1]}\n",
        #":1:30: expected a label (a string, number or Boolean) at byte 30 ("prediction"), found an array"#
      ),
      ("{\"id\": \"x\", \"label\": \"a\", \"prediction\": \"b\"}\n", nil),
      ("\n\n", ":1:1: the file is empty; expected a header and data rows"),
      (
        "{\"label\": \"a\", \"prediction\": \"b\"}\n{\"label\": \"c\", \"prediction\": \"\\ud800\"}\n",
        ":2:37: malformed JSON at byte 37: expected a low surrogate '\\u' escape after a high surrogate"
      ),
    ] as [(String, String?)])
  func reportsJSONProblems(text: String, message: String?) throws {
    for chunkSize in [2, PredictionFileOptions.defaultChunkSize] {
      let failure = try PredictionFileFixture.failure(
        text, name: "p.jsonl", options: .init(chunkSize: chunkSize))
      #expect(failure?.message == message, "chunk size \(chunkSize)")
    }
  }

  @Test("reports scores and ids in JSON lines at their byte")
  func reportsJSONValueProblems() throws {
    let score = try PredictionFileFixture.failure(
      "{\"label\": \"a\", \"p\": NaN}\n", name: "p.jsonl", options: .init(scoreColumn: "p"))
    #expect(score?.message == #":1:21: expected a finite score at byte 21 ("p"), found "NaN""#)
    let id = try PredictionFileFixture.failure(
      "{\"id\": 7, \"label\": \"a\", \"prediction\": \"b\"}\n{\"id\": 7, \"label\": \"a\", \"prediction\": \"b\"}\n",
      name: "p.jsonl", readsItems: true)
    #expect(id?.message == #":2:8: duplicate id "7" at byte 8 ("id"), first seen on line 1"#)
  }

  @Test(
    "rejects contradictory options before reading",
    arguments: [
      (
        PredictionFileOptions(predictionColumn: "p", scoreColumn: "s"),
        "invalid options: the prediction can come from only one of predictionColumn, scoreColumn"
      ),
      (
        PredictionFileOptions(scoreColumns: ["a"], scoreArrayColumn: "s"),
        "invalid options: the prediction can come from only one of scoreColumns, scoreArrayColumn"
      ),
      (PredictionFileOptions(chunkSize: 0), "invalid options: chunkSize must be at least 1, not 0"),
      (
        PredictionFileOptions(threshold: .nan), "invalid options: threshold must be finite, not nan"
      ),
      (PredictionFileOptions(labels: ["a", "a"]), "invalid options: labels has a repeated label"),
    ])
  func rejectsOptions(options: PredictionFileOptions, message: String) {
    #expect(
      throws: PredictionFileError(
        path: "x.csv", reason: .invalidOptions(String(message.dropFirst(17))))
    ) {
      try PredictionReader(path: "x.csv", options: options)
    }
    #expect((try? PredictionReader(path: "x.csv", options: options)) == nil)
    do {
      _ = try PredictionReader(path: "x.csv", options: options)
    } catch {
      #expect(error.description == "x.csv: \(message)")
    }
  }

  @Test("reports a file that cannot be opened, on one line")
  func reportsMissingFile() throws {
    let reader = try PredictionReader(path: "/nonexistent/preds.csv")
    #expect(throws: PredictionFileError.self) { try reader.readCounts() }
    do {
      _ = try reader.readCounts()
    } catch {
      #expect(
        error.description
          == "/nonexistent/preds.csv: cannot open the file: No such file or directory")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test("keeps messages on one line when values contain line breaks")
  func keepsMessagesOnOneLine() throws {
    let failure = try PredictionFileFixture.failure(
      "label,score\na,\"1\n2\"\n", options: .init(scoreColumn: "score"))
    #expect(failure?.message == #":2:2: expected a number in field 2 ("score"), found "1\n2""#)
  }
}
