import Foundation
import Testing
import _TestSupport

/// One ```` ```console ```` block of a Markdown page: a `$ f1kit …` command
/// and, on the lines after it, exactly what it prints.
///
/// A page marks a transcript that a test can run as `console`; a command
/// that needs Python, a training run or minutes of work goes in a `text` or
/// `sh` block instead, so the rule is visible in the page itself.
struct ConsoleExample: Sendable, CustomTestStringConvertible {
  /// The page, relative to the package root.
  var document: String
  /// The line of the command in the page (1-based).
  var line: Int
  /// The command as written after `$ `.
  var command: String
  /// The block's lines after the command, each ending in a line feed.
  var output: String

  var testDescription: String { "\(document):\(line): \(command)" }

  /// The arguments after `f1kit` (the command splits at spaces; no quoting).
  var arguments: [String] {
    command.split(separator: " ").dropFirst().map(String.init)
  }

  /// The console examples of one page, in order.
  ///
  /// - Parameters:
  ///   - text: The page's Markdown.
  ///   - document: The page's path, for messages.
  /// - Returns: Every ```` ```console ```` block whose first line is
  ///   `$ f1kit …`.
  static func examples(in text: String, document: String) -> [ConsoleExample] {
    let lines = text.components(separatedBy: "\n")
    var examples: [ConsoleExample] = []
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      guard lines[index].hasPrefix("```") else { continue }
      let isConsole = lines[index] == "```console"
      let start = index + 1
      index = start
      while index < lines.count, !lines[index].hasPrefix("```") { index += 1 }
      let block = lines[start..<index]
      guard isConsole, let first = block.first, first.hasPrefix("$ f1kit ") else { continue }
      examples.append(
        ConsoleExample(
          document: document, line: start + 1, command: String(first.dropFirst(2)),
          output: block.dropFirst().map { $0 + "\n" }.joined()))
    }
    return examples
  }

  /// The pages whose console examples the tests run: README.md and every
  /// page of docs/.
  static let documents: [String] = {
    let docs = Fixtures.packageRoot.appendingPathComponent("docs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
    return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }()

  /// The console examples of one page of the package.
  ///
  /// - Parameter document: A path relative to the package root.
  /// - Returns: The page's examples; none when it cannot be read.
  static func examples(inDocument document: String) -> [ConsoleExample] {
    guard
      let text = try? String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent(document), encoding: .utf8)
    else { return [] }
    return examples(in: text, document: document)
  }

  /// Every console example of README.md and docs/*.md.
  static let all: [ConsoleExample] = documents.flatMap { examples(inDocument: $0) }
}
