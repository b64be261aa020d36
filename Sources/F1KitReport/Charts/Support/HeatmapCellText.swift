import F1KitAdvice
import Foundation

/// The number a heatmap cell prints, fitted to the cell: the page's own
/// text where it fits, else a shorter text of the same value, else none.
///
/// A phone drawing's cells are small and its text is at least 11 px, so a
/// count such as `1,070` may not fit a cell at full length. It is then
/// written without its thousands separator (`1070`, still exact), or drawn
/// at ``smallestCellTextSize`` (three digits in a 23-unit diagonal cell),
/// or rounded to a few digits with a suffix (`1.1k`, `12k`, `1.2M`); a cell
/// too small for even that is left without a number, and the chart says
/// how many such cells it has (`note(roundedCount:omittedCount:)`). Every
/// text keeps ``clearance`` units clear of the cell's edges or outline.
struct HeatmapCellText {
  /// The text drawn in the cell.
  let text: String
  /// Its font size, in view-box units.
  let fontSize: Double
  /// Whether the text is a rounded form of the value (`1.1k`), not the
  /// exact value.
  let isRounded: Bool

  /// The first of a cell's texts, exact ones first, that fits the cell at
  /// a readable size.
  ///
  /// - Parameters:
  ///   - exact: The value as the page prints it (`1,070`, `12.5`, `87%`).
  ///   - value: The value to round when no exact text fits (a count or a
  ///     weight sum), or `nil` when only the exact text will do.
  ///   - room: The cell's free width, in view-box units: its painted width,
  ///     less any outline.
  ///   - fontSize: The cell text's preferred size.
  ///   - smallest: The smallest size the chart's other text may shrink to;
  ///     an exact number may go down to ``smallestCellTextSize`` before it
  ///     is rounded.
  ///   - longLength: Texts longer than this many characters are drawn at
  ///     0.82 of `fontSize` (but not below `smallest`).
  /// - Returns: The text and its size, or `nil` when no text fits.
  static func fitted(
    _ exact: String, rounding value: Double?, room: Double, fontSize: Double, smallest: Double,
    longLength: Int
  ) -> HeatmapCellText? {
    var candidates = [(text: exact, isRounded: false)]
    // Up to four digits read well without a separator.
    let ungrouped = exact.replacingOccurrences(of: ",", with: "")
    if ungrouped != exact && ungrouped.count <= 4 { candidates.append((ungrouped, false)) }
    if let value, let rounded = rounded(value), rounded != exact, rounded != ungrouped {
      candidates.append((rounded, true))
    }
    for candidate in candidates {
      let size = max(smallest, fontSize * (candidate.text.count > longLength ? 0.82 : 1))
      // An exact number drawn smaller beats a rounded one.
      let sizes = candidate.isRounded ? [size] : [size, min(size, smallestCellTextSize)]
      for size in sizes
      where TextMetrics.width(of: candidate.text, fontSize: size, isMonospaced: true)
        <= room - 2 * clearance
      {
        return HeatmapCellText(
          text: candidate.text, fontSize: size, isRounded: candidate.isRounded)
      }
    }
    return nil
  }

  /// The smallest a cell's exact number is drawn, in view-box units: the
  /// size under which no desktop text goes, one below a phone's 11.
  static let smallestCellTextSize = ChartTextStyle.minimumRenderedSize

  /// How far a cell's text keeps from each side of its free width.
  static let clearance = 0.75

  /// A value rounded to two or three significant digits, with `k` for
  /// thousands and `M` for millions: `1.1k`, `12k`, `345k`, `1.2M`, `13`,
  /// `2.5`, `0.3`; `nil` for a value that is not finite and positive.
  ///
  /// - Parameter value: A count or weight sum.
  /// - Returns: Its short text.
  static func rounded(_ value: Double) -> String? {
    guard value.isFinite, value > 0 else { return nil }
    var scaled = value
    var suffix = ""
    // 999,960 is 1M, not 1000k.
    for next in ["k", "M"] where scaled.rounded() >= 1000 {
      scaled /= 1000
      suffix = next
    }
    guard scaled >= 0.005 else { return "<0.01" }
    let digits = suffix.isEmpty ? (scaled < 1 ? 2 : scaled < 10 ? 1 : 0) : (scaled < 9.95 ? 1 : 0)
    var text = DisplayNumber.score(scaled, digits: digits)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + suffix
  }

  /// The sentences a heatmap writes under its legend when some of its
  /// cells show a rounded number or none, so that a reader knows the
  /// values are in the table after the chart.
  ///
  /// - Parameters:
  ///   - roundedCount: The cells that show a rounded number.
  ///   - omittedCount: The cells that would show a number but are too
  ///     small for it.
  /// - Returns: Nothing when every cell shows its exact number.
  static func note(roundedCount: Int, omittedCount: Int) -> String? {
    var sentences: [String] = []
    if roundedCount > 0 {
      sentences.append("Numbers rounded to fit (k = thousand, M = million).")
    }
    if omittedCount > 0 {
      sentences.append(
        omittedCount == 1
          ? "1 cell is too small for its number."
          : "\(DisplayNumber.count(omittedCount)) cells are too small for their numbers.")
    }
    guard !sentences.isEmpty else { return nil }
    return sentences.joined(separator: " ") + " The table after the chart lists every value."
  }
}
