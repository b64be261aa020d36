/// Where a forest plot puts each row's label, annotation and whisker.
///
/// On a wide chart the three are columns: the label right-aligned before
/// the plotting area, the annotation after it. A chart narrower than
/// ``stackingWidth`` has no room for three columns, so each row is
/// stacked: the label, then the annotation (on the same line when both
/// fit, else on a line of its own), above a whisker that spans the chart's
/// whole width.
struct ForestRowLayout {
  /// Narrower charts stack their rows.
  static let stackingWidth = 480.0

  /// Whether each row's texts stand above its whisker.
  let isStacked: Bool
  /// Whether, stacked, the annotation has a line of its own.
  let hasAnnotationLine: Bool
  /// The chart's width.
  let width: Double
  /// The left end of the plotting area.
  let left: Double
  /// The right end of the plotting area.
  let right: Double
  /// The room for a label.
  let labelWidth: Double
  /// The height of a row.
  let rowHeight: Double

  /// Lays out rows whose labels and annotations are set in the
  /// `category` font.
  ///
  /// - Parameters:
  ///   - labels: Each row's label.
  ///   - annotations: Each row's annotation.
  ///   - indent: How far every label is indented.
  ///   - preferredWidth: The width the chart aims for.
  ///   - minimumPlotWidth: The narrowest plotting area between columns.
  ///   - maximumLabelWidth: The widest label column.
  ///   - columnRowHeight: The height of a row laid out in columns.
  init(
    labels: [String], annotations: [String], indent: Double = 0, preferredWidth: Double,
    minimumPlotWidth: Double, maximumLabelWidth: Double, columnRowHeight: Double
  ) {
    let fontSize = ChartTextStyle.size(ofClasses: "category")
    let longestLabel = max(
      labels.map { TextMetrics.width(of: $0, fontSize: fontSize) + indent }.max() ?? 40, 40)
    let annotationWidth =
      (annotations.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0) + 14
    isStacked = preferredWidth < Self.stackingWidth
    if isStacked {
      width = preferredWidth
      left = 16
      right = preferredWidth - 16
      labelWidth = min(longestLabel, preferredWidth - 8)
      hasAnnotationLine = longestLabel + annotationWidth + 8 > preferredWidth
      rowHeight = hasAnnotationLine ? 56 : 42
    } else {
      labelWidth = min(maximumLabelWidth, longestLabel)
      left = labelWidth + 16
      let plotWidth = max(minimumPlotWidth, preferredWidth - left - annotationWidth)
      right = left + plotWidth
      width = right + annotationWidth
      hasAnnotationLine = false
      rowHeight = columnRowHeight
    }
  }

  /// The class, with its leading space, that outlines a row's texts in
  /// the page's background colour when stacked, where grid lines cross
  /// them; empty in columns.
  var halo: String { isStacked ? " halo" : "" }

  /// Where a row's label goes: its `x`, baseline and anchor.
  ///
  /// - Parameters:
  ///   - top: The top of the row.
  ///   - indent: How far the label is indented.
  /// - Returns: The label's position.
  func label(top: Double, indent: Double = 0) -> (x: Double, y: Double, anchor: TextAnchor) {
    isStacked
      ? (4 + indent, top + 15, .start)
      : (left - 8, top + rowHeight / 2 + 4, .end)
  }

  /// Where a row's annotation goes: its `x`, baseline and anchor.
  ///
  /// - Parameter top: The top of the row.
  /// - Returns: The annotation's position.
  func annotation(top: Double) -> (x: Double, y: Double, anchor: TextAnchor) {
    if !isStacked { return (right + 6, top + rowHeight / 2 + 4, .start) }
    return hasAnnotationLine ? (4, top + 30, .start) : (width - 4, top + 15, .end)
  }

  /// The vertical position of a row's whisker.
  ///
  /// - Parameter top: The top of the row.
  /// - Returns: The whisker's `y`.
  func whisker(top: Double) -> Double {
    isStacked ? top + rowHeight - 13 : top + rowHeight / 2
  }
}
