import Foundation
import Testing
import _TestSupport

/// Label sets whose numbers are written as pandas writes a float column
/// (`1.0|2.0`) beside gold sets of whole numbers (`1|2`), and label sets
/// that cannot be meant for their gold sets.
@Suite("f1kit reads the numbers of label sets by value")
struct MultilabelNumericLabelCommandTests {
  /// Twelve items' gold and predicted sets of the labels 1, 2 and 3.
  static let items: [(gold: [Int], predicted: [Int])] = [
    ([1, 2], [1, 2]), ([3], [3]), ([1], [1, 3]), ([2, 3], [2]), ([1, 3], [1, 3]), ([2], [1]),
    ([1, 2, 3], [1, 2]), ([3], [3]), ([2], [2]), ([1], []), ([1, 2], [2]), ([3], [2, 3]),
  ]

  /// A CSV file of the items, each set's numbers written by `spelling`.
  static func csv(
    gold: (Int) -> String = { "\($0)" }, predicted: (Int) -> String
  ) -> String {
    "id,label,prediction\n"
      + items.enumerated().map { index, item in
        "\(index),\(item.gold.map(gold).joined(separator: "|")),\(item.predicted.map(predicted).joined(separator: "|"))\n"
      }.joined()
  }

  /// A JSON Lines file of the items, predicted numbers written as floats.
  static func jsonLines(predictedAsFloats: Bool) -> String {
    items.enumerated().map { index, item in
      let predicted = item.predicted.map { predictedAsFloats ? "\($0).0" : "\($0)" }
      return
        "{\"id\": \(index), \"label\": [\(item.gold.map(String.init).joined(separator: ", "))], \"prediction\": [\(predicted.joined(separator: ", "))]}\n"
    }.joined()
  }

