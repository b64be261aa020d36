import Foundation

/// Help text in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS,
/// OPTIONS (and SUBCOMMANDS for the tool itself), wrapped at 80 columns.
enum HelpFormatter {
  static let labelColumn = 26
  static let lineWidth = 80

  static func help(for command: CommandSpecification) -> String {
    var text = wrap("OVERVIEW: \(command.abstract)", indent: 0, hangingIndent: 0) + "\n\n"
    if let discussion = command.discussion {
      text += wrap(discussion, indent: 0, hangingIndent: 0) + "\n\n"
    }
    text += usage(command) + "\n\n"
    if !command.arguments.isEmpty {
      text += "ARGUMENTS:\n"
      for argument in command.arguments {
        text += entry(label: "<\(argument.name)>", help: argument.help)
      }
      text += "\n"
    }
    text += "OPTIONS:\n"
    for option in command.options {
      text += entry(label: label(for: option), help: helpText(for: option))
    }
    text += entry(label: "--version", help: "Show the version.")
    text += entry(label: "-h, --help", help: "Show help information.")
    return text + "\n"
  }

  static func rootHelp(
    abstract: String, subcommands: [CommandSpecification]
  ) -> String {
    var text = wrap("OVERVIEW: \(abstract)", indent: 0, hangingIndent: 0)
    text += "\n\nUSAGE: f1kit <subcommand>\n\nOPTIONS:\n"
    text += entry(label: "--version", help: "Show the version.")
    text += entry(label: "-h, --help", help: "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in subcommands {
      text += entry(
        label: command.name + (command.isDefault ? " (default)" : ""), help: command.abstract)
    }
    text += "\n  See 'f1kit help <subcommand>' for detailed help.\n"
    return text
  }

  /// The usage line, wrapped between options rather than inside one.
  static func usage(_ command: CommandSpecification) -> String {
    let unbreakable = command.usageParts.map { $0.replacingOccurrences(of: " ", with: "\u{A0}") }
    let wrapped = wrap("USAGE: " + unbreakable.joined(separator: " "), indent: 0, hangingIndent: 2)
    return wrapped.replacingOccurrences(of: "\u{A0}", with: " ")
  }

  private static func label(for option: CommandSpecification.Option) -> String {
    var label = option.shortName.map { "-\($0), " } ?? ""
    label += "--\(option.name)"
    if let valueName = option.valueName { label += " <\(valueName)>" }
    return label
  }

  private static func helpText(for option: CommandSpecification.Option) -> String {
    var notes: [String] = []
    if let allowed = option.allowedValues {
      notes.append("values: " + allowed.joined(separator: ", "))
    }
    if let defaultValue = option.defaultValue { notes.append("default: \(defaultValue)") }
    return notes.isEmpty ? option.help : "\(option.help) (\(notes.joined(separator: "; ")))"
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
  static func wrap(_ text: String, indent: Int, hangingIndent: Int) -> String {
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
