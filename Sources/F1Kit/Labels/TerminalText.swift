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
    var result = ""
    var length = 0
    for scalar in text.unicodeScalars {
      if length == limit {
        result += "…"
        break
      }
      length += 1
      switch scalar {
      case "\"" where escapesQuotes: result += "\\\""
      case "\\" where escapesQuotes: result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
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
}
