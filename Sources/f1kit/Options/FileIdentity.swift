import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What makes two file arguments the same file: the device and file
/// number of a file that exists, or else its standardized path.
enum FileIdentity: Hashable {
  case file(device: UInt64, number: UInt64)
  case path(String)

  init(_ path: String) {
    // `stat` follows symbolic links itself; Foundation's attributes would
    // also look up the owner's name, opening the user database per file.
    if let status = Self.status(of: path) {
      self = .file(device: UInt64(status.st_dev), number: UInt64(status.st_ino))
    } else {
      self = .path(
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path)
    }
  }

  /// The names of standard input: `-`, and the device files that stand
  /// for it.
  static let standardInputNames: Set<String> = [
    "-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0",
  ]

  /// Whether a path names standard input, whose contents cannot be
  /// identified by name or read a second time.
  ///
  /// - Parameter path: A path as given.
  /// - Returns: Whether it is `-` or a device file for standard input.
  static func isStandardInput(_ path: String) -> Bool {
    standardInputNames.contains(path)
  }

  /// The size in bytes of the file at `path`, following symbolic links;
  /// `nil` when it cannot be examined or is not a regular file.
  static func size(of path: String) -> Int? {
    guard let status = status(of: path), status.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(status.st_size)
  }

  /// The kind of the file at `path` (`S_IFREG`, `S_IFDIR`, `S_IFIFO`, …),
  /// following symbolic links; `nil` when it cannot be examined.
  static func kind(of path: String) -> mode_t? {
    status(of: path).map { $0.st_mode & S_IFMT }
  }

  /// `stat(2)` of `path`, or `nil` when it fails.
  private static func status(of path: String) -> stat? {
    var status = stat()
    return stat(path, &status) == 0 ? status : nil
  }
}

extension FileIdentity {
  /// Whether two regular files hold the same bytes; `false` when either
  /// cannot be read.
  static func haveSameBytes(_ first: String, _ second: String) -> Bool {
    guard let firstSize = size(of: first), firstSize == size(of: second),
      let firstHandle = FileHandle(forReadingAtPath: first),
      let secondHandle = FileHandle(forReadingAtPath: second)
    else { return false }
    defer {
      try? firstHandle.close()
      try? secondHandle.close()
    }
    // `read(upToCount:)` gives nil at the end of a file. Files that
    // differ mostly differ early (runs of one test set share their size),
    // so the chunks start small and grow.
    var chunkSize = 1 << 14
    do {
      while true {
        let firstChunk = try firstHandle.read(upToCount: chunkSize) ?? Data()
        let secondChunk = try secondHandle.read(upToCount: chunkSize) ?? Data()
        if firstChunk != secondChunk { return false }
        if firstChunk.isEmpty { return true }
        chunkSize = min(chunkSize * 4, 1 << 20)
      }
    } catch {
      return false
    }
  }
}

/// Each file's size and a hash of its first bytes, taken at most once per
/// file, so that comparing many files with one another opens each of them
/// once: only files whose fingerprints agree are read whole side by side.
///
/// Runs of one test set usually share their size and differ within their
/// first lines, so of *m* · *n* pairs of same-sized files none is opened
/// twice, where comparing each pair opened both files.
struct FileFingerprints {
  /// The bytes hashed at the start of each file.
  static let prefixLength = 1 << 14

  private var sizes: [String: Int?] = [:]
  private var prefixHashes: [String: Int?] = [:]

  /// Whether two regular files hold the same bytes, as
  /// ``FileIdentity/haveSameBytes(_:_:)`` says, reading each file's first
  /// bytes once however many files it is compared with; `false` when
  /// either cannot be read.
  ///
  /// - Parameters:
  ///   - first: A file's path.
  ///   - second: Another file's path.
  /// - Returns: Whether the files' bytes are equal.
  /// - Complexity: O(1) amortized for files whose sizes or first bytes
  ///   differ; O(*n*) for files of *n* bytes that agree in both.
  mutating func haveSameBytes(_ first: String, _ second: String) -> Bool {
    guard let firstSize = size(of: first), firstSize == size(of: second),
      let firstHash = prefixHash(of: first), firstHash == prefixHash(of: second)
    else { return false }
    // Equal hashes are not equal bytes: the full comparison decides.
    return FileIdentity.haveSameBytes(first, second)
  }

  private mutating func size(of path: String) -> Int? {
    if let size = sizes[path] { return size }
    let size = FileIdentity.size(of: path)
    sizes[path] = size
    return size
  }

  private mutating func prefixHash(of path: String) -> Int? {
    if let hash = prefixHashes[path] { return hash }
    var hash: Int?
    if let handle = FileHandle(forReadingAtPath: path) {
      defer { try? handle.close() }
      if let prefix = try? handle.read(upToCount: Self.prefixLength) ?? Data() {
        var hasher = Hasher()
        prefix.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
      }
    }
    prefixHashes[path] = hash
    return hash
  }
}
