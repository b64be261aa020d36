/// How per-class scores are combined into one number.
public enum Average: String, CaseIterable, Hashable, Sendable {
  /// The score of the positive label alone.
  case binary
  /// The score of the pooled true positives, predictions and occurrences of
  /// every evaluated class; equals accuracy when every class is evaluated.
  case micro
  /// The unweighted mean of the per-class scores, so every class counts the
  /// same however rare it is.
  case macro
  /// The mean of the per-class scores weighted by support, so frequent
  /// classes dominate.
  case weighted
}
