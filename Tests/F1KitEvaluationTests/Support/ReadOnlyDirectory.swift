import Foundation

/// Makes a folder unwritable, even for root: `chmod 555` stops other users,
/// and root also needs the immutable attribute (`chattr +i`), which only
/// works where the file system and capabilities allow it.
enum ReadOnlyDirectory {
  /// Whether a folder can be made unwritable on this machine; probed once.
  static let isSupported: Bool = {
    let probe = FileManager.default.temporaryDirectory
      .appendingPathComponent("f1kit-readonly-probe-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
    defer {
      unlock(probe)
      try? FileManager.default.removeItem(at: probe)
    }
    lock(probe)
    return !FileManager.default.createFile(
      atPath: probe.appendingPathComponent("write-test").path, contents: Data())
  }()

  /// Makes a folder unwritable.
  static func lock(_ folder: URL) {
    chmod(folder.path, 0o555)
    if geteuid() == 0 { run("/usr/bin/chattr", "+i", folder.path) }
  }

  /// Makes a folder writable again.
  static func unlock(_ folder: URL) {
    if geteuid() == 0 { run("/usr/bin/chattr", "-i", folder.path) }
    chmod(folder.path, 0o755)
  }

  private static func run(_ tool: String, _ arguments: String...) {
    guard FileManager.default.isExecutableFile(atPath: tool) else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try? process.run()
    process.waitUntilExit()
  }
}
