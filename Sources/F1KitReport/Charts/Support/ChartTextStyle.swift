/// The font sizes of chart text, by the class the stylesheet gives it.
///
/// Chart text is sized in view-box units, so an SVG drawn narrower than its
/// view box shrinks its text. Each chart therefore gets a minimum width at
/// which its smallest text is still ``minimumRenderedSize`` pixels, and
/// scrolls sideways on a narrower screen rather than shrink below it.
enum ChartTextStyle {
  /// The smallest size, in CSS pixels, that any chart text is drawn at.
  static let minimumRenderedSize = 10.0

  /// The font size of each text class, in view-box units.
  static let sizes: [(className: String, size: Double)] = [
    ("tick", 11), ("note-text", 11), ("legend", 12), ("category", 12), ("value", 12),
    ("axis-title", 12),
  ]

  /// The size text of the given classes is drawn at: the last listed class
  /// that has a size, else the SVG default of 16.
  ///
  /// - Parameter classNames: The text's classes, separated by spaces.
  /// - Returns: Its font size.
  static func size(ofClasses classNames: String?) -> Double {
    var result = 16.0
    for name in (classNames ?? "").split(separator: " ") {
      if let entry = sizes.first(where: { $0.className == name }) { result = entry.size }
    }
    return result
  }

  /// The stylesheet rules that set the sizes.
  static var css: String {
    sizes.map { "svg .\($0.className){font-size:\(Int($0.size))px}" }.joined(separator: "\n")
  }
}
