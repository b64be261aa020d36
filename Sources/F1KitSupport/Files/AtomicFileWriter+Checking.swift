import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension AtomicFileWriter {
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
    guard path != "-" else { return }
    let target = try resolvingSymbolicLinks(path)
    var status = stat()
    if stat(target, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: throw FileWriteError(path: path, reason: "it is a folder")
      case S_IFREG: break
      default: return  // a device, FIFO or socket is written in place
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
    guard access(folder, W_OK) == 0 else {
      throw FileWriteError(path: path, reason: SystemCalls.message(errno))
    }
  }
}
