import Foundation
import Testing
import _TestSupport

/// Slips a user makes that f1kit used to answer with a confident number or
/// a misleading message: a cut-off checked where none is used, a
/// development file of one class, the gold column read as the model's,
/// counts under an engine's own column names, and a class named by its
/// column instead of its label.
@Suite("user slips: unused cut-offs, one-class tuning, gold as prediction, engine count names")
struct UserSlipCommandTests {
  static func write(_ text: String, named name: String, in folder: TemporaryDirectory) throws
    -> String
  {
    let path = folder.url.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// 40 items with scores on a 0 to 100 scale, every score above 0.5.
  static func percentScores(shift: Int) -> String {
    "label,pct\n"
      + (0..<40).map { "\($0 % 2),\(10 + ($0 * 37 + shift) % 80 + ($0 % 2) * 9)\n" }.joined()
  }

  @Test(
    "a ranking metric reads 0 to 100 scores as they are, and refuses a cut-off it would not use",
    arguments: [
      ["compare", "A", "B", "--metric", "roc_auc", "--resamples", "199", "--quiet"],
      [
        "gate", "A", "B", "--metric", "average_precision", "--margin", "0.05", "--resamples",
        "199", "--quiet",
      ],
    ])
  func rankingMetricOnPercentages(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let first = try Self.write(Self.percentScores(shift: 0), named: "a.csv", in: folder)
    let second = try Self.write(Self.percentScores(shift: 11), named: "b.csv", in: folder)
    let command = arguments.map { $0 == "A" ? first : $0 == "B" ? second : $0 }
    let result = try runF1Kit(command + ["--score-column", "pct"])
    #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
    #expect(!result.standardError.contains("cut-off"), "\(result.standardError)")
    #expect(!result.standardError.contains("threshold"), "\(result.standardError)")
    let cut = try runF1Kit(command + ["--score-column", "pct", "--threshold", "50"])
    #expect(cut.status == 64, "\(cut.standardOutput)")
    #expect(cut.standardError.contains("uses the scores as they are and cuts none"))
  }

  @Test(
    "a paper table of thresholded scores says where each cut-off came from",
    arguments: ["markdown", "latex"])
  func tableCaptionNamesTheCutOff(format: String) throws {
    let folder = TemporaryDirectory()
    let first = try Self.write(Self.percentScores(shift: 0), named: "a.csv", in: folder)
    let second = try Self.write(Self.percentScores(shift: 11), named: "b.csv", in: folder)
    let compared = try runF1Kit([
      "compare", first, second, "--score-column", "pct", "--threshold", "50", "--format", format,
      "--resamples", "199", "-q",
    ])
    #expect(compared.status == 0, "\(compared.standardError)")
    #expect(
      compared.standardOutput.contains(
        "Predicted labels are scores cut at a threshold (positive at or above it): "),
      "\(compared.standardOutput)")
    #expect(compared.standardOutput.contains("threshold 50.0 (given with --threshold)"))
    let evaluated = try runF1Kit([
      "evaluate", first, "--score-column", "pct", "--threshold", "50", "--format", format,
    ])
    #expect(evaluated.standardOutput.contains("threshold 50.0 (given with --threshold)"))
  }

