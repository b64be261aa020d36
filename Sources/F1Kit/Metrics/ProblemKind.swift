/// Whether a problem has one positive label of interest or several classes.
public enum ProblemKind: String, CaseIterable, Hashable, Sendable, Codable {
  /// Two labels, one of them positive; binary precision, recall and F1 are
  /// reported for the positive label and binary F1 is the primary metric.
  case binary
  /// Any number of labels, all of equal interest; macro-F1 is the primary
  /// metric.
  case multiclass
}
