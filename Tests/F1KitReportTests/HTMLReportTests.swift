import F1Kit
import F1KitAdvice
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Structural checks of a rendered report page.
enum PageStructure {
  /// Every `<svg …>…</svg>` element of a page.
  static func svgElements(_ html: String) -> [String] {
    var result: [String] = []
    var remaining = html[...]
    while let start = remaining.range(of: "<svg "),
      let end = remaining.range(of: "</svg>", range: start.upperBound..<remaining.endIndex)
    {
      result.append(String(remaining[start.lowerBound..<end.upperBound]))
      remaining = remaining[end.upperBound...]
    }
    return result
  }

  /// The values of every `id="…"` attribute.
  static func ids(_ html: String) -> [String] {
    attributeValues("id", in: html)
  }

  /// The values of every `name="…"` attribute in a page.
  static func attributeValues(_ name: String, in html: String) -> [String] {
    var values: [String] = []
    var remaining = html[...]
    let marker = " \(name)=\""
    while let start = remaining.range(of: marker) {
      let rest = remaining[start.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      values.append(String(rest[..<end]))
      remaining = rest[end...]
    }
    return values
  }

  /// How many times a substring occurs.
  static func count(of needle: String, in html: String) -> Int {
    html.components(separatedBy: needle).count - 1
  }

  /// Parses an element as XML, returning the parser's error if any.
  static func xmlError(_ element: String) -> (any Error)? {
    do {
      _ = try XMLDocument(xmlString: element, options: [])
      return nil
    } catch {
      return error
    }
  }
}

@Suite("HTML report")
struct HTMLReportTests {
  static func fixtureReport(_ paths: [String], trainingLog: String? = nil) throws -> ReportModel {
    let inputs = try paths.map(ReportTestData.fixtureInput)
    var options = ReportOptions(
      title: "Fixture report", seed: 7, resamples: 200, toolVersion: "test")
    if let trainingLog {
      options.trainingCurve = try TrainingCurve(csv: trainingLog, source: "log.csv")
    }
    return try ReportBuilder(options: options).build(inputs)
  }

  /// The pages the structural tests check.
  static let pageNames = [
    "sentence pairs, two models and a training log", "Reuters-R8, two models", "one model",
    "three models of 50 classes", "sentence pairs with their scores",
    "probability scores, cut at the default",
  ]

  /// Renders one of the pages the structural tests check. The three models
  /// of 50 classes get intervals from few resamples: the page's size and
  /// structure do not depend on their number.
  static func page(_ name: String) throws -> String {
    switch name {
    case pageNames[0]:
      return HTMLReport(
        try fixtureReport(
          ["stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv"],
          trainingLog: ReportTestData.trainingLog)
      ).render()
    case pageNames[1]:
      return HTMLReport(try fixtureReport(["r8/test-tfidf-logreg.csv", "r8/test-tfidf-nb.csv"]))
        .render()
    case pageNames[2]:
      return HTMLReport(try fixtureReport(["r8/test-tfidf-nb.csv"])).render()
    case pageNames[4]:
      return HTMLReport(try ScoreReportTests.stsbReport()).render()
    case pageNames[5]:
      return HTMLReport(try ScoreReportTests.probabilityReport()).render()
    default:
      let inputs = ReportTestData.syntheticInputs(models: 3, classes: 50)
      return HTMLReport(try ReportBuilder(options: ReportOptions(resamples: 20)).build(inputs))
        .render()
    }
  }

  @Test("every SVG chart is well-formed XML with role, title and description", arguments: pageNames)
  func chartsAreWellFormed(_ name: String) throws {
    let html = try Self.page(name)
    let charts = PageStructure.svgElements(html)
    #expect(!charts.isEmpty)
    for chart in charts {
      let error = PageStructure.xmlError(chart)
      #expect(error == nil, "\(String(describing: error)) in \(chart.prefix(200))")
      #expect(chart.contains("role=\"img\""))
      let id = try #require(PageStructure.ids(String(chart.prefix(200))).first)
      #expect(chart.contains("<title id=\"\(id)-title\">"))
      #expect(chart.contains("<desc id=\"\(id)-desc\">"))
      #expect(chart.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
    }
  }

