extension ConfusionMatrix {
  /// Returns this matrix with rows and columns in a new label order.
  ///
  /// - Parameter order: Labels to put first, in this order; it may name
  ///   labels the matrix lacks (they get zero counts). The matrix's other
  ///   labels follow in ``LabelOrdering`` order.
  /// - Returns: A matrix over `order` followed by the remaining labels.
  /// - Throws: ``ConfusionMatrixError/duplicateLabel(_:)`` when `order`
  ///   repeats a label.
  /// - Complexity: O(*k* log *k* + *c* log *c*) for *k* labels and *c*
  ///   non-empty cells, plus O(*k*²) up to ``denseClassLimit`` labels.
  public func reordered(to order: [String]) throws(ConfusionMatrixError) -> ConfusionMatrix {
    let newLabels = try Self.labelOrder(naming: order, occurring: labels)
    if newLabels.elementsEqual(labels, by: { ExactLabel($0) == ExactLabel($1) }) {
      return self
    }
    let position = newLabels.exactLabelPositions()
    let mapping = labels.map { position[ExactLabel($0)]! }
    var result = ConfusionMatrix(labels: newLabels)
    for cell in nonEmptyCells {
      result.add(
        goldIndex: mapping[cell.gold], predictedIndex: mapping[cell.predicted], count: cell.count)
    }
    return result
  }

  /// Adds another matrix's counts to this one, matching labels by name.
  ///
  /// Counting two shards separately and merging them gives the matrix of the
  /// concatenated data, so counts made elsewhere (another machine, a
  /// database) can be combined. Labels only `other` has are appended.
  ///
  /// - Parameter other: The matrix to add.
  /// - Complexity: O(*k* + *c*) for *k* labels in the union and *c*
  ///   non-empty cells, plus O(*k*²) up to ``denseClassLimit`` labels.
  public mutating func merge(_ other: ConfusionMatrix) {
    let known = Set(labels.map(ExactLabel.init))
    let added = other.labels.filter { !known.contains(ExactLabel($0)) }
    if !added.isEmpty {
      self = try! reordered(to: labels + added)
    }
    let position = labels.exactLabelPositions()
    let mapping = other.labels.map { position[ExactLabel($0)]! }
    for cell in other.nonEmptyCells {
      add(goldIndex: mapping[cell.gold], predictedIndex: mapping[cell.predicted], count: cell.count)
    }
  }

  /// Returns the sum of two matrices, matching labels by name.
  ///
  /// - Parameters:
  ///   - left: The first matrix; its label order comes first.
  ///   - right: The matrix to add.
  /// - Returns: The matrix of both data sets together.
  public static func + (left: ConfusionMatrix, right: ConfusionMatrix) -> ConfusionMatrix {
    var sum = left
    sum.merge(right)
    return sum
  }
}
