import F1Kit
import F1KitAdvice
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

/// A chart's drawings in one figure: the desktop one and, when that is
/// wider than a phone, the phone one.
struct FigureDrawings {
  var wide: String
  var narrow: String?

  /// The drawings of every figure of a page.
  static func all(in html: String) -> [FigureDrawings] {
    html.components(separatedBy: "<figure>").dropFirst().map { figure in
      let svgs = PageStructure.svgElements(figure.components(separatedBy: "</figure>")[0])
      return FigureDrawings(
        wide: svgs.first ?? "", narrow: svgs.first { $0.contains(" class=\"chart narrow") })
    }
  }

  /// The `id` of an `<svg>` element.
  static func id(_ svg: String) -> String {
    PageStructure.ids(String(svg.prefix { $0 != ">" })).first ?? ""
  }
}

@Suite("Report on a phone: every chart has a drawing that fits a 390 px screen")
struct ReportPhoneLayoutTests {
  /// A 390 px screen less the page's 14 px margins on a phone.
  static let phoneContentWidth = ChartLayout.phoneColumnWidth

  @Test(
    "a chart wider than a phone has a phone drawing at most 362 px wide, its text at least 11 px",
    arguments: ReportLayoutTests.pageNames)
  func phoneDrawings(_ name: String) throws {
    let html = try ReportLayoutTests.page(name)
    var narrowCount = 0
    for figure in FigureDrawings.all(in: html) {
      let (wideWidth, _) = try ChartFrame.widths(figure.wide)
      guard wideWidth > ChartLayout.narrowWidth else {
        #expect(figure.narrow == nil)
        continue
      }
      let id = FigureDrawings.id(figure.wide)
      // A heatmap of many classes has no phone drawing: its cells would be
      // too small to read, so its desktop drawing scrolls in its box.
      guard let narrow = figure.narrow else {
        #expect(id.contains("confusion"), "\(id) has no phone drawing")
        #expect(figure.wide.hasPrefix("<svg id=\"\(id)\" class=\"chart\""))
        continue
      }
      narrowCount += 1
      #expect(figure.wide.hasPrefix("<svg id=\"\(id)\" class=\"chart wide\""))
      #expect(FigureDrawings.id(narrow) == id + "-narrow")
      // No hover on a phone: no tooltips, only the chart's own title.
      #expect(!narrow.contains("<title>"))
      #expect(narrow.contains("<title id=\"\(id)-narrow-title\">"))
      let (width, minimum) = try ChartFrame.widths(narrow)
      #expect(width <= Self.phoneContentWidth, "\(id) is \(width) wide on a phone")
      #expect(minimum <= Self.phoneContentWidth)
      // Drawn at its natural size (its max-width) on a 362 px column, so
      // its text is drawn at its own size.
      for text in try ChartText.all(in: narrow) {
        #expect(text.fontSize >= 11, "“\(text.content)” at \(text.fontSize) px in \(id)")
      }
    }
    #expect(narrowCount > 0)
  }

