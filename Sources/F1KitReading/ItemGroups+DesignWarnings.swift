extension ItemGroups {
  /// Warnings about groups that are probably not what `--group-column`
  /// was meant to name: groups of one item each, which make resampling
  /// groups resampling items (an item-id column named as the groups), and
  /// groups named by numbers with fractional parts, which a measured value
  /// such as a similarity or a score has and a query, premise or document
  /// id does not.
  ///
  /// Neither changes a number: groups of one item give the item-level
  /// intervals and tests, and a measured value is a grouping like any
  /// other. But both mean the intervals do not allow for the groups the
  /// user had in mind, so they are said rather than passed over.
  ///
  /// - Parameters:
  ///   - column: The group column, as given to `--group-column`.
  ///   - file: The file the groups were read from, as the user wrote it.
  /// - Returns: One sentence per warning, without a leading "warning:".
  /// - Complexity: O(*n* + *g*) for *n* items and *g* groups.
  public func designWarnings(column: String, file: String) -> [String] {
    var warnings: [String] = []
    let itemCount = codes.count
    if itemCount > 1, values.count == itemCount {
      warnings.append(
        "every one of the \(itemCount) groups of --group-column \"\(column)\" in \(file) holds one item, so resampling groups is resampling items and the groups change nothing: if the items come in groups (pairs that share a query, premise or document), name the column that says so, or leave --group-column out"
      )
    }
    if let examples = fractionalNumberExamples() {
      warnings.append(
        "the groups of --group-column \"\(column)\" in \(file) are numbers with fractional parts (\(examples), …), as a measured value such as a similarity or a score has: a group gathers items that belong together (a shared query, premise or document), and a measured value gathers items that merely have equal values; if the column is a feature, name the column that says which items belong together"
      )
    }
    return warnings
  }

  /// Up to two group values with fractional parts, quoted and separated
  /// by a comma, when every group value is a finite decimal number and at
  /// least one is not a whole number; `nil` otherwise.
  private func fractionalNumberExamples() -> String? {
    var fractional: [String] = []
    for value in values {
      guard let number = Self.decimalNumber(value) else { return nil }
      if number.rounded() != number, fractional.count < 2 { fractional.append("\"\(value)\"") }
    }
    return fractional.isEmpty ? nil : fractional.joined(separator: ", ")
  }

  /// The value of a plain decimal number (digits, at most one point, an
  /// optional sign and exponent); `nil` for anything else, such as
  /// `nan`, `inf` or hexadecimal, which Swift's `Double(_:)` also reads.
  private static func decimalNumber(_ text: String) -> Double? {
    guard let first = text.utf8.first,
      first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
      !text.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") }),
      let number = Double(text), number.isFinite
    else { return nil }
    return number
  }
}
