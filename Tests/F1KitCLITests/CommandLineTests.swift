import Foundation
import Testing
import _TestSupport

@Suite("f1kit command line conventions")
struct CommandLineTests {
  @Test("--version prints the bare version")
  func printsVersion() throws {
    let result = try runF1Kit(["--version"])
    #expect(result.status == 0)
    #expect(result.standardOutput == "0.1.0\n")
  }

  @Test("-h, --help and help all print the tool's help", arguments: [["-h"], ["--help"], ["help"]])
  func printsToolHelp(arguments: [String]) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("OVERVIEW: "))
    #expect(result.standardOutput.contains("\nUSAGE: f1kit <subcommand>\n"))
    #expect(result.standardOutput.contains("\nSUBCOMMANDS:\n  evaluate  "))
    #expect(result.standardOutput.contains("  See 'f1kit help <subcommand>' for detailed help."))
    #expect(result.standardOutput.split(separator: "\n").allSatisfy { $0.count < 80 })
  }

  @Test(
    "subcommand help in swift-argument-parser's layout",
    arguments: [["evaluate", "--help"], ["evaluate", "-h"], ["help", "evaluate"]])
  func printsSubcommandHelp(arguments: [String]) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 0)
    let help = result.standardOutput
    #expect(help.hasPrefix("OVERVIEW: Score one prediction file"))
    #expect(help.contains("\nUSAGE: f1kit evaluate <file> ... [--format <format>]"))
    #expect(help.contains("\nARGUMENTS:\n  <file>                  "))
    #expect(
      help.contains(
        """

        OPTIONS:
          --format <format>       Output format. (values: text, json, csv, markdown,
                                  latex; default: text)

        """
      ))
    #expect(help.contains("  -h, --help              Show help information.\n"))
    #expect(help.split(separator: "\n").allSatisfy { $0.count < 80 })
  }

  @Test(
    "every subcommand's help fits 80 columns and follows the layout",
    arguments: ["evaluate", "compare", "report", "advise"])
  func everySubcommandHasHelp(name: String) throws {
    let result = try runF1Kit(["help", name])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("OVERVIEW: "))
    for section in ["\nUSAGE: f1kit \(name) ", "\nARGUMENTS:\n", "\nOPTIONS:\n"] {
      #expect(result.standardOutput.contains(section), "\(section)")
    }
    #expect(result.standardOutput.split(separator: "\n").allSatisfy { $0.count < 80 })
  }

  @Test(
    "usage errors print Error, the usage and a pointer to help, and exit 64",
    arguments: [
      (["evaluate"], "Error: Missing expected argument '<file> ...'"),
      (
        ["evaluate", "a.csv", "--format", "xml"],
        "Error: The value 'xml' is invalid for '--format <format>'"
      ),
      (["evaluate", "a.csv", "--bogus"], "Error: Unknown option '--bogus'"),
      (
        ["evaluate", "a.csv", "--digits", "many"],
        "Error: The value 'many' is invalid for '--digits <digits>'; expected a whole number from 0 to 17"
      ),
      (["curves", "a.csv", "b.csv"], "Error: Unexpected argument 'b.csv'"),
      (["frobnicate"], "Error: Unknown subcommand 'frobnicate'"),
      (
        ["evaluate", "a.csv", "--format", "json", "--format", "text"],
        "Error: The option '--format' was given more than once"
      ),
      (["evaluate", "a.csv", "--ci=yes"], "Error: The flag '--ci' does not take a value"),
      (["compare", "a.csv"], "Error: expected at least two files to compare, found 1"),
      (
        ["compare", "A=a.csv,b.csv"],
        "Error: expected at least two models to compare, found 1 (a NAME=run1.csv,run2.csv list is one model with several runs)"
      ),
      (
        ["compare", "a.csv", "b.csv", "--group-column", ""],
        "Error: The value '' is invalid for '--group-column <name>'; expected a column name"
      ),
      (
        ["compare", "A=a.csv,b.csv", "B=c.csv,d.csv", "--names", "x,y,z"],
        "Error: expected 2 names in --names, one per model, found 3"
      ),
      (
        ["compare", "a.csv", "b.csv", "--metric", "roc_auc"],
        "Error: the metric 'roc_auc' needs scores: give --score-column, --score-columns or --score-array-column"
      ),
      (
        [
          "gate", "fixtures/stsb/test-minilm-l6.csv", "fixtures/stsb/test-minilm-l3.csv",
          "--metric",
          "average_precision", "--margin", "0.01",
        ],
        "Error: the metric 'average_precision' needs scores: give --score-column, --score-columns or --score-array-column; the first file has a column named “score”: give --score-column score\n"
      ),
    ])
  func reportsUsageErrors(arguments: [String], message: String) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix(message))
    let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4, "\(result.standardError)")  // three lines and the final newline
    #expect(result.standardError.contains("\nUsage: f1kit"))
    #expect(result.standardError.contains("for more information.\n"))
  }

  @Test(
    "a metric the data or options cannot give is refused in lower case, as every message starts",
    arguments: [
      (["compare", "A", "B", "--metric", "macro_fbeta"], "the metric 'macro_fbeta' needs --beta"),
      (
        ["compare", "A", "B", "--metric", "binary_f1", "--labels", "a,b,c"],
        "the metric 'binary_f1' needs a binary problem; this one has 3 labels"
      ),
      (
        ["tune", "A", "--score-column", "s", "--metric", "binary_fbeta"],
        "the metric 'binary_fbeta' needs --beta"
      ),
    ])
  func metricRefusals(arguments: [String], message: String) throws {
    let folder = TemporaryDirectory()
    let path = folder.write("m.csv", "label,prediction,s\na,a,0.9\nb,a,0.4\nb,b,0.2\na,b,0.7\n")
    let result = try runF1Kit(arguments.map { $0 == "A" || $0 == "B" ? path : $0 })
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("Error: \(message)"), "\(result.standardError)")
  }

  @Test(
    "a usage error shows the command's short usage and points to its help, not the full synopsis",
    arguments: [
      (
        ["evaluate", "a.csv", "--bogus"], "f1kit evaluate <file> ... [<options>]",
        "f1kit help evaluate"
      ),
      (
        ["report", "a.csv", "--title"], "f1kit report <files> ... --out <file> [<options>]",
        "f1kit help report"
      ),
      (
        ["compare", "a.csv", "b.csv", "--test", "t"], "f1kit compare <files> ... [<options>]",
        "f1kit help compare"
      ),
      (["evalute"], "f1kit <subcommand>", "f1kit --help"),
    ])
  func shortUsage(arguments: [String], usage: String, help: String) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64)
    let lines = result.standardError.split(separator: "\n").dropFirst()
    #expect(Array(lines) == ["Usage: \(usage)", "  See '\(help)' for more information."])
  }

  @Test(
    "a misspelt subcommand, option or value suggests the closest spelling",
    arguments: [
      (["evalute", "a.csv"], "Error: Unknown subcommand 'evalute'. Did you mean 'evaluate'?"),
      (["help", "reprot"], "Error: Unknown subcommand 'reprot'. Did you mean 'report'?"),
      (
        ["evaluate", "a.csv", "--postive", "yes"],
        "Error: Unknown option '--postive'. Did you mean '--positive'?"
      ),
      (
        ["compare", "a.csv", "b.csv", "--adjustmnet=bh"],
        "Error: Unknown option '--adjustmnet'. Did you mean '--adjustment'?"
      ),
      (
        ["evaluate", "a.csv", "--format", "jsno"],
        "Error: The value 'jsno' is invalid for '--format <format>'; expected one of text, json, csv, markdown, latex. Did you mean 'json'?"
      ),
      (["frobnicate"], "Error: Unknown subcommand 'frobnicate'\n"),
      (
        ["evaluate", "a.csv", "--format", "xml"],
        "Error: The value 'xml' is invalid for '--format <format>'; expected one of text, json, csv, markdown, latex\n"
      ),
    ])
  func suggestsSpelling(arguments: [String], message: String) throws {
    let result = try runF1Kit(arguments)
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
  }

  @Test(
    "bad data is one line naming file, line and column, with exit 65 and nothing on stdout",
    arguments: [
      ("ragged.csv", "label,prediction\na,b\na\n", "ragged.csv:3:"),
      ("quote.csv", "label,prediction\n\"a,b\n", "quote.csv:2:"),
      ("empty.csv", "", "empty.csv:1:"),
      ("header.csv", "label,prediction\n", "header.csv:"),
      ("columns.csv", "gold_label,guess\na,b\n", "columns.csv:1:"),
      ("score.csv", "label,score\n1,0.3\n0,NaN\n", "score.csv:3:"),
    ])
  func reportsBadData(name: String, contents: String, location: String) throws {
    let directory = TemporaryDirectory()
    directory.write(name, contents)
    let extra = name == "score.csv" ? ["--score-column", "score"] : []
    let result = try runF1Kit(["evaluate", name] + extra, in: directory.url)
    #expect(result.status == 65, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let lines = result.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(result.standardError)")
    #expect(result.standardError.contains(location), "\(result.standardError)")
  }

  @Test("a missing input file exits 66 with one line")
  func reportsMissingFile() throws {
    let result = try runF1Kit(["evaluate", "no-such-file.csv"])
    #expect(result.status == 66)
    #expect(result.standardError.split(separator: "\n").count == 1)
    #expect(result.standardError.contains("no-such-file.csv"))
  }
}
