import F1KitSupport

/// A JSON document with object keys kept in the order they were given.
///
/// F1Kit's JSON output has stable keys in a documented order so people can
/// read it and tools can diff it; Foundation's serializer sorts or shuffles
/// keys and rejects NaN, which F1Kit writes as `null`.
///
/// `JSONValue` is public on purpose: composing JSON is meant for users. The
/// JSON outputs (``ClassificationMetrics/jsonDocument()`` and the
/// statistics and report modules' documents) are values a program can nest
/// in its own document, next to its run's metadata, and serialize with the
/// same key order and number format as `f1kit --format json`.
public indirect enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case integer(Int)
  /// A number; NaN and infinities are written as `null`.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep their order.
  case object([(key: String, value: JSONValue)])

  /// The document as compact or indented JSON text.
  ///
  /// - Parameter indentation: Spaces per nesting level; 0 writes one line.
  /// - Returns: The JSON text, without a trailing newline.
  public func serialized(indentation: Int = 2) -> String {
    var output = ""
    write(to: &output, indentation: indentation, depth: 0)
    return output
  }

  private func write(to output: inout String, indentation: Int, depth: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .number(let value): output += value.isFinite ? NumberText.shortest(value) : "null"
    case .string(let value): Self.writeEscaped(value, to: &output)
    case .array(let elements):
      writeContainer(
        elements.map { (nil, $0) }, brackets: ("[", "]"), to: &output,
        indentation: indentation, depth: depth)
    case .object(let members):
      writeContainer(
        members.map { ($0.key, $0.value) }, brackets: ("{", "}"), to: &output,
        indentation: indentation, depth: depth)
    }
  }

  private func writeContainer(
    _ members: [(String?, JSONValue)], brackets: (String, String), to output: inout String,
    indentation: Int, depth: Int
  ) {
    output += brackets.0
    if members.isEmpty {
      output += brackets.1
      return
    }
    // Arrays of scalars stay on one line so matrices read as rows.
    let isFlat = indentation == 0 || members.allSatisfy { $0.0 == nil && $0.1.isScalar }
    let separator = isFlat ? (indentation == 0 ? "," : ", ") : ","
    for (index, (key, value)) in members.enumerated() {
      if index > 0 { output += separator }
      if !isFlat { output += "\n" + String(repeating: " ", count: indentation * (depth + 1)) }
      if let key {
        Self.writeEscaped(key, to: &output)
        output += indentation == 0 ? ":" : ": "
      }
      value.write(to: &output, indentation: indentation, depth: depth + 1)
    }
    if !isFlat { output += "\n" + String(repeating: " ", count: indentation * depth) }
    output += brackets.1
  }

  private var isScalar: Bool {
    switch self {
    case .array(let elements):
      elements.allSatisfy { if case .array = $0 { false } else { $0.isScalar } }
    case .object: false
    default: true
    }
  }

  private static func writeEscaped(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }

  /// Compares documents member by member, keys in order.
  public static func == (left: JSONValue, right: JSONValue) -> Bool {
    left.serialized(indentation: 0) == right.serialized(indentation: 0)
  }

  /// Hashes the serialized document.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(serialized(indentation: 0))
  }
}

extension JSONValue {
  /// A document's `cautions` member, as every command's JSON writes it:
  /// an array of sentences, or no member at all when there are none.
  ///
  /// - Parameter cautions: The sentences, without a leading "Note:".
  /// - Returns: The member, or none.
  package static func cautionsMember(_ cautions: [String]) -> [(key: String, value: JSONValue)] {
    cautions.isEmpty ? [] : [("cautions", .array(cautions.map(JSONValue.string)))]
  }
}
