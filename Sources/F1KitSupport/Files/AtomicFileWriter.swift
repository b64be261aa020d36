import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes output files so that a reader, a crash or a kill sees the old
/// file or the new one, never a mix and never a leftover temporary file.
///
/// The one file writer of the package: reports, results-log headers,
/// `--out` of every command. For a path:
///
/// - `-` writes to standard output.
/// - An empty path is a usage error (``FileWriteError/Kind/emptyPath``).
/// - A symbolic link is followed (up to 40 links): its target is replaced
///   and the link kept.
/// - A device, FIFO or socket is written in place, never replaced, so
///   `--out /dev/null` stays a device.
/// - A regular file, or a new one, is written whole to a temporary file in
///   the same folder, flushed with `fsync`, renamed over the path, and the
///   folder flushed too. On Linux the temporary file is unnamed
///   (`O_TMPFILE`) and linked in only when complete, so even SIGKILL leaves
///   nothing behind; elsewhere, or where the file system lacks `O_TMPFILE`,
///   it is a named `.NAME.XXXXXX` file removed on SIGINT, SIGTERM and SIGHUP.
///
/// An existing file keeps its permission bits; a new one gets `0644`.
package enum AtomicFileWriter {
  /// Writes text to an output path.
  ///
  /// - Parameters:
  ///   - text: The contents, written as UTF-8.
  ///   - path: The file, or `-` for standard output.
  /// - Throws: ``FileWriteError``; an existing file is then unchanged.
  /// - Complexity: O(*s*) for *s* bytes.
  package static func write(_ text: String, toPath path: String) throws(FileWriteError) {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(FileWriteError) in
        try write(bytes: UnsafeRawBufferPointer(buffer), toPath: path)
      }
    }
    try result.get()
  }

  /// Writes bytes to an output path, as ``write(_:toPath:)`` does.
  ///
  /// - Parameters:
  ///   - bytes: The contents.
  ///   - path: The file, or `-` for standard output.
  /// - Throws: ``FileWriteError``; an existing file is then unchanged.
  /// - Complexity: O(*s*) for *s* bytes.
  package static func write(bytes: UnsafeRawBufferPointer, toPath path: String)
    throws(FileWriteError)
  {
    guard !path.isEmpty else {
      throw FileWriteError(
        path: path, reason: "the output path is empty; give a file name, or - for standard output",
        kind: .emptyPath)
    }
    if path == "-" {
      do {
        try StandardStream.output.write(bytes: bytes)
      } catch {
        let reason =
          switch error {
          case .closed: "standard output is closed"
          case .failed(_, let message): message
          }
        throw FileWriteError(path: "standard output", reason: reason, kind: .inputOutput)
      }
      return
    }
    let (target, folder, mode): (String, String, mode_t)
    switch try destination(of: path) {
    case .inPlace(let device):
      try writeInPlace(bytes, to: device, reportedAs: path)
      return
    case .replaced(let file, let parent, let permissions):
      (target, folder, mode) = (file, parent, permissions)
    }
    #if os(Linux)
      if isUnnamedTemporaryFileEnabled,
        try writeThroughUnnamedFile(
          bytes, to: target, folder: folder, mode: mode, replacing: true, reportedAs: path)
          != nil
      {
        syncFolder(folder)
        return
      }
    #endif
    _ = try writeThroughNamedFile(
      bytes, to: target, folder: folder, mode: mode, replacing: true, reportedAs: path)
    syncFolder(folder)
  }

  /// Creates a file with its whole contents unless the path already names
  /// something: the file appears complete or not at all, and a file another
  /// writer created in the meantime is never replaced.
  ///
  /// The contents are written and flushed under a temporary name (or none,
  /// with `O_TMPFILE`), then hard-linked to the path: `link(2)` fails with
  /// `EEXIST` rather than replace, where `rename(2)` would silently replace.
  ///
  /// - Parameters:
  ///   - text: The contents, written as UTF-8.
  ///   - path: The file to create; its folder must exist.
  /// - Returns: `false`, having written nothing, when the path exists.
  /// - Throws: ``FileWriteError`` for an empty path, a missing folder or a
  ///   failed write; nothing is then left behind.
  /// - Complexity: O(*s*) for *s* bytes.
  package static func create(_ text: String, atPath path: String) throws(FileWriteError) -> Bool {
    guard !path.isEmpty, path != "-" else {
      throw FileWriteError(
        path: path, reason: "expected a file name, found \"\(path)\"", kind: .emptyPath)
    }
    guard case .replaced(let target, let folder, let mode) = try destination(of: path) else {
      return false
    }
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(FileWriteError) -> Bool in
        let bytes = UnsafeRawBufferPointer(buffer)
        #if os(Linux)
          if isUnnamedTemporaryFileEnabled,
            let created = try writeThroughUnnamedFile(
              bytes, to: target, folder: folder, mode: mode, replacing: false, reportedAs: path)
          {
            return created
          }
        #endif
        return try writeThroughNamedFile(
          bytes, to: target, folder: folder, mode: mode, replacing: false, reportedAs: path)
      }
    }
    let created = try result.get()
    if created { syncFolder(folder) }
    return created
  }

  /// Whether Linux writes go through `O_TMPFILE`; tests turn it off to
  /// exercise the named-file path.
  nonisolated(unsafe) package static var isUnnamedTemporaryFileEnabled = true

  // MARK: - Paths

  /// The path a chain of symbolic links ends at; the path itself when it is
  /// not a link or does not exist.
  static func resolvingSymbolicLinks(_ path: String) throws(FileWriteError) -> String {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
        return current
      }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length >= 0 else {
        throw FileWriteError(path: path, reason: SystemCalls.message(errno))
      }
      let destination = String(
        decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current =
        destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
    }
    throw FileWriteError(path: path, reason: SystemCalls.message(ELOOP))
  }

  /// The folder part of a path: `.` for a bare name, `/` for the root.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  private static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  // MARK: - Writing

  /// Writes to an existing device, FIFO or socket without replacing it.
  private static func writeInPlace(
    _ bytes: UnsafeRawBufferPointer, to target: String, reportedAs path: String
  ) throws(FileWriteError) {
    let descriptor = open(target, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw FileWriteError(path: path, reason: SystemCalls.message(errno))
    }
    let failure = SystemCalls.writeAll(descriptor, bytes)
    let closed = SystemCalls.close(descriptor) == 0 ? nil : errno
    if let code = failure ?? closed {
      throw FileWriteError(path: path, reason: SystemCalls.message(code), kind: .inputOutput)
    }
  }

  /// Writes, flushes and closes a descriptor; on failure closes it and
  /// returns the error code.
  private static func fill(
    _ descriptor: Int32, with bytes: UnsafeRawBufferPointer, mode: mode_t
  ) -> Int32? {
    if let failure = SystemCalls.writeAll(descriptor, bytes) { return failure }
    if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { return errno }
    return nil
  }

  #if os(Linux)
    /// `O_TMPFILE`, which Swift does not import: `__O_TMPFILE | O_DIRECTORY`.
    private static let temporaryFileFlag = Int32(0o20000000) | O_DIRECTORY

    /// Writes through an unnamed temporary file and links it in.
    ///
    /// - Parameter replacing: Whether an existing file at `target` is
    ///   replaced, or left alone.
    /// - Returns: Whether the file was written (`false` only when it exists
    ///   and `replacing` is `false`), or `nil` when the file system or
    ///   `/proc` does not support it, so the caller falls back to a named
    ///   file.
    private static func writeThroughUnnamedFile(
      _ bytes: UnsafeRawBufferPointer, to target: String, folder: String, mode: mode_t,
      replacing: Bool, reportedAs path: String
    ) throws(FileWriteError) -> Bool? {
      let descriptor = open(folder, temporaryFileFlag | O_WRONLY | O_CLOEXEC, mode)
      guard descriptor >= 0 else {
        let code = errno
        if [EOPNOTSUPP, EISDIR, EINVAL, ENOSYS].contains(code) { return nil }
        throw FileWriteError(path: path, reason: SystemCalls.message(code))
      }
      defer { SystemCalls.close(descriptor) }
      if let failure = fill(descriptor, with: bytes, mode: mode) {
        throw FileWriteError(path: path, reason: SystemCalls.message(failure), kind: .inputOutput)
      }
      let handle = "/proc/self/fd/\(descriptor)"
      if linkat(AT_FDCWD, handle, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return true }
      switch errno {
      case EEXIST: if !replacing { return false }
      case ENOENT where access(handle, F_OK) != 0: return nil  // no /proc
      case let code: throw FileWriteError(path: path, reason: SystemCalls.message(code))
      }
      // The target exists: link under a fresh name beside it, then rename
      // over it. Only this instant has a name to leave behind.
      for _ in 0..<16 {
        let temporary =
          folder + "/." + fileName(of: target) + "."
          + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        guard linkat(AT_FDCWD, handle, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
          if errno == EEXIST { continue }
          throw FileWriteError(path: path, reason: SystemCalls.message(errno))
        }
        guard rename(temporary, target) == 0 else {
          let code = errno
          unlink(temporary)
          throw FileWriteError(path: path, reason: SystemCalls.message(code))
        }
        return true
      }
      throw FileWriteError(path: path, reason: SystemCalls.message(EEXIST))
    }
  #endif

  /// Writes through a named temporary file that a signal removes.
  ///
  /// - Parameter replacing: Whether an existing file at `target` is
  ///   replaced (`rename`), or left alone (`link`, then the temporary name
  ///   removed).
  /// - Returns: `false` when the file exists and `replacing` is `false`.
  private static func writeThroughNamedFile(
    _ bytes: UnsafeRawBufferPointer, to target: String, folder: String, mode: mode_t,
    replacing: Bool, reportedAs path: String
  ) throws(FileWriteError) -> Bool {
    var template = Array((folder + "/." + fileName(of: target) + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw FileWriteError(path: path, reason: SystemCalls.message(errno))
    }
    let slot = TemporaryFileCleanup.register(template)
    defer { TemporaryFileCleanup.unregister(slot) }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure = fill(descriptor, with: bytes, mode: mode)
    let isWriteFailure = failure != nil
    if SystemCalls.close(descriptor) != 0, failure == nil { failure = errno }
    if failure == nil, !replacing {
      let linked = link(temporary, target) == 0
      let code = errno
      unlink(temporary)
      if linked { return true }
      if code == EEXIST { return false }
      failure = code
    }
    if failure == nil, rename(temporary, target) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw FileWriteError(
        path: path, reason: SystemCalls.message(failure),
        kind: isWriteFailure ? .inputOutput : .cannotCreate)
    }
    return true
  }

  /// Makes a rename or link in a folder durable; a failure here loses
  /// nothing already written, so it is ignored.
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    SystemCalls.close(descriptor)
  }
}
