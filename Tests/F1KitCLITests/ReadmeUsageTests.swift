import Foundation
import Testing
import _TestSupport

/// One command line from the README's usage block.
struct UsageLine: Sendable, CustomTestStringConvertible {
  /// The line as written, without its comment.
  var text: String
  /// The arguments after `f1kit`.
  var arguments: [String]
  /// The file piped to standard input (`cat FILE | f1kit …`), if any.
  var standardInputFile: String?

  var testDescription: String { text }

  /// The command lines of the first `sh` block after "## Usage" in
  /// README.md, so the test follows the README as it changes.
  static func fromReadme() -> [UsageLine] {
    guard
      let readme = try? String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    else { return [] }
    let lines = readme.components(separatedBy: "\n")
    guard let heading = lines.firstIndex(of: "## Usage"),
      let opening = lines[heading...].firstIndex(of: "```sh")
    else { return [] }
    var usage: [UsageLine] = []
    for line in lines[(opening + 1)...] {
      if line.hasPrefix("```") { break }
      var command = line
      if let comment = command.range(of: " #") { command = String(command[..<comment.lowerBound]) }
      var words = command.split(separator: " ").map(String.init)
      var input: String?
      if words.first == "cat", words.count > 3, words[2] == "|" {
        input = words[1]
        words.removeFirst(3)
      }
      guard words.first == "f1kit" else { continue }
      usage.append(
        UsageLine(
          text: command.trimmingCharacters(in: .whitespaces),
          arguments: Array(words.dropFirst()), standardInputFile: input))
    }
    return usage
  }
}

@Suite("Every README usage line runs as written on fixtures/examples")
struct ReadmeUsageTests {
  static let usage = UsageLine.fromReadme()

  @Test("the README has the usage lines")
  func readmeHasUsageLines() {
    #expect(Self.usage.count >= 10)
    #expect(Self.usage.contains { $0.standardInputFile != nil })
  }

  @Test("the line succeeds in a copy of fixtures/examples", arguments: usage)
  func runs(line: UsageLine) throws {
    let directory = TemporaryDirectory()
    let examples = Fixtures.url("examples")
    for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
      try FileManager.default.copyItem(
        at: examples.appendingPathComponent(name),
        to: directory.url.appendingPathComponent(name))
    }
    let input = try line.standardInputFile.map {
      try String(contentsOf: directory.url.appendingPathComponent($0), encoding: .utf8)
    }
    let result = try runF1Kit(line.arguments, input: input, in: directory.url)
    #expect(result.status == 0, "\(line.text): \(result.standardError)")
    #expect(!result.standardOutput.isEmpty || line.arguments.contains("--out"))
    if let out = line.arguments.firstIndex(of: "--out") {
      let report = directory.url.appendingPathComponent(line.arguments[out + 1])
      #expect(FileManager.default.fileExists(atPath: report.path))
    }
  }

  @Test("the TSV example reads as its CSV twin")
  func tsvMatchesCSV() throws {
    let csv = try runF1Kit(["evaluate", "fixtures/examples/predictions.csv", "--format", "json"])
    let tsv = try runF1Kit(["evaluate", "fixtures/examples/predictions.tsv", "--format", "json"])
    #expect(csv.status == 0 && tsv.status == 0)
    #expect(tsv.standardOutput == csv.standardOutput)
    #expect(tsv.standardError.isEmpty)
  }
}
