/// Draws bootstrap resamples of a table of counts: how many of the *N*
/// items fall in each non-empty cell.
///
/// Cells that are empty stay empty in every resample, so only the non-empty
/// ones are kept. A resample is either an exact multinomial draw over those
/// cells by conditional binomials, or *N* uniform item draws, as the
/// ``ResamplingStrategy`` says; the two have the same distribution.
struct Resampler {
  /// The index in the table of each non-empty cell.
  let positions: [Int]
  /// The count of each non-empty cell.
  let counts: [Int]
  /// The number of items *N*.
  let total: Int
  /// ``ResamplingStrategy/cells`` or ``ResamplingStrategy/items``.
  let strategy: ResamplingStrategy
  /// For item resampling: the non-empty cell of each item.
  private let itemCells: [Int32]

  /// Collects the non-empty cells of a table.
  ///
  /// - Parameters:
  ///   - table: Non-negative counts.
  ///   - strategy: The strategy asked for; ``ResamplingStrategy/automatic``
  ///     is resolved here.
  init(table: [Int], strategy: ResamplingStrategy) {
    var positions: [Int] = []
    var counts: [Int] = []
    for (position, count) in table.enumerated() where count > 0 {
      positions.append(position)
      counts.append(count)
    }
    // Largest cells first: the remaining items shrink fastest, so later
    // conditional binomials are more often trivial. Ties keep table order,
    // so the draws for a seed do not depend on the sort algorithm.
    let order = counts.indices.sorted {
      counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
    }
    self.positions = order.map { positions[$0] }
    self.counts = order.map { counts[$0] }
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

  /// Writes one resample's count for each non-empty cell.
  ///
  /// - Parameters:
  ///   - draws: One slot per non-empty cell, overwritten.
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
