import Foundation
import Testing
import _TestSupport

/// `report`, `advise` and `evaluate` with `--weight-column` on the real
/// STS-B pair, each item weighted by a deterministic function of its row.
@Suite("report and advise with sample weights")
struct WeightedReportCommandTests {
  /// The two STS-B fixtures with a weight column: 0.5, 1, 2 or 0 by row.
  static func weightedFixtures(in folder: TemporaryDirectory) throws -> [String] {
    try ["test-minilm-l6.csv", "test-minilm-l3.csv"].map { name in
      let text = try String(contentsOf: Fixtures.url("stsb/\(name)"), encoding: .utf8)
        .replacingOccurrences(of: "\r\n", with: "\n")
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      let weights = ["0.5", "1", "2", "0", "1.25"]
      let rows = lines.dropFirst().enumerated().map { "\($1),\(weights[$0 % weights.count])" }
      return folder.write(name, ([lines[0] + ",w"] + rows).joined(separator: "\n") + "\n")
    }
  }

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private func canonical(_ value: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
  }

  @Test("report --json is weighted and agrees with compare --weight-column to the last digit")
  func reportAgreesWithCompare() throws {
    let folder = TemporaryDirectory()
    let files = try Self.weightedFixtures(in: folder)
    let json = folder.url.appendingPathComponent("report.json").path
    let html = folder.url.appendingPathComponent("report.html").path
    let options = ["--weight-column", "w", "--resamples", "300", "--seed", "4"]
    let report = try runF1Kit(["report"] + files + ["--out", html, "--json", json] + options)
    #expect(report.status == 0, "\(report.standardError)")
    let document = try object(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: json)), as: UTF8.self))
    #expect(document["weighted"] as? Bool == true)
    let compare = try runF1Kit(
      ["compare"] + files + ["--metric", "binary_f1", "--format", "json", "-q"] + options)
    #expect(compare.status == 0, "\(compare.standardError)")
    let expected = try object(compare.standardOutput)
    #expect(expected["total_weight"] as? Double == document["total_weight"] as? Double)
    let comparisons = try #require(document["comparisons"] as? [[String: Any]])
    let pair = try #require(comparisons.first { $0["metric"] as? String == "binary_f1" })
    #expect(try canonical(pair["difference"] ?? [:]) == canonical(expected["difference"] ?? [:]))
    #expect(try canonical(pair["tests"] ?? [:]) == canonical(expected["tests"] ?? [:]))
    let models = try #require(document["models"] as? [[String: Any]])
    let wanted = try #require(expected["models"] as? [[String: Any]])
    for (model, compared) in zip(models, wanted) {
      let value = try #require((model["metrics"] as? [String: [String: Any]])?["binary_f1"])
      #expect(value["value"] as? Double == compared["value"] as? Double)
    }
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("Sample weights"))
    #expect(page.contains("McNemar&#39;s test counts items, not sample weights"))
  }

  @Test("the weighted report's models equal evaluate --weight-column")
  func reportModelsEqualEvaluate() throws {
    let folder = TemporaryDirectory()
    let files = try Self.weightedFixtures(in: folder)
    let json = folder.url.appendingPathComponent("report.json").path
    let report = try runF1Kit(
      [
        "report", files[0], "--out", folder.url.appendingPathComponent("r.html").path, "--json",
        json,
        "--weight-column", "w", "--resamples", "200",
      ])
    #expect(report.status == 0, "\(report.standardError)")
    let document = try object(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: json)), as: UTF8.self))
    let evaluate = try object(
      try runF1Kit(["evaluate", files[0], "--weight-column", "w", "--format", "json"])
        .standardOutput)
    let metrics = try #require(evaluate["metrics"] as? [String: Double])
    let model = try #require((document["models"] as? [[String: Any]])?.first)
    let reported = try #require(model["metrics"] as? [String: [String: Any]])
    for key in ["binary_f1", "accuracy", "macro_f1", "mcc", "cohen_kappa"] {
      let value = try #require(reported[key]?["value"] as? Double)
      #expect(abs(value - (metrics[key] ?? .nan)) <= 1e-12, "\(key)")
    }
  }

  @Test("advise --weight-column cites weighted scores and says so")
  func adviseWeighted() throws {
    let folder = TemporaryDirectory()
    let files = try Self.weightedFixtures(in: folder)
    let text = try runF1Kit(["advise", files[0], "--weight-column", "w"])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.hasPrefix("weighted: the scores cited use sample weights"))
    let json = try object(
      try runF1Kit(["advise", files[0], "--weight-column", "w", "--format", "json"]).standardOutput)
    #expect(json["weighted"] as? Bool == true)
  }
}
