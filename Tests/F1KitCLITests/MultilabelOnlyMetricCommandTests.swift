import Foundation
import Testing
import _TestSupport

/// A metric only multilabel problems have, asked of files with one label
/// per item, is a usage error: `compare` and `gate` used to compare (and
/// decide) on the default metric instead, with exit status 0.
@Suite("f1kit compare and gate refuse a multilabel-only --metric for single-label files")
struct MultilabelOnlyMetricCommandTests {
  static let a = "fixtures/experiments/a-run1.csv"
  static let b = "fixtures/experiments/b-run1.csv"
  static let quick = ["--resamples", "100", "-q"]

  /// Every multilabel-only metric, by F1Kit's name or scikit-learn's
  /// scorer name (`f1_samples`), with the options it needs.
  static let metrics: [[String]] = [
    ["subset_accuracy"], ["hamming_loss"], ["samples_f1"], ["f1_samples"],
    ["samples_precision"], ["samples_recall"], ["samples_fbeta", "--beta", "2"],
    ["jaccard_samples"], ["jaccard_macro"], ["jaccard_micro"], ["jaccard_weighted"],
  ]

  /// The commands that take `--metric`, in every output format `compare`
  /// has, and with runs (the experiment engine) and `--pred-columns`.
  static let commands: [[String]] = [
    ["compare", a, b], ["compare", a, b, "--format", "json"],
    ["compare", a, b, "--format", "markdown"], ["compare", a, b, "--format", "latex"],
    [
      "compare", "A=\(a),fixtures/experiments/a-run2.csv", "B=\(b),fixtures/experiments/b-run2.csv",
    ],
    ["gate", a, b, "--margin", "0.5"], ["gate", a, b, "--margin", "0.2", "--format", "json"],
  ]

  @Test(
    "a multilabel-only metric on single-label files exits 64 naming it, not the default metric",
    arguments: commands, metrics)
  func refused(command: [String], metric: [String]) throws {
    let result = try runF1Kit(command + ["--metric"] + metric + Self.quick)
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(result.standardOutput.isEmpty)
    let name = metric[0] == "f1_samples" ? "samples_f1" : metric[0]
    #expect(
      result.standardError.contains(
        "\(command[0]) --metric \(name) is a multilabel metric, but the files hold one label per item"
      ), "\(result.standardError)")
    #expect(result.standardError.contains("single-label metrics: accuracy,"))
  }

  @Test("the refusal names the single-label metric equal to it, where there is one")
  func equivalents() throws {
    let expected = [
      "hamming_loss": "the Hamming loss is then 1 − accuracy: use --metric accuracy",
      "subset_accuracy": "subset accuracy is then accuracy: use --metric accuracy",
      "samples_f1": "every per-item (samples) average is then accuracy: use --metric accuracy",
      "jaccard_macro": "F1Kit has no single-label Jaccard index",
    ]
    for (metric, text) in expected {
      let result = try runF1Kit(["gate", Self.a, Self.b, "--metric", metric, "--margin", "0.1"])
      #expect(result.status == 64)
      #expect(result.standardError.contains(text), "\(metric): \(result.standardError)")
    }
  }

  @Test("a multilabel-only metric of one file holding two models' columns is refused too")
  func predictionColumns() throws {
    let folder = TemporaryDirectory()
    var text = "label,m1,m2\n"
    for item in 0..<40 { text += "\(item % 3),\(item % 3),\((item / 2) % 3)\n" }
    let file = folder.write("both.csv", text)
    for command in ["compare", "gate"] {
      let result = try runF1Kit(
        [command, file, "--pred-columns", "m1,m2", "--metric", "hamming_loss"]
          + (command == "gate" ? ["--margin", "0.1"] : []) + Self.quick)
      #expect(result.status == 64, "\(result.standardOutput)")
      #expect(result.standardError.contains("--metric hamming_loss is a multilabel metric"))
    }
  }

  @Test(
    "a single-label or score metric on multilabel files is refused, not replaced by samples-F1",
    arguments: ["compare", "gate"], ["binary_f1", "f1", "mcc", "accuracy", "roc_auc"])
  func reverse(command: String, metric: String) throws {
    let folder = TemporaryDirectory()
    var first = "id,label,prediction\n"
    var second = "id,label,prediction\n"
    let labels = ["news", "sport", "tech"]
    for item in 0..<30 {
      let gold = labels.indices.filter { (item + $0) % 3 != 0 }.map { labels[$0] }
      let other = labels.indices.filter { (item * 2 + $0) % 3 != 0 }.map { labels[$0] }
      first += "i\(item),\(gold.joined(separator: "|")),\(other.joined(separator: "|"))\n"
      second += "i\(item),\(gold.joined(separator: "|")),\(gold.joined(separator: "|"))\n"
    }
    let a = folder.write("a.csv", first)
    let b = folder.write("b.csv", second)
    let result = try runF1Kit(
      [command, a, b, "--metric", metric] + (command == "gate" ? ["--margin", "0.1"] : [])
        + Self.quick)
    #expect(result.status == 64, "\(result.standardOutput)")
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("multilabel"), "\(result.standardError)")
  }
}
