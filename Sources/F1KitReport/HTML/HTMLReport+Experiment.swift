import F1Kit
import F1KitAdvice
import F1KitStatistics

extension HTMLReport {
  /// Whether the report has an experiment (several runs, groups or strata),
  /// so that the Summary's verdict comes from it and the sections built
  /// from each model's first run say so and claim no significance.
  var hasExperiment: Bool { model.experiment != nil }

  /// The paragraph that opens a section built from each model's first run
  /// or from items resampled one by one, when the report has an
  /// experiment; empty otherwise.
  ///
  /// - Parameter isAboutIntervals: Whether the section shows intervals.
  /// - Returns: A `<p>` element, or an empty string.
  func firstRunNote(isAboutIntervals: Bool) -> String {
    guard let note = model.experiment?.firstRunNote(isAboutIntervals: isAboutIntervals) else {
      return ""
    }
    return "<p class=\"first-run\"><strong>\(HTMLText.content(note))</strong></p>\n"
  }

  /// The Summary's verdict with an experiment: one sentence per pair from
  /// the experiment comparison (the numbers of `f1kit compare … --metric
  /// M`), then one sentence on what was resampled.
  ///
  /// - Parameter experiment: The experiment.
  /// - Returns: The sentences.
  func experimentVerdicts(_ experiment: ExperimentReport) -> [String] {
    let comparison = experiment.comparison
    let names = experiment.description.names
    let metric = name(of: comparison.metric)
    let pValues = experiment.decisionPValues
    let adjustment =
      comparison.models.count > 2
      ? "\(experiment.description.adjustment.displayName)-adjusted " : ""
    // The test as `f1kit compare` names it: "paired bootstrap (runs and
    // groups resampled)" or "permutation test (whole groups swapped)".
    let isPermutation = comparison.verdictTest == .permutation
    let test =
      isPermutation
      ? "permutation test (whole groups swapped)"
      : "paired bootstrap (\(comparison.resamplingPhrase()))"
    var sentences: [String] = comparison.pairs.indices.map { index in
      let pair = comparison.pairs[index]
      let difference = pair.difference
      let first = names[pair.first]
      let second = names[pair.second]
      if difference.estimate == 0 {
        return
          "\(second) and \(first) score the same on \(metric) (\(DisplayNumber.score(comparison.models[pair.first].interval.estimate)))."
      }
      let isSecondBetter = difference.estimate > 0
      let (better, worse) = isSecondBetter ? (second, first) : (first, second)
      let oriented =
        isSecondBetter ? difference.range : (-difference.upper)...(-difference.lower)
      let amount =
        DisplayNumber.score(abs(difference.estimate), digits: 3) + " "
        + DisplayNumber.interval(oriented, digits: 3)
      let p = pValues[index]
      let level = ModelComparison.significanceLevelPhrase(confidence: difference.confidence)
      let tail =
        ", \(adjustment)\(DisplayNumber.pValue(p)), \(test)" + (level.map { ", " + $0 } ?? "")
      if !p.isNaN,
        let withheld = comparison.verdictFloors(adjustment: experiment.description.adjustment)
          .verdictSentence
      {
        return "\(better) scores higher than \(worse) on \(metric) by \(amount)\(tail). " + withheld
      }
      let isSignificant = p < experiment.significanceLevel
      let disagreement = ModelComparison.disagreementSentence(
        interval: difference, isSignificant: isSignificant,
        isAdjusted: comparison.models.count > 2)
      return isSignificant
        ? "\(better) beats \(worse) on \(metric) by \(amount)\(tail)." + disagreement
        : "\(better) scores higher than \(worse) on \(metric) by \(amount)\(tail): not a significant difference."
          + disagreement
    }
    sentences.append(
      (experiment.hasSeveralRuns
        ? "Each model's value is the mean of its runs (\(experiment.runsPhrase)); the interval and p-value resample the runs, then \(experiment.resampledUnits)"
        : isPermutation
          ? "The interval resamples \(experiment.resampledUnits) and the p-value swaps the two models' predictions on whole groups"
          : "The interval and p-value resample \(experiment.resampledUnits)")
        + ", as in Runs and groups and f1kit compare.")
    return sentences
  }
}
