extension ResultTable {
  /// The table as GitHub-flavoured Markdown: the caption as a paragraph, a
  /// pipe table, then the statements as a paragraph.
  ///
  /// Characters Markdown would read as markup (`|`, `\`, `*`, `_`, the backquote,
  /// `[`, `]`, `<`, `>`, `#`) are backslash-escaped, and line breaks become
  /// spaces, so a label cannot break the table or turn into emphasis.
  ///
  /// - Returns: The Markdown text, ending with a newline.
  public func markdown() -> String {
    var text = "**Table.** " + Self.markdownEscaped(caption) + "\n\n"
    text += "| " + header.map(Self.markdownEscaped).joined(separator: " | ") + " |\n"
    text +=
      "|"
      + alignments.map { $0 == .left ? " :--- |" : " ---: |" }.joined() + "\n"
    for row in rows {
      text += "| " + row.map(Self.markdownEscaped).joined(separator: " | ") + " |\n"
    }
    if !statements.isEmpty {
      text += "\n" + statements.map(Self.markdownEscaped).joined(separator: " ") + "\n"
    }
    return text
  }

  /// Escapes text for a GitHub-flavoured Markdown paragraph or table cell.
  ///
  /// - Parameter text: Plain text.
  /// - Returns: The text with Markdown markup characters backslash-escaped
  ///   and line breaks turned into spaces.
  public static func markdownEscaped(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#":
        escaped.append("\\")
        escaped.append(character)
      case "\n", "\r", "\r\n", "\t": escaped.append(" ")
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
