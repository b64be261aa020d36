import F1Kit
import F1KitAdvice

/// A confusion matrix drawn as a viridis heatmap: counts, or each gold row
/// normalised to shares (recall on the diagonal).
///
/// Zero cells are muted, the diagonal is outlined, text on a cell is black
/// or white by contrast, and long labels are shortened with the full label
/// in a `<title>`.
struct ConfusionHeatmap {
  enum Normalization {
    /// Colour by count over the largest count; cells show counts.
    case counts
    /// Colour by share of the gold row; cells show percentages.
    case rows
  }

  let id: String
  let modelName: String
  let matrix: ConfusionMatrix
  let normalization: Normalization

  static let maximumWidth = 600.0

  func render() -> String {
    let size = matrix.classCount
    let longest = matrix.labels.map(\.count).max() ?? 4
    let labelLimit = min(max(longest, 3), 16)
    let labelWidth = Double(labelLimit) * 6.4 + 12
    let cell = min(
      64, max(16, ((Self.maximumWidth - labelWidth - 24) / Double(max(size, 1))).rounded(.down)))
    let left = labelWidth + 22
    let top = labelWidth * 0.72 + 26
    let gridSize = cell * Double(size)
    let width = left + gridSize + 16
    let legendTop = top + gridSize + 20
    let height = legendTop + 40
    let rows = matrix.rows
    let rowTotals = rows.map { $0.reduce(0, +) }
    let largest = max(rows.flatMap { $0 }.max() ?? 1, 1)
    let isNormalized = normalization == .rows
    let kind = isNormalized ? "row-normalised (share of each gold label)" : "counts"
    var svg = SVGWriter(
      id: id, width: width, height: height,
      title: "Confusion matrix of \(modelName), \(isNormalized ? "row-normalised" : "counts")",
      description:
        "\(size) by \(size) heatmap of \(kind): rows are gold labels, columns predicted labels; "
        + "the diagonal holds correct predictions. Colour follows the viridis scale from dark "
        + "(low) to yellow (high). The table after the chart lists the values.")
    let fontSize = min(13, max(8, cell * 0.3))
    let showsText = cell >= 18
    let showsTooltips = size <= 15
    // Axis titles.
    svg.text(
      "Predicted label", x: left + gridSize / 2, y: 14, anchor: .middle, className: "axis-title")
    svg.text(
      "Gold label", x: 12, y: top + gridSize / 2, anchor: .middle, className: "axis-title",
      extra: " transform=\"rotate(-90 12 \(DisplayNumber.coordinate(top + gridSize / 2)))\"")
    // Column labels, rotated.
    for (column, label) in matrix.labels.enumerated() {
      let x = left + cell * (Double(column) + 0.5) + 4
      let y = top - 6
      svg.label(
        label, limit: labelLimit, x: x, y: y, className: "category",
        extra:
          " transform=\"rotate(-45 \(DisplayNumber.coordinate(x)) \(DisplayNumber.coordinate(y)))\""
      )
    }
    for (row, label) in matrix.labels.enumerated() {
      svg.label(
        label, limit: labelLimit, x: left - 6, y: top + cell * (Double(row) + 0.5) + 4,
        anchor: .end, className: "category")
    }
    // Cells.
    for row in 0..<size {
      for column in 0..<size {
        let count = rows[row][column]
        let share = rowTotals[row] > 0 ? Double(count) / Double(rowTotals[row]) : 0
        let value = isNormalized ? share : Double(count) / Double(largest)
        let x = left + cell * Double(column)
        let y = top + cell * Double(row)
        let tooltip =
          showsTooltips
          ? "gold \(matrix.labels[row]), predicted \(matrix.labels[column]): "
            + "\(DisplayNumber.count(count)) (\(DisplayNumber.percent(share)) of gold \(matrix.labels[row]))"
          : nil
        if count == 0 {
          svg.rect(
            x: x + 0.5, y: y + 0.5, width: cell - 1, height: cell - 1, className: "zero-cell",
            tooltip: tooltip)
        } else {
          svg.rect(
            x: x + 0.5, y: y + 0.5, width: cell - 1, height: cell - 1,
            fill: ChartColor.viridis(value), tooltip: tooltip)
        }
        if showsText {
          let text: String
          if isNormalized {
            text = count == 0 ? "" : Self.percentText(share, isCompact: cell < 34)
          } else {
            text = count == 0 ? "0" : DisplayNumber.count(count)
          }
          if !text.isEmpty {
            let fill = count == 0 ? nil : ChartColor.text(onViridis: value)
            let size = fontSize * (text.count > 4 ? 0.82 : 1)
            svg.text(
              text, x: x + cell / 2, y: y + cell / 2 + size * 0.35, anchor: .middle,
              className: count == 0 ? "cell-text zero-text" : "cell-text", fill: fill,
              extra: " font-size=\"\(DisplayNumber.coordinate(size))\"")
          }
        }
      }
    }
    // Diagonal outlines, drawn last so they sit on top.
    for index in 0..<size {
      let corner = left + cell * Double(index)
      let cornerY = top + cell * Double(index)
      // A dark outer and a light inner line: visible on dark and light cells.
      svg.rect(
        x: corner + 1, y: cornerY + 1, width: cell - 2, height: cell - 2, className: "diagonal")
      svg.rect(
        x: corner + 2.5, y: cornerY + 2.5, width: cell - 5, height: cell - 5,
        className: "diagonal-inner")
    }
    // Colour legend.
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
    svg.text("0", x: left, y: legendTop + 24, className: "tick")
    svg.text(
      isNormalized ? "100% of gold row" : DisplayNumber.count(largest),
      x: left + legendWidth, y: legendTop + 24, anchor: .end, className: "tick")
    return svg.finished()
  }

  static func percentText(_ share: Double, isCompact: Bool) -> String {
    let percent = share * 100
    let text = percent < 1 && percent > 0 ? "<1" : DisplayNumber.score(percent, digits: 0)
    return isCompact ? text : text + "%"
  }
}
