/// An output file that could not be written, and why.
package struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure it is, for choosing an exit status.
  package enum Kind: Hashable, Sendable {
    /// The path is empty: a usage error (exit 64), not a file problem.
    case emptyPath
    /// The file cannot be created or replaced (exit 73): a missing folder,
    /// a folder in the way, no permission.
    case cannotCreate
    /// Writing the bytes failed part-way (exit 74), such as a full disk.
    case inputOutput
  }

  /// The path as given.
  package var path: String
  /// A short lower-case phrase: `the folder /x does not exist`.
  package var reason: String
  /// What kind of failure it is.
  package var kind: Kind

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - path: The path as given.
  ///   - reason: A short lower-case phrase.
  ///   - kind: What kind of failure it is.
  package init(path: String, reason: String, kind: Kind = .cannotCreate) {
    self.path = path
    self.reason = reason
    self.kind = kind
  }

  /// `cannot write PATH: REASON`.
  package var description: String {
    kind == .emptyPath ? reason : "cannot write \(path): \(reason)"
  }
}
