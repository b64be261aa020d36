import F1Kit
import F1KitStatistics
import Foundation

extension MetricAdvisor {
  /// The warning for a binary score column of exactly two values
  /// (``HardLabelScores``): hard predictions written where scores were
  /// meant, so every cut-off between the values gives the same
  /// predictions and ROC-AUC is the balanced accuracy of that decision.
  /// Values other than 0 and 1 may be a coarse model's probabilities, so
  /// only 0 and 1 are called hard predictions outright.
  ///
  /// - Parameters:
  ///   - hard: The two values and the decision's rates.
  ///   - scores: The scores, for the metrics cited.
  ///   - cutoff: The cut-off the predictions equal, if known: the share of
  ///     items whose prediction is their score is cited with it.
  ///   - model: The model's name, when several are advised.
  /// - Returns: The advice.
  func hardLabelScores(
    _ hard: HardLabelScores, scores: BinaryScores, cutoff: Double?, model: String?
  ) -> Advice {
    let values = hard.valuesText
    let agreement = cutoff.map { hard.agreement(withCutoff: $0) }
    var message =
      "Every item scores \(Self.number(hard.lowerValue)) or \(Self.number(hard.upperValue)) (\(DisplayNumber.count(hard.upperCount)) of \(AdviceText.items(hard.itemCount)) at \(Self.number(hard.upperValue)))"
    switch agreement {
    case 1?: message += ", and the predictions are the scores themselves on every item. "
    case let share?:
      message +=
        ", and the predictions follow the scores on \(DisplayNumber.percent(share)) of the items. "
    case nil: message += ". "
    }
    message +=
      (hard.isZeroOne
        ? "These look like hard predictions, not scores (clf.predict(X) where clf.predict_proba(X)[:, 1] was meant): the scores rank the items no further than one decision. "
        : "Two values rank the items no further than one decision, as hard predictions do (predictions written as two numbers, or a model with two outputs such as a one-split tree). ")
      + "Every cut-off between \(values) gives the same predictions, so there is no cut-off to tune, and how F1 moves with the cut-off says nothing. "
    var evidence = [
      AdviceEvidence("distinct_scores", count: 2),
      AdviceEvidence("lower_score", value: hard.lowerValue),
      AdviceEvidence("upper_score", value: hard.upperValue),
      AdviceEvidence("items_at_upper_score", count: hard.upperCount),
    ]
    if let agreement {
      evidence.append(AdviceEvidence("score_equals_prediction_share", value: agreement))
    }
    if let auc = scores.value(of: .rocAUC) {
      message +=
        "ROC-AUC (\(DisplayNumber.score(auc))) is only the balanced accuracy of that decision, (recall \(DisplayNumber.score(hard.truePositiveRate)) + specificity \(DisplayNumber.score(hard.trueNegativeRate))) / 2"
      if let ap = scores.value(of: .averagePrecision) {
        message += ", and average precision (\(DisplayNumber.score(ap))) a single step"
      }
      message += ". "
      if auc < ThresholdAdvice.invertedAUCLimit {
        message +=
          "It is far below 0.5: \(Self.number(hard.upperValue)) marks the negative items more often than the positive ones; check --positive, or whether the column holds 1 − the prediction. "
      }
      evidence += [
        AdviceEvidence("roc_auc", value: auc),
        AdviceEvidence("balanced_accuracy", value: hard.balancedAccuracy),
      ]
    }
    if hard.isZeroOne, let logLoss = scores.value(of: .logLoss) {
      // Each error costs −log(ε) once scikit-learn clips 0 and 1.
      message +=
        "Log loss (\(DisplayNumber.score(logLoss))) is the error rate, \(DisplayNumber.score(hard.errorRate)), times the clipped cost of a confident error, −log(ε) = \(DisplayNumber.score(-log(Double.ulpOfOne), digits: 2)): it measures the errors, not the probabilities. "
      evidence += [
        AdviceEvidence("log_loss", value: logLoss),
        AdviceEvidence("error_rate", value: hard.errorRate),
      ]
    }
    message +=
      "Write the positive class's probability (predict_proba(X)[:, 1]) or decision_function(X) as the score; until then read the label metrics, not the score metrics."
    return Advice(
      rule: .hardLabelScores, severity: .warning, model: model,
      title: hard.isZeroOne
        ? "The scores hold only two values, \(values): hard predictions, not scores"
        : "The scores hold only two values, \(values): they rank no further than one decision",
      message: message, evidence: evidence)
  }

  /// The warning for per-class scores whose every row is one-hot
  /// (`MulticlassScores.isOneHot`): the predicted classes written
  /// where probabilities were meant.
  ///
  /// - Parameters:
  ///   - scores: The per-class scores.
  ///   - model: The model's name, when several are advised.
  /// - Returns: The advice.
  func oneHotScores(_ scores: MulticlassScores, model: String?) -> Advice {
    let errors = scores.isTopLabelCorrect.lazy.filter { !$0 }.count
    let errorRate = Double(errors) / Double(scores.count)
    var message =
      "Every row of the per-class scores (\(scores.classCount) classes) is one-hot: one class scores 1, the others 0. These look like the predicted classes, not probabilities (label_binarize(clf.predict(X)) or pd.get_dummies where clf.predict_proba(X) was meant): they rank the items no further than the predictions do. "
    var evidence = [
      AdviceEvidence("class_count", count: scores.classCount),
      AdviceEvidence("error_rate", value: errorRate),
    ]
    if let auc = scores.value(of: .rocAUCOneVsRestMacro) {
      message +=
        "Each class's one-vs-rest ROC-AUC is only the balanced accuracy of one decision, that class or not (macro \(DisplayNumber.score(auc))). "
      evidence.append(AdviceEvidence(ScoreMetric.rocAUCOneVsRestMacro.rawValue, value: auc))
    }
    if let logLoss = scores.value(of: .logLoss) {
      message +=
        "Log loss (\(DisplayNumber.score(logLoss))) is the error rate, \(DisplayNumber.score(errorRate)), times the clipped cost of a confident error, −log(ε) = \(DisplayNumber.score(-log(Double.ulpOfOne), digits: 2)): it measures the errors, not the probabilities. "
      evidence.append(AdviceEvidence(ScoreMetric.logLoss.rawValue, value: logLoss))
    }
    message +=
      "Write clf.predict_proba(X) as the per-class scores; until then read the label metrics, not the score metrics."
    return Advice(
      rule: .hardLabelScores, severity: .warning, model: model,
      title: "Every row of the per-class scores is one-hot: predicted classes, not probabilities",
      message: message, evidence: evidence)
  }
}
