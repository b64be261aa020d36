#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the package makes, named apart from Swift methods
/// called `write` and `close`, for Glibc, Musl and Darwin alike.
package enum SystemCalls {
  /// `write(2)`.
  ///
  /// - Parameters:
  ///   - descriptor: An open file descriptor.
  ///   - buffer: The bytes.
  ///   - count: How many bytes to write.
  /// - Returns: The bytes written, or -1 with `errno` set.
  package static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
      Musl.write(descriptor, buffer, count)
    #else
      Darwin.write(descriptor, buffer, count)
    #endif
  }

  /// `close(2)`.
  ///
  /// - Parameter descriptor: An open file descriptor.
  /// - Returns: 0, or -1 with `errno` set.
  @discardableResult
  package static func close(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
      Glibc.close(descriptor)
    #elseif canImport(Musl)
      Musl.close(descriptor)
    #else
      Darwin.close(descriptor)
    #endif
  }

  /// Writes every byte, retrying after signals and short writes.
  ///
  /// - Parameters:
  ///   - descriptor: An open file descriptor.
  ///   - bytes: The bytes to write.
  /// - Returns: `nil` on success, or the `errno` of the failed call.
  package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var remaining = bytes.count
    while remaining > 0 {
      let written = write(descriptor, next, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      next += written
      remaining -= written
    }
    return nil
  }

  /// A system error code as a short lower-case phrase: `no space left on
  /// device`.
  ///
  /// - Parameter code: An `errno` value.
  /// - Returns: The phrase.
  package static func message(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
