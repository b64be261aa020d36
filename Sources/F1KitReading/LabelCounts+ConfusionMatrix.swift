import F1Kit

extension LabelCounts {
  /// Builds the confusion matrix of these counts.
  ///
  /// The matrix's labels are `leading` first (spelled as these labels are;
  /// see `normalizedLabel(_:)`), in the order given (including
  /// any that never occur), followed by the other labels that occur in
  /// `LabelOrdering` order; with `leading` `nil`, every label that occurs in
  /// `LabelOrdering` order.
  ///
  /// - Parameter leading: Labels to put first, or `nil`.
  /// - Returns: The confusion matrix, gold labels down and predicted across.
  /// - Throws: `ConfusionMatrixError/duplicateLabel(_:)` if `leading`
  ///   repeats a label.
  /// - Complexity: O(*k*² + *c* + *k* log *k*) for *k* labels and *c*
  ///   non-zero cells.
  public func confusionMatrix(labels leading: [String]? = nil) throws(ConfusionMatrixError)
    -> ConfusionMatrix
  {
    let occurring = Set(cells.flatMap { [$0.gold, $0.predicted] }).map { labels[$0] }
    let order = try ConfusionMatrix.labelOrder(
      naming: leading?.map(normalizedLabel), occurring: occurring)
    let positions = order.exactLabelPositions()
    var matrix = ConfusionMatrix(labels: order)
    for cell in cells {
      matrix.add(
        goldIndex: positions[ExactLabel(labels[cell.gold])]!,
        predictedIndex: positions[ExactLabel(labels[cell.predicted])]!,
        count: cell.count)
    }
    return matrix
  }
}

extension PredictionReader {
  /// Reads the file's confusion matrix: ``readCounts()`` followed by
  /// ``LabelCounts/confusionMatrix(labels:)`` with the options' labels first.
  ///
  /// - Returns: The confusion matrix, gold labels down and predicted across.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed.
  /// - Complexity: O(*n*) time for *n* bytes; O(*k*²) memory for *k* labels.
  public func readConfusionMatrix() throws(PredictionFileError) -> ConfusionMatrix {
    let counts = try readCounts()
    do {
      return try counts.confusionMatrix(labels: options.labels)
    } catch {
      throw PredictionFileError(path: path, reason: .invalidOptions(error.description))
    }
  }
}
