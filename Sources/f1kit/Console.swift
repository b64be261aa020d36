import Foundation

/// Standard output and error, written whole so a failure never leaves half
/// a result on standard output.
enum Console {
  static func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Whether standard error is a terminal, so progress bars are wanted.
  static var isErrorTerminal: Bool { isatty(2) == 1 }
}
