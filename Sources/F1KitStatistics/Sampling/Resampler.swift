/// Draws bootstrap resamples of a table of counts: how many of the *N*
/// items fall in each non-empty cell.
///
/// Cells that are empty stay empty in every resample, so only the non-empty
/// ones are given. A resample is either an exact multinomial draw over those
/// cells by conditional binomials, or *N* uniform item draws, as the
/// ``ResamplingStrategy`` says — resolved from the number of non-empty
/// cells, never from the size of the table they come from; the two have the
/// same distribution.
struct Resampler: Sendable {
  /// For each drawn cell, its index in the counts the resampler was made
  /// from.
  let cellIndices: [Int]
  /// The count of each drawn cell.
  let counts: [Int]
  /// The number of items *N*.
  let total: Int
  /// ``ResamplingStrategy/cells`` or ``ResamplingStrategy/items``.
  let strategy: ResamplingStrategy
  /// For item resampling: the drawn cell of each item.
  private let itemCells: [Int32]

  /// Prepares to resample non-empty cells.
  ///
  /// - Parameters:
  ///   - cellCounts: The count of each non-empty cell, in table order
  ///     (row-major for a confusion matrix); zero counts are skipped.
  ///   - strategy: The strategy asked for; ``ResamplingStrategy/automatic``
  ///     is resolved here.
  /// - Complexity: O(*c* log *c*) for *c* cells, plus O(*N*) for item
  ///   resampling.
  init(cellCounts: [Int], strategy: ResamplingStrategy) {
    let nonEmpty = cellCounts.indices.filter { cellCounts[$0] > 0 }
    // Largest cells first: the remaining items shrink fastest, so later
    // conditional binomials are more often trivial. Ties keep table order,
    // so the draws for a seed do not depend on the sort algorithm.
    let order = nonEmpty.sorted {
      cellCounts[$0] != cellCounts[$1] ? cellCounts[$0] > cellCounts[$1] : $0 < $1
    }
    self.cellIndices = order
    self.counts = order.map { cellCounts[$0] }
    self.total = counts.reduce(0, +)
    self.strategy = strategy.resolved(nonEmptyCells: counts.count, items: total)
    if self.strategy == .items {
      var itemCells: [Int32] = []
      itemCells.reserveCapacity(total)
      for (cell, count) in self.counts.enumerated() {
        itemCells.append(contentsOf: repeatElement(Int32(cell), count: count))
      }
      self.itemCells = itemCells
    } else {
      self.itemCells = []
    }
  }

  /// Writes one resample's count for each drawn cell.
  ///
  /// - Parameters:
  ///   - draws: One slot per cell of ``counts``, overwritten.
  ///   - generator: The source of randomness.
  /// - Complexity: O(cells) for cell resampling, O(*N*) for item
  ///   resampling; no allocation.
  func draw(
    into draws: UnsafeMutableBufferPointer<Int>, using generator: inout some RandomNumberGenerator
  ) {
    switch strategy {
    case .items:
      for cell in draws.indices { draws[cell] = 0 }
      itemCells.withUnsafeBufferPointer { itemCells in
        let upperBound = UInt64(itemCells.count)
        for _ in 0..<itemCells.count {
          let item = Int(generator.next(upperBound: upperBound))
          draws[Int(itemCells[item])] += 1
        }
      }
    default:
      var remainingItems = total
      var remainingWeight = total
      for cell in counts.indices {
        let count = counts[cell]
        if remainingItems == 0 || cell == counts.count - 1 {
          draws[cell] = remainingItems
          remainingItems = 0
          continue
        }
        let drawn = BinomialSampler.sample(
          trials: remainingItems, probability: Double(count) / Double(remainingWeight),
          using: &generator)
        draws[cell] = drawn
        remainingItems -= drawn
        remainingWeight -= count
      }
    }
  }
}
