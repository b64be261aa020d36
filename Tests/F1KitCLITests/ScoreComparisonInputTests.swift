import Foundation
import Testing
import _TestSupport

@Suite("compare and gate on scores: pairing by id, the metric's fit to the scores, cut-off lists")
struct ScoreComparisonInputTests {
  static let gold = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
  static let baseline = [0.9, 0.3, 0.6, 0.45, 0.5, 0.1, 0.8, 0.35, 0.55, 0.2]
  static let candidate = [0.7, 0.4, 0.65, 0.3, 0.6, 0.2, 0.85, 0.5, 0.4, 0.1]

  /// A file of gold labels and one binary score column.
  private static func scoreFile(_ scores: [Double]) -> String {
    "label,score\n" + zip(gold, scores).map { "\($0),\($1)\n" }.joined()
  }

  /// A file of gold labels and the two per-class columns `0` and `1`, as
  /// `predict_proba` gives them.
  private static func twoColumnFile(_ scores: [Double], labels: (String, String) = ("0", "1"))
    -> String
  {
    var text = "label,\(labels.0),\(labels.1)\n"
    for (item, score) in scores.enumerated() {
      text += "\(gold[item] == 1 ? labels.1 : labels.0),\(1 - score),\(score)\n"
    }
    return text
  }

  @Test("a score file with ids beside one without is refused as the label path refuses it, exit 65")
  func refusesIDsInOneScoreFile() throws {
    let directory = TemporaryDirectory()
    // Both sorted by gold label, the candidate with its ids and its items
    // of each class in the other order: paired by row, the gold labels
    // agree but each item meets another item of the baseline.
    let baselineOrder = Self.gold.indices.sorted { (Self.gold[$0], $0) < (Self.gold[$1], $1) }
    let candidateOrder = Self.gold.indices.sorted { (Self.gold[$0], -$0) < (Self.gold[$1], -$1) }
    directory.write(
      "base.csv",
      "label,score\n" + baselineOrder.map { "\(Self.gold[$0]),\(Self.baseline[$0])\n" }.joined())
    directory.write(
      "cand.csv",
      "id,label,score\n"
        + candidateOrder.map { "\($0),\(Self.gold[$0]),\(Self.candidate[$0])\n" }.joined())
    let expected =
      "Error: base.csv: expected an id column, as cand.csv has, found none; without ids in every file the rows would pair by position"
    for arguments in [
      ["gate", "base.csv", "cand.csv", "--metric", "roc_auc", "--margin", "0.05"],
      ["compare", "base.csv", "cand.csv", "--metric", "roc_auc"],
      ["compare", "base.csv", "cand.csv", "--metric", "f1"],
    ] {
      let result = try runF1Kit(
        arguments + ["--score-column", "score", "--resamples", "199", "-q"], in: directory.url)
      #expect(result.status == 65, "\(arguments): \(result.standardOutput)")
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
    }
  }

