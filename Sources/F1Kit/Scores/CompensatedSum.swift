/// A running sum with Neumaier's compensation, so the mean of a million
/// losses stays within a few units in the last place of the exact sum.
struct CompensatedSum {
  private var sum = 0.0
  private var compensation = 0.0

  /// Adds a term.
  ///
  /// - Parameter term: The term.
  @inline(__always)
  mutating func add(_ term: Double) {
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
  mutating func add(_ term: Double, times count: Double) {
    if count == 1 {
      add(term)
      return
    }
    let product = term * count
    compensation += (-product).addingProduct(term, count)
    add(product)
  }

  /// The compensated total.
  var value: Double { sum + compensation }
}
