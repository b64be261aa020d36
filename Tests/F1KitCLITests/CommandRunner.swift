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
  let process = Process()
  process.executableURL = productsDirectory.appendingPathComponent(product)
  process.arguments = arguments
  process.currentDirectoryURL = directory ?? Fixtures.packageRoot
  let output = Pipe()
  let error = Pipe()
  let standardInput = Pipe()
  process.standardOutput = output
  process.standardError = error
  process.standardInput = standardInput
  try process.run()
  if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
  try standardInput.fileHandleForWriting.close()
  // Read both pipes before waiting so a large output cannot fill a pipe and
  // block the child.
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus,
    standardOutput: String(decoding: outputData, as: UTF8.self),
    standardError: String(decoding: errorData, as: UTF8.self))
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
