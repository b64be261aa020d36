import F1Kit
import F1KitReading
import F1KitStatistics

extension ReportBuilder {
  /// The probabilities at which a comparison's bootstrap distribution is
  /// cut for its histogram, below one half; each comes with its mirror
  /// image.
  static let histogramProbabilities: [Double] = [0.005, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4]

  /// The most item draws (resamples × draws per resample) spent on the
  /// per-class bootstrap of one model; past it, per-class intervals are
  /// analytic. About a second of work in a release build.
  static let classBootstrapBudget = 4e8

  /// The cost of one resample of a table of counts in item draws: the
  /// number of items, or a few draws per non-empty cell, whichever
  /// ``ResamplingStrategy/automatic`` picks.
  static func resampleCost(_ counts: [Int]) -> Double {
    let items = counts.reduce(0, +)
    let cells = counts.filter { $0 > 0 }.count
    switch ResamplingStrategy.automatic.resolved(nonEmptyCells: cells, items: items) {
    case .items: return Double(items)
    default: return Double(cells * ResamplingStrategy.cellCostInItems)
    }
  }

  /// Whether a model's per-class intervals are bootstrapped (else
  /// analytic).
  func bootstrapsClasses(_ metrics: ClassificationMetrics) -> Bool {
    Double(options.resamples) * Self.resampleCost(metrics.confusionMatrix.counts)
      * Double(metrics.labels.count) <= Self.classBootstrapBudget
  }

  var bootstrapOptions: BootstrapOptions {
    BootstrapOptions(resamples: options.resamples, confidence: options.confidence)
  }

  /// Fills in every interval and test, drawing all randomness from one
  /// generator seeded with ``ReportOptions/seed`` in a fixed order, so the
  /// same inputs and seed give the same numbers.
  func computeStatistics(
    aligned: AlignedPredictions?, models: inout [ModelEvaluation],
    comparisons: inout [MetricComparison], disagreements: inout [ModelDisagreement]
  ) throws(ReportError) {
    var generator = Xoshiro256StarStar(seed: options.seed)
    do {
      for index in models.indices {
        try addIntervals(to: &models[index], using: &generator)
      }
      if let aligned {
        try compare(
          aligned, models: models, comparisons: &comparisons, disagreements: &disagreements,
          using: &generator)
      }
    } catch {
      throw .statistics(error.description)
    }
  }

  /// BCa bootstrap intervals of a model's headline metrics and of each
  /// class's precision, recall and F1.
  ///
  /// A class's scores are the binary scores of a scope whose positive class
  /// is that class, so the statistics module's bootstrap resamples them as
  /// it does any metric.
  func addIntervals(
    to model: inout ModelEvaluation, using generator: inout Xoshiro256StarStar
  ) throws(StatisticsError) {
    let metrics = model.metrics
    let bootstrap = Bootstrap(options: bootstrapOptions)
    let counts = metrics.confusionMatrix.counts
    let headline = try bootstrap.intervals(
      for: metrics.reportedMetrics, counts: counts, scope: metrics.scope, using: &generator)
    model.intervals = metrics.reportedMetrics.compactMap { metric in
      headline[metric].flatMap { interval in
        ClosedRange.finite(interval.lower, interval.upper).map { (metric, $0) }
      }
    }
    let scope = metrics.scope
    let isBootstrapped = bootstrapsClasses(metrics)
    let rows = metrics.perClass()
    let matrix = metrics.confusionMatrix
    model.classIntervals = try metrics.labels.indices.map { index throws(StatisticsError) in
      // Precision and recall are proportions of the items predicted as, or
      // labelled as, the class: Wilson intervals keep their coverage near
      // 0 and 1, where a bootstrap collapses (5 of 5 right resamples to
      // 1 every time).
      let truePositives = matrix[gold: index, predicted: index]
      let predicted = (0..<matrix.classCount).reduce(0) { $0 + matrix[gold: $1, predicted: index] }
      func wilson(_ trials: Int) throws(StatisticsError) -> ClosedRange<Double>? {
        guard trials > 0 else { return nil }
        let interval = try AnalyticInterval.wilson(
          successes: truePositives, trials: trials, confidence: options.confidence)
        return ClosedRange.finite(interval.lower, interval.upper)
      }
      // F1 is not a proportion: bootstrap it as the binary F1 of a scope
      // whose positive class is this class, or use the delta method when
      // that would take too long.
      let classScope = MetricScope(
        classCount: scope.classCount, evaluatedClassCount: scope.evaluatedClassCount,
        positiveClass: index, zeroDivision: scope.zeroDivision, beta: scope.beta)
      let f1: ConfidenceInterval?
      if isBootstrapped {
        f1 = try bootstrap.intervals(
          for: [.binaryF1], counts: counts, scope: classScope, using: &generator)[.binaryF1]
      } else {
        f1 = try AnalyticInterval.deltaMethod(
          for: .binaryF1, counts: counts, scope: classScope, confidence: options.confidence)
      }
      return ClassIntervals(
        label: metrics.labels[index], precision: try wilson(predicted),
        recall: try wilson(rows[index].support),
        f1: f1.flatMap { ClosedRange.finite($0.lower, $0.upper) })
    }
  }

