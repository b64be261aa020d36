/// Escaping of text for HTML and XML (inline SVG) content and attributes.
enum HTMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML 1.0
  /// forbids (C0 controls other than tab, line feed and carriage return,
  /// and U+FFFE, U+FFFF) with U+FFFD, so the result is safe in element
  /// content and in single- or double-quoted attributes of both HTML and
  /// XML.
  ///
  /// - Parameter text: Any text, such as a class label.
  /// - Returns: The escaped text.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _
      where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE
        || scalar.value == 0xFFFF:
        result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Shortens text to at most `limit` characters, ending with `…` when cut.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - limit: The most characters to keep, including the ellipsis.
  /// - Returns: The text or its shortened form.
  static func truncated(_ text: String, to limit: Int) -> String {
    guard text.count > limit, limit > 1 else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
