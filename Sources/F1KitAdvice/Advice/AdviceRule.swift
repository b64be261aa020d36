/// The rules ``MetricAdvisor`` applies, each with a stable identifier.
///
/// The raw value is the rule's id in `f1kit advise` output and the report;
/// it never changes once published, so scripts can filter on it.
public enum AdviceRule: String, CaseIterable, Hashable, Sendable, Codable {
  /// The classes are imbalanced, so accuracy and micro-F1 mostly measure the
  /// frequent classes; prefer macro-F1, balanced accuracy or MCC (binary F1
  /// of the rare class in a binary problem).
  case imbalancedClasses = "imbalanced-classes"
  /// Single-label multiclass micro-F1 equals accuracy, so reporting both adds
  /// nothing.
  case microF1EqualsAccuracy = "micro-f1-equals-accuracy"
  /// Weighted-F1 is well above macro-F1 because it weights each class by
  /// its gold count, while classes rarer than average (or scored 0) score
  /// below it.
  case weightedF1HidesMinorityClasses = "weighted-f1-hides-minority-classes"
  /// A class has so few gold items that its scores are uncertain.
  case smallClassSupport = "small-class-support"
  /// A binary problem with nearly balanced classes: accuracy and F1 agree.
  case balancedBinaryMetricsAgree = "balanced-binary-metrics-agree"
  /// A class that occurs is never predicted, so `zero_division` decides its
  /// precision and shapes the averages.
  case classNeverPredicted = "class-never-predicted"
  /// An evaluated label has no gold items, so its recall is undefined.
  case labelWithoutGoldItems = "label-without-gold-items"
  /// The model does not beat a baseline that uses no input at all.
  case noBetterThanBaseline = "no-better-than-baseline"
  /// Two models are not significantly different on the primary metric.
  case noSignificantDifference = "no-significant-difference"
  /// A binary score was cut at the default 0.5, not at a cut-off chosen
  /// on development data.
  case defaultThreshold = "default-threshold"
  /// The cut-off was tuned on the evaluated file itself, so its results
  /// are optimistic.
  case thresholdTunedOnEvaluatedFile = "threshold-tuned-on-evaluated-file"
  /// How far F1 moves across cut-offs, for a cut-off given or chosen on
  /// development data.
  case thresholdSensitivity = "threshold-sensitivity"
  /// Every item has the same score, so the scores rank nothing.
  case constantScores = "constant-scores"
  /// The scores rank the negative items above the positive ones (ROC-AUC
  /// far below 0.5): most likely the other class's scores.
  case invertedScores = "inverted-scores"
  /// One class is rare: read average precision beside ROC-AUC, each
  /// against its own no-skill value.
  case averagePrecisionUnderImbalance = "average-precision-under-imbalance"
  /// Binary probabilities whose Brier score is no better than forecasting
  /// the positive rate for every item: do not read them as probabilities
  /// before recalibrating them on held-out data.
  case poorlyCalibratedProbabilities = "poorly-calibrated-probabilities"
  /// Binary probabilities that beat the positive rate but are
  /// significantly miscalibrated (Spiegelhalter's z or the
  /// calibration-in-the-large z at p < 0.001) by an ECE of 0.1 or more:
  /// too high, too low, over- or underconfident; recalibrate them on
  /// held-out data before reading them as probabilities.
  case miscalibratedProbabilities = "miscalibrated-probabilities"
  /// The scores hold exactly two values (a binary column of 0 and 1, or
  /// one-hot per-class rows): hard predictions written where scores were
  /// meant, so no cut-off is left to tune and ROC-AUC is the balanced
  /// accuracy of one decision. It replaces the model's other score rules.
  case hardLabelScores = "hard-label-scores"
  /// Two models with one training run each differ by little, so a seed
  /// could reverse the difference.
  case singleRunPerModel = "single-run-per-model"
  /// Items were resampled in fewer than about 30 groups, so the group
  /// intervals are too narrow.
  case fewGroups = "few-groups"
  /// Items were resampled in groups: how many, and how much wider the
  /// intervals are than item-level ones.
  case groupedIntervals = "grouped-intervals"
  /// A multilabel problem: which of the samples, micro and macro averages
  /// to read, from the label cardinality and label frequency imbalance.
  case multilabelAveraging = "multilabel-averaging"
  /// Items with no gold label (or no predicted label), whose samples
  /// scores are set by `zero_division`; a model that predicts no label for
  /// (nearly) every item is the constant that predicts nothing.
  case emptyLabelSets = "empty-label-sets"
  /// Every gold item belongs to one class, so no metric can tell a model
  /// from the constant that always predicts that class.
  case singleGoldClass = "single-gold-class"
  /// Renaming the predicted labels makes far more predictions right: the
  /// model's label order is probably not the data's.
  case renamedLabels = "renamed-labels"
}
