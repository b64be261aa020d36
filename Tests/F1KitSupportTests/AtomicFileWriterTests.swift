import F1KitSupport
import Foundation
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Atomic file writes", .serialized)
struct AtomicFileWriterTests {
  static func contents(_ path: String) -> String? {
    try? String(contentsOfFile: path, encoding: .utf8)
  }

  /// The folder's entries other than the ones named.
  static func leftovers(in folder: URL, besides names: Set<String>) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return entries.filter { !names.contains($0) }.sorted()
  }

  @Test("a new file, then a replaced one, leaves no temporary file and has mode 0644")
  func writesAndReplaces() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("out.html").path
    try AtomicFileWriter.write("first", toPath: path)
    try AtomicFileWriter.write("second", toPath: path)
    #expect(Self.contents(path) == "second")
    #expect(Self.leftovers(in: folder.url, besides: ["out.html"]).isEmpty)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o644)
  }

  @Test("the named temporary file used without O_TMPFILE leaves nothing behind either")
  func writesThroughNamedFile() throws {
    let folder = TemporaryDirectory()
    let path = folder.url.appendingPathComponent("out.html").path
    AtomicFileWriter.isUnnamedTemporaryFileEnabled = false
    defer { AtomicFileWriter.isUnnamedTemporaryFileEnabled = true }
    try AtomicFileWriter.write("first", toPath: path)
    try AtomicFileWriter.write("second", toPath: path)
    #expect(Self.contents(path) == "second")
    #expect(Self.leftovers(in: folder.url, besides: ["out.html"]).isEmpty)
  }

  @Test("a symbolic link is followed: its target is replaced and the link kept")
  func followsSymbolicLinks() throws {
    let folder = TemporaryDirectory()
    let target = folder.write("target.html", "old")
    let link = folder.url.appendingPathComponent("link.html").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.html")
    try AtomicFileWriter.write("new", toPath: link)
    let attributes = try FileManager.default.attributesOfItem(atPath: link)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(Self.contents(target) == "new")
    #expect(Self.leftovers(in: folder.url, besides: ["target.html", "link.html"]).isEmpty)
  }

  @Test("a dangling symbolic link creates its target")
  func followsDanglingLinks() throws {
    let folder = TemporaryDirectory()
    let link = folder.url.appendingPathComponent("link.html").path
    let target = folder.url.appendingPathComponent("made.html").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    try AtomicFileWriter.write("made", toPath: link)
    #expect(Self.contents(target) == "made")
  }

  @Test("a FIFO is written in place, never replaced by a regular file")
  func writesFIFOInPlace() throws {
    let folder = TemporaryDirectory()
    let fifo = folder.url.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader on the FIFO, so the writer's open does not block forever.
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let output = Pipe()
    reader.standardOutput = output
    try reader.run()
    try AtomicFileWriter.write("through the pipe", toPath: fifo)
    let received = output.fileHandleForReading.readDataToEndOfFile()
    reader.waitUntilExit()
    #expect(String(decoding: received, as: UTF8.self) == "through the pipe")
    var status = stat()
    #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
  }

  @Test("a device such as /dev/null stays a device")
  func writesDeviceInPlace() throws {
    try AtomicFileWriter.write("discarded", toPath: "/dev/null")
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
  }

  @Test(
    "bad paths are one clear error and leave the folder as it was",
    arguments: [
      ("", FileWriteError.Kind.emptyPath, "the output path is empty"),
      ("missing/out.html", .cannotCreate, "does not exist"),
      (".", .cannotCreate, "it is a folder"),
    ])
  func refusesBadPaths(relativePath: String, kind: FileWriteError.Kind, reason: String) {
    let folder = TemporaryDirectory()
    let path = relativePath.isEmpty ? "" : folder.url.appendingPathComponent(relativePath).path
    #expect {
      try AtomicFileWriter.write("x", toPath: path)
    } throws: { error in
      guard let error = error as? FileWriteError else { return false }
      return error.kind == kind && error.reason.contains(reason)
    }
    #expect(Self.leftovers(in: folder.url, besides: []).isEmpty)
  }

  /// Starts the probe writing `megabytes` to `path`, waits until it starts
  /// writing, then sends `signal` after `delay` seconds.
  static func interruptedWrite(
    to path: String, megabytes: Int, named: Bool, signal: Int32, delay: Double
  ) throws -> Int32 {
    let probe = Process()
    probe.executableURL = productsDirectory.appendingPathComponent("write-probe")
    probe.arguments = ["atomic", path, String(megabytes)] + (named ? ["named"] : [])
    let errors = Pipe()
    probe.standardError = errors
    try probe.run()
    // Wait for "writing".
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("writing") {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += chunk
    }
    Thread.sleep(forTimeInterval: delay)
    kill(probe.processIdentifier, signal)
    probe.waitUntilExit()
    return probe.terminationStatus
  }

  #if os(Linux)
    @Test(
      "kill -9 in the middle of a large write leaves the old file and no temporary file",
      arguments: [0.0, 0.05, 0.2])
    func survivesSIGKILL(delay: Double) throws {
      let folder = TemporaryDirectory()
      let path = folder.write("report.html", "old report")
      _ = try Self.interruptedWrite(
        to: path, megabytes: 256, named: false, signal: SIGKILL, delay: delay)
      #expect(Self.leftovers(in: folder.url, besides: ["report.html"]).isEmpty)
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
      // Either the old file or the whole new one, never a mix.
      #expect(size == 10 || size == 256 << 20)
    }

    @Test("without O_TMPFILE, kill -9 would leave a named temporary file: why Linux uses it")
    func namedFileSurvivesSIGKILL() throws {
      let folder = TemporaryDirectory()
      let path = folder.write("report.html", "old report")
      _ = try Self.interruptedWrite(
        to: path, megabytes: 256, named: true, signal: SIGKILL, delay: 0.05)
      #expect(Self.leftovers(in: folder.url, besides: ["report.html"]).count == 1)
      #expect(Self.contents(path) == "old report")
    }
  #endif

  @Test(
    "SIGINT or SIGTERM in the middle of a named-file write removes the temporary file",
    arguments: [SIGINT, SIGTERM])
  func cleansUpOnSignals(signal: Int32) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("report.html", "old report")
    let status = try Self.interruptedWrite(
      to: path, megabytes: 256, named: true, signal: signal, delay: 0.05)
    #expect(Self.leftovers(in: folder.url, besides: ["report.html"]).isEmpty)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    #expect(size == 10 || size == 256 << 20)
    // The signal still ends the process, as it would have.
    #expect(status == signal || size == 256 << 20)
  }
}

/// The build folder holding the test bundle and the probe.
let productsDirectory: URL = {
  let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
  var directory = executable.deletingLastPathComponent()
  while !FileManager.default.fileExists(
    atPath: directory.appendingPathComponent("write-probe").path),
    directory.pathComponents.count > 1
  {
    directory = directory.deletingLastPathComponent()
  }
  return directory
}()
