#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends a block of text to a file that other steps also append to, such
/// as a CI run's `$GITHUB_STEP_SUMMARY`.
///
/// The file is opened with `O_APPEND` (created with `0644` if missing), the
/// whole block goes out in one `write(2)` loop, and the file is flushed with
/// `fsync` before it is closed. With `O_APPEND` every write lands at the end
/// of the file as it is at that moment, so what other writers appended is
/// never overwritten, and an existing file is never truncated or replaced.
package enum AppendingFileWriter {
  /// Appends text to a file.
  ///
  /// - Parameters:
  ///   - text: The block, written as UTF-8.
  ///   - path: The file; created if it does not exist.
  /// - Throws: ``FileWriteError``: ``FileWriteError/Kind/emptyPath`` for an
  ///   empty path, ``FileWriteError/Kind/cannotCreate`` when the file cannot
  ///   be opened, ``FileWriteError/Kind/inputOutput`` when writing fails.
  /// - Complexity: O(*s*) for *s* bytes.
  package static func append(_ text: String, toPath path: String) throws(FileWriteError) {
    guard !path.isEmpty else {
      throw FileWriteError(
        path: path, reason: "expected a file to append to, found an empty path", kind: .emptyPath)
    }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw FileWriteError(path: path, reason: SystemCalls.message(errno))
    }
    var text = text
    let failure = text.withUTF8 { buffer in
      SystemCalls.writeAll(descriptor, UnsafeRawBufferPointer(buffer))
    }
    // fsync fails with EINVAL on a pipe or terminal, which has nothing to flush.
    let syncFailure = failure == nil && fsync(descriptor) != 0 && errno != EINVAL ? errno : nil
    let closeFailure = SystemCalls.close(descriptor) != 0 ? errno : nil
    if let code = failure ?? syncFailure ?? closeFailure {
      throw FileWriteError(path: path, reason: SystemCalls.message(code), kind: .inputOutput)
    }
  }
}
