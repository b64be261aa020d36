import Foundation
import Testing
import _TestSupport

/// `advise`, `evaluate --format csv` and `report` with `--weight-column` on
/// `fixtures/examples/weighted.csv`: 10 gold items per class whose weights
/// sum to 13, 17.5 and 8.5 (total 39), checked against scikit-learn with
/// `sample_weight`.
@Suite("weighted.csv: every number weighted, or labelled as an item count")
struct WeightedExampleCommandTests {
  static let file = Fixtures.url("examples/weighted.csv").path

  @Test("advise names weight and items and quotes no Wilson interval of items over weight")
  func adviseSmallClasses() throws {
    let result = try runF1Kit(
      ["advise", Self.file, "--pred-column", "a", "--weight-column", "weight"])
    #expect(result.status == 0, "\(result.standardError)")
    let text = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("\"neg\" (recall 0.96 at weight 13, 10 items)"))
    #expect(text.contains("\"neu\" (recall 0.94 at weight 17.5, 10 items)"))
    #expect(text.contains("\"pos\" (recall 0.88 at weight 8.5, 10 items)"))
    // The old text: 9 correct items over the rounded weight 13.
    #expect(!text.contains("on 13 items"))
    #expect(!text.contains("[0.42, 0.87]"))
    #expect(text.contains("No Wilson interval is quoted"))
    #expect(text.contains("support[\"neu\"] = 17.5"))
  }

  @Test("evaluate --format csv carries the exact weighted supports, as the JSON does")
  func csvSupportsAreExactWeights() throws {
    let arguments = ["evaluate", Self.file, "--pred-column", "a", "--weight-column", "weight"]
    let csv = try runF1Kit(arguments + ["--format", "csv"])
    #expect(csv.status == 0, "\(csv.standardError)")
    let supports = csv.standardOutput.split(separator: "\r\n").filter {
      $0.hasPrefix("support,")
    }
    #expect(supports == ["support,neg,13.0", "support,neu,17.5", "support,pos,8.5"])
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(runF1Kit(arguments + ["--format", "json"]).standardOutput.utf8))
        as? [String: Any])
    let rows = try #require(json["per_class"] as? [[String: Any]])
    #expect(rows.compactMap { $0["support"] as? Double } == [13, 17.5, 8.5])
  }

  @Test("evaluate --ci --format csv carries the exact weighted supports too")
  func intervalCSVSupportsAreExactWeights() throws {
    let csv = try runF1Kit([
      "evaluate", Self.file, "--pred-column", "a", "--weight-column", "weight", "--ci",
      "--resamples", "200", "--format", "csv",
    ])
    #expect(csv.status == 0, "\(csv.standardError)")
    #expect(csv.standardOutput.contains("support,neu,17.5,,\r\n"))
  }
}
