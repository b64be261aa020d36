import F1Kit
import F1KitAdvice
import Foundation
import Testing
import _TestSupport

@testable import F1KitReport

@Suite("Report heatmaps on a phone: every cell readable, every heatmap inside a phone's column")
struct ReportHeatmapPhoneTests {
  /// The size of a heatmap drawing, from its description (“8 by 8 heatmap”).
  static func classCount(_ svg: String) throws -> Int {
    let element = try #require(svg.components(separatedBy: "<desc id=").dropFirst().first)
    let description = element.drop { $0 != ">" }.dropFirst()
    return try #require(Int(description.prefix { $0.isNumber }))
  }

  /// The texts drawn in a heatmap's cells.
  static func cellTexts(_ svg: String) -> [String] {
    svg.components(separatedBy: " class=\"cell-text").dropFirst().map { piece in
      let element = piece.components(separatedBy: "</text>")[0]
      return String(element.drop { $0 != ">" }.dropFirst())
    }
  }

  /// The drawings of a count heatmap of `labels`, each cell's count given
  /// by its gold and predicted class.
  static func countDrawings(labels: [String], count: (Int, Int) -> Double) -> [String] {
    var cells: [ReportMatrix.Cell] = []
    for gold in labels.indices {
      for predicted in labels.indices where count(gold, predicted) != 0 {
        cells.append(.init(gold: gold, predicted: predicted, value: count(gold, predicted)))
      }
    }
    let chart = ConfusionHeatmap(
      id: "counts", modelName: "m",
      matrix: ReportMatrix(labels: labels, cells: cells, isWeighted: false),
      normalization: .counts)
    return PageStructure.svgElements(chart.responsiveMarkup())
  }

  @Test("every cell of the Reuters-R8 phone confusion heatmaps shows its number, 1,070 as 1070")
  func reutersCellsAllHaveText() throws {
    let html = HTMLReport(try ReportLayoutTests.r8Report()).render()
    let narrow = FigureDrawings.all(in: html).compactMap(\.narrow).filter {
      FigureDrawings.id($0).contains("confusion")
    }
    #expect(narrow.count == 6)
    for svg in narrow {
      let id = FigureDrawings.id(svg)
      let size = try Self.classCount(svg)
      let zeroCells = PageStructure.count(of: "class=\"zero-cell\"", in: svg)
      let texts = Self.cellTexts(svg)
      // Count cells print 0 in an empty cell; share cells leave it muted.
      let expected = id.contains("counts") ? size * size : size * size - zeroCells
      #expect(texts.count == expected, "\(id): \(texts.count) of \(expected) cells have text")
      #expect(!texts.contains(""))
      for text in try ChartText.all(in: svg) {
        #expect(text.fontSize >= 11, "“\(text.content)” at \(text.fontSize) px in \(id)")
      }
      if id.contains("counts") {
        // The largest class's correct predictions, exact without the separator.
        #expect(texts.contains { $0.count == 4 && $0.allSatisfy(\.isNumber) }, "\(id)")
        #expect(!svg.contains("too small"))
      }
    }
  }

  /// The column labels are rotated 45°, so the last one reaches past the
  /// grid by about 0.71 of its width; the chart once ended 16 units after
  /// the grid and cut a long last label (a class name, or CJK text, which
  /// is also fitted into the labels' room).
  @Test(
    "the last column's rotated label fits inside the desktop confusion heatmap",
    arguments: [
      ["Finance", "Politics", "Sports", "Technology and science news"],
      ["Finance", "Politics", "Sports", "科技新闻和科学新闻 (Technology)"],
      ["0", "1"],
    ])
  func lastColumnLabelFits(labels: [String]) throws {
    let wide = try #require(Self.countDrawings(labels: labels) { _, _ in 3 }.first)
    let width = try ChartFrame.widths(wide).viewBox
    let columnLabels = try ChartText.all(in: wide).filter(\.isTransformed)
      .filter { $0.content != "Gold label" }
    #expect(columnLabels.count == labels.count)
    for label in columnLabels {
      let reach = label.x + 0.71 * TextMetrics.width(of: label.content, fontSize: label.fontSize)
      #expect(reach <= width, "“\(label.content)” reaches \(reach) in a chart \(width) wide")
    }
    if labels == ["0", "1"] {
      // Short labels keep the chart as it was: 16 units after the grid.
      let grid = try ChartFrame.rects(wide, className: "diagonal")
      let right = try #require(grid.map(\.maxX).max())
      #expect(width <= right + 16 + 1)
    }
  }

