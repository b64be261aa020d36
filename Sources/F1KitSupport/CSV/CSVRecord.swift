/// One record of a CSV text: its fields and the line it starts on.
package struct CSVRecord: Hashable, Sendable {
  /// The 1-based line the record starts on; a quoted field with line breaks
  /// makes the next record start further down.
  package var line: Int
  /// The record's fields, unquoted.
  package var fields: [String]

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - line: The 1-based line the record starts on.
  ///   - fields: The unquoted fields.
  package init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// Whether the record is a blank line: one empty, unquoted field.
  package var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
}
