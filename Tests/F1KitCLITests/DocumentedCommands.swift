import Foundation
import Testing
import _TestSupport

/// The `f1kit` command lines of one Markdown page's ```` ```sh ```` blocks
/// that run on committed fixtures, in page order.
///
/// A block shows no output, so these lines are only run: each must still
/// succeed as written. A line counts when it names at least one file
/// under `fixtures/` and every other file it names is one it or an earlier
/// line of the page writes (`tune … --out threshold.json`, then
/// `--threshold-from threshold.json`); lines on the reader's own files
/// (`a.csv`, `items.csv`), on generated data or with `$(…)` are left out,
/// and so is a line that a transcript (a block starting `$ f1kit …`) of
/// any page already runs, when no later line reads what it writes.
struct DocumentedCommands: Sendable, CustomTestStringConvertible {
  /// The page, relative to the package root.
  var document: String
  /// Each command's arguments after `f1kit`, in page order.
  var commands: [[String]]

  var testDescription: String { "\(document): \(commands.count) commands" }

  /// The options whose value is a file the command writes.
  static let outputOptions: Set<String> = ["--out", "--json", "--summary"]

  /// The runnable command lines of a page.
  ///
  /// - Parameters:
  ///   - text: The page's Markdown.
  ///   - transcripts: Commands that other tests run already.
  /// - Returns: The arguments after `f1kit` of each runnable line of its
  ///   `sh` blocks, continuation lines joined and comments cut.
  static func commands(in text: String, transcripts: Set<[String]> = []) -> [[String]] {
    let lines = text.components(separatedBy: "\n")
    var commands: [[String]] = []
    var written: Set<String> = []
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      guard lines[index] == "```sh" else { continue }
      var joined: [String] = []
      var pending = ""
      index += 1
      while index < lines.count, !lines[index].hasPrefix("```") {
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        if line.hasSuffix("\\") {
          pending += line.dropLast() + " "
        } else {
          joined.append(pending + line)
          pending = ""
        }
        index += 1
      }
      for var line in joined {
        if let comment = line.range(of: " #") { line = String(line[..<comment.lowerBound]) }
        for prefix in ["swift run -c release ", "swift run "] where line.hasPrefix(prefix) {
          line.removeFirst(prefix.count)
        }
        guard line.hasPrefix("f1kit "), !line.contains("$(") else { continue }
        let arguments = line.split(separator: " ").dropFirst().map(String.init)
        let outputs = writtenFiles(arguments)
        let files = arguments.filter { !$0.hasPrefix("-") }.flatMap(Self.fileNames)
        guard files.contains(where: { $0.hasPrefix("fixtures/") }),
          files.allSatisfy({
            $0.hasPrefix("fixtures/") || written.contains($0) || outputs.contains($0)
          })
        else { continue }
        written.formUnion(outputs)
        commands.append(arguments)
      }
    }
    return commands.indices.filter { index in
      guard transcripts.contains(commands[index]) else { return true }
      let outputs = writtenFiles(commands[index])
      return commands[(index + 1)...].contains { !outputs.isDisjoint(with: $0) }
    }.map { commands[$0] }
  }

  /// The files a command writes: the values of its output options.
  static func writtenFiles(_ arguments: [String]) -> Set<String> {
    Set(
      arguments.indices.dropLast().filter { outputOptions.contains(arguments[$0]) }.map {
        arguments[$0 + 1]
      })
  }

  /// The file names in one argument: `NAME=a.csv,b.csv` names two.
  static func fileNames(_ argument: String) -> [String] {
    let value = argument.split(separator: "=", maxSplits: 1).last.map(String.init) ?? argument
    return value.split(separator: ",").map(String.init).filter { name in
      [".csv", ".tsv", ".jsonl", ".json"].contains { name.hasSuffix($0) }
    }
  }

  /// The arguments of every transcript of a page: each fenced block whose
  /// first line is `$ f1kit …`.
  static func transcripts(in text: String) -> [[String]] {
    let lines = text.components(separatedBy: "\n")
    var commands: [[String]] = []
    var isInside = false
    for (index, line) in lines.enumerated() where line.hasPrefix("```") {
      isInside.toggle()
      if isInside, index + 1 < lines.count, lines[index + 1].hasPrefix("$ f1kit ") {
        commands.append(lines[index + 1].split(separator: " ").dropFirst(2).map(String.init))
      }
    }
    return commands
  }

  /// The pages of README.md and docs/ with runnable command lines.
  static let all: [DocumentedCommands] = {
    let pages = ConsoleExample.documents.compactMap { document in
      (try? String(
        contentsOf: Fixtures.packageRoot.appendingPathComponent(document), encoding: .utf8))
        .map { (document, $0) }
    }
    let shown = Set(pages.flatMap { Self.transcripts(in: $0.1) })
    return pages.compactMap { document, text in
      let commands = Self.commands(in: text, transcripts: shown)
      return commands.isEmpty ? nil : DocumentedCommands(document: document, commands: commands)
    }
  }()
}
