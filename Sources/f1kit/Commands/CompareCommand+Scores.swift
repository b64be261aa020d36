import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitReport
import F1KitStatistics

extension CompareCommand {
  /// Refuses a cut-off given for a score metric, which ranks or scores the
  /// scores as they are: it would be printed beside a result it had no
  /// part in, as if it had been applied.
  ///
  /// - Parameters:
  ///   - metric: The score metric compared on.
  ///   - input: How the files are read.
  /// - Throws: A usage error when `--threshold` or `--threshold-from` is
  ///   given.
  static func refuseCutOff(for metric: ScoreMetric, input: InputOptions) throws(UsageError) {
    guard input.isThresholdGiven || input.thresholdResolver != nil else { return }
    throw UsageError(
      "'\(metric.rawValue)' uses the scores as they are and cuts none: drop '--threshold' and '--threshold-from', or compare on a metric of predicted labels such as binary_f1"
    )
  }

  /// Compares the files on a score metric through the engine's
  /// ``ScoreComparison``: bootstrap intervals over items, the paired
  /// bootstrap and permutation tests and, for ROC-AUC, DeLong's test.
  ///
  /// - Parameters:
  ///   - metric: The score metric.
  ///   - names: The models' names.
  /// - Returns: The comparison as text, JSON, or Markdown or LaTeX tables.
  /// - Throws: A usage failure without scores or with McNemar's test asked
  ///   for; a data failure when the files do not score the same items.
  func runScoreComparison(on metric: ScoreMetric, names: [String]) throws(CommandFailure)
    -> CommandOutput
  {
    let (comparison, positiveLabel) = try scoreComparison(on: metric, names: names)
    let thresholds = try thresholdChoices()
    switch format {
    case .json:
      return CommandOutput(
        Self.adding(thresholds, to: comparison.jsonDocument(positiveLabel: positiveLabel))
          .serialized() + "\n")
    case .text:
      return CommandOutput(
        comparison.textSummary(positiveLabel: positiveLabel) + Self.lines(thresholds))
    case .markdown, .latex:
      let tables = ResultTable.scoreComparisonTables(
        comparison, digits: digits, positiveLabel: positiveLabel)
      return CommandOutput(tables.rendered(as: format == .latex ? .latex : .markdown))
    }
  }

  /// `; the first file has a column named “score”: give --score-column
  /// score` when it has one that reads as scores, as `advise` and
  /// `report` would find it; otherwise nothing.
  private var detectedScoreHint: String {
    guard let first = paths.first, case .scores = input.detectScores(first) else { return "" }
    let column = InputOptions.detectedScoreColumn
    return
      "; the first file has a column named “\(column)”: give --score-column \(TerminalText.shellWord(column))"
  }

  /// Reads the files' scores and compares them on a score metric, as
  /// `compare` and `gate` do.
  ///
  /// - Parameters:
  ///   - metric: The score metric.
  ///   - names: The models' names.
  /// - Returns: The engine's comparison, and the positive label of binary
  ///   scores.
  /// - Throws: As ``runScoreComparison(on:names:)``.
  func scoreComparison(on metric: ScoreMetric, names: [String]) throws(CommandFailure)
    -> (comparison: ScoreComparison, positiveLabel: String?)
  {
    guard input.hasScores || scoreColumnsOf != nil else {
      throw .usage(
        "the metric '\(metric.rawValue)' needs scores: give --score-column, --score-columns or --score-array-column"
          + detectedScoreHint)
    }
    let tests: [ScoreComparison.Test]
    switch test {
    case .all: tests = ScoreComparison.Test.allCases
    case .permutation: tests = [.permutation]
    case .bootstrap: tests = [.bootstrap]
    case .mcnemar:
      throw .usage(
        "McNemar's test compares predicted labels; score metrics use the permutation, paired bootstrap and DeLong tests"
      )
    }
    let (models, positiveLabel) = try alignedScoredModels(for: metric)
    try checkScoreRowKinds(of: models, on: metric)
    let options = ScoreComparison.Options(
      metrics: [metric], tests: tests, bootstrap: resampling.bootstrap,
      adjustment: adjustment.adjustment, seed: resampling.seed)
    let bar = ProgressBar(label: "resampling", isQuiet: resampling.isQuiet)
    do {
      defer { bar.finish() }
      let comparison = try ScoreComparison(
        models: models, names: names, options: options, progress: bar.handler)
      return (comparison, positiveLabel)
    } catch {
      if case .unpairedModels = error {
        throw .data("the files do not have the same gold labels item by item")
      }
      throw .usage(error.description)
    }
  }

