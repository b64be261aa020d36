/// A CSV text that breaks RFC 4180's quoting rules, with where it does.
package struct CSVSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  package enum Reason: Hashable, Sendable {
    /// A `"` inside a field that did not start with one.
    case strayQuote
    /// A character other than a delimiter or line end after a closing `"`.
    case characterAfterQuote
    /// A quoted field still open at the end of the text.
    case unterminatedQuote
  }

  /// The 1-based line of the offending character.
  package var line: Int
  /// The 1-based column (in Unicode scalars) of the offending character.
  package var column: Int
  /// What is wrong.
  package var reason: Reason

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - line: The 1-based line.
  ///   - column: The 1-based column in Unicode scalars.
  ///   - reason: What is wrong.
  package init(line: Int, column: Int, reason: Reason) {
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// What the text should have had: `a comma or a line end after a
  /// closing quote`.
  package var expected: String {
    switch reason {
    case .strayQuote: "a quote only at the start of a field (write \"\" inside a quoted field)"
    case .characterAfterQuote: "a comma or a line end after a closing quote"
    case .unterminatedQuote: "a closing quote before the end of the file"
    }
  }

  /// `line:column: expected …`, to follow a file name.
  package var description: String {
    "\(line):\(column): expected \(expected)"
  }
}
