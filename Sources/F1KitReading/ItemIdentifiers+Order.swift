extension ItemIdentifiers {
  /// The positions of the ids in ascending order of their UTF-8 bytes,
  /// equal ids by position: an order of the items that does not depend on
  /// the order of the rows that listed them.
  ///
  /// - Returns: For each place in the order, the position of its id.
  /// - Complexity: O(*n* log *n*) comparisons of ids.
  public func positionsInByteOrder() -> [Int] {
    Array(indices).sorted { left, right in
      let order = withUTF8(at: left) { x in
        withUTF8(at: right) { y in
          x.lexicographicallyPrecedes(y) ? -1 : y.lexicographicallyPrecedes(x) ? 1 : 0
        }
      }
      return order < 0 || (order == 0 && left < right)
    }
  }
}
