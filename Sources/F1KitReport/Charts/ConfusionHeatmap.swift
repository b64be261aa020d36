import F1Kit
import F1KitAdvice
import Foundation

/// A confusion matrix drawn as a viridis heatmap: counts coloured on a
/// logarithmic scale, or each gold row normalised to shares (recall on the
/// diagonal).
///
/// A linear colour scale would drown every class beside the largest (1,070
/// items against a few dozen), so counts are coloured by log(1 + count)
/// while the cells print the raw counts, and the legend says so.
///
/// Zero cells are muted, the diagonal is outlined, text on a cell is black
/// or white by contrast, and long labels are shortened with the full label
/// in a `<title>`. A phone drawing whose labels would leave the cells too
/// small for a count numbers its rows and columns instead and names the
/// numbers in a key under the legend (``HeatmapKey``).
struct ConfusionHeatmap: ResponsiveChart {
  enum Normalization {
    /// Colour by log(1 + count) over log(1 + the largest count); cells
    /// show the raw counts.
    case counts
    /// Colour by share of the gold row; cells show percentages.
    case rows
  }

  var id: String
  let modelName: String
  /// Item counts, or weight sums with sample weights.
  let matrix: ReportMatrix
  let normalization: Normalization

  /// The widest the chart may be; the cells shrink to fit it.
  var width = 600.0

