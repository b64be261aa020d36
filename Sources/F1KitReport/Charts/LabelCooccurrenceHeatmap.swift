import F1KitAdvice
import Foundation

/// Gold label co-occurrence as a viridis heatmap: the cell at row *a* and
/// column *b* counts the items whose gold set holds both labels, and the
/// outlined diagonal is each label's support.
///
/// Counts are coloured by log(1 + count) over log(1 + the largest), as the
/// confusion heatmap does, so that pairs that occur a few times are not
/// drowned by the most frequent labels; the cells print the raw counts
/// where they fit, and zero cells are muted.
struct LabelCooccurrenceHeatmap: ResponsiveChart {
  var id: String
  /// The labels shown, in row (and column) order.
  let labels: [String]
  /// `counts[a][b]` for the labels shown.
  let counts: [[Int]]

  /// The widest the grid may make the chart; the cells shrink to fit it.
  var width = 960.0

  func render() -> String {
    let size = labels.count
    // A phone's drawing has smaller cells and upright column labels, which
    // take no room right of the grid; when the labels leave too little
    // room for the grid, it numbers the rows and columns instead and names
    // the numbers in a key under the legend.
    let isNarrow = self.width <= ChartLayout.narrowWidth
    let labelFont = isNarrow ? 11.0 : ChartTextStyle.size(ofClasses: "category")
    let longest = labels.map(\.count).max() ?? 4
    let labelLimit = min(max(longest, 3), isNarrow ? 12 : 16)
    // Each label is cut to `labelLimit` characters and to 6.4 units a
    // character, by the text's estimated width (wide letters such as `x`
    // and `m` make a label wider than its count allows for); the labels'
    // room is the widest shown label's estimated width and 12 to spare.
    let shownLabels = labels.map {
      TextMetrics.fitted(
        HTMLText.truncated($0, to: labelLimit), in: Double(labelLimit) * 6.4, fontSize: labelFont)
    }
    let labelWidth =
      (shownLabels.map { TextMetrics.width(of: $0, fontSize: labelFont) }.max() ?? 0) + 12
    let key = HeatmapKey(labels: labels, fontSize: labelFont, width: self.width)
    let keyWidth = key.numberWidth
    let isKeyed =
      isNarrow
      && ((self.width - labelWidth - 24) / Double(max(size, 1))).rounded(.down) < 12
      && ((self.width - keyWidth - 12) / Double(max(size, 1))).rounded(.down)
        >= HeatmapKey.smallestCell
    let cell =
      isKeyed
      ? ((self.width - keyWidth - 12) / Double(size)).rounded(.down)
      : min(
        48,
        max(
          isNarrow ? 12 : 16,
          ((self.width - labelWidth - 24) / Double(max(size, 1))).rounded(.down)))
    let left = isKeyed ? keyWidth + 8 : labelWidth + 8
    let top =
      isKeyed ? HeatmapKey.numbersHeight : isNarrow ? labelWidth + 12 : labelWidth * 0.72 + 12
    let gridSize = cell * Double(size)
    // Room on the right for the last rotated column labels.
    let width =
      isKeyed ? self.width : left + gridSize + (isNarrow ? 8 : labelWidth * 0.6 + 16)
    let legendTop = top + gridSize + 20
    let height = legendTop + 54 + (isKeyed ? key.height : 0)
    let largest = max(counts.flatMap { $0 }.max() ?? 1, 1)
    var svg = SVGWriter(
      id: id, width: width, height: height,
      title: "Gold label co-occurrence",
      description:
        "\(size) by \(size) heatmap: each cell counts the items whose gold set holds both its row "
        + "and its column label; the diagonal is each label's support. "
        + (isKeyed ? "Rows and columns are numbered; the key under the legend names them. " : "")
        + "Colour follows the viridis scale on a logarithmic scale from dark (few) to yellow (many). "
        + "The table after the chart lists the counts.")
    let smallest = ChartLayout.smallestTextSize(forWidth: self.width)
    let fontSize = min(12, max(smallest, cell * 0.3))
    let showsTooltips = size <= 40
    if isKeyed { key.drawNumbers(in: &svg, left: left, top: top, cell: cell) }
    for (column, label) in labels.enumerated() where !isKeyed {
      let x = left + cell * (Double(column) + 0.5) + 4
      let y = top - 6
      svg.text(
        shownLabels[column], x: x, y: y, className: "category",
        fullText: label, fontSize: isNarrow ? labelFont : nil,
        extra:
          " transform=\"rotate(\(isNarrow ? -90 : -45) \(DisplayNumber.coordinate(x)) \(DisplayNumber.coordinate(y)))\""
      )
    }
    for (row, label) in labels.enumerated() where !isKeyed {
      svg.text(
        shownLabels[row], x: left - 6,
        y: top + cell * (Double(row) + 0.5) + labelFont / 3, anchor: .end, className: "category",
        fullText: label, fontSize: isNarrow ? labelFont : nil)
    }
    var omittedCount = 0
    if isNarrow {
      // A phone drawing has no tooltips, so its empty cells are one rect
      // filled with a pattern of one muted cell: a fraction of the bytes of
      // a rect for each (778 of the 900 cells of the 20 Newsgroups tags).
      let patternID = "\(id)-zero"
      svg.raw(
        "<defs><pattern id=\"\(patternID)\" patternUnits=\"userSpaceOnUse\" "
          + "x=\"\(DisplayNumber.coordinate(left))\" y=\"\(DisplayNumber.coordinate(top))\" "
          + "width=\"\(DisplayNumber.coordinate(cell))\" height=\"\(DisplayNumber.coordinate(cell))\">"
          + "<rect x=\"0.5\" y=\"0.5\" width=\"\(DisplayNumber.coordinate(cell - 1))\" "
          + "height=\"\(DisplayNumber.coordinate(cell - 1))\" class=\"zero-cell\"/></pattern></defs>"
      )
      svg.rect(x: left, y: top, width: gridSize, height: gridSize, fill: "url(#\(patternID))")
    }
    for row in 0..<size {
      for column in 0..<size {
        let count = counts[row][column]
        let value = ConfusionHeatmap.logShare(Double(count), of: Double(largest))
        let x = left + cell * Double(column)
        let y = top + cell * Double(row)
        let tooltip =
          showsTooltips
          ? (row == column
            ? "\(labels[row]): in \(DisplayNumber.count(count)) gold sets"
            : "\(labels[row]) and \(labels[column]): together in \(DisplayNumber.count(count)) gold sets")
          : nil
        if count == 0 {
          if !isNarrow {
            svg.rect(
              x: x + 0.5, y: y + 0.5, width: cell - 1, height: cell - 1, className: "zero-cell",
              tooltip: tooltip)
          }
          continue
        }
        svg.rect(
          x: x + 0.5, y: y + 0.5, width: cell - 1, height: cell - 1,
          fill: ChartColor.viridis(value), tooltip: tooltip)
        guard
          let fitted = HeatmapCellText.fitted(
            DisplayNumber.count(count), rounding: nil,
            room: row == column ? cell - 2 * ConfusionHeatmap.outlineInset : cell - 1,
            fontSize: fontSize, smallest: smallest, longLength: 3)
        else {
          omittedCount += 1
          continue
        }
        svg.text(
          fitted.text, x: x + cell / 2, y: y + cell / 2 + fitted.fontSize * 0.35, anchor: .middle,
          className: "cell-text", fill: ChartColor.text(onViridis: value),
          fontSize: fitted.fontSize)
      }
    }
    for index in 0..<size {
      let corner = left + cell * Double(index)
      let cornerY = top + cell * Double(index)
      // The confusion heatmap's outline (ConfusionHeatmap.outlineInset).
      svg.rect(x: corner, y: cornerY, width: cell, height: cell, className: "diagonal")
      svg.rect(
        x: corner + 1, y: cornerY + 1, width: cell - 2, height: cell - 2,
        className: "diagonal-inner")
    }
    let legendWidth = min(gridSize, 220)
    let gradientID = "\(id)-gradient"
    svg.raw("<defs><linearGradient id=\"\(gradientID)\">")
    for stop in 0...8 {
      let position = Double(stop) / 8
      svg.raw(
        "<stop offset=\"\(DisplayNumber.coordinate(position * 100))%\" stop-color=\"\(ChartColor.viridis(position))\"/>"
      )
    }
    svg.raw("</linearGradient></defs>")
    svg.rect(x: left, y: legendTop, width: legendWidth, height: 10, fill: "url(#\(gradientID))")
    svg.text("1", x: left, y: legendTop + 24, className: "tick")
    svg.text(
      DisplayNumber.count(largest), x: left + legendWidth, y: legendTop + 24, anchor: .end,
      className: "tick")
    svg.text("items, log colour scale", x: left, y: legendTop + 40, className: "tick")
    if isKeyed { key.drawKey(in: &svg, top: legendTop + 68) }
    if let note = HeatmapCellText.note(roundedCount: 0, omittedCount: omittedCount) {
      svg.wrappedText(note, x: width / 2, y: svg.height + 10, className: "note-text")
    }
    return svg.finished()
  }
}
