import F1KitSupport

/// Standard output and error for a command-line tool, through
/// F1KitSupport's checked writes.
///
/// Foundation's `FileHandle.write` traps when a write fails; these never
/// do. Only ``CommandLineTool`` writes standard output, so a failure there
/// becomes the tool's exit status; commands write notes, warnings and
/// progress to standard error, where a failure is ignored because there is
/// nowhere left to report it.
package enum Console {
  /// Writes text to standard output and says how the tool should exit.
  ///
  /// - Parameters:
  ///   - text: The text, written whole.
  ///   - status: The status to exit with when the write succeeds.
  /// - Returns: `status` after a successful write; ``ExitStatus/closedPipe``
  ///   when the reader went away (`| head`), quietly; ``ExitStatus/ioError``
  ///   after one line on standard error for any other failure, such as a
  ///   full disk.
  package static func writeOutput(_ text: String, then status: ExitStatus = .success)
    -> ExitStatus
  {
    do {
      try StandardStream.output.write(text)
      return status
    } catch {
      switch error {
      case .closed:
        return .closedPipe
      case .failed(_, let message):
        writeError("Error: cannot write to standard output: \(message)\n")
        return .ioError
      }
    }
  }

  /// Writes text to standard error; a failure is ignored, as there is
  /// nowhere left to report it.
  ///
  /// - Parameter text: The text, written whole.
  package static func writeError(_ text: String) {
    StandardStream.note(text)
  }

  /// Writes each of a reader's warnings to standard error, one
  /// `warning:` line each.
  ///
  /// - Parameter warnings: The warnings, in the order they were found.
  package static func writeWarnings(_ warnings: [String]) {
    for warning in warnings { writeError("warning: \(warning)\n") }
  }

  /// Whether standard error is a terminal, so progress bars are wanted.
  package static var isErrorTerminal: Bool { StandardStream.error.isTerminal }
}
