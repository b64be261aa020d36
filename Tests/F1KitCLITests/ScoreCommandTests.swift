import Foundation
import Testing
import _TestSupport

@Suite("f1kit evaluate and compare on scores")
struct ScoreCommandTests {
  private func json(_ result: CommandResult) throws -> [String: Any] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// Ten items' gold labels and `predict_proba`-shaped columns `0` and
  /// `1`: ROC-AUC 0.96 and average precision 0.9667 of column `1`
  /// (scikit-learn 1.9.1).
  ///
  /// - Parameter labelSuffix: Written after each gold label, such as
  ///   `.0` for pandas' float labels.
  /// - Returns: The CSV text.
  private static func twoColumns(labelSuffix: String) -> String {
    let gold = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
    let scores = [0.9, 0.3, 0.6, 0.45, 0.5, 0.1, 0.8, 0.35, 0.55, 0.2]
    return "label,0,1\n"
      + zip(gold, scores).map { "\($0)\(labelSuffix),\(1 - $1),\($1)\n" }.joined()
  }

  @Test("evaluate --score-column adds score_metrics, null with a note where undefined")
  func evaluateJSON() throws {
    let result = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score", "--positive", "1",
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let scores = try #require(document["score_metrics"] as? [String: Any])
    // scikit-learn 1.9.1: roc_auc_score and average_precision_score.
    #expect(abs((scores["roc_auc"] as? Double ?? 0) - 0.9007761955473989) <= 1e-12)
    #expect(abs((scores["average_precision"] as? Double ?? 0) - 0.8868522312060766) <= 1e-12)
    #expect(scores["log_loss"] is NSNull)
    let notes = try #require(document["score_metric_notes"] as? [String: String])
    #expect(notes["log_loss"]?.contains("not probabilities") == true)
  }

