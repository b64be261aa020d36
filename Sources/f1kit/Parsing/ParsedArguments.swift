/// A command line split into positional arguments, option values and flags.
struct ParsedArguments {
  var positionals: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var isHelpRequested = false

  /// Splits a command line according to a command's specification.
  ///
  /// Accepts `--name value`, `--name=value`, short flags, `-` as a
  /// positional (standard input) and `--` to end options.
  init(_ arguments: [String], for command: CommandSpecification) throws(UsageError) {
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
      if argument == "-h" || argument == "--help" || argument == "-help" {
        isHelpRequested = true
        continue
      }
      let (option, inlineValue) = try Self.option(named: argument, in: command)
      if option.isFlag {
        guard inlineValue == nil else {
          throw UsageError(message: "The flag '--\(option.name)' does not take a value")
        }
        flags.insert(option.name)
        continue
      }
      guard let value = inlineValue ?? remaining.popFirst() else {
        throw UsageError(message: "Missing value for '--\(option.name) <\(option.valueName!)>'")
      }
      if let allowed = option.allowedValues, !allowed.contains(value) {
        throw UsageError(
          message:
            "The value '\(value)' is invalid for '--\(option.name) <\(option.valueName!)>'; expected one of \(allowed.joined(separator: ", "))"
        )
      }
      values[option.name] = value
    }
    if !isHelpRequested { try checkPositionals(for: command) }
  }

  private static func option(
    named argument: String, in command: CommandSpecification
  ) throws(UsageError) -> (CommandSpecification.Option, String?) {
    if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      let name = body.prefix { $0 != "=" }
      let value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
      if let option = command.options.first(where: { $0.name == name }) {
        return (option, value)
      }
    } else if argument.count == 2, let short = argument.last,
      let option = command.options.first(where: { $0.shortName == short })
    {
      return (option, nil)
    }
    throw UsageError(message: "Unknown option '\(argument)'")
  }

  private func checkPositionals(for command: CommandSpecification) throws(UsageError) {
    let required = command.arguments.filter { !$0.isOptional }
    if positionals.count < required.count {
      let missing = required[positionals.count]
      throw UsageError(message: "Missing expected argument '<\(missing.name)>'")
    }
    let isRepeating = command.arguments.last?.isRepeating ?? false
    if !isRepeating && positionals.count > command.arguments.count {
      throw UsageError(message: "Unexpected argument '\(positionals[command.arguments.count])'")
    }
  }

  /// The option's value, or its default.
  func value(_ name: String, in command: CommandSpecification) -> String? {
    values[name] ?? command.options.first { $0.name == name }?.defaultValue
  }

  /// Whether a flag was given.
  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// An option's value as a number within a range.
  func number(
    _ name: String, in command: CommandSpecification, within range: ClosedRange<Double>
  ) throws(UsageError) -> Double? {
    guard let text = value(name, in: command) else { return nil }
    guard let number = Double(text), number.isFinite, range.contains(number) else {
      throw UsageError(
        message:
          "The value '\(text)' is invalid for '--\(name)'; expected a number from \(Self.describe(range.lowerBound)) to \(Self.describe(range.upperBound))"
      )
    }
    return number
  }

  /// An option's value as a whole number within a range.
  func integer(
    _ name: String, in command: CommandSpecification, within range: ClosedRange<Int>
  ) throws(UsageError) -> Int? {
    guard let text = value(name, in: command) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError(
        message:
          "The value '\(text)' is invalid for '--\(name)'; expected a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
    return number
  }

  private static func describe(_ bound: Double) -> String {
    bound == bound.rounded() && abs(bound) < 1e15 ? String(Int(bound)) : "\(bound)"
  }
}
