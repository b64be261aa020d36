import F1Kit

/// The kind of bytes a `ValueSlice` covers.
enum ValueKind: UInt8 {
  /// Bytes to take as they are: an unquoted field, or a quoted field without
  /// doubled quotes.
  case text
  /// A quoted CSV field whose doubled quotes are not yet undone.
  case escapedText
  /// A JSON string, already unescaped.
  case string
  /// A JSON number token.
  case number
  /// A JSON `true` or `false`.
  case boolean
  /// A JSON `null`.
  case null
  /// A JSON array, brackets included.
  case array
  /// A JSON object, braces included.
  case object
}

/// A value of a record as a range of the read buffer.
struct ValueSlice {
  /// The offset of the value's first byte.
  var start: Int
  /// The number of bytes.
  var count: Int
  /// What the bytes are.
  var kind: ValueKind
  /// Where the value began in the line before unescaping (for a quoted
  /// field, its opening quote).
  var origin: Int
}
