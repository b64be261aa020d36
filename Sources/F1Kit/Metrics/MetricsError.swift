/// A reason a set of predictions cannot be scored as asked.
public enum MetricsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The evaluated labels are empty.
  case noLabels
  /// A label was named twice.
  case duplicateLabel(String)
  /// A binary problem was asked for with a number of labels other than two.
  case binaryNeedsTwoLabels([String])
  /// The positive label is not one of the evaluated labels.
  case unknownPositiveLabel(String, labels: [String])
  /// A positive label was given for a problem that is not binary.
  case positiveLabelNeedsBinaryProblem(String, labels: [String])
  /// The F-beta's beta is negative, infinite or not a number.
  case invalidBeta(Double)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .noLabels:
      return "expected at least one label to evaluate, found none"
    case .duplicateLabel(let label):
      return "label \"\(label)\" is given more than once"
    case .binaryNeedsTwoLabels(let labels):
      return
        "a binary problem needs exactly two labels, found \(labels.count): \(Self.list(labels))"
    case .unknownPositiveLabel(let label, let labels):
      return "positive label \"\(label)\" is not one of the labels \(Self.list(labels))"
    case .positiveLabelNeedsBinaryProblem(let label, let labels):
      return
        "positive label \"\(label)\" applies to binary problems, but there are \(labels.count) labels: \(Self.list(labels))"
    case .invalidBeta(let beta):
      return "expected a finite beta of at least 0, found \(beta)"
    }
  }

  private static func list(_ labels: [String]) -> String {
    let shown = labels.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ")
    return labels.count > 10 ? shown + ", …" : shown
  }
}
