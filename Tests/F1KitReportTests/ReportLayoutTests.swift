import F1Kit
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One `<text>` element of a chart, as drawn.
struct ChartText {
  var content: String
  var x: Double
  var y = 0.0
  var anchor: String
  var fontSize: Double
  var isTransformed: Bool

  /// Every text element of an SVG chart, with its effective font size.
  static func all(in svg: String) throws -> [ChartText] {
    let document = try XMLDocument(xmlString: svg, options: [])
    let nodes = try document.nodes(forXPath: "//*[local-name()='text']")
    return nodes.compactMap { node in
      guard let element = node as? XMLElement else { return nil }
      func attribute(_ name: String) -> String? { element.attribute(forName: name)?.stringValue }
      let content =
        (element.children ?? []).filter { $0.kind == .text }.compactMap(\.stringValue).joined()
      let size =
        attribute("font-size").flatMap(Double.init)
        ?? ChartTextStyle.size(ofClasses: attribute("class"))
      return ChartText(
        content: content, x: attribute("x").flatMap(Double.init) ?? 0,
        y: attribute("y").flatMap(Double.init) ?? 0, anchor: attribute("text-anchor") ?? "start",
        fontSize: size,
        isTransformed: attribute("transform") != nil)
    }
  }

  /// The horizontal extent of the text, estimated.
  var extent: ClosedRange<Double> {
    let width = TextMetrics.width(
      of: content, fontSize: fontSize, isMonospaced: false)
    switch anchor {
    case "end": return (x - width)...x
    case "middle": return (x - width / 2)...(x + width / 2)
    default: return x...(x + width)
    }
  }
}

/// Attributes of an `<svg>` element's opening tag.
enum ChartFrame {
  /// The view box width and the CSS `min-width` in pixels.
  static func widths(_ svg: String) throws -> (viewBox: Double, minimum: Double) {
    let tag = String(svg.prefix { $0 != ">" })
    let viewBox = try #require(PageStructure.attributeValues("viewBox", in: tag).first)
    let width = try #require(Double(viewBox.split(separator: " ")[2]))
    let style = try #require(PageStructure.attributeValues("style", in: tag).first)
    let minimum = try #require(
      style.split(separator: ";").first { $0.hasPrefix("min-width:") }
        .flatMap { Double($0.dropFirst("min-width:".count).dropLast(2)) })
    return (width, minimum)
  }

  /// The `<rect>` elements of an SVG chart with a class, as drawn.
  static func rects(_ svg: String, className: String) throws -> [CGRect] {
    let document = try XMLDocument(xmlString: svg, options: [])
    let nodes = try document.nodes(
      forXPath: "//*[local-name()='rect'][@class='\(className)']")
    return nodes.compactMap { node in
      guard let element = node as? XMLElement else { return nil }
      func value(_ name: String) -> Double {
        element.attribute(forName: name)?.stringValue.flatMap(Double.init) ?? 0
      }
      return CGRect(x: value("x"), y: value("y"), width: value("width"), height: value("height"))
    }
  }
}

@Suite("Report layout: nothing cut off, nothing too small, wide tables contained")
struct ReportLayoutTests {
  static let r8Files = [
    "r8/test-tfidf-logreg.csv", "r8/test-tfidf-nb.csv", "r8/test-tfidf-logreg-balanced.csv",
  ]

  /// The three-model Reuters-R8 report, built once for every test.
  static let r8Model = Result { try HTMLReportTests.fixtureReport(r8Files) }

  static func r8Report() throws -> ReportModel {
    try r8Model.get()
  }

  /// The test pages and the three-model Reuters-R8 report.
  static let pageNames = HTMLReportTests.pageNames + ["Reuters-R8, three models"]

  /// One of ``pageNames``, rendered.
  static func page(_ name: String) throws -> String {
    name == "Reuters-R8, three models"
      ? HTMLReport(try r8Report()).render() : try HTMLReportTests.page(name)
  }