  @Test("the stylesheet shows the phone drawings on a narrow screen and the desktop ones elsewhere")
  func stylesheetSwitchesDrawings() throws {
    let css = ReportStylesheet.css
    #expect(css.contains("svg.chart.narrow{display:none}"))
    #expect(
      css.contains(
        "@media screen and (max-width:720px){svg.chart.wide{display:none}svg.chart.narrow{display:block}}"
      ))
    // Printing keeps the desktop drawings.
    #expect(!css.contains("@media print{svg.chart.narrow"))
  }

  @Test(
    "a summary card keeps its '·' with the model's name and wraps a long name inside the card; table rows are whole pixels tall"
  )
  func summaryCardsWrapNamesAndRowsAreWholePixels() throws {
    let html = HTMLReport(try ReportLayoutTests.r8Report()).render()
    // The label breaks before "·", never after it (a no-break space), and
    // a name wider than the card breaks anywhere instead of running past
    // its edge.
    #expect(html.contains("macro-F1 ·\u{00A0}test-tfidf-logreg</span>"))
    #expect(!html.contains("macro-F1 · test-tfidf-logreg"))
    let css = ReportStylesheet.css
    #expect(
      css.contains(".fact .label{color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}"))
    // Fractional row heights made Chromium drop a sticky row header's rule
    // on a phone (under "accuracy" and "weighted-F1"); whole pixels keep it.
    #expect(css.contains("vertical-align:top;line-height:22px}"))
    #expect(
      css.contains("td .detail{display:block;color:var(--muted);font-size:.82em;line-height:18px}"))
  }

  @Test("the Reuters-R8 charts fit a phone: heatmaps of 8 classes and the three-model forest plot")
  func reutersFits() throws {
    let html = HTMLReport(try ReportLayoutTests.r8Report()).render()
    let figures = FigureDrawings.all(in: html)
    let narrow = figures.compactMap(\.narrow)
    #expect(narrow.contains { $0.contains("id=\"model-1-confusion-counts-narrow\"") })
    for svg in narrow {
      let (width, _) = try ChartFrame.widths(svg)
      #expect(width <= Self.phoneContentWidth, "\(FigureDrawings.id(svg)) is \(width) wide")
    }
    // The forest plot stacks each row: every annotation whole, p-value
    // included, inside the drawing.
    let forest = try #require(narrow.first { $0.contains("id=\"comparison-forest-narrow\"") })
    let (width, _) = try ChartFrame.widths(forest)
    let texts = try ChartText.all(in: forest)
    let annotations = texts.filter { $0.content.contains(", p ") }
    #expect(annotations.count == 15)
    #expect(!annotations.contains { $0.content.hasSuffix("…") })
    for text in texts {
      #expect(text.extent.lowerBound >= 0 && text.extent.upperBound <= width, "\(text.content)")
    }
  }

  @Test("a stacked forest plot puts label and annotation above a whisker as wide as the chart")
  func stackedForestLayout() {
    let label = "binary F1 (positive “1”)"
    let annotation = "−0.511 [−0.558, −0.456], p < 0.001"
    let narrow = ForestRowLayout(
      labels: [label], annotations: [annotation], preferredWidth: 350, minimumPlotWidth: 220,
      maximumLabelWidth: 300, columnRowHeight: 26)
    #expect(narrow.isStacked && narrow.hasAnnotationLine)
    #expect(narrow.width == 350 && narrow.left == 16 && narrow.right == 334)
    #expect(narrow.annotation(top: 0).y > narrow.label(top: 0).y)
    #expect(narrow.whisker(top: 0) > narrow.annotation(top: 0).y)
    let short = ForestRowLayout(
      labels: ["a"], annotations: ["0.6553 [0.5395, 0.7576]"], preferredWidth: 350,
      minimumPlotWidth: 220, maximumLabelWidth: 300, columnRowHeight: 34)
    #expect(short.isStacked && !short.hasAnnotationLine)
    #expect(short.annotation(top: 0).anchor == .end && short.annotation(top: 0).x == 346)
    // The desktop layout keeps its columns.
    let wide = ForestRowLayout(
      labels: [label], annotations: [annotation], preferredWidth: 720, minimumPlotWidth: 220,
      maximumLabelWidth: 300, columnRowHeight: 26)
    #expect(!wide.isStacked && wide.rowHeight == 26 && wide.left == wide.labelWidth + 16)
    #expect(wide.label(top: 0).anchor == .end && wide.annotation(top: 0).x == wide.right + 6)
    #expect(wide.halo.isEmpty && narrow.halo == " halo")
  }

  @Test("a runs forest plot, label cardinality chart and co-occurrence heatmap narrow for a phone")
  func otherChartsNarrow() throws {
    let runs = RunsForestPlot(
      id: "runs", title: "Runs", axisTitle: "binary F1 (positive “1”)",
      rows: [
        .init(
          label: "a", mean: 0.655, interval: 0.54...0.76, runs: [0.59, 0.67, 0.70],
          annotation: "0.6553 [0.5395, 0.7576]", colorIndex: 0),
        .init(
          label: "b", mean: 0.725, interval: 0.66...0.79, runs: [0.70, 0.72, 0.75],
          annotation: "0.7247 [0.6599, 0.7858]", colorIndex: 1),
      ])
    let cardinality = LabelCardinalityChart(
      id: "cardinality",
      series: [
        .init(name: "gold", counts: Array(repeating: 40, count: 12), color: "#999999"),
        .init(name: "logreg", counts: Array(repeating: 30, count: 12), color: "#0072B2"),
        .init(name: "naive-bayes", counts: Array(repeating: 20, count: 12), color: "#E69F00"),
      ])
    let labels = (0..<20).map { "label-\($0)" }
    let heatmap = LabelCooccurrenceHeatmap(
      id: "cooccurrence", labels: labels,
      counts: labels.indices.map { row in labels.indices.map { row == $0 ? 50 : ($0 + row) % 3 } })
    let charts: [any ResponsiveChart] = [runs, cardinality, heatmap]
    for chart in charts {
      let markup = chart.responsiveMarkup()
      let svgs = PageStructure.svgElements(markup)
      #expect(svgs.count == 2, "\(chart.id)")
      let narrow = try #require(svgs.last)
      #expect(PageStructure.xmlError(narrow) == nil)
      let (width, minimum) = try ChartFrame.widths(narrow)
      #expect(width <= Self.phoneContentWidth && minimum <= Self.phoneContentWidth, "\(chart.id)")
      for text in try ChartText.all(in: narrow) where !text.isTransformed {
        #expect(text.fontSize >= 11, "\(chart.id): “\(text.content)”")
        #expect(text.extent.lowerBound >= 0 && text.extent.upperBound <= width, "\(text.content)")
      }
    }
  }

  @Test("a long axis title wraps onto lines inside the chart, which grows to hold them")
  func wrappedAxisTitle() throws {
    var svg = SVGWriter(id: "t", width: 200, height: 100, title: "T", description: "D")
    svg.wrappedText(
      "Cut-off (an item is positive when its score is at least it)", x: 100, y: 90,
      className: "axis-title")
    #expect(svg.height > 100)
    let markup = svg.finished()
    #expect(PageStructure.xmlError(markup) == nil)
    let (width, _) = try ChartFrame.widths(markup)
    let lines = try ChartText.all(in: markup)
    #expect(lines.count >= 2)
    #expect(
      lines.map(\.content).joined(separator: " ")
        == "Cut-off (an item is positive when its score is at least it)")
    for line in lines {
      #expect(line.extent.lowerBound >= 0 && line.extent.upperBound <= width, "\(line.content)")
    }
    #expect(markup.contains("viewBox=\"0 0 200 \(DisplayNumber.coordinate(svg.height))\""))
  }

  @Test("a wide table's row headers stay in view as it scrolls, at most half the box wide")
  func stickyRowHeaders() throws {
    let rule = try ReportLayoutTests.declarations(
      of:
        ".table-scroll th[scope=row]:first-child,.table-scroll table:has(th[scope=row]:first-child) thead th:first-child"
    )
    #expect(rule["position"] == "sticky")
    #expect(rule["left"] == "0")
    #expect(rule["background"] == "var(--bg)")
    #expect(rule["max-width"] == "min(22em,50cqw)")
  }
}
