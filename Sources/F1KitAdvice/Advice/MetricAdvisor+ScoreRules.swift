import F1Kit
import F1KitStatistics
import Foundation

extension MetricAdvisor {
  /// Advice about models' scores and the cut-offs applied to them.
  ///
  /// | rule | fires when |
  /// |---|---|
  /// | ``AdviceRule/constantScores`` | every item has the same binary score (warning) |
  /// | ``AdviceRule/invertedScores`` | binary ROC-AUC below `ThresholdAdvice/invertedAUCLimit`: the scores rank the other class first, whether or not a cut-off is known (warning) |
  /// | ``AdviceRule/defaultThreshold`` | the cut-off is the default 0.5: a warning when the best cut-off on the file beats it by `ThresholdAdvice/notableGap` in F1, else a recommendation |
  /// | ``AdviceRule/thresholdTunedOnEvaluatedFile`` | `--threshold-from` names the evaluated file itself (warning) |
  /// | ``AdviceRule/thresholdSensitivity`` | any other known cut-off (`--threshold`, tuned on development data, or the cut-off predictions from a column equal): a recommendation when the best cut-off on the file beats it by `ThresholdAdvice/notableGap`, else a note; a cut-off tuned for another metric or under a precision or recall floor is judged on that: a recommendation when the floor fails here or the best cut-off for it beats it by `ThresholdAdvice/notableGap` |
  /// | ``AdviceRule/poorlyCalibratedProbabilities`` | binary scores in [0, 1] whose Brier skill score against forecasting the positive rate, 1 − Brier / (p(1 − p)), is at most ``AdviceThresholds/brierSkillLimit`` (0): worse as probabilities than the positive rate alone (warning) |
  /// | ``AdviceRule/miscalibratedProbabilities`` | binary scores in [0, 1] that beat the positive rate (so ``AdviceRule/poorlyCalibratedProbabilities`` is silent) but whose Spiegelhalter's z or calibration-in-the-large z is at least ``AdviceThresholds/calibrationZLimit`` (3.29, p < 0.001) in magnitude, with an ECE of at least ``AdviceThresholds/calibrationErrorLimit`` (0.1): too high, too low, over- or underconfident (warning) |
  /// | ``AdviceRule/averagePrecisionUnderImbalance`` | binary, one class ≥ ``AdviceThresholds/imbalanceRatio`` times the other, scores not inverted nor hard labels (once, from the first model's gold labels) |
  /// | ``AdviceRule/hardLabelScores`` | a binary score column of exactly two values (`HardLabelScores`), such as 0 and 1 from `clf.predict(X)`, or per-class rows that are all one-hot (`MulticlassScores/isOneHot`); for such a model it replaces every rule above but ``AdviceRule/poorlyCalibratedProbabilities``, and ``AdviceRule/miscalibratedProbabilities``, which it replaces only for 0 and 1 (warning) |
  ///
  /// Each threshold rule cites F1 at the cut-off used, the best cut-off on
  /// the file and its F1 (optimistic: tuned on the items it is measured
  /// on) from `ThresholdAdvice`, and the lowest and highest F1 over
  /// cut-offs within ``nearbyThresholdShare`` of the score range of it.
  ///
  /// - Parameter models: The models' scores, reference first; a model is
  ///   named in the advice when there are several.
  /// - Returns: The advice, in rule order, then model order; merge it with
  ///   other advice through ``ordered(_:)``.
  /// - Complexity: O(*m* *n* log *n*) for *m* models of *n* items.
  public func scoreAdvice(for models: [AdvisedScores]) -> [Advice] {
    guard let first = models.first else { return [] }
    var result: [Advice] = []
    let isNamed = models.count > 1
    for model in models {
      let name = isNamed ? model.name : nil
      guard case .binary(let scores) = model.scores else {
        if case .multiclass(let scores) = model.scores, scores.isOneHot {
          result.append(oneHotScores(scores, model: name))
        }
        continue
      }
      let cutoff = model.threshold?.threshold ?? model.impliedThreshold
      // Two values rank nothing beyond one decision: the hard-label
      // warning replaces the cut-off and inversion rules, whose numbers
      // would describe a curve that is not there, and for 0 and 1 (sure
      // forecasts, whose Brier score is the error rate) calibration too;
      // two other values may be a coarse model's probabilities.
      if let hard = HardLabelScores(scores) {
        result.append(hardLabelScores(hard, scores: scores, cutoff: cutoff, model: name))
        if !hard.isZeroOne, let calibration = calibrationAdvice(scores, model: name) {
          result.append(calibration)
        }
        continue
      }
      if let calibration = calibrationAdvice(scores, model: name) { result.append(calibration) }
      // The order of the scores alone shows them inverted, whether or not
      // a cut-off made the predictions.
      if let inverted = invertedScores(scores, model: name) { result.append(inverted) }
      guard let cutoff else { continue }
      let advice = ThresholdAdvice(scores, threshold: cutoff)
      if advice.isConstant { result.append(constantScores(advice, model: name)) }
      if case .tuned(let file, let tuning, false)? = model.threshold?.source,
        tuning.metric != .binaryF1 || tuning.constraint != nil
      {
        result.append(
          tunedObjectiveAdvice(advice, scores: scores, file: file, tuning: tuning, model: name))
      } else {
        result.append(
          thresholdAdvice(
            advice, nearby: Self.nearbyF1(scores, cutoff: cutoff), choice: model.threshold,
            model: name))
      }
    }
    if case .binary(let scores) = first.scores, HardLabelScores(scores) == nil,
      let advice = averagePrecisionUnderImbalance(scores)
    {
      result.append(advice)
    }
    return result
  }