  @Test(
    "every chart's text lies inside its view box (the forest plot's p-values are not cut off)",
    arguments: Self.pageNames)
  func textInsideCharts(_ name: String) throws {
    let html = try Self.page(name)
    for svg in PageStructure.svgElements(html) {
      let (width, _) = try ChartFrame.widths(svg)
      for text in try ChartText.all(in: svg) where !text.isTransformed {
        #expect(
          text.extent.lowerBound >= -0.5 && text.extent.upperBound <= width + 0.5,
          "“\(text.content)” spans \(text.extent) in a chart \(width) wide: \(svg.prefix(60))")
      }
    }
  }

  @Test("the forest plot of three models shows every annotation in full, p-value included")
  func forestAnnotations() throws {
    let html = HTMLReport(try Self.r8Report()).render()
    let forest = try #require(
      PageStructure.svgElements(html).first { $0.contains("id=\"comparison-forest\"") })
    let texts = try ChartText.all(in: forest)
    let annotations = texts.filter { $0.content.contains(", p ") }
    #expect(annotations.count == 15)
    #expect(annotations.allSatisfy { $0.content.hasSuffix("001") || $0.content.last!.isNumber })
    #expect(!texts.contains { $0.content.hasSuffix("…") && $0.content.contains(", p") })
    // The pairs are headings, not truncated prefixes of every row.
    #expect(texts.contains { $0.content == "test-tfidf-nb − test-tfidf-logreg" })
  }

  @Test("with three models the headline table fits a 1280 px window, intervals under values")
  func headlineTableFits() throws {
    let html = HTMLReport(try Self.r8Report()).render()
    let start = try #require(html.range(of: "<table class=\"headline\">"))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    let table = String(html[start.lowerBound..<end.upperBound])
    let header = table.components(separatedBy: "</thead>")[0]
    // Metric, three models and two baselines: no separate interval columns.
    #expect(PageStructure.count(of: "<th scope=\"col\"", in: header) == 6)
    #expect(PageStructure.count(of: "<span class=\"detail\">[", in: table) == 27)
    // Its narrowest layout: each column as wide as its longest word
    // (13.5 px text) plus 20 px of padding.
    var widest = [Double](repeating: 0, count: 6)
    for row in table.components(separatedBy: "<tr").dropFirst() {
      let cells = row.components(separatedBy: "<t").dropFirst().filter {
        $0.hasPrefix("d") || $0.hasPrefix("h ") || $0.hasPrefix("h>")
      }
      for (index, cell) in cells.enumerated() where index < 6 {
        let text = cell.replacingOccurrences(
          of: "<[^>]*>", with: " ", options: .regularExpression)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        let longest = words.map { TextMetrics.width(of: $0, fontSize: 13.5) }.max() ?? 0
        widest[index] = max(widest[index], longest + 20)
      }
    }
    let total = widest.reduce(0, +)
    #expect(total <= 1280 - 48, "the table needs \(total) px")
    // Whatever is wider scrolls inside its own box, never the page.
    #expect(
      table.isEmpty || html.contains("<div class=\"table-scroll\"><table class=\"headline\">"))
    #expect(ReportStylesheet.css.contains(".table-scroll{overflow-x:auto"))
  }

  /// The declarations of the stylesheet's top-level rule for a selector.
  static func declarations(of selector: String) throws -> [String: String] {
    let line = try #require(
      ReportStylesheet.css.split(separator: "\n").first { $0.hasPrefix(selector + "{") },
      "no rule for \(selector)")
    let body = line.dropFirst(selector.count + 1).prefix { $0 != "}" }
    var result: [String: String] = [:]
    for declaration in body.split(separator: ";") {
      let parts = declaration.split(separator: ":", maxSplits: 1).map(String.init)
      if parts.count == 2 { result[parts[0]] = parts[1] }
    }
    return result
  }

  @Test(
    "every caption is its table's, and the table is alone in a scrolling box",
    arguments: Self.pageNames)
  func captionsInScrollingBoxes(_ name: String) throws {
    let html = try Self.page(name)
    // The scrolling box is then the container whose width bounds the
    // caption's (see the next test).
    let captions = PageStructure.count(of: "<caption>", in: html)
    let contained = html.components(separatedBy: "<div class=\"table-scroll\"><table")
      .dropFirst()
      .filter { $0.drop { $0 != ">" }.dropFirst().hasPrefix("<caption>") }.count
    #expect(captions > 0)
    #expect(contained == captions, "\(captions - contained) captions outside a scrolling box")
  }

  @Test("a wide table's caption wraps within its scrolling box, so within a phone's screen")
  func captionsWrapInScrollingBox() throws {
    // A caption is as wide as its table unless bounded: the box is a size
    // container and a caption at most as wide as it, and the caption stays
    // in view as the table scrolls under it.
    let box = try Self.declarations(of: ".table-scroll")
    #expect(box["overflow-x"] == "auto")
    #expect(box["container-type"] == "inline-size")
    let caption = try Self.declarations(of: "caption")
    #expect(caption["max-width"] == "100cqw")
    #expect(caption["position"] == "sticky")
    #expect(caption["left"] == "0")
    #expect(caption["caption-side"] == "top")
    // No other rule, such as the narrow screens' one, styles a caption.
    let css = ReportStylesheet.css.replacingOccurrences(of: "figcaption", with: "")
      .replacingOccurrences(of: "caption-side", with: "")
    #expect(PageStructure.count(of: "caption", in: css) == 1)
  }

  @Test(
    "no chart text is drawn smaller than 10 px, even on a narrow screen",
    arguments: Self.pageNames)
  func chartTextSize(_ name: String) throws {
    let html = try Self.page(name)
    for svg in PageStructure.svgElements(html) {
      let (width, minimum) = try ChartFrame.widths(svg)
      for text in try ChartText.all(in: svg) {
        // The chart is never drawn narrower than its min-width, so its text
        // is never scaled below this.
        let rendered = text.fontSize * minimum / width
        #expect(
          rendered >= ChartTextStyle.minimumRenderedSize - 1e-9,
          "“\(text.content)” at \(rendered) px in \(svg.prefix(60))")
      }
    }
    // No stylesheet rule sets a chart font below 10 px.
    for rule in ReportStylesheet.css.split(separator: "\n") where rule.hasPrefix("svg") {
      if let range = rule.range(of: "font-size:") {
        let size = Double(rule[range.upperBound...].prefix { $0.isNumber || $0 == "." }) ?? 0
        #expect(size >= 10, "\(rule)")
      }
    }
  }

  @Test(
    "a long file name breaks after - _ . and /, but not before its extension; short words stay whole"
  )
  func longWordsBreakAtSeparators() throws {
    #expect(
      HTMLText.content("model_checkpoint_epoch_03.step-12000/preds.csv scores")
        == "model_<wbr>checkpoint_<wbr>epoch_<wbr>03.<wbr>step-<wbr>12000/<wbr>preds.csv scores")
    #expect(HTMLText.content("test-minilm-l6.csv and 0.8304") == "test-minilm-l6.csv and 0.8304")
    #expect(
      HTMLText.content("a<b>_c&d_eeeeeeeeeeeeeee") == "a&lt;b&gt;_<wbr>c&amp;d_<wbr>eeeeeeeeeeeeeee"
    )
    // On the page: the headings and the summary card, whole.
    let name = "model_checkpoint_epoch_03_step_12000_lr_2e_5_seed_42"
    var inputs = try ["stsb/test-minilm-l6.csv", "stsb/test-minilm-l3.csv"].map(
      ReportTestData.fixtureInput)
    inputs[0].name = name
    let html = HTMLReport(
      try ReportBuilder(options: ReportOptions(resamples: 0)).build(inputs)
    ).render()
    let broken = HTMLText.content(name)
    #expect(broken.hasSuffix("_<wbr>seed_42"))
    #expect(html.contains("\">\(broken)</h3>"))
    #expect(html.contains("\u{00A0}\(broken)</span></div>"))
  }
}
