import F1KitSupport
import Testing

@testable import CommandLineSupport

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
  @Test(
    "edit distance counts insertions, deletions, substitutions and swaps",
    arguments: [
      ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("evalute", "evaluate", 1),
      ("--postive", "--positive", 1), ("fromat", "format", 1), ("kitten", "sitting", 3),
      ("xml", "csv", 3),
    ])
  func editDistance(source: String, target: String, distance: Int) {
    #expect(source.editDistance(to: target) == distance)
    #expect(target.editDistance(to: source) == distance)
  }

  @Test(
    "the closest candidate is suggested only when it is a likely misspelling",
    arguments: [
      ("evalute", "evaluate"), ("reprot", "report"), ("advice", "advise"), ("jsn", "json"),
      ("xml", nil), ("frobnicate", nil), ("c", nil),
    ] as [(String, String?)])
  func closestMatch(typed: String, suggestion: String?) {
    let candidates = ["evaluate", "compare", "report", "advise", "text", "json", "csv"]
    #expect(typed.closestMatch(among: candidates) == suggestion)
  }
}

@Suite("Usage lines")
struct UsageTests {
  static let configuration = CommandConfiguration(
    name: "report", abstract: "A report.",
    arguments: [Argument<[String]>(name: "files", help: "Files.")],
    options: [
      Option<FilePath>(name: "out", valueName: "file", help: "Where."),
      Option<Int>(name: "count", help: "How many.", default: 1),
    ])

  @Test("the short usage keeps arguments and required options and folds the rest")
  func shortUsage() {
    #expect(
      HelpFormatter.shortUsage(for: Self.configuration, commandName: "tool report")
        == "tool report <files> ... --out <file> [<options>]")
  }

  @Test("the full usage lists every option")
  func fullUsage() {
    #expect(
      HelpFormatter.usage(for: Self.configuration, commandName: "tool report")
        == "tool report <files> ... --out <file> [--count <count>]")
  }

  @Test("an unknown option close to a declared one is suggested")
  func unknownOption() {
    #expect(throws: UsageError("Unknown option '--cuont'. Did you mean '--count'?")) {
      try CommandParser.parse(["a", "--out", "o", "--cuont=2"], for: Self.configuration)
    }
  }
}
