#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte window over a file, filled with `read(2)` in fixed-size
/// chunks.
///
/// The bytes in `start..<end` of `storage` have been read but not consumed.
/// `fill()` moves them to the front of the storage and appends the next chunk,
/// so a record that spans a chunk boundary is whole after one or more fills.
/// Offsets into `storage` are only valid until the next `fill()`.
final class ChunkedByteSource {
  /// The name used in error messages: the path, or `<stdin>` for `-`.
  let displayName: String
  private let fileDescriptor: Int32
  private let ownsFileDescriptor: Bool
  private let chunkSize: Int

  /// The buffer; `capacity` bytes are allocated.
  private(set) var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The first unconsumed byte.
  var start = 0
  /// One past the last byte read.
  private(set) var end = 0
  /// Whether `read(2)` has reported the end of the file.
  private(set) var isAtEndOfFile = false

  /// Opens `path` (or standard input for `-`) for reading.
  init(path: String, chunkSize: Int) throws(PredictionFileError) {
    self.chunkSize = chunkSize
    if path == "-" {
      displayName = "<stdin>"
      fileDescriptor = STDIN_FILENO
      ownsFileDescriptor = false
    } else {
      displayName = path
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      if descriptor < 0 {
        throw PredictionFileError(
          path: path, reason: .cannotOpen(message: ChunkedByteSource.systemMessage(errno)))
      }
      fileDescriptor = descriptor
      ownsFileDescriptor = true
    }
    capacity = chunkSize + 8
    storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deallocate()
    if ownsFileDescriptor { close(fileDescriptor) }
  }

  /// The number of unconsumed bytes.
  var availableCount: Int { end - start }

  /// Keeps the unconsumed bytes and reads up to one more chunk after them.
  ///
  /// - Returns: `false` if the end of the file was reached and nothing was read.
  @discardableResult
  func fill() throws(PredictionFileError) -> Bool {
    if isAtEndOfFile { return false }
    if start > 0 {
      let remaining = end - start
      if remaining > 0 { memmove(storage, storage + start, remaining) }
      start = 0
      end = remaining
    }
    if capacity - end < chunkSize {
      let newCapacity = max(capacity * 2, end + chunkSize)
      let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newStorage.update(from: storage, count: end)
      storage.deallocate()
      storage = newStorage
      capacity = newCapacity
    }
    while true {
      let count = read(fileDescriptor, storage + end, chunkSize)
      if count > 0 {
        end += count
        return true
      }
      if count == 0 {
        isAtEndOfFile = true
        return false
      }
      if errno == EINTR { continue }
      throw PredictionFileError(
        path: displayName, reason: .cannotRead(message: ChunkedByteSource.systemMessage(errno)))
    }
  }

  /// Fills until at least `count` bytes are available or the file ends.
  func fill(atLeast count: Int) throws(PredictionFileError) {
    while availableCount < count, try fill() {}
  }

  /// Fills until the unconsumed bytes contain `byte`, or the file ends.
  ///
  /// - Returns: The offset of the first `byte` at or after `start`, if any.
  func fill(until byte: UInt8) throws(PredictionFileError) -> Int? {
    var searched = 0
    while true {
      if let found = firstIndex(of: byte, from: start + searched) { return found }
      searched = availableCount
      if !(try fill()) { return nil }
    }
  }

  /// The offset of the first `byte` in `from..<end`, found with `memchr`.
  func firstIndex(of byte: UInt8, from offset: Int) -> Int? {
    guard offset < end else { return nil }
    guard let found = memchr(storage + offset, Int32(byte), end - offset) else { return nil }
    return storage.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  private static func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
