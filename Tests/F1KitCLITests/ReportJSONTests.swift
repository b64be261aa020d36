import Foundation
import Testing
import _TestSupport

/// `f1kit report --json` and `f1kit compare --format json` give the same
/// numbers, to the last digit, because both come from one comparison engine.
@Suite("report --json agrees with compare")
struct ReportJSONTests {
  static let stsb = ["fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv"]
  static let r8 = [
    "fixtures/r8/test-tfidf-nb.csv", "fixtures/r8/test-tfidf-logreg.csv",
    "fixtures/r8/test-tfidf-logreg-balanced.csv",
  ]

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// A JSON value written canonically (sorted keys), so that two values are
  /// equal exactly when their numbers were printed with the same digits.
  private func canonical(_ value: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
  }

  @Test(
    "every pair on every compared metric equals compare --metric M, and so do the models' intervals",
    arguments: [(stsb, "binary"), (r8, "multiclass")])
  func agreesWithCompare(files: [String], problem: String) throws {
    let directory = TemporaryDirectory()
    let json = directory.url.appendingPathComponent("report.json").path
    let options = ["--resamples", "400", "--seed", "9"]
    let report = try runF1Kit(
      ["report"] + files + ["--out", directory.url.appendingPathComponent("r.html").path]
        + ["--json", json] + options)
    #expect(report.status == 0, "\(report.standardError)")
    let document = try object(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: json)), as: UTF8.self))
    #expect(document["n"] as? Int == (problem == "binary" ? 1379 : 2189))
    let comparisons = try #require(document["comparisons"] as? [[String: Any]])
    let models = try #require(document["models"] as? [[String: Any]])
    #expect(
      models.map { $0["name"] as? String }
        == files.map { URL(fileURLWithPath: $0).lastPathComponent })
    let metrics =
      problem == "binary"
      ? ["binary_f1", "macro_f1", "accuracy", "balanced_accuracy", "weighted_f1", "mcc"]
      : ["macro_f1", "accuracy", "balanced_accuracy", "weighted_f1", "mcc"]
    let pairCount = files.count * (files.count - 1) / 2
    #expect(comparisons.count == metrics.count * pairCount)
    for metric in metrics {
      let compare = try runF1Kit(
        ["compare"] + files + ["--metric", metric, "--format", "json", "-q"] + options)
      #expect(compare.status == 0, "\(compare.standardError)")
      let expected = try object(compare.standardOutput)
      let expectedPairs: [[String: Any]]
      if files.count == 2 {
        let names = try #require(expected["models"] as? [[String: Any]]).map { $0["name"] ?? "" }
        var pair: [String: Any] = [
          "first": names[0], "second": names[1], "difference": expected["difference"] ?? [:],
          "tests": expected["tests"] ?? [:],
        ]
        // The size that would detect a difference not called significant.
        if let detection = expected["detection"] { pair["detection"] = detection }
        expectedPairs = [pair]
      } else {
        expectedPairs = try #require(expected["comparisons"] as? [[String: Any]])
      }
      let actualPairs = comparisons.filter { $0["metric"] as? String == metric }.map {
        $0.filter { $0.key != "metric" }
      }
      #expect(actualPairs.count == pairCount)
      for (actual, wanted) in zip(actualPairs, expectedPairs) {
        #expect(try canonical(actual) == canonical(wanted), "\(metric)")
        if files.count > 2 {
          let tests = try #require(actual["tests"] as? [String: [String: Any]])
          #expect(tests.values.allSatisfy { $0["adjusted_p_value"] != nil })
        }
      }
      let expectedModels = try #require(expected["models"] as? [[String: Any]])
      for (model, wanted) in zip(models, expectedModels) {
        let value = try #require((model["metrics"] as? [String: [String: Any]])?[metric])
        let interval = try #require(wanted["interval"] as? [String: Any])
        #expect(
          try canonical([value["value"], value["low"], value["high"]])
            == canonical([wanted["value"], interval["low"], interval["high"]]), "\(metric)")
      }
    }
    let advice = try #require(document["advice"] as? [[String: Any]])
    #expect(!advice.isEmpty)
    #expect(
      advice.allSatisfy { ["id", "severity", "title", "message"].allSatisfy($0.keys.contains) })
  }

  @Test("--names names the models in compare and report alike")
  func namesEverywhere() throws {
    let directory = TemporaryDirectory()
    let json = directory.url.appendingPathComponent("report.json").path
    let names = ["--names", "small,large"]
    let report = try runF1Kit(
      ["report"] + Self.stsb + ["--out", directory.url.appendingPathComponent("r.html").path]
        + ["--json", json, "--resamples", "200"] + names)
    #expect(report.status == 0, "\(report.standardError)")
    let document = try object(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: json)), as: UTF8.self))
    let models = try #require(document["models"] as? [[String: Any]])
    #expect(models.map { $0["name"] as? String } == ["small", "large"])
    let compare = try runF1Kit(
      ["compare"] + Self.stsb + ["--format", "json", "--resamples", "200", "-q"] + names)
    let expected = try object(compare.standardOutput)
    let compared = try #require(expected["models"] as? [[String: Any]])
    #expect(compared.map { $0["name"] as? String } == ["small", "large"])
    let wrongCount = try runF1Kit(["compare"] + Self.stsb + ["--names", "one"])
    #expect(wrongCount.status == 64)
  }
}
