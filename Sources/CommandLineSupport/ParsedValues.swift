/// A command line parsed against a command's configuration, read back
/// through the declarations that describe it.
///
/// Every value was parsed and checked when the command line was; reading one
/// cannot fail. Reading a declaration the command did not list is a
/// programming error.
package struct ParsedValues: Sendable {
  /// The configuration the command line was parsed against.
  package let configuration: CommandConfiguration
  private var values: [String: any Sendable] = [:]
  private var positionals: [String: any Sendable] = [:]

  init(configuration: CommandConfiguration) {
    self.configuration = configuration
  }

  mutating func set(_ value: any Sendable, for option: any OptionDeclaration) {
    values[option.name] = value
  }

  mutating func set(_ value: any Sendable, for argument: any ArgumentDeclaration) {
    positionals[argument.name] = value
  }

  /// Whether an option or flag was given on the command line.
  ///
  /// - Parameter option: The option's declaration.
  /// - Returns: `true` when the command line names it.
  package func isSpecified(_ option: some OptionDeclaration) -> Bool {
    checkDeclared(option)
    return values[option.name] != nil
  }

  /// An option's value, or its default when not given.
  package subscript<Value>(option: Option<Value>) -> Value {
    checkDeclared(option)
    if let value = values[option.name] as? Value { return value }
    guard let defaultValue = option.defaultValue else {
      preconditionFailure("'--\(option.name)' is required but was not checked by the parser")
    }
    return defaultValue
  }

  /// Whether a flag was given.
  package subscript(flag: Flag) -> Bool {
    checkDeclared(flag)
    return values[flag.name] != nil
  }

  /// A single positional argument's value.
  package subscript(argument: Argument<String>) -> String {
    guard let value = positionals[argument.name] as? String else {
      preconditionFailure("<\(argument.name)> is not an argument of '\(configuration.name)'")
    }
    return value
  }

  /// An optional positional argument's value, or `nil` when left out.
  package subscript(argument: Argument<String?>) -> String? {
    positionals[argument.name] as? String
  }

  /// A repeating positional argument's values.
  package subscript(argument: Argument<[String]>) -> [String] {
    positionals[argument.name] as? [String] ?? []
  }

  private func checkDeclared(_ option: some OptionDeclaration) {
    precondition(
      configuration.option(named: option.name) != nil,
      "'--\(option.name)' is not an option of '\(configuration.name)'")
  }
}
