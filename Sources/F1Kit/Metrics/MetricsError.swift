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
  /// The F-beta's beta is negative or not a number, or its square is not
  /// finite.
  case invalidBeta(Double)
  /// Gold sets, predicted sets and weights differ in number.
  case lengthMismatch(gold: Int, predicted: Int, weights: Int?)
  /// A sample weight is negative, NaN or infinite; `item` counts from 0.
  case invalidWeight(Double, item: Int)
  /// Every sample weight is zero, so no metric is defined.
  case zeroTotalWeight
  /// None of the labels to evaluate (`named`) is a gold label (`gold`), so
  /// every score would be 0 or undefined: as scikit-learn's
  /// `confusion_matrix` refuses, "at least one label specified must be in
  /// y_true".
  case noNamedLabelInGold(named: [String], gold: [String])
  /// A label to evaluate occurs nowhere, while a label spelled the same
  /// but for letter case or surrounding spaces (`--labels "neg, neu"`)
  /// does, and is not named: a typo that would drop that class from every
  /// average.
  case namedLabelMisspelt(String, occurring: String)

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
      let problem =
        "positive label \(TerminalText.quoted(label)) applies to binary problems, but there \(labels.count == 1 ? "is 1 label" : "are \(labels.count) labels"): \(Self.list(labels))"
      guard labels.count == 1 else { return problem }
      // A slice with one class: scikit-learn's binary F1 with a pos_label
      // the slice lacks is 0.0; naming both labels asks for the same.
      let labelsOption =
        labels[0] == label ? "--labels NEGATIVE,\(label)" : "--labels \(labels[0]),\(label)"
      return problem
        + "; to score it as scikit-learn's f1_score(pos_label=\(TerminalText.quoted(label))) does, name both labels: \(labelsOption) --positive \(label)"
    case .positiveLabelNeeded(let labels):
      return
        "cannot tell which of \(Self.list(labels, conjunction: "and")) is the positive label; name it with --positive"
    case .invalidBeta(let beta):
      return "expected a beta of at least 0 whose square is finite, found \(beta)"
    case .lengthMismatch(let gold, let predicted, let weights):
      return
        "expected one prediction\(weights == nil ? "" : " and one weight") per gold item, found \(gold) gold, \(predicted) predicted\(weights.map { " and \($0) weights" } ?? "")"
    case .invalidWeight(let weight, let item):
      return "expected a finite sample weight of at least 0, found \(weight) for item \(item + 1)"
    case .zeroTotalWeight:
      return "the sample weights sum to zero, so no metric is defined"
    case .noNamedLabelInGold(let named, let gold):
      let names =
        named.allSatisfy(\.isEmpty)
        ? "only an empty label (an unset shell variable?)" : Self.list(named)
      return
        "none of the labels to evaluate (--labels) is a gold label, so every score would be 0: it names \(names); the gold labels are \(Self.list(gold))"
    case .namedLabelMisspelt(let named, let occurring):
      return
        "the labels to evaluate (--labels) name \(TerminalText.quoted(named)), which no item has, and leave out \(TerminalText.quoted(occurring)), which items have; labels match by exact spelling"
        + (named.first?.isWhitespace == true || named.last?.isWhitespace == true
          ? ", spaces included: leave out the spaces after the commas (--labels a,b,c)" : "")
    }
  }

  private static func list(_ labels: [String], conjunction: String? = nil) -> String {
    TerminalText.list(labels, conjunction: conjunction)
  }
}
