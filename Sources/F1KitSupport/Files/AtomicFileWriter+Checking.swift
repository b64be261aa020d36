import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension AtomicFileWriter {
  /// Where a write to a path goes, once links are followed.
  enum Destination {
    /// A device, FIFO or socket, written in place.
    case inPlace(String)
    /// A regular file, new or replaced, in an existing folder, with the
    /// permission bits it gets.
    case replaced(String, folder: String, mode: mode_t)
  }

  /// Where a write to `path` (neither empty nor `-`) goes: the checks a
  /// write makes before it writes anything.
  ///
  /// - Throws: ``FileWriteError`` for a folder at the path, a missing
  ///   folder, or a path that cannot be examined.
  static func destination(of path: String) throws(FileWriteError) -> Destination {
    let target = try resolvingSymbolicLinks(path)
    var status = stat()
    var mode: mode_t = 0o644
    if stat(target, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: throw FileWriteError(path: path, reason: "it is a folder")
      case S_IFREG: mode = status.st_mode & 0o7777
      default: return .inPlace(target)
      }
    } else if errno != ENOENT {
      throw FileWriteError(path: path, reason: SystemCalls.message(errno))
    }
    let folder = folder(of: target)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw FileWriteError(path: path, reason: "the folder \(folder) does not exist")
    }
    guard isDirectory.boolValue else {
      throw FileWriteError(path: path, reason: "\(folder) is not a folder")
    }
    return .replaced(target, folder: folder, mode: mode)
  }

  /// Checks, without writing, that ``write(_:toPath:)`` could replace or
  /// create `path`: for a command that writes several files, so that an
  /// output that cannot be written is found before any other is replaced.
  ///
  /// It finds what can be seen beforehand (an empty path, a folder at the
  /// path, a missing or read-only folder); a write can still fail later,
  /// for instance on a full disk, and then leaves that file unchanged.
  ///
  /// - Parameter path: The file, or `-` for standard output.
  /// - Throws: ``FileWriteError``, as the write would.
  package static func checkWritable(_ path: String) throws(FileWriteError) {
    guard !path.isEmpty else {
      throw FileWriteError(
        path: path, reason: "the output path is empty; give a file name, or - for standard output",
        kind: .emptyPath)
    }
    guard path != "-", case .replaced(_, let folder, _) = try destination(of: path) else { return }
    guard access(folder, W_OK) == 0 else {
      throw FileWriteError(path: path, reason: SystemCalls.message(errno))
    }
  }
}
