/// A process exit status, following `sysexits.h` for failures.
///
/// F1Kit's tools exit with one of these and nothing else, so scripts can
/// tell a usage mistake from bad data or a full disk.
package struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The numeric status handed to `exit(3)`.
  package var rawValue: Int32

  /// Creates a status from its number.
  ///
  /// - Parameter rawValue: The number handed to `exit(3)`.
  package init(rawValue: Int32) { self.rawValue = rawValue }

  /// The command did what was asked.
  package static let success = ExitStatus(rawValue: 0)
  /// The command ran but its decision was negative (reserved for a gate that
  /// fails its threshold); never used for errors.
  package static let decisionFailed = ExitStatus(rawValue: 1)
  /// The command line was wrong (`EX_USAGE`).
  package static let usage = ExitStatus(rawValue: 64)
  /// An input was malformed (`EX_DATAERR`).
  package static let dataError = ExitStatus(rawValue: 65)
  /// An input could not be opened (`EX_NOINPUT`).
  package static let noInput = ExitStatus(rawValue: 66)
  /// An internal error that is not the user's fault (`EX_SOFTWARE`).
  package static let software = ExitStatus(rawValue: 70)
  /// An output could not be created (`EX_CANTCREAT`).
  package static let cannotCreate = ExitStatus(rawValue: 73)
  /// Reading or writing failed midway, for example a full disk (`EX_IOERR`).
  package static let ioError = ExitStatus(rawValue: 74)

  /// Standard output's reader went away, as when piping into `head`: 128 +
  /// `SIGPIPE`, what a shell reports for a program that signal ended, so
  /// pipelines treat F1Kit like other tools whether or not `SIGPIPE` is
  /// ignored. Nothing is printed.
  package static let closedPipe = ExitStatus(rawValue: 128 + 13)

  package var description: String { String(rawValue) }
}
