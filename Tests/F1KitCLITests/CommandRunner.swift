import Foundation
import _TestSupport

/// The result of running the built `f1kit` binary.
struct CommandResult {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// Runs the `f1kit` binary that `swift build` put beside the test bundle.
///
/// - Parameters:
///   - arguments: The command line after `f1kit`.
///   - input: Text for standard input.
///   - directory: The working directory; the package root by default.
/// - Returns: The exit status and both output streams.
func runF1Kit(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws
  -> CommandResult
{
  try runProduct("f1kit", arguments, input: input, in: directory)
}

/// Runs the `f1kit` binary under coreutils' `timeout`, which kills it
/// (status 137) if it has not exited `seconds` after it started.
///
/// A test whose point is that a command ends (on an endless stream, say)
/// limits the command, not itself: Swift Testing's `.timeLimit` also
/// counts the time the test waits for a thread while other tests' commands
/// run, and failed a passing test when two test runs shared two cores.
///
/// - Parameters:
///   - arguments: The command line after `f1kit`.
///   - seconds: How long the command may run.
///   - directory: The working directory; the package root by default.
/// - Returns: The exit status and both output streams.
func runF1Kit(_ arguments: [String], killedAfter seconds: Int, in directory: URL? = nil) throws
  -> CommandResult
{
  let timeout = "/usr/bin/timeout"
  guard FileManager.default.isExecutableFile(atPath: timeout) else {
    return try runF1Kit(arguments, in: directory)
  }
  let binary = productsDirectory.appendingPathComponent("f1kit").path
  return try run(
    URL(fileURLWithPath: timeout), ["--signal=KILL", "\(seconds)", binary] + arguments,
    input: nil, in: directory)
}

/// Runs the `f1kit` binary with a file, not a pipe, as its standard input,
/// as the shell's `f1kit … < file` does: `/dev/stdin` is then that file.
///
/// - Parameters:
///   - arguments: The command line after `f1kit`.
///   - inputFile: The file standard input reads.
/// - Returns: The exit status and both output streams.
func runF1Kit(_ arguments: [String], inputFile: String) throws -> CommandResult {
  try run(
    productsDirectory.appendingPathComponent("f1kit"), arguments, input: nil,
    inputFile: inputFile, in: nil)
}

/// Runs an executable product that `swift build` put beside the test bundle.
///
/// - Parameters:
///   - product: The product's name.
///   - arguments: The command line after the product's name.
///   - input: Text for standard input.
///   - directory: The working directory; the package root by default.
/// - Returns: The exit status and both output streams.
func runProduct(
  _ product: String, _ arguments: [String], input: String? = nil, in directory: URL? = nil
) throws -> CommandResult {
  try run(
    productsDirectory.appendingPathComponent(product), arguments, input: input, in: directory)
}

/// Runs an executable with its output streams captured.
private func run(
  _ executable: URL, _ arguments: [String], input: String?, inputFile: String? = nil,
  in directory: URL?
) throws -> CommandResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory ?? Fixtures.packageRoot
  let output = Pipe()
  let error = Pipe()
  let standardInput = Pipe()
  process.standardOutput = output
  process.standardError = error
  let file = inputFile.flatMap { FileHandle(forReadingAtPath: $0) }
  defer { try? file?.close() }
  process.standardInput = file ?? standardInput
  try process.run()
  let writer = PipeWriter(Data((input ?? "").utf8), to: standardInput.fileHandleForWriting)
  try standardInput.fileHandleForWriting.close()
  // Read both pipes before waiting so a large output cannot fill a pipe and
  // block the child.
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  writer.wait()
  return CommandResult(
    status: process.terminationStatus,
    standardOutput: String(decoding: outputData, as: UTF8.self),
    standardError: String(decoding: errorData, as: UTF8.self))
}

/// Writes a child's standard input on a thread of its own, so that a child
/// that exits without reading it all (a usage error, say) cannot end the
/// test process.
///
/// Writing to a pipe whose reader has gone raises `SIGPIPE`, which would
/// kill the whole test run; ignoring it process-wide would be inherited by
/// every child, and the tests of F1Kit's own `SIGPIPE` handling need the
/// default. So only the writing thread blocks it: the write then fails with
/// `EPIPE`, which ends it, and the pending signal is taken before the
/// thread exits. Writing beside the reads of the child's output also keeps
/// a large input and a large output from filling both pipes at once.
final class PipeWriter: Sendable {
  private let done = DispatchSemaphore(value: 0)

