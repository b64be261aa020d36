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
  /// A binary problem's two labels form no well-known pair (see
  /// ``PositiveLabelConvention``), so the positive label must be named.
  case positiveLabelNeeded(labels: [String])

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .noLabels:
      return "expected at least one label to evaluate, found none"
    case .duplicateLabel(let label):
      return "label \(TerminalText.quoted(label)) is given more than once"
    case .binaryNeedsTwoLabels(let labels):
      return
        "a binary problem needs exactly two labels, found \(labels.count): \(Self.list(labels))"
    case .unknownPositiveLabel(let label, let labels):
      return
        "positive label \(TerminalText.quoted(label)) is not one of the labels \(Self.list(labels))"
    case .positiveLabelNeedsBinaryProblem(let label, let labels):
      return
        "positive label \(TerminalText.quoted(label)) applies to binary problems, but there are \(labels.count) labels: \(Self.list(labels))"
    case .positiveLabelNeeded(let labels):
      return
        "cannot tell which of \(Self.list(labels, conjunction: "and")) is the positive label; name it with --positive (positiveLabel)"
    }
  }

  private static func list(_ labels: [String], conjunction: String? = nil) -> String {
    if let conjunction, labels.count == 2 {
      return "\(TerminalText.quoted(labels[0])) \(conjunction) \(TerminalText.quoted(labels[1]))"
    }
    let shown = labels.prefix(10).map { TerminalText.quoted($0) }.joined(separator: ", ")
    return labels.count > 10 ? shown + ", …" : shown
  }
}
