/// How a bootstrap draws a resample of *N* items.
///
/// Both strategies draw from exactly the same distribution; they differ
/// only in cost. Resampling *N* items with replacement and counting them
/// into cells gives a multinomial draw of *N* over the cells, with each
/// cell's probability its share of the items.
public enum ResamplingStrategy: String, CaseIterable, Hashable, Sendable {
  /// Chooses ``cells`` unless the non-empty cells are so many that drawing
  /// the items is cheaper: ``items`` when 40 × non-empty cells > *N* (one
  /// binomial draw costs about 40 item draws).
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
  ///
  /// Measured in release builds on x86-64: an item draw costs about 2–3 ns
  /// and a conditional binomial 40–160 ns (more for large counts), so one
  /// cell costs 25–80 items; 40 is in the middle. With 3 classes (9 cells)
  /// the multinomial is cheaper from about 360 items on; with 3 classes and
  /// two models (at most 27 joint cells), from about 1,100.
  package static let cellCostInItems = 40

  /// The strategy ``automatic`` stands for, given the data's shape.
  ///
  /// - Parameters:
  ///   - nonEmptyCells: The number of cells with at least one item.
  ///   - items: The number of items *N*.
  /// - Returns: ``cells`` or ``items``; the strategy itself when it is not
  ///   ``automatic``.
  package func resolved(nonEmptyCells: Int, items: Int) -> ResamplingStrategy {
    guard self == .automatic else { return self }
    return nonEmptyCells * Self.cellCostInItems > items ? .items : .cells
  }
}