  func render() -> String {
    let size = matrix.classCount
    let longest = matrix.labels.map(\.count).max() ?? 4
    let labelLimit = min(max(longest, 3), 16)
    let labelWidth = Double(labelLimit) * 6.4 + 12
    let labeledCell = min(
      64, max(16, ((self.width - labelWidth - 24) / Double(max(size, 1))).rounded(.down)))
    let key = HeatmapKey(labels: matrix.labels, fontSize: 11, width: self.width)
    // Room for the rotated axis title and the row numbers on the left, and
    // a margin of 4 on the right.
    let keyedLeft = 16 + key.numberWidth + 6
    let keyedCell = min(64, ((self.width - keyedLeft - 4) / Double(max(size, 1))).rounded(.down))
    let isKeyed =
      self.width <= ChartLayout.narrowWidth && labeledCell < Self.readableCell
      && keyedCell >= 1.25 * labeledCell && keyedCell >= Self.smallestTextCell
    let cell = isKeyed ? keyedCell : labeledCell
    let left = isKeyed ? keyedLeft : labelWidth + 22
    let top = isKeyed ? 20 + HeatmapKey.numbersHeight : labelWidth * 0.72 + 26
    let gridSize = cell * Double(size)
    // The column labels, rotated 45°, reach right by 0.71 of their width,
    // the last ones past the grid: the chart widens to hold them, by as
    // much as a drawing may pass its width (a phone's column spares 12),
    // and a label that still does not fit is shortened (half a unit is
    // spared for rounding, so that a label the width was made for keeps
    // every letter), where a long last label (a class name, or CJK text)
    // was cut at the chart's edge.
    let columnX = (0..<size).map { left + cell * (Double($0) + 0.5) + 4 }
    let labelSize = ChartTextStyle.size(ofClasses: "category")
    let reach =
      zip(columnX, matrix.labels).map { x, label in
        x + 0.71
          * min(labelWidth, Self.shownWidth(of: label, limit: labelLimit, fontSize: labelSize))
      }.max() ?? 0
    let gridWidth = left + gridSize + 16
    let width = isKeyed ? self.width : max(gridWidth, min(reach + 6, self.width + 12))
    let legendTop = top + gridSize + 20
    let keyTop = legendTop + (normalization == .counts ? 68 : 54)
    let height =
      isKeyed ? keyTop - 14 + key.height : legendTop + (normalization == .counts ? 54 : 40)
    let rows = matrix.rows
    let rowTotals = rows.map { $0.reduce(0, +) }
    // The largest cell tops the colour scale; a weight sum may be below 1.
    let largest = rows.flatMap { $0 }.max() ?? 0
    let legendLargest = largest > 0 ? largest : 1
    let isNormalized = normalization == .rows
    let kind =
      isNormalized
      ? "row-normalised (share of each gold label)"
      : matrix.isWeighted
        ? "weight sums on a logarithmic colour scale" : "counts on a logarithmic colour scale"
    var svg = SVGWriter(
      id: id, width: width, height: height,
      title:
        "Confusion matrix of \(modelName), "
        + (isNormalized ? "row-normalised" : matrix.isWeighted ? "weight sums" : "counts"),
      description:
        "\(size) by \(size) heatmap of \(kind): rows are gold labels, columns predicted labels; "
        + "the diagonal holds correct predictions. "
        + (isKeyed ? "Rows and columns are numbered; the key under the legend names them. " : "")
        + "Colour follows the viridis scale from dark "
        + "(low) to yellow (high). The table after the chart lists the values.")
    let smallest = ChartLayout.smallestTextSize(forWidth: self.width)
    let fontSize = min(13, max(smallest, cell * 0.3))
    let showsText = cell >= Self.smallestTextCell
    let showsTooltips = size <= 15
    // Axis titles.
    svg.text(
      "Predicted label", x: left + gridSize / 2, y: 14, anchor: .middle, className: "axis-title")
    svg.text(
      "Gold label", x: 12, y: top + gridSize / 2, anchor: .middle, className: "axis-title",
      extra: " transform=\"rotate(-90 12 \(DisplayNumber.coordinate(top + gridSize / 2)))\"")
    if isKeyed { key.drawNumbers(in: &svg, left: left, top: top, cell: cell) }
    // Column labels, rotated.
    for (column, label) in matrix.labels.enumerated() where !isKeyed {
      let x = columnX[column]
      let y = top - 6
      svg.label(
        label, limit: labelLimit, maximumWidth: min(labelWidth, (width - 6 - x) / 0.71 + 0.5), x: x,
        y: y,
        className: "category",
        extra:
          " transform=\"rotate(-45 \(DisplayNumber.coordinate(x)) \(DisplayNumber.coordinate(y)))\""
      )
    }
    for (row, label) in matrix.labels.enumerated() where !isKeyed {
      svg.label(
        label, limit: labelLimit, maximumWidth: labelWidth, x: left - 6,
        y: top + cell * (Double(row) + 0.5) + 4, anchor: .end, className: "category")
    }
    // Cells.
    var roundedCount = 0
    var omittedCount = 0
    for row in 0..<size {
      for column in 0..<size {
        let count = rows[row][column]
        let share = rowTotals[row] > 0 ? count / rowTotals[row] : 0
        let value = isNormalized ? share : Self.logShare(count, of: legendLargest)
        let x = left + cell * Double(column)
        let y = top + cell * Double(row)
        let tooltip =
          showsTooltips
          ? "gold \(matrix.labels[row]), predicted \(matrix.labels[column]): "
            + "\(matrix.text(count)) (\(DisplayNumber.percent(share)) of gold \(matrix.labels[row]))"
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
        let exact: String
        if isNormalized {
          exact = count == 0 ? "" : Self.percentText(share, isCompact: cell < 34)
        } else {
          exact = count == 0 ? "0" : matrix.text(count)
        }
        guard !exact.isEmpty else { continue }
        // A count too long for the cell is shortened (1070, then 1.1k);
        // one that fits no way is left to the tooltip and the data table,
        // and the note under the legend says so.
        // A diagonal cell's number stays inside its inner outline.
        let fitted =
          showsText
          ? HeatmapCellText.fitted(
            exact, rounding: isNormalized ? nil : count,
            room: row == column ? cell - 2 * Self.outlineInset : cell - 1, fontSize: fontSize,
            smallest: smallest, longLength: 4)
          : nil
        guard let fitted else {
          omittedCount += 1
          continue
        }
        if fitted.isRounded { roundedCount += 1 }
        svg.text(
          fitted.text, x: x + cell / 2, y: y + cell / 2 + fitted.fontSize * 0.35, anchor: .middle,
          className: count == 0 ? "cell-text zero-text" : "cell-text",
          fill: count == 0 ? nil : ChartColor.text(onViridis: value), fontSize: fitted.fontSize)
      }
    }
    // Diagonal outlines, drawn last so they sit on top.
    for index in 0..<size {
      let corner = left + cell * Double(index)
      let cornerY = top + cell * Double(index)
      // A dark outer and a light inner line: visible on dark and light
      // cells. The dark line fills the gap between the cells, so the two
      // take only ``outlineInset`` units of the cell, and a 23-unit cell
      // keeps room for three digits.
      svg.rect(x: corner, y: cornerY, width: cell, height: cell, className: "diagonal")
      svg.rect(
        x: corner + 1, y: cornerY + 1, width: cell - 2, height: cell - 2,
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
    if isNormalized {
      svg.text("0", x: left, y: legendTop + 24, className: "tick")
      svg.text(
        "100% of gold row", x: left + legendWidth, y: legendTop + 24, anchor: .end,
        className: "tick")
    } else {
      // Ticks at 1, 10, 100, … on the log scale, and the largest count at
      // the end; a tick that would overlap its neighbour is left out.
      var ticks = [1.0]
      while ticks.last! * 10 < legendLargest { ticks.append(ticks.last! * 10) }
      let lastX = left + legendWidth
      let lastText = matrix.text(legendLargest)
      let lastStart = lastX - TextMetrics.width(of: lastText, fontSize: 11)
      var previousEnd = -Double.infinity
      for tick in ticks where tick < legendLargest {
        let x = left + legendWidth * Self.logShare(tick, of: legendLargest)
        let text = DisplayNumber.count(Int(tick))
        let half = TextMetrics.width(of: text, fontSize: 11) / 2
        guard x - half > previousEnd + 4, x + half < lastStart - 4 else { continue }
        svg.line(x1: x, y1: legendTop + 10, x2: x, y2: legendTop + 13, className: "axis")
        svg.text(text, x: x, y: legendTop + 24, anchor: .middle, className: "tick")
        previousEnd = x + half
      }
      svg.text(lastText, x: lastX, y: legendTop + 24, anchor: .end, className: "tick")
      svg.text(
        "log colour scale", x: left, y: legendTop + 40, className: "tick")
    }
    if isKeyed { key.drawKey(in: &svg, top: keyTop) }
    if let note = HeatmapCellText.note(roundedCount: roundedCount, omittedCount: omittedCount) {
      svg.wrappedText(note, x: width / 2, y: height + 6, className: "note-text")
    }
    return svg.finished()
  }

  /// The drawn width of a label cut to `limit` characters.
  ///
  /// - Parameters:
  ///   - label: A class label.
  ///   - limit: The most characters a label keeps.
  ///   - fontSize: The labels' font size.
  /// - Returns: The width in view-box units.
  static func shownWidth(of label: String, limit: Int, fontSize: Double) -> Double {
    TextMetrics.width(of: HTMLText.truncated(label, to: limit), fontSize: fontSize)
  }

  /// The smallest cell a four-character count (`1070`, `1.1k`) fits at a
  /// phone's 11 px: below it, a phone drawing with long labels numbers its
  /// rows and columns to make the cells larger, when that makes them at
  /// least a quarter larger (the key costs the reader a look).
  static let readableCell = 30.0

  /// How far a diagonal cell's outline reaches into it from each side of
  /// its slot: the 0.5-unit gap, then the 1-unit inner line.
  static let outlineInset = 1.5

  /// The smallest cell that shows its number; a phone drawing numbers its
  /// rows and columns only when that gives cells at least this large.
  static let smallestTextCell = 18.0

  /// Where a count falls on the logarithmic colour scale, from 0 (none) to
  /// 1 (the largest count).
  static func logShare(_ count: Double, of largest: Double) -> Double {
    guard largest > 0, count > 0 else { return 0 }
    return log1p(count) / log1p(largest)
  }

  static func percentText(_ share: Double, isCompact: Bool) -> String {
    let percent = share * 100
    let text = percent < 1 && percent > 0 ? "<1" : DisplayNumber.score(percent, digits: 0)
    return isCompact ? text : text + "%"
  }
}