  /// Each file's scores, the items paired by id and put in the order of
  /// their ids when every file has ids, row by row when none has, and the
  /// positive label of binary scores.
  ///
  /// Files of which only some have ids are refused, as the label path
  /// refuses them: pairing their rows by position would compare different
  /// items wherever one file was sorted or filtered.
  ///
  /// Binary average precision and ROC-AUC read the positive label's column
  /// of two per-class columns (``ItemScores/positiveColumn(_:)``).
  ///
  /// - Parameter metric: The score metric to compare on.
  /// - Throws: A usage failure when the metric does not fit the scores'
  ///   shape; a data failure when the files cannot be paired.
  private func alignedScoredModels(for metric: ScoreMetric) throws(CommandFailure) -> (
    models: [ScoredModel], positiveLabel: String?
  ) {
    var files: [ItemScores] = []
    for (path, input) in zip(paths, pathInputs) { files.append(try input.readItemScores(path)) }
    do {
      try AlignmentError.refuseMixedIdentifiers(
        files.map { $0.predictions.identifiers != nil }, names: paths)
    } catch {
      throw .data(error.description)
    }
    try InputOptions.refuseReorderedRows(
      paths, inputs: pathInputs, items: files.map(\.predictions))
    if ScoreMetric.binaryOnlyMetrics.contains(metric), !files[0].isBinary,
      files[0].scoredLabels.count == 2
    {
      let positive = try positiveColumnLabel(of: files[0].scoredLabels, for: metric)
      files = files.map { $0.positiveColumn(positive) ?? $0 }
    }
    let first = files[0]
    // The resampled items are put in the order of their ids, which does not
    // depend on which file came first, so swapping two files mirrors every
    // interval and keeps every p-value.
    let canonicalOrder = first.predictions.identifiers?.positionsInByteOrder()
    var models: [ScoredModel] = []
    for (index, var file) in files.enumerated() {
      if index > 0 {
        var positions: [Int]?
        if let ids = first.predictions.identifiers, let own = file.predictions.identifiers {
          let found = ids.positions(in: own)
          guard own.count == ids.count, !found.contains(nil) else {
            throw .data("\(paths[index]): the ids do not match those of \(paths[0])")
          }
          positions = found.map { $0! }
          file = file.reordered(by: positions!)
        } else if file.count != first.count {
          throw .data(
            "\(paths[index]) has \(file.count) items but \(paths[0]) has \(first.count)")
        }
        guard file.scoredLabels == first.scoredLabels else {
          throw .data(
            "\(paths[index]) scores the labels \(TerminalText.list(file.scoredLabels)) but \(paths[0]) scores \(TerminalText.list(first.scoredLabels))"
          )
        }
        try refuseGoldDifference(first, file, index: index, positions: positions)
      }
      do {
        models.append(try ScoredModel(canonicalOrder.map(file.reordered(by:)) ?? file))
        InputOptions.warnAboutRoundedRows(of: models[models.count - 1], path: paths[index])
        InputOptions.warnAboutMisreadScores(of: models[models.count - 1], path: paths[index])
      } catch {
        throw .data("\(paths[index]): \(error.description)")
      }
    }
    // After the models are made, so that a gold label without a score
    // column is reported as the data error it is.
    try refuseMismatchedShape(of: first, for: metric)
    return (models, first.positiveLabel)
  }