  @Test("the page has one h1, unique ids, no script and no external resource", arguments: pageNames)
  func pageStructure(_ name: String) throws {
    let html = try Self.page(name)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(PageStructure.count(of: "<h1", in: html) == 1)
    let ids = PageStructure.ids(html)
    #expect(
      Set(ids).count == ids.count,
      "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(PageStructure.attributeValues("src", in: html).isEmpty)
    for href in PageStructure.attributeValues("href", in: html) {
      #expect(href.hasPrefix("#") && ids.contains(String(href.dropFirst())), "href \(href)")
    }
    for reference in PageStructure.attributeValues("aria-labelledby", in: html) {
      for id in reference.split(separator: " ") { #expect(ids.contains(String(id))) }
    }
  }

  @Test("every chart has a data table beside it", arguments: pageNames)
  func chartsHaveTables(_ name: String) throws {
    let html = try Self.page(name)
    let figures = html.components(separatedBy: "<figure>").dropFirst()
    // A chart wider than a phone has a second, phone drawing in its figure.
    let charts = PageStructure.svgElements(html).filter { !$0.contains(" class=\"chart narrow") }
    #expect(figures.count == charts.count)
    for figure in figures {
      let body = figure.components(separatedBy: "</figure>")[0]
      #expect(body.contains("<svg "))
      #expect(body.contains("<details><summary>Data table</summary>"))
      #expect(body.contains("<table>"))
    }
  }

  @Test("the page has a dark colour scheme and a print stylesheet")
  func colourSchemes() throws {
    let html = HTMLReport(try Self.fixtureReport(["stsb/test-minilm-l6.csv"])).render()
    #expect(html.contains("@media (prefers-color-scheme:dark)"))
    #expect(html.contains("@media print"))
    #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
  }

  static let hostileLabels = [
    "<script>alert(1)</script>", "a \"quoted\" & 'apostrophe' label", "x<y>&amp;",
    "tab\tand\u{1}control",
  ]

  @Test("labels are escaped everywhere, and charts stay well-formed")
  func escapesLabels() throws {
    let labels = Self.hostileLabels
    let rows = [[30, 2, 1, 0], [3, 25, 2, 1], [1, 2, 20, 3], [0, 1, 4, 22]]
    let matrix = try ConfusionMatrix(labels: labels, counts: rows)
    let other = try ConfusionMatrix(labels: labels, counts: rows.map { $0.reversed() })
    let inputs = [
      ReportInput(name: "<b>model</b> \"one\"", sourceFile: "one&two.csv", confusionMatrix: matrix),
      ReportInput(name: "model 'two'", sourceFile: "two.csv", confusionMatrix: other),
    ]
    let html = HTMLReport(
      try ReportBuilder(options: ReportOptions(title: "<i>Title</i> & \"more\"", resamples: 100))
        .build(inputs)
    ).render()
    #expect(!html.contains("<script>alert(1)</script>"))
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("a &quot;quoted&quot; &amp; &#39;apostrophe&#39; label"))
    #expect(html.contains("x&lt;y&gt;&amp;amp;"))
    #expect(!html.contains("<b>model</b>") && !html.contains("<i>Title</i>"))
    #expect(!html.contains("\u{1}"))
    for chart in PageStructure.svgElements(html) {
      #expect(PageStructure.xmlError(chart) == nil)
    }
  }

  @Test("the same model renders to the same bytes")
  func deterministic() throws {
    let first = HTMLReport(
      try Self.fixtureReport(["r8/test-tfidf-logreg.csv", "r8/test-tfidf-nb.csv"])
    ).render()
    let second = HTMLReport(
      try Self.fixtureReport(["r8/test-tfidf-logreg.csv", "r8/test-tfidf-nb.csv"])
    ).render()
    #expect(first == second)
  }

