/// How a bootstrap draws a resample of *N* items.
///
/// Both strategies draw from exactly the same distribution; they differ
/// only in cost. Resampling *N* items with replacement and counting them
/// into cells gives a multinomial draw of *N* over the cells, with each
/// cell's probability its share of the items.
public enum ResamplingStrategy: String, CaseIterable, Hashable, Sendable {
  /// Chooses ``cells`` unless the non-empty cells are so many that drawing
  /// the items is cheaper: ``items`` when
  /// ``cellCostInItems`` × non-empty cells > *N*.
  case automatic
  /// Draws the multinomial directly, one exact binomial per non-empty cell
  /// (conditional on the cells before it). Costs O(cells) per resample,
  /// whatever the number of items.
  case cells
  /// Draws *N* items uniformly with replacement and counts them. Costs
  /// O(*N*) per resample.
  case items

  /// How many item draws one binomial draw costs, roughly; ``automatic``
  /// compares cells × this with the number of items.
  public static let cellCostInItems = 8

  /// The strategy ``automatic`` stands for, given the data's shape.
  ///
  /// - Parameters:
  ///   - nonEmptyCells: The number of cells with at least one item.
  ///   - items: The number of items *N*.
  /// - Returns: ``cells`` or ``items``; the strategy itself when it is not
  ///   ``automatic``.
  public func resolved(nonEmptyCells: Int, items: Int) -> ResamplingStrategy {
    guard self == .automatic else { return self }
    return nonEmptyCells * Self.cellCostInItems > items ? .items : .cells
  }
}