  private func document(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// The metrics and labels of `evaluate --format json` on a file.
  private func scores(_ path: String, _ arguments: [String] = []) throws -> (
    labels: [String], metrics: NSDictionary
  ) {
    let result = try runF1Kit(["evaluate", path, "--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.standardError)")
    let json = try document(result)
    return (
      try #require(json["labels"] as? [String]),
      try #require(json["metrics"] as? NSDictionary)
    )
  }

  @Test(
    "gold 1|2 against predictions 1.0|2.0 scores as gold 1|2 against 1|2, with and without --ci and --labels",
    arguments: [[], ["--ci", "--quiet", "--resamples", "200"], ["--labels", "1,2"]])
  func floatSpellingsMatchByValue(arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let whole = folder.write("whole.csv", Self.csv(predicted: { "\($0)" }))
    let floats = folder.write("floats.csv", Self.csv(predicted: { "\($0).0" }))
    let expected = try scores(whole, arguments)
    let found = try scores(floats, arguments)
    #expect(found.labels == expected.labels)
    #expect(
      found.labels.sorted() == (arguments.contains("--labels") ? ["1", "2"] : ["1", "2", "3"]))
    #expect(found.metrics == expected.metrics)
    #expect((found.metrics["micro_f1"] as? Double ?? 0) > 0.5)
  }

  @Test("standard input's 1.0|2.0 with --labels scores as a file of 1|2 does, though read once")
  func standardInputWithLabels() throws {
    let folder = TemporaryDirectory()
    let whole = folder.write("whole.csv", Self.csv(predicted: { "\($0)" }))
    let arguments = ["--problem", "multilabel", "--labels", "2,1", "--format", "json"]
    let expected = try runF1Kit(["evaluate", whole] + arguments)
    let found = try runF1Kit(
      ["evaluate", "-"] + arguments, input: Self.csv(predicted: { "\($0).0" }))
    #expect(found.status == 0, "\(found.standardError)")
    #expect(found.standardOutput == expected.standardOutput)
  }

  /// How `--labels` names the numbers: as the sets write them, and as
  /// a float column prints them.
  static let floatLabels: [(named: String, arguments: [String])] = [
    ("1.0,2.0", []), ("1.0,2.0", ["--ci", "--quiet", "--resamples", "200"]),
    ("[1.0, 2.0]", []),
  ]

  @Test(
    "--labels 1.0,2.0 names the labels the sets write 1 and 2, from a file and standard input",
    arguments: floatLabels)
  func floatNamedLabelsMatchByValue(named: String, arguments: [String]) throws {
    let folder = TemporaryDirectory()
    let whole = folder.write("whole.csv", Self.csv(predicted: { "\($0)" }))
    let merged = folder.write("merged.csv", Self.csv(predicted: { "\($0).0" }))
    let expected = try scores(whole, ["--labels", "1,2"] + arguments)
    #expect(expected.labels == ["1", "2"])
    for path in [whole, merged] {
      let found = try scores(path, ["--labels", named] + arguments)
      #expect(found.labels == expected.labels, "\(path)")
      #expect(found.metrics == expected.metrics, "\(path)")
    }
    let piped = try runF1Kit(
      ["evaluate", "-", "--problem", "multilabel", "--labels", named, "--format", "json"]
        + arguments, input: Self.csv(predicted: { "\($0).0" }))
    #expect(piped.status == 0, "\(piped.standardError)")
    #expect(try document(piped)["metrics"] as? NSDictionary == expected.metrics)
  }

  @Test("compare and report match --labels 1.0,2.0 to label sets that write 1 and 2")
  func compareMatchesFloatNamedLabels() throws {
    let folder = TemporaryDirectory()
    let whole = folder.write("whole.csv", Self.csv(predicted: { "\($0)" }))
    let floats = folder.write("floats.csv", Self.csv(predicted: { "\($0).0" }))
    func compared(_ labels: String) throws -> [Double] {
      let result = try runF1Kit([
        "compare", whole, floats, "--metric", "micro_f1", "--labels", labels, "--resamples",
        "200", "--format", "json",
      ])
      #expect(result.status == 0, "\(result.standardError)")
      let models = try #require(try document(result)["models"] as? [[String: Any]])
      return models.compactMap { $0["value"] as? Double }
    }
    let expected = try compared("1,2")
    #expect(expected.count == 2 && expected[0] > 0.5)
    #expect(try compared("1.0,2.0") == expected)
    func reported(_ labels: String) throws -> String {
      let json = folder.url.appendingPathComponent("r.json").path
      let report = try runF1Kit([
        "report", whole, floats, "--labels", labels, "--out",
        folder.url.appendingPathComponent("r.html").path, "--json", json,
      ])
      #expect(report.status == 0, "\(report.standardError)")
      return try String(contentsOfFile: json, encoding: .utf8)
    }
    let named = try reported("1.0,2.0")
    #expect(named.contains(#""labels": ["1", "2"]"#) || named.contains(#""labels":["1","2"]"#))
    #expect(named == (try reported("1,2")))
  }

  @Test("JSON arrays [1, 2] against [1.0, 2.0] score as [1, 2] against [1, 2]")
  func jsonArraysMatchByValue() throws {
    let folder = TemporaryDirectory()
    let whole = folder.write("whole.jsonl", Self.jsonLines(predictedAsFloats: false))
    let floats = folder.write("floats.jsonl", Self.jsonLines(predictedAsFloats: true))
    let expected = try scores(whole)
    let found = try scores(floats)
    #expect(found.labels == ["1", "2", "3"])
    #expect(found.metrics == expected.metrics)
  }

  @Test("compare pairs a model's 1.0|2.0 with another's 1|2 as the same labels")
  func compareMatchesByValue() throws {
    let folder = TemporaryDirectory()
    let whole = folder.write("whole.csv", Self.csv(predicted: { "\($0)" }))
    let floats = folder.write("floats.csv", Self.csv(predicted: { "\($0).0" }))
    let result = try runF1Kit([
      "compare", whole, floats, "--metric", "micro_f1", "--resamples", "200", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let models = try #require(try document(result)["models"] as? [[String: Any]])
    let values = models.compactMap { $0["value"] as? Double }
    #expect(values.count == 2 && values[0] == values[1] && values[0] > 0.5, "\(models)")
  }

  @Test("a number written two ways beside a label that is no number is refused, naming both")
  func mixedSpellingsBesideTextAreRefused() throws {
    let folder = TemporaryDirectory()
    let file = folder.write(
      "mixed.csv",
      Self.csv(gold: { $0 == 3 ? "other" : "\($0)" }, predicted: { $0 == 3 ? "other" : "\($0).0" }))
    let result = try runF1Kit(["evaluate", file])
    #expect(result.status == 65)
    #expect(
      result.standardError.hasSuffix(
        "Error: \(file): the label sets hold the number \"1\" also written \"1.0\", and labels that are no number (\"other\"), so labels compare as written and \"1\" is not \"1.0\" (numbers compare by value only when every label is one); write every number one way (pandas: cast the float labels to int before joining them), or relabel the labels that are no number\n"
      ), "\(result.standardError)")
  }

  @Test(
    "predicted label sets that differ from the gold ones only in case are refused, as single labels are"
  )
  func caseMismatchIsRefused() throws {
    let folder = TemporaryDirectory()
    let names = [1: "Sports", 2: "Tech", 3: "Art"]
    let file = folder.write(
      "case.csv",
      Self.csv(gold: { names[$0]! }, predicted: { names[$0]!.lowercased() }))
    let result = try runF1Kit(["evaluate", file])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "share none of the gold labels (\"Sports\", \"Tech\", \"Art\"); some labels differ only in case or surrounding spaces; spell them the same way"
      ), "\(result.standardError)")
    let advised = try runF1Kit(["advise", file])
    #expect(advised.status == 65, "\(advised.standardError)")
    // A model that predicts no label at all is no sign of a wrong column.
    let empty = folder.write(
      "empty.csv",
      "label,prediction\n"
        + Self.items.map { "\($0.gold.map { names[$0]! }.joined(separator: "|")),\n" }.joined())
    #expect(try runF1Kit(["evaluate", empty, "--problem", "multilabel"]).status == 0)
  }
}
