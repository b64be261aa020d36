import Foundation
import Testing
import _TestSupport

/// `compare` and `gate` of one file per model say how many resamples an
/// undefined metric left out, as `evaluate --ci` and multilabel JSON do.
@Suite("f1kit compare and gate: resamples left out as undefined are counted, not hidden")
struct UndefinedResamplesCommandTests {
  /// 60 items with two positives: binary F1 with `--zero-division nan` is
  /// undefined on resamples that draw no positive item and no positive
  /// prediction.
  static func file(positivePredictions: Set<Int>) -> String {
    "id,label,prediction\n"
      + (0..<60).map {
        "\($0),\([3, 17].contains($0) ? 1 : 0),\(positivePredictions.contains($0) ? 1 : 0)\n"
      }
      .joined()
  }

  static let files = [
    "ra.csv": file(positivePredictions: [17, 40]),
    "rb.csv": file(positivePredictions: [3, 10, 17, 20, 30]),
  ]

  private func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("compare's text, JSON and gate give the undefined resamples and what rests on the rest")
  func counted() throws {
    let directory = TemporaryDirectory()
    for (name, text) in Self.files { directory.write(name, text) }
    let arguments = ["compare", "ra.csv", "rb.csv", "--zero-division", "nan", "-q"]
    let text = try runF1Kit(arguments, in: directory.url)
    #expect(text.status == 0, "\(text.standardError)")
    let json = try runF1Kit(arguments + ["--format", "json"], in: directory.url)
    let document = try object(json.standardOutput)
    let difference = try #require(document["difference"] as? [String: Any])
    let undefined = try #require(difference["undefined_resamples"] as? Int)
    #expect(undefined > 0 && undefined < 9_999)
    let tests = try #require(document["tests"] as? [String: Any])
    let bootstrap = try #require(tests["paired_bootstrap"] as? [String: Any])
    #expect(bootstrap["resamples"] as? Int == 9_999)
    #expect(bootstrap["undefined_resamples"] as? Int == undefined)
    let models = try #require(document["models"] as? [[String: Any]])
    let modelUndefined = try models.map {
      try #require($0["interval"] as? [String: Any])["undefined_resamples"] as? Int
    }
    #expect(modelUndefined.allSatisfy { ($0 ?? 0) > 0 })
    let defined = 9_999 - undefined
    let grouped = "\(defined / 1_000)," + String(format: "%03d", defined % 1_000)
    let clause =
      "rb.csv − ra.csv's interval and paired bootstrap test rest on \(grouped) of 9,999 resamples"
    #expect(
      text.standardOutput.contains(
        "Note: Some resamples gave an undefined binary F1 and are left out: ra.csv's interval rests on "
      ), "\(text.standardOutput)")
    #expect(text.standardOutput.contains(clause), "\(text.standardOutput)")
    let cautions = try #require(document["cautions"] as? [String])
    #expect(cautions.contains { $0.contains(clause) })
    let gate = try runF1Kit(
      [
        "gate", "ra.csv", "rb.csv", "--zero-division", "nan", "--metric", "binary_f1", "--margin",
        "0.1", "-q", "--format", "json",
      ], in: directory.url)
    #expect(gate.status == 1, "\(gate.standardError)")
    let decision = try object(gate.standardOutput)
    let gateDifference = try #require(decision["difference"] as? [String: Any])
    #expect(gateDifference["undefined_resamples"] as? Int == undefined)
    #expect(
      (decision["cautions"] as? [String] ?? []).contains { $0.contains(clause) },
      "\(gate.standardOutput)")
  }

  @Test("a comparison whose every resample is defined says nothing about undefined resamples")
  func nothingUndefined() throws {
    let directory = TemporaryDirectory()
    for (name, text) in Self.files { directory.write(name, text) }
    let result = try runF1Kit(
      ["compare", "ra.csv", "rb.csv", "--metric", "accuracy", "-q", "--format", "json"],
      in: directory.url)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(!result.standardOutput.contains("undefined"), "\(result.standardOutput)")
  }
}