  @Test(
    "a count too long for a phone cell is rounded (12k), and the chart says so under its legend")
  func roundedCounts() throws {
    // The first class has no correct prediction.
    let svgs = Self.countDrawings(labels: (0..<8).map { "class-\($0)" }) { gold, predicted in
      gold != predicted ? 7 : gold > 0 ? 12_345 : 0
    }
    #expect(svgs.count == 2)
    let narrow = try #require(svgs.last)
    let texts = Self.cellTexts(narrow)
    #expect(texts.count == 64)
    #expect(texts.filter { $0 == "12k" }.count == 7)
    #expect(texts.filter { $0 == "0" }.count == 1)
    let notes = try ChartText.all(in: narrow).filter { $0.content.contains("k = thousand") }
    #expect(!notes.isEmpty)
    // The desktop drawing has room for the exact counts, and needs no note.
    let wide = try #require(svgs.first)
    #expect(Self.cellTexts(wide).filter { $0 == "12,345" }.count == 7)
    #expect(!wide.contains("k = thousand"))
  }

  @Test("a phone heatmap whose cells are too small for their numbers says so in a visible note")
  func tooSmallCellsNoted() throws {
    let svgs = Self.countDrawings(labels: (0..<13).map { "a-long-class-name-\($0)" }) {
      $0 == $1 ? 250 : 3
    }
    let narrow = try #require(svgs.count == 2 ? svgs.last : nil)
    let texts = Self.cellTexts(narrow)
    let (width, _) = try ChartFrame.widths(narrow)
    let notes = try ChartText.all(in: narrow).filter { !$0.isTransformed && $0.fontSize >= 11 }
    let shown = notes.map(\.content).joined(separator: " ")
    #expect(
      texts.count == 169 || shown.contains("\(169 - texts.count) cells are too small"), "\(shown)")
    for note in notes {
      #expect(note.extent.lowerBound >= 0 && note.extent.upperBound <= width, "\(note.content)")
    }
  }

  @Test(
    "a 9- or 13-class phone confusion heatmap with long labels numbers its rows and columns, and every cell shows its count",
    arguments: [9, 13])
  func longLabelsAreNumbered(classCount: Int) throws {
    let labels = Array(
      [
        "comp.graphics", "comp.os.ms-windows.misc", "comp.sys.ibm.pc.hardware",
        "comp.sys.mac.hardware", "comp.windows.x", "rec.autos", "rec.motorcycles",
        "rec.sport.baseball", "rec.sport.hockey", "sci.crypt", "sci.electronics", "sci.med",
        "sci.space",
      ].prefix(classCount))
    let svgs = Self.countDrawings(labels: labels) { $0 == $1 ? 250 : ($0 + $1) % 4 == 0 ? 0 : 13 }
    let narrow = try #require(svgs.count == 2 ? svgs.last : nil)
    // Before: 16-unit cells under 114 units of labels, no number in any.
    #expect(Self.cellTexts(narrow).count == classCount * classCount)
    #expect(!narrow.contains("too small"))
    let (width, minimum) = try ChartFrame.widths(narrow)
    #expect(width <= ChartLayout.narrowWidth)
    #expect(minimum <= ChartLayout.phoneColumnWidth)
    let texts = try ChartText.all(in: narrow)
    for text in texts {
      // A cell's number may be drawn at 10 px (three digits in a 23-unit
      // diagonal cell), other text at 11 px or more.
      #expect(
        text.fontSize >= (text.content.allSatisfy(\.isNumber) ? 10 : 11),
        "“\(text.content)” at \(text.fontSize) px")
      // Only the axis title is rotated, as on every confusion heatmap.
      guard !text.isTransformed else {
        #expect(text.content == "Gold label")
        continue
      }
      #expect(text.extent.lowerBound >= 0 && text.extent.upperBound <= width, "\(text.content)")
    }
    // Each diagonal count (250) keeps clear of the inner outline: at
    // least half a unit between its estimated extent and the line.
    let inner = try ChartFrame.rects(narrow, className: "diagonal-inner")
    #expect(inner.count == classCount)
    for rect in inner {
      let number = try #require(
        texts.first { text in
          text.content == "250" && text.x > rect.minX && text.x < rect.maxX
            && text.y > rect.minY && text.y < rect.maxY
        })
      let half =
        TextMetrics.width(of: number.content, fontSize: number.fontSize, isMonospaced: true) / 2
      #expect(number.x - half >= rect.minX + 1 && number.x + half <= rect.maxX - 1)
    }
    let contents = texts.map(\.content)
    #expect(contents.contains("Labels by number"))
    for (index, label) in labels.enumerated() {
      // A column number, a row number and a key entry.
      #expect(contents.filter { $0 == String(index + 1) }.count >= 3, "key \(index + 1)")
      #expect(contents.contains(label), "\(label) is not in the key")
    }
    // The desktop drawing keeps the labels on its axes.
    let wide = try #require(svgs.first)
    #expect(!wide.contains("Labels by number") && wide.contains(">rec.autos<"))
  }

  @Test(
    "short texts of long values: 1070 exact, then 1.1k, 12k, 1M, 0.3",
    arguments: [
      (1_070.0, "1.1k"), (1_000, "1k"), (9_960, "10k"), (12_345, "12k"), (345_000, "345k"),
      (999_600, "1M"), (1_234_567, "1.2M"), (512, "512"), (2.54, "2.5"),
      (0.300_000_000_000_000_04, "0.3"),
    ])
  func roundedText(_ value: Double, _ text: String) {
    #expect(HeatmapCellText.rounded(value) == text)
  }

  @Test("a cell text falls back from 1,070 to 1070 to 1.1k as the cell narrows, then to none")
  func cellTextFallback() {
    func fitted(_ cell: Double) -> String? {
      HeatmapCellText.fitted(
        "1,070", rounding: 1_070, room: cell - 1, fontSize: 11, smallest: 11, longLength: 4)?
        .text
    }
    #expect(fitted(64) == "1,070")
    #expect(fitted(32) == "1070")
    // 1070 is 26.49 units wide at 11 px and 24.08 at 10: in a 28-unit
    // cell's 25.5 units clear of its edges, it shrinks to 10 px.
    #expect(fitted(28) == "1070")
    #expect(
      HeatmapCellText.fitted(
        "1,070", rounding: 1_070, room: 27, fontSize: 11, smallest: 11, longLength: 4)?.fontSize
        == 10)
    // 1.1k is as wide as 1070 in the monospaced font; rounding helps past 4 digits.
    #expect(fitted(20) == nil)
    #expect(
      HeatmapCellText.fitted(
        "12,345", rounding: 12_345, room: 31, fontSize: 11, smallest: 11, longLength: 4)?.text
        == "12k")
  }

  /// The gold label sets of the bundled 20 Newsgroups tags fixture: its 30
  /// most frequent tags, most frequent first, and how often each pair
  /// shares a gold set.
  static func newsgroupsCooccurrence() throws -> (labels: [String], counts: [[Int]]) {
    let text = try String(
      contentsOf: Fixtures.url("newsgroups/test-logreg.csv"), encoding: .utf8)
    let sets = text.split(separator: "\n").dropFirst().map { line in
      Set(
        line.split(separator: ",", omittingEmptySubsequences: false)[1].split(separator: "|")
          .map(String.init))
    }
    var support: [String: Int] = [:]
    for set in sets { for label in set { support[label, default: 0] += 1 } }
    let labels = support.keys.sorted { (support[$1]!, $0) < (support[$0]!, $1) }.prefix(30)
    let counts = labels.map { a in
      labels.map { b in sets.filter { $0.contains(a) && $0.contains(b) }.count }
    }
    return (Array(labels), counts)
  }

  @Test("the 30-tag 20 Newsgroups co-occurrence heatmap has a numbered phone drawing with a key")
  func newsgroupsCooccurrenceFits() throws {
    let (labels, counts) = try Self.newsgroupsCooccurrence()
    #expect(labels.count == 30)
    let heatmap = LabelCooccurrenceHeatmap(
      id: "label-cooccurrence", labels: labels, counts: counts)
    let svgs = PageStructure.svgElements(heatmap.responsiveMarkup())
    #expect(svgs.count == 2)
    let narrow = try #require(svgs.last)
    #expect(FigureDrawings.id(narrow) == "label-cooccurrence-narrow")
    #expect(PageStructure.xmlError(narrow) == nil)
    // The budget every phone drawing keeps: at its natural size on a
    // 390 px screen's 362 px column.
    let (width, minimum) = try ChartFrame.widths(narrow)
    #expect(width <= ChartLayout.narrowWidth)
    #expect(minimum <= ChartLayout.phoneColumnWidth)
    let texts = try ChartText.all(in: narrow)
    for text in texts {
      #expect(!text.isTransformed, "“\(text.content)” is rotated")
      #expect(text.fontSize >= 11, "“\(text.content)” at \(text.fontSize) px")
      #expect(text.extent.lowerBound >= 0 && text.extent.upperBound <= width, "\(text.content)")
    }
    // Rows and columns are numbered, and the key names every label.
    let contents = texts.map(\.content)
    for (index, label) in labels.enumerated() {
      // A column number, a row number and a key entry (and the legend's 1).
      #expect(contents.filter { $0 == String(index + 1) }.count >= 3, "key \(index + 1)")
      #expect(contents.contains(label), "\(label) is not in the key")
    }
    #expect(contents.contains { $0.contains("too small for their numbers") })
    // The desktop drawing is unchanged: named axes, numbers in the cells.
    let wide = try #require(svgs.first)
    #expect(wide.contains(">motorcycles<") && !wide.contains("too small"))
  }
}
