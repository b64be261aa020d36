import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics
import F1KitSupport
import Foundation

/// `f1kit evaluate`: scores one prediction file.
struct EvaluateCommand: ParsableCommand {
  static let format = Option<EvaluationFormat>(
    name: "format", help: "Output format.", default: .text)
  static let digits = Option<Int>(
    name: "digits",
    help:
      "Decimal places in the text report (default 4) and in Markdown and LaTeX tables (default 3).",
    default: 4, in: 0...17)
  static let intervals = Flag(
    name: "ci", help: "Add bootstrap and analytic confidence intervals for every metric.")
  static let files = Argument<[String]>(
    name: "file",
    help:
      "A CSV, TSV or JSON Lines file of gold labels and predictions; '-' reads standard input. Several files are shards of one data set (item files or count tables with the same columns), summed and scored as one."
  )

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "evaluate",
      abstract: "Score one prediction file with scikit-learn-exact metrics.",
      discussion: """
        Reads gold labels and predictions (or scores) from a CSV, TSV or JSON Lines \
        file and prints a classification report: per-class precision, recall, F1 and \
        support, accuracy, macro and weighted averages, micro-F1, balanced accuracy, \
        Matthews correlation, Cohen's kappa and the confusion matrix. Two labels make a \
        binary problem; its positive label is 1 of 0/1 or -1/1, true, yes, pos or \
        positive, and must be named with --positive for any other pair. \
        --format markdown and --format latex print paper-ready tables (headline metrics with \
        bootstrap intervals, and per-class scores) with a caption saying how the numbers were \
        made. Several files are shards of one data set (item files or count tables with \
        the same columns), summed exactly and scored as one; --pred-columns a,b scores each \
        model of a file that holds one prediction column per model. With --ci, --group-column \
        makes the intervals resample whole groups of items (pairs that share a query or \
        premise), each shown beside the item-level interval, and --stratify gold keeps every \
        class's item count fixed; both change only the intervals.
        """,
      arguments: [files],
      options: [format, digits, intervals, ModelColumns.option, ModelScoreColumns.option]
        + ScoringOptions.declarations + ResamplingOptions.declarations
        + ExperimentOptions.intervalDeclarations + InputOptions.declarations))

  var path: String
  /// Every file named: shards of one data set when there are several.
  var paths: [String]
  /// Each model's prediction column, when the file holds several models.
  var predictionColumns: [String]?
  /// Each model's score column, when the file holds several models' scores.
  var scoreColumnsOf: ModelScoreColumns?
  var format: EvaluationFormat
  var digits: Int
  var tableDigits: Int
  var isIntervalRequested: Bool
  var scoring: ScoringOptions
  var resampling: ResamplingOptions
  var input: InputOptions
  /// How the intervals' bootstrap draws test sets, when grouped or
  /// stratified.
  var design: ResamplingDesign?
  /// The column naming each item's group, if any.
  var groupColumn: String?

  init(parsing values: ParsedValues) throws(UsageError) {
    paths = values[Self.files]
    path = paths.first ?? "-"
    try InputOptions.checkStandardInputReadOnce(paths)
    predictionColumns = values[ModelColumns.option]
    if let predictionColumns { try ModelColumns.check(predictionColumns) }
    format = values[Self.format]
    digits = values[Self.digits]
    tableDigits = values.isSpecified(Self.digits) ? digits : TableOptions.defaultDigits
    isIntervalRequested = values[Self.intervals]
    scoring = ScoringOptions(values)
    resampling = ResamplingOptions(values)
    input = try InputOptions(values)
    try input.thresholdResolver?.checkSourceCount(files: paths)
    scoreColumnsOf = values[ModelScoreColumns.option]
    try scoreColumnsOf?.check(input: input, predictionColumns: predictionColumns, paths: paths)
    let experiment = ExperimentOptions(values)
    groupColumn = experiment.groupColumn
    if groupColumn != nil || experiment.stratify != .none { design = try experiment.design() }
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try InputOptions.checkNoRunLists(paths, command: "evaluate")
    try InputOptions.refuseFoldersAndPipes(paths)
    try input.refuseLikelyCountColumns(paths, predictionColumns: predictionColumns)
    if let scoreColumnsOf { return try evaluateScoreColumns(scoreColumnsOf) }
    if let design { return try evaluateDesign(design) }
    if paths.count > 1 || predictionColumns != nil { return try evaluateJointCounts() }
    if input.isMultilabel(path, problem: scoring.problem) { return try evaluateMultilabel() }
    if input.labelSets.weightColumn != nil { return try evaluateWeighted() }
    var scored: (source: String, model: ScoredModel)?
    var positiveColumn: (label: String, model: ScoredModel)?
    let matrix: ConfusionMatrix
    if input.reader.scoreColumn != nil {
      // A binary score column is read flat: a score and a flag per item.
      let read = try input.readBinaryScoreModel(path, keepsItemTerms: isIntervalRequested)
      (matrix, scored) = (read.matrix, (read.source, read.model))
    } else if input.hasScores {
      let read = try input.readScoredModel(path)
      matrix = try input.confusionMatrix(of: read.items, path: path)
      scored = (read.items.sourceDescription, read.model)
      positiveColumn = positiveColumnModel(of: read.items)
    } else {
      matrix = try input.readConfusionMatrix(path)
    }
    let metrics: ClassificationMetrics
    do {
      metrics = try ClassificationMetrics(confusionMatrix: matrix, options: scoring.evaluation)
    } catch {
      // Which labels there are depends on the file: name it.
      guard case .positiveLabelNeedsBinaryProblem = error else { throw .usage(error.description) }
      throw .usage("\(path): \(error.description)")
    }
    if !scoring.isZeroDivisionChosen { Self.warnAboutUndefinedScores(metrics) }
    Console.writeWarnings(
      StrayPredictedLabels.warnings(
        matrices: [matrix], sources: [path], evaluation: scoring.evaluation))
    let isTable = format == .markdown || format == .latex
    var scores: ScoreSummary?
    if let scored, !isTable {
      scores = try scoreSummary(scored)
      if let positiveColumn {
        scores?.addPositiveColumn(
          try scoreSummary((scored.source, positiveColumn.model)),
          positiveLabel: positiveColumn.label)
      }
    }
    return try output(metrics, scores: scores, name: ModelNames.defaults([path])[0])
  }

  /// The output of one model's metrics in the chosen format, with intervals
  /// when asked for or when tables need them.
  func output(
    _ metrics: ClassificationMetrics, scores: ScoreSummary?, name: String,
    intervals given: MetricIntervals? = nil
  ) throws(CommandFailure) -> CommandOutput {
    let isTable = format == .markdown || format == .latex
    var intervals = given
    if intervals == nil && (isIntervalRequested || isTable) {
      intervals = try self.intervals(for: metrics)
    }
    switch format {
    case .markdown, .latex:
      let cutOff = try input.thresholdChoice(for: path).map { [(name, $0)] } ?? []
      let tables = CompareCommand.captioning(
        ResultTable.evaluationTables(
          metrics, intervals: intervals, name: name, digits: tableDigits, groupColumn: groupColumn),
        with: cutOff)
      return CommandOutput(tables.rendered(as: format == .latex ? .latex : .markdown))
    case .json:
      return CommandOutput(
        JSONValue.object(
          metrics.jsonDocument() + (intervals?.jsonMembers() ?? []) + (scores?.jsonMembers() ?? [])
        ).serialized() + "\n")
    case .csv:
      return CommandOutput(
        (intervals?.csvTable(for: metrics) ?? metrics.csvTable())
          + (scores?.csvRecords(includesIntervals: intervals != nil) ?? ""))
    case .text:
      var report = metrics.textReport(digits: digits)
      if let intervals {
        report += "\n" + intervals.textTable(digits: digits)
        report += Self.noSpreadNote(intervals, metrics: metrics)
      }
      if let scores { report += "\n" + scores.textSection(digits: digits) }
      return CommandOutput(report)
    }
  }

  /// Scores a single-label file with sample weights: every metric from
  /// weight sums, as scikit-learn's `sample_weight`.
  private func evaluateWeighted() throws(CommandFailure) -> CommandOutput {
    if input.reader.scoreColumn != nil || input.reader.scoreArrayColumn != nil {
      throw .usage(
        "--weight-column takes labels or --score-columns, not --score-column or --score-array-column"
      )
    }
    if !input.reader.scoreColumns.isEmpty { Console.writeError(Self.unweightedScoresNote) }
    let metrics: ClassificationMetrics
    // The distinct (gold, predicted, weight) rows with their item counts:
    // a weighted count table's, or with --ci the file's, read once, which
    // give both the matrix and the bootstrap's draws.
    var rows: (labels: [String], cells: [WeightedPredictions.Cell])?
    do {
      if let table = try input.readWeightedCountTable(path) {
        rows = (table.labels, table.predictions.cells)
        metrics = try ClassificationMetrics(
          weightedConfusionMatrix: table.predictions.confusionMatrix(labels: table.labels),
          options: scoring.evaluation)
      } else if isIntervalRequested {
        let read = try input.readWeightedRows(path)
        rows = (
          read.labels,
          read.rows.map {
            WeightedPredictions.Cell(
              gold: $0.gold, predicted: $0.predicted, weight: $0.weight, count: $0.count)
          }
        )
        metrics = try ClassificationMetrics(
          weightedConfusionMatrix: Self.weightedMatrix(read), options: scoring.evaluation)
      } else {
        metrics = try ClassificationMetrics(
          weightedConfusionMatrix: try input.readWeighted(path), options: scoring.evaluation)
      }
    } catch let error as MetricsError {
      throw .usage(error.description)
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw .usage("\(error)")
    }
    if !scoring.isZeroDivisionChosen { Self.warnAboutUndefinedScores(metrics) }
    let intervals =
      isIntervalRequested
      ? try rows.map { rows throws(CommandFailure) in
        try weightedIntervals(for: metrics, labels: rows.labels, cells: rows.cells)
      } : nil
    switch format {
    case .json:
      return CommandOutput(
        JSONValue.object(metrics.jsonDocument() + (intervals?.jsonMembers() ?? [])).serialized()
          + "\n")
    case .csv:
      return CommandOutput(intervals?.csvTable(for: metrics) ?? metrics.csvTable())
    case .text:
      let report = metrics.textReport(digits: digits)
      return CommandOutput(
        intervals.map {
          report + "\n" + $0.textTable(digits: digits)
            + "Each resample draws items with replacement, each carrying its sample weight.\n"
        } ?? report)
    case .markdown, .latex:
      throw .usage("--format \(format.rawValue) does not support --weight-column yet")
    }
  }

  /// Bootstrap intervals of a weighted file's metrics: the file's distinct
  /// (gold, predicted, weight) rows are resampled as items, each carrying
  /// its weight.
  ///
  /// - Parameters:
  ///   - metrics: The metrics.
  ///   - labels: The labels the rows' class indices name.
  ///   - cells: The distinct rows, with their item counts.
  private func weightedIntervals(
    for metrics: ClassificationMetrics, labels: [String], cells: [WeightedPredictions.Cell]
  ) throws(CommandFailure) -> MetricIntervals {
    let positions = metrics.confusionMatrix.labels.exactLabelPositions()
    let code = labels.map { positions[ExactLabel($0)] }
    let bar = ProgressBar(label: "bootstrap", isQuiet: resampling.isQuiet)
    defer { bar.finish() }
    do {
      let rows = try WeightedPredictions(
        classCount: metrics.confusionMatrix.classCount,
        cells: try cells.map { row throws(StatisticsError) in
          guard let gold = code[row.gold], let predicted = code[row.predicted] else {
            throw .unknownLabel(labels[code[row.gold] == nil ? row.gold : row.predicted])
          }
          return WeightedPredictions.Cell(
            gold: gold, predicted: predicted, weight: row.weight, count: row.count)
        })
      return try MetricIntervals(
        for: metrics, weighted: rows, options: resampling.bootstrap, seed: resampling.seed,
        progress: bar.handler)
    } catch {
      throw .usage(error.description)
    }
  }

  /// The weighted confusion matrix of distinct weighted rows, adding them
  /// in (gold, predicted, weight) order so the sums do not depend on the
  /// order the rows were read in.
  static func weightedMatrix(_ read: LabelSetReader.WeightedRows) -> WeightedConfusionMatrix {
    var matrix = WeightedConfusionMatrix(labels: read.labels)
    for row in read.rows.sorted(by: {
      ($0.gold, $0.predicted, $0.weight) < ($1.gold, $1.predicted, $1.weight)
    }) {
      matrix.add(
        goldIndex: row.gold, predictedIndex: row.predicted, weightOfEach: row.weight,
        count: row.count)
    }
    return matrix
  }

  /// Scores a multilabel file, with bootstrap intervals over items when
  /// asked. Without intervals the file is read into running totals, so
  /// memory does not grow with rows; a bootstrap needs the file's
  /// distinct patterns.
  private func evaluateMultilabel() throws(CommandFailure) -> CommandOutput {
    input.noteInferredLabelSets([path], problem: scoring.problem)
    let metrics: MultilabelMetrics
    // Standard input is read once, and the totals of numbers written two
    // ways (`1` and `1.0`) match --labels only after a second read.
    if isIntervalRequested || (path == "-" && scoring.evaluation.labels != nil) {
      let counts = try input.readMultilabel(path)
      do {
        // The order compare scores a model in, so both give it one interval.
        metrics = try MultilabelMetrics(
          counts: counts.canonicallyOrdered(evaluating: scoring.evaluation.labels),
          options: scoring.evaluation)
      } catch {
        throw .usage(error.description)
      }
    } else {
      let totals = try input.readMultilabelTotals(path, evaluation: scoring.evaluation)
      do {
        metrics = try MultilabelMetrics(accumulated: totals)
      } catch {
        throw .usage(error.description)
      }
    }
    if !scoring.isZeroDivisionChosen {
      Self.warn(about: metrics.undefinedScores(), emptySets: metrics.emptySets)
    }
    var intervals: MultilabelIntervals?
    if isIntervalRequested {
      let bar = ProgressBar(label: "bootstrap", isQuiet: resampling.isQuiet)
      defer { bar.finish() }
      do {
        intervals = try MultilabelIntervals(
          for: metrics, options: resampling.bootstrap, seed: resampling.seed)
      } catch {
        throw .usage("\(error)")
      }
    }
    switch format {
    case .json:
      return CommandOutput(
        JSONValue.object(metrics.jsonDocument() + (intervals?.jsonMembers() ?? [])).serialized()
          + "\n")
    case .csv:
      guard let intervals else { return CommandOutput(metrics.csvTable()) }
      return CommandOutput(intervals.csvTable(for: metrics))
    case .text:
      let report = metrics.textReport(digits: digits)
      return CommandOutput(
        intervals.map { report + "\n" + $0.textTable(digits: digits) } ?? report)
    case .markdown, .latex:
      throw .usage("--format \(format.rawValue) does not support multilabel problems yet")
    }
  }

  func intervals(for metrics: ClassificationMetrics) throws(CommandFailure)
    -> MetricIntervals
  {
    let bar = ProgressBar(label: "bootstrap", isQuiet: resampling.isQuiet)
    defer { bar.finish() }
    do {
      return try MetricIntervals(
        for: metrics, options: resampling.bootstrap, seed: resampling.seed,
        progress: bar.handler)
    } catch {
      throw .usage("\(error)")
    }
  }

  /// One warning line naming the classes whose scores were set to 0, as
  /// scikit-learn's `UndefinedMetricWarning` does under its default.
  /// Why a weighted file's per-class score columns give labels but no
  /// score metrics: scikit-learn weights those too, and numbers without
  /// the weights would pass for weighted ones.
  /// The note under an interval table whose every bootstrap interval has
  /// no width, such as a model that gets every item right: the table
  /// alone reads as certainty.
  ///
  /// - Parameters:
  ///   - intervals: The intervals shown.
  ///   - metrics: The model's metrics.
  /// - Returns: The note with a leading blank line, or an empty string.
  static func noSpreadNote(_ intervals: MetricIntervals, metrics: ClassificationMetrics)
    -> String
  {
    let shown = intervals.metrics.compactMap { intervals.bootstrap[$0] }
    guard let first = shown.first, shown.allSatisfy(\.hasNoSpread), metrics.itemCount > 1 else {
      return ""
    }
    return "\nNote: every interval has no width: every resample gives the same values"
      + ConfidenceInterval.noSpreadEnding(
        matrix: metrics.isWeighted ? nil : metrics.confusionMatrix, confidence: first.confidence,
        number: { NumberText.fixed($0, digits: 3) }) + "\n"
  }

  static let unweightedScoresNote =
    "note: with --weight-column, --score-columns give each item's label (its highest score) but no score metrics yet (log loss, Brier score, ROC-AUC, average precision, ECE); without --weight-column they are computed unweighted\n"

  static func warnAboutUndefinedScores(_ metrics: ClassificationMetrics) {
    warn(about: metrics.undefinedScores())
  }

  /// One warning line naming what the zero-division rule decides: the
  /// labels whose precision or recall is undefined and, for a multilabel
  /// problem, the items whose samples-average scores are (an empty gold or
  /// predicted set), as scikit-learn's `UndefinedMetricWarning` does under
  /// its default; nothing when the rule changes no reported number.
  private static func warn(
    about undefined: [UndefinedScore], emptySets: EmptyLabelSetCounts = EmptyLabelSetCounts()
  ) {
    guard !undefined.isEmpty || !emptySets.isEmpty else { return }
    var labelParts: [String] = []
    let neverPredicted = undefined.filter(\.isPrecisionUndefined).map(\.label)
    let neverOccurring = undefined.filter(\.isRecallUndefined).map(\.label)
    if !neverPredicted.isEmpty {
      labelParts.append(
        "precision is undefined for labels never predicted (\(list(neverPredicted)))")
    }
    if !neverOccurring.isEmpty {
      labelParts.append(
        "recall is undefined for labels with no gold items (\(list(neverOccurring)))")
    }
    var parts = labelParts.isEmpty ? [] : [labelParts.joined(separator: " and ")]
    if !emptySets.isEmpty { parts.append(samplesPart(emptySets)) }
    Console.writeError(
      "warning: \(parts.joined(separator: "; ")); scored as 0. Use --zero-division 0, 1 or nan to choose.\n"
    )
  }

  /// `samples precision is undefined for 23 items with no predicted label,
  /// samples recall for 35 items with no gold label and samples F-scores
  /// and Jaccard for 12 items with neither`, leaving out the kinds no item
  /// has.
  private static func samplesPart(_ emptySets: EmptyLabelSetCounts) -> String {
    func items(_ count: Int) -> String {
      "\(NumberText.grouped(count)) item\(count == 1 ? "" : "s")"
    }
    var parts: [(scores: String, items: String)] = []
    if emptySets.emptyPredicted > 0 {
      parts.append(("precision", "\(items(emptySets.emptyPredicted)) with no predicted label"))
    }
    if emptySets.emptyGold > 0 {
      parts.append(("recall", "\(items(emptySets.emptyGold)) with no gold label"))
    }
    if emptySets.emptyBoth > 0 {
      parts.append(("F-scores and Jaccard", "\(items(emptySets.emptyBoth)) with neither"))
    }
    let clauses = parts.enumerated().map { index, part in
      "samples \(part.scores)\(index == 0 ? " is undefined" : "") for \(part.items)"
    }
    guard clauses.count > 1 else { return clauses[0] }
    return clauses.dropLast().joined(separator: ", ") + " and " + clauses[clauses.count - 1]
  }

  private static func list(_ labels: [String]) -> String {
    TerminalText.list(labels)
  }
}
