extension BinaryScores {
  /// Each item's leave-one-out value of a metric, in O(*n*) for the metrics
  /// that allow it, as the jackknife of a BCa interval needs.
  ///
  /// ROC-AUC comes from DeLong's placement values: with *m* positives, *n*
  /// negatives and *S* the number of positive–negative pairs ranked
  /// correctly (ties counting half), leaving out a positive that outranks
  /// *r* negatives gives (*S* − *r*) / ((*m* − 1) *n*), and leaving out a
  /// negative outranked by *c* positives gives (*S* − *c*) / (*m* (*n* − 1)).
  /// Log loss and the Brier score are means, so leaving out an item gives
  /// (*T* − *t*) / (*N* − 1) for the total *T* of the *N* items' terms.
  ///
  /// - Parameter metric: A binary score metric.
  /// - Returns: One value per item (NaN where the metric is undefined
  ///   without that item), or `nil` for a metric without an O(*n*) form
  ///   (average precision, ECE) or that is undefined on every item.
  /// - Complexity: O(*n*).
  package func leaveOneOutValues(of metric: ScoreMetric) -> [Double]? {
    switch metric {
    case .rocAUC: return leaveOneOutAreas()
    case .logLoss, .brierScore:
      guard isProbability, count > 1 else { return nil }
      let term: (Int) -> Double =
        metric == .logLoss
        ? { Self.logLoss(score: scores[$0], isPositive: isPositive[$0]) }
        : { 0.5 * Self.squaredError(score: scores[$0], isPositive: isPositive[$0]) }
      var total = CompensatedSum()
      for item in 0..<count { total.add(term(item)) }
      let sum = total.value
      let remaining = Double(count - 1)
      return (0..<count).map { (sum - term($0)) / remaining }
    default:
      return nil
    }
  }

  /// Leave-one-out ROC-AUCs from the placement counts of one sweep.
  private func leaveOneOutAreas() -> [Double]? {
    let positiveCount = isPositive.lazy.filter { $0 }.count
    let negativeCount = count - positiveCount
    guard positiveCount > 0, negativeCount > 0, count > 2 else { return nil }
    // Doubled placements, so ties add 1 instead of ½ and every sum is an
    // exact integer.
    var doubledPlacements = [Double](repeating: 0, count: count)
    var positivesAbove = 0
    var negativesAbove = 0
    var start = 0
    let items = ranking.items
    for end in ranking.groupEnds {
      var groupPositives = 0
      for position in start..<end where isPositive[items[position]] { groupPositives += 1 }
      let groupNegatives = end - start - groupPositives
      let negativesBelow = negativeCount - negativesAbove - groupNegatives
      for position in start..<end {
        let item = items[position]
        doubledPlacements[item] = Double(
          isPositive[item]
            ? 2 * negativesBelow + groupNegatives : 2 * positivesAbove + groupPositives)
      }
      positivesAbove += groupPositives
      negativesAbove += groupNegatives
      start = end
    }
    var doubledTotal = 0.0
    for item in 0..<count where isPositive[item] { doubledTotal += doubledPlacements[item] }
    let m = Double(positiveCount)
    let n = Double(negativeCount)
    return (0..<count).map { item in
      let remaining = doubledTotal - doubledPlacements[item]
      if isPositive[item] {
        return positiveCount > 1 ? remaining / (2 * (m - 1) * n) : .nan
      }
      return negativeCount > 1 ? remaining / (2 * m * (n - 1)) : .nan
    }
  }
}