  /// Advice from several sources in the order ``advice(for:comparison:)``
  /// gives its own: warnings first, then recommendations, then notes, the
  /// given order kept within a severity.
  ///
  /// - Parameter advice: The advice.
  /// - Returns: The advice ordered.
  public static func ordered(_ advice: [Advice]) -> [Advice] {
    advice.enumerated().sorted {
      ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
    }.map(\.element)
  }

  /// The share of the score range on either side of the cut-off over
  /// which the threshold rules report how far F1 moves: 5%.
  public static let nearbyThresholdShare = 0.05

  /// F1 near a cut-off: the lowest and highest binary F1 over cut-offs
  /// within ``nearbyThresholdShare`` of the score range on either side.
  package struct NearbyF1 {
    /// The distance from the cut-off on either side.
    package var window: Double
    /// The lowest F1 over the window.
    package var lowest: Double
    /// The highest F1 over the window.
    package var highest: Double
  }

  /// F1 near a cut-off, over ``nearbyThresholdShare`` of the score range on
  /// either side.
  ///
  /// - Complexity: O(*n* log *n*).
  package static func nearbyF1(_ scores: BinaryScores, cutoff: Double) -> NearbyF1 {
    // BinaryScores has at least one finite score, so the sweep cannot fail.
    let sweep = try! ThresholdSweep(scores: scores.scores, gold: scores.isPositive)
    let low = scores.scores.min() ?? cutoff
    let high = scores.scores.max() ?? cutoff
    let window = nearbyThresholdShare * (high - low)
    let first = sweep.index(of: cutoff + window)
    let last = sweep.index(of: cutoff - window)
    let values = (min(first, last)...max(first, last)).map { sweep.value(of: .binaryF1, at: $0) }
    return NearbyF1(window: window, lowest: values.min() ?? .nan, highest: values.max() ?? .nan)
  }

  private func evidence(_ advice: ThresholdAdvice, nearby: NearbyF1) -> [AdviceEvidence] {
    [
      AdviceEvidence("threshold", value: advice.threshold),
      AdviceEvidence("f1_at_threshold", value: advice.f1AtThreshold),
      AdviceEvidence("threshold_window", value: nearby.window),
      AdviceEvidence("lowest_f1_in_window", value: nearby.lowest),
      AdviceEvidence("highest_f1_in_window", value: nearby.highest),
      AdviceEvidence("best_threshold_on_this_file", value: advice.bestThreshold),
      AdviceEvidence("best_f1_on_this_file", value: advice.bestF1),
    ]
  }

  /// The sentences every threshold rule ends with: how far F1 moves near
  /// the cut-off, and the best cut-off on the file.
  private func range(_ advice: ThresholdAdvice, nearby: NearbyF1) -> String {
    "Moving the cut-off by up to ±\(DisplayNumber.score(nearby.window)) (5% of the score range) moves F1 between \(DisplayNumber.score(nearby.lowest)) and \(DisplayNumber.score(nearby.highest)). The best cut-off on this file, \(Self.number(advice.bestThreshold)), gives F1 \(DisplayNumber.score(advice.bestF1)) (optimistic: tuned on the items it is measured on)."
  }

