/// A chart drawn twice: at its desktop width, and at a narrow width for
/// phones, the stylesheet showing one of the two.
///
/// A chart's text is sized in view-box units, so a desktop chart squeezed
/// onto a 390 px phone would either shrink its text below legibility or
/// scroll sideways. The narrow drawing is laid out for a phone's screen
/// instead: its view box is at most ``ChartLayout/narrowWidth`` wide, so at
/// its natural size it fits a 390 px screen (362 px of content) with its
/// text at full size. Below the stylesheet's breakpoint
/// (``ChartLayout/breakpoint``) the page shows the narrow drawing, above it
/// the desktop one; the hidden drawing is `display:none`, so assistive
/// technology meets each chart once. The phone drawing has no tooltips
/// (see ``withoutTooltips(_:)``).
protocol ResponsiveChart {
  /// The chart's document-unique id.
  var id: String { get set }
  /// The widest the chart's view box may be, in view-box units.
  var width: Double { get set }
  /// The chart's markup: one `<svg>` element.
  func render() -> String
}

/// The widths of the page's charts.
enum ChartLayout {
  /// The widest a phone drawing's view box is: a 390 px screen less the
  /// page's 14 px margins is 362 px, and 12 px is spared for rounding and
  /// an overlay scroll bar.
  static let narrowWidth = 350.0

  /// The column a 390 px phone gives a chart: the screen less the page's
  /// 14 px margins.
  static let phoneColumnWidth = 362.0

  /// The widest screen, in CSS pixels, that shows the phone drawings.
  static let breakpoint = 720

  /// The smallest size, in view-box units, for text whose size a chart
  /// picks (such as a heatmap's cell text): a phone drawing is shown at
  /// its natural size, so its text is at least 11 px; a desktop drawing's
  /// is at least ``ChartTextStyle/minimumRenderedSize`` when squeezed to
  /// its `min-width`.
  ///
  /// - Parameter width: The widest the chart's view box may be.
  /// - Returns: The smallest text size.
  static func smallestTextSize(forWidth width: Double) -> Double {
    width <= narrowWidth ? 11 : ChartTextStyle.minimumRenderedSize
  }

  /// The stylesheet rules that show one drawing of each chart.
  static var css: String {
    "svg.chart.narrow{display:none}\n"
      + "@media screen and (max-width:\(breakpoint)px){svg.chart.wide{display:none}svg.chart.narrow{display:block}}"
  }
}

extension ResponsiveChart {
  /// The chart at its desktop width and, when that is wider than a phone,
  /// again at ``ChartLayout/narrowWidth`` with the id suffix `-narrow`.
  ///
  /// A heatmap's cells have a smallest readable size, so the phone drawing
  /// of a heatmap of many classes would still be wider than a phone's
  /// column; it is then left out, and the desktop drawing scrolls sideways
  /// in its box on a phone, as it does on a desktop.
  ///
  /// - Returns: One `<svg>` element, or two with the classes `wide` and
  ///   `narrow`.
  func responsiveMarkup() -> String {
    let wide = render()
    guard let viewBoxWidth = Self.viewBoxWidth(of: wide), viewBoxWidth > ChartLayout.narrowWidth
    else { return wide }
    var narrow = self
    narrow.id = id + "-narrow"
    narrow.width = ChartLayout.narrowWidth
    let narrowMarkup = narrow.render()
    guard let narrowWidth = Self.viewBoxWidth(of: narrowMarkup),
      narrowWidth <= ChartLayout.phoneColumnWidth
    else { return wide }
    return Self.marked(wide, id: id, variant: "wide")
      + Self.marked(Self.withoutTooltips(narrowMarkup), id: narrow.id, variant: "narrow")
  }

  /// The markup without its tooltips: the `<title>` elements without
  /// attributes, which name a bar or a shortened label on hover. A phone
  /// has no hover, the data table beside the chart holds the same values,
  /// and the chart's own `<title id="…">` stays.
  static func withoutTooltips(_ svg: String) -> String {
    var result = ""
    var remaining = svg[...]
    while let start = remaining.range(of: "<title>"),
      let end = remaining.range(of: "</title>", range: start.upperBound..<remaining.endIndex)
    {
      result += remaining[..<start.lowerBound]
      remaining = remaining[end.upperBound...]
    }
    return result + remaining
  }

  /// The view box width of a chart's markup.
  static func viewBoxWidth(of svg: String) -> Double? {
    guard let start = svg.range(of: "viewBox=\"0 0 ") else { return nil }
    return Double(svg[start.upperBound...].prefix { $0 != " " })
  }

  /// The markup with `variant` added to the `<svg>` element's classes.
  private static func marked(_ svg: String, id: String, variant: String) -> String {
    let opening = "<svg id=\"\(id)\" class=\"chart"
    guard svg.hasPrefix(opening) else { return svg }
    return opening + " " + variant + svg.dropFirst(opening.count)
  }
}