  @Test(
    "three models of 50 classes make a page under 1 MB, with heatmaps of the largest classes and top confusions"
  )
  func largeReportSize() throws {
    let html = try Self.page(Self.pageNames[3])
    #expect(html.utf8.count < 1_000_000, "\(html.utf8.count) bytes")
    let counts = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-confusion-counts\"") })
    // 15 classes and one row for the other 35.
    #expect(PageStructure.count(of: "class=\"diagonal\"", in: counts) == 16)
    #expect(counts.contains(">other 35 classes</text>"))
    #expect(PageStructure.count(of: "<caption>Top confusions of", in: html) == 3)
    // Long labels are shortened in charts, with the full label in a title.
    #expect(
      html.contains("<title>topic-with-a-rather-long-name-07</title>topic-with-a-rather-l…</text>"))
  }

  @Test("up to 30 classes get count and row-normalised heatmaps with contrasting text")
  func heatmaps() throws {
    let html = HTMLReport(try Self.fixtureReport(["r8/test-tfidf-logreg.csv"])).render()
    let counts = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-confusion-counts\"") })
    let rows = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"model-1-confusion-rows\"") })
    // acq → acq: 688 of 696 on a light (yellow-green) cell gets black text.
    #expect(rows.contains("style=\"fill:#000000\""))
    // A dark, rarely used cell gets white text.
    #expect(counts.contains("style=\"fill:#ffffff\""))
    #expect(PageStructure.count(of: "class=\"diagonal\"", in: counts) == 8)
    #expect(counts.contains("class=\"zero-cell\""))
  }

  @Test("the verdict names the better model and the difference")
  func verdict() throws {
    let html = HTMLReport(
      try Self.fixtureReport(["stsb/test-minilm-l3.csv", "stsb/test-minilm-l6.csv"])
    ).render()
    #expect(html.contains("<div class=\"verdict\" role=\"note\"><p>test-minilm-l6 "))
    #expect(html.contains("than test-minilm-l3 on binary F1 (positive “1”) by 0.008"))
  }

  @Test("the baselines are computed analytically from the class frequencies")
  func baselines() throws {
    let metrics = try ReportTestData.metrics(
      ["a", "b", "c"], [[50, 5, 5], [5, 20, 5], [2, 2, 6]])
    let majority = BaselineScores(.majorityClass, for: metrics)
    let stratified = BaselineScores(.stratifiedRandom, for: metrics)
    #expect(majority.predictedLabel == "a")
    #expect(agrees(majority.value(of: .accuracy), 0.6))
    #expect(agrees(majority.value(of: .balancedAccuracy), 1.0 / 3))
    // F1 of "a" = 2·0.6/1.6 = 0.75; the others are 0.
    #expect(agrees(majority.value(of: .macroF1), 0.25))
    #expect(agrees(stratified.value(of: .accuracy), 0.36 + 0.09 + 0.01))
    #expect(agrees(stratified.value(of: .macroF1), 1.0 / 3))
    #expect(agrees(stratified.value(of: .weightedF1), 0.46))
    #expect(agrees(stratified.value(of: .matthewsCorrelation), 0))
    #expect(agrees(stratified.value(of: .cohenKappa), 0))
    #expect(
      stratified.classF1.enumerated().allSatisfy { agrees($0.element, [0.6, 0.3, 0.1][$0.offset]) })
  }

  @Test("writing replaces the file atomically and leaves no temporary file")
  func writesAtomically() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("report.html", "old")
    try HTMLReport(try Self.fixtureReport(["stsb/test-minilm-l6.csv"])).write(toFile: path)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.hasPrefix("<!DOCTYPE html>"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["report.html"])
  }

  @Test("writing into a missing folder fails and names it")
  func refusesMissingFolder() throws {
    let directory = TemporaryDirectory()
    let path = directory.url.appendingPathComponent("missing/report.html").path
    #expect(
      throws: ReportError.cannotWrite(
        path: path, reason: "the folder \(directory.url.path)/missing does not exist")
    ) {
      try HTMLReport(try Self.fixtureReport(["stsb/test-minilm-l6.csv"])).write(toFile: path)
    }
  }
}
