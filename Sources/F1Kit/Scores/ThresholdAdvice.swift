/// How much binary F1 depends on the cut-off applied to a score: F1 at the
/// cut-off used, the best F1 any cut-off reaches on the same items, the
/// range across every cut-off, and average precision.
///
/// The best cut-off is chosen on the very items it is measured on, so its
/// F1 is optimistic (sentence-transformers issue #755): it says how much a
/// cut-off tuned on development data could gain, not what it would score.
/// A constant score cannot reach F1 = 1 (sentence-transformers issue
/// #2282): every item gets the same prediction, so the best is predicting
/// every item positive.
public struct ThresholdAdvice: Hashable, Sendable {
  /// The gap in F1 from which the cut-off used counts as far from the
  /// best: 0.02.
  public static let notableGap = 0.02

  /// The cut-off that was applied.
  public let threshold: Double
  /// Binary F1 at the cut-off that was applied.
  public let f1AtThreshold: Double
  /// The cut-off with the best binary F1 on these items (ties: the highest).
  public let bestThreshold: Double
  /// The best binary F1 on these items: optimistic, being tuned on them.
  public let bestF1: Double
  /// The lowest binary F1 over every candidate cut-off.
  public let lowestF1: Double
  /// Average precision, when defined.
  public let averagePrecision: Double?
  /// ROC-AUC, when defined: far below 0.5 the scores rank the other class
  /// first.
  public let rocAUC: Double?

  /// The ROC-AUC below which binary scores are taken to rank the other
  /// class: 0.3, far below what chance gives on any test set large enough
  /// to evaluate.
  public static let invertedAUCLimit = 0.3

  /// Whether ROC-AUC is below ``invertedAUCLimit``: the negative items
  /// score above the positive ones, as the other class's column of
  /// `predict_proba` does.
  public var ranksOtherClassFirst: Bool { rocAUC.map { $0 < Self.invertedAUCLimit } ?? false }
  /// Whether every item has the same score.
  public let isConstant: Bool
  /// The scores read as hard labels when they hold exactly two values
  /// (such as 0 and 1 from `clf.predict(X)`): then every cut-off between
  /// them gives the same predictions, and there is none to tune.
  public let hardLabels: HardLabelScores?

  /// Works out the advice for scores cut at a threshold.
  ///
  /// - Parameters:
  ///   - scores: The model's scores.
  ///   - threshold: The cut-off that was applied (items at or above it are
  ///     predicted positive).
  /// - Complexity: O(*n*) for *n* items: the scores are already sorted.
  public init(_ scores: BinaryScores, threshold: Double) {
    let sweep = ThresholdSweep(scores)
    // Binary F1 at every candidate in one pass: the value
    // `sweep.value(of: .binaryF1, at:)` gives (zero when undefined), and the
    // choice `ThresholdTuner.tune(sweep, maximizing: .binaryF1)` makes.
    let atThreshold = sweep.index(of: threshold)
    var f1AtThreshold = 0.0
    var best: (index: Int, value: Double)?
    var lowest = Double.infinity
    sweep.truePositives.withUnsafeBufferPointer { truePositives in
      sweep.falsePositives.withUnsafeBufferPointer { falsePositives in
        for index in 0..<sweep.count {
          let f1 = Self.binaryF1(
            truePositives: truePositives[index], falsePositives: falsePositives[index],
            positives: sweep.positiveCount)
          lowest = min(lowest, f1)
          if index == atThreshold { f1AtThreshold = f1 }
          if sweep.isCandidate(index), best.map({ f1 > $0.value }) ?? true {
            best = (index, f1)
          }
        }
      }
    }
    self.threshold = threshold
    self.f1AtThreshold = f1AtThreshold
    bestThreshold = sweep.thresholds[best?.index ?? 0]
    bestF1 = best?.value ?? .nan
    lowestF1 = lowest
    averagePrecision = scores.value(of: .averagePrecision)
    rocAUC = scores.value(of: .rocAUC)
    isConstant = sweep.count == 2
    hardLabels = HardLabelScores(scores)
  }

  /// Binary F1 from the counts at a cut-off, bit for bit what the general
  /// metric code gives: 2·TP / (positives + TP + FP), each an exact
  /// integer, and 0 when nothing is positive or predicted positive.
  @inline(__always)
  private static func binaryF1(truePositives: Int, falsePositives: Int, positives: Int)
    -> Double
  {
    let denominator = positives &+ truePositives &+ falsePositives
    return denominator == 0 ? 0 : Double(2 &* truePositives) / Double(denominator)
  }

  /// Whether the best cut-off beats the one used by at least
  /// ``notableGap``.
  public var isFarFromBest: Bool { bestF1 - f1AtThreshold >= Self.notableGap }
}
