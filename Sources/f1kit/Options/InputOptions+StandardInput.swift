import CommandLineSupport

extension InputOptions {
  /// Refuses standard input (`-`) named more than once: it can be read
  /// only once, and a second read would find it empty.
  ///
  /// - Parameter paths: Every file the command reads, as given.
  /// - Throws: ``UsageError`` when `-` is among them more than once.
  static func checkStandardInputReadOnce(_ paths: [String]) throws(UsageError) {
    let count = paths.count { $0 == "-" }
    guard count > 1 else { return }
    throw UsageError(
      "standard input can be read only once, but '-' is given \(count) times; save it to a file and name the file"
    )
  }
}
