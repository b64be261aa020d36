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

  /// The report of models `a` and `b` on the fixture: its page and JSON.
  private func weightedReport() throws -> (page: String, json: [String: Any]) {
    let folder = TemporaryDirectory()
    let html = folder.url.appendingPathComponent("w.html").path
    let json = folder.url.appendingPathComponent("w.json").path
    let result = try runF1Kit([
      "report", Self.file, "--pred-columns", "a,b", "--weight-column", "weight", "--out", html,
      "--json", json, "--resamples", "200",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
        as? [String: Any])
    return (try String(contentsOfFile: html, encoding: .utf8), document)
  }

  @Test("the report's baselines are DummyClassifier's fitted with sample_weight")
  func reportBaselinesAreWeighted() throws {
    let page = try weightedReport().page
    // most_frequent predicts "neu" (weight 17.5 of 39; every class has 10
    // items): accuracy 0.4487, macro-F1 0.2065; stratified accuracy is Σp²
    // of the weight shares, 0.3600.
    #expect(page.contains("Predicts “neu” for every item"))
    #expect(
      page.contains(
        "<th scope=\"row\">accuracy</th><td class=\"num best\"><span class=\"v\">0.9359</span>"))
    #expect(page.contains("<td class=\"num muted\">0.4487</td><td class=\"num muted\">0.3600</td>"))
    #expect(page.contains("<td class=\"num muted\">0.2065</td>"))
  }

  @Test("the report's supports, class balance and summary are weight sums, items labelled apart")
  func reportSizesAreWeights() throws {
    let (page, json) = try weightedReport()
    #expect(page.contains("2.1×"))
    #expect(page.contains("largest / smallest class, by weight"))
    #expect(page.contains("weight of the smallest class"))
    #expect(!page.contains("items in the smallest class"))
    // The class balance table: weight, share of weight, items, predicted weight.
    #expect(
      page.contains(
        "<bdi>neu</bdi></th><td class=\"num\">17.5</td><td class=\"num\">44.9%</td><td class=\"num\">10</td>"
      ))
    #expect(!page.contains("45.0%"))
    // The classification report: supports 13, 17.5, 8.5 and 39, not 18 and 40.
    #expect(page.contains("<td class=\"num\">17.5</td></tr>"))
    #expect(page.contains("<td class=\"num\">39</td></tr>"))
    #expect(!page.contains("<td class=\"num\">40</td>"))
    #expect(!page.contains("Wilson for per-class precision and recall"))
    let model = try #require((json["models"] as? [[String: Any]])?.first)
    let rows = try #require(model["per_class"] as? [[String: Any]])
    #expect(rows.compactMap { $0["support"] as? Double } == [13, 17.5, 8.5])
    #expect(rows.compactMap { $0["items"] as? Int } == [10, 10, 10])
  }

  @Test(
    "the report's confusion matrices hold weight sums, so the normalised diagonal is the recall")
  func reportConfusionMatricesAreWeighted() throws {
    let (page, json) = try weightedReport()
    // confusion_matrix(y, a, sample_weight=w) is
    // [[12.5, 0.5, 0], [0, 16.5, 1], [0, 1, 7.5]]; recall of "neg" 0.9615.
    #expect(page.contains("Confusion matrix of a, weight sums"))
    #expect(
      page.contains(
        "<bdi>neg</bdi></th><td class=\"num\">12.5</td><td class=\"num\">0.5</td><td class=\"num\">0</td><td class=\"num\">13</td>"
      ))
    #expect(
      page.contains(
        "<bdi>neg</bdi></th><td class=\"num\">96.2</td><td class=\"num\">3.8</td>"))
    #expect(page.contains("wrong items of total weight 2.5"))
    let model = try #require((json["models"] as? [[String: Any]])?.first)
    let cells = try #require(model["weight_cells"] as? [[Double]])
    #expect(
      cells == [[0, 0, 12.5], [0, 1, 0.5], [1, 1, 16.5], [1, 2, 1], [2, 1, 1], [2, 2, 7.5]])
    // The item counts stay in the JSON.
    let items = try #require(model["confusion_cells"] as? [[Int]])
    #expect(items.first == [0, 0, 9])
  }
}
