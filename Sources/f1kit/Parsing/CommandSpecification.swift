/// What a command accepts, used both to parse its arguments and to print its
/// help in swift-argument-parser's layout.
struct CommandSpecification: Sendable {
  /// A positional argument.
  struct Argument: Sendable {
    var name: String
    var help: String
    var isRepeating = false
    var isOptional = false
  }

  /// A named option (`--name <value>`) or flag (`--name`).
  struct Option: Sendable {
    var name: String
    var shortName: Character? = nil
    /// The placeholder of the option's value, or `nil` for a flag.
    var valueName: String?
    var help: String
    var allowedValues: [String]? = nil
    var defaultValue: String? = nil

    var isFlag: Bool { valueName == nil }

    /// A flag: present or absent.
    static func flag(_ name: String, short: Character? = nil, help: String) -> Option {
      Option(name: name, shortName: short, valueName: nil, help: help)
    }

    /// An option that takes a value.
    static func value(
      _ name: String, _ valueName: String, help: String, allowed: [String]? = nil,
      default defaultValue: String? = nil
    ) -> Option {
      Option(
        name: name, valueName: valueName, help: help, allowedValues: allowed,
        defaultValue: defaultValue)
    }
  }

  var name: String
  var abstract: String
  var discussion: String? = nil
  var arguments: [Argument] = []
  var options: [Option] = []
  var isDefault = false

  /// The command's name as typed, such as `f1kit evaluate`.
  var commandName: String { name.isEmpty ? "f1kit" : "f1kit \(name)" }

  /// The synopsis line: the command, its arguments and its options.
  var usage: String { usageParts.joined(separator: " ") }

  /// The synopsis's parts, each of which stays on one line when wrapped.
  var usageParts: [String] {
    var parts = [commandName]
    for argument in arguments {
      var text = "<\(argument.name)>"
      if argument.isRepeating { text += " ..." }
      if argument.isOptional { text = "[\(text)]" }
      parts.append(text)
    }
    for option in options {
      let text = option.isFlag ? "--\(option.name)" : "--\(option.name) <\(option.valueName!)>"
      parts.append("[\(text)]")
    }
    return parts
  }
}
