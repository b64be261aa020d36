import F1Kit
import F1KitAdvice
import F1KitReading
import F1KitStatistics
import F1KitSupport

extension ReportBuilder {
  /// The probabilities at which a comparison's bootstrap distribution is
  /// cut for its histogram, below one half; each comes with its mirror
  /// image.
  static let histogramProbabilities: [Double] = [0.005, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4]

  /// The most item draws (resamples × draws per resample) spent on the
  /// per-class bootstrap of one model; past it, per-class intervals are
  /// analytic. About a second of work in a release build.
  static let defaultClassBootstrapBudget = 4e8

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
      * Double(metrics.labels.count) <= classBootstrapBudget
  }

  /// The class whose precision, recall and F1 are headline metrics: the
  /// positive class of a binary problem; `nil` otherwise.
  static func headlineClass(of metrics: ClassificationMetrics) -> Int? {
    metrics.reportedMetrics.contains(.binaryF1) ? metrics.scope.positiveClass : nil
  }

  /// The intervals of the headline class: the headline binary precision,
  /// recall and F1 intervals themselves, so that the page, like `compare`
  /// and `evaluate --ci`, shows one interval for each of these numbers.
  static func headlineClassIntervals(of model: ModelEvaluation, at index: Int) -> ClassIntervals {
    ClassIntervals(
      label: model.metrics.labels[index], precision: model.intervals[.binaryPrecision],
      recall: model.intervals[.binaryRecall], f1: model.intervals[.binaryF1])
  }

  var bootstrapOptions: BootstrapOptions {
    BootstrapOptions(resamples: options.resamples, confidence: options.confidence)
  }

  /// A new generator for one class's bootstrap: the one every model's
  /// headline intervals start from in the comparison engine (seeded by
  /// ``ReportOptions/seed`` alone), so a class's F1 is resampled from the
  /// same test sets as the model's headline metrics, and the positive
  /// class's F1 interval is the headline binary F1 interval to the last
  /// digit.
  func classIntervalGenerator() -> Xoshiro256StarStar {
    ModelComparison.modelIntervalGenerator(seed: options.seed)
  }

  /// Runs the comparison engine on every model and pair, then the per-class
  /// intervals, and fills in the models' intervals and the pairs'
  /// disagreements.
  ///
  /// The engine compares on ``comparedMetrics(for:)`` with `f1kit compare`'s
  /// tests, McNemar method and Holm adjustment, and the same seed,
  /// resamples and confidence, so each metric's numbers equal those of
  /// `f1kit compare --metric M`.
  func computeStatistics(
    paired: ComparisonCounts?, order: [String], evaluation: EvaluationOptions,
    models: inout [ModelEvaluation], disagreements: inout [ModelDisagreement],
    progress: ResamplingProgress? = nil
  ) throws(ReportError) -> ModelComparison {
    let reference = models[0].metrics
    if reference.isWeighted && paired?.isWeighted != true {
      throw .invalidOptions(
        "weighted models need the weighted counts of their items (ComparisonCounts(_:weights:)) with the report's label order"
      )
    }
    let comparison: ModelComparison
    do {
      let counts =
        paired
        ?? ComparisonCounts(labels: order, matrices: models.map(\.metrics.confusionMatrix))
      comparison = try ModelComparison(
        counts: counts, names: models.map(\.name), evaluation: evaluation,
        options: ComparisonOptions(
          metrics: Self.comparedMetrics(for: reference.problem),
          additionalIntervalMetrics: reference.reportedMetrics, bootstrap: bootstrapOptions,
          seed: options.seed), progress: progress)
      for index in models.indices {
        models[index].intervals = comparison.models[index].intervals.compactMapValues(\.finite)
      }
      for index in models.indices {
        if let weighted = counts.weighted {
          try addWeightedClassIntervals(to: &models[index], rows: weighted[index])
        } else {
          try addClassIntervals(to: &models[index])
        }
      }
    } catch let error as StatisticsError {
      throw .statistics(error.description)
    } catch {
      throw .invalidOptions("\(error)")
    }
    if let paired {
      for pair in comparison.pairs(on: reference.primaryMetric) {
        let predictions = paired.pairs.first {
          $0.first == pair.first && $0.second == pair.second
        }?.predictions
        let cells = predictions?.cells ?? []
        let disagreementCount = cells.reduce(0) { $0 + ($1.first != $1.second ? $1.count : 0) }
        // Weighted comparisons run no McNemar test; the discordant items
        // are still counted, and the p-value is NaN.
        let discordant =
          predictions?.discordantCounts ?? (firstOnlyCorrect: 0, secondOnlyCorrect: 0)
        disagreements.append(
          ModelDisagreement(
            reference: models[pair.first].name, candidate: models[pair.second].name,
            itemCount: paired.itemCount, disagreementCount: disagreementCount,
            referenceOnlyCorrect: pair.mcnemar?.firstOnlyCorrect ?? discordant.firstOnlyCorrect,
            candidateOnlyCorrect: pair.mcnemar?.secondOnlyCorrect ?? discordant.secondOnlyCorrect,
            mcNemarPValue: pair.mcnemar?.pValue ?? (paired.isWeighted ? .nan : 1)))
      }
    }
    return comparison
  }

  /// Wilson intervals of each class's precision and recall, and a BCa
  /// bootstrap (or delta-method) interval of its F1; the positive class of
  /// a binary problem gets the headline intervals instead
  /// (``headlineClassIntervals(of:at:)``).
  ///
  /// A class's F1 is the binary F1 of a scope whose positive class is that
  /// class, so the statistics module's bootstrap resamples it as it does any
  /// metric, from the same resampled test sets as the model's headline
  /// metrics (``classIntervalGenerator()``).
  func addClassIntervals(to model: inout ModelEvaluation) throws(StatisticsError) {
    let metrics = model.metrics
    let bootstrap = Bootstrap(options: bootstrapOptions)
    let counts = metrics.confusionMatrix.counts
    let scope = metrics.scope
    let isBootstrapped = bootstrapsClasses(metrics)
    let rows = metrics.perClass()
    let classCount = metrics.confusionMatrix.classCount
    var predictedCounts = [Int](repeating: 0, count: classCount)
    for (cell, count) in counts.enumerated() { predictedCounts[cell % classCount] += count }
    // One delta-method interval per class: from the non-empty cells, each
    // costs O(cells + classes), not O(cells × classes²) as from the table.
    let cells = isBootstrapped ? [] : metrics.confusionMatrix.nonEmptyCells
    let headline = Self.headlineClass(of: metrics)
    let evaluated = model
    model.classIntervals = try metrics.labels.indices.map { index throws(StatisticsError) in
      // The positive class's scores are the headline binary metrics: one
      // number, one interval, whichever method the other classes get.
      if index == headline { return Self.headlineClassIntervals(of: evaluated, at: index) }
      // Precision and recall are proportions of the items predicted as, or
      // labelled as, the class: Wilson intervals keep their coverage near
      // 0 and 1, where a bootstrap collapses (5 of 5 right resamples to
      // 1 every time).
      let truePositives = counts[index * classCount + index]
      func wilson(_ trials: Int) throws(StatisticsError) -> ConfidenceInterval? {
        guard trials > 0 else { return nil }
        return try AnalyticInterval.wilson(
          successes: truePositives, trials: trials, confidence: options.confidence
        ).finite
      }
      // F1 is not a proportion: bootstrap it as the binary F1 of a scope
      // whose positive class is this class, or use the delta method when
      // that would take too long.
      let classScope = MetricScope(
        classCount: scope.classCount, evaluatedClassCount: scope.evaluatedClassCount,
        positiveClass: index, zeroDivision: scope.zeroDivision, beta: scope.beta)
      let f1: ConfidenceInterval?
      if isBootstrapped {
        var generator = classIntervalGenerator()
        f1 = try bootstrap.intervals(
          for: [.binaryF1], counts: counts, scope: classScope, using: &generator)[.binaryF1]
      } else {
        f1 = try AnalyticInterval.deltaMethod(
          for: .binaryF1, cells: cells, scope: classScope, confidence: options.confidence)
      }
      return ClassIntervals(
        label: metrics.labels[index], precision: try wilson(predictedCounts[index]),
        recall: try wilson(rows[index].support), f1: f1?.finite)
    }
  }

  /// Bootstrap intervals of each class's precision, recall and F1 from
  /// weighted items, each resampled item carrying its weight: a class's
  /// scores are the binary scores of a scope whose positive class is that
  /// class. (Wilson and delta-method intervals count items, so they do not
  /// apply.)
  func addWeightedClassIntervals(
    to model: inout ModelEvaluation, rows: WeightedPredictions
  ) throws(StatisticsError) {
    let metrics = model.metrics
    let scope = metrics.scope
    let bootstrap = Bootstrap(options: bootstrapOptions)
    let scores: [Metric] = [.binaryPrecision, .binaryRecall, .binaryF1]
    let headline = Self.headlineClass(of: metrics)
    let evaluated = model
    model.classIntervals = try metrics.labels.indices.map { index throws(StatisticsError) in
      if index == headline { return Self.headlineClassIntervals(of: evaluated, at: index) }
      let classScope = MetricScope(
        classCount: scope.classCount, evaluatedClassCount: scope.evaluatedClassCount,
        positiveClass: index, zeroDivision: scope.zeroDivision, beta: scope.beta)
      var generator = classIntervalGenerator()
      let intervals = try bootstrap.intervals(
        for: scores, weighted: rows, scope: classScope, using: &generator)
      return ClassIntervals(
        label: metrics.labels[index], precision: intervals[.binaryPrecision]?.finite,
        recall: intervals[.binaryRecall]?.finite, f1: intervals[.binaryF1]?.finite)
    }
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
  ///
  /// - Parameters:
  ///   - models: The models, scored.
  ///   - isPaired: Whether the models were compared item by item.
  ///   - hasHistograms: Whether Model comparison shows the bootstrap
  ///     histogram.
  ///   - isBesideExperiment: Whether the lines describe the sections built
  ///     from each model's first run in a report whose verdict comes from
  ///     an experiment: then the paired tests, whose p-values those
  ///     sections do not show, are named as the JSON's `first_run` has
  ///     them, not as the report's tests.
  /// - Returns: One line per method.
  func methodDescriptions(
    models: [ModelEvaluation], isPaired: Bool, hasHistograms: Bool,
    isBesideExperiment: Bool = false
  ) -> [String] {
    let modelCount = models.count
    var lines = [
      "Scores: scikit-learn-exact, from each model's confusion matrix.",
      "Baselines: analytic, from the gold class frequencies (no sampling).",
    ]
    if let reference = models.first?.metrics, reference.isWeighted {
      lines[1] =
        "Baselines: analytic, from the gold classes' shares of the total weight (no sampling), "
        + "as scikit-learn's DummyClassifier fitted with sample_weight."
      lines.insert(
        "Sample weights: every score, interval and test is weighted by the items' sample weights "
          + "(total \(NumberText.shortestBare(reference.totalWeight))), as scikit-learn's sample_weight; "
          + "each resampled or swapped item carries its weight.", at: 0)
    }
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
    // The positive class's scores are the headline binary metrics, and
    // take their intervals (``headlineClassIntervals(of:at:)``).
    let positive = models.first.flatMap { model in
      Self.headlineClass(of: model.metrics).map { model.metrics.labels[$0] }
    }
    let labelCount = models.first?.metrics.labels.count ?? 0
    let others =
      positive == nil ? "" : labelCount == 2 ? " (the other class)" : " (the other classes)"
    if let positive {
      lines.append(
        "Positive class “\(positive)”: its precision, recall and F1 are the headline binary precision, "
          + "recall and F1, with their intervals (BCa bootstrap), in the classification report too."
      )
    }
    if models.first?.metrics.isWeighted == true {
      lines.append(
        "Per-class precision, recall and F1\(others): \(level) BCa bootstrap of the weighted items "
          + "(Wilson and delta-method intervals count items, so they do not apply).")
    } else {
      lines.append(
        "Per-class precision and recall\(others): \(level) Wilson score intervals (Wilson 1927), which "
          + "keep their coverage near 0 and 1 where a bootstrap collapses.")
    }
    if !analytic.isEmpty {
      lines.append(
        "Per-class F1\(others)\(analytic.count == models.count ? "" : " of " + analytic.joined(separator: ", ")): "
          + "\(level) delta-method intervals, as bootstrapping \(models[0].metrics.labels.count) classes "
          + "one by one would take too long.")
    }
    if modelCount > 1 {
      if isPaired && isBesideExperiment {
        lines.append(
          "Differences: paired bootstrap of the test items (\(level) BCa interval, \(resamples) resamples), "
            + "with no p-values shown: the paired approximate permutation test (\(resamples) random swaps of "
            + "the two models' predictions)"
            + (models.first?.metrics.isWeighted == true
              ? "" : " and McNemar's mid-p test on accuracy (Fagerland et al. 2013)")
            + (modelCount > 2
              ? ", with Holm's adjustment across the \(modelCount * (modelCount - 1) / 2) pairs,"
              : "")
            + " test these items one by one; their p-values are in the JSON's first_run.comparisons, "
            + "and are not the report's tests.")
        lines.append(
          hasHistograms
            ? "Histogram: quantiles of the same paired bootstrap resamples (percentile cuts at 0.5%, 2.5%, 5%, 10%, 20%, …, 80%, 90%, 95%, 97.5%, 99.5%)."
            : "Histogram: left out, as re-cutting so many resamples would take too long.")
      } else if isPaired {
        lines.append(
          "Differences: paired bootstrap of the test items (\(level) BCa interval, \(resamples) resamples); "
            + "p-values: paired approximate permutation test (\(resamples) random swaps of the two models' predictions)."
        )
        if models.first?.metrics.isWeighted != true {
          lines.append(
            "Accuracy: McNemar's mid-p test on the items exactly one model gets right (Fagerland et al. 2013)."
          )
        }
        lines.append(
          hasHistograms
            ? "Histogram: quantiles of the same paired bootstrap resamples (percentile cuts at 0.5%, 2.5%, 5%, 10%, 20%, …, 80%, 90%, 95%, 97.5%, 99.5%)."
            : "Histogram: left out, as re-cutting so many resamples would take too long.")
        if modelCount > 2 {
          lines.append(
            "Several comparisons: every pair of models is compared; Holm's step-down adjustment (Holm 1979) across the \(modelCount * (modelCount - 1) / 2) pairs of each metric."
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
