import Foundation
import Testing
import _TestSupport

/// One command line and what its output must contain to name the positive
/// label.
struct PositiveLabelCase: Sendable, CustomTestStringConvertible {
  var arguments: [String]
  var expected: String

  var testDescription: String { arguments.joined(separator: " ") }

  static let named: [PositiveLabelCase] = {
    let positive = ["--positive", "duplicate"]
    let quick = ["--resamples", "200", "--quiet"]
    let json = ["--format", "json"]
    let jsonKey = #""positive_label": "duplicate""#
    return [
      .init(arguments: ["evaluate", "a.csv"] + positive, expected: "binary f1 (duplicate)"),
      .init(arguments: ["evaluate", "a.csv"] + positive + json, expected: jsonKey),
      .init(
        arguments: ["evaluate", "a.csv", "--format", "csv"] + positive,
        expected: "\nbinary_f1,duplicate,"),
      .init(
        arguments: ["evaluate", "s.csv", "--score-column", "score"] + positive,
        expected: #"scores for positive label "duplicate""#),
      .init(
        arguments: ["compare", "a.csv", "b.csv"] + positive + quick,
        expected: #"Compared on binary_f1 (positive label "duplicate") over 6 items"#),
      .init(arguments: ["compare", "a.csv", "b.csv"] + positive + quick + json, expected: jsonKey),
      .init(
        arguments: ["compare", "x=a.csv,b.csv", "y=b.csv,a.csv"] + positive + quick,
        expected: #"Compared on binary_f1 (positive label "duplicate") over 6 items"#),
      .init(
        arguments: ["compare", "x=a.csv,b.csv", "y=b.csv,a.csv"] + positive + quick + json,
        expected: jsonKey),
      .init(
        arguments: ["compare", "s.csv", "t.csv", "--score-column", "score", "--metric", "roc_auc"]
          + positive + quick,
        expected: #"Compared on roc_auc (positive label "duplicate") over 6 items"#),
      .init(
        arguments: ["compare", "s.csv", "t.csv", "--score-column", "score", "--metric", "roc_auc"]
          + positive + quick + json,
        expected: jsonKey),
      .init(
        arguments: ["advise", "a.csv"] + positive,
        expected: #"positive label: "duplicate" (binary metrics score it)"#),
      .init(arguments: ["advise", "a.csv"] + positive + json, expected: jsonKey),
      // A guessed positive label is named too.
      .init(
        arguments: ["compare", "yes-a.csv", "yes-b.csv"] + quick,
        expected: #"(positive label "yes")"#),
      .init(arguments: ["advise", "yes-a.csv"], expected: #"positive label: "yes""#),
      // The sentences a reader copies into a paper or a CI log name it too.
      .init(
        arguments: ["compare", "a.csv", "b.csv"] + positive + quick,
        expected: #"do not differ significantly on binary F1 (positive label "duplicate"): "#),
      .init(
        arguments: ["compare", "a.csv", "b.csv", "--format", "markdown"] + positive + quick,
        expected: "**Table.** Binary F1 (positive label: duplicate) of each model"),
      .init(
        arguments: ["compare", "a.csv", "b.csv", "--format", "latex"] + positive + quick,
        expected: "on binary F1 for the positive label duplicate (0.667 vs 0.667;"),
      .init(
        arguments: ["compare", "x=a.csv,b.csv", "y=b.csv,a.csv", "--format", "markdown"]
          + positive + quick,
        expected: "**Table.** Binary F1 (positive label: duplicate) of each model"),
      .init(
        arguments: [
          "compare", "s.csv", "t.csv", "--score-column", "score", "--metric", "roc_auc",
          "--format", "markdown",
        ] + positive + quick,
        expected: "ROC-AUC (positive label: duplicate) of each model's scores"),
      .init(
        arguments: ["compare", "s.csv", "t.csv", "--score-column", "score", "--metric", "roc_auc"]
          + positive + quick,
        expected: #"on ROC-AUC (positive label "duplicate"): "#),
      .init(
        arguments: ["gate", "a.csv", "b.csv", "--metric", "binary_f1", "--margin", "0.9"]
          + positive + ["--resamples", "200"],
        expected: #"on binary F1 (positive label "duplicate"): difference"#),
      .init(
        arguments: ["gate", "a.csv", "b.csv", "--metric", "binary_f1", "--margin", "0.9"]
          + positive + ["--resamples", "200"] + json,
        expected: jsonKey),
    ]
  }()
}

@Suite("Every output names the positive label of a binary problem")
struct PositiveLabelOutputTests {
  /// Two models' predictions on six duplicate-question items, their
  /// scores, and the same with yes/no labels.
  static func files() -> TemporaryDirectory {
    let directory = TemporaryDirectory()
    let gold = [
      "duplicate", "not_duplicate", "duplicate", "not_duplicate", "duplicate", "not_duplicate",
    ]
    let first = [
      "duplicate", "duplicate", "not_duplicate", "not_duplicate", "duplicate", "not_duplicate",
    ]
    let second = [
      "duplicate", "not_duplicate", "not_duplicate", "not_duplicate", "duplicate", "duplicate",
    ]
    func predictions(_ predicted: [String], rename: Bool = false) -> String {
      let spell = { (label: String) in rename ? (label == "duplicate" ? "yes" : "no") : label }
      return "id,label,prediction\n"
        + zip(gold, predicted).enumerated().map { "\($0),\(spell($1.0)),\(spell($1.1))\n" }.joined()
    }
    func scores(_ values: [Double]) -> String {
      "id,label,score\n" + zip(gold, values).enumerated().map { "\($0),\($1.0),\($1.1)\n" }.joined()
    }
    _ = directory.write("a.csv", predictions(first))
    _ = directory.write("b.csv", predictions(second))
    _ = directory.write("yes-a.csv", predictions(first, rename: true))
    _ = directory.write("yes-b.csv", predictions(second, rename: true))
    _ = directory.write("s.csv", scores([0.9, 0.6, 0.4, 0.2, 0.8, 0.3]))
    _ = directory.write("t.csv", scores([0.7, 0.1, 0.45, 0.3, 0.9, 0.6]))
    return directory
  }

  @Test("the output names the positive label", arguments: PositiveLabelCase.named)
  func namesPositiveLabel(_ line: PositiveLabelCase) throws {
    let directory = Self.files()
    let result = try runF1Kit(line.arguments, in: directory.url)
    // gate's 1 is a decision too: six items with two labelled differently
    // are too few for it to pass, and the sentence still names the label.
    let statuses: [Int32] = line.arguments[0] == "gate" ? [0, 1] : [0]
    #expect(statuses.contains(result.status), "\(result.standardError)")
    #expect(result.standardOutput.contains(line.expected), "\(result.standardOutput)")
  }

  @Test("a multiclass problem names no positive label")
  func multiclassNamesNone() throws {
    for arguments in [
      ["compare", "fixtures/examples/a.csv", "fixtures/examples/b.csv", "--resamples", "200"],
      ["advise", "fixtures/examples/a.csv"],
    ] {
      for format in ["text", "json"] {
        let result = try runF1Kit(arguments + ["--format", format])
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("positive label"))
        #expect(!result.standardOutput.contains("positive_label"))
      }
    }
  }
}
