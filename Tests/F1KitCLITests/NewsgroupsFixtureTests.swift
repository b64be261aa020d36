import Foundation
import Testing
import _TestSupport

@Suite("The 20 Newsgroups multilabel fixture")
struct NewsgroupsFixtureTests {
  private static func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private static var goldens: [String: Any] {
    let data = FileManager.default.contents(atPath: "fixtures/newsgroups/sklearn-metrics.json")
    return (data.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]) ?? [:]
  }

  @Test(
    "evaluate equals scikit-learn on both models, from label sets and from scores at 0.5",
    arguments: ["logreg", "nb"])
  func equalsScikitLearn(model: String) throws {
    let models = try #require(Self.goldens["models"] as? [String: Any])
    let golden = try #require(models[model] as? [String: Any])
    let expected = try #require(golden["metrics"] as? [String: Double])
    let labels = try #require(Self.goldens["labels"] as? [String])
    let fromSets = try runF1Kit([
      "evaluate", "fixtures/newsgroups/test-\(model).csv", "--format", "json",
      "--zero-division", "0",
    ])
    #expect(fromSets.status == 0, "\(fromSets.standardError)")
    let fromScores = try runF1Kit([
      "evaluate", "fixtures/newsgroups/test-\(model)-scores.csv", "--format", "json",
      "--problem", "multilabel", "--score-columns", labels.joined(separator: ","),
      "--threshold", "0.5", "--zero-division", "0",
    ])
    #expect(fromScores.status == 0, "\(fromScores.standardError)")
    for result in [fromSets, fromScores] {
      let document = try Self.object(result.standardOutput)
      #expect(document["labels"] as? [String] == labels)
      let metrics = try #require(document["metrics"] as? [String: Any])
      for (key, value) in expected {
        let actual = try #require(metrics[key] as? Double, "\(key)")
        #expect(abs(actual - value) < 1e-12, "\(model) \(key): \(actual) vs \(value)")
      }
      let confusion = try #require(document["label_confusion"] as? [[[Int]]])
      #expect(confusion == golden["label_confusion"] as? [[[Int]]])
    }
  }
}
