/// What a command accepts and how its help describes it.
package struct CommandConfiguration: Sendable {
  /// The subcommand's name as typed (`evaluate`), or the tool's name for a
  /// tool without subcommands.
  package var name: String
  /// One sentence for the OVERVIEW and the tool's list of subcommands.
  package var abstract: String
  /// Paragraphs after the overview, if any.
  package var discussion: String?
  /// The positional arguments, in order; only the last may repeat.
  package var arguments: [any ArgumentDeclaration]
  /// The named options and flags, in the order help lists them.
  package var options: [any OptionDeclaration]
  /// What to say of an option this command does not have but users coming
  /// from another tool type (`--pos-label` → "Did you mean '--positive'?"),
  /// keyed by the option as typed, with its dashes.
  package var unknownOptionHints: [String: String] = [:]

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - name: The subcommand's name as typed.
  ///   - abstract: One sentence for the OVERVIEW.
  ///   - discussion: Paragraphs after the overview.
  ///   - arguments: The positional arguments, in order.
  ///   - options: The named options and flags, in help order.
  package init(
    name: String, abstract: String, discussion: String? = nil,
    arguments: [any ArgumentDeclaration] = [], options: [any OptionDeclaration] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
  }

  /// The declaration of the option with a long name, if any.
  ///
  /// - Parameter name: The long name, without `--`.
  /// - Returns: The declaration, or `nil`.
  package func option(named name: some StringProtocol) -> (any OptionDeclaration)? {
    options.first { $0.name == name }
  }
}

/// A command: parses its options into a value, then runs.
///
/// Parsing happens entirely in ``init(parsing:)``, before ``run()`` reads any
/// file, so a usage error never follows data warnings.
package protocol ParsableCommand: Sendable {
  /// What the command accepts and how its help describes it.
  static var configuration: CommandConfiguration { get }

  /// Reads and validates the parsed command line.
  ///
  /// - Parameter values: The command line, parsed against
  ///   ``configuration``.
  /// - Throws: A ``UsageError`` for options that do not fit together.
  init(parsing values: ParsedValues) throws(UsageError)

  /// Does the work.
  ///
  /// - Returns: What to print on standard output, and the exit status.
  /// - Throws: A ``CommandFailure`` with its exit status.
  func run() throws(CommandFailure) -> CommandOutput
}

/// What a command prints on standard output, written whole after it
/// finishes, and the status it exits with.
package struct CommandOutput: Sendable, Equatable, ExpressibleByStringLiteral {
  /// The text for standard output.
  package var text: String
  /// The exit status: success, or a gate's negative decision.
  package var status: ExitStatus

  /// Creates an output.
  ///
  /// - Parameters:
  ///   - text: The text for standard output.
  ///   - status: The exit status.
  package init(_ text: String, status: ExitStatus = .success) {
    self.text = text
    self.status = status
  }

  package init(stringLiteral value: String) { self.init(value) }
}
