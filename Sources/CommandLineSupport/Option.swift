import F1KitSupport

/// A named option that takes one value of a given type: `--name value` or
/// `--name=value`.
///
/// The declaration carries everything about the option: its value type, how
/// to parse it, its default and its allowed values. Declare it once, list it
/// in the command's configuration and read it back with
/// ``ParsedValues/subscript(_:)-(Option<Value>)``:
///
/// ```swift
/// static let digits = Option<Int>(
///   name: "digits", help: "Decimal places in the text report.", default: 4, in: 0...17)
/// ...
/// let digits = values[Self.digits]  // an Int, 4 when not given
/// ```
///
/// Giving a single-value option twice is a usage error.
package struct Option<Value: Sendable>: OptionDeclaration {
  package let name: String
  package let valueName: String?
  package let abstract: String
  package let allowedValues: [String]?
  package let defaultDescription: String?
  package let rangeDescription: String?
  /// The value when the option is not given, or `nil` for a required option.
  package let defaultValue: Value?
  /// Completes "expected …" in the error for an invalid value.
  package let expectation: String
  private let convert: @Sendable (String) -> Value?
  /// What to do instead, for a value `convert` refused, or `nil`.
  private let hint: (@Sendable (String) -> String?)?

  package var shortName: Character? { nil }
  package var isRequired: Bool { defaultValue == nil }

  /// Creates an option with its own parser.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  ///   - defaultValue: The value when the option is not given; `nil` makes
  ///     the option required.
  ///   - defaultDescription: The default as shown in help.
  ///   - allowedValues: Every accepted value, shown in help.
  ///   - rangeDescription: The accepted range, shown in help.
  ///   - expectation: Completes "expected …" in errors.
  ///   - convert: Turns the typed text into a value, or `nil` when invalid.
  ///   - hint: For a value `convert` refused, what to write instead (added
  ///     to the error after a semicolon), or `nil`.
  package init(
    name: String, valueName: String? = nil, help: String, default defaultValue: Value?,
    defaultDescription: String? = nil, allowedValues: [String]? = nil,
    rangeDescription: String? = nil, expectation: String,
    convert: @escaping @Sendable (String) -> Value?,
    hint: (@Sendable (String) -> String?)? = nil
  ) {
    self.name = name
    self.valueName = valueName ?? name
    self.abstract = help
    self.defaultValue = defaultValue
    self.defaultDescription = defaultDescription
    self.rangeDescription = rangeDescription
    self.allowedValues = allowedValues
    self.expectation = expectation
    self.convert = convert
    self.hint = hint
  }

  package func parseValue(_ text: String) throws(UsageError) -> any Sendable {
    guard let value = convert(text) else {
      var message = "The value '\(text)' is invalid for '\(synopsis)'; expected \(expectation)"
      if let allowedValues, let suggestion = text.closestMatch(among: allowedValues) {
        message += ". Did you mean '\(suggestion)'?"
      } else if let hint = hint?(text) {
        message += "; " + hint
      }
      throw UsageError(message)
    }
    return value
  }
}

extension Option where Value: ExpressibleByArgument {
  /// Creates an option with a default; a `CaseIterable` value type lists its
  /// own allowed values.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  ///   - defaultValue: The value when the option is not given.
  package init(name: String, valueName: String? = nil, help: String, default defaultValue: Value) {
    let allowed = Value.allValueStrings
    self.init(
      name: name, valueName: valueName, help: help, default: defaultValue,
      defaultDescription: defaultValue.defaultValueDescription,
      allowedValues: allowed.isEmpty ? nil : allowed, expectation: Value.valueExpectation,
      convert: { Value(argument: $0) })
  }

  /// Creates an option the command line must give.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  package init(name: String, valueName: String? = nil, help: String) {
    let allowed = Value.allValueStrings
    self.init(
      name: name, valueName: valueName, help: help, default: nil,
      allowedValues: allowed.isEmpty ? nil : allowed, expectation: Value.valueExpectation,
      convert: { Value(argument: $0) })
  }
}

extension Option where Value: ExpressibleByArgument & Comparable {
  /// Creates an option whose value must lie in a range.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  ///   - defaultValue: The value when the option is not given.
  ///   - range: The accepted values.
  package init(
    name: String, valueName: String? = nil, help: String, default defaultValue: Value,
    in range: ClosedRange<Value>
  ) {
    self.init(
      name: name, valueName: valueName, help: help, default: defaultValue,
      defaultDescription: defaultValue.defaultValueDescription,
      rangeDescription:
        "from \(range.lowerBound.defaultValueDescription) to \(range.upperBound.defaultValueDescription)",
      expectation:
        "\(Value.valueExpectation) from \(range.lowerBound.defaultValueDescription) to \(range.upperBound.defaultValueDescription)",
      convert: { Value(argument: $0).flatMap { range.contains($0) ? $0 : nil } })
  }

  /// Creates an option whose value must be at least a minimum.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  ///   - defaultValue: The value when the option is not given.
  ///   - range: The accepted values.
  package init(
    name: String, valueName: String? = nil, help: String, default defaultValue: Value,
    in range: PartialRangeFrom<Value>
  ) {
    self.init(
      name: name, valueName: valueName, help: help, default: defaultValue,
      defaultDescription: defaultValue.defaultValueDescription,
      rangeDescription: "at least \(range.lowerBound.defaultValueDescription)",
      expectation: "\(Value.valueExpectation) from \(range.lowerBound.defaultValueDescription)",
      convert: { Value(argument: $0).flatMap { range.contains($0) ? $0 : nil } })
  }
}

extension Option {
  /// Creates an optional option: `nil` when not given.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  package init<Wrapped: ExpressibleByArgument>(
    name: String, valueName: String? = nil, help: String
  ) where Value == Wrapped? {
    let allowed = Wrapped.allValueStrings
    self.init(
      name: name, valueName: valueName, help: help, default: .some(nil),
      allowedValues: allowed.isEmpty ? nil : allowed, expectation: Wrapped.valueExpectation,
      convert: { Wrapped(argument: $0).map { .some($0) } })
  }

  /// Creates an option whose values are a library's `CaseIterable` enum,
  /// with a default.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  ///   - defaultValue: The value when the option is not given.
  package init(name: String, valueName: String? = nil, help: String, choice defaultValue: Value)
  where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    let allowed = Value.allCases.map(\.rawValue)
    self.init(
      name: name, valueName: valueName, help: help, default: defaultValue,
      defaultDescription: defaultValue.rawValue, allowedValues: allowed,
      expectation: "one of " + allowed.joined(separator: ", "),
      convert: { Value(rawValue: $0) })
  }

  /// Creates an optional option whose values are a library's `CaseIterable`
  /// enum: `nil` when not given.
  ///
  /// - Parameters:
  ///   - name: The long name, without `--`.
  ///   - valueName: The value's placeholder in help; `name` by default.
  ///   - help: One sentence for the help.
  package init<Wrapped>(name: String, valueName: String? = nil, help: String, choices: Wrapped.Type)
  where
    Value == Wrapped?, Wrapped: CaseIterable & RawRepresentable & Sendable,
    Wrapped.RawValue == String
  {
    let allowed = Wrapped.allCases.map(\.rawValue)
    self.init(
      name: name, valueName: valueName, help: help, default: .some(nil), allowedValues: allowed,
      expectation: "one of " + allowed.joined(separator: ", "),
      convert: { Wrapped(rawValue: $0).map { .some($0) } })
  }
}
