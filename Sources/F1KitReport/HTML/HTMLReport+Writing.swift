import F1KitSupport
import Foundation

extension HTMLReport {
  /// Renders the page and writes it to a file atomically, so a reader, a
  /// crash or a kill sees the old file or the new one, never a mix and
  /// never a leftover temporary file.
  ///
  /// `-` writes to standard output. A symbolic link is followed and kept
  /// (its target is replaced); a device or FIFO is written in place, never
  /// replaced. A regular file is written to a temporary file in the same
  /// folder (unnamed on Linux), flushed to disk, then renamed over `path`.
  ///
  /// - Parameter path: The report file to create or replace, or `-`.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)`` when the path is
  ///   empty, the folder does not exist, or the file cannot be created, and
  ///   ``ReportError/writeFailed(path:reason:)`` when writing its bytes
  ///   fails (a full disk); any existing file at `path` is then as it was.
  /// - Complexity: O(*s*) for a report of *s* bytes.
  public func write(toFile path: String) throws(ReportError) {
    try Self.writeAtomically(render(), toFile: path)
  }

  /// Writes text to a file atomically, as ``write(toFile:)`` does.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - path: The file to create or replace, or `-`.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)`` when the file
  ///   cannot be created, ``ReportError/writeFailed(path:reason:)`` when
  ///   writing its bytes fails.
  static func writeAtomically(_ text: String, toFile path: String) throws(ReportError) {
    do {
      try AtomicFileWriter.write(text, toPath: path)
    } catch {
      switch error.kind {
      case .inputOutput: throw .writeFailed(path: error.path, reason: error.reason)
      case .cannotCreate, .emptyPath: throw .cannotWrite(path: error.path, reason: error.reason)
      }
    }
  }
}
