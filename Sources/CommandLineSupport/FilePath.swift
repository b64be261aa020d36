/// A path given on the command line: never empty, so `--out ""` is a usage
/// error rather than a file named by nothing.
package struct FilePath: ExpressibleByArgument, Hashable, CustomStringConvertible {
  /// The path as typed; `-` where a command allows standard input or output.
  package var path: String

  /// Creates a path, or `nil` for an empty one.
  ///
  /// - Parameter argument: The path as typed.
  package init?(argument: String) {
    guard !argument.isEmpty else { return nil }
    path = argument
  }

  package var description: String { path }
  package static var valueExpectation: String { "a path that is not empty" }
}
