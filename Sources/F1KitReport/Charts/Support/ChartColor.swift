import Foundation

/// The report's colours: the Okabe–Ito palette for categories, viridis for
/// quantities, and contrast-aware text on coloured cells.
///
/// Okabe and Ito's eight colours ("Color Universal Design", 2008) stay
/// distinct under the common forms of colour blindness; F1Kit never relies
/// on red against green, and pairs colour with position, shape or text.
enum ChartColor {
  /// Okabe–Ito, in the order categories take them: blue, orange, bluish
  /// green, reddish purple, sky blue, vermillion, yellow.
  static let categorical = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
  ]

  /// The colour of the *n*th model.
  static func model(_ index: Int) -> String { categorical[index % categorical.count] }

  /// Precision, recall and F1 bars.
  static let precision = "#56B4E9"
  static let recall = "#E69F00"
  static let f1 = "#0072B2"

  /// Viridis at 16 evenly spaced points (entries 0, 17, …, 255 of
  /// matplotlib's 256-entry `viridis`), from dark purple (0) to yellow (1).
  static let viridisStops: [(Double, Double, Double)] = [
    (0.267004, 0.004874, 0.329415),
    (0.282656, 0.100196, 0.422160),
    (0.277134, 0.185228, 0.489898),
    (0.253935, 0.265254, 0.529983),
    (0.221989, 0.339161, 0.548752),
    (0.190631, 0.407061, 0.556089),
    (0.163625, 0.471133, 0.558148),
    (0.139147, 0.533812, 0.555298),
    (0.120565, 0.596422, 0.543611),
    (0.134692, 0.658636, 0.517649),
    (0.208030, 0.718701, 0.472873),
    (0.327796, 0.773980, 0.406640),
    (0.477504, 0.821444, 0.318195),
    (0.647257, 0.858400, 0.209861),
    (0.824940, 0.884720, 0.106217),
    (0.993248, 0.906157, 0.143936),
  ]

  /// The viridis colour of a value in [0, 1], as `#rrggbb`.
  static func viridis(_ value: Double) -> String {
    let (red, green, blue) = viridisComponents(value)
    return hex(red, green, blue)
  }

  /// The viridis colour of a value in [0, 1] as components in [0, 1],
  /// linearly interpolated between the stops.
  static func viridisComponents(_ value: Double) -> (Double, Double, Double) {
    let clamped = value.isFinite ? min(max(value, 0), 1) : 0
    let position = clamped * Double(viridisStops.count - 1)
    let index = min(Int(position), viridisStops.count - 2)
    let fraction = position - Double(index)
    let low = viridisStops[index]
    let high = viridisStops[index + 1]
    return (
      low.0 + (high.0 - low.0) * fraction, low.1 + (high.1 - low.1) * fraction,
      low.2 + (high.2 - low.2) * fraction
    )
  }

  /// Black or white, whichever contrasts more with a background (WCAG 2
  /// contrast ratio of relative luminances).
  static func text(onViridis value: Double) -> String {
    let (red, green, blue) = viridisComponents(value)
    let luminance = relativeLuminance(red, green, blue)
    let contrastWithBlack = (luminance + 0.05) / 0.05
    let contrastWithWhite = 1.05 / (luminance + 0.05)
    return contrastWithBlack >= contrastWithWhite ? "#000000" : "#ffffff"
  }

  /// WCAG 2's relative luminance of an sRGB colour.
  static func relativeLuminance(_ red: Double, _ green: Double, _ blue: Double) -> Double {
    func linear(_ channel: Double) -> Double {
      channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  private static func hex(_ red: Double, _ green: Double, _ blue: Double) -> String {
    func byte(_ channel: Double) -> String {
      let value = Int((min(max(channel, 0), 1) * 255).rounded())
      let digits = String(value, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }
    return "#" + byte(red) + byte(green) + byte(blue)
  }
}
