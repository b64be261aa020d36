/// A reason a training log cannot be read.
public struct TrainingLogError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// The file could not be opened or is not UTF-8.
    case cannotRead(String)
    /// The file has no header row.
    case empty
    /// The header lacks a required column.
    case missingColumn(String)
    /// A row has a different number of fields from the header.
    case fieldCount(expected: Int, found: Int)
    /// A field is not a number.
    case notANumber(column: String, text: String)
    /// The header has no metric column after `epoch` and `steps`.
    case noMetricColumns
    /// The file is longer than a training log can be (a stream such as
    /// `/dev/zero`, or another file named by mistake), in bytes.
    case tooLong(byteLimit: Int)
    /// A quote is misplaced, at a 1-based column of the line; `expected`
    /// says what RFC 4180 wants there.
    case malformedCSV(column: Int, expected: String)
  }

  /// The file, as the user named it.
  public var path: String
  /// The 1-based line of the problem, if it is on a line.
  public var line: Int?
  /// What went wrong.
  public var reason: Reason

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - line: The 1-based line, if any.
  ///   - reason: What went wrong.
  public init(path: String, line: Int? = nil, reason: Reason) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  /// One line: `log.csv:3: expected a number in column "accuracy", found "x"`.
  public var description: String {
    let location = path + (line.map { ":\($0)" } ?? "")
    switch reason {
    case .cannotRead(let detail): return "\(location): cannot read the training log: \(detail)"
    case .empty:
      return "\(location): expected a header row 'epoch,steps,<metrics>', found an empty file"
    case .missingColumn(let name):
      return
        "\(location): expected a column named \"\(name)\" in the header 'epoch,steps,<metrics>'"
    case .fieldCount(let expected, let found):
      return "\(location): expected \(expected) fields as in the header, found \(found)"
    case .notANumber(let column, let text):
      return "\(location): expected a number in column \"\(column)\", found \"\(text)\""
    case .noMetricColumns:
      return "\(location): expected at least one metric column after epoch and steps"
    case .malformedCSV(let column, let expected):
      return "\(location):\(column): expected \(expected)"
    case .tooLong(let byteLimit):
      return
        "\(location): expected a training log (one row per evaluation), found more than \(byteLimit >> 20) MiB"
    }
  }
}
