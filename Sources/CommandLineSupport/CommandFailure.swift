/// A command line that does not fit its command: reported with the
/// command's usage and exit status 64 (`EX_USAGE`).
package struct UsageError: Error, Equatable, Sendable {
  /// One line saying what is wrong, without the `Error: ` prefix.
  package var message: String

  /// Creates a usage error.
  ///
  /// - Parameter message: One line saying what is wrong.
  package init(_ message: String) { self.message = message }
}

/// A reason a command failed, with the exit status it ends with.
///
/// Usage errors are failures too (status 64); the tool prints those with
/// the command's usage line.
package struct CommandFailure: Error, Equatable, Sendable {
  /// One line saying what went wrong, without the `Error: ` prefix.
  package var message: String
  /// The status the process exits with.
  package var status: ExitStatus

  /// Creates a failure.
  ///
  /// - Parameters:
  ///   - message: One line saying what went wrong.
  ///   - status: The status the process exits with.
  package init(_ message: String, status: ExitStatus) {
    self.message = message
    self.status = status
  }

  /// A usage error found after parsing, such as options that contradict the
  /// data.
  package init(_ error: UsageError) {
    self.init(error.message, status: .usage)
  }

  /// The command line was wrong (64).
  package static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message, status: .usage)
  }

  /// An input was malformed (65).
  package static func data(_ message: String) -> CommandFailure {
    CommandFailure(message, status: .dataError)
  }

  /// An input could not be opened (66).
  package static func noInput(_ message: String) -> CommandFailure {
    CommandFailure(message, status: .noInput)
  }

  /// An output could not be created (73).
  package static func cannotCreate(_ message: String) -> CommandFailure {
    CommandFailure(message, status: .cannotCreate)
  }

  /// Reading or writing failed midway (74).
  package static func ioError(_ message: String) -> CommandFailure {
    CommandFailure(message, status: .ioError)
  }
}
