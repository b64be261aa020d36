import Foundation
import Testing
import _TestSupport

/// `advise` and `report` give the same advice on probabilities that
/// forecast no better than the positive rate.
@Suite("Poorly calibrated probabilities in advise and report")
struct CalibrationAdviceCommandTests {
  /// 10 positives and 400 negatives, the positives scored 0.9 and the
  /// negatives `low` and `high` in turn (so that the default cut-off 0.5
  /// splits them when `high` is above it).
  private static func rows(low: Double, high: Double) -> String {
    "id,label,score\n"
      + (0..<410).map { item in
        item < 10 ? "i\(item),1,0.9\n" : "i\(item),0,\(item % 2 == 0 ? low : high)\n"
      }.joined()
  }

  @Test("advise --score-column warns, in text and JSON, with scikit-learn's Brier score")
  func adviseWarns() throws {
    let directory = TemporaryDirectory()
    directory.write("over.csv", Self.rows(low: 0.3, high: 0.7))
    let text = try runF1Kit(["advise", "over.csv", "--score-column", "score"], in: directory.url)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(
      text.standardOutput.contains(
        "warning: As probabilities, the scores are no better than the positive rate alone [poorly-calibrated-probabilities]"
      ), "\(text.standardOutput)")
    let json = try runF1Kit(
      ["advise", "over.csv", "--score-column", "score", "--format", "json"], in: directory.url)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let advice = try #require(object["advice"] as? [[String: Any]])
    let calibration = try #require(
      advice.first { $0["id"] as? String == "poorly-calibrated-probabilities" })
    let evidence = try #require(calibration["evidence"] as? [[String: Any]])
    // scikit-learn: brier_score_loss(y, s) 0.2831707317073171.
    let brier = try #require(evidence.first { $0["name"] as? String == "brier_score" })
    #expect(agrees(try #require(brier["value"] as? Double), 0.2831707317073171))
  }

  @Test("the report names the poorly calibrated model, and not the calibrated one")
  func reportWarns() throws {
    let directory = TemporaryDirectory()
    directory.write("over.csv", Self.rows(low: 0.3, high: 0.7))
    directory.write("fine.csv", Self.rows(low: 0.01, high: 0.02))
    let result = try runF1Kit(
      [
        "report", "over.csv", "fine.csv", "--score-column", "score", "--resamples", "200",
        "--out", "r.html", "--json", "r.json",
      ], in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    let page = try String(
      contentsOf: directory.url.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(page.contains("<code>poorly-calibrated-probabilities</code>"))
    let object = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: directory.url.appendingPathComponent("r.json")))
        as? [String: Any])
    let advice = try #require(object["advice"] as? [[String: Any]])
    let models = advice.filter { $0["id"] as? String == "poorly-calibrated-probabilities" }
      .map { $0["model"] as? String }
    #expect(models == ["over.csv"], "\(models)")
  }
}
