/// The one escaping of text echoed to a terminal, shared by the label
/// helpers of the libraries and the command-line tools' last guard on error
/// lines.
///
/// Control characters are written as Swift writes them (`\n`, `\t`,
/// `\u{1B}`), so nothing from the input can split a line or restyle a
/// terminal; long text is cut with `…`.
package enum TerminalEscaping {
  /// `text` with control characters escaped and cut after `limit` scalars.
  ///
  /// - Parameters:
  ///   - text: Text from the input, such as a label or a message.
  ///   - limit: The most scalars kept before `…`.
  ///   - escapesQuotes: Whether to escape `"` and `\` too, for text shown
  ///     between double quotes.
  /// - Returns: Text with no control characters, at most `limit` scalars
  ///   long before escaping.
  /// - Complexity: O(*n*) in the scalars kept.
  package static func escaped(
    _ text: String, limit: Int, escapesQuotes: Bool
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
}
