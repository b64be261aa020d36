import F1KitSupport

/// Labels and other input text made safe to echo on a terminal or in a
/// one-line message.
///
/// Control characters are escaped as Swift writes them (`\n`, `\t`,
/// `\u{1B}`), so an ESC sequence in a label cannot restyle a terminal and a
/// newline cannot split an error in two; long text is cut with `…`.
package enum TerminalText {
  /// The most Unicode scalars of one label shown in a message.
  package static let defaultLimit = 60

  /// `text` with control characters escaped and cut after `limit` scalars.
  ///
  /// - Parameters:
  ///   - text: Text from the input, such as a label.
  ///   - limit: The most scalars kept before `…`.
  ///   - escapesQuotes: Whether to escape `"` and `\` too, for text shown
  ///     between double quotes.
  /// - Returns: Text with no control characters, at most `limit` scalars
  ///   long before escaping.
  package static func escaped(
    _ text: String, limit: Int = defaultLimit, escapesQuotes: Bool = false
  ) -> String {
    TerminalEscaping.escaped(text, limit: limit, escapesQuotes: escapesQuotes)
  }

  /// `text` in double quotes, escaped and cut as ``escaped(_:limit:escapesQuotes:)``
  /// does, with `"` and `\` escaped.
  ///
  /// - Parameters:
  ///   - text: Text from the input, such as a label.
  ///   - limit: The most scalars kept before `…`.
  /// - Returns: The quoted text.
  package static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
    "\"" + escaped(text, limit: limit, escapesQuotes: true) + "\""
  }

  /// A name (such as a column's) as one shell word for a command a
  /// message suggests: as it is when it needs no quoting, else in single
  /// quotes, escaped and cut as ``escaped(_:limit:escapesQuotes:)`` does.
  ///
  /// - Parameter name: The name.
  /// - Returns: The word, such as `true_label` or `'true label'`.
  package static func shellWord(_ name: String) -> String {
    let isPlain = name.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        || "_-.".unicodeScalars.contains($0)
    }
    return isPlain && !name.isEmpty
      ? name : "'" + escaped(name).replacing("'", with: "'\\''") + "'"
  }

  /// The most items of a list shown in one message.
  package static let defaultListLimit = 10

  /// Items quoted and separated by commas, at most `limit` of them, then
  /// how many more: `"a", "b" and 999,990 more`, so a message naming the
  /// labels of a file with a million classes stays one short line.
  ///
  /// - Parameters:
  ///   - items: Text from the input, such as labels or column names.
  ///   - limit: The most items shown.
  ///   - conjunction: The word before the last item shown when all fit, as
  ///     in `"a", "b" and "c"`; `nil` separates every item by a comma.
  /// - Returns: The list, each item escaped and cut as
  ///   ``quoted(_:limit:)`` does.
  /// - Complexity: O(`limit`), whatever the number of items.
  package static func list(
    _ items: some Collection<String>, limit: Int = defaultListLimit, conjunction: String? = nil
  ) -> String {
    let shown = items.prefix(limit).map { quoted($0) }
    let hidden = items.count - shown.count
    if hidden > 0 {
      return shown.joined(separator: ", ") + " and \(NumberText.grouped(hidden)) more"
    }
    if let conjunction, shown.count > 1 {
      return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + shown[shown.count - 1]
    }
    return shown.joined(separator: ", ")
  }
}
