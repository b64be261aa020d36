import F1Kit

extension LabelSetReader {
  /// Reads the sample weight of every record, in file order, for commands
  /// that read the labels with ``PredictionReader`` and the weights beside
  /// them (`compare`, `report` and `gate` with `--weight-column`).
  ///
  /// The gold and prediction cells are not parsed, so any label (a set
  /// included) is accepted here; the label reader checks them.
  ///
  /// - Returns: One weight per record.
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, a missing weight column, a negative, NaN or infinite
  ///   weight (naming its line), or weights that sum to zero.
  /// - Complexity: O(*n*) time for *n* bytes; O(*r*) memory for *r*
  ///   records.
  public func readWeights() throws(PredictionFileError) -> [Double] {
    let walker = try LabelSetWalker(path: path, options: options)
    var weights: [Double] = []
    var total = 0.0
    try walker.walk { record throws(PredictionFileError) in
      let weight = try record.weight() ?? 1
      weights.append(weight)
      total += weight
    }
    try walker.checkTotalWeight(total)
    return weights
  }
}
