import F1Kit

/// A reason joint counts cannot be made or added up.
public enum JointCountsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A cell has a different number of predictions than there are models.
  case wrongPredictionCount(expected: Int, found: Int)
  /// A label code is not an index into the labels.
  case codeOutOfRange(Int, labelCount: Int)
  /// A cell's count is negative.
  case negativeCount(Int)
  /// The counts add up to more than ``LabelCounts/maximumTotalCount``.
  case countOverflow
  /// Two shards name their gold or prediction columns differently.
  case differentColumns(
    first: String, firstColumns: [String], other: String, otherColumns: [String])

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .wrongPredictionCount(let expected, let found):
      "expected \(expected) predictions in each cell (one per model), found \(found)"
    case .codeOutOfRange(let code, let labelCount):
      "expected label codes from 0 to \(labelCount - 1), found \(code)"
    case .negativeCount(let count):
      "expected counts of 0 or more, found \(count)"
    case .countOverflow:
      "the counts add up to more than 2^53 items, the most that are counted exactly"
    case .differentColumns(let first, let firstColumns, let other, let otherColumns):
      "\(other): expected the columns of \(first) (\(Self.list(firstColumns))), found \(Self.list(otherColumns)); shards must agree on their gold and prediction columns"
    }
  }

  private static func list(_ columns: [String]) -> String {
    columns.map { TerminalText.quoted($0) }.joined(separator: ", ")
  }
}
