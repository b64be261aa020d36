import Foundation
import Testing
import _TestSupport

/// Parses a command's JSON output.
private func jsonObject(_ text: String) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// The evidence of one piece of advice in JSON, by name.
private func evidenceValues(of advice: [String: Any]) throws -> [String: Double] {
  Dictionary(
    uniqueKeysWithValues: try #require(advice["evidence"] as? [[String: Any]]).map {
      ($0["name"] as! String, $0["value"] as! Double)
    })
}

@Suite("Scores in report, advise and gate: metrics, cut-offs and where they came from")
struct ScoreAdviceCommandTests {
  static let l6 = "fixtures/stsb/test-minilm-l6.csv"
  static let l3 = "fixtures/stsb/test-minilm-l3.csv"
  static let dev6 = "fixtures/stsb/dev-minilm-l6.csv"
  static let dev3 = "fixtures/stsb/dev-minilm-l3.csv"

  @Test("advise --score-column prints the score metrics and warns about the default cut-off")
  func adviseDefaultCutoff() throws {
    let result = try runF1Kit(["advise", Self.l6, "--score-column", "score", "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let object = try jsonObject(result.standardOutput)
    let metrics = try #require(object["score_metrics"] as? [String: Any])
    // scikit-learn's average_precision_score and roc_auc_score on the file.
    #expect(agrees(try #require(metrics["average_precision"] as? Double), 0.8868522312060766))
    #expect(agrees(try #require(metrics["roc_auc"] as? Double), 0.9007761955473989))
    #expect(metrics["log_loss"] is NSNull)
    let advice = try #require(object["advice"] as? [[String: Any]])
    let first = try #require(advice.first)
    #expect(first["id"] as? String == "default-threshold")
    #expect(first["severity"] as? String == "warning")
    let evidence = try evidenceValues(of: first)
    // sklearn f1_score at score >= 0.5, at the best cut-off, and the lowest
    // and highest F1 for cut-offs within 0.05 × (max − min) of 0.5.
    #expect(agrees(try #require(evidence["f1_at_threshold"]), 0.8014842300556586))
    #expect(evidence["best_threshold_on_this_file"] == 0.595741)
    #expect(agrees(try #require(evidence["best_f1_on_this_file"]), 0.8398914518317503))
    #expect(agrees(try #require(evidence["threshold_window"]), 0.05800605, tolerance: 1e-12))
    #expect(agrees(try #require(evidence["lowest_f1_in_window"]), 0.7753408417308832))
    #expect(agrees(try #require(evidence["highest_f1_in_window"]), 0.8258899676375404))
    let threshold = try #require(object["threshold"] as? [String: Any])
    #expect(threshold["source"] as? String == "default")
  }

  @Test(
    "--positive naming the class a score column found by name is not for warns of inverted scores")
  func warnsAboutScoresOfTheOtherClassWithPredictions() throws {
    let directory = TemporaryDirectory()
    // pandas: label, prediction and score = predict_proba(X)[:, 1]; 40
    // "1" and 10 "0", ranked perfectly. --positive 0 reads the same column
    // as the scores of "0": ROC-AUC 0 (roc_auc_score(y == 0, score)), and
    // the predictions, from the column, match no cut-off on the scores.
    var rows = "label,prediction,score\n"
    for item in 0..<50 {
      let isOne = item < 40
      rows += "\(isOne ? 1 : 0),\(isOne ? 1 : 0),\(isOne ? 0.6 + Double(item) / 100 : 0.05)\n"
    }
    directory.write("majority.csv", rows)
    let advise = try runF1Kit(["advise", "majority.csv", "--positive", "0"], in: directory.url)
    #expect(advise.status == 0, "\(advise.standardError)")
    #expect(
      advise.standardOutput.contains(
        "warning: The scores rank the other class first [inverted-scores]"),
      "\(advise.standardOutput)")
    #expect(advise.standardOutput.contains("ROC-AUC is 0.0000"))
    #expect(!advise.standardOutput.contains("[average-precision-under-imbalance]"))
  }

  @Test("scores of the other class (ROC-AUC far below 0.5) are named in advise and evaluate")
  func warnsAboutInvertedScores() throws {
    let directory = TemporaryDirectory()
    // Positives score low, negatives high: 1 − P(positive), as
    // predict_proba(X)[:, 0] gives; one pair out of order.
    var rows = "id,label,score\n"
    for item in 0..<200 {
      let isPositive = item % 2 == 0
      let score = isPositive ? 0.05 + Double(item % 17) / 100 : 0.6 + Double(item % 13) / 40
      rows += "i\(item),\(isPositive ? 1 : 0),\(item == 0 ? 0.99 : score)\n"
    }
    directory.write("flipped.csv", rows)
    let advise = try runF1Kit(
      ["advise", "flipped.csv", "--score-column", "score"], in: directory.url)
    #expect(advise.status == 0, "\(advise.standardError)")
    #expect(
      advise.standardOutput.contains(
        "warning: The scores rank the other class first [inverted-scores]"))
    #expect(advise.standardOutput.contains("ROC-AUC is 0.01"), "\(advise.standardOutput)")
    let evaluate = try runF1Kit(
      ["evaluate", "flipped.csv", "--score-column", "score"], in: directory.url)
    #expect(
      evaluate.standardOutput.contains(
        "warning: ROC-AUC is 0.0100, far below 0.5: the negative items score above the positive ones"
      ),
      "\(evaluate.standardOutput)")
    // The cut-off advice is not given on such scores.
    #expect(!evaluate.standardOutput.contains("advice: the cut-off"))
  }

  @Test(
    "a 'score' that is the predicted label's confidence, as Hugging Face writes it, is named so")
  func predictedLabelConfidence() throws {
    let directory = TemporaryDirectory()
    let rows = (0..<40).map { index in
      let gold = index % 2 == 0 ? "POSITIVE" : "NEGATIVE"
      let predicted = index % 5 == 0 ? (gold == "POSITIVE" ? "NEGATIVE" : "POSITIVE") : gold
      return "\(gold),\(predicted),\(0.51 + Double(index % 10) / 21)\n"
    }
    let file = directory.write("hf.csv", "label,prediction,score\n" + rows.joined())
    let result = try runF1Kit(["advise", file, "--positive", "POSITIVE"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardError.hasPrefix(
        "warning: \(file): the column “score” is not read as scores: every score lies between 0.5 and 1, as when it is the predicted label's confidence"
      ), "\(result.standardError)")
  }

  @Test("advise warns when the cut-off was tuned on the evaluated file itself")
  func adviseTunedOnItself() throws {
    let result = try runF1Kit([
      "advise", Self.l6, "--score-column", "score", "--threshold-from", Self.l6,
    ])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("[threshold-tuned-on-evaluated-file]"))
    #expect(
      result.standardOutput.contains("warning: The cut-off was tuned on the evaluated file itself"))
    #expect(!result.standardOutput.contains("[default-threshold]"))
  }

  @Test("advise with a cut-off from development data notes how far F1 moves, with numbers")
  func adviseTunedOnDev() throws {
    let result = try runF1Kit([
      "advise", Self.l6, "--score-column", "score", "--threshold-from", Self.dev6,
    ])
    #expect(result.status == 0)
    let text = result.standardOutput
    #expect(text.contains("threshold 0.634695 chosen on \(Self.dev6) for binary_f1 (0.8181 there)"))
    #expect(text.contains("[threshold-sensitivity]"))
    #expect(text.contains("F1 at the cut-off 0.634695 is 0.8304"))
    #expect(!text.contains("[default-threshold]"))
  }

  @Test("advise judges a cut-off tuned for recall at a precision floor on that, not on F1")
  func adviseConstrainedCutoff() throws {
    let directory = TemporaryDirectory()
    let out = directory.url.appendingPathComponent("p9.json").path
    let tune = try runF1Kit([
      "tune", Self.dev6, "--score-column", "score", "--min-precision", "0.9", "--out", out,
    ])
    #expect(tune.status == 0, "\(tune.standardError)")
    let result = try runF1Kit([
      "advise", Self.l6, "--score-column", "score", "--threshold-from", out, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let advice = try #require(
      (try jsonObject(result.standardOutput)["advice"] as? [[String: Any]])?.first {
        $0["id"] as? String == "threshold-sensitivity"
      })
    #expect(advice["severity"] as? String == "note")
    #expect(advice["title"] as? String == "The cut-off 0.79278 keeps precision >= 0.9 here")
    let evidence = try evidenceValues(of: advice)
    // sklearn on the test file: precision_score and recall_score at
    // score >= 0.79278, and the highest cut-off with the best recall among
    // those whose precision is at least 0.9.
    #expect(agrees(try #require(evidence["precision_at_threshold"]), 0.9))
    #expect(agrees(try #require(evidence["binary_recall_at_threshold"]), 0.5349182763744428))
    #expect(evidence["best_threshold_on_this_file"] == 0.791651)
    #expect(agrees(try #require(evidence["best_binary_recall_on_this_file"]), 0.5364041604754829))
    #expect(agrees(try #require(evidence["f1_at_threshold"]), 0.6710158434296365))
    #expect(evidence["best_f1_on_this_file"] == nil)
    let text = try #require(advice["message"] as? String)
    #expect(text.contains("so the floor of 0.9 holds"))
    #expect(!text.contains("of F1 from the best"))
  }

  @Test("advise recommends re-tuning when a precision floor fails on the evaluated file")
  func adviseMissedFloor() throws {
    let directory = TemporaryDirectory()
    // On dev the cut-off 0.8 has precision 1 (recall 2/3); on test precision 1/3.
    let dev = directory.write("dev.csv", "label,score\n1,0.9\n1,0.8\n0,0.5\n1,0.4\n0,0.3\n")
    let test = directory.write("test.csv", "label,score\n1,0.9\n0,0.85\n0,0.8\n1,0.2\n")
    let out = directory.url.appendingPathComponent("p9.json").path
    _ = try runF1Kit([
      "tune", dev, "--score-column", "score", "--min-precision", "0.9", "--out", out,
    ])
    let result = try runF1Kit(["advise", test, "--score-column", "score", "--threshold-from", out])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "recommendation: The cut-off 0.8 misses precision >= 0.9 here [threshold-sensitivity]"))
    #expect(result.standardOutput.contains("below the floor of 0.9"))
  }

  @Test(
    "report --threshold-from: the page, its metadata and its JSON say where each cut-off came from")
  func reportThresholdSource() throws {
    let folder = TemporaryDirectory()
    let html = folder.url.appendingPathComponent("r.html").path
    let json = folder.url.appendingPathComponent("r.json").path
    let result = try runF1Kit([
      "report", Self.l6, Self.l3, "--score-column", "score", "--threshold-from",
      "\(Self.dev6),\(Self.dev3)", "--resamples", "200", "--out", html, "--json", json,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    // Long file names break after "/", "-", "_" and "." (<wbr>).
    let page = try String(contentsOfFile: html, encoding: .utf8)
      .replacingOccurrences(of: "<wbr>", with: "")
    #expect(page.contains("threshold 0.634695 chosen on \(Self.dev6) for binary_f1"))
    #expect(page.contains("threshold 0.636334 chosen on \(Self.dev3) for binary_f1"))
    #expect(!page.contains("0.5 (the default)"))
    let object = try jsonObject(try String(contentsOfFile: json, encoding: .utf8))
    let scores = try #require(object["scores"] as? [String: Any])
    let models = try #require(scores["models"] as? [[String: Any]])
    let threshold = try #require(models[0]["threshold"] as? [String: Any])
    #expect(threshold["source"] as? String == "tuned")
    #expect(threshold["tuned_on"] as? String == Self.dev6)
    #expect(threshold["value"] as? Double == 0.634695)
    // The dev-tuned cut-offs reproduce the files' prediction columns, so the
    // label metrics are the report's without scores.
    let plain = folder.url.appendingPathComponent("plain.json").path
    _ = try runF1Kit([
      "report", Self.l6, Self.l3, "--resamples", "0", "--out",
      folder.url.appendingPathComponent("plain.html").path, "--json", plain,
    ])
    let plainModels = try #require(
      try jsonObject(try String(contentsOfFile: plain, encoding: .utf8))["models"]
        as? [[String: Any]])
    let ours = try #require(object["models"] as? [[String: Any]])
    for (a, b) in zip(ours, plainModels) {
      let x = try #require(a["metrics"] as? [String: [String: Any]])
      let y = try #require(b["metrics"] as? [String: [String: Any]])
      #expect(x["binary_f1"]?["value"] as? Double == y["binary_f1"]?["value"] as? Double)
    }
  }

  @Test(
    "report with one --threshold-from file says the second model gets the first one's cut-off, as compare does"
  )
  func reportSharedCutoff() throws {
    let folder = TemporaryDirectory()
    let html = folder.url.appendingPathComponent("r.html").path
    let options = ["--score-column", "score", "--threshold-from", Self.dev6]
    let result = try runF1Kit(
      ["report", Self.l6, Self.l3] + options + ["--resamples", "0", "--out", html])
    #expect(result.status == 0, "\(result.standardError)")
    // Long file names break after "/", "-", "_" and "." (<wbr>).
    let page = try String(contentsOfFile: html, encoding: .utf8)
      .replacingOccurrences(of: "<wbr>", with: "")
    let compare = try runF1Kit(
      ["compare", Self.l6, Self.l3] + options + ["--resamples", "100", "-q"])
    // compare's words, with the report's model name for the first model.
    let shared =
      "; the same cut-off as \(Self.l6): one --threshold-from file gives every model the cut-off tuned on \(Self.dev6), not one tuned on this model&#39;s own development scores (give one file per model, in order)"
    #expect(
      compare.standardOutput.contains(shared.replacingOccurrences(of: "&#39;", with: "'")),
      "\(compare.standardOutput)")
    let name = URL(fileURLWithPath: Self.l6).lastPathComponent
    let listed = shared.replacingOccurrences(of: "as \(Self.l6):", with: "as \(name):")
    // Once in the cut-off list under the second model, once in the metadata.
    #expect(page.components(separatedBy: listed).count == 2, "\(page)")
    #expect(page.components(separatedBy: shared).count == 2)
  }

  @Test("the report's score comparisons equal compare --metric's, to the last digit")
  func reportAgreesWithCompare() throws {
    let folder = TemporaryDirectory()
    let json = folder.url.appendingPathComponent("r.json").path
    let report = try runF1Kit([
      "report", Self.l6, Self.l3, "--score-column", "score", "--resamples", "300", "--seed", "11",
      "--out", folder.url.appendingPathComponent("r.html").path, "--json", json,
    ])
    #expect(report.status == 0, "\(report.standardError)")
    let scores = try #require(
      try jsonObject(try String(contentsOfFile: json, encoding: .utf8))["scores"]
        as? [String: Any])
    try expectComparisons(
      scores,
      equal: [Self.l6, Self.l3, "--score-column", "score", "--resamples", "300", "--seed", "11"])
  }

  /// Expects the report's score comparisons on ROC-AUC and average
  /// precision to equal `compare --metric M --format json`'s to the last
  /// digit.
  ///
  /// - Parameters:
  ///   - section: The report JSON's `"scores"` object.
  ///   - arguments: `compare`'s files and options.
  ///   - folder: Where to run `compare`, if not the package root.
  private func expectComparisons(
    _ section: [String: Any], equal arguments: [String], in folder: URL? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let comparisons = try #require(section["comparisons"] as? [[String: Any]])
    for metric in ["roc_auc", "average_precision"] {
      let compare = try runF1Kit(
        ["compare"] + arguments + ["--metric", metric, "--format", "json", "--quiet"], in: folder)
      #expect(compare.status == 0, "\(compare.standardError)", sourceLocation: sourceLocation)
      let expected = try jsonObject(compare.standardOutput)
      let pair = try #require(comparisons.first { $0["metric"] as? String == metric })
      #expect(
        NSDictionary(dictionary: pair["difference"] as! [String: Any])
          == NSDictionary(dictionary: expected["difference"] as! [String: Any]),
        sourceLocation: sourceLocation)
      #expect(
        NSDictionary(dictionary: pair["tests"] as! [String: Any])
          == NSDictionary(dictionary: expected["tests"] as! [String: Any]),
        sourceLocation: sourceLocation)
    }
  }

  @Test(
    "the report of two per-class columns shows binary average precision and ROC-AUC of the positive column, equal to evaluate's and compare --metric's"
  )
  func reportPositiveColumn() throws {
    let folder = TemporaryDirectory()
    let gold = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
    let scores = [
      "a.csv": [0.9, 0.3, 0.6, 0.45, 0.5, 0.1, 0.8, 0.35, 0.55, 0.2],
      "b.csv": [0.7, 0.4, 0.65, 0.3, 0.2, 0.15, 0.9, 0.6, 0.5, 0.25],
    ]
    for (name, column) in scores {
      folder.write(
        name, "label,0,1\n" + zip(gold, column).map { "\($0),\(1 - $1),\($1)\n" }.joined())
    }
    let options = ["--score-columns", "0,1", "--resamples", "300", "--seed", "11"]
    let report = try runF1Kit(
      ["report", "a.csv", "b.csv"] + options + ["--out", "r.html", "--json", "r.json"],
      in: folder.url)
    #expect(report.status == 0, "\(report.standardError)")
    let section = try #require(
      try jsonObject(
        try String(contentsOf: folder.url.appendingPathComponent("r.json"), encoding: .utf8))[
          "scores"] as? [String: Any])
    #expect(section["positive_column_label"] as? String == "1")
    let models = try #require(section["models"] as? [[String: Any]])
    let first = try #require(models[0]["score_metrics"] as? [String: Any])
    // scikit-learn 1.9.1: roc_auc_score(y, P[:, 1]), average_precision_score(y, P[:, 1]).
    #expect(abs((first["roc_auc"] as? Double ?? 0) - 0.9600000000000001) <= 1e-12)
    #expect(abs((first["average_precision"] as? Double ?? 0) - 0.9666666666666666) <= 1e-12)
    #expect(first["roc_auc_ovr_macro"] is Double)
    try expectComparisons(section, equal: ["a.csv", "b.csv"] + options, in: folder.url)
    let page = try String(
      contentsOf: folder.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(page.contains("average precision and ROC-AUC read the column of the positive label"))
  }

  @Test("the main job's report finds the score column and says so in its metadata")
  func reportFindsScoreColumn() throws {
    let folder = TemporaryDirectory()
    let html = folder.url.appendingPathComponent("r.html").path
    let result = try runF1Kit([
      "report", Self.l6, Self.l3, "--resamples", "200", "--out", html,
    ])
    #expect(result.status == 0)
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("<section id=\"scores\""))
    #expect(page.contains("<dt>Score column</dt><dd>“score” (found by name)"))
    #expect(page.contains("id=\"scores-roc\""))
  }

  @Test("gate says where each file's cut-off came from, in text and JSON")
  func gateThresholdSource() throws {
    let text = try runF1Kit([
      "gate", Self.l6, Self.l3, "--metric", "binary_f1", "--margin", "0.05", "--score-column",
      "score", "--threshold-from", "\(Self.dev6),\(Self.dev3)", "--resamples", "200",
    ])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains(
        "\(Self.l6): threshold 0.634695 chosen on \(Self.dev6) for binary_f1"))
    #expect(
      text.standardOutput.contains(
        "\(Self.l3): threshold 0.636334 chosen on \(Self.dev3) for binary_f1"))
    let json = try runF1Kit([
      "gate", Self.l6, Self.l3, "--metric", "binary_f1", "--margin", "0.05", "--score-column",
      "score", "--resamples", "200", "--format", "json",
    ])
    let thresholds = try #require(
      try jsonObject(json.standardOutput)["thresholds"] as? [String: [String: Any]])
    #expect(thresholds[Self.l6]?["source"] as? String == "default")
    #expect(thresholds[Self.l6]?["value"] as? Double == 0.5)
  }
}