  /// A threshold as written: its shortest round-tripping form.
  static func number(_ value: Double) -> String {
    var text = "\(value)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  private func thresholdAdvice(
    _ advice: ThresholdAdvice, nearby: NearbyF1, choice: ThresholdChoice?, model: String?
  ) -> Advice {
    let cutoff = Self.number(advice.threshold)
    let atCutoff = "F1 at the cut-off \(cutoff) is \(DisplayNumber.score(advice.f1AtThreshold))."
    let tune =
      "Choose the cut-off on development data ('f1kit tune DEV --score-column S --out threshold.json') and apply it with '--threshold-from threshold.json'."
    switch choice?.source {
    case .defaultValue?:
      let gap = advice.bestF1 - advice.f1AtThreshold
      return Advice(
        rule: .defaultThreshold, severity: advice.isFarFromBest ? .warning : .recommendation,
        model: model,
        title: "The cut-off is the default \(cutoff), not one chosen on development data",
        message:
          "\(atCutoff) \(range(advice, nearby: nearby)) "
          + (advice.isFarFromBest
            ? "That is \(DisplayNumber.score(gap)) of F1 left on the table by a cut-off nobody chose. "
            : "The default happens to be close to the best here, but nothing guarantees it on other data. ")
          + tune,
        evidence: evidence(advice, nearby: nearby))
    case .tuned(let file, _, true)?:
      return Advice(
        rule: .thresholdTunedOnEvaluatedFile, severity: .warning, model: model,
        title: "The cut-off was tuned on the evaluated file itself",
        message:
          "The cut-off \(cutoff) was chosen on \(file), the very file evaluated, so F1 \(DisplayNumber.score(advice.f1AtThreshold)) and every metric of the predictions are optimistic: the items picked their own cut-off. "
          + "\(range(advice, nearby: nearby)) Tune on development data and apply the cut-off to the test file with '--threshold-from'.",
        evidence: evidence(advice, nearby: nearby))
    default:
      let source: String
      switch choice?.source {
      case .given?: source = "given with --threshold"
      case .givenInFile(let file)?: source = "given in \(file)"
      case .tuned(let file, let tuning, _)?:
        source = "chosen on \(file) for \(tuning.objectiveName)"
      default: source = "the cut-off the prediction column's predictions equal"
      }
      let far =
        advice.isFarFromBest
        ? " The cut-off is \(DisplayNumber.score(advice.bestF1 - advice.f1AtThreshold)) of F1 from the best here; if it was chosen on development data, the score distributions may differ between the files."
        : ""
      return Advice(
        rule: .thresholdSensitivity, severity: advice.isFarFromBest ? .recommendation : .note,
        model: model,
        title:
          "F1 moves from \(DisplayNumber.score(nearby.lowest)) to \(DisplayNumber.score(nearby.highest)) near the cut-off \(cutoff)",
        message: "\(atCutoff.dropLast()) (\(source)). \(range(advice, nearby: nearby))\(far)",
        evidence: evidence(advice, nearby: nearby))
    }
  }

