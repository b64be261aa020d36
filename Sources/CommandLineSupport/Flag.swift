/// A named flag, present or absent: `--name` or its short form `-n`.
///
/// Read it back with ``ParsedValues/subscript(_:)-(Flag)``, which is `true`
/// when the flag was given. Giving a flag twice is harmless.
package struct Flag: OptionDeclaration {
  package let name: String
  package let shortName: Character?
  package let abstract: String

  package var valueName: String? { nil }
  package var allowedValues: [String]? { nil }
  package var defaultDescription: String? { nil }
  package var isRequired: Bool { false }

  /// Creates a flag.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - shortName: The one-letter name, without `-`.
  ///   - help: One sentence for the help.
  package init(name: String, shortName: Character? = nil, help: String) {
    self.name = name
    self.shortName = shortName
    self.abstract = help
  }

  package func parseValue(_ text: String) throws(UsageError) -> any Sendable {
    throw UsageError("The flag '--\(name)' does not take a value")
  }
}
