/// The 15 equal-width confidence bins of the expected calibration error.
///
/// Bin *k* holds confidences in [*k*/15, (*k*+1)/15), the edges being the
/// correctly rounded doubles `Double(k) / 15`; 1.0 falls in the last bin.
/// ECE = Σ_k (n_k / n) · |acc_k − conf_k|, where acc_k is the fraction of
/// the bin's items that are correct and conf_k their mean confidence
/// ([Guo et al., 2017](https://arxiv.org/abs/1706.04599)).
package enum CalibrationBins {
  /// The number of bins.
  package static let count = 15

  /// The bin of a confidence in [0, 1].
  ///
  /// - Parameter confidence: A probability.
  /// - Returns: The bin index in `0..<15`.
  @inline(__always)
  package static func index(of confidence: Double) -> Int {
    var bin = min(max(Int(confidence * Double(count)), 0), count - 1)
    while bin < count - 1, confidence >= Double(bin + 1) / Double(count) { bin += 1 }
    while bin > 0, confidence < Double(bin) / Double(count) { bin -= 1 }
    return bin
  }

  /// The expected calibration error of weighted items.
  ///
  /// - Parameters:
  ///   - count: The number of items.
  ///   - bins: Each item's bin.
  ///   - confidences: Each item's confidence.
  ///   - isCorrect: Whether each item's top label (binary: its gold label)
  ///     is positive or correct.
  ///   - weight: An item's weight.
  /// - Returns: The ECE, or `nil` when the total weight is zero.
  /// - Complexity: O(*n*).
  @inline(__always)
  package static func expectedCalibrationError(
    count itemCount: Int, bins: [UInt8], confidences: [Double], isCorrect: [Bool],
    weight: (Int) -> Double
  ) -> Double? {
    expectedCalibrationError(
      count: itemCount, bin: { Int(bins[$0]) }, confidence: { confidences[$0] },
      isCorrect: { isCorrect[$0] }, weight: weight)
  }

  /// The expected calibration error of weighted items given by functions.
  ///
  /// - Parameters:
  ///   - count: The number of items.
  ///   - bin: An item's bin.
  ///   - confidence: An item's confidence.
  ///   - isCorrect: Whether an item's top label (binary: its gold label)
  ///     is positive or correct.
  ///   - weight: An item's weight.
  /// - Returns: The ECE, or `nil` when the total weight is zero.
  /// - Complexity: O(*n*).
  @inline(__always)
  package static func expectedCalibrationError(
    count itemCount: Int, bin: (Int) -> Int, confidence: (Int) -> Double,
    isCorrect: (Int) -> Bool, weight: (Int) -> Double
  ) -> Double? {
    var totals = (
      weight: [Double](repeating: 0, count: count),
      confidence: [Double](repeating: 0, count: count),
      correct: [Double](repeating: 0, count: count)
    )
    var all = 0.0
    for item in 0..<itemCount {
      let w = weight(item)
      let bin = bin(item)
      totals.weight[bin] += w
      totals.confidence[bin] += w * confidence(item)
      if isCorrect(item) { totals.correct[bin] += w }
      all += w
    }
    guard all > 0 else { return nil }
    var error = 0.0
    for bin in 0..<count where totals.weight[bin] > 0 {
      let size = totals.weight[bin]
      error += (size / all) * abs(totals.correct[bin] / size - totals.confidence[bin] / size)
    }
    return error
  }
}
