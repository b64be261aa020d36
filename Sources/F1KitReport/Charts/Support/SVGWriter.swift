import F1KitAdvice

/// Builds the markup of one inline SVG chart.
///
/// Every chart is a standalone, well-formed XML element: it opens with
/// `role="img"`, a `<title>` and a `<desc>` named by `aria-labelledby`, and
/// all text goes through ``HTMLText/escape(_:)``. Colours that depend on
/// the page's colour scheme are set by classes the report's stylesheet
/// defines; data colours are literal.
struct SVGWriter {
  private let id: String
  private let className: String
  private(set) var markup = ""
  let width: Double
  /// The height of the view box; ``wrappedText(_:x:y:className:)``
  /// grows it when its last line would fall below.
  private(set) var height: Double
  /// The smallest font size of the text drawn so far, in view-box units.
  private(set) var smallestFontSize = Double.infinity

  /// Opens a chart.
  ///
  /// - Parameters:
  ///   - id: A document-unique id; the title and description get `id-title`
  ///     and `id-desc`.
  ///   - width: The width of the view box.
  ///   - height: The height of the view box.
  ///   - title: The chart's accessible name.
  ///   - description: What the chart shows, in a sentence or two.
  ///   - className: Extra classes for the `<svg>` element.
  init(
    id: String, width: Double, height: Double, title: String, description: String,
    className: String = "chart"
  ) {
    self.id = id
    self.className = className
    self.width = width
    self.height = height
    markup =
      "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
      + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
  }

  /// The narrowest the chart may be drawn, in CSS pixels, so that its
  /// smallest text stays at least ``ChartTextStyle/minimumRenderedSize``.
  var minimumWidth: Double {
    guard smallestFontSize.isFinite else { return 0 }
    return (width * ChartTextStyle.minimumRenderedSize / smallestFontSize).rounded(.up)
  }

  /// Closes the chart and returns its markup. On a screen narrower than
  /// ``minimumWidth`` the chart scrolls sideways rather than shrink its
  /// text below ``ChartTextStyle/minimumRenderedSize``.
  func finished() -> String {
    let w = DisplayNumber.coordinate(width)
    let h = DisplayNumber.coordinate(height)
    return "<svg id=\"\(id)\" class=\"\(className)\" "
      + "viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" style=\"max-width:\(w)px"
      + ";min-width:\(DisplayNumber.coordinate(minimumWidth))px"
      + "\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">" + markup + "</svg>"
  }

  /// Appends raw, already-escaped markup.
  mutating func raw(_ text: String) { markup += text }