  /// Refuses a file whose gold label differs from the first file's on some
  /// item, naming the item, both labels and the line it is on, as the
  /// label path does, rather than the engine's bare "not paired".
  ///
  /// - Parameters:
  ///   - first: The first file's items.
  ///   - file: Another file's items, in the first file's order.
  ///   - index: That file's position in ``paths``.
  ///   - positions: Each item's position in that file as read, when it was
  ///     reordered by id.
  /// - Throws: A data failure at the first item whose gold labels differ.
  /// - Complexity: O(*n*) for *n* items.
  private func refuseGoldDifference(
    _ first: ItemScores, _ file: ItemScores, index: Int, positions: [Int]?
  ) throws(CommandFailure) {
    let reference = first.predictions
    let other = file.predictions
    guard
      let row = reference.gold.indices.first(where: {
        reference.labels[Int(reference.gold[$0])] != other.labels[Int(other.gold[$0])]
      })
    else { return }
    throw InputOptions.alignmentFailure(
      .goldMismatch(
        item: reference.identifiers?[row] ?? String(row + 1), firstFile: paths[0],
        firstLabel: reference.labels[Int(reference.gold[row])], otherFile: paths[index],
        otherLabel: other.labels[Int(other.gold[row])], otherItem: positions?[row] ?? row),
      paths: paths, names: paths, inputs: pathInputs)
  }

  /// The positive label whose column binary average precision and ROC-AUC
  /// read from two per-class columns (``InputOptions/positiveColumnLabel(of:)``).
  ///
  /// - Parameters:
  ///   - scoredLabels: The two scored labels.
  ///   - metric: The binary metric.
  /// - Returns: The positive label.
  /// - Throws: A usage failure when `--positive` names neither column, or
  ///   neither it nor a well-known pair names the positive one.
  private func positiveColumnLabel(of scoredLabels: [String], for metric: ScoreMetric)
    throws(CommandFailure) -> String
  {
    if let positive = input.positiveColumnLabel(of: scoredLabels) { return positive }
    let labels = TerminalText.list(scoredLabels)
    if let given = input.reader.positiveLabel {
      throw .usage(
        "'--positive \(given)' is not one of the scored labels \(labels): \(metric.rawValue) reads the positive label's column, so name one of them"
      )
    }
    throw .usage(
      "\(metric.rawValue) reads the positive label's column of the per-class scores \(labels), and they form no well-known pair such as 0 and 1: name the positive label with --positive"
    )
  }

  /// Refuses a score metric that does not fit the scores' shape: a binary
  /// metric of per-class scores for more than two classes, or a per-class
  /// metric of one binary score column. A usage error, since it is the
  /// metric asked for, not the data, that is at fault.
  ///
  /// - Parameters:
  ///   - file: The first file's scores.
  ///   - metric: The score metric.
  /// - Throws: A usage failure naming the metrics that apply and the fix.
  private func refuseMismatchedShape(of file: ItemScores, for metric: ScoreMetric)
    throws(CommandFailure)
  {
    let applying = ScoreMetric.reported(for: file.isBinary ? .binary : .multiclass)
    guard !applying.contains(metric) else { return }
    let names = applying.map(\.rawValue).joined(separator: ", ")
    if file.isBinary {
      let source = scoreColumnsOf == nil ? "--score-column" : "--score-columns-of"
      throw .usage(
        "--metric \(metric.rawValue) averages per-class scores, and \(source) gives one binary score per item: compare on \(metric.binaryCounterpart.rawValue), or give every class's score with --score-columns; one binary score has \(names)"
      )
    }
    let source =
      input.reader.scoreArrayColumn == nil ? "--score-columns" : "--score-array-column"
    throw .usage(
      "--metric \(metric.rawValue) reads one binary score per item, and \(source) gives scores for \(file.scoredLabels.count) classes: compare on \(metric.perClassCounterpart.rawValue), or give one class's score with --score-column; per-class scores have \(names)"
    )
  }
}