  /// Paired bootstrap intervals and permutation tests of each later model
  /// against the first, Holm-adjusted across models when there are more
  /// than two, with McNemar's test and the histogram quantiles.
  func compare(
    _ aligned: AlignedPredictions, models: [ModelEvaluation], comparisons: inout [MetricComparison],
    disagreements: inout [ModelDisagreement], using generator: inout Xoshiro256StarStar
  ) throws(StatisticsError) {
    let reference = models[0]
    let metrics = Self.comparedMetrics(for: reference.metrics.problem)
    let primary = reference.metrics.primaryMetric
    var results: [MetricComparison] = []
    for candidateIndex in models.indices.dropFirst() {
      let candidate = models[candidateIndex]
      let pairs = try PairedPredictions(
        gold: aligned.gold, first: aligned.predictions[0],
        second: aligned.predictions[candidateIndex], classCount: aligned.labels.count)
      let paired = try PairedComparison(predictions: pairs, scope: reference.metrics.scope)
      // The histogram is cut from the same resamples the BCa interval comes
      // from.
      let bootstrapSeed = generator.next()
      let bootstrap = try paired.bootstrap(
        for: metrics, options: bootstrapOptions, seed: bootstrapSeed)
      let permutation = try paired.permutationTest(
        for: metrics, resamples: options.resamples, using: &generator)
      let quantiles = bootstrap[primary].map(Self.differenceQuantiles) ?? []
      for metric in metrics {
        let test = bootstrap[metric]
        results.append(
          MetricComparison(
            reference: reference.name, candidate: candidate.name, metric: metric,
            difference: paired.difference(of: metric),
            interval: test.flatMap { ClosedRange.finite($0.difference.lower, $0.difference.upper) },
            confidence: options.confidence,
            standardError: test.map(\.difference.standardError).flatMap { $0.isFinite ? $0 : nil },
            pValue: permutation[metric].map(\.pValue).flatMap { $0.isNaN ? nil : $0 },
            testName: "paired permutation test",
            differenceQuantiles: metric == primary ? quantiles : []))
      }
      let mcnemar = paired.mcnemar()
      let disagreementCount = aligned.gold.indices.reduce(0) {
        $0 + (aligned.predictions[0][$1] != aligned.predictions[candidateIndex][$1] ? 1 : 0)
      }
      disagreements.append(
        ModelDisagreement(
          reference: reference.name, candidate: candidate.name, itemCount: aligned.gold.count,
          disagreementCount: disagreementCount, referenceOnlyCorrect: mcnemar.firstOnlyCorrect,
          candidateOnlyCorrect: mcnemar.secondOnlyCorrect, mcNemarPValue: mcnemar.pValue))
    }
    if models.count > 2 {
      for metric in metrics {
        let indices = results.indices.filter {
          results[$0].metric == metric && results[$0].pValue != nil
        }
        let adjusted = try PValueAdjustment.holm.adjusted(indices.map { results[$0].pValue! })
        for (index, value) in zip(indices, adjusted) { results[index].adjustedPValue = value }
      }
    }
    comparisons = results
  }

  /// Quantiles of the paired bootstrap distribution of one difference, at
  /// ``histogramProbabilities`` and their mirror images, ascending; empty
  /// when no resample is defined.
  static func differenceQuantiles(_ test: PairedBootstrapTest)
    -> [(probability: Double, value: Double)]
  {
    guard !test.resampledDifferences.isEmpty else { return [] }
    let probabilities = histogramProbabilities.flatMap { [$0, 1 - $0] }.sorted()
    return probabilities.map { ($0, test.differenceQuantile($0)) }
  }

  /// How intervals and tests were computed, for the run metadata.
  func methodDescriptions(
    models: [ModelEvaluation], isPaired: Bool, hasHistograms: Bool
  ) -> [String] {
    let modelCount = models.count
    var lines = [
      "Scores: scikit-learn-exact, from each model's confusion matrix.",
      "Baselines: analytic, from the gold class frequencies (no sampling).",
    ]
    let level = DisplayNumber.percent(options.confidence, digits: 0)
    let resamples = DisplayNumber.count(options.resamples)
    guard options.resamples > 0 else {
      return lines + ["Intervals and significance tests: not computed (--resamples 0)."]
    }
    let analytic = models.filter { !bootstrapsClasses($0.metrics) }.map(\.name)
    lines.append(
      "Intervals: \(level) BCa bootstrap (Efron 1987) over \(resamples) resamples of the test items "
        + "for each model's headline metrics"
        + (analytic.isEmpty ? " and each class's F1." : "."))
    lines.append(
      "Per-class precision and recall: \(level) Wilson score intervals (Wilson 1927), which keep their "
        + "coverage near 0 and 1 where a bootstrap collapses.")
    if !analytic.isEmpty {
      lines.append(
        "Per-class F1\(analytic.count == models.count ? "" : " of " + analytic.joined(separator: ", ")): "
          + "\(level) delta-method intervals, as bootstrapping \(models[0].metrics.labels.count) classes "
          + "one by one would take too long.")
    }
    if modelCount > 1 {
      if isPaired {
        lines.append(
          "Differences: paired bootstrap of the test items (\(level) BCa interval, \(resamples) resamples); "
            + "p-values: paired approximate permutation test (\(resamples) random swaps of the two models' predictions)."
        )
        lines.append(
          "Accuracy: McNemar's mid-p test on the items exactly one model gets right (Fagerland et al. 2013)."
        )
        lines.append(
          hasHistograms
            ? "Histogram: quantiles of the same paired bootstrap resamples (percentile cuts at 0.5%, 2.5%, 5%, 10%, 20%, …, 80%, 90%, 95%, 97.5%, 99.5%)."
            : "Histogram: left out, as re-cutting so many resamples would take too long.")
        if modelCount > 2 {
          lines.append(
            "Several comparisons: Holm's step-down adjustment (Holm 1979) across the \(modelCount - 1) comparisons of each metric."
          )
        }
      } else {
        lines.append(
          "Differences: point estimates only; paired tests need per-item predictions, which count tables lack."
        )
      }
    }
    return lines
  }
}
