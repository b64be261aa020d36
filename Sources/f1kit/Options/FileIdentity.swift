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