  /// The threshold-sensitivity advice on a cut-off tuned for another
  /// objective than F1 (another metric, or recall or precision above a
  /// floor): judged on that objective here, the floor first, not on F1.
  private func tunedObjectiveAdvice(
    _ advice: ThresholdAdvice, scores: BinaryScores, file: String, tuning: ThresholdTuning,
    model: String?
  ) -> Advice {
    let sweep = ThresholdSweep(scores)
    let index = sweep.index(of: advice.threshold)
    let objective = tuning.objectiveName
    // An F-beta cut-off is judged with its own beta, not F1's.
    let beta = tuning.beta ?? 1
    let value = sweep.value(of: tuning.metric, at: index, beta: beta)
    let cutoff = Self.number(advice.threshold)
    let best: ThresholdTuning?
    var floorText = ""
    var isFloorMissed = false
    var evidence = [
      AdviceEvidence("threshold", value: advice.threshold),
      AdviceEvidence("\(tuning.metric.rawValue)_at_threshold", value: value),
    ]
    if let constraint = tuning.constraint {
      best = ThresholdTuner.tune(sweep, constraint: constraint)
      let (floorMetric, floor, name): (Metric, Double, String) =
        switch constraint {
        case .minimumPrecision(let precision): (.binaryPrecision, precision, "precision")
        case .minimumRecall(let recall): (.binaryRecall, recall, "recall")
        }
      let reached = sweep.value(of: floorMetric, at: index)
      isFloorMissed = !(reached >= floor)
      floorText =
        " and \(name) \(DisplayNumber.score(reached)), "
        + (isFloorMissed
          ? "below the floor of \(Self.number(floor)): the scores are distributed differently here than on \(file); tune on development data like this file, or leave the floor some room."
          : "so the floor of \(Self.number(floor)) holds.")
      evidence += [
        AdviceEvidence("\(name)_at_threshold", value: reached),
        AdviceEvidence("min_\(name)", value: floor),
      ]
    } else {
      best = ThresholdTuner.tune(sweep, maximizing: tuning.metric, beta: beta)
      floorText = "."
    }
    let goal = tuning.constraint.map { "\(objective) at \($0.description)" } ?? objective
    var bestText = " No cut-off on this file reaches the floor."
    var gap = 0.0
    if let best {
      gap = best.value - value
      bestText =
        " The best cut-off on this file for \(goal), \(Self.number(best.threshold)), gives \(objective) \(DisplayNumber.score(best.value)) (optimistic: tuned on the items it is measured on)."
      if !isFloorMissed, gap >= ThresholdAdvice.notableGap {
        bestText +=
          " The cut-off is \(DisplayNumber.score(gap)) of \(objective) from the best here; the score distributions may differ between the files."
      }
      evidence += [
        AdviceEvidence("best_threshold_on_this_file", value: best.threshold),
        AdviceEvidence("best_\(tuning.metric.rawValue)_on_this_file", value: best.value),
      ]
    }
    evidence.append(AdviceEvidence("f1_at_threshold", value: advice.f1AtThreshold))
    let isFar = isFloorMissed || gap >= ThresholdAdvice.notableGap
    let distance =
      gap >= ThresholdAdvice.notableGap
      ? ", \(DisplayNumber.score(gap)) of \(objective) from the best" : ""
    let title =
      switch tuning.constraint {
      case let constraint? where isFloorMissed:
        "The cut-off \(cutoff) misses \(constraint.description) here"
      case let constraint?: "The cut-off \(cutoff) keeps \(constraint.description) here\(distance)"
      case nil:
        "\(objective) at the cut-off \(cutoff), tuned for it, is \(DisplayNumber.score(value))\(distance)"
      }
    return Advice(
      rule: .thresholdSensitivity, severity: isFar ? .recommendation : .note, model: model,
      title: title,
      message:
        "The cut-off \(cutoff) was chosen on \(file) for \(goal) (\(DisplayNumber.score(tuning.value)) there). Here \(objective) is \(DisplayNumber.score(value))\(floorText)\(bestText) F1 at the cut-off, \(DisplayNumber.score(advice.f1AtThreshold)), is not what it was tuned for.",
      evidence: evidence)
  }

  private func constantScores(_ advice: ThresholdAdvice, model: String?) -> Advice {
    Advice(
      rule: .constantScores, severity: .warning, model: model,
      title: "Every item has the same score",
      message:
        "The scores rank nothing: every cut-off predicts all items alike, ROC-AUC is 0.5 and average precision is the positive rate. The best F1 any cut-off reaches, \(DisplayNumber.score(advice.bestF1)), is that of predicting every item positive; it is never 1 unless every item is positive.",
      evidence: [
        AdviceEvidence("best_f1_on_this_file", value: advice.bestF1),
        AdviceEvidence("average_precision", value: advice.averagePrecision ?? .nan),
      ])
  }

