extension ItemGroups {
  /// The first item, in this order, that `other` puts in another group.
  ///
  /// `other` holds the groups of the same items read from another file,
  /// its codes numbering its own values; values are compared as text, so
  /// the two numberings need not agree.
  ///
  /// - Parameters:
  ///   - other: The other file's groups.
  ///   - positions: Each item's position in `other`, or `nil` when `other`
  ///     lists the items in this order.
  /// - Returns: The item's index here, or `nil` when every item has the
  ///   same group in both.
  /// - Complexity: O(*n* + *g*) for *n* items and *g* distinct groups: one
  ///   `String` lookup per distinct group of `other`, then one array access
  ///   per item.
  package func firstDisagreement(with other: ItemGroups, positions: [Int]? = nil) -> Int? {
    precondition(
      other.codes.count == codes.count && (positions?.count ?? codes.count) == codes.count)
    var index: [String: Int] = [:]
    index.reserveCapacity(values.count)
    for (code, value) in values.enumerated() { index[value] = code }
    // Each of `other`'s codes as a code here; -1 for a value not here.
    let translated = other.values.map { index[$0] ?? -1 }
    return codes.withUnsafeBufferPointer { codes in
      other.codes.withUnsafeBufferPointer { otherCodes in
        translated.withUnsafeBufferPointer { translated in
          if let positions {
            return codes.indices.first { translated[otherCodes[positions[$0]]] != codes[$0] }
          }
          return codes.indices.first { translated[otherCodes[$0]] != codes[$0] }
        }
      }
    }
  }
}
