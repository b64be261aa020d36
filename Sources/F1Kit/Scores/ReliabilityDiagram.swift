/// The points of a reliability diagram: for each of the 15 equal-width
/// calibration bins of ``ScoreMetric/expectedCalibrationError``, how many
/// items fall in it, their mean predicted probability and the observed rate
/// of positives — what a chart draws, with the count in each bin.
public struct ReliabilityDiagram: Hashable, Sendable {
  /// One calibration bin.
  public struct Bin: Hashable, Sendable {
    /// The bin's lower edge, *k*/15.
    public let lowerEdge: Double
    /// The bin's upper edge, (*k*+1)/15 (1.0 belongs to the last bin).
    public let upperEdge: Double
    /// The number of items in the bin.
    public let count: Int
    /// The mean predicted probability of the bin's items; NaN when empty.
    public let meanConfidence: Double
    /// The fraction of the bin's items that are positive; NaN when empty.
    public let observedRate: Double
  }

  /// The 15 bins, from [0, 1/15) up.
  public let bins: [Bin]

  /// The diagram of a binary model's positive-class probabilities.
  ///
  /// - Parameter scores: The model's scores.
  /// - Returns: `nil` when a score is outside [0, 1].
  /// - Complexity: O(*n*).
  public init?(_ scores: BinaryScores) {
    guard scores.isProbability else { return nil }
    var counts = [Int](repeating: 0, count: CalibrationBins.count)
    var confidence = [Double](repeating: 0, count: CalibrationBins.count)
    var positives = [Int](repeating: 0, count: CalibrationBins.count)
    for item in 0..<scores.count {
      let bin = Int(scores.bins[item])
      counts[bin] += 1
      confidence[bin] += scores.scores[item]
      if scores.isPositive[item] { positives[bin] += 1 }
    }
    bins = (0..<CalibrationBins.count).map { bin in
      let count = counts[bin]
      return Bin(
        lowerEdge: Double(bin) / Double(CalibrationBins.count),
        upperEdge: Double(bin + 1) / Double(CalibrationBins.count), count: count,
        meanConfidence: count > 0 ? confidence[bin] / Double(count) : .nan,
        observedRate: count > 0 ? Double(positives[bin]) / Double(count) : .nan)
    }
  }
}