  @Test(
    "binary average precision and ROC-AUC read the positive label's column of two per-class columns, as scikit-learn's P[:, 1]"
  )
  func binaryMetricsOfTwoColumns() throws {
    let directory = TemporaryDirectory()
    directory.write("base.csv", Self.twoColumnFile(Self.baseline))
    directory.write("cand.csv", Self.twoColumnFile(Self.candidate))
    let options = ["--score-columns", "0,1", "--resamples", "199", "-q"]
    // roc_auc_score(y, P[:, 1]): 0.96 and 0.78; average_precision_score:
    // 0.966667 and 0.839286.
    for (metric, values) in [
      ("roc_auc", ["0.9600", "0.7800"]), ("average_precision", ["0.9667", "0.8393"]),
    ] {
      let compare = try runF1Kit(
        ["compare", "base.csv", "cand.csv", "--metric", metric] + options, in: directory.url)
      #expect(compare.status == 0, "\(compare.standardError)")
      #expect(
        compare.standardOutput.contains("(positive label \"1\")"), "\(compare.standardOutput)")
      for value in values {
        #expect(compare.standardOutput.contains(value), "\(metric): \(compare.standardOutput)")
      }
      let gate = try runF1Kit(
        ["gate", "base.csv", "cand.csv", "--metric", metric, "--margin", "0.05"] + options,
        in: directory.url)
      #expect(gate.status == 1, "\(gate.standardError)")
      #expect(gate.standardOutput.hasPrefix("FAIL: "))
      #expect(!gate.standardOutput.contains("undefined"), "\(gate.standardOutput)")
    }
    // --positive 0 reads the other column:
    // average_precision_score(y == 0, P[:, 0]) = 0.796190 for the candidate.
    let negative = try runF1Kit(
      ["compare", "cand.csv", "cand.csv", "--metric", "average_precision", "--positive", "0"]
        + options, in: directory.url)
    #expect(negative.status == 0, "\(negative.standardError)")
    #expect(negative.standardOutput.contains("(positive label \"0\")"))
    #expect(negative.standardOutput.contains("0.7962"), "\(negative.standardOutput)")
  }

  @Test("two per-class columns without a well-known positive label ask for --positive, exit 64")
  func twoColumnsNeedPositive() throws {
    let directory = TemporaryDirectory()
    directory.write("base.csv", Self.twoColumnFile(Self.baseline, labels: ("cat", "dog")))
    let arguments = [
      "compare", "base.csv", "base.csv", "--metric", "roc_auc", "--score-columns", "cat,dog",
      "--resamples", "199", "-q",
    ]
    let result = try runF1Kit(arguments, in: directory.url)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: roc_auc reads the positive label's column of the per-class scores \"cat\", \"dog\""
      ), "\(result.standardError)")
    #expect(result.standardError.contains("--positive"))
    let named = try runF1Kit(arguments + ["--positive", "dog"], in: directory.url)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(named.standardOutput.contains("0.9600"), "\(named.standardOutput)")
  }

  @Test(
    "a score metric that does not fit the scores' shape is a usage error naming the metrics that do, not a FAIL",
    arguments: [
      (
        ["--score-columns", "a,b,c"], "roc_auc",
        "Error: --metric roc_auc reads one binary score per item, and --score-columns gives scores for 3 classes: compare on roc_auc_ovr_macro"
      ),
      (
        ["--score-columns", "a,b,c"], "average_precision",
        "Error: --metric average_precision reads one binary score per item, and --score-columns gives scores for 3 classes: compare on average_precision_macro"
      ),
      (
        ["--score-column", "score"], "roc_auc_ovr_macro",
        "Error: --metric roc_auc_ovr_macro averages per-class scores, and --score-column gives one binary score per item: compare on roc_auc"
      ),
    ])
  func refusesMetricOfOtherShape(options: [String], metric: String, expected: String) throws {
    let directory = TemporaryDirectory()
    directory.write(
      "three.csv",
      "label,a,b,c\na,0.7,0.2,0.1\nb,0.2,0.5,0.3\nc,0.1,0.3,0.6\na,0.4,0.4,0.2\nc,0.3,0.3,0.4\n")
    directory.write("binary.csv", Self.scoreFile(Self.baseline))
    let file = options[0] == "--score-column" ? "binary.csv" : "three.csv"
    for command in [
      ["gate", file, file, "--metric", metric, "--margin", "0.01"],
      ["compare", file, file, "--metric", metric],
    ] {
      let result = try runF1Kit(
        command + options + ["--resamples", "199", "-q"], in: directory.url)
      #expect(result.status == 64, "\(command): \(result.standardOutput)")
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
    }
  }

  @Test(
    "several --threshold cut-offs for one binary score column are refused, exit 64, not read as 0.5",
    arguments: ["evaluate", "compare", "gate", "report", "advise"])
  func refusesThresholdListForScoreColumn(command: String) throws {
    let directory = TemporaryDirectory()
    directory.write("base.csv", Self.scoreFile(Self.baseline))
    var arguments = [command, "base.csv"]
    if command == "compare" || command == "gate" { arguments.append("base.csv") }
    if command == "gate" { arguments += ["--metric", "f1", "--margin", "0.05"] }
    if command == "report" { arguments += ["--out", "report.html"] }
    let result = try runF1Kit(
      arguments + ["--score-column", "score", "--threshold", "0.38,0.33"], in: directory.url)
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(
        "Error: '--threshold 0.38,0.33' gives 2 cut-offs, but --score-column is cut at one; a list is for the per-label --score-columns of a multilabel file: give one cut-off, or one per file with --threshold-from"
      ), "\(result.standardError)")
  }

  @Test("several --threshold cut-offs with --score-columns-of are refused, exit 64")
  func refusesThresholdListForScoreColumnsOf() throws {
    let directory = TemporaryDirectory()
    var text = "label,a,b\n"
    for item in Self.gold.indices {
      text += "\(Self.gold[item]),\(Self.baseline[item]),\(Self.candidate[item])\n"
    }
    directory.write("both.csv", text)
    let result = try runF1Kit(
      [
        "gate", "both.csv", "--score-columns-of", "a,b", "--threshold", "0.38,0.33", "--metric",
        "f1", "--margin", "0.05",
      ], in: directory.url)
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(
      result.standardError.hasPrefix(
        "Error: '--threshold 0.38,0.33' gives 2 cut-offs, but --score-columns-of cuts every model's score column at one"
      ), "\(result.standardError)")
  }
}