  /// A warning when the scores put the negative items above the positive
  /// ones, as `predict_proba(X)[:, 0]` does where `[:, 1]` was meant:
  /// every cut-off on them then picks the wrong items.
  ///
  /// ROC-AUC counts a tied positive–negative pair as half a pair won, so
  /// with ties the share of pairs the negative item wins is 1 − ROC-AUC −
  /// half the tied share, not 1 − ROC-AUC; the message gives the three
  /// shares. 1 − score keeps every tie and swaps the other pairs, so its
  /// ROC-AUC is 1 − ROC-AUC with or without ties.
  private func invertedScores(_ scores: BinaryScores, model: String?) -> Advice? {
    guard let auc = scores.value(of: .rocAUC), auc < ThresholdAdvice.invertedAUCLimit else {
      return nil
    }
    let tied = Self.tiedPairShare(scores)
    let best = ThresholdTuner.tune(ThresholdSweep(scores))
    let negativeWins = max(0, 1 - auc - tied / 2)
    let pairs =
      tied > 0
      ? "the negative item scores higher in \(DisplayNumber.percent(negativeWins)) of positive–negative pairs, the positive item in \(DisplayNumber.percent(max(0, auc - tied / 2))), and the two tie in \(DisplayNumber.percent(tied)) (ROC-AUC counts a tie as half a pair). "
      : "in \(DisplayNumber.percent(negativeWins)) of positive–negative pairs the negative item scores higher. "
    return Advice(
      rule: .invertedScores, severity: .warning, model: model,
      title: "The scores rank the other class first",
      message:
        "ROC-AUC is \(DisplayNumber.score(auc)): \(pairs)"
        + "These are most likely the scores of the other class (predict_proba(X)[:, 0] where [:, 1] was meant, or --positive naming the class the scores are not for): give the positive class's scores, or 1 − score, whose ROC-AUC is \(DisplayNumber.score(1 - auc))\(tied > 0 ? " (ties stay ties)" : ""); a cut-off on these picks the wrong items: the best F1 over cut-offs, \(DisplayNumber.score(best.value)), predicts \(DisplayNumber.count(best.positiveCount)) of \(AdviceText.items(scores.count)) positive.",
      evidence: [
        AdviceEvidence("roc_auc", value: auc),
        AdviceEvidence("negative_higher_share", value: negativeWins),
        AdviceEvidence("tied_pair_share", value: tied),
        AdviceEvidence("best_f1_on_this_file", value: best.value),
      ])
  }

  /// The share of positive–negative pairs whose two items have the same
  /// score: Σ over tie groups of positives × negatives, over all
  /// positives × negatives.
  ///
  /// - Complexity: O(*n*).
  static func tiedPairShare(_ scores: BinaryScores) -> Double {
    var tied = 0.0
    var positives = 0.0
    var start = 0
    for end in scores.ranking.groupEnds {
      let groupPositives = scores.ranking.items[start..<end].lazy.filter {
        scores.isPositive[$0]
      }.count
      tied += Double(groupPositives) * Double(end - start - groupPositives)
      positives += Double(groupPositives)
      start = end
    }
    let pairs = positives * (Double(scores.count) - positives)
    return pairs > 0 ? tied / pairs : 0
  }

  /// A warning when binary probabilities forecast worse than the positive
  /// rate would for every item: their Brier score is at least p(1 − p), a
  /// Brier skill score at most ``AdviceThresholds/brierSkillLimit``. Not
  /// given when the scores are not probabilities (some score outside
  /// [0, 1]), every item has one gold class (p(1 − p) is 0), or every
  /// item has the same score, which ``AdviceRule/constantScores`` covers
  /// (the constant p itself is calibrated, and forecasts nothing).
  private func poorlyCalibratedProbabilities(_ scores: BinaryScores, model: String?) -> Advice? {
    let positives = scores.isPositive.lazy.filter { $0 }.count
    let rate = Double(positives) / Double(scores.count)
    let reference = rate * (1 - rate)
    guard scores.isProbability, reference > 0,
      scores.scores.contains(where: { $0 != scores.scores[0] }),
      let brier = scores.value(of: .brierScore)
    else { return nil }
    let skill = 1 - brier / reference
    guard skill <= thresholds.brierSkillLimit else { return nil }
    let ece = scores.value(of: .expectedCalibrationError) ?? .nan
    let logLoss = scores.value(of: .logLoss) ?? .nan
    let referenceLogLoss = -(rate * log(rate) + (1 - rate) * log(1 - rate))
    return Advice(
      rule: .poorlyCalibratedProbabilities, severity: .warning, model: model,
      title: "As probabilities, the scores are no better than the positive rate alone",
      message:
        "Read as probabilities, the scores have a Brier score of \(DisplayNumber.score(brier)), no better than forecasting the positive rate p = \(DisplayNumber.score(rate)) for every item, whose Brier score is p(1 − p) = \(DisplayNumber.score(reference)): a Brier skill score of \(DisplayNumber.score(skill)). "
        + "ECE is \(DisplayNumber.score(ece)) and log loss \(DisplayNumber.score(logLoss)) (\(DisplayNumber.score(referenceLogLoss)) for the positive rate). "
        + "Do not read these scores as probabilities: recalibrate them on held-out data (Platt scaling or isotonic regression, as scikit-learn's CalibratedClassifierCV does) before applying a cut-off such as 0.5 or reporting log loss, the Brier score or ECE. "
        + "ROC-AUC and average precision read only the order of the scores, so they stand as they are.",
      evidence: [
        AdviceEvidence("brier_score", value: brier),
        AdviceEvidence("positive_rate", value: rate),
        AdviceEvidence("base_rate_brier_score", value: reference),
        AdviceEvidence("brier_skill_score", value: skill),
        AdviceEvidence("ece", value: ece),
        AdviceEvidence("log_loss", value: logLoss),
        AdviceEvidence("base_rate_log_loss", value: referenceLogLoss),
      ])
  }

