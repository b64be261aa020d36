import Foundation

/// The numbered rows and columns of a phone heatmap whose labels leave too
/// little room for the grid, and the key under the legend that names the
/// numbers.
///
/// Column numbers alternate between two rows, so that neighbours do not
/// touch; each number carries its label in a `<title>`. The key has three
/// columns, or two or one when a label would not fit a third or a half
/// of the chart's width.
struct HeatmapKey {
  /// The labels, in row (and column) order.
  let labels: [String]
  /// The size of the numbers and the key's text: a phone's 11 px.
  let fontSize: Double
  /// The chart's width, which the key spans.
  let width: Double
  /// The columns of the key.
  let columns: Int

  /// Lays out the key of labels.
  ///
  /// - Parameters:
  ///   - labels: The labels, in row (and column) order.
  ///   - fontSize: The size of the numbers and the key's text.
  ///   - width: The chart's width.
  init(labels: [String], fontSize: Double, width: Double) {
    self.labels = labels
    self.fontSize = fontSize
    self.width = width
    let numberWidth = TextMetrics.width(of: String(labels.count), fontSize: fontSize)
    let widest = labels.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
    columns =
      [3, 2].first { widest <= Self.columnWidth(width, columns: $0) - numberWidth - 10 } ?? 1
  }

  /// The width of one of the key's columns.
  private static func columnWidth(_ width: Double, columns: Int) -> Double {
    (width - 8) / Double(columns)
  }

  /// The line height of the column numbers and of the key.
  static let lineHeight = 14.0

  /// The smallest cell whose row and column numbers are not crowded: the
  /// numbers are 11 px.
  static let smallestCell = 10.0

  /// The room the column numbers take above the grid.
  static let numbersHeight = 2 * lineHeight + 8

  /// The width of the widest row number.
  var numberWidth: Double { TextMetrics.width(of: String(labels.count), fontSize: fontSize) }

  /// The rows of the key.
  var rows: Int { (labels.count + columns - 1) / columns }

  /// The height the key takes below its heading's baseline.
  var height: Double { 22 + Self.lineHeight * Double(rows) }

  /// Draws the row numbers left of the grid and the column numbers above
  /// it.
  ///
  /// - Parameters:
  ///   - svg: The chart.
  ///   - left: The grid's left edge.
  ///   - top: The grid's top edge.
  ///   - cell: The cell size.
  func drawNumbers(in svg: inout SVGWriter, left: Double, top: Double, cell: Double) {
    for (index, label) in labels.enumerated() {
      let x = left + cell * (Double(index) + 0.5)
      let rowY = top + cell * (Double(index) + 0.5) + fontSize / 3
      let columnY = top - 6 - (index.isMultiple(of: 2) ? 0 : Self.lineHeight)
      svg.text(
        String(index + 1), x: x, y: columnY, anchor: .middle, className: "category",
        fullText: label, fontSize: fontSize)
      svg.text(
        String(index + 1), x: left - 4, y: rowY, anchor: .end, className: "category",
        fullText: label, fontSize: fontSize)
    }
  }

  /// Draws the key: a heading, then the numbers and their labels in
  /// ``columns`` columns, a label too long for one column shortened.
  ///
  /// - Parameters:
  ///   - svg: The chart.
  ///   - top: The heading's baseline.
  func drawKey(in svg: inout SVGWriter, top: Double) {
    svg.text("Labels by number", x: 4, y: top, className: "tick")
    let columnWidth = Self.columnWidth(width, columns: columns)
    for (index, label) in labels.enumerated() {
      let x = 4 + columnWidth * Double(index / rows)
      let y = top + Self.lineHeight * Double(index % rows + 1)
      svg.text(
        String(index + 1), x: x + numberWidth, y: y, anchor: .end, className: "category",
        fontSize: fontSize)
      let shown = TextMetrics.fitted(label, in: columnWidth - numberWidth - 10, fontSize: fontSize)
      svg.text(
        shown, x: x + numberWidth + 4, y: y, className: "category",
        fullText: shown == label ? nil : label, fontSize: fontSize)
    }
  }
}
