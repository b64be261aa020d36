/// Help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS,
/// OPTIONS (and SUBCOMMANDS for a tool), wrapped at 80 columns.
package enum HelpFormatter {
  /// The column where option descriptions start.
  package static let labelColumn = 26
  /// Lines are shorter than this.
  package static let lineWidth = 80

  /// A command's full help.
  ///
  /// - Parameters:
  ///   - configuration: The command.
  ///   - commandName: The command as typed, such as `f1kit evaluate`.
  ///   - showsVersion: Whether the tool has a `--version` to list.
  /// - Returns: The help, ending with a blank line.
  package static func help(
    for configuration: CommandConfiguration, commandName: String, showsVersion: Bool = true
  ) -> String {
    var text = wrap("OVERVIEW: \(configuration.abstract)", indent: 0, hangingIndent: 0) + "\n\n"
    if let discussion = configuration.discussion {
      text += wrap(discussion, indent: 0, hangingIndent: 0) + "\n\n"
    }
    text += "USAGE: " + usage(for: configuration, commandName: commandName, wrapped: true)
    text += "\n\n"
    if !configuration.arguments.isEmpty {
      text += "ARGUMENTS:\n"
      for argument in configuration.arguments {
        text += entry(label: "<\(argument.name)>", help: argument.abstract)
      }
      text += "\n"
    }
    text += "OPTIONS:\n"
    for option in configuration.options {
      text += entry(label: label(for: option), help: helpText(for: option))
    }
    if showsVersion { text += entry(label: "--version", help: "Show the version.") }
    text += entry(label: "-h, --help", help: "Show help information.")
    return text + "\n"
  }

  /// A tool's help, listing its subcommands.
  ///
  /// - Parameters:
  ///   - toolName: The tool's name, such as `f1kit`.
  ///   - abstract: One sentence about the tool.
  ///   - subcommands: The subcommands, in the order to list them.
  /// - Returns: The help.
  package static func rootHelp(
    toolName: String, abstract: String, subcommands: [CommandConfiguration]
  ) -> String {
    var text = wrap("OVERVIEW: \(abstract)", indent: 0, hangingIndent: 0)
    text += "\n\nUSAGE: \(toolName) <subcommand>\n\nOPTIONS:\n"
    text += entry(label: "--version", help: "Show the version.")
    text += entry(label: "-h, --help", help: "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in subcommands {
      text += entry(label: command.name, help: command.abstract)
    }
    text += "\n  See '\(toolName) help <subcommand>' for detailed help.\n"
    return text
  }

  /// The synopsis: the command, its arguments and its options.
  ///
  /// - Parameters:
  ///   - configuration: The command.
  ///   - commandName: The command as typed.
  ///   - wrapped: Whether to wrap at 80 columns (after `USAGE: `) between
  ///     parts, never inside one.
  /// - Returns: The synopsis, without a `USAGE: ` prefix.
  package static func usage(
    for configuration: CommandConfiguration, commandName: String, wrapped: Bool = false
  ) -> String {
    let parts = usageParts(for: configuration, commandName: commandName)
    guard wrapped else { return parts.joined(separator: " ") }
    let unbreakable = parts.map { $0.replacing(" ", with: "\u{A0}") }
    let text = wrap("USAGE: " + unbreakable.joined(separator: " "), indent: 0, hangingIndent: 2)
    return String(text.dropFirst("USAGE: ".count)).replacing("\u{A0}", with: " ")
  }

  /// The short synopsis an error shows: the command, its arguments, its
  /// required options and `[<options>]` for the rest.
  ///
  /// - Parameters:
  ///   - configuration: The command.
  ///   - commandName: The command as typed.
  /// - Returns: The synopsis, without a `Usage: ` prefix.
  package static func shortUsage(for configuration: CommandConfiguration, commandName: String)
    -> String
  {
    var parts = usageParts(for: configuration, commandName: commandName).filter {
      !$0.hasPrefix("[--")
    }
    if configuration.options.contains(where: { !$0.isRequired }) { parts.append("[<options>]") }
    return parts.joined(separator: " ")
  }

  private static func usageParts(for configuration: CommandConfiguration, commandName: String)
    -> [String]
  {
    var parts = [commandName]
    for argument in configuration.arguments {
      var text = "<\(argument.name)>"
      if argument.isRepeating { text += " ..." }
      if argument.isOptional { text = "[\(text)]" }
      parts.append(text)
    }
    for option in configuration.options {
      parts.append(option.isRequired ? option.synopsis : "[\(option.synopsis)]")
    }
    return parts
  }

  private static func label(for option: any OptionDeclaration) -> String {
    var label = option.shortName.map { "-\($0), " } ?? ""
    label += option.synopsis
    return label
  }

  private static func helpText(for option: any OptionDeclaration) -> String {
    var notes: [String] = []
    if let allowed = option.allowedValues {
      notes.append("values: " + allowed.joined(separator: ", "))
    }
    if let range = option.rangeDescription { notes.append(range) }
    if let defaultValue = option.defaultDescription { notes.append("default: \(defaultValue)") }
    return notes.isEmpty ? option.abstract : "\(option.abstract) (\(notes.joined(separator: "; ")))"
  }

  private static func entry(label: String, help: String) -> String {
    let lead = "  " + label
    let body = wrap(help, indent: labelColumn, hangingIndent: labelColumn)
    if lead.count + 2 <= labelColumn {
      let padded = lead + String(repeating: " ", count: labelColumn - lead.count)
      return padded + body.dropFirst(labelColumn) + "\n"
    }
    return lead + "\n" + body + "\n"
  }

  /// Word-wraps text; the first line starts at `indent`, the rest at
  /// `hangingIndent`.
  ///
  /// - Parameters:
  ///   - text: Words separated by spaces.
  ///   - indent: The first line's indentation.
  ///   - hangingIndent: The other lines' indentation.
  /// - Returns: The wrapped lines, each shorter than ``lineWidth`` unless one
  ///   word is longer.
  package static func wrap(_ text: String, indent: Int, hangingIndent: Int) -> String {
    var lines: [String] = []
    var line = String(repeating: " ", count: indent)
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if lineHasWord && line.count + 1 + word.count >= lineWidth {
        lines.append(line)
        line = String(repeating: " ", count: hangingIndent)
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}
