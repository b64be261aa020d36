import F1Kit

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
///
/// The `padding` bytes after `end` are kept initialised (to zero), and the
/// storage has room for them past its capacity, so a word can be loaded at
/// any offset before `end`; the bytes past `end` must be masked off.
///
/// A source can be told to stop at a file offset (`stopOffset`), which it
/// then treats as the end of the file until `resumePastStop()`; that is how a
/// file is read as two halves.
final class ChunkedByteSource {
  /// The number of readable bytes after the capacity.
  static let padding = 8

  /// The name used in error messages: the path, or `<stdin>` for `-`.
  let displayName: String
  private let fileDescriptor: Int32
  private let ownsFileDescriptor: Bool
  private let chunkSize: Int
  /// The most unconsumed bytes kept while looking for the end of a record;
  /// `fill()` refuses to keep more.
  var maximumRecordByteCount = Int.max

  /// The buffer; `capacity` bytes are allocated.
  private(set) var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The first unconsumed byte.
  var start = 0
  /// One past the last byte read.
  private(set) var end = 0
  /// Whether `read(2)` has reported the end of the file, or the stop offset
  /// was reached.
  private(set) var isAtEndOfFile = false
  /// The file offset of `storage[end]`: where the next read starts.
  private(set) var fileOffset = 0
  /// The file offset at which reading stops, if any.
  private(set) var stopOffset: Int?

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
    storage = Self.allocateStorage(capacity: capacity)
  }

  /// Opens `path` for reading from the file offset `offset`.
  convenience init(path: String, chunkSize: Int, startingAt offset: Int) throws(PredictionFileError)
  {
    try self.init(path: path, chunkSize: chunkSize)
    if offset > 0 {
      if lseek(fileDescriptor, off_t(offset), SEEK_SET) < 0 {
        throw PredictionFileError(
          path: path, reason: .cannotRead(message: ChunkedByteSource.systemMessage(errno)))
      }
      fileOffset = offset
    }
  }

  private static func allocateStorage(capacity: Int) -> UnsafeMutablePointer<UInt8> {
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + padding)
    storage.initialize(repeating: 0, count: padding)
    return storage
  }

  /// Zeroes the `padding` bytes after `end`.
  private func clearPadding() {
    (storage + end).initialize(repeating: 0, count: Self.padding)
  }

  /// The size of the file if it is a regular file, else `nil`.
  var regularFileSize: Int? {
    var status = stat()
    guard ownsFileDescriptor, fstat(fileDescriptor, &status) == 0,
      status.st_mode & S_IFMT == S_IFREG
    else { return nil }
    return Int(status.st_size)
  }

  /// Stops reading at the file offset `offset`, as if the file ended there,
  /// dropping any bytes already read past it.
  func stop(atFileOffset offset: Int) throws(PredictionFileError) {
    stopOffset = offset
    if fileOffset > offset {
      let dropped = fileOffset - offset
      precondition(dropped <= end - start, "stop offset before the unconsumed bytes")
      end -= dropped
      if lseek(fileDescriptor, off_t(offset), SEEK_SET) < 0 {
        throw PredictionFileError(
          path: displayName, reason: .cannotRead(message: ChunkedByteSource.systemMessage(errno)))
      }
      fileOffset = offset
      clearPadding()
    }
  }

  /// Reads on past the stop offset, to the real end of the file.
  func resumePastStop() {
    guard stopOffset != nil else { return }
    stopOffset = nil
    isAtEndOfFile = false
  }

  deinit {
    storage.deallocate()
    if ownsFileDescriptor { close(fileDescriptor) }
  }

  /// The number of unconsumed bytes.
  var availableCount: Int { end - start }

  /// Keeps the unconsumed bytes and reads up to one more chunk after them,
  /// never keeping more than `maximumRecordByteCount` bytes.
  ///
  /// The callers fill only when the record at `start` is not yet whole, so
  /// the kept bytes are that record's. Capping them at the limit makes the
  /// limit exact: a record whose bytes, line ending included, pass the limit
  /// can never be whole in the window and is refused at the next fill, and
  /// a record within it always fits.
  ///
  /// - Returns: `false` if the end of the file was reached and nothing was read.
  /// - Throws: `.recordTooLong` when `maximumRecordByteCount` bytes are
  ///   already kept and the file goes on, and `.cannotRead` when reading
  ///   fails.
  @discardableResult
  func fill() throws(PredictionFileError) -> Bool {
    if isAtEndOfFile { return false }
    compact()
    var wanted = chunkSize
    if let stopOffset {
      wanted = min(wanted, stopOffset - fileOffset)
      if wanted <= 0 {
        isAtEndOfFile = true
        return false
      }
    }
    if end >= maximumRecordByteCount {
      // A record of exactly the limit may end the file with no line ending:
      // one more byte tells it from a longer one.
      var probe: UInt8 = 0
      if try readBytes(into: &probe, count: 1) == 0 {
        isAtEndOfFile = true
        return false
      }
      throw PredictionFileError(
        path: displayName, reason: .recordTooLong(limit: maximumRecordByteCount))
    }
    wanted = min(wanted, maximumRecordByteCount - end)
    reserveChunk()
    let count = try readBytes(into: storage + end, count: wanted)
    if count == 0 {
      isAtEndOfFile = true
      return false
    }
    end += count
    fileOffset += count
    clearPadding()
    return true
  }

  /// Moves the unconsumed bytes to the front of the storage.
  private func compact() {
    guard start > 0 else { return }
    let remaining = end - start
    if remaining > 0 { memmove(storage, storage + start, remaining) }
    start = 0
    end = remaining
    clearPadding()
  }

  /// Grows the storage so that a whole chunk fits after `end`.
  private func reserveChunk() {
    guard capacity - end < chunkSize else { return }
    let newCapacity = max(capacity * 2, end + chunkSize)
    let newStorage = Self.allocateStorage(capacity: newCapacity)
    newStorage.update(from: storage, count: end)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
    clearPadding()
  }

  /// Reads up to `count` bytes into `buffer`, retrying when interrupted.
  ///
  /// - Returns: The number of bytes read; 0 at the end of the file.
  private func readBytes(
    into buffer: UnsafeMutablePointer<UInt8>, count: Int
  ) throws(PredictionFileError) -> Int {
    while true {
      let read = read(fileDescriptor, buffer, count)
      if read >= 0 { return read }
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
