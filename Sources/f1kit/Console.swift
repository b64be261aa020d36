import F1KitSupport
import Foundation

/// Standard output and error, written whole so a failure never leaves half
/// a result on standard output.
enum Console {
  /// Writes a result to standard output. A closed pipe (`| head`) ends the
  /// program quietly; any other failure, such as a full disk, ends it with
  /// one line on standard error and exit status 74 (EX_IOERR).
  static func writeOutput(_ text: String) {
    do {
      try StandardStream.output.write(text)
    } catch {
      guard case .failed(_, let message) = error else { exit(0) }
      writeError("Error: cannot write to standard output: \(message)\n")
      exit(74)
    }
  }

  static func writeError(_ text: String) {
    StandardStream.note(text)
  }

  /// Whether standard error is a terminal, so progress bars are wanted.
  static var isErrorTerminal: Bool { StandardStream.error.isTerminal }
}
