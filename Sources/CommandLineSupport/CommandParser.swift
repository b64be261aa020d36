import F1KitSupport

/// Parses a command line against a command's configuration, in
/// swift-argument-parser's conventions.
///
/// Accepts `--name value`, `--name=value`, short flags (`-q`), `-` as a
/// positional (standard input) and `--` to end options. Help requests
/// (`-h`, `--help`) are found by ``isHelpRequested(in:)`` before parsing.
package enum CommandParser {
  /// Parses a command line.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the command's name.
  ///   - configuration: What the command accepts.
  /// - Returns: The parsed values.
  /// - Throws: A ``UsageError`` for an unknown option, a missing or invalid
  ///   value, a single-value option given twice, or the wrong number of
  ///   positional arguments.
  /// - Complexity: O(*n* × *m*) for *n* arguments and *m* options.
  package static func parse(_ arguments: [String], for configuration: CommandConfiguration)
    throws(UsageError) -> ParsedValues
  {
    var parsed = ParsedValues(configuration: configuration)
    var positionals: [String] = []
    var given: Set<String> = []
    var remaining = arguments[...]
    var optionsEnded = false
    while let argument = remaining.popFirst() {
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (option, inlineValue) = try Self.option(named: argument, in: configuration)
      if option.isFlag {
        guard inlineValue == nil else {
          throw UsageError("The flag '--\(option.name)' does not take a value")
        }
        parsed.set(true, for: option)
        continue
      }
      guard let text = inlineValue ?? remaining.popFirst() else {
        throw UsageError("Missing value for '\(option.synopsis)'")
      }
      guard given.insert(option.name).inserted else {
        throw UsageError("The option '--\(option.name)' was given more than once")
      }
      parsed.set(try option.parseValue(text), for: option)
    }
    for option in configuration.options where option.isRequired && !given.contains(option.name) {
      throw UsageError("Missing expected option '\(option.synopsis)'")
    }
    try assign(positionals, to: configuration, in: &parsed)
    return parsed
  }

  /// Whether the command line asks for help (`-h`, `--help`) before any `--`.
  ///
  /// - Parameter arguments: The arguments after the command's name.
  /// - Returns: `true` when help was asked for.
  package static func isHelpRequested(in arguments: [String]) -> Bool {
    arguments.prefix { $0 != "--" }.contains { $0 == "-h" || $0 == "--help" || $0 == "-help" }
  }

  private static func option(named argument: String, in configuration: CommandConfiguration)
    throws(UsageError) -> (any OptionDeclaration, String?)
  {
    if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      let name = body.prefix { $0 != "=" }
      let value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
      if let option = configuration.option(named: name) { return (option, value) }
    } else if argument.count == 2, let short = argument.last,
      let option = configuration.options.first(where: { $0.shortName == short })
    {
      return (option, nil)
    }
    let name = String(argument.prefix { $0 != "=" })
    if let hint = configuration.unknownOptionHints[name] {
      throw UsageError("Unknown option '\(name)'. \(hint)")
    }
    let longNames = configuration.options.map { "--\($0.name)" }
    if name.hasPrefix("--"), let suggestion = name.closestMatch(among: longNames) {
      throw UsageError("Unknown option '\(name)'. Did you mean '\(suggestion)'?")
    }
    throw UsageError("Unknown option '\(name)'")
  }

  private static func assign(
    _ positionals: [String], to configuration: CommandConfiguration, in parsed: inout ParsedValues
  ) throws(UsageError) {
    var remaining = positionals[...]
    for argument in configuration.arguments {
      if argument.isRepeating {
        guard !remaining.isEmpty || argument.isOptional else {
          throw UsageError("Missing expected argument '<\(argument.name)> ...'")
        }
        parsed.set(Array(remaining), for: argument)
        remaining = []
      } else if let value = remaining.popFirst() {
        parsed.set(value, for: argument)
      } else if !argument.isOptional {
        throw UsageError("Missing expected argument '<\(argument.name)>'")
      }
    }
    if let extra = remaining.first {
      throw UsageError("Unexpected argument '\(extra)'")
    }
  }
}
