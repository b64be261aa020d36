import Foundation
import Testing
import _TestSupport

/// A score column that holds the predictions themselves (`df["score"] =
/// clf.predict(X)`): `advise` and `report` warn with `hard-label-scores`
/// and give no cut-off advice; `evaluate` and `compare` warn on standard
/// error and exit as before.
@Suite("Hard-label scores in advise, report, evaluate and compare")
struct HardLabelScoresCommandTests {
  /// 40 items, gold `labels[i % 2]`; the prediction is the gold label
  /// except on every fifth item, and the score is 1 for a positive
  /// prediction and 0 otherwise. scikit-learn (labels 0 and 1):
  /// roc_auc_score(y, score) 0.8, balanced_accuracy_score(y, prediction) 0.8.
  private static func rows(labels: (String, String) = ("0", "1"), scores: [Double] = [0, 1])
    -> String
  {
    "label,prediction,score\n"
      + (0..<40).map { item in
        let gold = item % 2
        let predicted = item % 5 == 0 ? 1 - gold : gold
        let names = [labels.0, labels.1]
        return "\(names[gold]),\(names[predicted]),\(scores[predicted])\n"
      }.joined()
  }

  /// A file, and the options that read its score (none: found by name).
  static let cases: [(rows: String, options: [String])] = [
    (rows(), []),
    (rows(), ["--score-column", "score"]),
    (rows(labels: ("neg", "pos")), []),
    (rows(labels: ("neg", "pos")), ["--score-column", "score"]),
  ]

  @Test(
    "advise warns that the scores are hard labels and gives no threshold advice",
    arguments: cases)
  func adviseWarns(rows: String, options: [String]) throws {
    let directory = TemporaryDirectory()
    directory.write("hard.csv", rows)
    let text = try runF1Kit(["advise", "hard.csv"] + options, in: directory.url)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains(
        "warning: The scores hold only two values, 0 and 1: hard predictions, not scores [hard-label-scores]"
      ), "\(text.standardOutput)")
    #expect(text.standardOutput.contains("ROC-AUC (0.8000) is only the balanced accuracy"))
    for rule in ["threshold-sensitivity", "default-threshold", "poorly-calibrated-probabilities"] {
      #expect(!text.standardOutput.contains("[\(rule)]"), "\(rule)")
    }
    // The advice says it; standard error does not repeat it.
    #expect(!text.standardError.contains("two values"), "\(text.standardError)")
    let json = try runF1Kit(
      ["advise", "hard.csv", "--format", "json"] + options, in: directory.url)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let advice = try #require(object["advice"] as? [[String: Any]])
    let hard = try #require(advice.first { $0["id"] as? String == "hard-label-scores" })
    let evidence = try #require(hard["evidence"] as? [[String: Any]])
    let share = evidence.first { $0["name"] as? String == "score_equals_prediction_share" }
    #expect(share?["value"] as? Double == 1)
  }

  @Test("scores of three values get the threshold advice as before, and no hard-label warning")
  func threeValuesAreScores() throws {
    let directory = TemporaryDirectory()
    // The four negative items predicted positive score 0.6 instead of 1:
    // three values, and the predictions still equal the cut-off 0.6.
    directory.write(
      "soft.csv", Self.rows().replacingOccurrences(of: "0,1,1.0\n", with: "0,1,0.6\n"))
    let result = try runF1Kit(["advise", "soft.csv"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("[threshold-sensitivity]"), "\(result.standardOutput)")
    #expect(!result.standardOutput.contains("hard-label-scores"))
  }

  @Test("evaluate and compare warn on standard error, with their exit status unchanged")
  func evaluateAndCompareWarn() throws {
    let directory = TemporaryDirectory()
    directory.write("hard.csv", Self.rows())
    directory.write("other.csv", Self.rows(scores: [0.2, 0.8]))
    let warning =
      "warning: hard.csv: the scores hold only two values, 0 and 1 (20 of 40 items at 1), so they look like hard predictions, not scores"
    let evaluate = try runF1Kit(
      ["evaluate", "hard.csv", "--score-column", "score"], in: directory.url)
    #expect(evaluate.status == 0)
    #expect(evaluate.standardError.contains(warning), "\(evaluate.standardError)")
    #expect(
      evaluate.standardOutput.contains(
        "the scores hold only two values, 0 and 1, so every cut-off between them gives the same predictions: there is no cut-off to tune"
      ))
    #expect(!evaluate.standardOutput.contains("advice: the cut-off"))
    let compare = try runF1Kit(
      ["compare", "hard.csv", "other.csv", "--score-column", "score", "--metric", "roc_auc"],
      in: directory.url)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(compare.standardError.contains(warning), "\(compare.standardError)")
    #expect(
      compare.standardError.contains(
        "warning: other.csv: the scores hold only two values, 0.2 and 0.8"))
  }

  @Test("the report's advice and score section say the scores are hard labels")
  func reportSaysSo() throws {
    let directory = TemporaryDirectory()
    directory.write("hard.csv", Self.rows())
    let result = try runF1Kit(
      ["report", "hard.csv", "--resamples", "200", "--out", "r.html", "--json", "r.json"],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(
      contentsOf: directory.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(page.contains("<code>hard-label-scores</code>"))
    #expect(
      page.contains(
        "the scores hold only two values, 0 and 1, so every cut-off between them gives the same predictions"
      ))
    #expect(!page.contains("Moving the cut-off by up to"))
    let object = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: directory.url.appendingPathComponent("r.json")))
        as? [String: Any])
    let rules = try #require(object["advice"] as? [[String: Any]]).compactMap {
      $0["id"] as? String
    }
    #expect(rules.contains("hard-label-scores"))
    #expect(!rules.contains("threshold-sensitivity"))
  }

  @Test(
    "one-hot columns named after the classes get the warning in advise and on evaluate's standard error"
  )
  func oneHotClassColumns() throws {
    let directory = TemporaryDirectory()
    // 30 items of three classes; every third item of class "b" predicted "c".
    let labels = ["a", "b", "c"]
    directory.write(
      "onehot.csv",
      "label,prediction,a,b,c\n"
        + (0..<30).map { item in
          let gold = item % 3
          let predicted = gold == 1 && item % 9 == 1 ? 2 : gold
          return "\(labels[gold]),\(labels[predicted]),"
            + labels.indices.map { $0 == predicted ? "1" : "0" }.joined(separator: ",") + "\n"
        }.joined())
    let advise = try runF1Kit(["advise", "onehot.csv"], in: directory.url)
    #expect(advise.status == 0, "\(advise.standardError)")
    #expect(
      advise.standardOutput.contains(
        "warning: Every row of the per-class scores is one-hot: predicted classes, not probabilities [hard-label-scores]"
      ), "\(advise.standardOutput)")
    let evaluate = try runF1Kit(
      ["evaluate", "onehot.csv", "--score-columns", "a,b,c"], in: directory.url)
    #expect(evaluate.status == 0)
    #expect(
      evaluate.standardError.contains(
        "warning: onehot.csv: every row of the per-class scores is one-hot"),
      "\(evaluate.standardError)")
  }
}
