#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output or standard error, written with checked `write(2)` calls.
///
/// Foundation's `FileHandle.write` traps when a write fails (a full disk,
/// a closed pipe with SIGPIPE ignored); this reports the failure instead, so
/// a command can end quietly on a closed pipe and with one line on a full
/// disk. The package's one way to write to these streams.
package enum StandardStream: Sendable {
  /// File descriptor 1.
  case output
  /// File descriptor 2.
  case error

  /// A failed write to a standard stream.
  package enum WriteError: Error, Hashable, Sendable {
    /// The reader went away (`EPIPE`): stop quietly, as `head` expects.
    case closed
    /// Any other failure, such as `ENOSPC`, with the system's message.
    case failed(code: Int32, message: String)
  }

  /// The stream's file descriptor.
  package var descriptor: Int32 {
    switch self {
    case .output: 1
    case .error: 2
    }
  }

  /// Writes text whole, retrying after signals and short writes.
  ///
  /// - Parameter text: The text, written as UTF-8.
  /// - Throws: ``WriteError`` when the stream cannot take it.
  package func write(_ text: String) throws(WriteError) {
    var text = text
    let failure = text.withUTF8 { SystemCalls.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    try Self.check(failure)
  }

  /// Writes bytes whole, retrying after signals and short writes.
  ///
  /// - Parameter bytes: The bytes.
  /// - Throws: ``WriteError`` when the stream cannot take them.
  package func write(bytes: UnsafeRawBufferPointer) throws(WriteError) {
    try Self.check(SystemCalls.writeAll(descriptor, bytes))
  }

  /// Writes a note or progress to standard error, ignoring failure: a
  /// diagnostic that cannot be shown must not stop the work it describes.
  ///
  /// - Parameter text: The text, written as UTF-8.
  package static func note(_ text: String) {
    try? StandardStream.error.write(text)
  }

  /// Whether the stream is a terminal.
  package var isTerminal: Bool { isatty(descriptor) == 1 }

  private static func check(_ failure: Int32?) throws(WriteError) {
    guard let failure else { return }
    if failure == EPIPE { throw .closed }
    throw .failed(code: failure, message: SystemCalls.message(failure))
  }
}
