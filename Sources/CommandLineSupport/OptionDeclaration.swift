/// What the parser and the help need to know about a named option or flag,
/// whatever its value type.
///
/// ``Option`` and ``Flag`` conform; a command lists its declarations in its
/// ``CommandConfiguration`` and reads the parsed values back through the
/// same declarations, so a misspelt option name does not compile.
package protocol OptionDeclaration: Sendable {
  /// The long name, without the leading `--`.
  var name: String { get }
  /// The one-letter name, without the leading `-`, if any.
  var shortName: Character? { get }
  /// The value's placeholder in help, or `nil` for a flag.
  var valueName: String? { get }
  /// One sentence for the help.
  var abstract: String { get }
  /// Every accepted value, shown in help, or `nil` when any value of the type
  /// is accepted.
  var allowedValues: [String]? { get }
  /// The default as shown in help, or `nil` when there is none to show.
  var defaultDescription: String? { get }
  /// The accepted range as shown in help ("from 100 to 10000000"), or
  /// `nil` when the value's type alone limits it.
  var rangeDescription: String? { get }
  /// Whether the command line must give the option.
  var isRequired: Bool { get }

  /// Parses the option's value.
  ///
  /// - Parameter text: The value as typed.
  /// - Returns: The typed value.
  /// - Throws: A ``UsageError`` naming the option and what was expected.
  func parseValue(_ text: String) throws(UsageError) -> any Sendable
}

extension OptionDeclaration {
  /// No range by default: most options take any value of their type.
  package var rangeDescription: String? { nil }

  /// Whether the option is a flag, present or absent, with no value.
  package var isFlag: Bool { valueName == nil }

  /// The option as written in a synopsis: `--name <value>` or `--name`.
  package var synopsis: String {
    valueName.map { "--\(name) <\($0)>" } ?? "--\(name)"
  }
}
