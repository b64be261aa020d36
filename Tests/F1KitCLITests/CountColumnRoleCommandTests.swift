import Foundation
import Testing
import _TestSupport

/// A column named `count` is read as a count table's counts: these tests pin
/// down when that reading is refused or warned about (the column plays
/// another role, or the rows look like items), on the score path as on the
/// label path, and that shards' labels are checked once summed.
@Suite("count columns: other roles, score paths, rows that look like items, shards")
struct CountColumnRoleCommandTests {
  static func write(_ text: String, named name: String, in folder: TemporaryDirectory) throws
    -> String
  {
    let path = folder.url.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// `label,count,model_b,model_c`: 30 items, no id, where `count` is a
  /// model's predicted class (0, 1 or 2), not a number of items.
  static let modelNamedCount =
    "label,count,model_b,model_c\n"
    + (0..<30).map { "\($0 % 3),\(($0 / 2) % 3),\(($0 + $0 / 5) % 3),\(($0 + $0 / 7) % 3)\n" }
    .joined()

  /// `label,model_a,model_b,count`: 60 items of two labels, no id, with
  /// `count` the annotators of each item (3 or 5): at most 8 distinct
  /// (label, model_a, model_b) combinations.
  static let annotators =
    "label,model_a,model_b,count\n"
    + (0..<60).map { "\($0 % 2),\(($0 / 3) % 2),\(($0 / 7) % 2),\($0 % 4 == 0 ? 5 : 3)\n" }
    .joined()

  /// The joint count table DuckDB's `GROUP BY label, a, b, c` writes: all
  /// 81 combinations of three labels, one row each.
  static let jointTable: String = {
    var rows = ["label,a,b,c,count"]
    for index in 0..<81 {
      let codes = [index / 27, index / 9 % 3, index / 3 % 3, index % 3]
      let count = codes.dropFirst().filter { $0 == codes[0] }.count * 40 + index % 5 + 1
      rows.append((codes.map { ["x", "y", "z"][$0] } + ["\(count)"]).joined(separator: ","))
    }
    return rows.joined(separator: "\n") + "\n"
  }()

  @Test(
    "a count column that is also a prediction or group column exits 64 naming both roles",
    arguments: [
      (["compare", "--pred-columns", "count,model_b", "--format", "json"], "prediction"),
      (["evaluate", "--pred-columns", "count,model_b"], "prediction"),
      (["evaluate", "--pred-column", "count"], "prediction"),
      (["report", "--pred-columns", "count,model_b", "--out", "r.html"], "prediction"),
      (["compare", "--pred-columns", "model_b,model_c", "--group-column", "count"], "group"),
    ])
  func countColumnWithAnotherRole(arguments: [String], role: String) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.modelNamedCount, named: "mc.csv", in: folder)
    let command = [arguments[0], file] + arguments.dropFirst()
    let result = try runF1Kit(command, in: folder.url)
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "the column \"count\" is both the count column (found by its name) and the \(role) column"
      ), "\(result.standardError)")
    #expect(result.standardError.contains("give --count-column '' to read one item a row"))
    #expect(!result.standardOutput.contains("\"n\""))
    if arguments[0] == "compare", role == "prediction" {
      let items = try runF1Kit(command + ["--count-column", "", "--resamples", "100"])
      #expect(items.status == 0, "\(items.standardError)")
      #expect(items.standardOutput.contains("\"n\": 30"), "\(items.standardOutput)")
    }
  }

  @Test(
    "score columns find a count column by its name, as labels do, and evaluate refuses it as compare does: the ranking metrics would count each row once"
  )
  func scorePathFindsTheCountColumn() throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(
      "label,a_score,b_score,count\n1,0.9,0.8,50\n1,0.4,0.6,10\n0,0.2,0.3,45\n0,0.7,0.4,5\n"
        + "1,0.6,0.2,7\n0,0.1,0.55,9\n",
      named: "sc.csv", in: folder)
    let detected = try runF1Kit(["evaluate", file, "--score-column", "a_score", "--format", "json"])
    let named = try runF1Kit(
      [
        "evaluate", file, "--score-column", "a_score", "--count-column", "count", "--format",
        "json",
      ])
    #expect(detected.status == 65, "\(detected.standardOutput)")
    #expect(detected.standardError == named.standardError)
    #expect(
      detected.standardError.contains(
        "the file is a count table (column \"count\") and has no per-item predictions"),
      "\(detected.standardError)")
    let compared = try runF1Kit(["compare", file, "--score-columns-of", "a=a_score,b=b_score"])
    let compareNamed = try runF1Kit(
      ["compare", file, "--score-columns-of", "a=a_score,b=b_score", "--count-column", "count"])
    #expect(compared.status == 65, "\(compared.standardOutput)")
    #expect(compared.standardError == compareNamed.standardError)
    #expect(
      compared.standardError.contains(
        "the file is a count table (column \"count\") and has no per-item predictions"),
      "\(compared.standardError)")
  }

  @Test(
    "rows far outnumbering the combinations of every column read warn on every path",
    arguments: [
      ["compare", "--pred-columns", "model_a,model_b", "--resamples", "100"],
      ["report", "--pred-columns", "model_a,model_b", "--resamples", "100", "--out", "r.html"],
      [
        "gate", "--pred-columns", "model_a,model_b", "--metric", "macro_f1", "--margin", "0.5",
        "--resamples", "100",
      ],
      ["evaluate", "--pred-columns", "model_a,model_b"],
    ])
  func annotatorCountWarns(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.annotators, named: "annot.csv", in: folder)
    let result = try runF1Kit([arguments[0], file] + arguments.dropFirst(), in: folder.url)
    #expect(
      result.standardError.contains(
        "the column \"count\" makes each of the 60 rows a cell of a count table, but there are only"
      ), "\(result.standardError)")
    #expect(
      result.standardError.contains("distinct combinations of (label, model_a, model_b)"),
      "\(result.standardError)")
    #expect(result.standardError.components(separatedBy: "as if the rows were items").count == 2)
  }

  @Test(
    "a joint count table's rows repeat each model's pairs, and draw no warning",
    arguments: [
      ["evaluate", "--pred-columns", "a,b,c"], ["advise", "--pred-columns", "a,b,c"],
      ["compare", "--pred-columns", "a,b,c", "--resamples", "100"],
    ])
  func jointTableIsQuiet(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.jointTable, named: "counts.csv", in: folder)
    let result = try runF1Kit([arguments[0], file] + arguments.dropFirst())
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("as if the rows were items"), "\(result.standardError)")
  }

  /// A table grouped by query too, 6 queries of the four (label,
  /// prediction) pairs, read without `--group-column`.
  static let groupedTable: String =
    "label,prediction,query,count\n"
    + (0..<24).map { index in
      let pair = ["0,0", "0,1", "1,0", "1,1"][index % 4]
      return
        "\(pair),q\(index / 4),\(index % 4 == 0 || index % 4 == 3 ? 5 + index : 1 + index % 3)\n"
    }.joined()

  @Test(
    "a count table grouped on columns not read draws no warning",
    arguments: [
      ["evaluate", "counts.csv", "--pred-column", "a"],
      ["advise", "counts.csv", "--pred-column", "a"],
      ["evaluate", "grouped.csv"], ["advise", "grouped.csv"],
    ])
  func tableGroupedOnMoreColumnsIsQuiet(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(
      arguments[1] == "counts.csv" ? Self.jointTable : Self.groupedTable, named: arguments[1],
      in: folder)
    let result = try runF1Kit([arguments[0], file] + arguments.dropFirst(2))
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("as if the rows were items"), "\(result.standardError)")
  }

  @Test(
    "shards of a count table split by hash are checked for labels once summed",
    arguments: [
      ["compare", "--pred-columns", "model_a,model_b", "--resamples", "100"],
      ["evaluate", "--pred-columns", "model_a,model_b"], ["evaluate", "--pred-column", "model_b"],
      ["advise", "--pred-columns", "model_a,model_b"],
      ["report", "--pred-columns", "model_a,model_b", "--resamples", "100", "--out", "r.html"],
      [
        "gate", "--pred-columns", "model_a,model_b", "--metric", "macro_f1", "--margin", "0.5",
        "--resamples", "100",
      ],
    ])
  func shardsCheckedOnceSummed(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let header = "label,model_a,model_b,count\n"
    let shards = try [
      "neutral,neutral,neutral,90\nneutral,entailment,entailment,30\nentailment,neutral,neutral,10\n",
      "entailment,entailment,entailment,100\n",
      // Alone, this shard's model_b shares no label with its gold labels.
      "contradiction,contradiction,entailment,50\n",
    ].enumerated().map { try Self.write(header + $1, named: "s\($0).csv", in: folder) }
    let result = try runF1Kit([arguments[0]] + shards + arguments.dropFirst(), in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("share none"), "\(result.standardError)")
    // Summed, labels that do not fit are still refused.
    let wrong = try [
      "neutral,a,a,90\nneutral,b,b,30\n", "entailment,a,a,100\n",
    ].enumerated().map { try Self.write(header + $1, named: "w\($0).csv", in: folder) }
    let refused = try runF1Kit([arguments[0]] + wrong + arguments.dropFirst(), in: folder.url)
    #expect(refused.status == 65)
    #expect(
      refused.standardError.contains(
        "Error: \(wrong[0]) + \(wrong[1]): the predicted labels (\"a\", \"b\") share none of the gold labels"
      ), "\(refused.standardError)")
  }

  @Test("an empty string in a count table is told from a NULL, each with the SQL that drops it")
  func emptyStringOrNull() throws {
    let folder = TemporaryDirectory()
    for (cell, fix) in [
      ("\"\"", "found \"\", an empty string, not a NULL"),
      ("", "found an empty field, as SQL clients print NULL"),
    ] {
      let file = try Self.write(
        "label,model_a,model_b,count\na,\(cell),b,5\nb,b,a,3\na,a,a,4\n", named: "e.csv",
        in: folder)
      let result = try runF1Kit(["evaluate", file, "--pred-columns", "model_a,model_b"])
      #expect(result.status == 65)
      #expect(result.standardError.contains(fix), "\(result.standardError)")
      let sql =
        cell.isEmpty
        ? "(WHERE model_a IS NOT NULL)"
        : "(WHERE model_a <> '') or keep them as a class (COALESCE(NULLIF(model_a, ''), 'none'))"
      #expect(result.standardError.contains(sql), "\(result.standardError)")
    }
  }

  @Test(
    "a score metric with --pred-columns points to --score-columns-of",
    arguments: ["compare", "gate"])
  func scoreMetricWithPredictionColumns(command: String) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.jointTable, named: "counts.csv", in: folder)
    let gate = command == "gate" ? ["--margin", "0.5"] : []
    let result = try runF1Kit(
      [command, file, "--pred-columns", "a,b", "--metric", "roc_auc"] + gate)
    #expect(result.status == 64)
    #expect(
      result.standardError.contains(
        "score metrics cannot yet be compared with --pred-columns; give each model's score column with --score-columns-of"
      ), "\(result.standardError)")
  }

  @Test(
    "weighted items and the count table of the same items give the same sums",
    arguments: [["--positive", "a"], ["--positive", "a", "--ci", "--resamples", "100"]])
  func weightedItemsEqualTheirCounts(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    // Weights of 0.1, added one at a time, drift from 0.1 × count.
    let cells = [("a", "a", 10), ("b", "b", 7), ("a", "b", 3), ("b", "a", 4)]
    let items = try Self.write(
      "label,pred,weight\n"
        + cells.map { String(repeating: "\($0),\($1),0.1\n", count: $2) }.joined(),
      named: "wi.csv", in: folder)
    let counts = try Self.write(
      "label,pred,weight,count\n" + cells.map { "\($0),\($1),0.1,\($2)\n" }.joined(),
      named: "wc.csv", in: folder)
    let command = ["--weight-column", "weight", "--format", "json"] + arguments
    let fromItems = try runF1Kit(["evaluate", items] + command)
    let fromCounts = try runF1Kit(["evaluate", counts] + command)
    #expect(fromItems.status == 0, "\(fromItems.standardError)")
    #expect(
      fromItems.standardOutput.contains(
        "\"confusion_matrix\": [[1.0, 0.30000000000000004], [0.4, 0.7000000000000001]]"),
      "\(fromItems.standardOutput)")
    #expect(fromItems.standardOutput == fromCounts.standardOutput)
  }
}
