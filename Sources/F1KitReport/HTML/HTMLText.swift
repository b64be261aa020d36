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
    escape(text, breaksLongWords: false)
  }

  /// Escapes text for HTML element content as ``escape(_:)`` does, and
  /// lets a long word (a file name such as
  /// `model_checkpoint_epoch_03_step_12000.csv`) break after its `-`, `_`,
  /// `.` and `/` with `<wbr>`, so that it wraps at those points in a
  /// narrow column rather than in mid-word or not at all. Not for
  /// attributes, `<title>` or SVG.
  ///
  /// - Parameter text: Any text, such as a sentence naming a model.
  /// - Returns: The escaped text with its break opportunities.
  static func content(_ text: String) -> String {
    escape(text, breaksLongWords: true)
  }

  /// Words shorter than this many characters fit any column of the page,
  /// and get no `<wbr>`.
  static let breakableWordLength = 20

  private static func escape(_ text: String, breaksLongWords: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    // The length and end of the whitespace-delimited word each scalar is
    // in (0 for whitespace).
    var wordLengths = [Int](repeating: 0, count: breaksLongWords ? scalars.count : 0)
    var wordEnds = wordLengths
    if breaksLongWords {
      var start = 0
      for index in 0...scalars.count
      where index == scalars.count || scalars[index].properties.isWhitespace {
        for inWord in start..<index {
          wordLengths[inWord] = index - start
          wordEnds[inWord] = index
        }
        start = index + 1
      }
    }
    let separators: Set<Unicode.Scalar> = ["-", "_", ".", "/"]
    // Bidirectional embeddings, overrides and isolates left open in the
    // text are closed at its end, so they cannot reorder what follows.
    var openEmbeddings = 0
    var openIsolates = 0
    for (index, scalar) in scalars.enumerated() {
      switch scalar.value {
      case 0x202A...0x202B, 0x202D...0x202E: openEmbeddings += 1
      case 0x202C: openEmbeddings = max(openEmbeddings - 1, 0)
      case 0x2066...0x2068: openIsolates += 1
      case 0x2069:
        openIsolates = max(openIsolates - 1, 0)
        openEmbeddings = 0
      default: break
      }
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
      // No break before a short last part, such as a file's extension.
      if breaksLongWords, separators.contains(scalar), wordLengths[index] >= breakableWordLength,
        wordEnds[index] - index > 5, !separators.contains(scalars[index + 1])
      {
        result += "<wbr>"
      }
    }
    for _ in 0..<openEmbeddings { result += "\u{202C}" }
    for _ in 0..<openIsolates { result += "\u{2069}" }
    return result
  }

  /// Escapes a label as element content (``content(_:)``) and isolates
  /// it in `<bdi>`, so that right-to-left text or bidirectional controls
  /// (U+202E, U+2066) in it cannot reorder the text around it.
  ///
  /// - Parameter text: A label or model name.
  /// - Returns: `<bdi>` and the escaped text.
  static func isolated(_ text: String) -> String {
    "<bdi>\(content(text))</bdi>"
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
