/// A command line that does not fit its command: reported with the usage and
/// exit status 64 (`EX_USAGE`).
struct UsageError: Error {
  var message: String
}

/// A failure that is not the command line's fault, with a `sysexits.h`
/// status: 65 for bad data, 66 for a missing input, 73 for an output that
/// cannot be created.
struct CommandFailure: Error {
  var message: String
  var status: Int32

  static func data(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: 65)
  }
  static func noInput(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: 66)
  }
  static func cannotCreate(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: 73)
  }
}
