import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics

extension InputOptions {
  /// Whether the prediction comes from scores (`--score-column`,
  /// `--score-columns` or `--score-array-column`), so the score metrics
  /// apply.
  var hasScores: Bool {
    reader.scoreColumn != nil || !reader.scoreColumns.isEmpty || reader.scoreArrayColumn != nil
  }

  /// The positive label whose column binary average precision and ROC-AUC
  /// read from two per-class columns: `--positive` when it names one of
  /// them, else the positive member of a well-known pair such as 0 and 1.
  ///
  /// - Parameter scoredLabels: The two scored labels.
  /// - Returns: The positive label, or `nil` when `--positive` names
  ///   neither or, without it, the labels form no well-known pair.
  func positiveColumnLabel(of scoredLabels: [String]) -> String? {
    guard let given = reader.positiveLabel else {
      return PositiveLabelConvention.positiveLabel(of: scoredLabels)
    }
    // `--positive 1.0` names the column "1" of numeric labels, as the
    // label path reads it.
    let spelled =
      EvaluationOptions(positiveLabel: given).spellingNumbers(like: scoredLabels).positiveLabel
      ?? given
    return scoredLabels.first { $0.utf8.elementsEqual(spelled.utf8) }
  }

  /// The positive label's column of two per-class columns of a binary
  /// problem, whose binary average precision and ROC-AUC `evaluate`,
  /// `advise` and `report` add to the per-class metrics, as `compare` and
  /// `gate` read them.
  ///
  /// When two labels are scored but the positive one is not known
  /// (`--positive` names neither column, or the labels form no well-known
  /// pair), a warning says the two metrics are left out: the per-class
  /// metrics stand on their own, so the command goes on, where `compare`
  /// and `gate`, asked for one of the two, refuse.
  ///
  /// - Parameters:
  ///   - items: A file's items with their per-class scores.
  ///   - path: The file, for the warning.
  /// - Returns: The positive label and its column's items, or `nil` unless
  ///   two labels are scored, every gold label is one of them and the
  ///   positive one is known (``positiveColumnLabel(of:)``).
  func positiveColumn(of items: ItemScores, path: String) -> (label: String, items: ItemScores)? {
    guard !items.isBinary, items.scoredLabels.count == 2 else { return nil }
    guard let label = positiveColumnLabel(of: items.scoredLabels) else {
      let labels = TerminalText.list(items.scoredLabels)
      let why =
        reader.positiveLabel.map { "'--positive \($0)' is not one of the scored labels \(labels)" }
        ?? "the scored labels \(labels) form no well-known pair such as 0 and 1"
      Console.writeWarnings([
        "\(Self.displayName(of: path)): binary average_precision and roc_auc, which read the positive label's column, are left out: \(why); name one of them with --positive"
      ])
      return nil
    }
    return items.positiveColumn(label).map { (label, $0) }
  }

