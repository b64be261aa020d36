import F1KitStatistics

/// The cut-offs at which ``MetricAdvisor``'s rules fire.
///
/// The defaults are conventions, not laws; each property says why it has its
/// value.
public struct AdviceThresholds: Hashable, Sendable {
  /// The ratio of the largest to the smallest class's gold count at which
  /// the classes count as imbalanced: 3 by default (the smallest class of a
  /// binary problem then holds under 25% of the items).
  public var imbalanceRatio: Double
  /// The share of items of the smaller class at which a binary problem
  /// counts as balanced: 0.4 by default.
  public var balancedMinorityShare: Double
  /// How close accuracy and binary F1 must be for balanced binary classes
  /// to count as making them agree: 0.05 by default. Balanced classes do
  /// not make them agree by themselves: a model that predicts the positive
  /// label for most items scores a binary F1 well above its accuracy.
  public var agreementGap: Double = 0.05
  /// How far weighted-F1 must exceed macro-F1 before it is said to hide
  /// minority classes: 0.05 by default.
  public var weightedMacroGap: Double
  /// The gold count below which a class counts as small: 30 by default, the
  /// usual rule of thumb for a normal approximation.
  public var smallSupport: Int
  /// The power a test-set-size estimate aims for: 0.8 by default. (Whether
  /// a comparison is significant is the comparison's own decision, at one
  /// minus its confidence level.)
  public var power: Double
  /// The difference below which two models with one training run each
  /// count as close enough for a seed to reverse: by default
  /// `ExperimentComparison/smallDifference` (0.01), about the
  /// seed-to-seed spread Reimers & Gurevych (2017) report for fine-tuned
  /// models' scores.
  public var smallDifference: Double = ExperimentComparison.smallDifference
  /// The share of items with an empty predicted set at which a multilabel
  /// model counts as predicting (nearly) nothing, and the note about empty
  /// predictions becomes a warning: 0.95 by default, so that a handful of
  /// non-empty sets does not hide a model that is the constant "no label".
  public var emptyPredictionShare: Double = 0.95
  /// The Brier skill score against forecasting the positive rate for every
  /// item, 1 − Brier / (p(1 − p)), at or below which binary probabilities
  /// count as poorly calibrated: 0 by default, the no-skill point, where
  /// the scores read as probabilities say no more than the positive rate
  /// alone. A margin above 0 would be arbitrary, and would flag models whose
  /// probabilities are merely imperfect; at or below 0 they are worse than
  /// a constant, which no reading of them as probabilities survives. The
  /// positive rate is the evaluated file's own, the best constant forecast
  /// there, so the comparison is the constant's best case.
  public var brierSkillLimit: Double = 0
  /// The magnitude of Spiegelhalter's z or the calibration-in-the-large z
  /// (``AdviceRule/miscalibratedProbabilities``) at which binary
  /// probabilities differ significantly from calibrated: 3.29 by default,
  /// two-sided p < 0.001, so that a file of many items is not flagged for
  /// a gap too small to matter by the test alone.
  public var calibrationZLimit: Double = 3.29
  /// The expected calibration error (15 bins) at or above which
  /// significantly miscalibrated binary probabilities are worth a warning:
  /// 0.1 by default. Calibrated scores of 500 items reach an ECE of about
  /// 0.05 from sampling alone, and in `tools/calibration_test_check.py
  /// --simulate` (seven score distributions, 3,500 files of 500 items) at
  /// most 0.091; so 0.1 is a gap sampling does not make at 500 items or
  /// more, and one that moves a probability read off the scores by a tenth
  /// on average. Of that simulation's 11,200 calibrated files of 500 to
  /// 100,000 items, 23 (0.21%) had a z beyond ±3.29 and none had both.
  public var calibrationErrorLimit: Double = 0.1

  /// Creates thresholds; every argument has a conventional default.
  ///
  /// - Parameters:
  ///   - imbalanceRatio: Largest over smallest class count that counts as
  ///     imbalanced.
  ///   - balancedMinorityShare: Smaller class's share that makes a binary
  ///     problem balanced.
  ///   - weightedMacroGap: Weighted-F1 minus macro-F1 that counts as hiding
  ///     minority classes.
  ///   - smallSupport: Gold count below which a class is small.
  ///   - power: The power a test-set-size estimate aims for.
  public init(
    imbalanceRatio: Double = 3, balancedMinorityShare: Double = 0.4,
    weightedMacroGap: Double = 0.05, smallSupport: Int = 30,
    power: Double = 0.8
  ) {
    self.imbalanceRatio = imbalanceRatio
    self.balancedMinorityShare = balancedMinorityShare
    self.weightedMacroGap = weightedMacroGap
    self.smallSupport = smallSupport
    self.power = power
  }
}
