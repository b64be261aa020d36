import Foundation

/// What makes two file arguments the same file: the device and file
/// number of a file that exists, or else its standardized path.
enum FileIdentity: Hashable {
  case file(device: UInt64, number: UInt64)
  case path(String)

  init(_ path: String) {
    let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
      let number = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    {
      self = .file(device: device, number: number)
    } else {
      self = .path(url.path)
    }
  }
}

extension FileIdentity {
  /// Whether two regular files hold the same bytes; `false` when either
  /// cannot be read.
  static func haveSameBytes(_ first: String, _ second: String) -> Bool {
    func size(_ path: String) -> Int? {
      try? URL(fileURLWithPath: path).resourceValues(forKeys: [.fileSizeKey]).fileSize
    }
    guard let firstSize = size(first), firstSize == size(second),
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
