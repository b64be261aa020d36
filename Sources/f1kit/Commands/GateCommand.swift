import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport

/// `f1kit gate`: a release decision in CI, from the same comparison
/// `f1kit compare` makes.
struct GateCommand: ParsableCommand {
  static let files = Argument<[String]>(
    name: "baseline candidate",
    help:
      "The baseline model's prediction file (such as production's), then the candidate's for the same items; NAME=run1.csv,run2.csv (or a quoted pattern, 'NAME=runs/seed-*.csv') gives a model one file per training run (a comma within a file's name is written \\,). With --pred-columns or --score-columns-of, the one file (or, for --pred-columns, its shards) holding both models."
  )
  static let metric = Option<ComparedMetric>(
    name: "metric",
    help:
      "The metric the gate decides on; score metrics (roc_auc, average_precision, log_loss, ...) need --score-column, --score-columns or --score-array-column; scikit-learn scorer names (f1_macro, ...) are accepted.",
    default: nil, allowedValues: ComparedMetric.allValueStrings,
    expectation: ComparedMetric.valueExpectation, convert: { ComparedMetric(argument: $0) })
  static let margin = Option<Double>(
    name: "margin", valueName: "value",
    help: "The margin D on the metric's scale (0.01 is one point of F1).",
    default: nil, defaultDescription: nil, expectation: "a number from 0",
    convert: { Double($0).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } })
  static let mode = Option<ReleaseGate.Mode>(
    name: "mode",
    help:
      "non-inferiority: pass when the lower end of candidate − baseline is above −D; superiority: above +D; equivalence: the interval inside (−D, +D).",
    choice: .nonInferiority)
  static let format = Option<TextOrJSONFormat>(
    name: "format", help: "Output format.", default: .text)
  static let summary = Option<FilePath?>(
    name: "summary", valueName: "path",
    help: "Append a Markdown block with the decision to this file, such as $GITHUB_STEP_SUMMARY.")

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "gate",
      abstract: "Decide whether a candidate model may replace a baseline, for CI.",
      discussion: """
        Compares CANDIDATE with BASELINE on the same items exactly as 'f1kit compare \
        BASELINE CANDIDATE' does, with the same input options, runs (NAME=run1.csv,...), \
        --group-column and --stratify (same seed, resamples and confidence give the same \
        difference interval, to the last digit) and decides on the two-sided interval of \
        candidate − baseline, with strict inequalities: a bound exactly on the margin fails; \
        for lower-is-better score metrics (log loss, Brier score, ECE) the upper end decides. \
        Non-inferiority and superiority are one-sided tests at level (1 − confidence)/2; \
        equivalence is the two one-sided tests (TOST), each at that level. An interval of no \
        width, or from fewer than 10 items the two models label differently, does not pass: \
        resampling cannot show how far apart such models could be, and the sentence gives an \
        exact Clopper–Pearson bound on the share of items they label differently instead (a \
        non-inferiority or equivalence gate on accuracy passes when that bound is inside the \
        margin). When the test set \
        is too small for the margin to be reachable, a second line says so and how many items \
        (or groups, with --group-column) would be needed, with the range one test set allows \
        for that size (it rests on the items the models label differently, or on the spread of \
        the groups' differences); when the whole interval already lies beyond the margin, it \
        says more items would not make the candidate pass instead. The cautions 'compare' prints for \
        the same comparison (interval ends cut at the metric's range, basic intervals past \
        the metric's range or a difference's [−1, 1], a model with one run beside models with several, fewer than about 30 groups) follow as 'Note:' lines, in \
        the JSON's "cautions" array and in the --summary block. Exit status: 0 pass, 1 fail, 64 usage error, 65 bad data, 66 missing \
        input, 73 or 74 when --summary cannot be written.
        """,
      arguments: [files],
      options: [
        metric, margin, mode, format, summary, ModelNames.option, ModelColumns.option,
        ModelScoreColumns.option,
      ]
        + ExperimentOptions.declarations + ScoringOptions.declarations
        + ResamplingOptions.declarations + InputOptions.declarations))

  /// The comparison `compare` would make of BASELINE and CANDIDATE.
  var comparison: CompareCommand
  var gate: ReleaseGate
  var format: TextOrJSONFormat
  var summaryPath: String?

  init(parsing values: ParsedValues) throws(UsageError) {
    let files = values[Self.files]
    let predictionColumns = values[ModelColumns.option]
    let scoreColumnsOf = values[ModelScoreColumns.option]
    var input = try InputOptions(values)
    // A model that its cut-off makes predict every item alike would pass
    // or fail for the cut-off, not its scores.
    input.reader.refusesThresholdOutsideScores = true
    if case .score(let metric) = values[Self.metric] {
      try CompareCommand.refuseCutOff(for: metric, input: input)
    }
    let models: [ExperimentOptions.Model]
    if let scoreColumnsOf {
      try scoreColumnsOf.check(input: input, predictionColumns: predictionColumns, paths: files)
      try ExperimentOptions.refuseRunLists(in: files, with: "--score-columns-of")
      models = scoreColumnsOf.models.map { ExperimentOptions.Model(name: $0.name, files: files) }
    } else if let predictionColumns {
      try ModelColumns.check(predictionColumns)
      try ExperimentOptions.refuseRunLists(in: files, with: "--pred-columns")
      models = predictionColumns.map { ExperimentOptions.Model(name: $0, files: files) }
    } else {
      guard files.count == 2 else {
        throw UsageError(
          "expected a baseline and a candidate file, found \(files.count) file\(files.count == 1 ? "" : "s"); for one file with a prediction column per model, name them with --pred-columns"
        )
      }
      models = try ExperimentOptions.models(files)
      try ExperimentOptions.checkSeveralRunsOptions(
        models,
        intervalMethod: values.isSpecified(ResamplingOptions.intervalMethod)
          ? values[ResamplingOptions.intervalMethod] : nil)
    }
    let isFilePerModel = predictionColumns == nil && scoreColumnsOf == nil
    try InputOptions.checkStandardInputReadOnce(
      isFilePerModel ? models.flatMap(\.files) : files)
    guard models.count == 2 else {
      throw UsageError(
        "expected two models, the baseline and the candidate, in --\(scoreColumnsOf == nil ? "pred-columns" : "score-columns-of"), found \(models.count)"
      )
    }
    let defaults = ModelNames.defaults(models.map { $0.files[0] })
    let names =
      try ModelNames.given(values, paths: models.map { $0.name ?? $0.files[0] })
      ?? zip(models, defaults).map { $0.name ?? $1 }
    var modelWarnings: [String] = []
    if isFilePerModel {
      try ExperimentOptions.checkDistinctNames(
        models, names: names, namesAreGiven: values[ModelNames.option] != nil)
      modelWarnings = try ExperimentOptions.checkedFileWarnings(for: models, names: names)
    }
    let experiment = ExperimentOptions(values)
    if predictionColumns != nil, experiment.stratify != .none {
      throw UsageError("--stratify is not available with --pred-columns yet")
    }
    comparison = CompareCommand(
      gatingModels: models, names: names,
      design: (predictionColumns == nil || experiment.groupColumn != nil)
        && experiment.isNeeded(for: models)
        ? try experiment.design() : nil,
      groupColumn: experiment.groupColumn, metric: values[Self.metric],
      scoring: ScoringOptions(values), resampling: ResamplingOptions(values),
      input: input, predictionColumns: predictionColumns, scoreColumnsOf: scoreColumnsOf)
    comparison.modelWarnings = modelWarnings
    try input.thresholdResolver?.checkSourceCount(files: comparison.paths)
    do {
      gate = try ReleaseGate(mode: values[Self.mode], margin: values[Self.margin])
    } catch {
      throw UsageError(error.description.prefix(1).uppercased() + error.description.dropFirst())
    }
    try Self.checkMarginInRange(gate.margin, metric: values[Self.metric])
    if let warning = Self.wideMarginWarning(gate, metric: values[Self.metric]) {
      comparison.modelWarnings.append(warning)
    }
    format = values[Self.format]
    summaryPath = values[Self.summary]?.path
    try OutputPaths.refuseClashes(
      [("--summary", summaryPath)],
      inputs: models.flatMap(\.files)
        + (input.thresholdResolver?.sources ?? []))
  }

  /// Refuses a margin no difference of the metric can reach: "5 points"
  /// typed as `--margin 5` would let every candidate pass a
  /// non-inferiority or equivalence gate (and none a superiority one).
  private static func checkMarginInRange(_ margin: Double, metric: ComparedMetric)
    throws(UsageError)
  {
    guard let width = metric.rangeWidth, margin >= width else { return }
    let range = width == 2 ? "−1 to 1" : "0 to 1"
    throw UsageError(
      "'--margin \(NumberText.shortestBare(margin))' is on the metric's own scale, where \(metric.defaultValueDescription) runs from \(range): no difference between two models can reach it, so the gate would decide nothing; one point is 0.01"
    )
  }

  /// The smallest margin, on a metric's own scale, that draws
  /// ``wideMarginWarning(_:metric:)``: 10 points, where non-inferiority
  /// margins are usually 1 to 5.
  static let wideMargin = 0.1

  /// A warning for a margin of 10 points or more that lets a worse
  /// candidate pass (non-inferiority) or a different one count as
  /// equivalent: "half a point" typed as `--margin 0.5` would pass almost
  /// any candidate, with exit 0. A superiority margin only makes passing
  /// harder, and draws none.
  static func wideMarginWarning(_ gate: ReleaseGate, metric: ComparedMetric) -> String? {
    guard gate.mode != .superiority, metric.rangeWidth != nil, gate.margin >= wideMargin
    else { return nil }
    let margin = NumberText.shortestBare(gate.margin)
    let points = NumberText.shortestBare((gate.margin * 100 * 1e6).rounded() / 1e6)
    let effect =
      gate.mode == .nonInferiority
      ? "lets a candidate up to \(points) points worse on \(metric.defaultValueDescription) pass"
      : "counts candidates up to \(points) points apart on \(metric.defaultValueDescription) as equivalent"
    return
      "--margin \(margin) \(effect); margins are usually 1 to 5 points (0.01 to 0.05): if you meant \(margin) points, give --margin \(NumberText.shortestBare((gate.margin / 100 * 1e12).rounded() / 1e12))"
  }

  func run() throws(CommandFailure) -> CommandOutput {
    let output = try runGate()
    // After a successful run only: a failing one prints its one error line.
    Console.writeWarnings(comparison.modelWarnings)
    return output
  }

  private func runGate() throws(CommandFailure) -> CommandOutput {
    let paths = comparison.paths
    try InputOptions.refuseFoldersAndPipes(paths)
    try comparison.input.refuseLikelyCountColumns(
      paths, predictionColumns: comparison.predictionColumns,
      pairingCommand: comparison.predictionColumns == nil
        && comparison.scoreColumnsOf == nil ? "gate" : nil)
    let decision: ReleaseDecision
    var thresholds: [(file: String, choice: ThresholdChoice)] = []
    if comparison.isMultilabelComparison {
      if comparison.predictionColumns != nil {
        throw comparison.input.multilabelColumnsRefusal(in: "gate")
      }
      comparison.input.noteInferredLabelSets(paths, problem: comparison.scoring.problem)
      decision = try decideMultilabel()
    } else {
      try comparison.refuseMultilabelOnlyMetric(in: "gate")
      try comparison.refuseUnusedBeta(in: "gate")
      try comparison.input.refuseLabelSetsAndWeights(
        in: "gate", paths: paths, problem: comparison.scoring.problem, allowsWeights: true)
      try comparison.refuseUnsupportedWeights(in: "gate")
      decision = try decide()
      // Where each file's cut-off came from, when a score column made the
      // predictions the gate decides on: the default, --threshold or
      // --threshold-from. A score metric uses no cut-off.
      thresholds = comparison.scoreMetric == nil ? try comparison.thresholdChoices() : []
    }
    if let summaryPath {
      do {
        try AppendingFileWriter.append(
          decision.markdownSummary() + Self.markdownLines(thresholds), toPath: summaryPath)
      } catch {
        switch error.kind {
        case .emptyPath: throw .usage(error.description)
        case .cannotCreate: throw .cannotCreate(error.description)
        case .inputOutput: throw .ioError(error.description)
        }
      }
    }
    let status: ExitStatus = decision.passes ? .success : .decisionFailed
    switch format {
    case .json:
      return CommandOutput(
        CompareCommand.adding(thresholds, to: decision.jsonDocument()).serialized() + "\n",
        status: status)
    case .text:
      var note = decision.reachabilityNote.map { $0 + "\n" } ?? ""
      if let totalWeight = decision.totalWeight {
        note +=
          "weighted: the difference and its interval use sample weights (total weight \(NumberText.shortestBare(totalWeight)) over \(decision.itemCount) items)\n"
      }
      return CommandOutput(
        decision.sentence + "\n" + note + decision.cautionLines + CompareCommand.lines(thresholds),
        status: status)
    }
  }

  /// The gate's decision on the multilabel comparison `compare` makes for
  /// the same files: the paired bootstrap interval of candidate − baseline
  /// (the permutation and McNemar tests, drawn after it, are not needed).
  private func decideMultilabel() throws(CommandFailure) -> ReleaseDecision {
    let multilabel = try comparison.multilabelComparison(
      metrics: [try comparison.multilabelMetric()], tests: [.bootstrap])
    do {
      return try gate.decision(for: multilabel)
    } catch {
      throw CommandFailure("\(error)", status: .software)
    }
  }

  /// Markdown lines naming each file's cut-off, for the step summary.
  static func markdownLines(_ choices: [(file: String, choice: ThresholdChoice)]) -> String {
    guard !choices.isEmpty else { return "" }
    return CompareCommand.sentences(choices).map { "- `\($0.file)`: \($0.sentence)\n" }.joined()
      + "\n"
  }

  /// The gate's decision on the comparison `compare` makes: the single-run
  /// engine, the experiment engine (runs, groups, strata) or the score
  /// engine, whichever `compare` would use for the same options.
  private func decide() throws(CommandFailure) -> ReleaseDecision {
    do {
      if let design = comparison.design {
        guard comparison.scoreMetric == nil else {
          throw CommandFailure.usage(
            "score metrics cannot yet be compared over runs, groups or strata")
        }
        let (experiment, description) = try comparison.experimentComparison(design: design)
        var decision = try gate.decision(for: experiment, description: description)
        if experiment.metric.isBinaryOnly { decision.positiveLabel = description.positiveLabel }
        return decision
      }
      if let scoreMetric = comparison.scoreMetric {
        guard comparison.predictionColumns == nil else {
          throw CommandFailure.usage(
            "score metrics cannot yet be compared with --pred-columns; give each model's score column with --score-columns-of"
          )
        }
        let (scores, positiveLabel) = try comparison.scoreComparison(
          on: scoreMetric, names: comparison.names)
        for model in scores.models {
          if let reason = model.metrics.entries.first(where: { $0.metric == scoreMetric })?
            .undefinedReason
          {
            throw CommandFailure.data(
              "\(model.name): \(scoreMetric.displayName) is undefined, so the gate cannot decide: \(reason.description)"
            )
          }
        }
        var decision = try gate.decision(for: scores)
        decision.positiveLabel = positiveLabel
        return decision
      }
      let labels = try comparison.labelComparison()
      var decision = try gate.decision(for: labels)
      if labels.options.metric.isBinaryOnly { decision.positiveLabel = labels.positiveLabel }
      return decision
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure("\(error)", status: .software)
    }
  }
}
