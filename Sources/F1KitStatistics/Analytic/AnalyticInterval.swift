import F1Kit

/// Confidence intervals from large-sample formulas instead of resampling.
///
/// They cost O(*k*⁴) at most and need no random numbers, and serve as a
/// check beside the bootstrap; where the normal approximation is poor
/// (small *N*, rare classes, values near 0 or 1) their coverage falls short,
/// as docs/statistics.md tabulates.
public enum AnalyticInterval {
  /// The Wilson score interval for a proportion, such as accuracy.
  ///
  /// With p̂ = successes / *n* and *z* the 1 − α/2 normal quantile, the
  /// interval is (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
  /// Unlike the Wald interval it stays inside [0, 1] and keeps its
  /// coverage near 0 and 1. See [Wilson 1927, "Probable inference, the law
  /// of succession, and statistical
  /// inference"](https://doi.org/10.1080/01621459.1927.10502953).
  ///
  /// - Parameters:
  ///   - successes: The number of successes, such as correct predictions.
  ///   - trials: The number of trials *n*; at least 1.
  ///   - confidence: The confidence level, in (0, 1).
  /// - Returns: The interval around p̂, with the Wald standard error
  ///   √(p̂(1 − p̂)/n).
  /// - Throws: ``StatisticsError`` for an invalid proportion or confidence.
  /// - Complexity: O(1).
  public static func wilson(
    successes: Int, trials: Int, confidence: Double = 0.95
  ) throws(StatisticsError) -> ConfidenceInterval {
    guard trials >= 1, (0...trials).contains(successes) else {
      throw trials < 1 ? .noItems : .invalidProportion(successes: successes, trials: trials)
    }
    guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
    let z = StandardNormal.quantile(1 - (1 - confidence) / 2)
    let n = Double(trials)
    let proportion = Double(successes) / n
    let zSquared = z * z
    let denominator = 1 + zSquared / n
    let centre = (proportion + zSquared / (2 * n)) / denominator
    let halfWidth =
      z * (proportion * (1 - proportion) / n + zSquared / (4 * n * n)).squareRoot() / denominator
    return ConfidenceInterval(
      lower: max(0, centre - halfWidth), upper: min(1, centre + halfWidth),
      estimate: proportion, method: .wilson, confidence: confidence,
      standardError: (proportion * (1 - proportion) / n).squareRoot())
  }

  /// The Wilson interval for the accuracy of scored predictions.
  ///
  /// - Parameters:
  ///   - classification: The scored predictions; the successes are the
  ///     diagonal of the whole confusion matrix.
  ///   - confidence: The confidence level, in (0, 1).
  /// - Returns: The Wilson interval for accuracy.
  /// - Throws: ``StatisticsError`` when there are no items or the
  ///   confidence is invalid.
  /// - Complexity: O(*k*).
  public static func wilson(
    accuracyOf classification: ClassificationMetrics, confidence: Double = 0.95
  ) throws(StatisticsError) -> ConfidenceInterval {
    let matrix = classification.confusionMatrix
    return try wilson(successes: matrix.correctCount, trials: matrix.total, confidence: confidence)
  }
}
