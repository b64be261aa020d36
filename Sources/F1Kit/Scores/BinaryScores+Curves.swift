/// The ROC curve of binary scores, point by point as scikit-learn's
/// `roc_curve(drop_intermediate=True)` gives it.
public struct ROCCurve: Hashable, Sendable {
  /// The false-positive rate at each point, from 0 up; NaN throughout
  /// when no item is negative.
  public let falsePositiveRates: [Double]
  /// The true-positive rate at each point; NaN throughout when no item is
  /// positive.
  public let truePositiveRates: [Double]
  /// The threshold of each point, descending: +∞ (no item positive), then
  /// the distinct scores kept.
  public let thresholds: [Double]
}

/// The precision–recall curve of binary scores, point by point as
/// scikit-learn's `precision_recall_curve` gives it.
public struct PrecisionRecallCurve: Hashable, Sendable {
  /// The precision at each threshold, ending with 1.
  public let precisions: [Double]
  /// The recall at each threshold, descending, ending with 0; 1 throughout
  /// (before the final 0) when no item is positive.
  public let recalls: [Double]
  /// Every distinct score, ascending; one fewer than the points.
  public let thresholds: [Double]
}

extension BinaryScores {
  /// The cumulative positives and negatives at or above each distinct
  /// score, highest score first.
  private var thresholdCounts: (thresholds: [Double], positives: [Double], negatives: [Double]) {
    var thresholds: [Double] = []
    var positives: [Double] = []
    var negatives: [Double] = []
    thresholds.reserveCapacity(ranking.groupEnds.count)
    positives.reserveCapacity(ranking.groupEnds.count)
    negatives.reserveCapacity(ranking.groupEnds.count)
    var positive = 0.0
    var negative = 0.0
    var start = 0
    for end in ranking.groupEnds {
      for position in start..<end {
        if isPositive[ranking.items[position]] { positive += 1 } else { negative += 1 }
      }
      thresholds.append(scores[ranking.items[end - 1]])
      positives.append(positive)
      negatives.append(negative)
      start = end
    }
    return (thresholds, positives, negatives)
  }

  /// The ROC curve, never thinned beyond scikit-learn's dropping of
  /// collinear points.
  ///
  /// - Complexity: O(*n*), the scores being sorted already.
  public var rocCurve: ROCCurve {
    var (thresholds, positives, negatives) = thresholdCounts
    if thresholds.count > 2 {
      var kept: [Int] = [0]
      for index in 1..<(thresholds.count - 1) {
        let negativeBend = negatives[index + 1] - 2 * negatives[index] + negatives[index - 1]
        let positiveBend = positives[index + 1] - 2 * positives[index] + positives[index - 1]
        if negativeBend != 0 || positiveBend != 0 { kept.append(index) }
      }
      kept.append(thresholds.count - 1)
      thresholds = kept.map { thresholds[$0] }
      positives = kept.map { positives[$0] }
      negatives = kept.map { negatives[$0] }
    }
    positives.insert(0, at: 0)
    negatives.insert(0, at: 0)
    thresholds.insert(.infinity, at: 0)
    let totalNegative = negatives.last!
    let totalPositive = positives.last!
    return ROCCurve(
      falsePositiveRates: negatives.map { totalNegative > 0 ? $0 / totalNegative : .nan },
      truePositiveRates: positives.map { totalPositive > 0 ? $0 / totalPositive : .nan },
      thresholds: thresholds)
  }

  /// The precision–recall curve at every distinct score.
  ///
  /// - Complexity: O(*n*), the scores being sorted already.
  public var precisionRecallCurve: PrecisionRecallCurve {
    let (thresholds, positives, negatives) = thresholdCounts
    let totalPositive = positives.last!
    var precisions: [Double] = []
    var recalls: [Double] = []
    for index in thresholds.indices.reversed() {
      let predicted = positives[index] + negatives[index]
      precisions.append(predicted != 0 ? positives[index] / predicted : 0)
      recalls.append(totalPositive > 0 ? positives[index] / totalPositive : 1)
    }
    precisions.append(1)
    recalls.append(0)
    return PrecisionRecallCurve(
      precisions: precisions, recalls: recalls, thresholds: thresholds.reversed())
  }
}
