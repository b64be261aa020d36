/// Estimated widths of text as the report's sans-serif font draws it, so a
/// chart can reserve room for its labels instead of cutting them off.
///
/// The widths are DejaVu Sans advance widths (the widest of the common
/// system sans-serif fonts) rounded up, so the estimate errs on the wide
/// side for Helvetica, Arial, Roboto and Segoe UI too.
enum TextMetrics {
  /// The advance width of each printable ASCII character, in 1/1000 em,
  /// from U+0020 (space) to U+007E (tilde).
  private static let asciiWidths: [Double] = [
    // space ! " # $ % & ' ( ) * + , - . /
    318, 401, 460, 838, 637, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    // 0-9
    637, 637, 637, 637, 637, 637, 637, 637, 637, 637,
    // : ; < = > ? @
    337, 337, 838, 838, 838, 531, 1000,
    // A-Z
    684, 686, 698, 771, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603,
    787, 695, 635, 611, 732, 684, 989, 685, 611, 685,
    // [ \ ] ^ _ `
    390, 337, 390, 838, 500, 500,
    // a-z
    613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635,
    635, 411, 521, 392, 634, 592, 818, 592, 592, 525,
    // { | } ~
    636, 337, 636, 838,
  ]

  /// The estimated width of `text` at `fontSize` pixels.
  ///
  /// - Parameters:
  ///   - text: The text as drawn.
  ///   - fontSize: The font size in pixels (or view-box units).
  ///   - isMonospaced: Whether the text is set in the monospaced font.
  /// - Returns: The width in the same units as `fontSize`.
  /// - Complexity: O(*n*) for *n* characters.
  static func width(of text: String, fontSize: Double, isMonospaced: Bool = false) -> Double {
    var total = 0.0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if isMonospaced {
        total += value >= 0x1100 && isWide(value) ? 1000 : 602
      } else if (0x20...0x7E).contains(value) {
        total += asciiWidths[Int(value - 0x20)]
      } else if (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value)
        || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      {
        // Combining marks and invisible formatting characters.
        continue
      } else if isWide(value) || value == 0x2026 {
        // CJK, Hangul, emoji, and the ellipsis `…`.
        total += 1000
      } else {
        // Accented Latin, Greek, Cyrillic, symbols such as −: about
        // as wide as an average capital.
        total += 760
      }
    }
    return total / 1000 * fontSize
  }

  /// Whether a scalar is drawn a full em wide (CJK, Hangul, emoji).
  private static func isWide(_ value: UInt32) -> Bool {
    (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
      || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
  }

  /// The longest prefix of `text` (with `…` when cut) that fits in
  /// `maximumWidth`, and whether it was cut.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - maximumWidth: The room available.
  ///   - fontSize: The font size.
  /// - Returns: The text or its shortened form.
  static func fitted(_ text: String, in maximumWidth: Double, fontSize: Double) -> String {
    guard width(of: text, fontSize: fontSize) > maximumWidth else { return text }
    let ellipsis = width(of: "…", fontSize: fontSize)
    var result = ""
    var used = 0.0
    for character in text {
      let next = width(of: String(character), fontSize: fontSize)
      if used + next + ellipsis > maximumWidth { break }
      result.append(character)
      used += next
    }
    return result + "…"
  }
}