  /// The calibration advice on binary scores: the warning that they are no
  /// better than the positive rate, or, when they are better, the warning
  /// that they are significantly and notably miscalibrated; never both.
  private func calibrationAdvice(_ scores: BinaryScores, model: String?) -> Advice? {
    poorlyCalibratedProbabilities(scores, model: model)
      ?? miscalibratedProbabilities(scores, model: model)
  }

  /// A warning when binary probabilities that beat the positive rate are
  /// still off as probabilities: Spiegelhalter's z or the
  /// calibration-in-the-large z of ``CalibrationTest`` at least
  /// ``AdviceThresholds/calibrationZLimit`` in magnitude, and an ECE of at
  /// least ``AdviceThresholds/calibrationErrorLimit``. Not given on the
  /// cases ``poorlyCalibratedProbabilities(_:model:)`` skips, nor when it
  /// fires.
  private func miscalibratedProbabilities(_ scores: BinaryScores, model: String?) -> Advice? {
    guard scores.scores.contains(where: { $0 != scores.scores[0] }),
      let test = CalibrationTest(scores), test.positiveRate > 0, test.positiveRate < 1,
      test.isSignificant(at: thresholds.calibrationZLimit),
      test.expectedCalibrationError >= thresholds.calibrationErrorLimit,
      let brier = scores.value(of: .brierScore)
    else { return nil }
    let rate = test.positiveRate
    let skill = 1 - brier / (rate * (1 - rate))
    let ece = DisplayNumber.score(test.expectedCalibrationError)
    let (title, shape): (String, String) =
      switch test.direction {
      case .tooHigh:
        (
          "The scores are too high as probabilities (ECE \(ece))",
          "they are too high: in the bins holding most of the gap, fewer items are positive than the scores say"
        )
      case .tooLow:
        (
          "The scores are too low as probabilities (ECE \(ece))",
          "they are too low: in the bins holding most of the gap, more items are positive than the scores say"
        )
      case .overconfident:
        (
          "The scores are overconfident as probabilities (ECE \(ece))",
          "they are overconfident, too close to 0 and 1: too high above 0.5 and too low below it"
        )
      case .underconfident:
        (
          "The scores are underconfident as probabilities (ECE \(ece))",
          "they are underconfident, too close to 0.5: too low above 0.5 and too high below it"
        )
      case .mixed:
        (
          "The scores are miscalibrated as probabilities (ECE \(ece))",
          "they are too high in some score ranges and too low in others"
        )
      }
    let bins = test.worstBins(3).map { bin in
      let upper = bin.upperEdge >= 1 ? "1]" : "\(DisplayNumber.score(bin.upperEdge, digits: 3)))"
      return
        "[\(DisplayNumber.score(bin.lowerEdge, digits: 3)), \(upper): \(AdviceText.items(bin.count)), mean score \(DisplayNumber.score(bin.meanConfidence, digits: 3)), \(DisplayNumber.percent(bin.observedRate)) positive"
    }
    let z = DisplayNumber.signed(test.spiegelhalterZ, digits: 2)
    let large = DisplayNumber.signed(test.calibrationInTheLargeZ, digits: 2)
    return Advice(
      rule: .miscalibratedProbabilities, severity: .warning, model: model,
      title: title,
      message:
        "The scores forecast better than the positive rate alone (Brier skill score \(DisplayNumber.score(skill))), but read as probabilities \(shape). "
        + "Their mean is \(DisplayNumber.score(test.meanScore)) against a positive rate of \(DisplayNumber.score(rate)), and ECE is \(ece) (at least \(Self.number(thresholds.calibrationErrorLimit)); well-calibrated scores of 500 items stay below it). "
        + "Spiegelhalter's z is \(z) and the calibration-in-the-large z \(large) (\(DisplayNumber.pValue(test.pValue)); on calibrated scores each z reaches ±\(Self.number(thresholds.calibrationZLimit)) in about 1 file of 1,000), so the gap is not chance. "
        + "The reliability bins that show it most: \(bins.joined(separator: "; ")). "
        + "Recalibrate the scores on held-out development data before reading them as probabilities, applying a cut-off such as 0.5 or reporting log loss or the Brier score: Platt scaling or isotonic regression, as scikit-learn's CalibratedClassifierCV(method=\"sigmoid\") or (method=\"isotonic\") does. "
        + "ROC-AUC and average precision read only the order of the scores, so they stand as they are.",
      evidence: [
        AdviceEvidence("ece", value: test.expectedCalibrationError),
        AdviceEvidence("spiegelhalter_z", value: test.spiegelhalterZ),
        AdviceEvidence("calibration_in_the_large_z", value: test.calibrationInTheLargeZ),
        AdviceEvidence("p_value", value: test.pValue),
        AdviceEvidence("mean_score", value: test.meanScore),
        AdviceEvidence("positive_rate", value: rate),
        AdviceEvidence("brier_skill_score", value: skill),
      ])
  }

