import Foundation
import Testing
import _TestSupport

/// Runs the built `f1kit` through `SHELL -c SCRIPT`, where `$F` is the
/// binary's path, from the package root.
private func runShell(_ script: String, shell: String = "/bin/sh", standardOutput: Any? = nil)
  throws -> CommandResult
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: shell)
  process.arguments = ["-c", script]
  process.currentDirectoryURL = Fixtures.packageRoot
  var environment = ProcessInfo.processInfo.environment
  environment["F"] = productsDirectory.appendingPathComponent("f1kit").path
  process.environment = environment
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = standardOutput ?? output
  process.standardError = error
  process.standardInput = FileHandle.nullDevice
  try process.run()
  if standardOutput != nil { try output.fileHandleForWriting.close() }
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationReason == .exit ? process.terminationStatus : -1,
    standardOutput: String(decoding: outputData, as: UTF8.self),
    standardError: String(decoding: errorData, as: UTF8.self))
}

@Suite("Failed writes to standard output and error end cleanly")
struct OutputFailureTests {
  static let file = "fixtures/stsb/test-minilm-l6.csv"

  /// README.md: 73 is an output that cannot be created, 74 a failed write
  /// such as a full disk; `report --out` and `--json` gave 73 for both.
  @Test(
    "a full disk on standard output or under --out and --json is one error line and exit 74",
    arguments: [
      ("\"$F\" evaluate \(file) >/dev/full", "standard output"),
      ("\"$F\" evaluate \(file) --format json >/dev/full", "standard output"),
      ("\"$F\" --help >/dev/full", "standard output"),
      ("\"$F\" help compare >/dev/full", "standard output"),
      ("\"$F\" --version >/dev/full", "standard output"),
      ("\"$F\" report \(file) --resamples 0 --out /dev/full", "/dev/full"),
      ("\"$F\" report \(file) --resamples 0 --out - --json /dev/full >/dev/null", "/dev/full"),
      (
        "\"$F\" report fixtures/newsgroups/test-logreg.csv --resamples 0 --out /dev/full",
        "/dev/full"
      ),
      (
        "\"$F\" tune fixtures/stsb/dev-minilm-l6.csv --score-column score --out /dev/full",
        "/dev/full"
      ),
    ] as [(String, String)])
  func fullDisk(script: String, output: String) throws {
    let result = try runShell(script)
    #expect(result.status == 74, "\(result.standardError)")
    let message =
      output == "standard output" ? "cannot write to standard output" : "cannot write \(output)"
    let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
    #expect(errors == ["Error: \(message): no space left on device"], "\(result.standardError)")
  }

  @Test(
    "a full disk on standard error does not change the status",
    arguments: [
      ("\"$F\" evaluate fixtures/missing.csv 2>/dev/full", 66),
      ("\"$F\" evaluate \(file) --bogus 2>/dev/full", 64),
      ("\"$F\" evaluate fixtures/r8/test-tfidf-nb.csv 2>/dev/full", 0),
      ("\"$F\" evaluate \(file) >/dev/full 2>/dev/full", 74),
    ] as [(String, Int32)])
  func fullErrorStream(script: String, status: Int32) throws {
    let result = try runShell(script)
    #expect(result.status == status)
  }

  @Test("a report into a missing folder is still exit 73")
  func missingFolderUnderOut() throws {
    let result = try runShell(
      "\"$F\" report \(Self.file) --resamples 0 --out fixtures/no-such-folder/r.html")
    #expect(result.status == 73, "\(result.standardError)")
  }

  /// The test helper writes standard input beside the child: 4 MB into a
  /// child that refuses its options at once would otherwise raise SIGPIPE
  /// in the test process and end the whole test run.
  @Test("a child that exits before reading a large standard input leaves the tests running")
  func childIgnoringStandardInput() throws {
    let rows = String(repeating: "1,0\n", count: 1_000_000)
    for _ in 0..<3 {
      let result = try runF1Kit(["evaluate", "-", "--bogus"], input: "label,prediction\n" + rows)
      #expect(result.status == 64)
      #expect(result.standardError.hasPrefix("Error: Unknown option '--bogus'"))
    }
  }

  @Test("a reader that went away ends the run quietly with 141 when SIGPIPE is ignored")
  func closedPipe() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let result = try runShell(
      "trap '' PIPE; exec \"$F\" evaluate \(Self.file)", standardOutput: pipe.fileHandleForWriting)
    try pipe.fileHandleForWriting.close()
    #expect(result.status == 141)
    #expect(result.standardError.isEmpty, "\(result.standardError)")
  }

  @Test("a large output piped into head -1 ends quietly, with SIGPIPE ignored or not")
  func pipedIntoHead() throws {
    let directory = TemporaryDirectory()
    // 3,000 classes: one report line each, far more than a pipe's buffer.
    var rows = "label,prediction\n"
    for index in 0..<6000 { rows += "c\(index % 3000),c\((index * 7) % 3000)\n" }
    let file = directory.write("big.csv", rows)
    for trap in ["trap '' PIPE;", ""] {
      let result = try runShell(
        "\(trap) \"$F\" evaluate '\(file)' --zero-division 0 | head -1; echo \"status ${PIPESTATUS[0]}\" >&2",
        shell: "/bin/bash")
      #expect(result.standardOutput.hasPrefix("   "), "\(result.standardOutput)")
      #expect(result.standardOutput.split(separator: "\n").count == 1)
      #expect(result.standardError == "status 141\n", "\(trap): \(result.standardError)")
    }
  }
}
