/// A correction of p-values for testing several hypotheses at once.
///
/// Adjusted p-values are compared with α directly: rejecting the
/// hypotheses whose adjusted p-value is at most α controls the
/// family-wise error rate (Holm) or the false discovery rate
/// (Benjamini–Hochberg) at α. The results match statsmodels'
/// `multipletests(method="holm")` and `multipletests(method="fdr_bh")`.
public enum PValueAdjustment: String, CaseIterable, Hashable, Sendable, Codable {
  /// Holm's step-down correction, which controls the family-wise error
  /// rate under any dependence; uniformly more powerful than Bonferroni.
  /// The default. See [Holm 1979, "A simple sequentially rejective
  /// multiple test procedure"](https://www.jstor.org/stable/4615733).
  case holm
  /// Benjamini and Hochberg's step-up correction, which controls the false
  /// discovery rate for independent or positively dependent tests. See
  /// [Benjamini and Hochberg 1995, "Controlling the false discovery
  /// rate"](https://doi.org/10.1111/j.2517-6161.1995.tb02031.x).
  case benjaminiHochberg = "benjamini_hochberg"

  /// Adjusts p-values, returning them in input order.
  ///
  /// With the *m* p-values sorted ascending as p₍₁₎ ≤ … ≤ p₍ₘ₎, Holm gives
  /// p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (*m* − *j* + 1) p₍ⱼ₎) and Benjamini–Hochberg
  /// gives p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, *m* p₍ⱼ₎ / *j*).
  ///
  /// - Parameter pValues: P-values in [0, 1], in any order. A NaN (an
  ///   undefined test) stays NaN and is not counted in *m*.
  /// - Returns: The adjusted p-values, position for position.
  /// - Throws: ``StatisticsError/invalidPValue(_:)`` for a value outside
  ///   [0, 1].
  /// - Complexity: O(*m* log *m*).
  public func adjusted(_ pValues: [Double]) throws(StatisticsError) -> [Double] {
    if let invalid = pValues.first(where: { !$0.isNaN && !(0...1).contains($0) }) {
      throw .invalidPValue(invalid)
    }
    let order = pValues.indices.filter { !pValues[$0].isNaN }.sorted {
      pValues[$0] < pValues[$1]
    }
    let count = Double(order.count)
    var result = pValues
    switch self {
    case .holm:
      var running = 0.0
      for (rank, index) in order.enumerated() {
        running = max(running, min(1, (count - Double(rank)) * pValues[index]))
        result[index] = running
      }
    case .benjaminiHochberg:
      var running = 1.0
      for (rank, index) in order.enumerated().reversed() {
        running = min(running, count * pValues[index] / Double(rank + 1))
        result[index] = running
      }
    }
    return result
  }
}
