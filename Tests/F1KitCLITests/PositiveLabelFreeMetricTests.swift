import Foundation
import Testing
import _TestSupport

/// `compare` and `gate` on two labels neither of which is a known positive
/// ("0" and "2"): metrics that use no positive label need no --positive.
@Suite("f1kit compare and gate: metrics without a positive label need no --positive")
struct PositiveLabelFreeMetricTests {
  // scikit-learn: accuracy_score([0,2,0,2,0,2], [0,2,2,2,0,0]) = 4/6 and
  // accuracy_score(…, [0,2,0,2,2,2]) = 5/6; f1_score(average="macro") =
  // 0.6666… and 0.8285…
  static let files = [
    "a.csv": "label,prediction\n0,0\n2,2\n0,2\n2,2\n0,0\n2,0\n",
    "b.csv": "label,prediction\n0,0\n2,2\n0,0\n2,2\n0,2\n2,2\n",
  ]

  private func withFiles(_ body: (URL) throws -> Void) throws {
    let directory = TemporaryDirectory()
    for (name, text) in Self.files { directory.write(name, text) }
    try withExtendedLifetime(directory) { try body(directory.url) }
  }

  @Test(
    "accuracy and the macro averages compare labels 0 and 2 as scikit-learn scores them",
    arguments: [("accuracy", 4.0 / 6, 5.0 / 6), ("macro_f1", 2.0 / 3, 0.8285714285714285)])
  func compares(metric: String, first: Double, second: Double) throws {
    try withFiles { directory in
      let result = try runF1Kit(
        [
          "compare", "a.csv", "b.csv", "--metric", metric, "--resamples", "200", "-q", "--format",
          "json",
        ], in: directory)
      #expect(result.status == 0, "\(result.standardError)")
      let document = try #require(
        JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
      let models = try #require(document["models"] as? [[String: Any]])
      #expect(agrees(try #require(models[0]["value"] as? Double), first))
      #expect(agrees(try #require(models[1]["value"] as? Double), second))
      #expect(document["positive_label"] == nil)
    }
  }

  @Test("gate decides on accuracy of labels 0 and 2 without --positive")
  func gates() throws {
    try withFiles { directory in
      let result = try runF1Kit(
        ["gate", "a.csv", "b.csv", "--metric", "accuracy", "--margin", "0.1", "-q"],
        in: directory)
      #expect([0, 1].contains(result.status), "\(result.standardError)")
      #expect(result.standardOutput.contains("on accuracy: difference 0.167"))
    }
  }

  @Test(
    "binary metrics, and the default binary F1, still ask for --positive",
    arguments: [["--metric", "binary_f1"], ["--metric", "binary_recall"], []])
  func binaryMetricsRefused(options: [String]) throws {
    try withFiles { directory in
      let result = try runF1Kit(
        ["compare", "a.csv", "b.csv", "--resamples", "200", "-q"] + options, in: directory)
      #expect(result.status == 64)
      #expect(
        result.standardError.contains(
          #"cannot tell which of "0" and "2" is the positive label; name it with --positive"#))
    }
  }
}
