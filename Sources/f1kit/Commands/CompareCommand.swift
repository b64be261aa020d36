import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import Foundation

/// `f1kit compare`: paired significance tests between models scored on the
/// same items.
struct CompareCommand: ParsableCommand {
  static let files = Argument<[String]>(
    name: "files",
    help:
      "Two or more prediction files (CSV, TSV or JSON Lines) for the same items; NAME=run1.csv,run2.csv (or a quoted pattern, 'NAME=runs/seed-*.csv') gives a model one file per training run (a comma within a file's name is written \\,)."
  )
  static let format = Option<ComparisonFormat>(
    name: "format",
    help:
      "Output format; markdown and latex print paper-ready tables with a caption and a statement.",
    default: .text)
  static let metric = Option<ComparedMetric?>(
    name: "metric",
    help:
      "The metric to compare on; by default binary_f1 for binary problems and macro_f1 otherwise. Score metrics (roc_auc, average_precision, log_loss, ...) need --score-column, --score-columns or --score-array-column. scikit-learn scorer names (f1_macro, f1, matthews_corrcoef, ...) name the same metrics."
  )
  static let test = Option<TestChoice>(
    name: "test",
    help: "The paired tests to run; the verdict rests on the permutation test when it runs.",
    default: .all)
  static let mcnemar = Option<McNemarChoice>(
    name: "mcnemar", valueName: "method", help: "How McNemar's p-value is computed.",
    default: .midP)
  static let adjustment = Option<AdjustmentChoice>(
    name: "adjustment", valueName: "method",
    help: "Multiplicity adjustment with more than two models.", default: .holm)
  static let timings = Flag(
    name: "timings",
    help:
      "Print how long reading and counting, and scoring and resampling, took on standard error.")

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "compare",
      abstract: "Compare models on the same items with intervals and paired significance tests.",
      discussion: """
        Reads two or more prediction files for the same items (aligned by id when every \
        file has an id column, row by row otherwise; gold labels must agree item by item), \
        scores each on one metric with a bootstrap interval, and tests every pair: \
        approximate randomization (permutation), the paired bootstrap, and McNemar's test on \
        per-item correctness. With more than two models the p-values are adjusted for \
        multiplicity (Holm by default). Resampling works on the counts of (gold, A, B) \
        cells, so its cost does not grow with the number of items. A model trained with \
        several seeds is NAME=run1.csv,run2.csv,...: its value is the mean of its runs, the \
        bootstrap resamples runs and then items, and Almost Stochastic Order compares the \
        runs. --group-column resamples whole groups of items; --stratify gold keeps each \
        class's count fixed. --weight-column weights every value, interval and test by \
        sample weights (each resampled or swapped item carries its weight; McNemar's test, \
        which counts items, is not run). Multilabel files (label sets such as a|b, JSON arrays, or \
        per-label --score-columns with --threshold) are compared on samples_f1 by default \
        or any multilabel --metric, resampling items through their label-set patterns; \
        McNemar's test then compares exact matches.
        """,
      arguments: [files],
      options: [
        format, TableOptions.digits, metric, ModelNames.option, ModelColumns.option,
        ModelScoreColumns.option, test, mcnemar, adjustment, timings,
      ]
        + ExperimentOptions.declarations + ScoringOptions.declarations
        + ResamplingOptions.declarations + InputOptions.declarations))

  var paths: [String]
  var names: [String]
  /// Each model's run files.
  var modelFiles: [[String]]
  /// The design, when the experiment engine is needed.
  var design: ResamplingDesign?
  var format: ComparisonFormat
  var digits: Int
  var metric: Metric?
  var scoreMetric: ScoreMetric?
  /// The `--metric` given, as written: a multilabel comparison reads its
  /// metric from it.
  var metricName: String?
  var test: TestChoice
  var mcnemar: McNemarChoice
  var adjustment: AdjustmentChoice
  var isTimed: Bool
  var scoring: ScoringOptions
  var resampling: ResamplingOptions
  var input: InputOptions
  /// The column naming each item's group, if any.
  var groupColumn: String?
  /// Each model's prediction column, when one file (or its shards) holds
  /// every model.
  var predictionColumns: [String]?
  /// Each model's score column, when one file holds every model's scores.
  var scoreColumnsOf: ModelScoreColumns?
  /// Warnings about the models given, such as one file given for two.
  var modelWarnings: [String] = []

  init(parsing values: ParsedValues) throws(UsageError) {
    predictionColumns = values[ModelColumns.option]
    scoreColumnsOf = values[ModelScoreColumns.option]
    input = try InputOptions(values)
    let models: [ExperimentOptions.Model]
    if let scoreColumnsOf {
      try scoreColumnsOf.check(
        input: input, predictionColumns: predictionColumns, paths: values[Self.files])
      try ExperimentOptions.refuseRunLists(in: values[Self.files], with: "--score-columns-of")
      models = scoreColumnsOf.models.map {
        ExperimentOptions.Model(name: $0.name, files: values[Self.files])
      }
    } else if let predictionColumns {
      try ModelColumns.check(predictionColumns)
      try ExperimentOptions.refuseRunLists(in: values[Self.files], with: "--pred-columns")
      models = predictionColumns.map {
        ExperimentOptions.Model(name: $0, files: values[Self.files])
      }
    } else {
      models = try ExperimentOptions.models(values[Self.files])
      try ExperimentOptions.checkSeveralRunsOptions(
        models,
        intervalMethod: values.isSpecified(ResamplingOptions.intervalMethod)
          ? values[ResamplingOptions.intervalMethod] : nil, test: values[Self.test],
        mcnemar: values[Self.mcnemar])
    }
    let isFilePerModel = predictionColumns == nil && scoreColumnsOf == nil
    try InputOptions.checkStandardInputReadOnce(
      isFilePerModel ? models.flatMap(\.files) : values[Self.files])
    guard models.count >= 2 else {
      throw UsageError(
        scoreColumnsOf != nil
          ? "expected at least two models in --score-columns-of, found \(models.count)"
          : predictionColumns == nil
            ? (models.contains { $0.files.count > 1 }
              ? "expected at least two models to compare, found \(models.count) (a NAME=run1.csv,run2.csv list is one model with several runs)"
              : "expected at least two files to compare, found \(models.count); for one file with a prediction column per model, name them with --pred-columns")
            : "expected at least two columns in --pred-columns, found \(models.count)")
    }
    modelFiles = models.map(\.files)
    paths = predictionColumns == nil ? models.flatMap(\.files) : values[Self.files]
    try input.thresholdResolver?.checkSourceCount(files: paths)
    let experiment = ExperimentOptions(values)
    if predictionColumns != nil, experiment.stratify != .none {
      throw UsageError("--stratify is not available with --pred-columns yet")
    }
    design =
      (predictionColumns == nil || experiment.groupColumn != nil)
        && experiment.isNeeded(for: models) ? try experiment.design() : nil
    try ExperimentOptions.checkDesignTests(
      design, test: values[Self.test], mcnemar: values[Self.mcnemar])
    groupColumn = experiment.groupColumn
    let defaults = ModelNames.defaults(models.map { $0.files[0] })
    names =
      try ModelNames.given(values, paths: models.map { $0.name ?? $0.files[0] })
      ?? zip(models, defaults).map { $0.name ?? $1 }
    if isFilePerModel {
      try ExperimentOptions.checkDistinctNames(
        models, names: names, namesAreGiven: values[ModelNames.option] != nil)
      modelWarnings = try ExperimentOptions.checkedFileWarnings(for: models, names: names)
    }
    format = values[Self.format]
    digits = values[TableOptions.digits]
    switch values[Self.metric] {
    case .classification(let metric): self.metric = metric
    case .score(let metric): scoreMetric = metric
    case .multilabel: break
    case nil: break
    }
    if let scoreMetric {
      try Self.refuseCutOff(for: scoreMetric, input: input)
      input.readsScoresUncut()
    }
    metricName = values[Self.metric]?.defaultValueDescription
    if values[Self.test] == .mcnemar, metric != .accuracy, metric != .microF1 {
      throw UsageError(
        "--test mcnemar tests accuracy (which items each model gets right), so it is no evidence about \(metricName ?? "the default metric"): add --metric accuracy, or use --test permutation or bootstrap"
      )
    }
    test = values[Self.test]
    mcnemar = values[Self.mcnemar]
    adjustment = values[Self.adjustment]
    isTimed = values[Self.timings]
    scoring = ScoringOptions(values)
    resampling = ResamplingOptions(values)
  }

  func run() throws(CommandFailure) -> CommandOutput {
    let output = try runComparison()
    // After a successful run only: a failing one prints its one error line.
    Console.writeWarnings(modelWarnings)
    return output
  }

  private func runComparison() throws(CommandFailure) -> CommandOutput {
    try InputOptions.refuseFoldersAndPipes(paths)
    try input.refuseLikelyCountColumns(
      paths, predictionColumns: predictionColumns,
      pairingCommand: predictionColumns == nil && scoreColumnsOf == nil ? "compare" : nil)
    if isMultilabelComparison {
      input.noteInferredLabelSets(paths, problem: scoring.problem)
      return try runMultilabelComparison()
    }
    try refuseMultilabelOnlyMetric(in: "compare")
    try refuseUnusedBeta(in: "compare")
    try input.refuseLabelSetsAndWeights(
      in: "compare", paths: paths, problem: scoring.problem, allowsWeights: true)
    try refuseUnsupportedWeights(in: "compare")
    if let design {
      guard scoreMetric == nil else {
        throw .usage("score metrics cannot yet be compared over runs, groups or strata")
      }
      return try runExperiment(design: design)
    }
    if let scoreMetric {
      if predictionColumns != nil {
        throw .usage(
          "score metrics cannot yet be compared with --pred-columns; give each model's score column with --score-columns-of"
        )
      }
      return try runScoreComparison(on: scoreMetric, names: names)
    }
    let clock = ContinuousClock()
    let start = clock.now
    var readingEnd = start
    let comparison = try labelComparison { readingEnd = clock.now }
    if isTimed {
      Console.writeError(
        "timings: reading, aligning and counting \(Self.seconds(readingEnd - start)) s, scoring and resampling \(Self.seconds(clock.now - readingEnd)) s\n"
      )
    }
    let thresholds = try thresholdChoices()
    switch format {
    case .json:
      return CommandOutput(
        Self.adding(thresholds, to: comparison.jsonDocument()).serialized() + "\n")
    case .text:
      return CommandOutput(
        comparison.textSummary() + Self.lines(thresholds) + Self.seedNotes(comparison))
    case .markdown, .latex:
      let tables = Self.captioning(
        ResultTable.comparisonTables(comparison, digits: digits), with: thresholds)
      return CommandOutput(tables.rendered(as: format == .latex ? .latex : .markdown))
    }
  }

  /// Reads, aligns and counts the files and compares the models on a
  /// metric of predicted labels with the single-run engine, as `compare`
  /// and `gate` do.
  ///
  /// - Parameter didCount: Called once the files are read and counted.
  /// - Returns: The engine's comparison.
  func labelComparison(didCount: () -> Void = {}) throws(CommandFailure) -> ModelComparison {
    let counts = try comparisonCounts()
    let evaluation = scoring.evaluation.fitted(to: counts.matrices[0], metric: metric)
    Console.writeWarnings(
      StrayPredictedLabels.warnings(
        matrices: counts.matrices, sources: predictionColumns ?? pathSources,
        evaluation: evaluation))
    didCount()
    let options = try comparisonOptions(counts: counts, evaluation: evaluation)
    let bar = ProgressBar(label: "resampling", isQuiet: resampling.isQuiet)
    do {
      defer { bar.finish() }
      let comparison = try ModelComparison(
        counts: counts, names: names, evaluation: evaluation, options: options,
        progress: bar.handler)
      if !scoring.isZeroDivisionChosen, !counts.isWeighted {
        Console.writeWarnings(
          Self.zeroDivisionWarnings(
            matrices: counts.matrices, sources: predictionColumns ?? pathSources,
            evaluation: evaluation, metric: options.metric))
      }
      return comparison
    } catch let error as MetricsError {
      throw .usage(error.description)
    } catch {
      throw .usage("\(error)")
    }
  }

  static func seconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    return String(format: "%.4f", Double(whole) + Double(attoseconds) * 1e-18)
  }

  /// Reads and aligns the files, as `compare` and `gate` do.
  static func align(_ paths: [String], inputs: [InputOptions], names: [String])
    throws(CommandFailure) -> AlignedPredictions
  {
    let items = try readItems(paths, inputs: inputs)
    do {
      return try AlignedPredictions(consume items, names: names, labels: inputs.first?.labels)
    } catch {
      throw InputOptions.alignmentFailure(error, paths: paths, names: names, inputs: inputs)
    }
  }

  private func comparisonOptions(counts: ComparisonCounts, evaluation: EvaluationOptions)
    throws(CommandFailure) -> ComparisonOptions
  {
    let problem: ProblemKind
    do {
      problem = try ClassificationMetrics(
        confusionMatrix: counts.matrices[0], options: evaluation
      ).problem
    } catch {
      throw .usage(error.description)
    }
    let metric = self.metric ?? Metric.primary(for: problem)
    if metric.isFBeta && scoring.evaluation.beta == nil {
      throw .usage("the metric '\(metric.rawValue)' needs --beta, the F-beta's beta")
    }
    if metric.isBinaryOnly && problem != .binary {
      throw .usage(
        "the metric '\(metric.rawValue)' needs a binary problem; this one has \(counts.labels.count) labels"
      )
    }
    return ComparisonOptions(
      metric: metric, tests: test.tests, bootstrap: resampling.bootstrap,
      mcnemarMethod: mcnemar.method, adjustment: adjustment.adjustment, seed: resampling.seed)
  }
}
