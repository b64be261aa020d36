import Testing

@testable import CommandLineSupport

/// A small command with one of each kind of declaration, parsed in process.
private struct SampleCommand: ParsableCommand {
  enum Shape: String, CaseIterable, ExpressibleByArgument {
    case circle, square
  }

  static let file = Argument<String>(name: "file", help: "The input.")
  static let shape = Option<Shape>(name: "shape", help: "The shape.", default: .circle)
  static let count = Option<Int>(name: "count", help: "How many.", default: 4, in: 0...17)
  static let name = Option<String?>(name: "name", help: "A name.")
  static let out = Option<FilePath>(name: "out", valueName: "file", help: "Where to write.")
  static let verbose = Flag(name: "verbose", shortName: "v", help: "Say more.")

  static let configuration = CommandConfiguration(
    name: "sample", abstract: "A sample.", arguments: [file],
    options: [shape, count, name, out, verbose])

  var file: String
  var shape: Shape
  var count: Int
  var name: String?
  var out: FilePath
  var isVerbose: Bool

  init(parsing values: ParsedValues) {
    file = values[Self.file]
    shape = values[Self.shape]
    count = values[Self.count]
    name = values[Self.name]
    out = values[Self.out]
    isVerbose = values[Self.verbose]
  }

  func run() throws(CommandFailure) -> CommandOutput { CommandOutput(file) }
}

private func parse(_ arguments: [String]) throws(UsageError) -> SampleCommand {
  SampleCommand(parsing: try CommandParser.parse(arguments, for: SampleCommand.configuration))
}

private func usageError(_ arguments: [String]) -> String? {
  do {
    _ = try parse(arguments)
    return nil
  } catch {
    return error.message
  }
}

@Suite("Typed command-line parsing")
struct ParserTests {
  @Test("an option not given takes the default its declaration carries")
  func defaults() throws {
    let command = try parse(["in.csv", "--out", "o.html"])
    #expect(command.file == "in.csv")
    #expect(command.shape == .circle)
    #expect(command.count == 4)
    #expect(command.name == nil)
    #expect(command.out.path == "o.html")
    #expect(!command.isVerbose)
  }

  @Test(
    "values are parsed into their types, in every spelling",
    arguments: [
      ["in.csv", "--shape", "square", "--count", "17", "--name", "n", "--out", "o", "-v"],
      ["--shape=square", "in.csv", "--count=17", "--name=n", "--out=o", "--verbose"],
      [
        "--shape", "square", "--count", "17", "--name", "n", "--out", "o", "--verbose", "--",
        "in.csv",
      ],
    ])
  func parsesValues(arguments: [String]) throws {
    let command = try parse(arguments)
    #expect(command.file == "in.csv")
    #expect(command.shape == .square)
    #expect(command.count == 17)
    #expect(command.name == "n")
    #expect(command.out.path == "o")
    #expect(command.isVerbose)
  }

  @Test("'-' is a positional argument, and a value may start with a dash")
  func dashes() throws {
    let command = try parse(["-", "--out", "-", "--name", "-x"])
    #expect(command.file == "-")
    #expect(command.out.path == "-")
    #expect(command.name == "-x")
  }

  @Test(
    "mistakes are one-line usage errors naming the option and what was expected",
    arguments: [
      (["in.csv"], "Missing expected option '--out <file>'"),
      (["--out", "o"], "Missing expected argument '<file>'"),
      (["in.csv", "extra", "--out", "o"], "Unexpected argument 'extra'"),
      (["in.csv", "--out", "o", "--bogus"], "Unknown option '--bogus'"),
      (["in.csv", "--out", "o", "-x"], "Unknown option '-x'"),
      (["in.csv", "--out"], "Missing value for '--out <file>'"),
      (
        ["in.csv", "--out", ""],
        "The value '' is invalid for '--out <file>'; expected a path that is not empty"
      ),
      (
        ["in.csv", "--out", "o", "--shape", "oval"],
        "The value 'oval' is invalid for '--shape <shape>'; expected one of circle, square"
      ),
      (
        ["in.csv", "--out", "o", "--count", "18"],
        "The value '18' is invalid for '--count <count>'; expected a whole number from 0 to 17"
      ),
      (
        ["in.csv", "--out", "o", "--count", "4", "--count=5"],
        "The option '--count' was given more than once"
      ),
      (["in.csv", "--out", "o", "--verbose=yes"], "The flag '--verbose' does not take a value"),
    ])
  func usageErrors(arguments: [String], message: String) {
    #expect(usageError(arguments) == message)
  }

  @Test("a flag may be repeated")
  func repeatedFlag() throws {
    #expect(try parse(["in.csv", "--out", "o", "-v", "--verbose"]).isVerbose)
  }

  @Test("isSpecified tells a default from the same value given")
  func isSpecified() throws {
    let configuration = SampleCommand.configuration
    let given = try CommandParser.parse(["a", "--out", "o", "--count", "4"], for: configuration)
    let omitted = try CommandParser.parse(["a", "--out", "o"], for: configuration)
    #expect(given.isSpecified(SampleCommand.count))
    #expect(!omitted.isSpecified(SampleCommand.count))
    #expect(given[SampleCommand.count] == omitted[SampleCommand.count])
  }

  @Test(
    "help is found before '--' only",
    arguments: [(["-h"], true), (["a", "--help"], true), (["--", "-h"], false)])
  func helpRequest(arguments: [String], isRequested: Bool) {
    #expect(CommandParser.isHelpRequested(in: arguments) == isRequested)
  }

  @Test("help lists each option once with its allowed values and default, from the declaration")
  func help() {
    let help = HelpFormatter.help(for: SampleCommand.configuration, commandName: "tool sample")
    #expect(
      help.contains(
        "USAGE: tool sample <file> [--shape <shape>] [--count <count>] [--name <name>]\n  --out <file> [--verbose]\n"
      ))
    #expect(
      help.contains(
        "  --shape <shape>         The shape. (values: circle, square; default: circle)\n"))
    #expect(help.contains("  --count <count>         How many. (from 0 to 17; default: 4)\n"))
    #expect(help.contains("  -v, --verbose           Say more.\n"))
  }
}
