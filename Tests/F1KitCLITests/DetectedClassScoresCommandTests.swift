import Foundation
import Testing
import _TestSupport

/// `report` and `advise` read columns named after the classes, as pandas
/// writes `df[clf.classes_] = clf.predict_proba(X)` beside the predictions,
/// for the score metrics, and keep the predictions of the prediction column.
@Suite("Score columns named after the classes, found by name")
struct DetectedClassScoresCommandTests {
  /// Two three-class models on the same ten items, written by pandas'
  /// `to_csv` (the index first, as ids); model b's rows are reversed, so its
  /// labels come first in another order. Row 3 of a is predicted right by
  /// its prediction column and wrong by its highest score, so accuracy is
  /// 0.9 from the column and would be 0.8 from the scores.
  static let a = """
    ,label,prediction,entailment,neutral,contradiction
    0,neutral,neutral,0.2,0.7,0.1
    1,entailment,entailment,0.6,0.2,0.2
    2,contradiction,contradiction,0.3,0.1,0.6
    3,neutral,neutral,0.4,0.3,0.3
    4,entailment,neutral,0.4,0.5,0.1
    5,contradiction,contradiction,0.2,0.2,0.6
    6,neutral,neutral,0.3,0.6,0.1
    7,neutral,neutral,0.3,0.5,0.2
    8,entailment,entailment,0.8,0.1,0.1
    9,contradiction,contradiction,0.3,0.3,0.4

    """
  static let b = """
    ,label,prediction,entailment,neutral,contradiction
    9,contradiction,contradiction,0.2,0.2,0.6
    8,entailment,entailment,0.7,0.2,0.1
    7,neutral,neutral,0.2,0.6,0.2
    6,neutral,entailment,0.5,0.4,0.1
    5,contradiction,neutral,0.2,0.4,0.4
    4,entailment,entailment,0.6,0.3,0.1
    3,neutral,neutral,0.3,0.5,0.2
    2,contradiction,contradiction,0.2,0.2,0.6
    1,entailment,entailment,0.5,0.3,0.2
    0,neutral,neutral,0.3,0.5,0.2

    """
  /// scikit-learn 1.9.1: `log_loss(y, P, labels=sorted(classes))` of a and b.
  static let logLosses = [0.6352822438951097, 0.6312000444430841]

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test(
    "a report of two models reads each class's column, whatever order the labels come in",
    arguments: [["a.csv", "b.csv"], ["a.csv"]])
  func reportReadsClassColumns(files: [String]) throws {
    let folder = TemporaryDirectory()
    _ = folder.write("a.csv", Self.a)
    _ = folder.write("b.csv", Self.b)
    let result = try runF1Kit(
      ["report"] + files + ["--resamples", "200", "--out", "r.html", "--json", "r.json"],
      in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let json = try Self.object(
      try String(contentsOf: folder.url.appendingPathComponent("r.json"), encoding: .utf8))
    let scores = try #require(json["scores"] as? [String: Any])
    let models = try #require(scores["models"] as? [[String: Any]])
    for (index, model) in models.enumerated() {
      let metrics = try #require(model["score_metrics"] as? [String: Any])
      #expect(abs((metrics["log_loss"] as? Double ?? 0) - Self.logLosses[index]) <= 1e-12)
    }
    #expect(models.count == files.count)
    let first = try #require((json["models"] as? [[String: Any]])?.first)
    let accuracy = try #require((first["metrics"] as? [String: Any])?["accuracy"] as? [String: Any])
    #expect(accuracy["value"] as? Double == 0.9)
    let page = try String(
      contentsOf: folder.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(page.contains("<section id=\"scores\""))
    // The labels in the order a's rows first show them.
    #expect(
      page.contains(
        "<dt>Score column</dt><dd>“neutral”, “entailment”, “contradiction” (found by name, one per class) for the score metrics"
      ))
  }

  @Test("a report whose files do not all have the columns says why it shows no scores")
  func reportSaysWhyScoresAreMissing() throws {
    let folder = TemporaryDirectory()
    _ = folder.write("a.csv", Self.a)
    let plain = Self.b.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",")
    }
    _ = folder.write("b.csv", plain.joined(separator: "\n") + "\n")
    let result = try runF1Kit(
      ["report", "a.csv", "b.csv", "--resamples", "200", "--out", "r.html"], in: folder.url)
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(
      contentsOf: folder.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(!page.contains("<section id=\"scores\""))
    #expect(
      page.contains(
        "<dt>Score column</dt><dd>score columns found by name in a.csv but not in b.csv: no score metrics"
      ))
  }

  @Test("advise reads each class's column and keeps the prediction column's predictions")
  func adviseReadsClassColumns() throws {
    let folder = TemporaryDirectory()
    let path = folder.write("a.csv", Self.a)
    let json = try runF1Kit(["advise", path, "--format", "json"])
    #expect(json.status == 0, "\(json.standardError)")
    let metrics = try #require(
      try Self.object(json.standardOutput)["score_metrics"] as? [String: Any])
    #expect(abs((metrics["log_loss"] as? Double ?? 0) - Self.logLosses[0]) <= 1e-12)
    // roc_auc_score(y, P, multi_class="ovr", average="macro").
    #expect(abs((metrics["roc_auc_ovr_macro"] as? Double ?? 0) - 0.9642857142857144) <= 1e-12)
    let text = try runF1Kit(["advise", path])
    #expect(text.status == 0)
    #expect(text.standardOutput.contains("per-class scores from the columns"))
    #expect(text.standardOutput.contains("the predictions still come from the prediction column"))
  }

  @Test("a column named after a class that holds no numbers is left alone, with a warning")
  func textColumnNamedAfterAClass() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(
      "p.csv",
      "label,prediction,cat,dog,bird\ncat,cat,x,0.1,0.1\ndog,cat,y,0.2,0.3\nbird,bird,z,0.1,0.7\n")
    let result = try runF1Kit(["advise", path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("are not read as scores (give --score-columns)"))
    #expect(!result.standardOutput.contains("score metrics"))
  }
}
