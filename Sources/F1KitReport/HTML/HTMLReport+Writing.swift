import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension HTMLReport {
  /// Renders the page and writes it to a file atomically: into a temporary
  /// file in the same folder, flushed to disk, then renamed over `path`. A
  /// failure leaves any existing file at `path` as it was.
  ///
  /// - Parameter path: The report file to create or replace.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)`` when the folder
  ///   does not exist or the file cannot be written.
  /// - Complexity: O(*s*) for a report of *s* bytes.
  public func write(toFile path: String) throws(ReportError) {
    try Self.writeAtomically(Data(render().utf8), toFile: path)
  }

  /// Writes bytes to a file atomically, as ``write(toFile:)`` does.
  ///
  /// - Parameters:
  ///   - data: The file's contents.
  ///   - path: The file to create or replace.
  /// - Throws: ``ReportError/cannotWrite(path:reason:)``.
  static func writeAtomically(_ data: Data, toFile path: String) throws(ReportError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw .cannotWrite(path: path, reason: "the folder \(directory) does not exist")
    }
    guard isDirectory.boolValue else {
      throw .cannotWrite(path: path, reason: "\(directory) is not a folder")
    }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw .cannotWrite(path: path, reason: "it is a folder")
    }
    var template = Array((directory + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: Self.systemMessage(errno))
    }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    func fail(_ code: Int32) -> ReportError {
      close(descriptor)
      unlink(temporary)
      return .cannotWrite(path: path, reason: Self.systemMessage(code))
    }
    var written = 0
    let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
      while written < buffer.count {
        let result = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += result
      }
      return nil
    }
    if let failure { throw fail(failure) }
    guard fchmod(descriptor, 0o644) == 0, fsync(descriptor) == 0 else { throw fail(errno) }
    guard close(descriptor) == 0 else {
      let code = errno
      unlink(temporary)
      throw .cannotWrite(path: path, reason: Self.systemMessage(code))
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw .cannotWrite(path: path, reason: Self.systemMessage(code))
    }
  }

  private static func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}

/// `write(2)`, named apart from ``HTMLReport/write(toFile:)``.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
  #else
    Darwin.write(descriptor, buffer, count)
  #endif
}
