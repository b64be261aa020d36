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

  /// The compensated total.
  var value: Double { sum + compensation }
}