  @Test(
    "evaluate of a binary problem's two per-class columns adds binary average precision and ROC-AUC of the positive label's column"
  )
  func evaluateTwoColumns() throws {
    let directory = TemporaryDirectory()
    directory.write("proba.csv", Self.twoColumns(labelSuffix: ""))
    let result = try runF1Kit(
      ["evaluate", "proba.csv", "--score-columns", "0,1", "--format", "json"], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    let metrics = try #require(json(result)["score_metrics"] as? [String: Any])
    // scikit-learn 1.9.1: roc_auc_score(y, P[:, 1]), average_precision_score(y, P[:, 1]).
    #expect(abs((metrics["roc_auc"] as? Double ?? 0) - 0.9600000000000001) <= 1e-12)
    #expect(abs((metrics["average_precision"] as? Double ?? 0) - 0.9666666666666666) <= 1e-12)
    #expect(metrics["roc_auc_ovr_macro"] is Double)
    let text = try runF1Kit(
      ["evaluate", "proba.csv", "--score-columns", "0,1", "--ci", "--resamples", "199", "-q"],
      in: directory.url)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains(
        "average_precision and roc_auc of the column of the positive label \"1\")"),
      "\(text.standardOutput)")
    let line = try #require(
      text.standardOutput.split(separator: "\n").first { $0.hasPrefix("roc_auc ") })
    #expect(line.contains("0.9600  ["), "\(line)")
    #expect(line.contains("delong ["), "\(line)")
  }

  @Test(
    "advise shows the binary pair of two per-class columns as evaluate does, --positive 1.0 names the column 1, and a --positive naming neither column warns"
  )
  func twoColumnsAcrossCommands() throws {
    let directory = TemporaryDirectory()
    // pandas writes float labels as 1.0 and 0.0.
    directory.write("proba.csv", Self.twoColumns(labelSuffix: ".0"))
    let options = ["proba.csv", "--score-columns", "0,1", "--format", "json"]
    for command in ["evaluate", "advise"] {
      for positive in [[], ["--positive", "1.0"], ["--positive", "1"]] {
        let result = try runF1Kit([command] + options + positive, in: directory.url)
        #expect(result.status == 0, "\(result.standardError)")
        let metrics = try #require(json(result)["score_metrics"] as? [String: Any])
        // scikit-learn 1.9.1: roc_auc_score(y, P[:, 1]), average_precision_score(y, P[:, 1]).
        #expect(
          abs((metrics["roc_auc"] as? Double ?? 0) - 0.9600000000000001) <= 1e-12,
          "\(command) \(positive)")
        #expect(
          abs((metrics["average_precision"] as? Double ?? 0) - 0.9666666666666666) <= 1e-12,
          "\(command) \(positive)")
      }
    }
    let advice = try runF1Kit(["advise", "proba.csv", "--score-columns", "0,1"], in: directory.url)
    #expect(
      advice.standardOutput.contains(
        "average_precision and roc_auc of the column of the positive label \"1\")"),
      "\(advice.standardOutput)")
    // Labels 1 and 2 evaluated, 2 positive: no column is the positive one.
    let neither = try runF1Kit(
      ["evaluate"] + options + ["--labels", "1,2", "--positive", "2"], in: directory.url)
    #expect(neither.status == 0, "\(neither.standardError)")
    #expect(
      neither.standardError.contains(
        "warning: proba.csv: binary average_precision and roc_auc, which read the positive label's column, are left out: '--positive 2' is not one of the scored labels \"0\", \"1\""
      ), "\(neither.standardError)")
    #expect((try json(neither)["score_metrics"] as? [String: Any])?["roc_auc"] == nil)
  }

  @Test("evaluate text and CSV show the score metrics; --ci adds intervals and DeLong's")
  func evaluateTextAndCSV() throws {
    let text = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score", "--ci",
      "--resamples", "199", "-q",
    ])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("score metrics (scores for positive label \"1\")"))
    #expect(text.standardOutput.contains("roc_auc            0.9008  ["))
    #expect(text.standardOutput.contains("delong ["))
    #expect(
      text.standardOutput.contains("log_loss           n/a (the scores are not probabilities"))
    let csv = try runF1Kit([
      "evaluate", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score", "--format", "csv",
    ])
    #expect(csv.standardOutput.contains("roc_auc,,0.900776195547398"))
    #expect(csv.standardOutput.contains("log_loss,,\r\n"))
  }

  @Test("compare --metric roc_auc reports DeLong's paired test beside the resampling tests")
  func compareDeLong() throws {
    let result = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--score-column", "score", "--metric", "roc_auc", "--resamples", "199", "--format", "json",
      "-q",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    #expect(document["metric"] as? String == "roc_auc")
    let tests = try #require(document["tests"] as? [String: [String: Any]])
    #expect(Set(tests.keys) == ["permutation", "paired_bootstrap", "delong"])
    // tools/make_score_goldens.py's numpy DeLong on the same files.
    #expect(abs((tests["delong"]?["statistic"] as? Double ?? 0) - 0.6057755184237106) <= 1e-9)
    #expect(abs((tests["delong"]?["p_value"] as? Double ?? 0) - 0.5446638286263962) <= 1e-9)
    let models = try #require(document["models"] as? [[String: Any]])
    #expect(abs((models[1]["value"] as? Double ?? 0) - 0.9038132079522159) <= 1e-12)
    #expect(models[0]["analytic_interval"] != nil)
  }

  @Test("a score metric without scores, or with McNemar's test, is a usage error")
  func usageErrors() throws {
    let noScores = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--metric", "roc_auc",
    ])
    #expect(noScores.status == 64)
    #expect(noScores.standardError.contains("needs scores"))
    let mcnemar = try runF1Kit([
      "compare", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
      "--score-column", "score", "--metric", "log_loss", "--test", "mcnemar",
    ])
    #expect(mcnemar.status == 64)
  }

  @Test("curves prints every ROC and precision-recall point, the infinite threshold as null")
  func curves() throws {
    let result = try runF1Kit([
      "curves", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try json(result)
    let roc = try #require(document["roc"] as? [String: [Any]])
    let pr = try #require(document["pr"] as? [String: [Any]])
    // scikit-learn 1.9.1: roc_curve keeps 350 points, precision_recall_curve
    // one per distinct score plus the final (1, 0).
    #expect(roc["fpr"]?.count == 350)
    #expect(roc["thresholds"]?.first is NSNull)
    #expect(pr["precision"]?.count == (pr["thresholds"]?.count ?? 0) + 1)
    #expect(pr["recall"]?.last as? Double == 0)
    let csv = try runF1Kit([
      "curves", "fixtures/stsb/test-minilm-l6.csv", "--score-column", "score", "--format", "csv",
    ])
    #expect(csv.standardOutput.hasPrefix("curve,x,y,threshold\r\nroc,0.0,0.0,\r\n"))
    let noScores = try runF1Kit(["curves", "fixtures/stsb/test-minilm-l6.csv"])
    #expect(noScores.status == 64)
  }
}
