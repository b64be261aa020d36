import CommandLineSupport
import F1KitReading
import F1KitStatistics
import F1KitSupport

extension InputOptions {
  /// Reads binary scores as they are, for a score metric (ROC-AUC,
  /// average precision, log loss, Brier) that ranks or scores them, or
  /// for `tune` and `curves`, which sweep every cut-off: the
  /// cut-off is neither checked against the scores nor warned about, since
  /// nothing is cut at it (0 to 100 scores rank as well as probabilities).
  mutating func readsScoresUncut() {
    reader.isDefaultThreshold = false
    reader.isThresholdUsed = false
  }

  /// The reader options for one file, with its `--threshold-from` cut-off.
  ///
  /// - Parameter path: The file to read.
  /// - Returns: ``reader``, with the tuned threshold when one applies.
  /// - Throws: A one-line failure when the cut-off cannot be worked out,
  ///   or when `--threshold` is given for per-class scores, whose
  ///   prediction is the class with the highest score and takes no cut-off.
  func readerOptions(for path: String) throws(CommandFailure) -> PredictionFileOptions {
    if isThresholdGiven, !reader.scoreColumns.isEmpty || reader.scoreArrayColumn != nil {
      throw .usage(
        "'--threshold' cuts one binary score column or the score columns of a multilabel file; in a single-label file the per-class scores predict the class with the highest score, and no cut-off applies: drop --threshold, or give --score-column for one binary score"
      )
    }
    guard let thresholdResolver else { return reader }
    var options = reader
    let choice = try thresholdResolver.choice(for: path, input: self)
    options.threshold = choice.threshold
    if case .tuned(_, let tuning, _) = choice.source { options.tunedScoreRange = tuning.scoreRange }
    return options
  }

  /// The cut-off applied to a file's binary score column and where it came
  /// from, or `nil` without `--score-column`.
  ///
  /// - Parameter path: The evaluated file.
  /// - Returns: The choice.
  /// - Throws: A one-line failure when the cut-off cannot be worked out.
  func thresholdChoice(for path: String) throws(CommandFailure) -> ThresholdChoice? {
    guard reader.scoreColumn != nil else { return nil }
    if let thresholdResolver { return try thresholdResolver.choice(for: path, input: self) }
    return ThresholdChoice(
      threshold: reader.threshold, source: isThresholdGiven ? .given : .defaultValue)
  }
}

extension InputOptions {
  /// Refuses `--threshold` when no score column is named: the prediction
  /// column would be used as it is, and a user who meant "cut the
  /// probabilities at 0.7" would get the numbers of no cut at all.
  static func checkThresholdHasScores(_ values: ParsedValues, reader: PredictionFileOptions)
    throws(UsageError)
  {
    guard values.isSpecified(threshold), reader.scoreColumn == nil, reader.scoreColumns.isEmpty,
      reader.scoreArrayColumn == nil
    else { return }
    let scoresOfModels = ModelScoreColumns.option
    if values.configuration.option(named: scoresOfModels.name) != nil,
      values.isSpecified(scoresOfModels)
    {
      return
    }
    throw UsageError(
      "'--threshold' cuts a score column, and none is named: give --score-column (or --score-columns for a multilabel problem); without one the prediction column is read as it is"
    )
  }

  /// Refuses several `--threshold` cut-offs for one binary score column
  /// (`--score-column`, or each model's of `--score-columns-of`): only a
  /// multilabel file's per-label `--score-columns` take one cut-off each,
  /// and anything else would be cut at one of them, or at none.
  ///
  /// - Parameters:
  ///   - values: The parsed command line.
  ///   - thresholds: The cut-offs of `--threshold`.
  /// - Throws: A ``UsageError`` naming the cut-offs and how to give one per
  ///   file.
  static func checkThresholdList(_ values: ParsedValues, thresholds: [Double])
    throws(UsageError)
  {
    guard values.isSpecified(threshold), thresholds.count > 1 else { return }
    let given =
      "'--threshold \(thresholds.map(NumberText.shortestBare).joined(separator: ","))' gives \(thresholds.count) cut-offs"
    let listUse = "a list is for the per-label --score-columns of a multilabel file"
    let scoresOfModels = ModelScoreColumns.option
    if values.configuration.option(named: scoresOfModels.name) != nil,
      values.isSpecified(scoresOfModels)
    {
      throw UsageError(
        "\(given), but --score-columns-of cuts every model's score column at one; \(listUse): give one cut-off, or give each model a file of its own with --score-column and --threshold-from"
      )
    }
    guard values[scoreColumn] != nil else { return }
    throw UsageError(
      "\(given), but --score-column is cut at one; \(listUse): give one cut-off, or one per file with --threshold-from, naming a file written by 'f1kit tune --out' for each, separated by commas"
    )
  }
}