  @Test("tune and curves sweep every cut-off: no warning about 0.5, and curves refuses one")
  func sweepsNeedNoCutOff() throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(Self.percentScores(shift: 3), named: "p.csv", in: folder)
    for command in ["tune", "curves"] {
      let result = try runF1Kit([command, file, "--score-column", "pct"])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardError.isEmpty, "\(command): \(result.standardError)")
    }
    let given = try runF1Kit(["curves", file, "--score-column", "pct", "--threshold", "40"])
    #expect(given.status == 64)
    #expect(
      given.standardError.contains(
        "'curves' sweeps every cut-off; it takes no '--threshold' or '--threshold-from'"))
  }

  @Test(
    "tune refuses a development file of one class, whose cut-offs all score alike",
    arguments: [
      ("0", "no item is of the positive class"), ("1", "every item is of the positive class"),
    ]
  )
  func tuneRefusesOneClass(gold: String, message: String) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(
      "label,score\n" + (1...8).map { "\(gold),0.\($0)\n" }.joined(), named: "dev.csv", in: folder)
    let result = try runF1Kit(["tune", file, "--score-column", "score", "--labels", "0,1"])
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }

  @Test(
    "the gold column read as the prediction or the score is refused with exit 64",
    arguments: [["--pred-column", "label"], ["--score-column", "label"]])
  func goldColumnInAnotherRole(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let file = try Self.write(
      "label,prediction\n" + (0..<12).map { "\($0 % 2),\($0 % 3 == 0 ? 1 : 0)\n" }.joined(),
      named: "same.csv", in: folder)
    let result = try runF1Kit(["evaluate", file] + arguments)
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "the gold column \"label\" is also read as the "), "\(result.standardError)")
  }

  @Test("the gold column named among --pred-columns is refused, not scored as a perfect model")
  func goldColumnAmongPredictionColumns() throws {
    let result = try runF1Kit([
      "compare", "fixtures/r8/test-tfidf-nb.csv", "--pred-columns", "label,prediction", "-q",
    ])
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(
      result.standardError.contains("the gold column \"label\" is also read as the prediction"),
      "\(result.standardError)")
  }

  @Test("an unaliased count(id) is a count column; BigQuery's f0_ is refused as a likely one")
  func engineCountNames() throws {
    let folder = TemporaryDirectory()
    let cells = "0,0,40\n0,1,10\n1,0,5\n1,1,45\n"
    let counted = try Self.write("label,prediction,count(id)\n" + cells, named: "d.csv", in: folder)
    let result = try runF1Kit(["evaluate", counted, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("\"n\": 100"), "\(result.standardOutput)")
    let unnamed = try Self.write("label,prediction,f0_\n" + cells, named: "bq.csv", in: folder)
    let refused = try runF1Kit(["evaluate", unnamed])
    #expect(refused.status == 64, "\(refused.standardOutput)")
    #expect(refused.standardError.contains("give --count-column f0_"), "\(refused.standardError)")
  }

  @Test("a class with no gold items is named by its label in the score notes")
  func absentClassNamedByLabel() throws {
    let folder = TemporaryDirectory()
    let rows = (0..<30).map { item -> String in
      let gold = item % 2 == 0 ? "0" : "2"
      // Some items score class 1 highest, so it is predicted, not gold.
      return item % 3 == 0 ? "\(gold),0.2,0.5,0.3\n" : "\(gold),0.5,0.2,0.3\n"
    }
    let file = try Self.write("label,0,1,2\n" + rows.joined(), named: "s.csv", in: folder)
    let result = try runF1Kit(["evaluate", file, "--score-columns", "0,1,2"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("n/a (class \"1\" has no gold items)"))
  }
}

/// Labels and groups written as pandas and R write a missing value.
@Suite("missing values written as text: nan, NA, None, <NA> as labels and groups")
struct MissingValueTextCommandTests {
  @Test(
    "a label pandas reads as NaN is refused at its place unless --labels names it",
    arguments: ["nan", "NA", "None", "<NA>", "NULL"])
  func missingLabel(text: String) throws {
    let folder = TemporaryDirectory()
    // Text labels: among numbers, nan is refused as a number that is not
    // finite.
    let names = ["neg", "pos"]
    let rows = (0..<20).map { "\(names[$0 % 2]),\($0 == 7 ? text : names[($0 / 3) % 2])\n" }
    let file = try UserSlipCommandTests.write(
      "label,prediction\n" + rows.joined(), named: "p.csv", in: folder)
    let result = try runF1Kit(["evaluate", file])
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "p.csv:9:2: expected a label in field 2, found \"\(text)\", which pandas reads as a missing value (NaN)"
      ), "\(result.standardError)")
    let named = try runF1Kit(["evaluate", file, "--labels", "neg,pos,\(text)"])
    #expect(named.status == 0, "\(named.standardError)")
  }

  @Test(
    "a group pandas reads as NaN is refused at its place, as an empty one is",
    arguments: [["compare", "A", "B"], ["evaluate", "A", "--ci"]])
  func missingGroup(command: [String]) throws {
    let folder = TemporaryDirectory()
    func file(_ name: String, shift: Int) throws -> String {
      let rows = (0..<120).map { item in
        "\(item % 2),\((item + shift) % 3 == 0 ? 1 - item % 2 : item % 2),\(item % 9 == 4 ? "nan" : "q\(item / 3)")\n"
      }
      return try UserSlipCommandTests.write(
        "label,prediction,query\n" + rows.joined(), named: name, in: folder)
    }
    let first = try file("a.csv", shift: 0)
    let second = try file("b.csv", shift: 1)
    let arguments = command.map { $0 == "A" ? first : $0 == "B" ? second : $0 }
    let result = try runF1Kit(arguments + ["--group-column", "query", "-q"])
    #expect(result.status == 65, "\(result.standardOutput)")
    #expect(
      result.standardError.contains(
        "a.csv:6:3: expected a group in field 3 (\"query\"), found \"nan\", which pandas reads as a missing value"
      ), "\(result.standardError)")
  }
}
