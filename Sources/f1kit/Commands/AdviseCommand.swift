import CommandLineSupport
import F1Kit
import F1KitAdvice
import F1KitReading
import F1KitReport
import F1KitSupport
import Foundation

/// `f1kit advise`: prints metric advice for one prediction file.
struct AdviseCommand: ParsableCommand {
  static let format = Option<TextOrJSONFormat>(
    name: "format", help: "Output format.", default: .text)

  static let configuration = ScikitLearnOptions.hinting(
    CommandConfiguration(
      name: "advise",
      abstract: "Advise which metrics to trust for one prediction file, citing the numbers.",
      discussion: """
        Scores the file as 'f1kit evaluate' does, then applies F1Kit's metric advice rules: \
        class imbalance, micro-F1 equal to accuracy, weighted-F1 hiding minority classes, \
        classes with few gold items, classes never predicted, balanced binary classes and \
        no-skill baselines. With scores (--score-column, --score-columns, --score-array-column, \
        or a column named 'score' beside the prediction column) it first prints the score \
        metrics, then also advises on the cut-off: the default 0.5, one tuned on the evaluated \
        file itself, how far F1 moves across cut-offs, and average precision against ROC-AUC \
        when a class is rare. Each item names its rule id, its severity and the numbers that \
        triggered it. 'f1kit report' shows the same advice. With --group-column it also \
        says how many groups the items form, how much wider the primary metric's interval \
        by group is than the item-level one, and warns under about 30 groups. For a \
        multilabel file it explains which of the samples, micro and macro averages to read, \
        citing the label cardinality, the label frequency imbalance and empty label sets. \
        Several files are shards of one data set (item files or count tables with the same \
        columns), summed exactly; --pred-columns a,b advises on each model of a file that \
        holds one prediction column per model.
        """,
      arguments: [files],
      options: [format, ExperimentOptions.adviceGroupColumn, ModelColumns.option]
        + ScoringOptions.declarations
        + InputOptions.declarations))

  static let files = Argument<[String]>(
    name: "file",
    help:
      "A CSV, TSV or JSON Lines file of gold labels and predictions; '-' reads standard input. Several files are shards of one data set, summed and advised on as one."
  )

  var paths: [String]
  /// The first (or only) file.
  var path: String { paths[0] }
  var format: TextOrJSONFormat
  var scoring: ScoringOptions
  var input: InputOptions
  /// The column naming each item's group, if any.
  var groupColumn: String?
  /// Each model's prediction column, when the file holds several models.
  var predictionColumns: [String]?

  init(parsing values: ParsedValues) throws(UsageError) {
    paths = values[Self.files]
    try InputOptions.checkStandardInputReadOnce(paths)
    format = values[Self.format]
    scoring = ScoringOptions(values)
    input = try InputOptions(values)
    try input.thresholdResolver?.checkSourceCount(files: paths)
    groupColumn = values[ExperimentOptions.adviceGroupColumn]
    predictionColumns = values[ModelColumns.option]
    if let predictionColumns { try ModelColumns.check(predictionColumns) }
  }

