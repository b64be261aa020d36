/// A running sum with Neumaier's compensation, so the mean of a million
/// losses stays within a few units in the last place of the exact sum,
/// and a million weights of 0.1 add up to what 0.1 × 1,000,000 gives.
package struct CompensatedSum: Hashable, Sendable {
  private var sum = 0.0
  private var compensation = 0.0

  /// Creates a sum of zero.
  package init() {}

  /// Adds a term.
  ///
  /// - Parameter term: The term.
  @inline(__always)
  package mutating func add(_ term: Double) {
    let total = sum + term
    if abs(sum) >= abs(term) {
      compensation += (sum - total) + term
    } else {
      compensation += (term - total) + sum
    }
    sum = total
  }

  /// Adds a term times a whole number, as if the term were added that
  /// many times: the product's rounding error, from a fused multiply-add,
  /// joins the compensation.
  ///
  /// - Parameters:
  ///   - term: The term.
  ///   - count: How many times to add it; a whole number.
  @inline(__always)
  package mutating func add(_ term: Double, times count: Double) {
    if count == 1 {
      add(term)
      return
    }
    let product = term * count
    compensation += (-product).addingProduct(term, count)
    add(product)
  }

  /// The compensated total.
  package var value: Double { sum + compensation }

  /// Adds another compensated sum, its compensation and all.
  ///
  /// - Parameter other: The sum to add.
  package mutating func add(_ other: CompensatedSum) {
    add(other.sum)
    compensation += other.compensation
  }
}
