extension PairedPredictions {
  /// The same items with the two models exchanged: each cell's first and
  /// second predictions swapped, in the cells' canonical order.
  var exchanged: PairedPredictions {
    // The cells are valid already, so the initializer cannot throw.
    (try? PairedPredictions(
      classCount: classCount,
      cells: cells.map {
        Cell(gold: $0.gold, first: $0.second, second: $0.first, weight: $0.weight, count: $0.count)
      })) ?? self
  }

  /// Whether the resampling runs on the models exchanged, so that swapping
  /// the two models gives the exact mirror image of every resampled number.
  ///
  /// The resampling runs on whichever of these cells and their
  /// ``exchanged`` cells comes first, compared cell by cell (gold, first,
  /// second, weight, count). Both orders of the same two models pick the
  /// same cells, so they draw the same resamples and swaps, and their
  /// differences are negatives of each other. When the cells equal their
  /// exchanged cells (identical models, or disagreements that balance cell
  /// by cell), both orders are the same data and give the same numbers.
  var resamplesExchanged: Bool {
    let other = exchanged.cells
    for (cell, swapped) in zip(cells, other) where cell != swapped {
      return (swapped.gold, swapped.first, swapped.second, swapped.weight, swapped.count)
        < (cell.gold, cell.first, cell.second, cell.weight, cell.count)
    }
    return false
  }
}