  /// Starts writing `data` to a duplicate of `handle`'s descriptor, closing
  /// it at the end; the caller may close `handle` at once.
  init(_ data: Data, to handle: FileHandle) {
    let descriptor = dup(handle.fileDescriptor)
    let done = self.done
    let thread = Thread {
      var pipeSignal = sigset_t()
      sigemptyset(&pipeSignal)
      sigaddset(&pipeSignal, SIGPIPE)
      pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
      data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
          if written < 0 && errno == EINTR { continue }
          guard written > 0 else { break }
          offset += written
        }
      }
      close(descriptor)
      var now = timespec(tv_sec: 0, tv_nsec: 0)
      _ = sigtimedwait(&pipeSignal, nil, &now)
      done.signal()
    }
    thread.start()
  }

  /// Waits until the input is written or the reader has gone.
  func wait() { done.wait() }
}

/// The build folder holding the test bundle and the `f1kit` binary.
let productsDirectory: URL = {
  let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
  var directory = executable.deletingLastPathComponent()
  while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("f1kit").path),
    directory.pathComponents.count > 1
  {
    directory = directory.deletingLastPathComponent()
  }
  return directory
}()

/// Runs the `f1kit` binary with standard error on a pseudo-terminal, as in
/// an interactive shell, so that what it draws only on a terminal (the
/// progress bar) can be seen.
///
/// - Parameters:
///   - arguments: The command line after `f1kit`.
///   - directory: The working directory; the package root by default.
/// - Returns: The exit status, standard output, and what the terminal
///   received on standard error.
/// - Note: Standard output is read after the child exits, so it must fit
///   in a pipe's buffer (64 KiB).
func runF1KitOnTerminal(_ arguments: [String], in directory: URL? = nil) throws
  -> CommandResult
{
  let (controller, terminal) = try PseudoTerminal.open()
  let process = Process()
  process.executableURL = productsDirectory.appendingPathComponent("f1kit")
  process.arguments = arguments
  process.currentDirectoryURL = directory ?? Fixtures.packageRoot
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Only the child holds the terminal now: reading it ends when the child
  // exits.
  close(terminal)
  var received: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4_096)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
    guard count > 0 else { break }
    received += buffer[..<count]
  }
  close(controller)
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus,
    standardOutput: String(decoding: outputData, as: UTF8.self),
    standardError: String(decoding: received, as: UTF8.self))
}

/// A pseudo-terminal pair, through the C library's `posix_openpt`,
/// `grantpt`, `unlockpt` and `ptsname` (looked up at run time: Swift's
/// Glibc module does not import them).
enum PseudoTerminal {
  /// Whether this system has pseudo-terminals.
  static var isAvailable: Bool {
    guard let (controller, terminal) = try? open() else { return false }
    close(controller)
    close(terminal)
    return true
  }

  private typealias Call = @convention(c) (Int32) -> Int32
  private typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

  /// Opens a pseudo-terminal.
  ///
  /// - Returns: The controlling side's descriptor and the terminal's.
  static func open() throws -> (controller: Int32, terminal: Int32) {
    let library = dlopen(nil, RTLD_NOW)
    func symbol<T>(_ name: String, as type: T.Type) throws -> T {
      guard let address = dlsym(library, name) else { throw CocoaError(.featureUnsupported) }
      return unsafeBitCast(address, to: type)
    }
    let openController = try symbol("posix_openpt", as: Call.self)
    let grant = try symbol("grantpt", as: Call.self)
    let unlock = try symbol("unlockpt", as: Call.self)
    let name = try symbol("ptsname", as: Name.self)
    let controller = openController(O_RDWR | O_NOCTTY)
    guard controller >= 0 else { throw CocoaError(.featureUnsupported) }
    guard grant(controller) == 0, unlock(controller) == 0, let path = name(controller) else {
      close(controller)
      throw CocoaError(.featureUnsupported)
    }
    let terminal = Foundation.open(path, O_RDWR | O_NOCTTY)
    guard terminal >= 0 else {
      close(controller)
      throw CocoaError(.featureUnsupported)
    }
    return (controller, terminal)
  }
}
