/// A binary score column that holds exactly two distinct values, so its
/// scores rank the items no further than one hard decision does.
///
/// The usual cause is `df["score"] = clf.predict(X)` where
/// `clf.predict_proba(X)[:, 1]` was meant: the column holds 0 and 1, the
/// predictions themselves. The rule is exactly two distinct finite scores,
/// whatever they are (0 and 1, or 0.2 and 0.8 from a one-split tree): one
/// value is a constant score, which ranks nothing at all, and three or
/// more rank the items at least in part. On such scores:
///
/// - every cut-off above the lower value and at most the upper one gives
///   the same predictions, so there is no cut-off to tune, and F1 "near the
///   cut-off" jumps between that decision and predicting every item alike;
/// - ROC-AUC, which counts a tied pair as half, equals the balanced
///   accuracy of that decision, (TPR + TNR) / 2: P(s₊ > s₋) + ½ P(s₊ = s₋)
///   = TPR (1 − FPR) + ½ (TPR · FPR + (1 − TPR)(1 − FPR)) = (1 + TPR − FPR) / 2;
/// - average precision is a single step, the precision of the decision
///   times its recall plus the positive rate times the rest;
/// - for scores of 0 and 1, log loss is the error rate times −log(ε) ≈ 36.04
///   (scikit-learn clips each probability to [ε, 1 − ε], ε = 2.2e-16), and
///   the Brier score is twice the error rate.
///
/// ``MulticlassScores`` rows that are one-hot (every value 0 or 1, one 1 a
/// row) are the per-class form of the same mistake:
/// ``MulticlassScores/isOneHot`` tells them.
public struct HardLabelScores: Hashable, Sendable {
  /// The lower of the two scores.
  public let lowerValue: Double
  /// The upper of the two scores: the items the decision calls positive.
  public let upperValue: Double
  /// The number of items.
  public let itemCount: Int
  /// The number of items at ``upperValue``.
  public let upperCount: Int
  /// The number of positive items.
  public let positiveCount: Int
  /// The number of positive items at ``upperValue``.
  public let positivesAtUpper: Int

  /// Reads binary scores as hard labels when they hold exactly two
  /// distinct values.
  ///
  /// - Parameter scores: The model's binary scores.
  /// - Returns: `nil` when the scores hold one value or three or more.
  /// - Complexity: O(*n*) for *n* items: the scores are already sorted.
  public init?(_ scores: BinaryScores) {
    let ranking = scores.ranking
    guard ranking.groupEnds.count == 2 else { return nil }
    let upperEnd = ranking.groupEnds[0]
    var positivesAtUpper = 0
    for position in 0..<upperEnd where scores.isPositive[ranking.items[position]] {
      positivesAtUpper += 1
    }
    upperValue = scores.scores[ranking.items[0]]
    lowerValue = scores.scores[ranking.items[upperEnd]]
    itemCount = scores.count
    upperCount = upperEnd
    positiveCount = scores.isPositive.lazy.filter { $0 }.count
    self.positivesAtUpper = positivesAtUpper
  }

  /// The share of positive items at ``upperValue`` (the decision's
  /// recall); NaN without positive items.
  public var truePositiveRate: Double {
    positiveCount > 0 ? Double(positivesAtUpper) / Double(positiveCount) : .nan
  }

  /// The share of negative items at ``lowerValue`` (the decision's
  /// specificity); NaN without negative items.
  public var trueNegativeRate: Double {
    let negatives = itemCount - positiveCount
    let negativesAtUpper = upperCount - positivesAtUpper
    return negatives > 0 ? Double(negatives - negativesAtUpper) / Double(negatives) : .nan
  }

  /// The share of items the decision gets wrong: positive items at
  /// ``lowerValue`` and negative items at ``upperValue``.
  public var errorRate: Double {
    let errors = (positiveCount - positivesAtUpper) + (upperCount - positivesAtUpper)
    return Double(errors) / Double(itemCount)
  }

  /// The balanced accuracy of the decision, (TPR + TNR) / 2, which ROC-AUC
  /// equals on two-valued scores; NaN with one gold class.
  public var balancedAccuracy: Double { (truePositiveRate + trueNegativeRate) / 2 }

  /// Whether the two values are 0 and 1, as `clf.predict(X)` writes a
  /// binary problem's predictions.
  public var isZeroOne: Bool { lowerValue == 0 && upperValue == 1 }

  /// The share of items a cut-off predicts as the scores do: positive
  /// exactly when the score is ``upperValue``.
  ///
  /// A cut-off above ``lowerValue`` and at most ``upperValue`` agrees on
  /// every item (1); one at most ``lowerValue`` predicts every item
  /// positive, and one above ``upperValue`` none.
  ///
  /// - Parameter cutoff: The cut-off the predictions equal (an item is
  ///   positive when its score is at least it).
  /// - Returns: The share, in [0, 1].
  public func agreement(withCutoff cutoff: Double) -> Double {
    if cutoff > upperValue { return Double(itemCount - upperCount) / Double(itemCount) }
    if cutoff <= lowerValue { return Double(upperCount) / Double(itemCount) }
    return 1
  }
}