  /// Reads a file's items with their scores.
  ///
  /// - Parameter path: The file, or `-` for standard input.
  /// - Returns: The items, in file order.
  /// - Throws: A one-line failure with the reader's exit status.
  func readItemScores(_ path: String) throws(CommandFailure) -> ItemScores {
    let options = try readerOptions(for: path)
    do {
      let items = try PredictionReader(path: path, options: options).readItemScores()
      Console.writeWarnings(items.predictions.warnings)
      return items
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads a file's items and sorts their scores for the score metrics.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - warnsAboutMisreadScores: Whether to warn when the scores look like
  ///     hard predictions or the other class's scores
  ///     (``warnAboutMisreadScores(of:path:)``); `advise`, whose advice
  ///     says so, passes `false`.
  /// - Returns: The items and the model of their scores.
  /// - Throws: A one-line failure: 65 for scores that cannot be scored.
  func readScoredModel(_ path: String, warnsAboutMisreadScores: Bool = true)
    throws(CommandFailure) -> (items: ItemScores, model: ScoredModel)
  {
    let items = try readItemScores(path)
    do {
      let model = try ScoredModel(items)
      Self.warnAboutRoundedRows(of: model, path: path)
      if warnsAboutMisreadScores { Self.warnAboutMisreadScores(of: model, path: path) }
      return (items, model)
    } catch {
      throw .data("\(Self.displayName(of: path)): \(error.description)")
    }
  }

  /// Warns when a model's scores are probably not the scores meant: hard
  /// predictions, a binary column of two values such as 0 and 1 from
  /// `clf.predict(X)` or one-hot per-class rows
  /// (`ScoredModel.hardLabelWarning`), or the other class's scores, a
  /// binary column whose ROC-AUC is far below 0.5 as
  /// `predict_proba(X)[:, 0]` gives (`ScoredModel.invertedScoresWarning`).
  /// The command goes on, with its exit status unchanged.
  ///
  /// - Parameters:
  ///   - model: The model read from the file.
  ///   - path: The file, or `-` for standard input.
  static func warnAboutMisreadScores(of model: ScoredModel, path: String) {
    let warnings = [model.hardLabelWarning, model.invertedScoresWarning()].compactMap { $0 }
    Console.writeWarnings(warnings.map { "\(displayName(of: path)): \($0)" })
  }

  /// Warns when a model's per-class rows are probabilities only as rounded
  /// (`df.round(4)`), which changes which metrics scikit-learn computes
  /// on them and how.
  ///
  /// - Parameters:
  ///   - model: The model read from the file.
  ///   - path: The file, or `-` for standard input.
  static func warnAboutRoundedRows(of model: ScoredModel, path: String) {
    guard case .multiclass(let scores) = model, scores.isProbability,
      !scores.sumsToOneForRanking
    else { return }
    let deviation = UndefinedScoreMetricReason.shortNumber(scores.largestRowSumDeviation)
    Console.writeWarnings([
      "\(displayName(of: path)): the score rows sum to 1 only within \(deviation), as probabilities rounded when written do: log loss, the Brier score and calibration use them as given, as scikit-learn does, and one-vs-one ROC-AUC, which needs rows that sum to 1, is left out; write the probabilities unrounded (pandas' to_csv without float_format) for all of them"
    ])
  }

  /// Reads a file's binary score column flat (a score and a positive flag
  /// per item, no ids) and sorts the scores once.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - keepsItemTerms: Whether the model keeps its per-item terms for
  ///     resampling (`--ci`).
  /// - Returns: The confusion matrix of the thresholded scores, the model
  ///   and where the scores came from.
  /// - Throws: A one-line failure with the reader's exit status; 65 for
  ///   scores that cannot be scored.
  func readBinaryScoreModel(_ path: String, keepsItemTerms: Bool) throws(CommandFailure) -> (
    matrix: ConfusionMatrix, model: ScoredModel, source: String
  ) {
    let options = try readerOptions(for: path)
    let column: BinaryScoreColumn
    do {
      column = try PredictionReader(path: path, options: options).readBinaryScoreColumn()
    } catch {
      throw Self.failure(error)
    }
    Console.writeWarnings(column.counts.warnings)
    let matrix = try confusionMatrix(of: column.counts, path: path)
    do {
      let scores = try BinaryScores(
        scores: column.scores, isPositive: column.isPositive, keepsItemTerms: keepsItemTerms)
      Self.warnAboutMisreadScores(of: .binary(scores), path: path)
      return (matrix, .binary(scores), column.sourceDescription)
    } catch {
      throw .data("\(Self.displayName(of: path)): \(error.description)")
    }
  }

  /// The confusion matrix of items read with their scores, over ``labels``
  /// or the labels seen.
  ///
  /// - Parameters:
  ///   - items: The items.
  ///   - path: The file, for messages.
  /// - Returns: The confusion matrix.
  /// - Throws: A one-line failure.
  func confusionMatrix(of items: ItemScores, path: String) throws(CommandFailure)
    -> ConfusionMatrix
  {
    do {
      return try items.labelCounts.confusionMatrix(labels: labels)
    } catch {
      if case .duplicateLabel = error { throw .usage(error.description) }
      throw .data("\(path): \(error.description)")
    }
  }
}
