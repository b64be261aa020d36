/// What the parser and the help need to know about a positional argument.
package protocol ArgumentDeclaration: Sendable {
  /// The placeholder in help, without angle brackets.
  var name: String { get }
  /// One sentence for the help.
  var abstract: String { get }
  /// Whether the argument takes every remaining positional value.
  var isRepeating: Bool { get }
  /// Whether the argument may be left out.
  var isOptional: Bool { get }
}

/// A positional argument: one value (`String`), an optional one
/// (`String?`) or all remaining values (`[String]`).
package struct Argument<Value: Sendable>: ArgumentDeclaration {
  package let name: String
  package let abstract: String
  package let isRepeating: Bool
  package let isOptional: Bool
}

extension Argument where Value == String {
  /// Creates a required single positional argument.
  ///
  /// - Parameters:
  ///   - name: The placeholder in help.
  ///   - help: One sentence for the help.
  package init(name: String, help: String) {
    self.init(name: name, abstract: help, isRepeating: false, isOptional: false)
  }
}

extension Argument where Value == String? {
  /// Creates an optional single positional argument.
  ///
  /// - Parameters:
  ///   - name: The placeholder in help.
  ///   - help: One sentence for the help.
  package init(name: String, help: String) {
    self.init(name: name, abstract: help, isRepeating: false, isOptional: true)
  }
}

extension Argument where Value == [String] {
  /// Creates a repeating positional argument that takes at least one value.
  ///
  /// - Parameters:
  ///   - name: The placeholder in help.
  ///   - help: One sentence for the help.
  package init(name: String, help: String) {
    self.init(name: name, abstract: help, isRepeating: true, isOptional: false)
  }
}
