import CommandLineSupport
import F1Kit
import F1KitAdvice
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport

extension ReportCommand {
  /// Refuses what the runs-and-groups section cannot take yet, as
  /// `compare` and `gate` do: sample weights (the experiment engine counts
  /// items) and standard input as a model's first run (read once for the
  /// first-run sections and again for the experiment).
  ///
  /// - Throws: A usage failure (exit 64) naming the option or the input.
  func refuseUnsupportedDesignInputs() throws(CommandFailure) {
    guard design != nil else { return }
    if input.isWeighted { throw InputOptions.designWeightsRefusal(in: "report") }
    if paths.contains("-") {
      throw .usage(
        "report reads each model's first run twice with runs, groups or strata (for the first-run sections and for Runs and groups), so standard input ('-') can only be a later run; save it to a file and name the file"
      )
    }
  }

  /// Adds the runs-and-groups section: every run of every model compared
  /// on the report's primary metric with `compare`'s experiment engine
  /// (the same seed, resamples and confidence, so the numbers equal
  /// `f1kit compare NAME=… --metric M`), its advice and its metadata.
  ///
  /// - Parameters:
  ///   - report: The report built from each model's first run.
  ///   - design: How test sets are resampled.
  /// - Throws: A usage failure without resamples, or the reading and
  ///   counting failures of `compare`.
  func addExperiment(to report: inout ReportModel, design: ResamplingDesign)
    throws(CommandFailure)
  {
    guard resamples > 0 else {
      throw .usage("runs, --group-column and --stratify need intervals: --resamples above 0")
    }
    let (counts, labels, classification, runFiles) = try experimentCounts()
    Console.writeWarnings(
      StrayPredictedLabels.warnings(
        counts: counts, labels: labels, runFiles: runFiles, evaluation: scoring.evaluation))
    var comparison: ExperimentComparison
    do {
      comparison = try ExperimentComparison(
        counts: counts, metric: classification.primaryMetric, scope: classification.scope,
        design: design,
        options: BootstrapOptions(resamples: resamples, confidence: confidence), seed: seed)
      try comparison.measureGroupWidening(seed: seed)
    } catch {
      throw ExperimentOptions.designFailure(
        error, groupFile: runFiles.first?.first, groupColumn: groupColumn)
    }
    let description = ExperimentComparison.Description(
      names: names, runFiles: runFiles, labels: labels, seed: seed,
      positiveLabel: classification.positiveLabel)
    let experiment = ExperimentReport(
      comparison: comparison, description: description, groupColumn: groupColumn)
    report.experiment = experiment
    // The experiment's advice replaces the first runs' one-run advice, and
    // their item-level "no significant difference": the test to quote is
    // the experiment's, which the Summary's verdict states.
    let firstRuns = Self.markingFirstRuns(
      report.advice.filter { $0.rule != .singleRunPerModel && $0.rule != .noSignificantDifference },
      runCounts: Dictionary(
        zip(names, comparison.counts.runCounts), uniquingKeysWith: { first, _ in first }))
    let advice = firstRuns + MetricAdvisor().advice(for: comparison, names: names)
    report.advice = advice.enumerated().sorted {
      ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset)
    }.map(\.element)
    report.metadata.runFiles = runFiles
    if let groupColumn {
      report.metadata.inputSettings.append(
        .init(
          name: "Group column",
          value:
            "“\(groupColumn)” (--group-column): \(NumberText.grouped(comparison.counts.groupCount)) groups"
        ))
    }
    if design == .stratifiedByGold {
      report.metadata.inputSettings.append(
        .init(name: "Strata", value: "gold classes (--stratify gold)"))
    }
    if experiment.hasSeveralRuns {
      report.metadata.inputSettings.append(
        .init(
          name: "Runs",
          value: zip(names, modelFiles).map { "\($0): \($1.count)" }.joined(separator: ", ")))
    }
  }

  /// The first runs' advice, saying it is about the first runs where a
  /// model has several: as the report's other first-run sections say in
  /// bold, its numbers are those of each model's first run, not the mean
  /// over its runs that the Summary's verdict and Runs and groups quote.
  ///
  /// Advice about one model with several runs is headed `A (first run)`
  /// (``Advice/isAboutFirstRuns``; its JSON keeps `"model": "A"`, as the
  /// evidence does, and adds `"first_run": true`); advice about no single model that cites scores of a model with
  /// several runs (the data rules' `Here: A: …; B: ….`) ends with a
  /// sentence saying the scores are the first runs'. Advice about the gold
  /// labels alone, and about models with one run, is left as it is.
  ///
  /// - Parameters:
  ///   - advice: The advice built from each model's first run.
  ///   - runCounts: Each model's number of runs, by name.
  /// - Returns: The advice, marked where it quotes a first run.
  static func markingFirstRuns(_ advice: [Advice], runCounts: [String: Int]) -> [Advice] {
    func hasSeveralRuns(_ name: String?) -> Bool {
      name.map { runCounts[$0, default: 1] > 1 } ?? false
    }
    return advice.map { item in
      var item = item
      if let model = item.model {
        item.isAboutFirstRuns = hasSeveralRuns(model)
      } else if item.evidence.contains(where: { hasSeveralRuns($0.model) }) {
        item.isAboutFirstRuns = true
        item.message +=
          " The scores cited are each model's first run's; the Summary's verdict and Runs and groups use every run."
      }
      return item
    }
  }

  /// The experiment's counts: from every run file aligned item by item, or
  /// from the joint counts of one file's prediction columns (and groups),
  /// as `compare` reads them.
  ///
  /// - Returns: The counts, the label order, the first run's metrics and
  ///   each model's run sources.
  private func experimentCounts() throws(CommandFailure) -> (
    ExperimentCounts, [String], ClassificationMetrics, [[String]]
  ) {
    if let predictionColumns {
      let read = try ModelColumns.experimentCounts(
        paths, columns: predictionColumns, input: input, groupColumn: groupColumn,
        options: scoring.evaluation)
      return (read.counts, read.labels, read.classification, read.runFiles)
    }
    let read = try ExperimentOptions.counts(
      ofRuns: modelFiles, inputs: modelFiles.joined().map { _ in input },
      groupColumn: groupColumn, options: scoring.evaluation)
    return (read.counts, read.labels, read.classification, modelFiles)
  }
}