  private func averagePrecisionUnderImbalance(_ scores: BinaryScores) -> Advice? {
    let positives = scores.isPositive.lazy.filter { $0 }.count
    let negatives = scores.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    let rate = Double(positives) / Double(scores.count)
    let ratio = Double(max(positives, negatives)) / Double(min(positives, negatives))
    // Inverted scores get their own warning: their ROC-AUC and average
    // precision are those of the wrong class's scores.
    guard ratio >= thresholds.imbalanceRatio,
      let ap = scores.value(of: .averagePrecision), let auc = scores.value(of: .rocAUC),
      auc >= ThresholdAdvice.invertedAUCLimit
    else { return nil }
    let share = DisplayNumber.percent(rate)
    let message: String
    if positives < negatives {
      message =
        "Positives are \(DisplayNumber.count(positives)) of \(AdviceText.items(scores.count)) (\(share)). ROC-AUC (\(DisplayNumber.score(auc))) counts how often a positive outranks a negative, and with \(DisplayNumber.ratio(ratio)) negatives per positive a high ROC-AUC can hide many false positives among the top-scored items. "
        + "Average precision (\(DisplayNumber.score(ap))) measures precision where the positives are found; its no-skill value is the positive rate, \(DisplayNumber.score(rate)), not 0.5. Report average precision beside ROC-AUC, each against its own no-skill value."
    } else {
      message =
        "Positives are the majority, \(DisplayNumber.count(positives)) of \(AdviceText.items(scores.count)) (\(share)), so average precision (\(DisplayNumber.score(ap))) starts from a no-skill value of \(DisplayNumber.score(rate)): a high value says little. Read ROC-AUC (\(DisplayNumber.score(auc)), no-skill 0.5), which does not move with the positive rate, "
        + "or read the rare class's average precision: --positive with its label, and with its own scores "
        + "(1 − score when the scores are probabilities of the current positive label), since "
        + "average precision reads the scores as the positive class's."
    }
    return Advice(
      rule: .averagePrecisionUnderImbalance, severity: .recommendation,
      title: positives < negatives
        ? "Positives are rare: read average precision beside ROC-AUC"
        : "Positives are the majority: average precision starts high",
      message: message,
      evidence: [
        AdviceEvidence("positive_rate", value: rate),
        AdviceEvidence("imbalance_ratio", value: ratio),
        AdviceEvidence("average_precision", value: ap),
        AdviceEvidence("roc_auc", value: auc),
      ])
  }
}
