import F1KitSupport

/// A command-line tool: finds the command, prints help, the version and
/// errors, runs the command and turns the outcome into an exit status.
///
/// A tool either has subcommands (`f1kit evaluate …`) or is one command
/// (`train-pair-classifier …`).
package struct CommandLineTool: Sendable {
  /// The tool's name as typed.
  package let name: String
  /// The version `--version` prints, if the tool has one.
  package let version: String?
  /// One sentence about the tool, for its help.
  package let abstract: String
  /// The subcommands, in the order help lists them; empty for a
  /// single-command tool.
  package let subcommands: [any ParsableCommand.Type]
  private let command: (any ParsableCommand.Type)?

  /// Creates a tool with subcommands.
  ///
  /// - Parameters:
  ///   - name: The tool's name as typed.
  ///   - version: The version `--version` prints.
  ///   - abstract: One sentence about the tool.
  ///   - subcommands: The subcommands, in help order.
  package init(
    name: String, version: String?, abstract: String, subcommands: [any ParsableCommand.Type]
  ) {
    self.name = name
    self.version = version
    self.abstract = abstract
    self.subcommands = subcommands
    self.command = nil
  }

  /// Creates a tool that is one command, named by the command's
  /// configuration.
  ///
  /// - Parameters:
  ///   - command: The command.
  ///   - version: The version `--version` prints, if any.
  package init(command: any ParsableCommand.Type, version: String? = nil) {
    self.name = command.configuration.name
    self.version = version
    self.abstract = command.configuration.abstract
    self.subcommands = []
    self.command = command
  }

  /// Runs the tool.
  ///
  /// - Parameter arguments: The command line without the program's name.
  /// - Returns: The status to exit with.
  package func run(_ arguments: [String]) -> ExitStatus {
    if let command { return run(command, arguments, commandName: name) }
    guard let first = arguments.first else { return Console.writeOutput(rootHelp) }
    switch first {
    case "--version" where version != nil:
      return Console.writeOutput(version! + "\n")
    case "-h", "--help", "-help":
      return Console.writeOutput(rootHelp)
    case "help":
      return help(for: Array(arguments.dropFirst()))
    default:
      break
    }
    guard let command = subcommand(named: first) else {
      return reportUnknownSubcommand(first, usage: "\(name) <subcommand>")
    }
    return run(command, Array(arguments.dropFirst()), commandName: "\(name) \(first)")
  }

  private var rootHelp: String {
    HelpFormatter.rootHelp(
      toolName: name, abstract: abstract, subcommands: subcommands.map { $0.configuration })
  }

  private func subcommand(named name: String) -> (any ParsableCommand.Type)? {
    subcommands.first { $0.configuration.name == name }
  }

  private func help(for arguments: [String]) -> ExitStatus {
    guard let subcommandName = arguments.first(where: { !$0.hasPrefix("-") }) else {
      return Console.writeOutput(command.map { help(for: $0, commandName: name) } ?? rootHelp)
    }
    guard let command = subcommand(named: subcommandName) else {
      return reportUnknownSubcommand(subcommandName, usage: "\(name) help <subcommand>")
    }
    return Console.writeOutput(help(for: command, commandName: "\(name) \(subcommandName)"))
  }

  private func help(for command: any ParsableCommand.Type, commandName: String) -> String {
    HelpFormatter.help(
      for: command.configuration, commandName: commandName, showsVersion: version != nil)
  }

  private func reportUnknownSubcommand(_ name: String, usage: String) -> ExitStatus {
    var message = "Unknown subcommand '\(name)'"
    if let suggestion = name.closestMatch(among: subcommands.map { $0.configuration.name }) {
      message += ". Did you mean '\(suggestion)'?"
    }
    reportUsageError(message, usage: usage, helpCommand: "\(self.name) --help")
    return .usage
  }

  /// Prints a usage error as three lines on standard error: the error, the
  /// short usage and where to find the full help.
  private func reportUsageError(_ message: String, usage: String, helpCommand: String) {
    Console.writeError(
      "Error: \(Self.oneLine(message))\nUsage: \(usage)\n  See '\(helpCommand)' for more information.\n"
    )
  }

  /// The most Unicode scalars of an error message printed.
  static let messageLimit = 2_000

  /// A message as one line: control characters escaped as Swift writes them
  /// (`\n`, `\u{1B}`), so nothing from the input can split the line or
  /// restyle the terminal, and cut after ``messageLimit`` scalars.
  ///
  /// The readers already escape and cut what they quote; this is the last
  /// guard for anything else a message echoes, such as an option name.
  ///
  /// - Parameter message: The message.
  /// - Returns: The message on one line.
  static func oneLine(_ message: String) -> String {
    TerminalEscaping.escaped(message, limit: messageLimit, escapesQuotes: false)
  }

  /// How to ask for a command's full help: `f1kit help evaluate`, or
  /// `train-pair-classifier --help` for a single-command tool.
  private func helpCommand(for command: any ParsableCommand.Type) -> String {
    self.command == nil ? "\(name) help \(command.configuration.name)" : "\(name) --help"
  }

  private func run(_ command: any ParsableCommand.Type, _ arguments: [String], commandName: String)
    -> ExitStatus
  {
    let options = arguments.prefix { $0 != "--" }
    if let version, options.contains("--version") {
      return Console.writeOutput(version + "\n")
    }
    if CommandParser.isHelpRequested(in: arguments) {
      return Console.writeOutput(help(for: command, commandName: commandName))
    }
    let output: CommandOutput
    do {
      output = try execute(command, arguments)
    } catch {
      if error.status == .usage {
        reportUsageError(
          error.message,
          usage: HelpFormatter.shortUsage(for: command.configuration, commandName: commandName),
          helpCommand: helpCommand(for: command))
      } else {
        Console.writeError("Error: \(Self.oneLine(error.message))\n")
      }
      return error.status
    }
    return Console.writeOutput(output.text, then: output.status)
  }

  private func execute(_ command: any ParsableCommand.Type, _ arguments: [String])
    throws(CommandFailure) -> CommandOutput
  {
    let parsed: any ParsableCommand
    do {
      let values = try CommandParser.parse(arguments, for: command.configuration)
      parsed = try command.init(parsing: values)
    } catch {
      throw CommandFailure(error)
    }
    return try parsed.run()
  }
}
