import F1Kit

/// How to read a prediction file whose cells may hold label sets, or whose
/// rows carry sample weights.
///
/// The columns, format and label order come from ``PredictionFileOptions``;
/// this adds what multilabel and weighted files need.
public struct LabelSetOptions: Hashable, Sendable {
  /// The file format, the gold and prediction columns, per-label score
  /// columns (``PredictionFileOptions/scoreColumns``) and the labels.
  public var file: PredictionFileOptions
  /// What separates labels in a cell, such as `a|b`; a cell that starts
  /// with `[` is read as a JSON array instead, and an empty cell is the
  /// empty set.
  public var separator: String
  /// The column of sample weights, or `nil` for unweighted items.
  public var weightColumn: String?
  /// The cut-offs of the score columns: one for every label, or one per
  /// score column in order. A label is predicted when its score is at least
  /// its threshold.
  public var thresholds: [Double]
  /// Whether cells hold label sets (multilabel) rather than single labels.
  public var isMultilabel: Bool

  /// Creates options.
  ///
  /// - Parameters:
  ///   - file: The columns, format and labels.
  ///   - separator: What separates labels in a cell; not empty.
  ///   - weightColumn: The column of sample weights, if any.
  ///   - thresholds: One threshold, or one per score column.
  ///   - isMultilabel: Whether cells hold label sets.
  public init(
    file: PredictionFileOptions = PredictionFileOptions(), separator: String = "|",
    weightColumn: String? = nil, thresholds: [Double] = [0.5], isMultilabel: Bool = true
  ) {
    self.file = file
    self.separator = separator
    self.weightColumn = weightColumn
    self.thresholds = thresholds
    self.isMultilabel = isMultilabel
  }
}
