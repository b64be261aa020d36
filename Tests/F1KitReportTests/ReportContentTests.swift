import F1Kit
import F1KitStatistics
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Report content: class comparison, degenerate intervals, confusions, many classes, bidi")
struct ReportContentTests {
  static func r8Page() throws -> String {
    HTMLReport(try ReportLayoutTests.r8Report()).render()
  }

  /// The rows of the first table whose caption starts with `caption`.
  static func tableRows(_ html: String, caption: String) throws -> [String] {
    let start = try #require(html.range(of: "<caption>\(caption)"))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    let body = String(html[start.upperBound..<end.lowerBound])
    return Array(body.components(separatedBy: "<tr").dropFirst())
  }

  @Test("one chart shows every model's F1 per class, with a bar per model and class")
  func classComparisonChart() throws {
    let html = try Self.r8Page()
    let chart = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"class-f1-comparison\"") })
    for (index, name) in ["test-tfidf-logreg", "test-tfidf-nb", "test-tfidf-logreg-balanced"]
      .enumerated()
    {
      #expect(chart.contains(">\(name)</text>"))
      // One bar per class in the model's colour (and one legend swatch).
      #expect(PageStructure.count(of: "fill=\"\(ChartColor.model(index))\"", in: chart) == 8 + 1)
    }
    for label in ["acq", "crude", "earn", "grain", "interest", "money-fx", "ship", "trade"] {
      #expect(chart.contains(">\(label)</text>"))
    }
    let rows = try Self.tableRows(html, caption: "F1 of each class for every model")
    // acq: support 696; logreg F1 0.9431, nb 0.8253.
    #expect(rows[1].contains("acq") && rows[1].contains(">696<"))
    #expect(rows[1].contains("0.9431") && rows[1].contains("0.8253"))
    // One model: no comparison chart.
    let single = HTMLReport(try HTMLReportTests.fixtureReport(["r8/test-tfidf-nb.csv"])).render()
    #expect(!single.contains("class-f1-comparison"))
  }

  @Test("a class that is never predicted gets a degenerate F1 interval, marked as such")
  func degenerateInterval() throws {
    let html = try Self.r8Page()
    // test-tfidf-nb never predicts grain or ship: F1 is 0 in every resample.
    let rows = try Self.tableRows(html, caption: "Classification report of test-tfidf-nb")
    let grain = try #require(rows.first { $0.contains("<bdi>grain</bdi>") })
    #expect(grain.contains("class=\"num interval degenerate\">[0.000, 0.000] degenerate ⚠</td>"))
    let earn = try #require(rows.first { $0.contains("<bdi>earn</bdi>") })
    #expect(!earn.contains("degenerate"))
    #expect(html.contains("not that the score is certain"))
    let chart = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-2-class-scores\"") })
    #expect(PageStructure.count(of: "class=\"degenerate-mark\"", in: chart) == 2 + 1)
    #expect(chart.contains(">degenerate interval</text>"))
    // test-tfidf-logreg predicts every class: nothing degenerate.
    let logreg = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-class-scores\"") })
    #expect(!logreg.contains("degenerate"))
    let interval = ConfidenceIntervalTestData.interval(0.25, 0.25)
    #expect(interval.isDegenerate)
    #expect(!ConfidenceIntervalTestData.interval(0.25, 0.2501).isDegenerate)
  }

  @Test("the count heatmap colours log counts, prints raw counts and names its scale")
  func logHeatmap() throws {
    let html = HTMLReport(try HTMLReportTests.fixtureReport(["r8/test-tfidf-logreg.csv"]))
      .render()
    let counts = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-confusion-counts\"") })
    // crude → acq holds 13 items; the largest cell (earn → earn) 1,070.
    let logColour = ChartColor.viridis(log1p(13) / log1p(1070))
    let linearColour = ChartColor.viridis(13.0 / 1070)
    #expect(logColour != linearColour)
    #expect(counts.contains("fill=\"\(logColour)\"><title>gold crude, predicted acq: 13"))
    #expect(!counts.contains("fill=\"\(linearColour)\"><title>gold crude, predicted acq"))
    #expect(counts.contains(">1,070</text>") && counts.contains(">13</text>"))
    #expect(counts.contains(">log colour scale</text>"))
    #expect(html.contains("colour is on a logarithmic scale of the count"))
  }

  @Test("each model has a top-confusions table: gold, predicted, count, share of the gold class")
  func topConfusions() throws {
    let html = try Self.r8Page()
    #expect(PageStructure.count(of: "<caption>Top confusions of", in: html) == 3)
    let rows = try Self.tableRows(html, caption: "Top confusions of test-tfidf-logreg:")
    // money-fx → acq: 24 of 87 money-fx items (27.6%), 24 of 112 errors.
    #expect(rows[1].contains("<bdi>money-fx</bdi>") && rows[1].contains("<bdi>acq</bdi>"))
    #expect(rows[1].contains(">24<") && rows[1].contains(">27.6%<") && rows[1].contains(">21.4%<"))
    #expect(rows.count == 1 + 10)
  }

  /// Two models over `classCount` classes with small supports.
  static func manyClassInputs(_ classCount: Int) -> [ReportInput] {
    let labels = (0..<classCount).map { "class-\($0)" }
    return (0..<2).map { model in
      var matrix = ConfusionMatrix(labels: labels)
      for gold in 0..<classCount {
        let support = 2 + (gold * 7919) % 13
        for item in 0..<support {
          let isRight = (item + gold + model) % 3 != 0
          matrix.add(goldIndex: gold, predictedIndex: isRight ? gold : (gold + 1) % classCount)
        }
      }
      return ReportInput(
        name: "model-\(model + 1)", sourceFile: "m\(model + 1).csv", confusionMatrix: matrix)
    }
  }

  @Test(
    "at 1,000 classes the page shows the 30 largest, summarises the rest, and the JSON keeps all")
  func manyClasses() throws {
    let model = try ReportBuilder(options: ReportOptions(resamples: 0))
      .build(Self.manyClassInputs(1_000))
    let html = HTMLReport(model).render()
    #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
    let rows = try Self.tableRows(html, caption: "Classification report of model-1")
    // 30 classes, the other 970 in one row, then accuracy, macro and weighted.
    #expect(rows.count == 1 + 30 + 1 + 3)
    #expect(rows[31].contains("other 970 classes (mean)"))
    #expect(html.contains("<summary>Full classification report (all 1000 classes)</summary>"))
    // The shown classes are the largest: support 14 (the most any class has).
    #expect(rows[1].contains(">14<"))
    let support = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"class-support\"") })
    // 30 bars and the legend's swatch.
    #expect(PageStructure.count(of: "class=\"gold-bar\"", in: support) == 30 + 1)
    let counts = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-confusion-counts\"") })
    #expect(PageStructure.count(of: "class=\"diagonal\"", in: counts) == 16)
    #expect(html.contains("the JSON (<code>--json</code>) lists its non-empty cells"))
    let json = model.jsonDocument().serialized()
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let models = try #require(document["models"] as? [[String: Any]])
    let perClass = try #require(models[0]["per_class"] as? [[String: Any]])
    #expect(perClass.count == 1_000)
    let cells = try #require(models[0]["confusion_cells"] as? [[Int]])
    #expect(cells.reduce(0) { $0 + $1[2] } == model.reference.confusionMatrix.total)
  }

  static let bidiLabels = ["\u{202E}evil", "\u{2066}isolate", "plain", "mixed\u{202B}ab\u{202C}c"]

  @Test("labels with bidi controls are isolated and cannot reorder the page")
  func bidiIsolation() throws {
    let labels = Self.bidiLabels
    let rows = [[30, 2, 1, 0], [3, 25, 2, 1], [1, 2, 20, 3], [0, 1, 4, 22]]
    let inputs = [
      ReportInput(
        name: "one", sourceFile: "one.csv",
        confusionMatrix: try ConfusionMatrix(labels: labels, counts: rows)),
      ReportInput(
        name: "two\u{202E}", sourceFile: "two.csv",
        confusionMatrix: try ConfusionMatrix(labels: labels, counts: rows.map { $0.reversed() })),
    ]
    let html = HTMLReport(try ReportBuilder(options: ReportOptions(resamples: 100)).build(inputs))
      .render()
    // Every table cell holding a label isolates it.
    #expect(html.contains("<th scope=\"row\"><bdi>\u{202E}evil\u{202C}</bdi></th>"))
    #expect(html.contains("<bdi>\u{2066}isolate\u{2069}</bdi>"))
    #expect(!html.contains("<th scope=\"row\">\u{202E}"))
    // Every run of text between tags closes what it opens.
    for node in html.components(separatedBy: ">").map({ $0.components(separatedBy: "<")[0] }) {
      var embeddings = 0
      var isolates = 0
      for scalar in node.unicodeScalars {
        switch scalar.value {
        case 0x202A, 0x202B, 0x202D, 0x202E: embeddings += 1
        case 0x202C: embeddings -= 1
        case 0x2066, 0x2067, 0x2068: isolates += 1
        case 0x2069: isolates -= 1
        default: break
        }
      }
      #expect(embeddings <= 0 && isolates <= 0, "unclosed bidi control in “\(node)”")
    }
  }
}

/// Intervals for tests.
enum ConfidenceIntervalTestData {
  static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
    ConfidenceInterval(
      lower: lower, upper: upper, estimate: lower, method: .bca, confidence: 0.95,
      standardError: 0)
  }
}
