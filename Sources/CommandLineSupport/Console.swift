import Foundation

/// Standard output and error.
package enum Console {
  /// Writes text to standard output.
  ///
  /// - Parameter text: The text, written whole.
  package static func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes text to standard error.
  ///
  /// - Parameter text: The text, written whole.
  package static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Whether standard error is a terminal, so progress bars are wanted.
  package static var isErrorTerminal: Bool { isatty(2) == 1 }
}
