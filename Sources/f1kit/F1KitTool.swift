import Foundation

/// The `f1kit` command: dispatches to a subcommand, prints help, version and
/// errors, and turns failures into `sysexits.h` statuses.
enum F1KitTool {
  static let version = "0.1.0"
  static let abstract =
    "Evaluate classifiers with scikit-learn-exact F1 metrics, bootstrap intervals and paired significance tests."

  static let subcommands: [CommandSpecification] = [
    EvaluateCommand.specification, CompareCommand.specification, ReportCommand.specification,
    AdviseCommand.specification,
  ]

  /// Runs the tool and returns its exit status.
  static func run(_ arguments: [String]) -> Int32 {
    guard let first = arguments.first else {
      Console.writeOutput(HelpFormatter.rootHelp(abstract: abstract, subcommands: subcommands))
      return 0
    }
    switch first {
    case "--version":
      Console.writeOutput(version + "\n")
      return 0
    case "-h", "--help", "-help":
      Console.writeOutput(HelpFormatter.rootHelp(abstract: abstract, subcommands: subcommands))
      return 0
    case "help":
      return help(for: Array(arguments.dropFirst()))
    default:
      break
    }
    guard let command = subcommands.first(where: { $0.name == first }) else {
      Console.writeError(
        "Error: Unknown subcommand '\(first)'\nUsage: f1kit <subcommand>\n  See 'f1kit --help' for more information.\n"
      )
      return 64
    }
    return run(command, Array(arguments.dropFirst()))
  }

  private static func help(for arguments: [String]) -> Int32 {
    guard let name = arguments.first(where: { !$0.hasPrefix("-") }) else {
      Console.writeOutput(HelpFormatter.rootHelp(abstract: abstract, subcommands: subcommands))
      return 0
    }
    guard let command = subcommands.first(where: { $0.name == name }) else {
      Console.writeError(
        "Error: Unknown subcommand '\(name)'\nUsage: f1kit help <subcommand>\n  See 'f1kit --help' for more information.\n"
      )
      return 64
    }
    Console.writeOutput(HelpFormatter.help(for: command))
    return 0
  }

  private static func run(_ command: CommandSpecification, _ arguments: [String]) -> Int32 {
    if arguments.contains("--version") {
      Console.writeOutput(version + "\n")
      return 0
    }
    do {
      let parsed = try ParsedArguments(arguments, for: command)
      if parsed.isHelpRequested {
        Console.writeOutput(HelpFormatter.help(for: command))
        return 0
      }
      let output = try perform(command, parsed)
      Console.writeOutput(output)
      return 0
    } catch let error as UsageError {
      Console.writeError(
        "Error: \(error.message)\nUsage: \(command.usage)\n  See '\(command.commandName) --help' for more information.\n"
      )
      return 64
    } catch let failure as CommandFailure {
      Console.writeError("Error: \(failure.message)\n")
      return failure.status
    } catch {
      Console.writeError("Error: \(error)\n")
      return 70
    }
  }

  private static func perform(_ command: CommandSpecification, _ parsed: ParsedArguments) throws
    -> String
  {
    switch command.name {
    case EvaluateCommand.specification.name: try EvaluateCommand.run(parsed)
    case CompareCommand.specification.name: try CompareCommand.run(parsed)
    case ReportCommand.specification.name: try ReportCommand.run(parsed)
    case AdviseCommand.specification.name: try AdviseCommand.run(parsed)
    default: throw UsageError(message: "Unknown subcommand '\(command.name)'")
    }
  }
}
