import F1KitSupport
import Foundation

/// Standard output and error, through F1KitSupport's checked writes.
package enum Console {
  /// Writes text to standard output.
  ///
  /// A closed pipe (`| head`) ends the program quietly; any other failure,
  /// such as a full disk, ends it with one line on standard error and exit
  /// status 74 (EX_IOERR), where Foundation's `FileHandle` would trap.
  ///
  /// - Parameter text: The text, written whole.
  package static func writeOutput(_ text: String) {
    do {
      try StandardStream.output.write(text)
    } catch {
      guard case .failed(_, let message) = error else { exit(0) }
      writeError("Error: cannot write to standard output: \(message)\n")
      exit(74)
    }
  }

  /// Writes text to standard error; a failure is ignored, as there is
  /// nowhere left to report it.
  ///
  /// - Parameter text: The text, written whole.
  package static func writeError(_ text: String) {
    StandardStream.note(text)
  }

  /// Whether standard error is a terminal, so progress bars are wanted.
  package static var isErrorTerminal: Bool { StandardStream.error.isTerminal }
}
