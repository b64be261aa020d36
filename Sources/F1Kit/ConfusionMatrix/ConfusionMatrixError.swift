/// A reason a confusion matrix cannot be built or combined.
public enum ConfusionMatrixError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A label was given twice.
  case duplicateLabel(String)
  /// A count table is not square over its labels.
  case shapeMismatch(labelCount: Int, rows: [Int])
  /// A count was negative.
  case negativeCount(Int)
  /// Gold and predicted sequences have different lengths.
  case lengthMismatch(gold: Int, predicted: Int)
  /// A cell's row or column is not an index into the labels.
  case cellOutOfRange(gold: Int, predicted: Int, labelCount: Int)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .duplicateLabel(let label):
      "label \(TerminalText.quoted(label)) is given more than once"
    case .shapeMismatch(let labelCount, let rows):
      "expected \(labelCount) rows of \(labelCount) counts, found rows of \(rows)"
    case .negativeCount(let count):
      "expected counts of zero or more, found \(count)"
    case .lengthMismatch(let gold, let predicted):
      "expected as many predictions as gold labels, found \(predicted) and \(gold)"
    case .cellOutOfRange(let gold, let predicted, let labelCount):
      "expected a cell within \(labelCount) labels, found row \(gold), column \(predicted)"
    }
  }
}
