/// A type whose values can be read from one command-line argument, as in
/// swift-argument-parser.
package protocol ExpressibleByArgument: Sendable {
  /// Creates a value from an argument, or `nil` when the text is not one.
  ///
  /// - Parameter argument: The text as typed.
  init?(argument: String)

  /// The value as shown after `default:` in help.
  var defaultValueDescription: String { get }

  /// Every accepted spelling, for types with a closed set of values;
  /// empty otherwise.
  static var allValueStrings: [String] { get }

  /// What a valid value looks like, completing "expected …" in errors.
  static var valueExpectation: String { get }
}

extension ExpressibleByArgument {
  package var defaultValueDescription: String { "\(self)" }
  package static var allValueStrings: [String] { [] }
}

extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
  package init?(argument: String) { self.init(rawValue: argument) }
  package var defaultValueDescription: String { rawValue }
  package static var allValueStrings: [String] { allCases.map(\.rawValue) }
  package static var valueExpectation: String {
    "one of " + allValueStrings.joined(separator: ", ")
  }
}

extension String: ExpressibleByArgument {
  package init?(argument: String) { self = argument }
  package static var valueExpectation: String { "some text" }
}

extension Int: ExpressibleByArgument {
  package init?(argument: String) { self.init(argument) }
  package static var valueExpectation: String { "a whole number" }
}

extension UInt64: ExpressibleByArgument {
  package init?(argument: String) { self.init(argument) }
  package static var valueExpectation: String { "a whole number from 0 to \(UInt64.max)" }
}

extension Double: ExpressibleByArgument {
  package init?(argument: String) {
    guard let value = Double(argument), value.isFinite else { return nil }
    self = value
  }
  package static var valueExpectation: String { "a number" }
}