  /// Appends a rectangle.
  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String? = nil,
    className: String? = nil, tooltip: String? = nil, extra: String = ""
  ) {
    markup +=
      "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(width, 0)))\" height=\"\(c(max(height, 0)))\""
    if let fill { markup += " fill=\"\(fill)\"" }
    if let className { markup += " class=\"\(className)\"" }
    markup += extra
    if let tooltip {
      markup += "><title>\(HTMLText.escape(tooltip))</title></rect>"
    } else {
      markup += "/>"
    }
  }

  /// Appends a line.
  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, className: String? = nil,
    stroke: String? = nil, extra: String = ""
  ) {
    markup += "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\""
    if let className { markup += " class=\"\(className)\"" }
    if let stroke { markup += " stroke=\"\(stroke)\"" }
    markup += extra + "/>"
  }

  /// Appends an interval whisker: a horizontal line from `low` to `high`
  /// at `y`, with a cap at each end from `capTop` to `capBottom`, as one
  /// path of class `whisker`.
  ///
  /// - Parameters:
  ///   - low: The left end.
  ///   - high: The right end.
  ///   - y: The height of the line.
  ///   - capTop: The top of the caps.
  ///   - capBottom: The bottom of the caps.
  mutating func whisker(low: Double, high: Double, y: Double, capTop: Double, capBottom: Double) {
    markup +=
      "<path class=\"whisker\" d=\"M\(c(low)) \(c(y))H\(c(high))M\(c(low)) \(c(capTop))V\(c(capBottom))"
      + "M\(c(high)) \(c(capTop))V\(c(capBottom))\"/>"
  }

  /// Appends a circle.
  mutating func circle(
    x: Double, y: Double, radius: Double, fill: String? = nil, className: String? = nil,
    tooltip: String? = nil
  ) {
    markup += "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\""
    if let fill { markup += " fill=\"\(fill)\"" }
    if let className { markup += " class=\"\(className)\"" }
    if let tooltip {
      markup += "><title>\(HTMLText.escape(tooltip))</title></circle>"
    } else {
      markup += "/>"
    }
  }

  /// Appends a polyline through points.
  mutating func polyline(_ points: [(Double, Double)], stroke: String, className: String? = nil) {
    let list = points.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
    markup += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\""
    if let className { markup += " class=\"\(className)\"" }
    markup += "/>"
  }

  /// Appends text, escaped; `fullText` adds a `<title>` for text that was
  /// shortened.
  mutating func text(
    _ content: String, x: Double, y: Double, anchor: TextAnchor = .start,
    className: String? = nil, fill: String? = nil, fullText: String? = nil,
    fontSize: Double? = nil, extra: String = ""
  ) {
    let size = fontSize ?? ChartTextStyle.size(ofClasses: className)
    smallestFontSize = min(smallestFontSize, size)
    markup += "<text x=\"\(c(x))\" y=\"\(c(y))\""
    if anchor != .start { markup += " text-anchor=\"\(anchor.rawValue)\"" }
    if let className { markup += " class=\"\(className)\"" }
    // A style, not a fill attribute: the stylesheet's text colour would
    // override an attribute.
    if let fill { markup += " style=\"fill:\(fill)\"" }
    if let fontSize { markup += " font-size=\"\(c(fontSize))\"" }
    markup += extra + ">"
    if let fullText, fullText != content {
      markup += "<title>\(HTMLText.escape(fullText))</title>"
    }
    markup += HTMLText.escape(content) + "</text>"
  }

  /// Appends text centred on `x`, broken at spaces onto as many lines as
  /// keep each inside the view box with 4 units to spare, and grows the
  /// view box to the last line. A word wider than that is shortened, with
  /// the full text in a `<title>`.
  ///
  /// - Parameters:
  ///   - content: The text.
  ///   - x: The centre of each line.
  ///   - y: The baseline of the first line.
  ///   - className: The text's classes, which set its font size.
  mutating func wrappedText(_ content: String, x: Double, y: Double, className: String) {
    let size = ChartTextStyle.size(ofClasses: className)
    let maximumWidth = 2 * min(x, width - x) - 8
    var lines: [String] = []
    for word in content.split(separator: " ").map(String.init) {
      if let last = lines.last,
        TextMetrics.width(of: last + " " + word, fontSize: size) <= maximumWidth
      {
        lines[lines.count - 1] = last + " " + word
      } else {
        lines.append(word)
      }
    }
    let lineHeight = (size * 1.25).rounded(.up)
    for (index, line) in lines.enumerated() {
      let shown = TextMetrics.fitted(line, in: maximumWidth, fontSize: size)
      text(
        shown, x: x, y: y + lineHeight * Double(index), anchor: .middle, className: className,
        fullText: shown == line ? nil : content)
    }
    height = max(height, y + lineHeight * Double(max(lines.count - 1, 0)) + 8)
  }

  /// Appends a label that is truncated to `limit` characters, and to
  /// `maximumWidth` when given (wide letters such as `m` and `w` make a
  /// label wider than its characters' count allows for), with the full
  /// label in a `<title>` when cut.
  mutating func label(
    _ label: String, limit: Int, maximumWidth: Double? = nil, x: Double, y: Double,
    anchor: TextAnchor = .start, className: String? = nil, extra: String = ""
  ) {
    var shown = HTMLText.truncated(label, to: limit)
    let fontSize = ChartTextStyle.size(ofClasses: className)
    if let maximumWidth, TextMetrics.width(of: shown, fontSize: fontSize) > maximumWidth {
      shown = TextMetrics.fitted(label, in: maximumWidth, fontSize: fontSize)
    }
    text(shown, x: x, y: y, anchor: anchor, className: className, fullText: label, extra: extra)
  }

  private func c(_ value: Double) -> String { DisplayNumber.coordinate(value) }
}

/// Where a text's `x` lies in it.
enum TextAnchor: String {
  case start
  case middle
  case end
}
