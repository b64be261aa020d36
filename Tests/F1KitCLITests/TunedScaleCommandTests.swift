import Foundation
import Testing
import _TestSupport

/// A cut-off tuned on probabilities and applied to logits (or the other
/// way round) falls at a meaningless place that may still lie within the
/// scores: `tune` records the range of the development scores, and
/// `--threshold-from` warns on standard error when the evaluated scores
/// are of another kind, where it used to apply the cut-off without a word.
@Suite("A tuned cut-off applied to scores of another kind")
struct TunedScaleCommandTests {
  /// 40 items, gold `i % 2`; the probability of item *i* is 0.05 + 0.04 (i
  /// mod 10), 0.50 more for a positive item: 0.05 to 0.91, logits from
  /// −2.94 to 2.31. scikit-learn's precision_recall_curve gives F1 1 at
  /// 0.59 (and at the logit 0.364).
  private static func probabilities(_ item: Int) -> Double {
    Double((item % 2 == 1 ? 55 : 5) + 4 * (item % 10)) / 100
  }

  /// The same items as probabilities or as their logits, log(p / (1 − p)).
  private static func rows(logits: Bool = false) -> String {
    "label,score\n"
      + (0..<40).map { item in
        let p = probabilities(item)
        return "\(item % 2),\(logits ? log(p / (1 - p)) : p)\n"
      }.joined()
  }

  private static func tunedFiles(in directory: TemporaryDirectory) throws {
    directory.write("dev.csv", rows())
    directory.write("dev-logits.csv", rows(logits: true))
    directory.write("test.csv", rows())
    directory.write("test-logits.csv", rows(logits: true))
    for name in ["dev", "dev-logits"] {
      let tuned = try runF1Kit(
        ["tune", "\(name).csv", "--score-column", "score", "--out", "\(name).json"],
        in: directory.url)
      #expect(tuned.status == 0, "\(tuned.standardError)")
    }
  }

  @Test("tune records the lowest and highest development score")
  func tuneRecordsTheRange() throws {
    let directory = TemporaryDirectory()
    try Self.tunedFiles(in: directory)
    let document = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: directory.url.appendingPathComponent("dev.json")))
        as? [String: Any])
    let origin = try #require(document["tuned_on"] as? [String: Any])
    #expect(origin["lowest_score"] as? Double == 0.05)
    #expect(origin["highest_score"] as? Double == 0.91)
  }

  /// Each evaluated file with each cut-off source, and whether it warns.
  static let cases: [(test: String, source: String, warns: Bool)] = [
    ("test-logits.csv", "dev.json", true),
    ("test-logits.csv", "dev.csv", true),
    ("test.csv", "dev-logits.json", true),
    ("test.csv", "dev.json", false),
    ("test-logits.csv", "dev-logits.json", false),
  ]

  @Test(
    "evaluate --threshold-from warns when the cut-off was tuned on scores of another kind",
    arguments: cases)
  func evaluateWarns(test: String, source: String, warns: Bool) throws {
    let directory = TemporaryDirectory()
    try Self.tunedFiles(in: directory)
    let result = try runF1Kit(
      ["evaluate", test, "--score-column", "score", "--threshold-from", source],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "a cut-off carries over only to the same kind of score: tune on development scores of the kind evaluated"
      ) == warns, "\(result.standardError)")
    if source == "dev.json" {
      #expect(
        result.standardError.contains(
          "warning: test-logits.csv: the cut-off 0.59 was tuned on scores from 0.05 to 0.91, within 0 to 1, as probabilities are, but the scores here run from -2.9444389791664403 to 2.313634929180631, past -1 to 1"
        ) == warns, "\(result.standardError)")
    }
  }

  @Test("compare and gate on a label metric warn for each file whose scores are of another kind")
  func compareAndGateWarn() throws {
    let directory = TemporaryDirectory()
    try Self.tunedFiles(in: directory)
    for command in [
      ["compare", "test.csv", "test-logits.csv"],
      ["gate", "test.csv", "test-logits.csv", "--margin", "0.05"],
    ] {
      let result = try runF1Kit(
        command + [
          "--score-column", "score", "--metric", "binary_f1", "--threshold-from", "dev.json",
          "--resamples", "200",
        ], in: directory.url)
      #expect(result.status == 0 || result.status == 1, "\(result.standardError)")
      #expect(
        result.standardError.contains("warning: test-logits.csv: the cut-off"),
        "\(result.standardError)")
      #expect(!result.standardError.contains("warning: test.csv: the cut-off"))
    }
  }

  @Test("a threshold file from an earlier tune, without the range, applies as before")
  func earlierFileApplies() throws {
    let directory = TemporaryDirectory()
    try Self.tunedFiles(in: directory)
    directory.write(
      "old.json",
      #"{"threshold": 0.6, "metric": "binary_f1", "value": 0.8, "candidates": 9, "positive_count": 4, "constraint": null, "tuned_on": {"file": "dev.csv", "bytes": 90, "sha256": "00", "items": 9, "score_column": "score", "positive": "1"}}"#
    )
    let result = try runF1Kit(
      ["evaluate", "test-logits.csv", "--score-column", "score", "--threshold-from", "old.json"],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("threshold 0.6 chosen on dev.csv for binary_f1"))
    #expect(!result.standardError.contains("same kind of score"), "\(result.standardError)")
  }
}
