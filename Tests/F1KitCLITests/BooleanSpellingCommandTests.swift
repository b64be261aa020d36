import Foundation
import Testing
import _TestSupport

/// A pandas frame with a bool label column written to JSON Lines: the
/// labels read `true` and `false`, while `predict_proba` columns named by
/// the classes read `True` and `False`, as Python prints them.
@Suite("Booleans spelled in two cases are one class")
struct BooleanSpellingCommandTests {
  /// 30 items, every fourth predicted wrong, with scores that rank them.
  static let items: [(gold: Bool, predicted: Bool, score: Double)] = (0..<30).map { item in
    let gold = item % 3 != 0
    let predicted = item % 4 == 0 ? !gold : gold
    return (gold, predicted, predicted ? 0.6 + Double(item) / 100 : 0.4 - Double(item) / 100)
  }

  static func jsonLines(predictionAsText: Bool) -> String {
    items.map { item in
      let predicted =
        predictionAsText ? "\"\(item.predicted ? "True" : "False")\"" : "\(item.predicted)"
      return
        "{\"label\":\(item.gold),\"prediction\":\(predicted),\"False\":\(1 - item.score),\"True\":\(item.score)}\n"
    }.joined()
  }

  static func csv() -> String {
    "label,prediction,False,True\n"
      + items.map {
        "\($0.gold ? "True" : "False"),\($0.predicted ? "True" : "False"),\(1 - $0.score),\($0.score)\n"
      }.joined()
  }

  private func document(_ result: CommandResult) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("JSON's true and false are the classes of the score columns True and False")
  func jsonBooleansMatchScoreColumns() throws {
    let directory = TemporaryDirectory()
    directory.write("b.jsonl", Self.jsonLines(predictionAsText: false))
    directory.write("b.csv", Self.csv())
    let arguments = ["--score-columns", "False,True", "--format", "json"]
    let json = try document(try runF1Kit(["evaluate", "b.jsonl"] + arguments, in: directory.url))
    let csv = try document(try runF1Kit(["evaluate", "b.csv"] + arguments, in: directory.url))
    #expect(json["metrics"] as? NSDictionary == csv["metrics"] as? NSDictionary)
    let scores = try #require(json["score_metrics"] as? [String: Double])
    let csvScores = try #require(csv["score_metrics"] as? [String: Double])
    #expect(scores.keys.sorted() == csvScores.keys.sorted())
    for (name, value) in scores {
      #expect(abs(value - (csvScores[name] ?? .nan)) < 1e-12, "\(name)")
    }
  }

  @Test("gold true beside predictions written \"True\" is one class, spelled in one case")
  func textPredictionsMatchBooleans() throws {
    let directory = TemporaryDirectory()
    directory.write("b.jsonl", Self.jsonLines(predictionAsText: true))
    let json = try document(
      try runF1Kit(["evaluate", "b.jsonl", "--format", "json"], in: directory.url))
    #expect(json["labels"] as? [String] == ["false", "true"])
    let metrics = try #require(json["metrics"] as? [String: Any])
    // 8 of the 30 items (every fourth) are predicted wrong.
    #expect(metrics["accuracy"] as? Double == 22.0 / 30)
  }
}