  func run() throws(CommandFailure) -> CommandOutput {
    try InputOptions.checkNoRunLists(paths, command: "advise")
    try InputOptions.refuseFoldersAndPipes(paths)
    try input.refuseLikelyCountColumns(paths, predictionColumns: predictionColumns)
    if paths.count == 1, predictionColumns == nil,
      input.isMultilabel(path, problem: scoring.problem)
    {
      return try adviseMultilabel()
    }
    try input.refuseLabelSetsAndWeights(
      in: "advise", paths: paths, problem: scoring.problem, allowsWeights: true,
      predictionColumns: predictionColumns)
    let isOneItemFile = paths.count == 1 && predictionColumns == nil
    if groupColumn != nil {
      guard isOneItemFile else {
        throw .usage("advise --group-column takes one file, without --pred-columns")
      }
      guard !input.isWeighted else {
        throw .usage("advise does not support --weight-column with --group-column yet")
      }
      return try adviseGroups()
    }
    guard isOneItemFile else {
      guard !input.isWeighted else {
        throw .usage("advise does not support --weight-column with shards or --pred-columns yet")
      }
      return try adviseEachModel()
    }
    if input.isWeighted && input.hasScores {
      throw .usage("advise does not support --weight-column with score columns yet")
    }
    // The file's counts, read at most once: for the labels whose columns
    // may hold scores, and for the metrics.
    var counted: ConfusionMatrix?
    let scores = try readScores {
      counted = try? input.readConfusionMatrix(path)
      return counted?.labels ?? []
    }
    let metrics: ClassificationMetrics
    do {
      if input.isWeighted {
        metrics = try ClassificationMetrics(
          weightedConfusionMatrix: try input.readWeightedMatrix(path), options: scoring.evaluation)
      } else {
        let matrix = try scores?.matrix ?? counted ?? input.readConfusionMatrix(path)
        metrics = try ClassificationMetrics(confusionMatrix: matrix, options: scoring.evaluation)
        writeStrayLabelWarnings(matrices: [matrix], sources: [path])
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw .usage("\(error)")
    }
    let advisor = MetricAdvisor()
    let advice = MetricAdvisor.ordered(
      advisor.advice(for: metrics) + advisor.scoreAdvice(for: scores.map { [$0.advised] } ?? []))
    switch format {
    case .json:
      var document = advice.jsonDocument(positiveLabel: metrics.positiveLabel)
      if let scores, case .object(let members) = document {
        document = .object(members + scores.summary.jsonMembers())
      }
      if metrics.isWeighted, case .object(let members) = document {
        document = .object(
          [("weighted", .bool(true)), ("total_weight", .number(metrics.totalWeight))] + members)
      }
      return CommandOutput(document.serialized() + "\n")
    case .text:
      let heading =
        scores.map { $0.summary.textSection() + ($0.note.map { "(\($0))\n" } ?? "") + "\n" } ?? ""
      let note =
        metrics.isWeighted
        ? "weighted: the scores cited use sample weights (total weight \(NumberText.shortestBare(metrics.totalWeight)) over \(metrics.itemCount) items); class sizes give weight and items\n\n"
        : ""
      return CommandOutput(note + heading + advice.text(positiveLabel: metrics.positiveLabel))
    }
  }

  /// Advice in the chosen format, for the group path (no score section).
  func render(_ advice: [Advice], metrics: ClassificationMetrics) -> CommandOutput {
    switch format {
    case .json:
      return CommandOutput(
        advice.jsonDocument(positiveLabel: metrics.positiveLabel).serialized() + "\n")
    case .text: return CommandOutput(advice.text(positiveLabel: metrics.positiveLabel))
    }
  }

  /// Advises on shards summed into one data set, or on each model of a
  /// file with one prediction column per model (`--pred-columns`), from
  /// each model's counts, as `evaluate` scores them: several models print
  /// their advice one after another under each model's name, JSON as
  /// `{"models": [{"name": …, "advice": …}, …]}`.
  private func adviseEachModel() throws(CommandFailure) -> CommandOutput {
    let counts = try ModelColumns.readModelCounts(paths, columns: predictionColumns, input: input)
    let names = predictionColumns ?? [ModelNames.defaults([paths[0]])[0]]
    var documents: [JSONValue] = []
    var texts: [String] = []
    var matrices: [ConfusionMatrix] = []
    for (model, name) in names.enumerated() {
      let metrics: ClassificationMetrics
      do {
        metrics = try ClassificationMetrics(
          confusionMatrix: try counts[model].confusionMatrix(ofModel: 0, labels: input.labels),
          options: scoring.evaluation)
      } catch let error as ConfusionMatrixError {
        throw .usage(error.description)
      } catch let error as MetricsError {
        throw .usage(error.description)
      } catch {
        throw .usage("\(error)")
      }
      matrices.append(metrics.confusionMatrix)
      let advice = MetricAdvisor().advice(for: metrics)
      guard predictionColumns != nil else {
        writeStrayLabelWarnings(matrices: matrices, sources: names)
        switch format {
        case .json:
          return CommandOutput(
            advice.jsonDocument(positiveLabel: metrics.positiveLabel).serialized() + "\n")
        case .text: return CommandOutput(advice.text(positiveLabel: metrics.positiveLabel))
        }
      }
      let document = advice.jsonDocument(positiveLabel: metrics.positiveLabel)
      if case .object(let members) = document {
        documents.append(.object([("name", .string(name))] + members))
      } else {
        documents.append(.object([("name", .string(name)), ("advice", document)]))
      }
      texts.append("== \(name) ==\n\n" + advice.text(positiveLabel: metrics.positiveLabel))
    }
    writeStrayLabelWarnings(matrices: matrices, sources: names)
    switch format {
    case .json:
      return CommandOutput(JSONValue.object([("models", .array(documents))]).serialized() + "\n")
    case .text: return CommandOutput(texts.joined(separator: "\n"))
    }
  }

  /// Writes the warnings `evaluate` gives for the same models: predicted
  /// labels no gold item has, or gold labels `--labels` leaves out. A
  /// renaming of the labels is advice of its own here (`renamed-labels`).
  private func writeStrayLabelWarnings(matrices: [ConfusionMatrix], sources: [String]) {
    Console.writeWarnings(
      StrayPredictedLabels.warnings(
        matrices: matrices, sources: sources, evaluation: scoring.evaluation,
        includesRenamings: false))
  }

  /// Advice for a multilabel file: which average to read, citing label
  /// cardinality, label frequency imbalance and empty label sets.
  private func adviseMultilabel() throws(CommandFailure) -> CommandOutput {
    if groupColumn != nil {
      throw .usage("advise does not support --group-column with multilabel files yet")
    }
    input.noteInferredLabelSets([path], problem: scoring.problem)
    let counts = try input.readMultilabel(path)
    let metrics: MultilabelMetrics
    do {
      metrics = try MultilabelMetrics(counts: counts, options: scoring.evaluation)
    } catch {
      throw .usage(error.description)
    }
    let advice = MetricAdvisor().advice(for: metrics)
    switch format {
    case .json:
      var document = advice.jsonDocument()
      if metrics.isWeighted, case .object(let members) = document {
        document = .object(
          [("weighted", .bool(true)), ("total_weight", .number(metrics.tallies.totalWeight))]
            + members)
      }
      return CommandOutput(document.serialized() + "\n")
    case .text:
      let note =
        metrics.isWeighted
        ? "weighted: the scores cited use sample weights (total weight \(NumberText.shortestBare(metrics.tallies.totalWeight)) over \(metrics.itemCount) items); label sizes give weight and items\n\n"
        : ""
      return CommandOutput(note + advice.text())
    }
  }
}
