import F1Kit

/// A total order on label-set patterns that rests on the patterns alone:
/// their sets compared one after another by their label indices, then
/// their weights' bits.
///
/// A bootstrap draws one count per pattern in the patterns' order, and
/// every total sums over them in that order, so patterns kept in the order
/// items first showed them would tie the numbers to the order of the items
/// — which is the order of whichever file came first. Sorted by this key
/// (over a label order that does not depend on the files' order either),
/// the same items give the same draws and the same sums to the last bit.
struct LabelSetPatternKey: Comparable {
  private let sets: [[Int]]
  private let weightBits: UInt64

  /// Creates the key of one pattern.
  ///
  /// - Parameters:
  ///   - sets: The pattern's sets, most significant first.
  ///   - weight: The weight of each of the pattern's items.
  init(_ sets: [LabelSet], weight: Double) {
    self.sets = sets.map(\.indices)
    weightBits = weight.bitPattern
  }

  static func < (lhs: Self, rhs: Self) -> Bool {
    for (left, right) in zip(lhs.sets, rhs.sets) where left != right {
      return left.lexicographicallyPrecedes(right)
    }
    return lhs.weightBits < rhs.weightBits
  }

  /// The positions of `keys` in increasing key order.
  ///
  /// - Parameter keys: One key per pattern.
  /// - Returns: A permutation of `keys.indices`.
  /// - Complexity: O(*g* log *g*) comparisons for *g* keys.
  static func sortedPositions(_ keys: [Self]) -> [Int] {
    keys.indices.sorted { keys[$0] < keys[$1] }
  }
}
